/**
 * Security on the real network: no organisation can change another's facts by endorsing a
 * transaction alone. A record's keys carry its author's key-level endorsement policy and a
 * credential's the board's, so a transaction that the chaincode accepts but that the wrong
 * organisation endorsed is ordered into a block and then marked invalid by every peer
 * (ENDORSEMENT_POLICY_FAILURE), and the state stays as it was.
 *
 * A ProviderB admin (or physician) cannot even get that far: the chaincode refuses them on
 * every peer (FORBIDDEN), see the first test. To reach validation, the forged cases below
 * use callers the chaincode accepts, endorsed by an organisation the policy does not name.
 */
import assert from 'node:assert/strict';
import { runId } from './support/enrol';
import { failureOf } from './support/errors';
import { MSP } from './support/network';
import {
  evaluateBy,
  OFFICER,
  issueLicence,
  licenceRequest,
  licensedPhysician,
  type Practitioner,
  registerPatient,
} from './support/people';
import { type FiledRecord, fileObservation } from './support/records';
import { SettledNetwork } from './support/settled';

describe('endorsement policies against forged endorsements, on the real network', function () {
  this.timeout(180_000);
  const net = new SettledNetwork();
  const run = runId();
  let patientId = '';
  let physicianA: Practitioner;
  let physicianB: Practitioner;
  let record: FiledRecord;
  const licence = licenceRequest(`pr-e2en-${run}`, `LIC-pr-e2en-${run}`, MSP.providera);
  after(() => net.close());

  before(async () => {
    [physicianA, physicianB] = await Promise.all([
      licensedPhysician(net, 'providera', `pr-an-${run}`),
      licensedPhysician(net, 'providerb', `pr-bn-${run}`),
      issueLicence(net, licence),
    ]);
    ({ patientId } = await registerPatient(net, 'providera', run));
    record = await fileObservation(await physicianA.session(), 'providera', patientId, run, 1);
  });

  async function versionsOfRecord(): Promise<{ version: number; hash: string }[]> {
    return evaluateBy(physicianA, 'records', 'recordHistory', record.recordId);
  }

  async function verifyLicence(): Promise<{ valid: boolean; reason: string }> {
    const insurer = (await net.as('insurer', 'adjudicator1')).contract('credentials');
    return JSON.parse(
      await insurer.evaluate('verifyLicence', {
        args: [licence.licenceNumber, licence.organisation, ''],
      }),
    );
  }

  describe("ProviderA's record", () => {
    it('a ProviderB admin or physician is refused by the chaincode on either peer (FORBIDDEN)', async () => {
      const admin = (via: 'providera' | 'providerb') => net.as('providerb', 'orgadmin', via);
      for (const via of ['providera', 'providerb'] as const) {
        for (const session of [await admin(via), await physicianB.session(via)]) {
          const attempt = fileObservation(session, via, patientId, run, 9, record.recordId);
          assert.equal(await failureOf(attempt), 'FORBIDDEN');
        }
      }
      assert.deepEqual(
        (await versionsOfRecord()).map((v) => v.version),
        [1],
      );
    });

    it('a correction endorsed only by ProviderB fails validation (ENDORSEMENT_POLICY_FAILURE)', async () => {
      // A ProviderA physician passes every check of the chaincode, but the only endorsement
      // comes from ProviderB's peer: the record's keys need ProviderA's.
      const forged = fileObservation(
        await physicianA.session('providerb'),
        'providera',
        patientId,
        run,
        2,
        record.recordId,
        [MSP.providerb],
      );
      assert.equal(await failureOf(forged), 'ENDORSEMENT_POLICY_FAILURE');
    });

    it('and the record is unchanged: still version 1 with its hash', async () => {
      const versions = await versionsOfRecord();
      assert.deepEqual(
        versions.map((v) => [v.version, v.hash]),
        [[1, record.hash]],
      );
      const listed = await evaluateBy(physicianA, 'records', 'listRecords', patientId, '10', '');
      assert.deepEqual(
        listed.items.map((r: { recordId: string; version: number }) => [r.recordId, r.version]),
        [[record.recordId, 1]],
      );
    });

    it('the same correction endorsed by ProviderA commits as version 2: the policy refused it', async () => {
      const corrected = await fileObservation(
        await physicianA.session(),
        'providera',
        patientId,
        run,
        3,
        record.recordId,
      );
      assert.deepEqual([corrected.recordId, corrected.version], [record.recordId, 2]);
    });
  });

  describe("the board's credential", () => {
    it("an officer's suspension endorsed only by ProviderA fails validation (ENDORSEMENT_POLICY_FAILURE)", async () => {
      const officer = await net.as('board', OFFICER, 'providera');
      const forged = officer.contract('credentials').submit('suspendCredential', {
        args: [licence.licenceNumber, 'PENDING_INVESTIGATION'],
        endorsingOrganizations: [MSP.providera],
      });
      assert.equal(await failureOf(forged), 'ENDORSEMENT_POLICY_FAILURE');
    });

    it('and verification still says valid, with nothing but the issue in its history', async () => {
      const verified = await verifyLicence();
      assert.deepEqual([verified.valid, verified.reason], [true, 'VALID']);
      const providerB = (await net.as('providerb', 'registrar1')).contract('credentials');
      const history = JSON.parse(
        await providerB.evaluate('credentialHistory', { args: [licence.licenceNumber] }),
      );
      assert.deepEqual(
        history.map((s: { action: string }) => s.action),
        ['issued'],
      );
    });

    it('the same suspension endorsed by the board commits: the policy refused it', async () => {
      const officer = await net.as('board', OFFICER);
      await officer.contract('credentials').submit('suspendCredential', {
        args: [licence.licenceNumber, 'PENDING_INVESTIGATION'],
        endorsingOrganizations: [MSP.board],
      });
      const verified = await verifyLicence();
      assert.deepEqual([verified.valid, verified.reason], [false, 'SUSPENDED']);
    });
  });
});
