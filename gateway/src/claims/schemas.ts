/**
 * Request schemas of the claims routes. Plan terms are public; enrolments, prior
 * authorisations and claims are PHI and reach the chaincode in the transient map only.
 */
import { z } from 'zod';
import { Id, IsoDate, PageQuery, PatientId } from '../http/common-schemas';

const Cents = z.int().min(0, 'must not be negative').max(100_000_000_000, 'is too large');
const ServiceCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,15}$/, 'must be a service code (letters, digits, . -)');
const DiagnosisCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9.]{0,9}$/, 'must be a diagnosis code (letters, digits, .)');

export const PlanBody = z
  .strictObject({
    planId: Id,
    deductibleCents: Cents,
    coinsuranceBps: z.int().min(0).max(10_000, 'must be at most 10000 basis points'),
    outOfPocketMaxCents: Cents,
    coveredCodes: z
      .array(
        z.strictObject({
          code: ServiceCode,
          allowedCents: Cents.describe('Per unit'),
          copayCents: Cents.optional(),
          requiresPriorAuth: z.boolean().optional(),
          requiresReview: z.boolean().optional(),
        }),
      )
      .min(1, 'must cover at least one code')
      .max(2000),
    timelyFilingDays: z.int().min(1).max(3650),
    paymentConsentRequired: z.boolean(),
    reviewThresholdCents: Cents,
  })
  .describe('Benefit plan terms: public, money in integer cents, rates in basis points');

export type PlanTerms = z.output<typeof PlanBody>;

export const EnrolmentBody = z
  .strictObject({
    patientId: PatientId,
    planId: Id,
    memberNumber: z.string().trim().min(1).max(64).describe('PHI: transient only'),
    coverageFrom: IsoDate,
    coverageTo: IsoDate,
  })
  .refine((e) => e.coverageFrom <= e.coverageTo, {
    path: ['coverageTo'],
    message: 'must not be before coverageFrom',
  });

export type Enrolment = z.output<typeof EnrolmentBody>;

export const PriorAuthBody = z
  .strictObject({
    authId: Id,
    patientId: PatientId,
    code: ServiceCode,
    validFrom: IsoDate,
    validTo: IsoDate,
  })
  .refine((a) => a.validFrom <= a.validTo, {
    path: ['validTo'],
    message: 'must not be before validFrom',
  });

export type PriorAuth = z.output<typeof PriorAuthBody>;

export const ClaimBody = z
  .strictObject({
    claimId: Id,
    patientId: PatientId,
    providerMsp: Id.optional().describe("Only when the insurer's intake submits for a provider"),
    renderingPractitionerId: Id,
    serviceDate: IsoDate,
    diagnosisCodes: z.array(DiagnosisCode).min(1, 'must name a diagnosis').max(12),
    lines: z
      .array(
        z.strictObject({
          code: ServiceCode,
          units: z.int().min(1).max(9999),
          chargeCents: Cents.describe('For all units of the line'),
        }),
      )
      .min(1, 'must have a line')
      .max(50),
  })
  .describe('The claim (PHI): sent to the chaincode in the transient map only');

export type Claim = z.output<typeof ClaimBody>;

export const DecisionBody = z.strictObject({
  lines: z
    .array(
      z.discriminatedUnion('decision', [
        z.strictObject({ line: z.int().min(1), decision: z.literal('approve') }),
        z.strictObject({
          line: z.int().min(1),
          decision: z.literal('deny'),
          reasonCodes: z.array(z.string().min(1)).min(1, 'must give a reason').max(5),
        }),
      ]),
    )
    .min(1, 'must decide at least one line')
    .max(50),
});

export type Decision = z.output<typeof DecisionBody>;

export const AppealBody = z.strictObject({
  reason: z
    .string()
    .regex(/^[A-Z_]{1,64}$/, 'must be an appeal reason code')
    .describe('Public'),
  note: z.string().trim().min(1).max(2000).optional().describe('Free text (PHI): transient only'),
});

export const PaymentBody = z.strictObject({
  amountCents: Cents.describe('Must equal the adjudicated paid total'),
  reference: Id.describe("The insurer's remittance reference: public, no PHI"),
  paidOn: IsoDate,
});

export type Payment = z.output<typeof PaymentBody>;

export const PlanParams = z.strictObject({ planId: Id });
export const PlanQuery = z.strictObject({
  version: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'must be a version number from 1')
    .optional(),
});
export const ClaimParams = z.strictObject({ claimId: Id });

/** The claims queue: one status (all when absent) of the caller's organisation's claims. */
export const ClaimListQuery = PageQuery.extend({
  status: z
    .enum([
      'submitted',
      'approved',
      'partially-approved',
      'denied',
      'pended',
      'appealed',
      'appeal-approved',
      'appeal-denied',
      'paid',
    ])
    .optional(),
});

export type ClaimListQuery = z.output<typeof ClaimListQuery>;
