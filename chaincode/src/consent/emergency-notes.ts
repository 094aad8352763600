/**
 * The free-text notes of emergency accesses (shared/private-note.ts): kept by the patient's
 * registering provider, on whose peer the access is declared and attested, under the access
 * ID; purged with the rest of the patient's private data when the patient is erased.
 */
import type { Ledger } from '../shared/ledger';
import { implicitCollection } from '../shared/names';
import { keepNote, noteKey, type PrivateNote, readNote } from '../shared/private-note';
import { EmergencyAccessSchema, ObjectType } from './state';

/** What an emergency note is about, in its key. */
export const EMERGENCY_NOTE = 'emergency';

export async function keepEmergencyNote(
  ledger: Ledger,
  registeringProvider: string,
  accessId: string,
  note: { note: string; salt: string },
): Promise<void> {
  await keepNote(ledger, registeringProvider, EMERGENCY_NOTE, [accessId], note);
}

/** The note of the emergency access ACCESSID as the registering provider's peer holds it. */
export async function emergencyNoteOf(
  ledger: Ledger,
  registeringProvider: string,
  accessId: string,
): Promise<PrivateNote | undefined> {
  return readNote(ledger, registeringProvider, EMERGENCY_NOTE, [accessId]);
}

/** Purges the note of every emergency access declared on the patient from the registering
 * provider's implicit collection (a purge of a key without a note is harmless); how many
 * accesses were looked at. */
export async function purgeEmergencyNotes(
  ledger: Ledger,
  patientId: string,
  registeringProvider: string,
): Promise<number> {
  const accesses = await ledger.list(EmergencyAccessSchema, ObjectType.Emergency, patientId);
  const own = implicitCollection(registeringProvider);
  for (const access of accesses) {
    await ledger.purgePrivate(own, noteKey(ledger, EMERGENCY_NOTE, [access.accessId]));
  }
  return accesses.length;
}
