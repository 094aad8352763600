/**
 * A benefit plan a member's tampered chaincode writes alone (the plan version and the pointer
 * to it, as publishPlan would, without the insurer's attestation): no reader takes it for a
 * plan, and nobody can be enrolled in it.
 */
import assert from 'node:assert/strict';
import type { ChaincodeStub } from 'fabric-shim';
import { keys } from '../../../chaincode/src/claims/keys';
import { putAttested } from '../../../chaincode/src/shared/attestation';
import { Ledger } from '../../../chaincode/src/shared/ledger';
import { Msp } from '../../../chaincode/src/shared/names';
import { errorCodeOf, FakeStub } from '../../support/fake-stub';
import { adjudicator, contract, plan, planTerms } from './fixtures';

describe('a plan written without the insurer', () => {
  for (const [how, attestedBy] of [
    ['with no attestation', undefined],
    ["attested by the forger's own organisation", Msp.ProviderB],
  ] as const) {
    it(`${how}: NOT_FOUND to readers, while the insurer's own plan reads back`, async () => {
      const stub = new FakeStub();
      stub.nextTx({ at: '2026-01-02T09:00:00Z' });
      await contract.publishPlan(adjudicator(stub), JSON.stringify(planTerms()));
      const ledger = new Ledger(stub as unknown as ChaincodeStub);
      const forged = plan({ planId: 'free-lunch', deductibleCents: 0 });
      const key = keys.plan(ledger, forged.planId, 1);
      if (attestedBy === undefined) await ledger.put(key, forged);
      else await putAttested(ledger, attestedBy, key, forged);
      await ledger.put(keys.planLatest(ledger, forged.planId), {
        planId: forged.planId,
        version: 1,
      });
      stub.nextTx({ at: '2026-01-03T09:00:00Z' });
      assert.equal(
        await errorCodeOf(contract.getPlan(adjudicator(stub), 'free-lunch', '')),
        'NOT_FOUND',
      );
      assert.equal(
        JSON.parse(await contract.getPlan(adjudicator(stub), 'gold', '')).planId,
        'gold',
      );
    });
  }
});
