/**
 * Who is calling: MSP, certificate identity and the attributes the Fabric CA put into the
 * certificate. The chaincode decides on these, never on anything the client claims.
 */
import type { ClientIdentity } from 'fabric-shim';
import { forbidden } from './errors';
import { ALL_ROLES, Attr, type Role } from './roles';

export interface Caller {
  readonly mspId: string;
  /** The certificate's subject and issuer, as Fabric formats them. */
  readonly id: string;
  readonly role: Role | undefined;
  readonly patientId: string | undefined;
  readonly practitionerId: string | undefined;
}

export function callerOf(identity: ClientIdentity): Caller {
  const role = identity.getAttributeValue(Attr.Role) ?? undefined;
  return {
    mspId: identity.getMSPID(),
    id: identity.getID(),
    role: ALL_ROLES.find((r) => r === role),
    patientId: identity.getAttributeValue(Attr.PatientId) ?? undefined,
    practitionerId: identity.getAttributeValue(Attr.PractitionerId) ?? undefined,
  };
}

export function requireRole(caller: Caller, ...roles: Role[]): Role {
  if (caller.role === undefined || !roles.includes(caller.role)) {
    throw forbidden(`role ${caller.role ?? '(none)'} may not do this; needs ${roles.join(' or ')}`);
  }
  return caller.role;
}

export function requireMsp(caller: Caller, ...msps: string[]): void {
  if (!msps.includes(caller.mspId)) {
    throw forbidden(`organisation ${caller.mspId} may not do this; needs ${msps.join(' or ')}`);
  }
}

export function requirePractitionerId(caller: Caller): string {
  if (!caller.practitionerId) {
    throw forbidden('the caller has no practitionerId attribute');
  }
  return caller.practitionerId;
}
