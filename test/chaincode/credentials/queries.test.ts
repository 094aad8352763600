/** verifyLicence, credentialsOfPractitioner, credentialHistory: anyone may ask. */
import assert from 'node:assert/strict';
import { Msp } from '../../../chaincode/src/shared/names';
import { Role } from '../../../chaincode/src/shared/roles';
import { contextFor, errorCodeOf, FakeStub } from '../../support/fake-stub';
import { contract, issueLicence, OFFICER_ID, officer } from './fixtures';

const anyone = (stub: FakeStub) => contextFor(stub, { mspId: Msp.Insurer, role: Role.Adjudicator });

/** The fixtures' licences name ProviderA. */
async function verify(
  stub: FakeStub,
  date: string,
  licenceNumber = 'MD-12345',
  organisation: string = Msp.ProviderA,
) {
  return JSON.parse(await contract.verifyLicence(anyone(stub), licenceNumber, organisation, date));
}

describe('verifyLicence', () => {
  it('answers VALID with the current record, its organisation and its issuer', async () => {
    const stub = new FakeStub();
    const issued = await issueLicence(stub, { validFrom: '2026-01-01', validTo: '2026-12-31' });
    const answer = await verify(stub, '2026-06-01');
    assert.equal(issued.organisation, 'ProviderAMSP');
    assert.deepEqual(answer, {
      licenceNumber: 'MD-12345',
      organisation: 'ProviderAMSP',
      date: '2026-06-01',
      valid: true,
      reason: 'VALID',
      credential: issued,
      issuer: 'BoardMSP',
    });
  });

  const days: [string, boolean, string][] = [
    ['2025-12-31', false, 'NOT_YET_VALID'],
    ['2026-01-01', true, 'VALID'],
    ['2026-12-31', true, 'VALID'],
    ['2027-01-01', false, 'EXPIRED'],
  ];
  for (const [date, valid, reason] of days) {
    it(`answers ${reason} on ${date} for a licence valid through 2026`, async () => {
      const stub = new FakeStub();
      await issueLicence(stub, { validFrom: '2026-01-01', validTo: '2026-12-31' });
      const answer = await verify(stub, date);
      assert.deepEqual([answer.valid, answer.reason], [valid, reason]);
    });
  }

  it("uses the transaction's day when the date is empty", async () => {
    const stub = new FakeStub();
    await issueLicence(stub, { validFrom: '2026-01-01', validTo: '2026-12-31' });
    stub.nextTx({ at: '2026-12-31T23:59:59Z' });
    assert.deepEqual(await verify(stub, ''), {
      ...(await verify(stub, '2026-12-31')),
    });
    stub.nextTx({ at: '2027-01-01T00:00:00Z' });
    const answer = await verify(stub, '');
    assert.deepEqual([answer.date, answer.valid, answer.reason], ['2027-01-01', false, 'EXPIRED']);
  });

  it('answers SUSPENDED, then REVOKED, as soon as they are recorded, whatever the date', async () => {
    const stub = new FakeStub();
    await issueLicence(stub);
    stub.nextTx({ at: '2026-03-01T00:00:00Z' });
    await contract.suspendCredential(officer(stub), 'MD-12345', 'PENDING_INVESTIGATION');
    const suspended = await verify(stub, '2025-06-01');
    assert.deepEqual([suspended.valid, suspended.reason], [false, 'SUSPENDED']);
    assert.equal(suspended.credential.statusReason, 'PENDING_INVESTIGATION');
    stub.nextTx({ at: '2026-03-02T00:00:00Z' });
    await contract.revokeCredential(officer(stub), 'MD-12345', 'DISCIPLINARY_ACTION');
    const revoked = await verify(stub, '2026-06-01');
    assert.deepEqual(
      [revoked.valid, revoked.reason, revoked.issuer],
      [false, 'REVOKED', 'BoardMSP'],
    );
  });

  it('answers UNKNOWN, not an error, for a licence nobody issued', async () => {
    const stub = new FakeStub();
    assert.deepEqual(await verify(stub, '2026-06-01', 'NO-SUCH'), {
      licenceNumber: 'NO-SUCH',
      organisation: 'ProviderAMSP',
      date: '2026-06-01',
      valid: false,
      reason: 'UNKNOWN',
    });
  });

  it('answers OTHER_ORGANISATION, with the licence, for a practitioner of another organisation', async () => {
    const stub = new FakeStub();
    const issued = await issueLicence(stub, { validFrom: '2026-01-01', validTo: '2026-12-31' });
    const answer = await verify(stub, '2026-06-01', 'MD-12345', Msp.ProviderB);
    assert.deepEqual(
      [answer.organisation, answer.valid, answer.reason, answer.credential],
      ['ProviderBMSP', false, 'OTHER_ORGANISATION', issued],
    );
  });

  it('answers anyone in the consortium, with or without a role', async () => {
    const stub = new FakeStub();
    await issueLicence(stub);
    for (const who of [
      { mspId: Msp.ProviderA, role: Role.Physician },
      { mspId: Msp.ProviderB, role: Role.Patient, patientId: 'p-1' },
      { mspId: Msp.Insurer },
      { mspId: Msp.Board, role: Role.CredentialingOfficer },
    ]) {
      const answer = JSON.parse(
        await contract.verifyLicence(
          contextFor(stub, who),
          'MD-12345',
          Msp.ProviderA,
          '2026-06-01',
        ),
      );
      assert.equal(answer.reason, 'VALID');
    }
  });

  it('answers INVALID_ARGUMENT naming date for a date that is not YYYY-MM-DD', async () => {
    const stub = new FakeStub();
    await assert.rejects(
      contract.verifyLicence(anyone(stub), 'MD-12345', Msp.ProviderA, '2026-6-1'),
      /INVALID_ARGUMENT: date/,
    );
  });

  it('answers INVALID_ARGUMENT naming licenceNumber for an empty licence number', async () => {
    const stub = new FakeStub();
    await assert.rejects(
      contract.verifyLicence(anyone(stub), '', Msp.ProviderA, ''),
      /INVALID_ARGUMENT: licenceNumber/,
    );
  });

  for (const organisation of ['', 'ProviderA', 'Provider A MSP', '1ProviderMSP']) {
    it(`answers INVALID_ARGUMENT naming organisation for ${JSON.stringify(organisation)}`, async () => {
      const stub = new FakeStub();
      await assert.rejects(
        contract.verifyLicence(anyone(stub), 'MD-12345', organisation, ''),
        /INVALID_ARGUMENT: organisation/,
      );
    });
  }
});

describe('credentialsOfPractitioner', () => {
  it("lists that practitioner's credentials, in licence-number order, and no one else's", async () => {
    const stub = new FakeStub();
    await issueLicence(stub, { licenceNumber: 'RN-2', licenceType: 'nurse' });
    await issueLicence(stub, { licenceNumber: 'MD-1' });
    await issueLicence(stub, { licenceNumber: 'MD-9', practitionerId: 'prac-002' });
    await issueLicence(stub, { licenceNumber: 'X-1', practitionerId: 'prac-0010' });
    stub.nextTx({ at: '2026-03-01T00:00:00Z' });
    await contract.suspendCredential(officer(stub), 'RN-2', 'CONTINUING_EDUCATION_NOT_MET');
    const list = JSON.parse(await contract.credentialsOfPractitioner(anyone(stub), 'prac-001'));
    assert.deepEqual(
      list.map((c: { licenceNumber: string; status: string }) => [c.licenceNumber, c.status]),
      [
        ['MD-1', 'active'],
        ['RN-2', 'suspended'],
      ],
    );
  });

  it('answers an empty list for a practitioner without credentials', async () => {
    const stub = new FakeStub();
    assert.deepEqual(
      JSON.parse(await contract.credentialsOfPractitioner(anyone(stub), 'prac-404')),
      [],
    );
  });
});

describe('credentialHistory', () => {
  it('lists every change in order with its action, actor, organisation, reason and time', async () => {
    const stub = new FakeStub();
    await issueLicence(stub, {}, '2026-01-15T09:00:00Z');
    const steps: [string, () => Promise<string>][] = [
      [
        '2026-02-01T08:00:00Z',
        () =>
          contract.suspendCredential(
            officer(stub, 'officer-2'),
            'MD-12345',
            'PENDING_INVESTIGATION',
          ),
      ],
      ['2026-03-01T08:00:00Z', () => contract.reinstateCredential(officer(stub), 'MD-12345')],
      [
        '2026-04-01T08:00:00Z',
        () =>
          contract.renewCredential(
            officer(stub, 'officer-3'),
            'MD-12345',
            '2028-01-01',
            '2030-12-31',
          ),
      ],
      [
        '2026-05-01T08:00:00Z',
        () =>
          contract.revokeCredential(officer(stub, 'officer-2'), 'MD-12345', 'DISCIPLINARY_ACTION'),
      ],
    ];
    for (const [at, call] of steps) {
      stub.nextTx({ at });
      await call();
    }
    const history = JSON.parse(await contract.credentialHistory(anyone(stub), 'MD-12345'));
    const actor = (name: string) => `x509::CN=${name},OU=client::CN=ca.BoardMSP`;
    assert.deepEqual(
      history.map((s: Record<string, unknown>) => [
        s.txId,
        s.timestamp,
        s.action,
        s.actor,
        s.actorMsp,
        s.reason,
        s.status,
      ]),
      [
        ['tx1', '2026-01-15T09:00:00.000Z', 'issued', OFFICER_ID, 'BoardMSP', undefined, 'active'],
        [
          'tx2',
          '2026-02-01T08:00:00.000Z',
          'suspended',
          actor('officer-2'),
          'BoardMSP',
          'PENDING_INVESTIGATION',
          'suspended',
        ],
        [
          'tx3',
          '2026-03-01T08:00:00.000Z',
          'reinstated',
          actor('officer-1'),
          'BoardMSP',
          undefined,
          'active',
        ],
        [
          'tx4',
          '2026-04-01T08:00:00.000Z',
          'renewed',
          actor('officer-3'),
          'BoardMSP',
          undefined,
          'active',
        ],
        [
          'tx5',
          '2026-05-01T08:00:00.000Z',
          'revoked',
          actor('officer-2'),
          'BoardMSP',
          'DISCIPLINARY_ACTION',
          'revoked',
        ],
      ],
    );
    assert.deepEqual([history[2].validTo, history[3].validTo], ['2027-12-31', '2030-12-31']);
    assert.equal(history[4].credential.updatedAt, '2026-05-01T08:00:00.000Z');
  });

  it('answers NOT_FOUND for a licence nobody issued', async () => {
    const stub = new FakeStub();
    assert.equal(
      await errorCodeOf(contract.credentialHistory(anyone(stub), 'NO-SUCH')),
      'NOT_FOUND',
    );
  });
});
