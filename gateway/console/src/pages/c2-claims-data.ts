/**
 * The claims answers the insurer pages read: a page of public claim records (GET /claims),
 * one claim with its contents and adjudication (GET /claims/{id}) and a benefit plan, with
 * the claim statuses and the reason codes an adjudicator may give (docs/CLAIMS.md).
 */
import { array, bool, int, object, optional, str } from './c2-decode.js';

export const PublicClaim = object({
  claimId: str,
  submittingMsp: str,
  providerMsp: str,
  insurerMsp: str,
  status: str,
  submittedAt: str,
  updatedAt: str,
});
export type PublicClaim = ReturnType<typeof PublicClaim>;

export const ClaimPage = object({ items: array(PublicClaim), bookmark: str });

const LineResult = object({
  line: int,
  code: str,
  units: int,
  chargeCents: int,
  outcome: str,
  allowedCents: int,
  deductibleCents: int,
  copayCents: int,
  coinsuranceCents: int,
  patientShareCents: int,
  paidCents: int,
  reasonCodes: array(str),
});
export type LineResult = ReturnType<typeof LineResult>;

export const ClaimRead = object({
  claim: PublicClaim,
  contents: object({
    patientId: str,
    renderingPractitionerId: str,
    serviceDate: str,
    diagnosisCodes: array(str),
  }),
  record: object({
    planId: optional(str),
    planVersion: optional(int),
    /** Absent while the claim is submitted and the insurer has not adjudicated it yet. */
    result: optional(
      object({
        status: str,
        reasonCodes: array(str),
        lines: array(LineResult),
        totals: object({
          chargeCents: int,
          allowedCents: int,
          patientShareCents: int,
          paidCents: int,
        }),
      }),
    ),
    appeal: optional(object({ reason: str, note: optional(str) })),
    payment: optional(object({ amountCents: int, reference: str, paidOn: str })),
  }),
});
export type ClaimRead = ReturnType<typeof ClaimRead>;

export const Plan = object({
  planId: str,
  version: int,
  publishedAt: str,
  deductibleCents: int,
  coinsuranceBps: int,
  outOfPocketMaxCents: int,
  timelyFilingDays: int,
  paymentConsentRequired: bool,
  reviewThresholdCents: int,
  coveredCodes: array(
    object({
      code: str,
      allowedCents: int,
      copayCents: optional(int),
      requiresPriorAuth: optional(bool),
      requiresReview: optional(bool),
    }),
  ),
});
export type Plan = ReturnType<typeof Plan>;

/** Claim statuses for the queue's filter: pended first (what the queue opens on), then in
 * their order of life; 'submitted' (not adjudicated yet) only when the insurer's peer could
 * not adjudicate right after the intake. */
export const STATUSES = [
  'pended',
  'submitted',
  'approved',
  'partially-approved',
  'denied',
  'appealed',
  'appeal-approved',
  'appeal-denied',
  'paid',
] as const;

/** Statuses whose adjudicated total the insurer may now pay. */
export const PAYABLE: readonly string[] = [
  'approved',
  'partially-approved',
  'appeal-approved',
  'appeal-denied',
];

/** What an adjudicator may give for denying a line (DENIAL_DECISION_CODES). */
export const DENIAL_CODES = [
  'NOT_MEDICALLY_NECESSARY',
  'INSUFFICIENT_DOCUMENTATION',
  'NOT_COVERED',
  'NO_PRIOR_AUTH',
  'DUPLICATE_LINE',
  'NOT_ELIGIBLE',
  'PRACTITIONER_NOT_CREDENTIALED',
  'NO_PAYMENT_CONSENT',
  'LATE_FILING',
] as const;

/** Events after which a list of claims may have changed. */
export const CLAIM_EVENTS = [
  'ClaimPended',
  'ClaimAdjudicated',
  'ClaimAppealed',
  'ClaimPaid',
] as const;

export const PROVIDERS = [
  ['ProviderAMSP', 'Provider A'],
  ['ProviderBMSP', 'Provider B'],
] as const;
