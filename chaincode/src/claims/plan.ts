/**
 * Benefit plans: what an insurer publishes and the ledger keeps. Plan terms are not PHI, so
 * they live in world state where every organisation can read them; each publication of a
 * planId is a new version, older versions stay readable for claims priced against them.
 */
import { z } from 'zod';
import { Id, IsoInstant } from '../shared/schema';
import { ServiceCode } from './codes';
import { Bps, Cents } from './money';

export const CoveredCodeSchema = z.strictObject({
  code: ServiceCode,
  /** Per unit: a line of n units is allowed at most n × allowedCents. */
  allowedCents: Cents,
  /** Per unit, charged instead of coinsurance on what the deductible left. */
  copayCents: Cents.optional(),
  requiresPriorAuth: z.boolean().optional(),
  /** Lines with this code are pended for an adjudicator. */
  requiresReview: z.boolean().optional(),
});

export type CoveredCode = z.output<typeof CoveredCodeSchema>;

const termsShape = {
  planId: Id,
  /** Annual, per member and plan year (the calendar year of the service date). */
  deductibleCents: Cents,
  /** The patient's share of what the deductible leaves, in basis points. */
  coinsuranceBps: Bps,
  /** Annual cap on the patient's share (deductible, copay and coinsurance together). */
  outOfPocketMaxCents: Cents,
  coveredCodes: z
    .array(CoveredCodeSchema)
    .min(1, 'must cover at least one code')
    .max(2000, 'must have at most 2000 codes')
    .refine(
      (list) => new Set(list.map((c) => c.code)).size === list.length,
      'must not repeat a code',
    ),
  timelyFilingDays: z.int().min(1, 'must be at least 1').max(3650, 'must be at most 3650'),
  paymentConsentRequired: z.boolean(),
  /** Claims whose total charge is above this are pended for an adjudicator. */
  reviewThresholdCents: Cents,
};

const DEDUCTIBLE_WITHIN_OOP = {
  path: ['deductibleCents'],
  message: 'must not be above outOfPocketMaxCents',
};

/** What an adjudicator or admin sends to publishPlan. */
export const PlanTermsSchema = z
  .strictObject(termsShape)
  .refine((p) => p.deductibleCents <= p.outOfPocketMaxCents, DEDUCTIBLE_WITHIN_OOP);

export type PlanTerms = z.output<typeof PlanTermsSchema>;

export const PlanSchema = z
  .strictObject({
    ...termsShape,
    insurerMsp: z.string().min(1),
    version: z.int().min(1),
    publishedAt: IsoInstant,
  })
  .refine((p) => p.deductibleCents <= p.outOfPocketMaxCents, DEDUCTIBLE_WITHIN_OOP);

export type Plan = z.output<typeof PlanSchema>;

/** The pointer to a plan's newest version. */
export const PlanLatestSchema = z.strictObject({ planId: Id, version: z.int().min(1) });

export function coveredCode(plan: Plan, code: string): CoveredCode | undefined {
  return plan.coveredCodes.find((c) => c.code === code);
}
