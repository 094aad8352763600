/**
 * The adjudication function as a table: every expected amount is worked out by hand in the
 * comment above it. The plan (fixtures.ts): $500.00 deductible (50 000 c), 20 % coinsurance,
 * $3 000 out-of-pocket maximum, 90 days to file, review above $10 000; codes 99213 allowed
 * 15 000 c, 99214 allowed 20 000 c with 3 000 c copay, 97110 allowed 4 000 c per unit, 70553
 * allowed 120 000 c needing prior authorisation, 27447 flagged for review. Service date
 * 2026-02-10, submitted 2026-03-01, unless a case says otherwise.
 */
import assert from 'node:assert/strict';
import { type AdjudicationInput, adjudicate } from '../../../chaincode/src/claims/adjudicate';
import type { ReasonCode } from '../../../chaincode/src/claims/reasons';
import type { ClaimResult } from '../../../chaincode/src/claims/result';
import { enrolment, input, line, plan, PATIENT, DOCTOR } from './fixtures';

/** [allowed, deductible, copay, coinsurance, patient share, paid] */
type Amounts = [number, number, number, number, number, number];

interface Expected {
  outcome: 'approved' | 'denied' | 'pended';
  amounts: Amounts;
  reasons: ReasonCode[];
}

const approved = (amounts: Amounts, ...reasons: ReasonCode[]): Expected => ({
  outcome: 'approved',
  amounts,
  reasons,
});
const denied = (...reasons: ReasonCode[]): Expected => ({
  outcome: 'denied',
  amounts: [0, 0, 0, 0, 0, 0],
  reasons,
});
const pended = (...reasons: ReasonCode[]): Expected => ({
  outcome: 'pended',
  amounts: [0, 0, 0, 0, 0, 0],
  reasons,
});

interface Case {
  name: string;
  input: AdjudicationInput;
  status: ClaimResult['status'];
  claimReasons: ReasonCode[];
  lines: Expected[];
  /** [deductible met, out-of-pocket met] after the claim */
  after: [number, number];
}

type Lines = AdjudicationInput['claim']['lines'];

function claimWith(
  lines: Lines,
  more: Partial<AdjudicationInput['claim']> = {},
): AdjudicationInput['claim'] {
  return {
    patientId: PATIENT,
    renderingPractitionerId: DOCTOR,
    serviceDate: '2026-02-10',
    lines,
    ...more,
  };
}

const acc = (deductibleMetCents: number, outOfPocketMetCents: number) => ({
  deductibleMetCents,
  outOfPocketMetCents,
});
const MET = acc(50_000, 60_000); // deductible met, 57 000 c of out-of-pocket room left
const suspended = { valid: false, reason: 'SUSPENDED' } as const;
const FIRST_LINE = 'DEDUCTIBLE_APPLIED';

const cases: Case[] = [
  {
    // allowed min(15 000, 15 000) = 15 000, all of it within the 50 000 deductible; paid 0
    name: 'deductible not met: the whole allowed amount goes to the deductible',
    input: input(),
    status: 'approved',
    claimReasons: [],
    lines: [approved([15_000, 15_000, 0, 0, 15_000, 0], FIRST_LINE)],
    after: [15_000, 15_000],
  },
  {
    // charge 20 000 > 1 × 15 000: allowed 15 000, all deductible
    name: 'a charge above the allowed amount is cut to it',
    input: input({ claim: claimWith([line('99213', 20_000)]) }),
    status: 'approved',
    claimReasons: [],
    lines: [approved([15_000, 15_000, 0, 0, 15_000, 0], 'ALLOWED_AMOUNT_APPLIED', FIRST_LINE)],
    after: [15_000, 15_000],
  },
  {
    // 5 000 of deductible left: deductible 5 000; rest 10 000 × 20 % = 2 000;
    // share 7 000, paid 15 000 − 7 000 = 8 000
    name: 'deductible partly met: the rest of it first, then coinsurance',
    input: input({ accumulators: acc(45_000, 45_000) }),
    status: 'approved',
    claimReasons: [],
    lines: [
      approved(
        [15_000, 5_000, 0, 2_000, 7_000, 8_000],
        'DEDUCTIBLE_APPLIED',
        'COINSURANCE_APPLIED',
      ),
    ],
    after: [50_000, 52_000],
  },
  {
    // 15 000 × 20 % = 3 000 coinsurance; paid 12 000
    name: 'deductible met: coinsurance only',
    input: input({ accumulators: MET }),
    status: 'approved',
    claimReasons: [],
    lines: [approved([15_000, 0, 0, 3_000, 3_000, 12_000], 'COINSURANCE_APPLIED')],
    after: [50_000, 63_000],
  },
  {
    // 99214: copay min(20 000, 3 000) = 3 000 instead of coinsurance; paid 17 000
    name: 'a code with a copay charges the copay instead of coinsurance',
    input: input({ accumulators: MET, claim: claimWith([line('99214', 20_000)]) }),
    status: 'approved',
    claimReasons: [],
    lines: [approved([20_000, 0, 3_000, 0, 3_000, 17_000], 'COPAY_APPLIED')],
    after: [50_000, 63_000],
  },
  {
    // allowed min(25 000, 20 000) = 20 000; deductible left 10 000; rest 10 000, copay 3 000;
    // share 13 000, paid 7 000
    name: 'the copay applies to what the deductible leaves',
    input: input({ accumulators: acc(40_000, 40_000), claim: claimWith([line('99214', 25_000)]) }),
    status: 'approved',
    claimReasons: [],
    lines: [
      approved(
        [20_000, 10_000, 3_000, 0, 13_000, 7_000],
        'ALLOWED_AMOUNT_APPLIED',
        'DEDUCTIBLE_APPLIED',
        'COPAY_APPLIED',
      ),
    ],
    after: [50_000, 53_000],
  },
  {
    // allowed 1 500; deductible left 1 000; rest 500 < copay 3 000 → copay 500; paid 0
    name: 'the copay is never more than the deductible leaves',
    input: input({ accumulators: acc(49_000, 49_000), claim: claimWith([line('99214', 1_500)]) }),
    status: 'approved',
    claimReasons: [],
    lines: [approved([1_500, 1_000, 500, 0, 1_500, 0], 'DEDUCTIBLE_APPLIED', 'COPAY_APPLIED')],
    after: [50_000, 50_500],
  },
  {
    // 3 units × 4 000 = 12 000 < charge 15 000: allowed 12 000; × 20 % = 2 400; paid 9 600
    name: 'units: the allowed amount is per unit',
    input: input({ accumulators: MET, claim: claimWith([line('97110', 15_000, 3)]) }),
    status: 'approved',
    claimReasons: [],
    lines: [
      approved(
        [12_000, 0, 0, 2_400, 2_400, 9_600],
        'ALLOWED_AMOUNT_APPLIED',
        'COINSURANCE_APPLIED',
      ),
    ],
    after: [50_000, 62_400],
  },
  {
    // 3 × 4 000 = 12 000 > charge 9 000: allowed 9 000, all deductible
    name: 'units: a charge below allowed × units is allowed in full',
    input: input({ claim: claimWith([line('97110', 9_000, 3)]) }),
    status: 'approved',
    claimReasons: [],
    lines: [approved([9_000, 9_000, 0, 0, 9_000, 0], 'DEDUCTIBLE_APPLIED')],
    after: [9_000, 9_000],
  },
  {
    // 2 units of 99214: allowed min(40 000, 2 × 20 000) = 40 000; copay 2 × 3 000 = 6 000
    name: 'units: the copay is per unit',
    input: input({ accumulators: MET, claim: claimWith([line('99214', 40_000, 2)]) }),
    status: 'approved',
    claimReasons: [],
    lines: [approved([40_000, 0, 6_000, 0, 6_000, 34_000], 'COPAY_APPLIED')],
    after: [50_000, 66_000],
  },
  {
    // line 1: 15 000 all deductible (35 000 left); line 2: 20 000 all deductible (15 000 left),
    // nothing left for the copay; line 3: 5 × 4 000 = 20 000, deductible 15 000, rest 5 000 ×
    // 20 % = 1 000, paid 4 000. Met: 50 000 deductible, 51 000 out of pocket.
    name: 'multiple lines: the deductible runs across the lines in claim order',
    input: input({
      claim: claimWith([line('99213', 15_000), line('99214', 20_000), line('97110', 20_000, 5)]),
    }),
    status: 'approved',
    claimReasons: [],
    lines: [
      approved([15_000, 15_000, 0, 0, 15_000, 0], 'DEDUCTIBLE_APPLIED'),
      approved([20_000, 20_000, 0, 0, 20_000, 0], 'DEDUCTIBLE_APPLIED'),
      approved(
        [20_000, 15_000, 0, 1_000, 16_000, 4_000],
        'DEDUCTIBLE_APPLIED',
        'COINSURANCE_APPLIED',
      ),
    ],
    after: [50_000, 51_000],
  },
  {
    // 1 000 of out-of-pocket room: line 1 coinsurance 3 000 capped to 1 000, paid 14 000;
    // line 2 copay 3 000 capped to 0, paid 20 000
    name: 'out-of-pocket maximum reached in the middle of the claim',
    input: input({
      accumulators: acc(50_000, 299_000),
      claim: claimWith([line('99213', 15_000), line('99214', 20_000)]),
    }),
    status: 'approved',
    claimReasons: [],
    lines: [
      approved([15_000, 0, 0, 1_000, 1_000, 14_000], 'COINSURANCE_APPLIED', 'OOP_MAX_REACHED'),
      approved([20_000, 0, 0, 0, 0, 20_000], 'OOP_MAX_REACHED'),
    ],
    after: [50_000, 300_000],
  },
  {
    // no room left: the patient pays nothing, the plan 15 000
    name: 'out-of-pocket maximum already reached: the plan pays the allowed amount',
    input: input({ accumulators: acc(50_000, 300_000) }),
    status: 'approved',
    claimReasons: [],
    lines: [approved([15_000, 0, 0, 0, 0, 15_000], 'OOP_MAX_REACHED')],
    after: [50_000, 300_000],
  },
  {
    // deductible due 15 000 but only 500 of out-of-pocket room: deductible 500; the rest of
    // the allowed amount was deductible (waived by the cap), so no coinsurance; paid 14 500
    name: 'the out-of-pocket cap also limits the deductible',
    input: input({ accumulators: acc(10_000, 299_500) }),
    status: 'approved',
    claimReasons: [],
    lines: [approved([15_000, 500, 0, 0, 500, 14_500], 'DEDUCTIBLE_APPLIED', 'OOP_MAX_REACHED')],
    after: [10_500, 300_000],
  },
  {
    // 25 %: 12 346 × 2 500 / 10 000 = 3 086.5 → 3 087 (half up); paid 12 346 − 3 087 = 9 259
    name: 'coinsurance rounds a half cent up',
    input: input({
      plan: plan({ coinsuranceBps: 2_500 }),
      accumulators: MET,
      claim: claimWith([line('99213', 12_346)]),
    }),
    status: 'approved',
    claimReasons: [],
    lines: [approved([12_346, 0, 0, 3_087, 3_087, 9_259], 'COINSURANCE_APPLIED')],
    after: [50_000, 63_087],
  },
  {
    // 12 345 × 25 % = 3 086.25 → 3 086; paid 9 259
    name: 'coinsurance rounds less than a half cent down',
    input: input({
      plan: plan({ coinsuranceBps: 2_500 }),
      accumulators: MET,
      claim: claimWith([line('99213', 12_345)]),
    }),
    status: 'approved',
    claimReasons: [],
    lines: [approved([12_345, 0, 0, 3_086, 3_086, 9_259], 'COINSURANCE_APPLIED')],
    after: [50_000, 63_086],
  },
  {
    name: 'a zero-charge line is approved and moves nothing',
    input: input({ claim: claimWith([line('99213', 0)]) }),
    status: 'approved',
    claimReasons: [],
    lines: [approved([0, 0, 0, 0, 0, 0])],
    after: [0, 0],
  },
  {
    // line 1 as "deductible met"; line 2 is not in the plan
    name: 'a code the plan does not cover is denied, the others paid',
    input: input({
      accumulators: MET,
      claim: claimWith([line('99213', 15_000), line('A9999', 5_000)]),
    }),
    status: 'partially-approved',
    claimReasons: [],
    lines: [
      approved([15_000, 0, 0, 3_000, 3_000, 12_000], 'COINSURANCE_APPLIED'),
      denied('NOT_COVERED'),
    ],
    after: [50_000, 63_000],
  },
  {
    name: 'a code needing prior authorisation without one is denied',
    input: input({ claim: claimWith([line('70553', 150_000)]) }),
    status: 'denied',
    claimReasons: [],
    lines: [denied('NO_PRIOR_AUTH')],
    after: [0, 0],
  },
  {
    // allowed min(150 000, 120 000) = 120 000 × 20 % = 24 000; paid 96 000
    name: 'a prior authorisation covering the service date lets the line through',
    input: input({
      accumulators: MET,
      claim: claimWith([line('70553', 150_000)]),
      priorAuths: [
        { patientId: PATIENT, code: '70553', validFrom: '2026-02-01', validTo: '2026-02-28' },
      ],
    }),
    status: 'approved',
    claimReasons: [],
    lines: [
      approved(
        [120_000, 0, 0, 24_000, 24_000, 96_000],
        'ALLOWED_AMOUNT_APPLIED',
        'COINSURANCE_APPLIED',
      ),
    ],
    after: [50_000, 84_000],
  },
  {
    name: 'a prior authorisation that ended before the service date does not count',
    input: input({
      claim: claimWith([line('70553', 150_000)]),
      priorAuths: [
        { patientId: PATIENT, code: '70553', validFrom: '2026-01-01', validTo: '2026-02-09' },
      ],
    }),
    status: 'denied',
    claimReasons: [],
    lines: [denied('NO_PRIOR_AUTH')],
    after: [0, 0],
  },
  {
    name: "another patient's prior authorisation does not count",
    input: input({
      claim: claimWith([line('70553', 150_000)]),
      priorAuths: [
        { patientId: 'pat-2', code: '70553', validFrom: '2026-02-01', validTo: '2026-02-28' },
      ],
    }),
    status: 'denied',
    claimReasons: [],
    lines: [denied('NO_PRIOR_AUTH')],
    after: [0, 0],
  },
  {
    name: 'coverage that expired before the service date denies the claim',
    input: input({ membership: enrolment({ coverageTo: '2026-01-31' }) }),
    status: 'denied',
    claimReasons: ['NOT_ELIGIBLE'],
    lines: [denied('NOT_ELIGIBLE')],
    after: [0, 0],
  },
  {
    name: 'coverage that starts after the service date denies the claim',
    input: input({ membership: enrolment({ coverageFrom: '2026-03-01' }) }),
    status: 'denied',
    claimReasons: ['NOT_ELIGIBLE'],
    lines: [denied('NOT_ELIGIBLE')],
    after: [0, 0],
  },
  {
    // without a plan the plan's own rules (consent, filing) cannot be asked
    name: 'no enrolment at all denies the claim',
    input: input({ membership: undefined, plan: undefined }),
    status: 'denied',
    claimReasons: ['NOT_ELIGIBLE'],
    lines: [denied('NOT_ELIGIBLE')],
    after: [0, 0],
  },
  {
    name: 'an enrolment in another plan does not make the member eligible for this one',
    input: input({ membership: enrolment({ planId: 'silver' }) }),
    status: 'denied',
    claimReasons: ['NOT_ELIGIBLE'],
    lines: [denied('NOT_ELIGIBLE')],
    after: [0, 0],
  },
  {
    name: 'a suspended practitioner denies the claim',
    input: input({ credentialVerdict: suspended, accumulators: MET }),
    status: 'denied',
    claimReasons: ['PRACTITIONER_NOT_CREDENTIALED'],
    lines: [denied('PRACTITIONER_NOT_CREDENTIALED')],
    after: [50_000, 60_000],
  },
  {
    name: 'a practitioner without a licence denies the claim',
    input: input({ credentialVerdict: { valid: false, reason: 'UNKNOWN' } }),
    status: 'denied',
    claimReasons: ['PRACTITIONER_NOT_CREDENTIALED'],
    lines: [denied('PRACTITIONER_NOT_CREDENTIALED')],
    after: [0, 0],
  },
  {
    name: 'no payment consent where the plan requires it denies the claim',
    input: input({ plan: plan({ paymentConsentRequired: true }), paymentConsent: false }),
    status: 'denied',
    claimReasons: ['NO_PAYMENT_CONSENT'],
    lines: [denied('NO_PAYMENT_CONSENT')],
    after: [0, 0],
  },
  {
    name: 'payment consent present where the plan requires it',
    input: input({ plan: plan({ paymentConsentRequired: true }), paymentConsent: true }),
    status: 'approved',
    claimReasons: [],
    lines: [approved([15_000, 15_000, 0, 0, 15_000, 0], 'DEDUCTIBLE_APPLIED')],
    after: [15_000, 15_000],
  },
  {
    name: 'no payment consent is fine when the plan does not ask for it',
    input: input({ paymentConsent: false }),
    status: 'approved',
    claimReasons: [],
    lines: [approved([15_000, 15_000, 0, 0, 15_000, 0], 'DEDUCTIBLE_APPLIED')],
    after: [15_000, 15_000],
  },
  {
    // 2025-11-01 → 2026-03-01: 30 + 31 + 31 + 28 = 120 days > 90
    name: 'a claim filed after the timely-filing limit is denied',
    input: input({
      membership: enrolment({ coverageFrom: '2025-01-01' }),
      claim: claimWith([line('99213', 15_000)], { serviceDate: '2025-11-01' }),
    }),
    status: 'denied',
    claimReasons: ['LATE_FILING'],
    lines: [denied('LATE_FILING')],
    after: [0, 0],
  },
  {
    // 2025-12-01 → 2026-03-01: 31 + 31 + 28 = 90 days, not more than 90
    name: 'a claim filed on the last day of the limit is in time',
    input: input({
      membership: enrolment({ coverageFrom: '2025-01-01' }),
      claim: claimWith([line('99213', 15_000)], { serviceDate: '2025-12-01' }),
    }),
    status: 'approved',
    claimReasons: [],
    lines: [approved([15_000, 15_000, 0, 0, 15_000, 0], 'DEDUCTIBLE_APPLIED')],
    after: [15_000, 15_000],
  },
  {
    name: 'every claim-level failure is reported, in rule order',
    input: input({
      credentialVerdict: suspended,
      membership: enrolment({ coverageFrom: '2025-01-01' }),
      claim: claimWith([line('99213', 15_000)], { serviceDate: '2025-11-01' }),
    }),
    status: 'denied',
    claimReasons: ['PRACTITIONER_NOT_CREDENTIALED', 'LATE_FILING'],
    lines: [denied('PRACTITIONER_NOT_CREDENTIALED', 'LATE_FILING')],
    after: [0, 0],
  },
  {
    // line 2: 99214 copay 3 000, paid 17 000
    name: 'a line already adjudicated for the member, practitioner, date and code is a duplicate',
    input: input({
      accumulators: MET,
      claim: claimWith([line('99213', 15_000), line('99214', 20_000)]),
      priorLines: [
        { claimId: 'clm-0', practitionerId: DOCTOR, serviceDate: '2026-02-10', code: '99213' },
      ],
    }),
    status: 'partially-approved',
    claimReasons: [],
    lines: [
      denied('DUPLICATE_LINE'),
      approved([20_000, 0, 3_000, 0, 3_000, 17_000], 'COPAY_APPLIED'),
    ],
    after: [50_000, 63_000],
  },
  {
    name: 'the same code on another day is not a duplicate',
    input: input({
      accumulators: MET,
      priorLines: [
        { claimId: 'clm-0', practitionerId: DOCTOR, serviceDate: '2026-02-09', code: '99213' },
      ],
    }),
    status: 'approved',
    claimReasons: [],
    lines: [approved([15_000, 0, 0, 3_000, 3_000, 12_000], 'COINSURANCE_APPLIED')],
    after: [50_000, 63_000],
  },
  {
    name: 'the same code by another practitioner is not a duplicate',
    input: input({
      accumulators: MET,
      priorLines: [
        { claimId: 'clm-0', practitionerId: 'prac-2', serviceDate: '2026-02-10', code: '99213' },
      ],
    }),
    status: 'approved',
    claimReasons: [],
    lines: [approved([15_000, 0, 0, 3_000, 3_000, 12_000], 'COINSURANCE_APPLIED')],
    after: [50_000, 63_000],
  },
  {
    name: 'the same code twice in one claim: the second line is a duplicate',
    input: input({
      accumulators: MET,
      claim: claimWith([line('99213', 15_000), line('99213', 15_000)]),
    }),
    status: 'partially-approved',
    claimReasons: [],
    lines: [
      approved([15_000, 0, 0, 3_000, 3_000, 12_000], 'COINSURANCE_APPLIED'),
      denied('DUPLICATE_LINE'),
    ],
    after: [50_000, 63_000],
  },
  {
    name: 'a line failing several line rules carries every code',
    input: input({
      claim: claimWith([line('A9999', 5_000)]),
      priorLines: [
        { claimId: 'clm-0', practitionerId: DOCTOR, serviceDate: '2026-02-10', code: 'A9999' },
      ],
    }),
    status: 'denied',
    claimReasons: [],
    lines: [denied('DUPLICATE_LINE', 'NOT_COVERED')],
    after: [0, 0],
  },
  {
    // 600 000 + 500 000 = 1 100 000 > 1 000 000: nothing priced, nothing accumulated
    name: 'a total charge above the review threshold pends the claim',
    input: input({ claim: claimWith([line('99213', 600_000), line('99214', 500_000)]) }),
    status: 'pended',
    claimReasons: ['ABOVE_REVIEW_THRESHOLD', 'PENDED_FOR_REVIEW'],
    lines: [pended('PENDED_FOR_REVIEW'), pended('PENDED_FOR_REVIEW')],
    after: [0, 0],
  },
  {
    // 1 000 000 is not above 1 000 000; allowed 15 000, all deductible
    name: 'a total charge equal to the threshold is decided at once',
    input: input({ claim: claimWith([line('99213', 1_000_000)]) }),
    status: 'approved',
    claimReasons: [],
    lines: [
      approved([15_000, 15_000, 0, 0, 15_000, 0], 'ALLOWED_AMOUNT_APPLIED', 'DEDUCTIBLE_APPLIED'),
    ],
    after: [15_000, 15_000],
  },
  {
    name: 'a code the plan sends to review pends the whole claim',
    input: input({ claim: claimWith([line('27447', 900_000), line('99213', 15_000)]) }),
    status: 'pended',
    claimReasons: ['PENDED_FOR_REVIEW'],
    lines: [pended('REVIEW_REQUIRED', 'PENDED_FOR_REVIEW'), pended('PENDED_FOR_REVIEW')],
    after: [0, 0],
  },
  {
    name: 'a pended claim keeps its line denials',
    input: input({ claim: claimWith([line('27447', 900_000), line('A9999', 5_000)]) }),
    status: 'pended',
    claimReasons: ['PENDED_FOR_REVIEW'],
    lines: [pended('REVIEW_REQUIRED', 'PENDED_FOR_REVIEW'), denied('NOT_COVERED')],
    after: [0, 0],
  },
  {
    name: 'a claim above the threshold with every line denied is denied, not pended',
    input: input({ claim: claimWith([line('A9999', 1_100_000)]) }),
    status: 'denied',
    claimReasons: [],
    lines: [denied('NOT_COVERED')],
    after: [0, 0],
  },
  {
    name: 'a claim-level denial wins over review',
    input: input({ credentialVerdict: suspended, claim: claimWith([line('27447', 2_000_000)]) }),
    status: 'denied',
    claimReasons: ['PRACTITIONER_NOT_CREDENTIALED'],
    lines: [denied('PRACTITIONER_NOT_CREDENTIALED')],
    after: [0, 0],
  },
];

describe('claims: adjudicate', () => {
  it('has a table of at least 25 hand-worked cases', () => {
    assert.ok(cases.length >= 25);
  });

  for (const c of cases) {
    it(c.name, () => {
      const result = adjudicate(c.input);
      assert.equal(result.status, c.status);
      assert.deepEqual(result.reasonCodes, c.claimReasons);
      assert.deepEqual(
        result.lines.map((l) => ({
          outcome: l.outcome,
          amounts: [
            l.allowedCents,
            l.deductibleCents,
            l.copayCents,
            l.coinsuranceCents,
            l.patientShareCents,
            l.paidCents,
          ],
          reasons: l.reasonCodes,
        })),
        c.lines,
      );
      assert.deepEqual(
        [result.accumulators.deductibleMetCents, result.accumulators.outOfPocketMetCents],
        c.after,
      );
    });
  }

  describe('invariants over every case', () => {
    for (const c of cases) {
      it(`${c.name}: totals are the sums of the lines and paid + share = allowed`, () => {
        const result = adjudicate(c.input);
        const total = (f: (l: (typeof result.lines)[number]) => number) =>
          result.lines.reduce((s, l) => s + f(l), 0);
        assert.equal(
          result.totals.paidCents,
          total((l) => l.paidCents),
        );
        assert.equal(
          result.totals.patientShareCents,
          total((l) => l.patientShareCents),
        );
        assert.equal(
          result.totals.allowedCents,
          total((l) => l.allowedCents),
        );
        assert.equal(
          result.totals.chargeCents,
          total((l) => l.chargeCents),
        );
        for (const l of result.lines) {
          assert.equal(l.paidCents + l.patientShareCents, l.allowedCents);
          assert.equal(l.deductibleCents + l.copayCents + l.coinsuranceCents, l.patientShareCents);
          assert.ok(Number.isInteger(l.paidCents) && l.paidCents >= 0);
        }
        const met =
          result.accumulators.outOfPocketMetCents - c.input.accumulators.outOfPocketMetCents;
        assert.equal(
          met,
          result.totals.patientShareCents,
          'out-of-pocket grows by the patient share',
        );
      });
    }
  });

  it('numbers lines from 1 and copies code, units and charge onto them', () => {
    const result = adjudicate(
      input({ claim: claimWith([line('99213', 100), line('97110', 8_000, 2)]) }),
    );
    assert.deepEqual(
      result.lines.map((l) => [l.line, l.code, l.units, l.chargeCents]),
      [
        [1, '99213', 1, 100],
        [2, '97110', 2, 8_000],
      ],
    );
  });

  it('is deterministic: the same input gives the same result', () => {
    const i = input({ accumulators: acc(45_000, 45_000) });
    assert.deepEqual(adjudicate(i), adjudicate(i));
  });
});
