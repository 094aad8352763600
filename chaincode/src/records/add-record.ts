/**
 * Adding a clinical record, or a correction of one as its next version: a physician or nurse
 * with an active licence of that kind, at a provider, files a FHIR resource (transient) for a
 * registered patient. The resource goes to the clinical collection; the public ledger gets
 * metadata and a salted hash.
 */
import { requireActiveCredential } from '../credentials/enforce';
import { LicenceType } from '../credentials/state';
import type { HealthContext } from '../shared/context';
import { conflict, invalidArgument } from '../shared/errors';
import { EventName } from '../shared/events';
import { requireMsp, requirePractitionerId, requireRole } from '../shared/identity';
import { PROVIDER_MSPS, Transient } from '../shared/names';
import { Role } from '../shared/roles';
import { parse } from '../shared/schema';
import { FhirResourceSchema } from './fhir';
import { recordKey } from './keys';
import { OptionalRecordIdSchema, PatientIdSchema, type RecordMetadata } from './state';
import { activePatient, activeRecord, writeVersion } from './store';
import { transientSalt } from './transient';
import { type Authoring, correction, firstVersion, recordIdFor } from './versions';

export interface Added {
  readonly recordId: string;
  readonly version: number;
  readonly hash: string;
}

export async function addRecord(
  ctx: HealthContext,
  patientIdArg: string,
  replacesRecordIdArg: string,
): Promise<Added> {
  const { ledger, caller } = ctx;
  const role = requireRole(caller, Role.Physician, Role.Nurse);
  requireMsp(caller, ...PROVIDER_MSPS);
  const practitionerId = requirePractitionerId(caller);
  const patientId = parse(PatientIdSchema, patientIdArg, 'patientId');
  const replacesRecordId = parse(OptionalRecordIdSchema, replacesRecordIdArg, 'replacesRecordId');
  const resource = ledger.transientJson(FhirResourceSchema, Transient.Payload);
  const salt = transientSalt(ledger);
  await requireActiveCredential(ctx, { practitionerId, mspId: caller.mspId }, [
    role === Role.Physician ? LicenceType.Physician : LicenceType.Nurse,
  ]);
  const patient = await activePatient(ledger, patientId);

  const authoring: Authoring = {
    resource,
    salt,
    authorMsp: caller.mspId,
    authorPractitionerId: practitionerId,
    at: ledger.txTime(),
  };
  const metadata =
    replacesRecordId === ''
      ? await newRecord(ctx, patientId, authoring)
      : correction(await correctedRecord(ctx, patientId, replacesRecordId), authoring);
  await writeVersion(ledger, metadata, {
    recordId: metadata.recordId,
    version: metadata.version,
    resource,
    salt,
  });
  ledger.emit(
    EventName.RecordAdded,
    { recordId: metadata.recordId, patientId, version: metadata.version },
    [patient.registeredBy, metadata.authorMsp],
  );
  return { recordId: metadata.recordId, version: metadata.version, hash: metadata.hash };
}

async function newRecord(
  ctx: HealthContext,
  patientId: string,
  authoring: Authoring,
): Promise<RecordMetadata> {
  const recordId = recordIdFor(ctx.ledger.txId());
  // Cannot happen with distinct transaction IDs; checked so that it could never overwrite.
  if (await ctx.ledger.exists(recordKey(ctx.ledger, patientId, recordId))) {
    throw conflict(`record ${recordId} exists already`);
  }
  return firstVersion(recordId, patientId, authoring);
}

async function correctedRecord(
  ctx: HealthContext,
  patientId: string,
  recordId: string,
): Promise<RecordMetadata> {
  const record = await activeRecord(ctx.ledger, recordId);
  if (record.patientId !== patientId) {
    throw invalidArgument('replacesRecordId', `is a record of another patient than ${patientId}`);
  }
  return record;
}
