/**
 * Membership (PHI): enrolments, prior authorisations and the member's accumulators, all in
 * the insurer's implicit collection (member-store.ts). The insurer sends them through the transient map; the public
 * ledger only gets a salted hash per enrolment or authorisation (data rule 3).
 */
import { z } from 'zod';
import { Id, IsoDate, IsoInstant } from '../shared/schema';
import { ServiceCode } from './codes';
import { within } from './dates';
import { Cents } from './money';

/** Client-chosen random salt, hex, at least 16 bytes. */
export const Salt = z
  .string()
  .regex(/^[0-9a-fA-F]{32,128}$/, 'must be 32 to 128 hexadecimal characters');

const ORDERED_COVERAGE = { path: ['coverageTo'], message: 'must not be before coverageFrom' };
const ORDERED_VALIDITY = { path: ['validTo'], message: 'must not be before validFrom' };

const enrolmentShape = {
  patientId: Id,
  planId: Id,
  memberNumber: z.string().trim().min(1, 'must not be empty').max(64, 'is too long'),
  /** Both ends inclusive. */
  coverageFrom: IsoDate,
  coverageTo: IsoDate,
};

/** transient.payload of enrolMember. */
export const EnrolmentRequestSchema = z
  .strictObject(enrolmentShape)
  .refine((e) => e.coverageFrom <= e.coverageTo, ORDERED_COVERAGE);

export type EnrolmentRequest = z.output<typeof EnrolmentRequestSchema>;

export const EnrolmentSchema = z.strictObject({
  ...enrolmentShape,
  enrolmentId: Id,
  insurerMsp: z.string().min(1),
  salt: Salt,
  enrolledAt: IsoInstant,
});

export type Enrolment = z.output<typeof EnrolmentSchema>;

/** All enrolments of one patient under one key: a claim finds its coverage in one read. */
export const MemberSchema = z.strictObject({
  patientId: Id,
  enrolments: z.array(EnrolmentSchema),
});

export type Member = z.output<typeof MemberSchema>;

const priorAuthShape = {
  authId: Id,
  patientId: Id,
  code: ServiceCode,
  validFrom: IsoDate,
  validTo: IsoDate,
};

/** transient.payload of recordPriorAuth. */
export const PriorAuthRequestSchema = z
  .strictObject(priorAuthShape)
  .refine((a) => a.validFrom <= a.validTo, ORDERED_VALIDITY);

export type PriorAuthRequest = z.output<typeof PriorAuthRequestSchema>;

export const PriorAuthSchema = z.strictObject({
  ...priorAuthShape,
  insurerMsp: z.string().min(1),
  salt: Salt,
  recordedAt: IsoInstant,
});

export type PriorAuth = z.output<typeof PriorAuthSchema>;

/** A patient's authorisations for one code, under one key. */
export const PriorAuthListSchema = z.strictObject({
  patientId: Id,
  code: ServiceCode,
  auths: z.array(PriorAuthSchema),
});

/** What a member has paid towards the plan year's deductible and out-of-pocket maximum. */
export const AccumulatorsSchema = z.strictObject({
  deductibleMetCents: Cents,
  outOfPocketMetCents: Cents,
});

export type Accumulators = z.output<typeof AccumulatorsSchema>;

export function sameAccumulators(a: Accumulators, b: Accumulators): boolean {
  return (
    a.deductibleMetCents === b.deductibleMetCents && a.outOfPocketMetCents === b.outOfPocketMetCents
  );
}

export const NO_ACCUMULATION: Accumulators = { deductibleMetCents: 0, outOfPocketMetCents: 0 };

/** Public marker of a private enrolment or authorisation: verifiable, reveals nothing. */
export const MarkerSchema = z.strictObject({
  id: Id,
  kind: z.enum(['enrolment', 'prior-auth']),
  insurerMsp: z.string().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  recordedAt: IsoInstant,
});

export type Marker = z.output<typeof MarkerSchema>;

/** The enrolment whose coverage includes the date; enrolments never overlap. */
export function coveringEnrolment(
  enrolments: readonly Enrolment[],
  date: string,
): Enrolment | undefined {
  return enrolments.find((e) => within(date, e.coverageFrom, e.coverageTo));
}

export function overlaps(a: { coverageFrom: string; coverageTo: string }, b: typeof a): boolean {
  return a.coverageFrom <= b.coverageTo && b.coverageFrom <= a.coverageTo;
}
