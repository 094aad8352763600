/**
 * The contract facades: what each sends to Fabric. PHI only in the transient map with a fresh
 * 32-byte salt, endorsing organisations where key-level policies need them.
 */
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { newClaimsFacade } from '../../../gateway/src/claims/facade';
import { newConsentFacade } from '../../../gateway/src/consent/facade';
import { newCredentialsFacade } from '../../../gateway/src/credentials/facade';
import type { TransactionRunner } from '../../../gateway/src/fabric/runner';
import { randomSalt } from '../../../gateway/src/fabric/salt';
import type { Committed, TransactionRequest } from '../../../gateway/src/fabric/transactions';
import { newRecordsFacade } from '../../../gateway/src/records/facade';
import { CONSENT, DEMOGRAPHICS, OBSERVATION, PATIENT } from '../support/route-cases';

function fakeRunner(submitResult: unknown = {}, evaluateResult: unknown = {}) {
  const submit = sinon.stub<[string, TransactionRequest?], Promise<Committed<string>>>().resolves({
    result: JSON.stringify(submitResult),
    transactionId: 'tx1',
    blockNumber: 42n,
  });
  const evaluate = sinon
    .stub<[string, TransactionRequest?], Promise<string>>()
    .resolves(JSON.stringify(evaluateResult));
  const runner: TransactionRunner = { submit, evaluate };
  return { runner, submit, evaluate };
}

const SALT = 'c'.repeat(64);

describe('records facade', () => {
  it('registers a patient with no argument (the chaincode makes the pseudonym) and the demographics only in the transient map, endorsed by the caller', async () => {
    const { runner, submit } = fakeRunner({ patientId: PATIENT, hash: 'h' });
    const records = newRecordsFacade({ tx: runner, mspId: 'ProviderAMSP', salt: () => SALT });
    const answer = await records.registerPatient(DEMOGRAPHICS);
    assert.deepEqual(answer, {
      result: { patientId: PATIENT, hash: 'h' },
      transactionId: 'tx1',
      blockNumber: 42,
    });
    assert.deepEqual(submit.firstCall.args, [
      'registerPatient',
      {
        args: [],
        transient: { payload: JSON.stringify(DEMOGRAPHICS), salt: SALT },
        endorsingOrganizations: ['ProviderAMSP'],
      },
    ]);
  });

  it('adds a record as a new one ("") or as a correction of one', async () => {
    const { runner, submit } = fakeRunner();
    const records = newRecordsFacade({ tx: runner, mspId: 'ProviderBMSP', salt: () => SALT });
    await records.addRecord(PATIENT, OBSERVATION);
    await records.addRecord(PATIENT, OBSERVATION, 'rec-1');
    assert.deepEqual(submit.firstCall.args[1]?.args, [PATIENT, '']);
    assert.deepEqual(submit.secondCall.args[1]?.args, [PATIENT, 'rec-1']);
    assert.deepEqual(submit.secondCall.args[1]?.endorsingOrganizations, ['ProviderBMSP']);
  });

  it("erases on the registering provider's peer, then each other custodian's copy on its own", async () => {
    const erased = (records: number) => ({
      patientId: PATIENT,
      erasedAt: '2026-03-05T10:00:00.000Z',
      records,
      custodians: [],
    });
    const { runner, submit, evaluate } = fakeRunner(erased(2));
    evaluate.withArgs('erasureEndorsers').resolves('["ProviderAMSP","ProviderBMSP"]');
    evaluate.withArgs('getPatient').resolves('{"status":"active"}');
    submit.withArgs('eraseCustodianCopy').resolves({
      result: JSON.stringify(erased(1)),
      transactionId: 'tx2',
      blockNumber: 43n,
    });
    const records = newRecordsFacade({ tx: runner, mspId: 'ProviderAMSP', salt: randomSalt });
    const answer = await records.erasePatient(PATIENT);
    assert.deepEqual(evaluate.firstCall.args, ['erasureEndorsers', { args: [PATIENT] }]);
    assert.deepEqual(
      submit.getCalls().map((c) => c.args),
      [
        ['erasePatient', { args: [PATIENT], endorsingOrganizations: ['ProviderAMSP'] }],
        ['eraseCustodianCopy', { args: [PATIENT], endorsingOrganizations: ['ProviderBMSP'] }],
      ],
    );
    assert.deepEqual(answer, {
      result: {
        patientId: PATIENT,
        erasedAt: '2026-03-05T10:00:00.000Z',
        records: 3,
        custodians: [
          { custodian: 'ProviderBMSP', transactionId: 'tx2', blockNumber: 43, records: 1 },
        ],
      },
      transactionId: 'tx1',
      blockNumber: 43,
    });
  });

  it("logs an access and reads on the peer of the record's custodian", async () => {
    const { runner, submit, evaluate } = fakeRunner();
    evaluate
      .withArgs('recordCustodian')
      .resolves('{"recordId":"rec-1","custodian":"ProviderBMSP"}');
    const records = newRecordsFacade({ tx: runner, mspId: 'ProviderAMSP', salt: randomSalt });
    await records.logAccess('rec-1', 'treatment');
    await records.readRecord('rec-1');
    assert.deepEqual(submit.firstCall.args, [
      'logAccess',
      { args: ['rec-1', 'treatment'], endorsingOrganizations: ['ProviderBMSP'] },
    ]);
    assert.deepEqual(evaluate.lastCall.args, [
      'readRecord',
      { args: ['rec-1', ''], endorsingOrganizations: ['ProviderBMSP'] },
    ]);
    assert.equal(evaluate.withArgs('recordCustodian').callCount, 1, 'the custodian asked once');
  });

  it('verifies a copy with the salt the reader was given, latest version as ""', async () => {
    const { runner, evaluate } = fakeRunner();
    const records = newRecordsFacade({ tx: runner, mspId: 'ProviderAMSP', salt: randomSalt });
    await records.verifyRecord('rec-1', { resource: OBSERVATION, salt: SALT });
    assert.deepEqual(evaluate.firstCall.args, [
      'verifyRecord',
      { args: ['rec-1', ''], transient: { payload: JSON.stringify(OBSERVATION), salt: SALT } },
    ]);
  });
});

describe('consent facade', () => {
  it('grants consent with the request as its one argument', async () => {
    const { runner, submit } = fakeRunner();
    await newConsentFacade(runner, runner).grantConsent(CONSENT);
    assert.deepEqual(submit.firstCall.args, ['grantConsent', { args: [JSON.stringify(CONSENT)] }]);
  });

  it('pages the access log', async () => {
    const { runner, evaluate } = fakeRunner();
    await newConsentFacade(runner, runner).listAccessLog(PATIENT, {
      pageSize: '10',
      bookmark: 'b',
    });
    assert.deepEqual(evaluate.firstCall.args, ['listAccessLog', { args: [PATIENT, '10', 'b'] }]);
  });

  it("declares an emergency access on the peer of the patient's registering provider", async () => {
    const { runner: consent, submit } = fakeRunner();
    const { runner: records, evaluate } = fakeRunner({}, { registeredBy: 'ProviderAMSP' });
    await newConsentFacade(consent, records).declareEmergencyAccess(PATIENT, 'LIFE_THREATENING');
    assert.deepEqual(evaluate.firstCall.args, ['getPatient', { args: [PATIENT] }]);
    assert.deepEqual(submit.firstCall.args, [
      'declareEmergencyAccess',
      { args: [PATIENT, 'LIFE_THREATENING'], endorsingOrganizations: ['ProviderAMSP'] },
    ]);
  });

  it("reads an emergency note on the peer of the patient's registering provider", async () => {
    const { runner: consent, evaluate } = fakeRunner({}, { note: 'n' });
    const { runner: records } = fakeRunner({}, { registeredBy: 'ProviderBMSP' });
    await newConsentFacade(consent, records).emergencyNote(PATIENT, 'tx-9');
    assert.deepEqual(evaluate.firstCall.args, [
      'emergencyNote',
      { args: [PATIENT, 'tx-9'], endorsingOrganizations: ['ProviderBMSP'] },
    ]);
  });

  it('sends an emergency note in the transient map with a salt, never as an argument', async () => {
    const { runner: consent, submit } = fakeRunner();
    const { runner: records } = fakeRunner({}, { registeredBy: 'ProviderAMSP' });
    const note = 'found collapsed, known epileptic';
    await newConsentFacade(consent, records, () => SALT).declareEmergencyAccess(
      PATIENT,
      'UNCONSCIOUS_PATIENT',
      note,
    );
    assert.deepEqual(submit.firstCall.args, [
      'declareEmergencyAccess',
      {
        args: [PATIENT, 'UNCONSCIOUS_PATIENT'],
        transient: { payload: JSON.stringify({ note }), salt: SALT },
        endorsingOrganizations: ['ProviderAMSP'],
      },
    ]);
  });
});

describe('credentials facade', () => {
  it('has every change endorsed by the board', async () => {
    const { runner, submit } = fakeRunner();
    const credentials = newCredentialsFacade(runner);
    await credentials.suspendCredential('LIC-1', 'PENDING_INVESTIGATION');
    await credentials.reinstateCredential('LIC-1');
    assert.deepEqual(submit.firstCall.args, [
      'suspendCredential',
      { args: ['LIC-1', 'PENDING_INVESTIGATION'], endorsingOrganizations: ['BoardMSP'] },
    ]);
    assert.deepEqual(submit.secondCall.args[1]?.endorsingOrganizations, ['BoardMSP']);
  });

  it("sends the board's note in the transient map with a salt, never as an argument", async () => {
    const { runner, submit } = fakeRunner();
    const note = 'complaint by a patient of ward 4';
    await newCredentialsFacade(runner, () => SALT).revokeCredential('LIC-1', 'OTHER', note);
    assert.deepEqual(submit.firstCall.args, [
      'revokeCredential',
      {
        args: ['LIC-1', 'OTHER'],
        transient: { payload: JSON.stringify({ note }), salt: SALT },
        endorsingOrganizations: ['BoardMSP'],
      },
    ]);
  });

  it('verifies a licence at an organisation today when no date is given', async () => {
    const { runner, evaluate } = fakeRunner();
    await newCredentialsFacade(runner).verifyLicence('LIC-1', 'ProviderAMSP');
    assert.deepEqual(evaluate.firstCall.args, [
      'verifyLicence',
      { args: ['LIC-1', 'ProviderAMSP', ''] },
    ]);
  });
});

describe('claims facade', () => {
  const claim = {
    claimId: 'clm-1',
    patientId: PATIENT,
    renderingPractitionerId: 'pr-a-phys1',
    serviceDate: '2026-02-01',
    diagnosisCodes: ['J10.1'],
    lines: [{ code: '99213', units: 1, chargeCents: 100 }],
  };

  it("submits a provider's claim in the transient map, endorsed by the provider and the insurer", async () => {
    const { runner, submit } = fakeRunner();
    await newClaimsFacade({ tx: runner, mspId: 'ProviderAMSP', salt: () => SALT }).submitClaim(
      claim,
    );
    assert.deepEqual(submit.firstCall.args, [
      'submitClaim',
      {
        transient: { payload: JSON.stringify(claim), salt: SALT },
        endorsingOrganizations: ['ProviderAMSP', 'InsurerMSP'],
      },
    ]);
  });

  it("has the insurer's intake name the provider whose claim it submits", async () => {
    const { runner, submit } = fakeRunner();
    await newClaimsFacade({ tx: runner, mspId: 'InsurerMSP', salt: () => SALT }).submitClaim({
      ...claim,
      providerMsp: 'ProviderBMSP',
    });
    assert.deepEqual(submit.firstCall.args[1]?.endorsingOrganizations, [
      'ProviderBMSP',
      'InsurerMSP',
    ]);
  });

  it("then adjudicates it on the insurer's peer alone, and answers the adjudication's status", async () => {
    const { runner, submit } = fakeRunner();
    submit.withArgs('submitClaim').resolves({
      result: '{"claimId":"clm-1","status":"submitted"}',
      transactionId: 'tx-in',
      blockNumber: 7n,
    });
    submit.withArgs('adjudicateClaim').resolves({
      result: '{"claimId":"clm-1","status":"approved"}',
      transactionId: 'tx-adj',
      blockNumber: 8n,
    });
    const answer = await newClaimsFacade({
      tx: runner,
      mspId: 'ProviderAMSP',
      salt: () => SALT,
    }).submitClaim(claim);
    assert.deepEqual(submit.secondCall.args, [
      'adjudicateClaim',
      { args: ['clm-1'], transient: { salt: SALT }, endorsingOrganizations: ['InsurerMSP'] },
    ]);
    assert.deepEqual(answer, {
      result: {
        claimId: 'clm-1',
        status: 'approved',
        adjudication: { transactionId: 'tx-adj', blockNumber: 8 },
      },
      transactionId: 'tx-in',
      blockNumber: 8,
    });
  });

  it("answers 'submitted' with no adjudication when the insurer's peer cannot adjudicate", async () => {
    const { runner, submit } = fakeRunner();
    submit.withArgs('submitClaim').resolves({
      result: '{"claimId":"clm-1","status":"submitted"}',
      transactionId: 'tx-in',
      blockNumber: 7n,
    });
    submit.withArgs('adjudicateClaim').rejects(new Error('UNAVAILABLE: no endorsers'));
    const answer = await newClaimsFacade({
      tx: runner,
      mspId: 'ProviderAMSP',
      salt: () => SALT,
    }).submitClaim(claim);
    assert.deepEqual(answer, {
      result: { claimId: 'clm-1', status: 'submitted', adjudication: null },
      transactionId: 'tx-in',
      blockNumber: 7,
    });
  });

  it("sends the insurer's steps to the insurer's peer alone", async () => {
    const { runner, submit } = fakeRunner();
    const claims = newClaimsFacade({ tx: runner, mspId: 'InsurerMSP', salt: () => SALT });
    const decision = { lines: [{ line: 1, decision: 'approve' as const }] };
    await claims.decidePendedClaim('clm-1', decision);
    await claims.decideAppeal('clm-1', decision);
    await claims.recordPayment('clm-1', { amountCents: 1, reference: 'R-1', paidOn: '2026-03-01' });
    await claims.adjudicateClaim('clm-1');
    assert.deepEqual(
      submit.getCalls().map((c) => [c.args[0], c.args[1]?.endorsingOrganizations]),
      [
        ['decidePendedClaim', ['InsurerMSP']],
        ['decideAppeal', ['InsurerMSP']],
        ['recordPayment', ['InsurerMSP']],
        ['adjudicateClaim', ['InsurerMSP']],
      ],
    );
  });

  it('sends an appeal note privately, and no transient data without one', async () => {
    const { runner, submit } = fakeRunner();
    const claims = newClaimsFacade({ tx: runner, mspId: 'ProviderAMSP', salt: () => SALT });
    await claims.appealClaim('clm-1', 'OTHER', 'seen twice');
    await claims.appealClaim('clm-1', 'OTHER');
    assert.deepEqual(submit.firstCall.args[1]?.transient, { payload: '{"note":"seen twice"}' });
    assert.equal(submit.secondCall.args[1]?.transient, undefined);
  });
});

describe('randomSalt', () => {
  it('is 32 random bytes in hex, different each time', () => {
    const a = randomSalt();
    assert.match(a, /^[0-9a-f]{64}$/);
    assert.notEqual(a, randomSalt());
  });
});
