/** publishPlan and getPlan: versioned public plan terms, changed by the insurer only. */
import assert from 'node:assert/strict';
import { PlanSchema } from '../../../chaincode/src/claims/plan';
import { Msp } from '../../../chaincode/src/shared/names';
import { Role } from '../../../chaincode/src/shared/roles';
import { contextFor, errorCodeOf, FakeStub } from '../../support/fake-stub';
import {
  adjudicator,
  contract,
  insurerAdmin,
  intake,
  planTerms,
  policyOrgs,
  publicKey,
  registrar,
} from './fixtures';

async function publish(stub: FakeStub, terms: unknown, as = adjudicator): Promise<unknown> {
  stub.nextTx({ at: '2026-01-02T09:00:00Z' });
  return JSON.parse(await contract.publishPlan(as(stub), JSON.stringify(terms)));
}

describe('claims: plans', () => {
  describe('publishPlan', () => {
    it('stores version 1 stamped with the insurer and the time, and returns it', async () => {
      const stub = new FakeStub();
      const plan = PlanSchema.parse(await publish(stub, planTerms()));
      assert.equal(plan.version, 1);
      assert.equal(plan.insurerMsp, Msp.Insurer);
      assert.equal(plan.publishedAt, '2026-01-02T09:00:00.000Z');
      assert.equal(plan.deductibleCents, 50_000);
    });

    it('publishing the same planId again makes version 2; version 1 stays readable', async () => {
      const stub = new FakeStub();
      await publish(stub, planTerms());
      const second = PlanSchema.parse(await publish(stub, planTerms({ deductibleCents: 80_000 })));
      assert.equal(second.version, 2);
      stub.nextTx();
      const latest = PlanSchema.parse(
        JSON.parse(await contract.getPlan(registrar(stub), 'gold', '')),
      );
      const first = PlanSchema.parse(
        JSON.parse(await contract.getPlan(registrar(stub), 'gold', '1')),
      );
      assert.equal(latest.deductibleCents, 80_000);
      assert.equal(first.deductibleCents, 50_000);
    });

    it('lets only the insurer endorse later changes of the plan keys', async () => {
      const stub = new FakeStub();
      await publish(stub, planTerms());
      assert.deepEqual(policyOrgs(stub, publicKey(stub, 'plan', 'gold', '000001')), [Msp.Insurer]);
      assert.deepEqual(policyOrgs(stub, publicKey(stub, 'planLatest', 'gold')), [Msp.Insurer]);
    });

    it('emits PlanPublished with the plan ID and version only', async () => {
      const stub = new FakeStub();
      await publish(stub, planTerms());
      assert.deepEqual(stub.lastEvent(), {
        name: 'PlanPublished',
        payload: { planId: 'gold', version: 1, audience: [Msp.Insurer] },
      });
    });

    it('may be done by an insurer admin', async () => {
      const stub = new FakeStub();
      assert.equal(PlanSchema.parse(await publish(stub, planTerms(), insurerAdmin)).version, 1);
    });

    it('is refused to the insurer intake and to a provider admin', async () => {
      const stub = new FakeStub();
      assert.equal(await errorCodeOf(publish(stub, planTerms(), intake)), 'FORBIDDEN');
      const providerAdmin = (s: FakeStub) =>
        contextFor(s, { mspId: Msp.ProviderA, role: Role.Admin });
      assert.equal(await errorCodeOf(publish(stub, planTerms(), providerAdmin)), 'FORBIDDEN');
      assert.equal(stub.state.size, 0);
    });

    const invalid: [string, unknown][] = [
      ['a deductible above the out-of-pocket maximum', planTerms({ deductibleCents: 400_000 })],
      ['coinsurance above 100 %', planTerms({ coinsuranceBps: 10_001 })],
      ['fractional cents', planTerms({ deductibleCents: 100.5 })],
      [
        'a repeated code',
        planTerms({
          coveredCodes: [
            { code: '99213', allowedCents: 1 },
            { code: '99213', allowedCents: 2 },
          ],
        }),
      ],
      ['no covered codes', planTerms({ coveredCodes: [] })],
      ['a timely-filing limit of 0 days', planTerms({ timelyFilingDays: 0 })],
      ['an unknown field', { ...planTerms(), insurerMsp: 'ProviderAMSP' }],
    ];
    for (const [what, terms] of invalid) {
      it(`refuses a plan with ${what} as INVALID_ARGUMENT`, async () => {
        assert.equal(await errorCodeOf(publish(new FakeStub(), terms)), 'INVALID_ARGUMENT');
      });
    }
  });

  describe('getPlan', () => {
    it('answers NOT_FOUND for an unknown plan or version', async () => {
      const stub = new FakeStub();
      await publish(stub, planTerms());
      assert.equal(await errorCodeOf(contract.getPlan(registrar(stub), 'silver', '')), 'NOT_FOUND');
      assert.equal(await errorCodeOf(contract.getPlan(registrar(stub), 'gold', '2')), 'NOT_FOUND');
    });

    it('refuses a version that is not a positive whole number', async () => {
      const stub = new FakeStub();
      for (const v of ['0', 'x', '-1', '1.5']) {
        assert.equal(
          await errorCodeOf(contract.getPlan(registrar(stub), 'gold', v)),
          'INVALID_ARGUMENT',
          v,
        );
      }
    });
  });
});
