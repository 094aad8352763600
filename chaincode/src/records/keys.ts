/**
 * Where the records contract keeps things: object types of its composite keys (public state,
 * the clinical collection and the registering organisation's implicit collection) and the
 * functions that build each key, so no key is spelled out twice.
 */
import type { Ledger } from '../shared/ledger';
import { sha256Hex } from '../shared/hash';

export const RecordsObject = {
  /** patient ~ patientId -> PatientState (public: pseudonym, salted hash, status) */
  Patient: 'patient',
  /** demographics ~ patientId -> DemographicsEntry (Collection.Clinical) */
  Demographics: 'demographics',
  /** mrn ~ sha256(mrn) -> MrnIndexEntry (implicit collection of the registering org) */
  Mrn: 'mrn',
  /** record ~ patientId ~ recordId -> RecordMetadata of the latest version (public) */
  Record: 'record',
  /** recordVersion ~ recordId ~ version -> RecordMetadata of that version (public) */
  RecordVersion: 'recordVersion',
  /** recordContent ~ recordId ~ version -> RecordContent (Collection.Clinical) */
  RecordContent: 'recordContent',
  /** recordIndex ~ recordId -> RecordIndexEntry: finds the patient of a record (public) */
  RecordIndex: 'recordIndex',
} as const;

/** Zero-padded so that a range scan returns versions in numeric order. */
export function versionAttr(version: number): string {
  return String(version).padStart(6, '0');
}

export function patientKey(ledger: Ledger, patientId: string): string {
  return ledger.key(RecordsObject.Patient, patientId);
}

export function demographicsKey(ledger: Ledger, patientId: string): string {
  return ledger.key(RecordsObject.Demographics, patientId);
}

/** Keyed by a hash so that even the private key of the index is no MRN in clear. */
export function mrnKey(ledger: Ledger, mrn: string): string {
  return ledger.key(RecordsObject.Mrn, sha256Hex(mrn));
}

export function recordKey(ledger: Ledger, patientId: string, recordId: string): string {
  return ledger.key(RecordsObject.Record, patientId, recordId);
}

export function versionKey(ledger: Ledger, recordId: string, version: number): string {
  return ledger.key(RecordsObject.RecordVersion, recordId, versionAttr(version));
}

export function contentKey(ledger: Ledger, recordId: string, version: number): string {
  return ledger.key(RecordsObject.RecordContent, recordId, versionAttr(version));
}

export function recordIndexKey(ledger: Ledger, recordId: string): string {
  return ledger.key(RecordsObject.RecordIndex, recordId);
}
