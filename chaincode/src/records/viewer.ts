/**
 * Who the caller is for the records contract, from their certificate: the patient themself,
 * a practitioner (physician or nurse) at a provider, or a provider's registrar. Anyone else
 * has no business with a patient's records.
 */
import type { HealthContext } from '../shared/context';
import type { Caller } from '../shared/identity';
import { forbidden } from '../shared/errors';
import { PROVIDER_MSPS } from '../shared/names';
import { Role } from '../shared/roles';
import { boundPatientId } from './patient-caller';

export type Reader =
  | { readonly kind: 'patient'; readonly patientId: string }
  | {
      readonly kind: 'practitioner';
      readonly mspId: string;
      readonly practitionerId: string;
      readonly role: typeof Role.Physician | typeof Role.Nurse;
    };

export type Viewer = Reader | { readonly kind: 'registrar'; readonly mspId: string };

/** Those who may see metadata: readers and registrars. */
export async function viewerOf(ctx: HealthContext): Promise<Viewer> {
  const { caller } = ctx;
  if (caller.role === Role.Registrar) {
    requireProvider(caller);
    return { kind: 'registrar', mspId: caller.mspId };
  }
  return readerOf(ctx);
}

/** Those who may read clinical content: the patient (with an identity of the provider that
 * registered them) and practitioners at a provider. */
export async function readerOf(ctx: HealthContext): Promise<Reader> {
  const { caller } = ctx;
  switch (caller.role) {
    case Role.Patient:
      return { kind: 'patient', patientId: await boundPatientId(ctx) };
    case Role.Physician:
    case Role.Nurse:
      requireProvider(caller);
      if (!caller.practitionerId) {
        throw forbidden('the caller has no practitionerId attribute');
      }
      return {
        kind: 'practitioner',
        mspId: caller.mspId,
        practitionerId: caller.practitionerId,
        role: caller.role,
      };
    default:
      throw forbidden(`role ${caller.role ?? '(none)'} may not see patient records`);
  }
}

function requireProvider(caller: Caller): void {
  if (!PROVIDER_MSPS.includes(caller.mspId)) {
    throw forbidden(`organisation ${caller.mspId} is not a provider`);
  }
}
