/**
 * The closed list of reason codes adjudication writes on a claim or a line. The names are
 * stable: providers and insurers match on them, so a code is never renamed or reused, only
 * added. Each code says which rule produced it; the descriptions are the README's table.
 */
import { z } from 'zod';

export const ReasonCode = {
  // Claim level: any of these denies every line of the claim.
  NotEligible: 'NOT_ELIGIBLE',
  PractitionerNotCredentialed: 'PRACTITIONER_NOT_CREDENTIALED',
  NoPaymentConsent: 'NO_PAYMENT_CONSENT',
  LateFiling: 'LATE_FILING',
  // Line level denials.
  DuplicateLine: 'DUPLICATE_LINE',
  NotCovered: 'NOT_COVERED',
  NoPriorAuth: 'NO_PRIOR_AUTH',
  // Review.
  AboveReviewThreshold: 'ABOVE_REVIEW_THRESHOLD',
  ReviewRequired: 'REVIEW_REQUIRED',
  PendedForReview: 'PENDED_FOR_REVIEW',
  // Pricing of an approved line.
  AllowedAmountApplied: 'ALLOWED_AMOUNT_APPLIED',
  DeductibleApplied: 'DEDUCTIBLE_APPLIED',
  CopayApplied: 'COPAY_APPLIED',
  CoinsuranceApplied: 'COINSURANCE_APPLIED',
  OopMaxReached: 'OOP_MAX_REACHED',
  // A person's decision.
  ApprovedOnReview: 'APPROVED_ON_REVIEW',
  DeniedOnReview: 'DENIED_ON_REVIEW',
  AppealApproved: 'APPEAL_APPROVED',
  AppealDenied: 'APPEAL_DENIED',
  NotMedicallyNecessary: 'NOT_MEDICALLY_NECESSARY',
  InsufficientDocumentation: 'INSUFFICIENT_DOCUMENTATION',
} as const;

export type ReasonCode = (typeof ReasonCode)[keyof typeof ReasonCode];

export const ReasonCodeSchema = z.enum(ReasonCode);

/** What each code means, in the words the README uses. */
export const REASON_DESCRIPTIONS: Readonly<Record<ReasonCode, string>> = {
  NOT_ELIGIBLE: 'claim: no enrolment of the patient covers the service date',
  PRACTITIONER_NOT_CREDENTIALED:
    'claim: the rendering practitioner holds no active licence at the claim’s provider on the service date',
  NO_PAYMENT_CONSENT:
    'claim: the plan needs the patient’s consent for the payment purpose and the insurer has none',
  LATE_FILING: 'claim: submitted more than the plan’s timely-filing days after the service date',
  DUPLICATE_LINE:
    'line: same member, practitioner, service date and code as a line already approved or pended',
  NOT_COVERED: 'line: the code is not covered by the plan',
  NO_PRIOR_AUTH: 'line: the code needs prior authorisation and none covers the service date',
  ABOVE_REVIEW_THRESHOLD: 'claim: total charge above the plan’s review threshold',
  REVIEW_REQUIRED: 'line: the plan sends this code to a human adjudicator',
  PENDED_FOR_REVIEW: 'claim and line: waiting for (or was waiting for) an adjudicator',
  ALLOWED_AMOUNT_APPLIED: 'line: the charge was above the plan’s allowed amount and was reduced',
  DEDUCTIBLE_APPLIED: 'line: part of the allowed amount went to the annual deductible',
  COPAY_APPLIED: 'line: the code’s copay was charged to the patient',
  COINSURANCE_APPLIED: 'line: the plan’s coinsurance rate was charged to the patient',
  OOP_MAX_REACHED: 'line: the annual out-of-pocket maximum capped the patient’s share',
  APPROVED_ON_REVIEW: 'line: approved by an adjudicator',
  DENIED_ON_REVIEW: 'line: denied by an adjudicator',
  APPEAL_APPROVED: 'claim and line: the appeal was granted',
  APPEAL_DENIED: 'claim and line: the appeal was refused',
  NOT_MEDICALLY_NECESSARY: 'line: an adjudicator found the service not medically necessary',
  INSUFFICIENT_DOCUMENTATION: 'line: an adjudicator found the documentation insufficient',
};

/** The codes an adjudicator may give for denying a line: the automatic denials plus two of
 * judgement. Decisions are transaction arguments, hence public: codes only, never free text. */
export const DENIAL_DECISION_CODES = [
  ReasonCode.NotEligible,
  ReasonCode.PractitionerNotCredentialed,
  ReasonCode.NoPaymentConsent,
  ReasonCode.LateFiling,
  ReasonCode.DuplicateLine,
  ReasonCode.NotCovered,
  ReasonCode.NoPriorAuth,
  ReasonCode.NotMedicallyNecessary,
  ReasonCode.InsufficientDocumentation,
] as const;

export const DenialDecisionCodeSchema = z.enum(DENIAL_DECISION_CODES);

export type DenialDecisionCode = (typeof DENIAL_DECISION_CODES)[number];

/** Why a provider appeals; an argument of appealClaim, hence public and a closed list. */
export const AppealReason = {
  MedicalNecessity: 'MEDICAL_NECESSITY',
  PriorAuthObtained: 'PRIOR_AUTH_OBTAINED',
  EligibilityCorrected: 'ELIGIBILITY_CORRECTED',
  CredentialVerified: 'CREDENTIAL_VERIFIED',
  ConsentObtained: 'CONSENT_OBTAINED',
  TimelyFilingProof: 'TIMELY_FILING_PROOF',
  NotADuplicate: 'NOT_A_DUPLICATE',
  CoverageDispute: 'COVERAGE_DISPUTE',
  Other: 'OTHER',
} as const;

export type AppealReason = (typeof AppealReason)[keyof typeof AppealReason];

export const AppealReasonSchema = z.enum(AppealReason);

/** Appends codes that are not there yet, keeping order: a line's codes tell its history. */
export function withCodes(codes: readonly ReasonCode[], ...more: ReasonCode[]): ReasonCode[] {
  const out = [...codes];
  for (const code of more) {
    if (!out.includes(code)) out.push(code);
  }
  return out;
}
