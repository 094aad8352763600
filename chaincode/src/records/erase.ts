/**
 * Erasure at the patient's request (data rule 5), asked by a registrar of the provider that
 * registered the patient, carried out by each custodian on its own copy:
 * - erasePatient, endorsed by the registering provider: purges the demographics, its MRN index
 *   entry, the notes of emergency accesses to the patient and every version of the records it
 *   wrote from its implicit collection, and leaves
 *   the tombstones (hashes, status 'erased', erasedAt) of the patient and of those records;
 * - eraseCustodianCopy, endorsed by each other provider that wrote records of the patient,
 *   once the patient is erased: the same for the records that provider holds.
 * Each purge is a write to the custodian's own implicit collection, valid only with its
 * endorsement, and each tombstone a key it owns. The fact of erasure stays and later reads say
 * ERASED, not NOT_FOUND. erasureEndorsers tells the gateway which custodians hold a copy.
 */
import type { HealthContext } from '../shared/context';
import { erased, failedPrecondition, forbidden } from '../shared/errors';
import { EventName } from '../shared/events';
import type { Ledger } from '../shared/ledger';
import { requireMsp, requireRole } from '../shared/identity';
import { implicitCollection, PROVIDER_MSPS } from '../shared/names';
import { Role } from '../shared/roles';
import { parse } from '../shared/schema';
import { purgeEmergencyNotes } from '../consent/emergency-notes';
import { requireCustodianPeer } from './custodian';
import { storedIndexSecret } from './index-secret';
import { contentKey, demographicsKey, mrnKey, recordKey, versionKey } from './keys';
import { DemographicsEntrySchema, LifeStatus, type PatientState, PatientIdSchema } from './state';
import { findPatient, putMetadata, putPatient, recordsOf, versionsOf } from './store';

export interface Erasure {
  readonly patientId: string;
  readonly erasedAt: string;
  /** How many records of this custodian became tombstones. */
  readonly records: number;
  /** The other custodians that still hold records of the patient, each to erase its copy. */
  readonly custodians: string[];
}

export async function erasePatient(ctx: HealthContext, patientIdArg: string): Promise<Erasure> {
  const { ledger } = ctx;
  const patientId = parse(PatientIdSchema, patientIdArg, 'patientId');
  const patient = await registeringRegistrar(ctx, patientId);
  if (patient.status === LifeStatus.Erased) {
    throw erased(`patient ${patientId}`);
  }
  const custodian = patient.registeredBy;
  requireCustodianPeer(ledger, custodian, `the demographics of patient ${patientId}`);
  const erasedAt = ledger.txTime();

  const own = implicitCollection(custodian);
  const demographics = demographicsKey(ledger, patientId);
  const entry = await ledger.getPrivate(DemographicsEntrySchema, own, demographics);
  const secret = await storedIndexSecret(ledger, own);
  if (entry !== undefined && secret !== undefined) {
    await ledger.purgePrivate(own, mrnKey(ledger, secret, entry.demographics.mrn));
  }
  await ledger.purgePrivate(own, demographics);
  await purgeEmergencyNotes(ledger, patientId, custodian);
  const records = await eraseRecordsHeldBy(ledger, patientId, custodian, erasedAt);

  const tombstone: PatientState = { ...patient, status: LifeStatus.Erased, erasedAt };
  await putPatient(ledger, tombstone);
  const custodians = await otherCustodians(ledger, patientId, custodian);
  ledger.emit(EventName.PatientErased, { patientId }, [custodian, ...custodians]);
  return { patientId, erasedAt, records, custodians };
}

/** On the peer of a custodian that wrote records of an erased patient: erases its copy. */
export async function eraseCustodianCopy(
  ctx: HealthContext,
  patientIdArg: string,
): Promise<Erasure> {
  const { ledger } = ctx;
  const patientId = parse(PatientIdSchema, patientIdArg, 'patientId');
  const patient = await registeringRegistrar(ctx, patientId);
  if (patient.status !== LifeStatus.Erased || patient.erasedAt === undefined) {
    throw failedPrecondition(`patient ${patientId} is not erased: erase the patient first`);
  }
  const custodian = ledger.peerMsp();
  if (custodian === undefined || !PROVIDER_MSPS.includes(custodian)) {
    throw failedPrecondition("this peer's organisation is not a provider that holds records");
  }
  const records = await eraseRecordsHeldBy(ledger, patientId, custodian, patient.erasedAt);
  const custodians = await otherCustodians(ledger, patientId, patient.registeredBy);
  ledger.emit(EventName.PatientErased, { patientId }, [patient.registeredBy, custodian]);
  return { patientId, erasedAt: patient.erasedAt, records, custodians };
}

/** The custodians that hold a copy of the patient's data: the registering provider, then every
 * other author of a record not yet erased, sorted. */
export async function erasureEndorsers(
  ctx: HealthContext,
  patientIdArg: string,
): Promise<string[]> {
  const patientId = parse(PatientIdSchema, patientIdArg, 'patientId');
  const patient = await registeringRegistrar(ctx, patientId);
  return [
    patient.registeredBy,
    ...(await otherCustodians(ctx.ledger, patientId, patient.registeredBy)),
  ];
}

/** Purges the content of every version of the patient's active records that CUSTODIAN wrote,
 * and leaves their tombstones; how many records. */
async function eraseRecordsHeldBy(
  ledger: Ledger,
  patientId: string,
  custodian: string,
  erasedAt: string,
): Promise<number> {
  const held = (await recordsOf(ledger, patientId)).filter(
    (r) => r.authorMsp === custodian && r.status !== LifeStatus.Erased,
  );
  for (const record of held) {
    for (const version of await versionsOf(ledger, record.recordId)) {
      await ledger.purgePrivate(
        implicitCollection(custodian),
        contentKey(ledger, record.recordId, version.version),
      );
      await putMetadata(ledger, versionKey(ledger, record.recordId, version.version), {
        ...version,
        status: LifeStatus.Erased,
        erasedAt,
      });
    }
    await putMetadata(ledger, recordKey(ledger, patientId, record.recordId), {
      ...record,
      status: LifeStatus.Erased,
      erasedAt,
    });
  }
  return held.length;
}

async function otherCustodians(
  ledger: Ledger,
  patientId: string,
  registeredBy: string,
): Promise<string[]> {
  const authors = (await recordsOf(ledger, patientId))
    .filter((r) => r.status !== LifeStatus.Erased && r.authorMsp !== registeredBy)
    .map((r) => r.authorMsp);
  return [...new Set(authors)].sort();
}

/** Only a registrar of the provider that registered the patient erases them: another
 * provider's registrar asking is FORBIDDEN, whatever its CA wrote into the certificate. */
async function registeringRegistrar(ctx: HealthContext, patientId: string): Promise<PatientState> {
  requireRole(ctx.caller, Role.Registrar);
  requireMsp(ctx.caller, ...PROVIDER_MSPS);
  const patient = await findPatient(ctx.ledger, patientId);
  if (patient.registeredBy !== ctx.caller.mspId) {
    throw forbidden(
      `patient ${patientId} was registered by ${patient.registeredBy}; only its registrar erases them`,
    );
  }
  return patient;
}
