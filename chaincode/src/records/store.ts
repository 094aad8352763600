/**
 * Reading the records contract's state with its refusals in one place: a missing patient or
 * record is NOT_FOUND, an erased one ERASED (its tombstone is there), and writing a version
 * with the author organisation's ownership as key-level endorsement policies. A record's
 * metadata counts only while its author attested it (shared/attestation.ts): metadata a
 * member's tampered chaincode wrote alone in another provider's name is no record.
 */
import { isAttested, putAttested } from '../shared/attestation';
import { erased, notFound } from '../shared/errors';
import type { Ledger } from '../shared/ledger';
import { implicitCollection } from '../shared/names';
import {
  contentKey,
  patientKey,
  recordIndexKey,
  recordKey,
  RecordsObject,
  versionKey,
} from './keys';
import {
  LifeStatus,
  type PatientState,
  PatientStateSchema,
  type RecordContent,
  RecordIndexEntrySchema,
  type RecordMetadata,
  RecordMetadataSchema,
} from './state';

export async function findPatient(ledger: Ledger, patientId: string): Promise<PatientState> {
  const patient = await attestedPatient(ledger, patientId);
  if (patient === undefined) {
    throw notFound(`patient ${patientId}`);
  }
  return patient;
}

/** The public registration, if the provider it names attested it (erased or not): a
 * registration a member's tampered chaincode wrote alone in another provider's name is none. */
export async function attestedPatient(
  ledger: Ledger,
  patientId: string,
): Promise<PatientState | undefined> {
  const key = patientKey(ledger, patientId);
  const patient = await ledger.get(PatientStateSchema, key);
  if (patient === undefined || !(await isAttested(ledger, patient.registeredBy, key))) {
    return undefined;
  }
  return patient;
}

/** The public registration (new, or its tombstone), attested by the registering provider. */
export async function putPatient(ledger: Ledger, patient: PatientState): Promise<void> {
  await putAttested(ledger, patient.registeredBy, patientKey(ledger, patient.patientId), patient);
}

export async function activePatient(ledger: Ledger, patientId: string): Promise<PatientState> {
  const patient = await findPatient(ledger, patientId);
  if (patient.status === LifeStatus.Erased) {
    throw erased(`patient ${patientId}`);
  }
  return patient;
}

/** The latest metadata of a record, erased or not; NOT_FOUND unless its author attested it. */
export async function findRecord(ledger: Ledger, recordId: string): Promise<RecordMetadata> {
  const record = await attestedRecord(ledger, recordId);
  if (record === undefined) {
    throw notFound(`record ${recordId}`);
  }
  return record;
}

/** The latest metadata of a record if its author attested it, erased or not. */
export async function attestedRecord(
  ledger: Ledger,
  recordId: string,
): Promise<RecordMetadata | undefined> {
  const index = await ledger.get(RecordIndexEntrySchema, recordIndexKey(ledger, recordId));
  if (index === undefined) return undefined;
  const key = recordKey(ledger, index.patientId, recordId);
  const record = await ledger.get(RecordMetadataSchema, key);
  if (record === undefined || !(await isAttested(ledger, record.authorMsp, key))) return undefined;
  return record;
}

export async function activeRecord(ledger: Ledger, recordId: string): Promise<RecordMetadata> {
  const record = await findRecord(ledger, recordId);
  if (record.status === LifeStatus.Erased) {
    throw erased(`record ${recordId}`);
  }
  return record;
}

/** One version's metadata; `undefined` asks for the latest. */
export async function findVersion(
  ledger: Ledger,
  record: RecordMetadata,
  version: number | undefined,
): Promise<RecordMetadata> {
  if (version === undefined || version === record.version) {
    return record;
  }
  const key = versionKey(ledger, record.recordId, version);
  const found = await ledger.get(RecordMetadataSchema, key);
  if (found === undefined || !(await isAttested(ledger, found.authorMsp, key))) {
    throw notFound(`version ${version} of record ${record.recordId}`);
  }
  return found;
}

/** The patient's records whose authors attested their latest metadata. */
export async function recordsOf(ledger: Ledger, patientId: string): Promise<RecordMetadata[]> {
  return attestedRecords(
    ledger,
    patientId,
    await ledger.list(RecordMetadataSchema, RecordsObject.Record, patientId),
  );
}

/** Of RECORDS (latest metadata of the patient's records), those their authors attested. */
export async function attestedRecords(
  ledger: Ledger,
  patientId: string,
  records: readonly RecordMetadata[],
): Promise<RecordMetadata[]> {
  return onlyAttested(ledger, records, (r) => recordKey(ledger, patientId, r.recordId));
}

/** The record's versions whose author attested them. */
export async function versionsOf(ledger: Ledger, recordId: string): Promise<RecordMetadata[]> {
  const versions = await ledger.list(RecordMetadataSchema, RecordsObject.RecordVersion, recordId);
  return onlyAttested(ledger, versions, (v) => versionKey(ledger, recordId, v.version));
}

async function onlyAttested(
  ledger: Ledger,
  list: readonly RecordMetadata[],
  keyOf: (metadata: RecordMetadata) => string,
): Promise<RecordMetadata[]> {
  const attested = await Promise.all(list.map((m) => isAttested(ledger, m.authorMsp, keyOf(m))));
  return list.filter((_, i) => attested[i] === true);
}

/** Metadata of a record or of one of its versions, attested by its author (the custodian). */
export async function putMetadata(
  ledger: Ledger,
  key: string,
  metadata: RecordMetadata,
): Promise<void> {
  await putAttested(ledger, metadata.authorMsp, key, metadata);
}

/**
 * Writes a version: its metadata (as the latest and as that version), its private content
 * and, for a new record, the index. Every key is then changeable only with the author
 * organisation's endorsement, so no other member can alter or "erase" it on its own.
 */
export async function writeVersion(
  ledger: Ledger,
  metadata: RecordMetadata,
  content: RecordContent,
): Promise<void> {
  const { recordId, patientId, version, authorMsp } = metadata;
  const latest = recordKey(ledger, patientId, recordId);
  const thisVersion = versionKey(ledger, recordId, version);
  const privateKey = contentKey(ledger, recordId, version);
  await putMetadata(ledger, latest, metadata);
  await putMetadata(ledger, thisVersion, metadata);
  // The content stays with its custodian: the author organisation's implicit collection.
  await ledger.putPrivate(implicitCollection(authorMsp), privateKey, content);
  await ledger.restrictTo(latest, authorMsp);
  await ledger.restrictTo(thisVersion, authorMsp);
  if (version === 1) {
    const index = recordIndexKey(ledger, recordId);
    await ledger.put(index, { recordId, patientId });
    await ledger.restrictTo(index, authorMsp);
  }
}
