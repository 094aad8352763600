/**
 * Where the records contract keeps things: object types of its composite keys (public state,
 * the clinical collection and the registering organisation's implicit collection) and the
 * functions that build each key, so no key is spelled out twice.
 */
import type { Ledger } from '../shared/ledger';
import { hmacHex } from '../shared/hash';

export const RecordsObject = {
  /** patient ~ patientId -> PatientState (public: pseudonym, salted hash, status) */
  Patient: 'patient',
  /** demographics ~ patientId -> DemographicsEntry (Collection.Clinical) */
  Demographics: 'demographics',
  /** mrn ~ hmac(index secret, mrn) -> MrnIndexEntry (implicit collection of the registering org) */
  Mrn: 'mrn',
  /** indexSecret -> IndexSecret: the registering org's key for its MRN index (its implicit
   * collection) */
  IndexSecret: 'indexSecret',
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

/** Keyed by an HMAC with the provider's own secret: the hash of a private key is public in
 * the blocks, and sha256 of an MRN could be matched against a list of likely MRNs. */
export function mrnKey(ledger: Ledger, indexSecret: string, mrn: string): string {
  return ledger.key(RecordsObject.Mrn, hmacHex(indexSecret, mrn));
}

export function indexSecretKey(ledger: Ledger): string {
  return ledger.key(RecordsObject.IndexSecret);
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
