/**
 * Who may do what in the claims domain, decided on the caller's certificate (MSP and role
 * attribute) only. Provider side: registrars and physicians; insurer side: intake (submits
 * on a provider's behalf, enrols), adjudicators (plans, authorisations, decisions, payment)
 * and admins.
 */
import { forbidden, invalidArgument } from '../shared/errors';
import { type Caller, requireMsp, requireRole } from '../shared/identity';
import { Msp, PROVIDER_MSPS } from '../shared/names';
import { Role } from '../shared/roles';
import type { PublicClaim } from './claim';

const PROVIDER_ROLES = [Role.Registrar, Role.Physician];
const INSURER_READERS = [Role.Intake, Role.Adjudicator, Role.Admin];

export function requireInsurer(caller: Caller, ...roles: Role[]): void {
  requireMsp(caller, Msp.Insurer);
  requireRole(caller, ...roles);
}

/**
 * The provider a new claim belongs to: the caller's own organisation, or for the insurer's
 * intake the provider named in the payload.
 */
export function claimProvider(caller: Caller, named: string | undefined): string {
  if (caller.mspId === Msp.Insurer) {
    requireRole(caller, Role.Intake);
    if (named === undefined || !PROVIDER_MSPS.includes(named)) {
      throw invalidArgument(
        'transient.payload.providerMsp',
        `must name the provider (${PROVIDER_MSPS.join(' or ')}) when the insurer submits`,
      );
    }
    return named;
  }
  requireMsp(caller, ...PROVIDER_MSPS);
  requireRole(caller, ...PROVIDER_ROLES);
  if (named !== undefined && named !== caller.mspId) {
    throw forbidden(`a provider submits claims for itself only, not for ${named}`);
  }
  return caller.mspId;
}

/** The claim's provider or its insurer, in a role that handles claims. */
export function requireClaimParty(caller: Caller, claim: PublicClaim): void {
  if (caller.mspId === claim.providerMsp) {
    requireRole(caller, ...PROVIDER_ROLES);
  } else if (caller.mspId === claim.insurerMsp) {
    requireRole(caller, ...INSURER_READERS);
  } else {
    throw forbidden(`only ${claim.providerMsp} and ${claim.insurerMsp} are party to this claim`);
  }
}

export function requireClaimProvider(caller: Caller, claim: PublicClaim): void {
  if (caller.mspId !== claim.providerMsp) {
    throw forbidden(`only the claim's provider ${claim.providerMsp} may do this`);
  }
  requireRole(caller, ...PROVIDER_ROLES);
}

export function requireClaimInsurer(caller: Caller, claim: PublicClaim, ...roles: Role[]): void {
  if (caller.mspId !== claim.insurerMsp) {
    throw forbidden(`only the claim's insurer ${claim.insurerMsp} may do this`);
  }
  requireRole(caller, ...roles);
}
