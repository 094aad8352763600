/**
 * A person's decisions after adjudication: review of a pended claim and decision of an
 * appeal. Amounts worked out by hand against the plan in fixtures.ts (20 % coinsurance,
 * 50 000 c deductible, 300 000 c out-of-pocket maximum).
 */
import assert from 'node:assert/strict';
import { adjudicate } from '../../../chaincode/src/claims/adjudicate';
import { applyDecision, DecisionSchema } from '../../../chaincode/src/claims/decisions';
import type { DenialDecisionCode } from '../../../chaincode/src/claims/reasons';
import { ChaincodeError } from '../../../chaincode/src/shared/errors';
import { enrolment, input, line, plan, PATIENT, DOCTOR } from './fixtures';

const claimOf = (lines: ReturnType<typeof line>[], serviceDate = '2026-02-10') => ({
  patientId: PATIENT,
  renderingPractitionerId: DOCTOR,
  serviceDate,
  lines,
});
const ZERO = { deductibleMetCents: 0, outOfPocketMetCents: 0 };
const MET = { deductibleMetCents: 50_000, outOfPocketMetCents: 60_000 };

/** Knee replacement (flagged for review) and an office visit: both pended. */
const pendedResult = adjudicate(
  input({ claim: claimOf([line('27447', 900_000), line('99213', 15_000)]) }),
);

const approve = (n: number) => ({ line: n, decision: 'approve' as const });
const deny = (n: number, ...reasonCodes: DenialDecisionCode[]) => ({
  line: n,
  decision: 'deny' as const,
  reasonCodes,
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof ChaincodeError ? err.code : 'not a ChaincodeError';
  }
  return undefined;
}

const amounts = (l: {
  allowedCents: number;
  deductibleCents: number;
  copayCents: number;
  coinsuranceCents: number;
  patientShareCents: number;
  paidCents: number;
}) => [
  l.allowedCents,
  l.deductibleCents,
  l.copayCents,
  l.coinsuranceCents,
  l.patientShareCents,
  l.paidCents,
];

describe('claims: decisions after adjudication', () => {
  it('the claim under review starts pended with nothing priced', () => {
    assert.equal(pendedResult.status, 'pended');
    assert.equal(pendedResult.totals.paidCents, 0);
  });

  describe('review of a pended claim', () => {
    it('approving every line prices them in order against the current accumulators', () => {
      const result = applyDecision(
        'review',
        pendedResult,
        { lines: [approve(1), approve(2)] },
        plan(),
        ZERO,
      );
      assert.equal(result.status, 'approved');
      // line 1: allowed 900 000; deductible 50 000; rest 850 000 × 20 % = 170 000;
      //         share 220 000; paid 680 000
      assert.deepEqual(amounts(result.lines[0]!), [900_000, 50_000, 0, 170_000, 220_000, 680_000]);
      // line 2: deductible met; 15 000 × 20 % = 3 000; paid 12 000
      assert.deepEqual(amounts(result.lines[1]!), [15_000, 0, 0, 3_000, 3_000, 12_000]);
      assert.deepEqual(result.accumulators, {
        deductibleMetCents: 50_000,
        outOfPocketMetCents: 223_000,
      });
      assert.equal(result.totals.paidCents, 692_000);
      assert.deepEqual(result.lines[0]!.reasonCodes, [
        'REVIEW_REQUIRED',
        'PENDED_FOR_REVIEW',
        'APPROVED_ON_REVIEW',
        'DEDUCTIBLE_APPLIED',
        'COINSURANCE_APPLIED',
      ]);
    });

    it('uses the accumulators at decision time, not those at submission', () => {
      // 10 000 of out-of-pocket room left: line 1 coinsurance 180 000 capped to 10 000,
      // paid 890 000; line 2: nothing left, paid 15 000
      const now = { deductibleMetCents: 50_000, outOfPocketMetCents: 290_000 };
      const result = applyDecision(
        'review',
        pendedResult,
        { lines: [approve(1), approve(2)] },
        plan(),
        now,
      );
      assert.deepEqual(amounts(result.lines[0]!), [900_000, 0, 0, 10_000, 10_000, 890_000]);
      assert.deepEqual(amounts(result.lines[1]!), [15_000, 0, 0, 0, 0, 15_000]);
      assert.deepEqual(result.accumulators, {
        deductibleMetCents: 50_000,
        outOfPocketMetCents: 300_000,
      });
    });

    it('approving one line and denying the other partially approves the claim', () => {
      const result = applyDecision(
        'review',
        pendedResult,
        { lines: [approve(1), deny(2, 'NOT_MEDICALLY_NECESSARY')] },
        plan(),
        ZERO,
      );
      assert.equal(result.status, 'partially-approved');
      assert.equal(result.lines[1]!.outcome, 'denied');
      assert.deepEqual(result.lines[1]!.reasonCodes, [
        'PENDED_FOR_REVIEW',
        'NOT_MEDICALLY_NECESSARY',
        'DENIED_ON_REVIEW',
      ]);
      assert.equal(result.totals.paidCents, 680_000);
    });

    it('denying every line denies the claim and accumulates nothing', () => {
      const decision = {
        lines: [deny(1, 'INSUFFICIENT_DOCUMENTATION'), deny(2, 'NOT_MEDICALLY_NECESSARY')],
      };
      const result = applyDecision('review', pendedResult, decision, plan(), MET);
      assert.equal(result.status, 'denied');
      assert.equal(result.totals.paidCents, 0);
      assert.deepEqual(result.accumulators, MET);
    });

    it('must decide every pended line exactly once', () => {
      for (const lines of [
        [approve(1)],
        [approve(1), approve(2), approve(3)],
        [approve(1), approve(1), approve(2)],
      ]) {
        assert.equal(
          codeOf(() => applyDecision('review', pendedResult, { lines }, plan(), ZERO)),
          'INVALID_ARGUMENT',
        );
      }
    });

    it('may not decide a line adjudication already denied', () => {
      const mixed = adjudicate(
        input({ claim: claimOf([line('27447', 900_000), line('A9999', 5_000)]) }),
      );
      assert.equal(mixed.status, 'pended');
      const both = { lines: [approve(1), approve(2)] };
      assert.equal(
        codeOf(() => applyDecision('review', mixed, both, plan(), ZERO)),
        'INVALID_ARGUMENT',
      );
      const result = applyDecision('review', mixed, { lines: [approve(1)] }, plan(), ZERO);
      assert.equal(result.status, 'partially-approved');
    });

    it('keeps the claim-level codes as they were', () => {
      const above = adjudicate(input({ claim: claimOf([line('99213', 1_100_000)]) }));
      const result = applyDecision('review', above, { lines: [approve(1)] }, plan(), MET);
      assert.deepEqual(result.reasonCodes, ['ABOVE_REVIEW_THRESHOLD', 'PENDED_FOR_REVIEW']);
      assert.equal(result.status, 'approved');
    });
  });

  describe('decision of an appeal', () => {
    const noAuth = adjudicate(
      input({ accumulators: MET, claim: claimOf([line('70553', 150_000)]) }),
    );

    it('granting it prices the denied line: appeal-approved', () => {
      const result = applyDecision('appeal', noAuth, { lines: [approve(1)] }, plan(), MET);
      assert.equal(result.status, 'appeal-approved');
      // allowed min(150 000, 120 000) = 120 000 × 20 % = 24 000; paid 96 000
      assert.deepEqual(amounts(result.lines[0]!), [120_000, 0, 0, 24_000, 24_000, 96_000]);
      assert.deepEqual(result.reasonCodes, ['APPEAL_APPROVED']);
      assert.deepEqual(result.lines[0]!.reasonCodes, [
        'NO_PRIOR_AUTH',
        'APPEAL_APPROVED',
        'ALLOWED_AMOUNT_APPLIED',
        'COINSURANCE_APPLIED',
      ]);
    });

    it('refusing it keeps the denial: appeal-denied, codes not repeated', () => {
      const result = applyDecision(
        'appeal',
        noAuth,
        { lines: [deny(1, 'NO_PRIOR_AUTH')] },
        plan(),
        MET,
      );
      assert.equal(result.status, 'appeal-denied');
      assert.deepEqual(result.lines[0]!.reasonCodes, ['NO_PRIOR_AUTH', 'APPEAL_DENIED']);
      assert.deepEqual(result.reasonCodes, ['APPEAL_DENIED']);
      assert.equal(result.totals.paidCents, 0);
    });

    it('refusing the appeal of a partial approval leaves the approved line payable', () => {
      const partial = adjudicate(
        input({
          accumulators: MET,
          claim: claimOf([line('99213', 15_000), line('70553', 150_000)]),
        }),
      );
      assert.equal(partial.status, 'partially-approved');
      const result = applyDecision(
        'appeal',
        partial,
        { lines: [deny(2, 'NO_PRIOR_AUTH')] },
        plan(),
        partial.accumulators,
      );
      assert.equal(result.status, 'appeal-denied');
      assert.equal(result.totals.paidCents, 12_000); // line 1: 15 000 − 20 % = 12 000
    });

    it('may only decide the denied lines', () => {
      const partial = adjudicate(
        input({
          accumulators: MET,
          claim: claimOf([line('99213', 15_000), line('70553', 150_000)]),
        }),
      );
      const both = { lines: [approve(1), approve(2)] };
      assert.equal(
        codeOf(() => applyDecision('appeal', partial, both, plan(), MET)),
        'INVALID_ARGUMENT',
      );
    });

    it('cannot approve a code the plan does not cover', () => {
      const notCovered = adjudicate(input({ claim: claimOf([line('A9999', 5_000)]) }));
      assert.equal(
        codeOf(() => applyDecision('appeal', notCovered, { lines: [approve(1)] }, plan(), ZERO)),
        'FAILED_PRECONDITION',
      );
    });

    it('cannot approve anything for a member who had no coverage', () => {
      const ineligible = adjudicate(input({ membership: undefined, plan: undefined }));
      assert.equal(
        codeOf(() => applyDecision('appeal', ineligible, { lines: [approve(1)] }, undefined, ZERO)),
        'FAILED_PRECONDITION',
      );
      const refused = applyDecision(
        'appeal',
        ineligible,
        { lines: [deny(1, 'NOT_ELIGIBLE')] },
        undefined,
        ZERO,
      );
      assert.equal(refused.status, 'appeal-denied');
    });

    it('can overturn a claim-level denial once the member is shown to be covered', () => {
      const expired = adjudicate(input({ membership: enrolment({ coverageTo: '2026-01-31' }) }));
      const result = applyDecision('appeal', expired, { lines: [approve(1)] }, plan(), ZERO);
      assert.equal(result.status, 'appeal-approved');
      assert.deepEqual(result.reasonCodes, ['NOT_ELIGIBLE', 'APPEAL_APPROVED']);
    });
  });

  describe('DecisionSchema', () => {
    const ok = (v: unknown) => DecisionSchema.safeParse(v).success;
    it('accepts approvals and denials with reason codes', () => {
      assert.equal(ok({ lines: [approve(1), deny(2, 'NOT_COVERED')] }), true);
    });
    it('refuses a denial without a reason, with a pricing code, or with free text', () => {
      assert.equal(ok({ lines: [{ line: 1, decision: 'deny', reasonCodes: [] }] }), false);
      assert.equal(
        ok({ lines: [{ line: 1, decision: 'deny', reasonCodes: ['DEDUCTIBLE_APPLIED'] }] }),
        false,
      );
      assert.equal(
        ok({ lines: [{ line: 1, decision: 'deny', reasonCodes: ['NOT_COVERED'], note: 'x' }] }),
        false,
      );
    });
    it('refuses line 0, unknown decisions and an empty decision', () => {
      assert.equal(ok({ lines: [{ line: 0, decision: 'approve' }] }), false);
      assert.equal(ok({ lines: [{ line: 1, decision: 'maybe' }] }), false);
      assert.equal(ok({ lines: [] }), false);
    });
  });
});
