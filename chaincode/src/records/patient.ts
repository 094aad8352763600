/**
 * Reading a patient back without reading PHI: the public registration (pseudonym, registering
 * provider, salted hash, status), and a check that this peer's private copy of the
 * demographics matches a copy the caller holds. The copy and its salt are PHI, so they come in
 * the transient map; the answer is yes or no.
 */
import type { HealthContext } from '../shared/context';
import { forbidden } from '../shared/errors';
import { saltedHash } from '../shared/hash';
import { requireMsp, requireRole } from '../shared/identity';
import { implicitCollection, PROVIDER_MSPS, Transient } from '../shared/names';
import { Role } from '../shared/roles';
import { parse } from '../shared/schema';
import { DemographicsSchema } from './demographics';
import { demographicsKey } from './keys';
import { DemographicsEntrySchema, type PatientState, PatientIdSchema } from './state';
import { activePatient, findPatient } from './store';
import { transientSalt } from './transient';

export async function getPatient(ctx: HealthContext, patientIdArg: string): Promise<PatientState> {
  return findPatient(ctx.ledger, parse(PatientIdSchema, patientIdArg, 'patientId'));
}

export interface DemographicsCheck {
  readonly patientId: string;
  /** The copy hashes, with the salt given, to the hash on the public ledger. */
  readonly matchesLedger: boolean;
  /** This peer holds the private demographics and they equal the copy. */
  readonly matchesPrivateCopy: boolean;
}

/** Registrars of the registering provider: the front desk confirms what it holds is what the ledger holds. */
export async function verifyDemographics(
  ctx: HealthContext,
  patientIdArg: string,
): Promise<DemographicsCheck> {
  const { ledger, caller } = ctx;
  requireRole(caller, Role.Registrar);
  requireMsp(caller, ...PROVIDER_MSPS);
  const patientId = parse(PatientIdSchema, patientIdArg, 'patientId');
  const copy = ledger.transientJson(DemographicsSchema, Transient.Payload);
  const salt = transientSalt(ledger);
  const patient = await activePatient(ledger, patientId);
  if (patient.registeredBy !== caller.mspId) {
    throw forbidden(`patient ${patientId} was registered by ${patient.registeredBy}`);
  }
  const stored = await ledger.getPrivate(
    DemographicsEntrySchema,
    implicitCollection(patient.registeredBy),
    demographicsKey(ledger, patientId),
  );
  const hash = saltedHash(salt, copy);
  return {
    patientId,
    matchesLedger: hash === patient.hash,
    matchesPrivateCopy:
      stored !== undefined &&
      stored.salt === salt &&
      saltedHash(stored.salt, stored.demographics) === hash,
  };
}
