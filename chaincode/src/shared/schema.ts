/**
 * Validation of everything that comes from outside the contract (arguments, transient data,
 * ledger bytes): one zod schema both checks and types it, and a failure names the field.
 */
import { z } from 'zod';
import { invalidArgument } from './errors';

export function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) {
    return result.data;
  }
  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? `${what}.${issue.path.join('.')}` : what;
  throw invalidArgument(path, issue?.message ?? 'is invalid');
}

/** Deeper JSON than any record needs; refused before anything recurses over it. */
export const MAX_JSON_DEPTH = 64;

/** Parses a JSON text, then validates it. */
export function parseJson<S extends z.ZodType>(schema: S, text: string, what: string): z.output<S> {
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    throw invalidArgument(what, `is nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidArgument(what, 'is not valid JSON');
  }
  return parse(schema, value, what);
}

/** Common field shapes. */
export const Id = z
  .string()
  .min(1, 'must not be empty')
  .max(128, 'must be at most 128 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'may contain only letters, digits, . _ : -');

/** An organisation's MSP ID as the network names them, e.g. ProviderAMSP. */
export const MspId = z
  .string()
  .min(1, 'must not be empty')
  .regex(/^[A-Za-z][A-Za-z0-9.-]{0,63}MSP$/, 'must be an MSP ID such as ProviderAMSP');

/** A calendar date, YYYY-MM-DD, that exists. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'is not a calendar date',
  );

/** An instant, ISO 8601 with a time zone. */
export const IsoInstant = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time',
});

/** Page size argument of the list transactions (the contract API passes it as a string). */
export const PageSizeSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,2}$/, 'must be a whole number from 1 to 100')
  .transform(Number)
  .refine((n) => n <= 100, 'must be a whole number from 1 to 100');

export const NonEmptyText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(1000, 'must be at most 1000 characters');

/** The deepest nesting of brackets in a JSON text, counted without recursion. */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '{' || c === '[') {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === '}' || c === ']') {
      depth--;
    }
  }
  return deepest;
}
