/**
 * Reading the records contract's state with its refusals in one place: a missing patient or
 * record is NOT_FOUND, an erased one ERASED (its tombstone is there), and writing a version
 * with the author organisation's ownership as key-level endorsement policies.
 */
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
  const patient = await ledger.get(PatientStateSchema, patientKey(ledger, patientId));
  if (patient === undefined) {
    throw notFound(`patient ${patientId}`);
  }
  return patient;
}

export async function activePatient(ledger: Ledger, patientId: string): Promise<PatientState> {
  const patient = await findPatient(ledger, patientId);
  if (patient.status === LifeStatus.Erased) {
    throw erased(`patient ${patientId}`);
  }
  return patient;
}

/** The latest metadata of a record, erased or not. */
export async function findRecord(ledger: Ledger, recordId: string): Promise<RecordMetadata> {
  const index = await ledger.get(RecordIndexEntrySchema, recordIndexKey(ledger, recordId));
  const record =
    index && (await ledger.get(RecordMetadataSchema, recordKey(ledger, index.patientId, recordId)));
  if (!record) {
    throw notFound(`record ${recordId}`);
  }
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
  const found = await ledger.get(
    RecordMetadataSchema,
    versionKey(ledger, record.recordId, version),
  );
  if (found === undefined) {
    throw notFound(`version ${version} of record ${record.recordId}`);
  }
  return found;
}

export async function recordsOf(ledger: Ledger, patientId: string): Promise<RecordMetadata[]> {
  return ledger.list(RecordMetadataSchema, RecordsObject.Record, patientId);
}

export async function versionsOf(ledger: Ledger, recordId: string): Promise<RecordMetadata[]> {
  return ledger.list(RecordMetadataSchema, RecordsObject.RecordVersion, recordId);
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
  await ledger.put(latest, metadata);
  await ledger.put(thisVersion, metadata);
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
