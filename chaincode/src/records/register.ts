/**
 * Registering a patient: demographics into the clinical collection, a pseudonym and a salted
 * hash on the public ledger. The same person (the same MRN) registered twice at one provider
 * is a conflict; the MRN index that finds it lives in that provider's implicit collection, so
 * not even a hash of an MRN reaches the public ledger's values.
 */
import type { HealthContext } from '../shared/context';
import { conflict } from '../shared/errors';
import { EventName } from '../shared/events';
import { saltedHash } from '../shared/hash';
import { requireMsp, requireRole } from '../shared/identity';
import { Collection, implicitCollection, PROVIDER_MSPS, Transient } from '../shared/names';
import { Role } from '../shared/roles';
import { parse } from '../shared/schema';
import { DemographicsSchema } from './demographics';
import { demographicsKey, mrnKey, patientKey } from './keys';
import {
  type DemographicsEntry,
  LifeStatus,
  MrnIndexEntrySchema,
  type PatientState,
  PatientIdSchema,
  PatientStateSchema,
} from './state';
import { transientSalt } from './transient';

export interface Registered {
  readonly patientId: string;
  readonly hash: string;
}

export async function registerPatient(
  ctx: HealthContext,
  patientIdArg: string,
): Promise<Registered> {
  const { ledger, caller } = ctx;
  requireRole(caller, Role.Registrar);
  requireMsp(caller, ...PROVIDER_MSPS);
  const patientId = parse(PatientIdSchema, patientIdArg, 'patientId');
  const demographics = ledger.transientJson(DemographicsSchema, Transient.Payload);
  const salt = transientSalt(ledger);

  const publicKey = patientKey(ledger, patientId);
  if (await ledger.exists(publicKey)) {
    throw conflict(`patient ${patientId} exists already`);
  }
  const ownIndex = implicitCollection(caller.mspId);
  const indexKey = mrnKey(ledger, demographics.mrn);
  const known = await ledger.getPrivate(MrnIndexEntrySchema, ownIndex, indexKey);
  // An erased patient's MRN may be registered afresh, under a new pseudonym.
  if (known !== undefined && !(await isErased(ctx, known.patientId))) {
    throw conflict(`this provider registered the person already, as ${known.patientId}`);
  }

  const patient: PatientState = {
    patientId,
    registeredBy: caller.mspId,
    hash: saltedHash(salt, demographics),
    status: LifeStatus.Active,
    registeredAt: ledger.txTime(),
  };
  const entry: DemographicsEntry = { patientId, demographics, salt };
  const privateKey = demographicsKey(ledger, patientId);
  await ledger.put(publicKey, patient);
  await ledger.putPrivate(Collection.Clinical, privateKey, entry);
  await ledger.putPrivate(ownIndex, indexKey, { patientId });
  // The registration is the registering provider's fact: only it may change it.
  await ledger.restrictTo(publicKey, caller.mspId);
  await ledger.restrictPrivateTo(Collection.Clinical, privateKey, caller.mspId);
  ledger.emit(EventName.PatientRegistered, { patientId }, [caller.mspId]);
  return { patientId, hash: patient.hash };
}

async function isErased(ctx: HealthContext, patientId: string): Promise<boolean> {
  const patient = await ctx.ledger.get(PatientStateSchema, patientKey(ctx.ledger, patientId));
  return patient?.status === LifeStatus.Erased;
}
