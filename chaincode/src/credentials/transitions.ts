/**
 * The life of a credential as pure functions: issue, renew, suspend, reinstate, revoke.
 * Each returns the next version, stamped with who changed it and when, or refuses a change
 * the current status does not allow. Revocation is final.
 */
import { failedPrecondition } from '../shared/errors';
import type { LicenceReason } from './licence-reasons';
import { type Credential, CredentialAction, CredentialStatus, type IssueRequest } from './state';

/** Who makes a change and when: the caller's certificate and the transaction's time. */
export interface Actor {
  readonly id: string;
  readonly mspId: string;
  readonly at: string;
}

export function issue(request: IssueRequest, actor: Actor): Credential {
  return {
    ...request,
    issuingBoard: actor.mspId,
    status: CredentialStatus.Active,
    issuedAt: actor.at,
    ...stamp(CredentialAction.Issued, actor),
  };
}

/** A new window; the status stays as it is, so renewing a suspended licence does not lift
 * the suspension. */
export function renew(
  current: Credential,
  window: { validFrom: string; validTo: string },
  actor: Actor,
): Credential {
  requireNotRevoked(current, 'renewed');
  return { ...current, ...window, ...stamp(CredentialAction.Renewed, actor) };
}

export function suspend(current: Credential, reason: LicenceReason, actor: Actor): Credential {
  requireNotRevoked(current, 'suspended');
  if (current.status === CredentialStatus.Suspended) {
    throw failedPrecondition(`licence ${current.licenceNumber} is already suspended`);
  }
  return {
    ...current,
    status: CredentialStatus.Suspended,
    statusReason: reason,
    ...stamp(CredentialAction.Suspended, actor, reason),
  };
}

export function reinstate(current: Credential, actor: Actor): Credential {
  requireNotRevoked(current, 'reinstated');
  if (current.status !== CredentialStatus.Suspended) {
    throw failedPrecondition(`licence ${current.licenceNumber} is not suspended`);
  }
  return {
    ...current,
    status: CredentialStatus.Active,
    statusReason: undefined,
    ...stamp(CredentialAction.Reinstated, actor),
  };
}

export function revoke(current: Credential, reason: LicenceReason, actor: Actor): Credential {
  if (current.status === CredentialStatus.Revoked) {
    throw failedPrecondition(`licence ${current.licenceNumber} is already revoked`);
  }
  return {
    ...current,
    status: CredentialStatus.Revoked,
    statusReason: reason,
    ...stamp(CredentialAction.Revoked, actor, reason),
  };
}

function requireNotRevoked(current: Credential, change: string): void {
  if (current.status === CredentialStatus.Revoked) {
    throw failedPrecondition(
      `licence ${current.licenceNumber} is revoked, which is final; it cannot be ${change}`,
    );
  }
}

/** Every version names its own change; a reason from an earlier change must not linger. */
function stamp(
  action: CredentialAction,
  actor: Actor,
  reason?: LicenceReason,
): Pick<Credential, 'lastAction' | 'lastActor' | 'lastActorMsp' | 'lastReason' | 'updatedAt'> {
  return {
    lastAction: action,
    lastActor: actor.id,
    lastActorMsp: actor.mspId,
    lastReason: reason,
    updatedAt: actor.at,
  };
}
