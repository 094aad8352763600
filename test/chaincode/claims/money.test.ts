/** Integer money: the one rounding rule and the day arithmetic adjudication relies on. */
import assert from 'node:assert/strict';
import { daysBetween, planYear } from '../../../chaincode/src/claims/dates';
import { Cents, MAX_CENTS, shareOf } from '../../../chaincode/src/claims/money';

describe('claims: money and dates', () => {
  describe('shareOf (amount × bps / 10000, half up)', () => {
    const table: [number, number, number, string][] = [
      [10_000, 2_000, 2_000, '20 % of 10 000 is exact'],
      [2, 2_500, 1, '25 % of 2 is 0.5: rounds up to 1'],
      [1, 2_500, 0, '25 % of 1 is 0.25: rounds down to 0'],
      [3, 5_000, 2, '50 % of 3 is 1.5: rounds up to 2'],
      [12_345, 1_250, 1_543, '12.5 % of 12 345 is 1 543.125: rounds down'],
      [99_999, 10_000, 99_999, '100 % is the whole amount'],
      [99_999, 0, 0, '0 % is nothing'],
      [0, 2_000, 0, 'of nothing is nothing'],
    ];
    for (const [amount, bps, expected, why] of table) {
      it(`${amount} at ${bps} bps is ${expected}: ${why}`, () => {
        assert.equal(shareOf(amount, bps), expected);
      });
    }

    it('stays exact at the largest amount (no floating-point product)', () => {
      // 10^12 × 3 333 = 3.333 × 10^15 (below 2^53, but the half-up sum is done in BigInt anyway)
      assert.equal(shareOf(MAX_CENTS, 3_333), 333_300_000_000);
      assert.equal(shareOf(MAX_CENTS - 1, 5_000), 500_000_000_000); // 499 999 999 999.5 → up
    });
  });

  describe('Cents', () => {
    it('accepts whole non-negative cents up to the maximum', () => {
      assert.equal(Cents.safeParse(0).success, true);
      assert.equal(Cents.safeParse(MAX_CENTS).success, true);
    });
    it('refuses fractions, negatives, too much and strings', () => {
      for (const bad of [1.5, -1, MAX_CENTS + 1, '100']) {
        assert.equal(Cents.safeParse(bad).success, false, String(bad));
      }
    });
  });

  describe('dates', () => {
    it('counts days across month ends and a leap day', () => {
      assert.equal(daysBetween('2025-12-01', '2026-03-01'), 90);
      assert.equal(daysBetween('2028-02-28', '2028-03-01'), 2);
      assert.equal(daysBetween('2026-03-01', '2026-02-28'), -1);
    });
    it('puts a service in the calendar year of its date', () => {
      assert.equal(planYear('2026-12-31'), '2026');
    });
  });
});
