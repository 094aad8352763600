/**
 * A patient caller, bound to the organisation that registered them. Any member's CA can write
 * any `patientId` into a certificate of its own, so the attribute counts only under the MSP
 * the public registration names (`registeredBy`); a patient of ProviderA acts only with an
 * identity issued by ProviderA.
 */
import type { HealthContext } from '../shared/context';
import { forbidden } from '../shared/errors';
import { requireRole } from '../shared/identity';
import { Role } from '../shared/roles';
import { attestedPatient } from './store';

/** The caller's own patient ID, once their organisation is found to be the registering one. */
export async function boundPatientId(ctx: HealthContext): Promise<string> {
  const { caller, ledger } = ctx;
  if (!caller.patientId) {
    throw forbidden('the caller has no patientId attribute');
  }
  const patient = await attestedPatient(ledger, caller.patientId);
  if (patient === undefined) {
    throw forbidden(`the caller's patientId ${caller.patientId} names no registered patient`);
  }
  if (patient.registeredBy !== caller.mspId) {
    throw forbidden(
      `patient ${caller.patientId} was registered by ${patient.registeredBy}; an identity of ${caller.mspId} may not act as them`,
    );
  }
  return caller.patientId;
}

/** Only the patient themself, with an identity of their registering organisation. */
export async function requirePatientSelf(ctx: HealthContext, patientId: string): Promise<void> {
  requireRole(ctx.caller, Role.Patient);
  if ((await boundPatientId(ctx)) !== patientId) {
    throw forbidden('a patient acts only on their own data');
  }
}
