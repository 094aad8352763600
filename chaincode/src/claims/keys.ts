/**
 * Keys of the claims domain. World state: plans, the public claim and the markers of private
 * items. Membership collection: members, prior authorisations, accumulators. A provider's
 * claims collection: the claim's contents, its adjudication record and the line index used
 * to find duplicates.
 */
import type { Ledger } from '../shared/ledger';

export const ClaimsObject = {
  /** plan ~ planId ~ version (zero-padded) -> Plan */
  Plan: 'plan',
  /** planLatest ~ planId -> { planId, version } */
  PlanLatest: 'planLatest',
  /** claim ~ claimId -> PublicClaim */
  Claim: 'claim',
  /** enrolmentMarker ~ enrolmentId / priorAuthMarker ~ authId -> Marker */
  EnrolmentMarker: 'enrolmentMarker',
  PriorAuthMarker: 'priorAuthMarker',
  /** membership collection: member ~ patientId -> Member */
  Member: 'member',
  /** membership collection: priorAuth ~ patientId ~ code -> PriorAuthList */
  PriorAuth: 'priorAuth',
  /** membership collection: accumulator ~ patientId ~ planId ~ year -> Accumulators */
  Accumulator: 'accumulator',
  /** claims collection: claimContents ~ claimId -> StoredContents */
  ClaimContents: 'claimContents',
  /** claims collection: claimRecord ~ claimId -> ClaimRecord */
  ClaimRecord: 'claimRecord',
  /** claims collection: claimLine ~ patientId ~ practitionerId ~ date ~ code -> LineIndexEntry */
  ClaimLine: 'claimLine',
} as const;

/** Versions sort as strings in range scans. */
export function paddedVersion(version: number): string {
  return String(version).padStart(6, '0');
}

export const keys = {
  plan: (l: Ledger, planId: string, version: number) =>
    l.key(ClaimsObject.Plan, planId, paddedVersion(version)),
  planLatest: (l: Ledger, planId: string) => l.key(ClaimsObject.PlanLatest, planId),
  claim: (l: Ledger, claimId: string) => l.key(ClaimsObject.Claim, claimId),
  enrolmentMarker: (l: Ledger, id: string) => l.key(ClaimsObject.EnrolmentMarker, id),
  priorAuthMarker: (l: Ledger, id: string) => l.key(ClaimsObject.PriorAuthMarker, id),
  member: (l: Ledger, patientId: string) => l.key(ClaimsObject.Member, patientId),
  priorAuth: (l: Ledger, patientId: string, code: string) =>
    l.key(ClaimsObject.PriorAuth, patientId, code),
  accumulator: (l: Ledger, patientId: string, planId: string, year: string) =>
    l.key(ClaimsObject.Accumulator, patientId, planId, year),
  claimContents: (l: Ledger, claimId: string) => l.key(ClaimsObject.ClaimContents, claimId),
  claimRecord: (l: Ledger, claimId: string) => l.key(ClaimsObject.ClaimRecord, claimId),
  claimLine: (l: Ledger, patientId: string, practitionerId: string, date: string, code: string) =>
    l.key(ClaimsObject.ClaimLine, patientId, practitionerId, date, code),
};
