/**
 * Keys of the claims domain. World state: plans, the public claim and the markers of private
 * items. The insurer's implicit collection: members, prior authorisations, accumulators, the
 * duplicate-line index and the secret their keys are made with. A provider's claims
 * collection: the claim's contents, its adjudication record, its appeal and the joint
 * attestation of the public claim.
 *
 * Nothing private is keyed by what it indexes: the hash of a private key is public in every
 * block, so a key made from a patient ID (or a member, a code, a date) could be confirmed by
 * guessing. Those keys are HMACs with the insurer's secret (insurer-secret.ts).
 */
import { hmacHex } from '../shared/hash';
import type { Ledger } from '../shared/ledger';

export const ClaimsObject = {
  /** plan ~ planId ~ version (zero-padded) -> Plan */
  Plan: 'plan',
  /** planLatest ~ planId -> { planId, version } */
  PlanLatest: 'planLatest',
  /** claim ~ claimId -> PublicClaim (attested: claims collection or the insurer's) */
  Claim: 'claim',
  /** enrolmentMarker ~ enrolmentId / priorAuthMarker ~ authId -> Marker (attested by the insurer) */
  EnrolmentMarker: 'enrolmentMarker',
  PriorAuthMarker: 'priorAuthMarker',
  /** insurer's implicit collection: claimsSecret -> { secret } */
  ClaimsSecret: 'claimsSecret',
  /** insurer's implicit collection: member ~ hmac(patientId) -> Member */
  Member: 'member',
  /** insurer's implicit collection: priorAuth ~ hmac(patientId, code) -> PriorAuthList */
  PriorAuth: 'priorAuth',
  /** insurer's implicit collection: accumulator ~ hmac(patientId, planId, year) -> Accumulators */
  Accumulator: 'accumulator',
  /** insurer's implicit collection: claimLine ~ hmac(provider, patient, practitioner, date,
   * code) -> LineIndexEntry */
  ClaimLine: 'claimLine',
  /** claims collection: claimContents ~ claimId -> StoredContents */
  ClaimContents: 'claimContents',
  /** claims collection: claimRecord ~ claimId -> ClaimRecord */
  ClaimRecord: 'claimRecord',
  /** claims collection: claimAppeal ~ claimId -> the provider's appeal */
  ClaimAppeal: 'claimAppeal',
} as const;

/** Versions sort as strings in range scans. */
export function paddedVersion(version: number): string {
  return String(version).padStart(6, '0');
}

/** One HMAC over the parts, each part's kind first so two kinds never share a key. */
function sealed(secret: string, kind: string, ...parts: string[]): string {
  return hmacHex(secret, JSON.stringify([kind, ...parts]));
}

export const keys = {
  plan: (l: Ledger, planId: string, version: number) =>
    l.key(ClaimsObject.Plan, planId, paddedVersion(version)),
  planLatest: (l: Ledger, planId: string) => l.key(ClaimsObject.PlanLatest, planId),
  claim: (l: Ledger, claimId: string) => l.key(ClaimsObject.Claim, claimId),
  enrolmentMarker: (l: Ledger, id: string) => l.key(ClaimsObject.EnrolmentMarker, id),
  priorAuthMarker: (l: Ledger, id: string) => l.key(ClaimsObject.PriorAuthMarker, id),
  claimsSecret: (l: Ledger) => l.key(ClaimsObject.ClaimsSecret),
  member: (l: Ledger, secret: string, patientId: string) =>
    l.key(ClaimsObject.Member, sealed(secret, ClaimsObject.Member, patientId)),
  priorAuth: (l: Ledger, secret: string, patientId: string, code: string) =>
    l.key(ClaimsObject.PriorAuth, sealed(secret, ClaimsObject.PriorAuth, patientId, code)),
  accumulator: (l: Ledger, secret: string, patientId: string, planId: string, year: string) =>
    l.key(
      ClaimsObject.Accumulator,
      sealed(secret, ClaimsObject.Accumulator, patientId, planId, year),
    ),
  claimContents: (l: Ledger, claimId: string) => l.key(ClaimsObject.ClaimContents, claimId),
  claimRecord: (l: Ledger, claimId: string) => l.key(ClaimsObject.ClaimRecord, claimId),
  claimAppeal: (l: Ledger, claimId: string) => l.key(ClaimsObject.ClaimAppeal, claimId),
  claimLine: (
    l: Ledger,
    secret: string,
    line: {
      providerMsp: string;
      patientId: string;
      practitionerId: string;
      date: string;
      code: string;
    },
  ) =>
    l.key(
      ClaimsObject.ClaimLine,
      sealed(
        secret,
        ClaimsObject.ClaimLine,
        line.providerMsp,
        line.patientId,
        line.practitionerId,
        line.date,
        line.code,
      ),
    ),
};
