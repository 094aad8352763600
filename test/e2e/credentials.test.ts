/**
 * Issue 4's end-to-end proof on the real network: the board's officer issues a licence to a
 * new ProviderA physician, who can then file records; a suspension stops the very next
 * record with CREDENTIAL_INVALID and a reinstatement lets it through again; a provider's
 * admin cannot issue or change a licence; every member verifies a licence alike; the
 * credential's history lists each change with the officer who made it.
 */
import assert from 'node:assert/strict';
import { runId } from './support/enrol';
import { failureOf } from './support/errors';
import { MSP, type OrgName } from './support/network';
import {
  OFFICER,
  day,
  licenceRequest,
  newPhysician,
  type Practitioner,
  registerPatient,
} from './support/people';
import { phiFoundInBlocks } from './support/blocks';
import { salt } from './support/phi';
import { recordNote } from './support/phi-ledger';
import { fileObservation } from './support/records';
import { SettledNetwork } from './support/settled';

/** A public code; the board's note beside it is private to the board. */
const SUSPENSION_REASON = 'LAPSED_INSURANCE';

describe('practitioner credentials, on the real network', function () {
  this.timeout(180_000);
  const net = new SettledNetwork();
  const run = runId();
  let patientId = '';
  const licenceNote = `insurer letter ${run}: cover lapsed on 1 March`;
  let physician: Practitioner;
  let firstRecordId: string;
  after(() => net.close());

  before(async () => {
    physician = await newPhysician(net, 'providera', `pr-e2e-${run}`);
    ({ patientId } = await registerPatient(net, 'providera', run));
  });

  /** A change by the board's officer, endorsed by the board as its key-level policy needs. */
  async function byBoard(transaction: string, ...args: string[]) {
    const board = (await net.as('board', OFFICER)).contract('credentials');
    const committed = await board.submit(transaction, {
      args,
      endorsingOrganizations: [MSP.board],
    });
    return JSON.parse(committed.result);
  }

  /** verifyLicence (for the physician acting at ProviderA) evaluated by USER of ORG on ORG's
   * own peer. */
  async function verifyAs(org: OrgName, user: string, date = ''): Promise<string> {
    return (await net.as(org, user)).contract('credentials').evaluate('verifyLicence', {
      args: [physician.licenceNumber, MSP.providera, date],
      endorsingOrganizations: [MSP[org]],
    });
  }

  async function fileAs(seed: number, replaces = '') {
    return fileObservation(await physician.session(), 'providera', patientId, run, seed, replaces);
  }

  it("the board's officer issues a physician licence to the new physician", async () => {
    const request = licenceRequest(
      physician.practitionerId,
      physician.licenceNumber,
      MSP[physician.org],
    );
    const credential = await byBoard('issueCredential', JSON.stringify(request));
    assert.equal(credential.licenceNumber, physician.licenceNumber);
    assert.equal(credential.practitionerId, physician.practitionerId);
    assert.equal(credential.licenceType, 'physician');
    assert.equal(credential.organisation, MSP.providera);
    assert.equal(credential.status, 'active');
    assert.equal(credential.issuingBoard, MSP.board);
  });

  it('the licensed ProviderA physician adds a record', async () => {
    const added = await fileAs(1);
    assert.match(added.recordId, /^rec-/);
    assert.equal(added.version, 1);
    firstRecordId = added.recordId;
  });

  it('the board suspends the licence with a code and a private note; verification says SUSPENDED', async () => {
    const board = (await net.as('board', OFFICER)).contract('credentials');
    const committed = await board.submit('suspendCredential', {
      args: [physician.licenceNumber, SUSPENSION_REASON],
      transient: { payload: JSON.stringify({ note: licenceNote }), salt: salt() },
      endorsingOrganizations: [MSP.board],
    });
    // Kept in the board's implicit collection alone: the placement scan checks it.
    recordNote('licence note', MSP.board, licenceNote);
    assert.ok(!committed.result.includes(licenceNote), 'not in the answer');
    const credential = JSON.parse(committed.result);
    assert.equal(credential.status, 'suspended');
    assert.equal(credential.statusReason, SUSPENSION_REASON);
    const history = await board.evaluate('credentialHistory', {
      args: [physician.licenceNumber],
    });
    assert.ok(history.includes(SUSPENSION_REASON) && !history.includes(licenceNote));
    const session = await net.as('insurer', 'orgadmin');
    assert.deepEqual(await phiFoundInBlocks(session.network, [licenceNote]), []);
    // The board's officer reads it back on the board's peer, the only one holding it.
    const kept = await board.evaluate('licenceNote', {
      args: [physician.licenceNumber, committed.transactionId],
      endorsingOrganizations: [MSP.board],
    });
    assert.equal(JSON.parse(kept).note, licenceNote);
    const verified = JSON.parse(await verifyAs('providera', 'registrar1'));
    assert.equal(verified.valid, false);
    assert.equal(verified.reason, 'SUSPENDED');
  });

  it('the suspended physician is refused the very next record with CREDENTIAL_INVALID', async () => {
    assert.equal(await failureOf(fileAs(2)), 'CREDENTIAL_INVALID');
    assert.equal(await failureOf(fileAs(3, firstRecordId)), 'CREDENTIAL_INVALID');
  });

  it('the suspended physician cannot break the glass either', async () => {
    const consent = (await physician.session()).contract('consent');
    const declared = consent.submit('declareEmergencyAccess', {
      args: [patientId, 'UNCONSCIOUS_PATIENT'],
    });
    assert.equal(await failureOf(declared), 'CREDENTIAL_INVALID');
  });

  it('reinstated, the physician adds records again (a correction: version 2)', async () => {
    const credential = await byBoard('reinstateCredential', physician.licenceNumber);
    assert.equal(credential.status, 'active');
    const corrected = await fileAs(4, firstRecordId);
    assert.equal(corrected.recordId, firstRecordId);
    assert.equal(corrected.version, 2);
  });

  it("a ProviderA admin's attempts to issue or suspend a licence are refused (FORBIDDEN)", async () => {
    const credentials = (await net.as('providera', 'orgadmin')).contract('credentials');
    const other = licenceRequest(`pr-e2e-x${run}`, `LIC-pr-e2e-x${run}`, MSP.providera);
    // Through the admin's own peer and through the board's: no peer endorses it.
    for (const endorsingOrganizations of [[MSP.providera], [MSP.board]]) {
      const issue = credentials.submit('issueCredential', {
        args: [JSON.stringify(other)],
        endorsingOrganizations,
      });
      assert.equal(await failureOf(issue), 'FORBIDDEN');
      const suspend = credentials.submit('suspendCredential', {
        args: [physician.licenceNumber, 'DISCIPLINARY_ACTION'],
        endorsingOrganizations,
      });
      assert.equal(await failureOf(suspend), 'FORBIDDEN');
    }
    const verified = JSON.parse(
      await credentials.evaluate('verifyLicence', {
        args: [physician.licenceNumber, MSP.providera, ''],
      }),
    );
    assert.equal(verified.valid, true);
    const unknown = JSON.parse(
      await credentials.evaluate('verifyLicence', {
        args: [other.licenceNumber, MSP.providera, ''],
      }),
    );
    assert.deepEqual([unknown.valid, unknown.reason], [false, 'UNKNOWN']);
  });

  it('verification from InsurerMSP and from ProviderBMSP gives the same answer', async () => {
    const today = day();
    // The same explicit day for both, so that a run across midnight UTC cannot differ.
    const fromInsurer = await verifyAs('insurer', 'adjudicator1', today);
    const fromProviderB = await verifyAs('providerb', 'registrar1', today);
    assert.deepEqual(JSON.parse(fromInsurer), JSON.parse(fromProviderB));
    const answer = JSON.parse(fromInsurer);
    assert.equal(answer.valid, true);
    assert.equal(answer.reason, 'VALID');
    assert.equal(answer.date, today);
    assert.equal(answer.issuer, MSP.board);
    assert.equal(answer.credential.status, 'active');
    assert.equal(answer.credential.practitionerId, physician.practitionerId);
    assert.equal(answer.credential.organisation, MSP.providera);
  });

  it('the same licence verified for a practitioner acting at ProviderBMSP is OTHER_ORGANISATION', async () => {
    const insurer = (await net.as('insurer', 'adjudicator1')).contract('credentials');
    const answer = JSON.parse(
      await insurer.evaluate('verifyLicence', {
        args: [physician.licenceNumber, MSP.providerb, ''],
        endorsingOrganizations: [MSP.insurer],
      }),
    );
    assert.deepEqual(
      [answer.organisation, answer.valid, answer.reason],
      [MSP.providerb, false, 'OTHER_ORGANISATION'],
    );
  });

  it("the licence's history lists issued, suspended, reinstated in order, each by the officer", async () => {
    const insurer = (await net.as('insurer', 'adjudicator1')).contract('credentials');
    const history = JSON.parse(
      await insurer.evaluate('credentialHistory', { args: [physician.licenceNumber] }),
    ) as {
      action: string;
      status: string;
      actor: string;
      actorMsp: string;
      reason?: string;
      timestamp: string;
    }[];
    assert.deepEqual(
      history.map((s) => [s.action, s.status, s.actorMsp, s.reason]),
      [
        ['issued', 'active', MSP.board, undefined],
        ['suspended', 'suspended', MSP.board, SUSPENSION_REASON],
        ['reinstated', 'active', MSP.board, undefined],
      ],
    );
    for (const step of history) assert.match(step.actor, /CN=officer1\b/);
    const times = history.map((s) => Date.parse(s.timestamp));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
    );
  });

  it("the practitioner's credentials list that one licence, active", async () => {
    const providerB = (await net.as('providerb', 'registrar1')).contract('credentials');
    const listed = JSON.parse(
      await providerB.evaluate('credentialsOfPractitioner', { args: [physician.practitionerId] }),
    ) as { licenceNumber: string; status: string }[];
    assert.deepEqual(
      listed.map((c) => [c.licenceNumber, c.status]),
      [[physician.licenceNumber, 'active']],
    );
  });
});
