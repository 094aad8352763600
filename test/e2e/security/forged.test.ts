/**
 * Endorsements from an organisation that does not own the key. The caller passes every check
 * of the chaincode, but asks the SDK for endorsers the key-level policy does not name: a new
 * version of the insurer's plan endorsed by ProviderA alone, and an erasure of a ProviderA
 * patient endorsed by ProviderB alone. The orderer puts each in a block, every peer marks it
 * ENDORSEMENT_POLICY_FAILURE, and the plan and the patient (private data included) are as they
 * were. (Records and credentials: test/e2e/endorsement.test.ts.)
 */
import assert from 'node:assert/strict';
import { chainHeight } from '../support/blocks';
import { planTerms } from '../support/claims-data';
import { MSP } from '../support/network';
import { type Cast, theCast } from './support/cast';
import { count, ledgerStatusOf, refusalOf } from './support/refusals';

describe('endorsements by an organisation that does not own the key, on the real network', function () {
  this.timeout(180_000);
  let cast: Cast;
  let erasureBlockHeight = BigInt(0);
  before(async () => {
    cast = await theCast();
  });

  async function heightOf(org: 'providera' | 'providerb'): Promise<bigint> {
    const observer = await cast.net.as(org, 'orgadmin');
    return chainHeight(observer.network);
  }

  it("a new version of the insurer's plan endorsed only by ProviderA fails validation", async () => {
    const adjudicator = await cast.net.as('insurer', 'adjudicator1', 'providera');
    const forged = await refusalOf(
      adjudicator.contract('claims').submit('publishPlan', {
        args: [JSON.stringify({ ...planTerms(cast.planId, false), deductibleCents: 0 })],
        endorsingOrganizations: [MSP.providera],
      }),
    );
    count('forged endorsements', forged.code, forged.code === 'ENDORSEMENT_POLICY_FAILURE');
    assert.equal(forged.code, 'ENDORSEMENT_POLICY_FAILURE', forged.text);
    for (const org of ['providera', 'insurer'] as const) {
      const observer = await cast.net.as(org, 'orgadmin');
      assert.equal(
        await ledgerStatusOf(observer.network, forged.transactionId ?? ''),
        'ENDORSEMENT_POLICY_FAILURE',
      );
    }
  });

  it('and the plan is still version 1 with its deductible', async () => {
    const reader = await cast.net.as('providerb', 'registrar1');
    const plan = JSON.parse(
      await reader.contract('claims').evaluate('getPlan', { args: [cast.planId, ''] }),
    );
    assert.deepEqual([plan.version, plan.deductibleCents], [1, 50_000]);
  });

  it('an erasure of a ProviderA patient endorsed only by ProviderB fails validation', async () => {
    const registrar = await cast.net.as('providera', 'registrar1', 'providerb');
    const forged = await refusalOf(
      registrar.contract('records').submit('erasePatient', {
        args: [cast.patient2.patientId],
        endorsingOrganizations: [MSP.providerb],
      }),
    );
    count('forged endorsements', forged.code, forged.code === 'ENDORSEMENT_POLICY_FAILURE');
    assert.equal(forged.code, 'ENDORSEMENT_POLICY_FAILURE', forged.text);
    erasureBlockHeight = await heightOf('providerb');
  });

  it("and ProviderA's peer commits that block at once, not waiting for the invalid transaction's private data", async () => {
    // The forged erasure purges the MRN index in ProviderA's implicit collection, which
    // ProviderB's peer cannot hand over. Unless the peer skips pulling private data of invalid
    // transactions, it retries for pullRetryThreshold (60 s) before it commits the block, and
    // commits nothing else meanwhile. Waits for the stall to end either way, so that the tests
    // after this one find the peer working.
    const started = Date.now();
    while ((await heightOf('providera')) < erasureBlockHeight) {
      if (Date.now() - started > 120_000)
        throw new Error("ProviderA's peer never committed the block");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const stalledMs = Date.now() - started;
    console.log(
      `      ProviderA's peer committed the block of the forged erasure after ${stalledMs} ms`,
    );
    assert.ok(
      stalledMs < 5_000,
      `ProviderA's peer stalled ${stalledMs} ms on an invalid transaction's private data ` +
        '(peer.gossip.pvtData.skipPullingInvalidTransactionsDuringCommit is false)',
    );
  });

  it('and the patient is active, the demographics still held by both providers', async () => {
    for (const org of ['providera', 'providerb'] as const) {
      // The registering provider's registrar checks the copy each provider's peer holds.
      const registrar = await cast.net.as('providera', 'registrar1', org);
      const records = registrar.contract('records');
      const patient = JSON.parse(
        await records.evaluate('getPatient', { args: [cast.patient2.patientId] }),
      );
      assert.equal(patient.status, 'active');
      const check = JSON.parse(
        await records.evaluate('verifyDemographics', {
          args: [cast.patient2.patientId],
          transient: {
            payload: JSON.stringify(cast.patient2.demographics),
            salt: cast.patient2.salt,
          },
          endorsingOrganizations: [MSP[org]],
        }),
      );
      assert.deepEqual([check.matchesLedger, check.matchesPrivateCopy], [true, true], org);
    }
  });
});
