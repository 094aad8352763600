/**
 * Registering a patient: demographics into the registering provider's own implicit collection
 * (its peers alone hold them), a pseudonym the chaincode makes (pseudonym.ts; never the
 * client's) and a salted hash on the public ledger. The same
 * person (the same MRN) registered twice at one provider is a conflict; the MRN index that
 * finds it lives in that provider's implicit collection, keyed by an HMAC with the provider's
 * own secret (index-secret.ts), so not even a guessable hash of an MRN reaches the blocks.
 */
import type { HealthContext } from '../shared/context';
import { conflict } from '../shared/errors';
import { EventName } from '../shared/events';
import { saltedHash } from '../shared/hash';
import { requireMsp, requireRole } from '../shared/identity';
import { implicitCollection, PROVIDER_MSPS, Transient } from '../shared/names';
import { Role } from '../shared/roles';
import { DemographicsSchema } from './demographics';
import { indexSecret } from './index-secret';
import { pseudonymFor } from './pseudonym';
import { demographicsKey, mrnKey, patientKey } from './keys';
import {
  type DemographicsEntry,
  LifeStatus,
  MrnIndexEntrySchema,
  type PatientState,
  PatientStateSchema,
} from './state';
import { putPatient } from './store';
import { transientSalt } from './transient';

export interface Registered {
  readonly patientId: string;
  readonly hash: string;
}

export async function registerPatient(ctx: HealthContext): Promise<Registered> {
  const { ledger, caller } = ctx;
  requireRole(caller, Role.Registrar);
  requireMsp(caller, ...PROVIDER_MSPS);
  const patientId = pseudonymFor(ledger.txId());
  const demographics = ledger.transientJson(DemographicsSchema, Transient.Payload);
  const salt = transientSalt(ledger);

  // A transaction ID is never reused on a channel, so this guards only against a collision.
  const publicKey = patientKey(ledger, patientId);
  if (await ledger.exists(publicKey)) {
    throw conflict(`patient ${patientId} exists already`);
  }
  const ownIndex = implicitCollection(caller.mspId);
  const indexKey = mrnKey(ledger, await indexSecret(ledger, ownIndex, salt), demographics.mrn);
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
  await putPatient(ledger, patient);
  // Only on the registering provider's peers; a write there needs that provider's endorsement.
  await ledger.putPrivate(ownIndex, demographicsKey(ledger, patientId), entry);
  await ledger.putPrivate(ownIndex, indexKey, { patientId });
  // The registration is the registering provider's fact: only it may change it.
  await ledger.restrictTo(publicKey, caller.mspId);
  ledger.emit(EventName.PatientRegistered, { patientId }, [caller.mspId]);
  return { patientId, hash: patient.hash };
}

async function isErased(ctx: HealthContext, patientId: string): Promise<boolean> {
  const patient = await ctx.ledger.get(PatientStateSchema, patientKey(ctx.ledger, patientId));
  return patient?.status === LifeStatus.Erased;
}
