/**
 * Endorsements from an organisation that does not own the key. The caller passes every check
 * of the chaincode, but asks the SDK for endorsers the key-level policy does not name: a new
 * version of the insurer's plan endorsed by ProviderA alone: the orderer puts it in a block and
 * every peer marks it ENDORSEMENT_POLICY_FAILURE. An erasure of a ProviderA patient sent to
 * ProviderB's peer alone is refused by that peer's chaincode, which holds none of the data.
 * The plan and the patient (private data included) are as they were. (Records and credentials: test/e2e/endorsement.test.ts.)
 */
import assert from 'node:assert/strict';
import { planTerms } from '../support/claims-data';
import { MSP } from '../support/network';
import { type Cast, theCast } from './support/cast';
import { count, ledgerStatusOf, refusalOf } from './support/refusals';

describe('endorsements by an organisation that does not own the key, on the real network', function () {
  this.timeout(180_000);
  let cast: Cast;
  before(async () => {
    cast = await theCast();
  });

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

  it("an erasure of a ProviderA patient sent to ProviderB's peer alone is refused there: not its data", async () => {
    // The demographics live only in ProviderA's implicit collection; ProviderB's chaincode
    // knows it is not their custodian. (A tampered ProviderB chaincode that endorses anyway
    // meets the validation of ProviderA's collection: the adversary suite's mode (b).)
    const registrar = await cast.net.as('providera', 'registrar1', 'providerb');
    const forged = await refusalOf(
      registrar.contract('records').submit('erasePatient', {
        args: [cast.patient2.patientId],
        endorsingOrganizations: [MSP.providerb],
      }),
    );
    count('forged endorsements', forged.code, forged.code === 'FORBIDDEN');
    assert.equal(forged.code, 'FORBIDDEN', forged.text);
    assert.match(forged.text, /held by ProviderAMSP/);
  });

  it('and the patient is active, the demographics still held by their custodian', async () => {
    for (const org of ['providera'] as const) {
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
