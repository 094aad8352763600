/**
 * The PHI an end-to-end run wrote, each value with the organisations entitled to hold it: one
 * JSON line per value in phi-written.jsonl under the network's home, appended by the few
 * helpers that write PHI through the SDK, read by the data-placement scan (test/e2e-after)
 * that looks for every value in every node's data folder and every log. scripts/e2e.sh
 * removes the file before a run.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { NETWORK_HOME } from './network';

export const PHI_WRITTEN = join(NETWORK_HOME, 'phi-written.jsonl');

const PhiEntrySchema = z.strictObject({
  kind: z.string().min(1),
  /** Long and unique to the run, so a byte match is this value and not chance. */
  value: z.string().min(8),
  /** MSP IDs whose peers alone may hold the value. */
  custodians: z.array(z.string().min(1)).min(1),
  /** The patient the value is about: the scan asks the ledger whether they were erased. A
   * licence note is about no patient. */
  patientId: z.string().min(1).optional(),
});

export type PhiEntry = z.output<typeof PhiEntrySchema>;

function record(entries: readonly PhiEntry[]): void {
  appendFileSync(PHI_WRITTEN, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
}

/**
 * Demographics registerPatient wrote, held by the registering provider alone. The birth date
 * is left out: made from the run ID it takes one of 420 values, so another patient's equal
 * date on another peer would be a false finding.
 */
export function recordDemographics(
  custodian: string,
  patientId: string,
  who: { givenName: string; familyName: string; mrn: string; address: string },
): void {
  const custodians = [custodian];
  record([
    { kind: 'given name', value: who.givenName, custodians, patientId },
    { kind: 'family name', value: who.familyName, custodians, patientId },
    { kind: 'MRN', value: who.mrn, custodians, patientId },
    { kind: 'address', value: who.address, custodians, patientId },
  ]);
}

/**
 * A clinical value a record's content holds, held by the author's organisation alone. Sought
 * with its field name as JSON writes it: the bare number (523.478) could be a duration in a
 * log, `"value":523.478` is the record.
 */
export function recordClinicalValue(custodian: string, patientId: string, value: number): void {
  record([
    { kind: 'clinical value', value: `"value":${value}`, custodians: [custodian], patientId },
  ]);
}

/**
 * A free-text note kept beside a public code (an emergency access's, a licence change's),
 * held by the fact's authority alone: the patient's registering provider, or the board.
 */
export function recordNote(
  kind: 'emergency note' | 'licence note',
  custodian: string,
  note: string,
  patientId?: string,
): void {
  record([{ kind, value: note, custodians: [custodian], patientId }]);
}

/** A member number enrolMember wrote: membership lives with the insurer alone. */
export function recordMemberNumber(insurer: string, patientId: string, memberNumber: string): void {
  record([{ kind: 'member number', value: memberNumber, custodians: [insurer], patientId }]);
}

/** The diagnosis codes of a claim's contents, held by its provider and its insurer only (the
 * provider's claims collection). */
export function recordClaimDiagnoses(
  custodians: readonly string[],
  patientId: string,
  codes: readonly string[],
): void {
  record(
    codes.map((value) => ({
      kind: 'claim diagnosis',
      value,
      custodians: [...custodians],
      patientId,
    })),
  );
}

/** Every value recorded since the file was last removed (none if it does not exist). */
export function phiWritten(): PhiEntry[] {
  if (!existsSync(PHI_WRITTEN)) return [];
  return readFileSync(PHI_WRITTEN, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => PhiEntrySchema.parse(JSON.parse(line)));
}
