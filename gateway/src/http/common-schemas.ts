/**
 * Field shapes the request schemas share. They mirror the chaincode's so that a mistake is
 * caught before a transaction is signed; the chaincode still checks everything itself.
 */
import { z } from 'zod';

export const Id = z
  .string()
  .min(1, 'must not be empty')
  .max(128, 'must be at most 128 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'may contain only letters, digits, . _ : -');

export const PatientId = z
  .string()
  .regex(/^pat-[a-z0-9]{6,40}$/, 'must be "pat-" and 6 to 40 lowercase letters or digits');

export const PractitionerId = Id;

/** An organisation's MSP ID as the network names them, e.g. ProviderAMSP. */
export const MspId = z
  .string()
  .min(1, 'must not be empty')
  .regex(/^[A-Za-z][A-Za-z0-9.-]{0,63}MSP$/, 'must be an MSP ID such as ProviderAMSP');

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => isCalendarDate(s), 'is not a calendar date');

// Refinements run even after the pattern failed, so this must not throw on any text.
function isCalendarDate(s: string): boolean {
  const time = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(s);
}

export const IsoInstant = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time',
});

export const Purpose = z.enum(['treatment', 'payment', 'research']);

export const RecordCategory = z.enum([
  'observation',
  'condition',
  'medication',
  'allergy',
  'diagnostic-report',
  'document',
]);

/** A salt as the chaincode accepts it: at least 16 bytes, hex. */
export const Salt = z
  .string()
  .regex(/^[0-9a-fA-F]{32,256}$/, 'must be 32 to 256 hexadecimal characters');

/** Query of a paged list: page size 1..100 (default 20) and the bookmark of the previous page. */
export const PageQuery = z.strictObject({
  pageSize: z
    .string()
    .regex(/^\d{1,3}$/, 'must be a whole number from 1 to 100')
    .refine((s) => Number(s) >= 1 && Number(s) <= 100, 'must be a whole number from 1 to 100')
    .default('20'),
  bookmark: z.string().max(4096, 'is too long').default(''),
});

export type Page = z.output<typeof PageQuery>;

/** A free-text note beside a public code: it may carry PHI, so it travels in the transient
 * map only and the chaincode keeps it privately with the fact's authority. */
export const PrivateNote = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(2000, 'must be at most 2000 characters');

/** An enum of public codes whose refusal lists them, as the chaincode's does. */
export function codeList<const T extends readonly [string, ...string[]]>(codes: T) {
  return z.enum(codes, { error: `must be one of ${codes.join(', ')}` });
}
