/**
 * Erasure at the patient's request, carried out by a registrar of the provider that registered
 * the patient (data rule 5):
 * purge the demographics, the registering provider's MRN index entry and every version of
 * every record from the private stores; keep the public tombstones (hashes, status 'erased',
 * erasedAt) so the fact of erasure stays and later reads say ERASED, not NOT_FOUND.
 *
 * The keys written here belong to their owners by key-level endorsement (the registering
 * provider, each record's author), so the transaction needs each of those organisations'
 * endorsement: erasureEndorsers tells the gateway which ones.
 */
import type { HealthContext } from '../shared/context';
import { erased, forbidden } from '../shared/errors';
import { EventName } from '../shared/events';
import { requireMsp, requireRole } from '../shared/identity';
import { Collection, implicitCollection, PROVIDER_MSPS } from '../shared/names';
import { Role } from '../shared/roles';
import { parse } from '../shared/schema';
import { contentKey, demographicsKey, mrnKey, patientKey, recordKey, versionKey } from './keys';
import { DemographicsEntrySchema, LifeStatus, type PatientState, PatientIdSchema } from './state';
import { findPatient, recordsOf, versionsOf } from './store';

export interface Erasure {
  readonly patientId: string;
  readonly erasedAt: string;
  /** How many records became tombstones. */
  readonly records: number;
}

export async function erasePatient(ctx: HealthContext, patientIdArg: string): Promise<Erasure> {
  const { ledger, caller } = ctx;
  const patientId = parse(PatientIdSchema, patientIdArg, 'patientId');
  const patient = await registeringRegistrar(ctx, patientId);
  if (patient.status === LifeStatus.Erased) {
    throw erased(`patient ${patientId}`);
  }
  const erasedAt = ledger.txTime();

  const demographics = demographicsKey(ledger, patientId);
  const entry = await ledger.getPrivate(DemographicsEntrySchema, Collection.Clinical, demographics);
  if (entry !== undefined) {
    await ledger.purgePrivate(
      implicitCollection(caller.mspId),
      mrnKey(ledger, entry.demographics.mrn),
    );
  }
  await ledger.purgePrivate(Collection.Clinical, demographics);

  const records = await recordsOf(ledger, patientId);
  for (const record of records) {
    for (const version of await versionsOf(ledger, record.recordId)) {
      await ledger.purgePrivate(
        Collection.Clinical,
        contentKey(ledger, record.recordId, version.version),
      );
      await ledger.put(versionKey(ledger, record.recordId, version.version), {
        ...version,
        status: LifeStatus.Erased,
        erasedAt,
      });
    }
    await ledger.put(recordKey(ledger, patientId, record.recordId), {
      ...record,
      status: LifeStatus.Erased,
      erasedAt,
    });
  }
  const tombstone: PatientState = { ...patient, status: LifeStatus.Erased, erasedAt };
  await ledger.put(patientKey(ledger, patientId), tombstone);
  ledger.emit(EventName.PatientErased, { patientId }, [
    patient.registeredBy,
    ...records.map((r) => r.authorMsp),
  ]);
  return { patientId, erasedAt, records: records.length };
}

/** The organisations whose endorsement erasePatient needs: the registering provider and the
 * author of each record, sorted. */
export async function erasureEndorsers(
  ctx: HealthContext,
  patientIdArg: string,
): Promise<string[]> {
  const patientId = parse(PatientIdSchema, patientIdArg, 'patientId');
  const patient = await registeringRegistrar(ctx, patientId);
  const records = await recordsOf(ctx.ledger, patientId);
  return [...new Set([patient.registeredBy, ...records.map((r) => r.authorMsp)])].sort();
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
