/**
 * A free-text note beside a public code. Public state, events, arguments and logs are every
 * member's forever, so what a person types (why the glass was broken, why a licence was
 * suspended) may carry PHI and never goes there: the public fact keeps a code from a fixed list
 * (consent/emergency-reasons.ts, credentials/licence-reasons.ts) and the note travels in the
 * transient map and is kept in the implicit collection of the fact's authority, whose peers
 * alone hold it. Its key names only the public fact it explains; its value carries the client's
 * random salt, so the hash every peer sees cannot be matched against a dictionary of notes.
 */
import { z } from 'zod';
import type { Ledger } from './ledger';
import { implicitCollection, Transient } from './names';
import { parse } from './schema';

/** Object type of the notes in an authority's implicit collection. */
export const NOTE_OBJECT = 'note';

const NOTE_MAX = 2000;

/** The transient payload of a transaction that may carry a note. */
const NotePayloadSchema = z.strictObject({
  note: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(NOTE_MAX, `must be at most ${NOTE_MAX} characters`),
});

const NoteSaltSchema = z
  .string()
  .regex(/^[0-9a-fA-F]{32,256}$/, 'must be 32 to 256 hexadecimal characters');

/** What the authority keeps. */
export const PrivateNoteSchema = z.strictObject({
  /** The public fact the note explains, e.g. "emergency" or "licence". */
  about: z.string().min(1),
  /** Its ID (and the transaction that changed it, when a fact changes over time). */
  subject: z.array(z.string().min(1)).min(1),
  note: z.string().min(1).max(NOTE_MAX),
  salt: NoteSaltSchema,
});
export type PrivateNote = z.output<typeof PrivateNoteSchema>;

/** The key of the note about SUBJECT (a public fact's ID parts) of kind ABOUT. */
export function noteKey(ledger: Ledger, about: string, subject: readonly string[]): string {
  return ledger.key(NOTE_OBJECT, about, ...subject);
}

/** The note of this transaction, or undefined when the client sent none (no transient
 * payload). With a payload, the salt is required. Call before writing anything. */
export function transientNote(ledger: Ledger): { note: string; salt: string } | undefined {
  if (!ledger.hasTransient(Transient.Payload)) return undefined;
  const { note } = ledger.transientJson(NotePayloadSchema, Transient.Payload);
  const salt = parse(NoteSaltSchema, ledger.transientText(Transient.Salt), 'transient.salt');
  return { note, salt };
}

/** Keeps NOTE in AUTHORITY's implicit collection: valid only with that organisation's own
 * endorsement, and only its peers hold it. */
export async function keepNote(
  ledger: Ledger,
  authority: string,
  about: string,
  subject: readonly string[],
  note: { note: string; salt: string },
): Promise<void> {
  const value: PrivateNote = { about, subject: [...subject], ...note };
  await ledger.putPrivate(implicitCollection(authority), noteKey(ledger, about, subject), value);
}

/** The note about SUBJECT as AUTHORITY's peer holds it; undefined when there is none. */
export async function readNote(
  ledger: Ledger,
  authority: string,
  about: string,
  subject: readonly string[],
): Promise<PrivateNote | undefined> {
  return ledger.getPrivate(
    PrivateNoteSchema,
    implicitCollection(authority),
    noteKey(ledger, about, subject),
  );
}
