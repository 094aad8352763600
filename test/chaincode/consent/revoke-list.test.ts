import assert from 'node:assert/strict';
import { mayAccess } from '../../../chaincode/src/consent/access';
import { Msp } from '../../../chaincode/src/shared/names';
import { errorCodeOf, FakeStub } from '../../support/fake-stub';
import {
  asPatient,
  asPhysician,
  asRegistrar,
  contract,
  grantRequest,
  messageOf,
  OTHER_PATIENT,
  PATIENT,
  registerPatient,
  request,
} from './fixtures';

async function grant(stub: FakeStub, overrides: Record<string, unknown> = {}): Promise<string> {
  stub.nextTx();
  await contract.grantConsent(asPatient(stub), JSON.stringify(grantRequest(overrides)));
  return stub.txId;
}

describe('ConsentContract.revokeConsent', () => {
  let stub: FakeStub;
  let consentId: string;
  beforeEach(async () => {
    stub = new FakeStub();
    consentId = await grant(stub);
    stub.nextTx({ at: '2026-03-05T08:00:00Z' });
  });

  it('marks the consent revoked at the transaction time and returns it', async () => {
    const revoked = JSON.parse(await contract.revokeConsent(asPatient(stub), PATIENT, consentId));
    assert.equal(revoked.status, 'revoked');
    assert.equal(revoked.revokedAt, '2026-03-05T08:00:00.000Z');
    assert.equal(revoked.consentId, consentId);
    const listed = JSON.parse(await contract.listConsents(asPatient(stub), PATIENT));
    assert.deepEqual(listed, [revoked]);
  });

  it('emits ConsentRevoked with the IDs only', async () => {
    await contract.revokeConsent(asPatient(stub), PATIENT, consentId);
    assert.deepEqual(stub.lastEvent(), {
      name: 'ConsentRevoked',
      payload: { consentId, patientId: PATIENT, audience: [Msp.ProviderA] },
    });
  });

  it('takes effect for the next transaction: allowed before, REVOKED after', async () => {
    const before = await mayAccess(asPhysician(stub), request({ at: '2026-03-05T08:00:00Z' }));
    assert.deepEqual(before, { allowed: true, basis: 'consent', consentId });
    await contract.revokeConsent(asPatient(stub), PATIENT, consentId);
    stub.nextTx({ at: '2026-03-05T08:00:01Z' });
    const after = await mayAccess(asPhysician(stub), request({ at: '2026-03-05T08:00:01Z' }));
    assert.deepEqual(after, { allowed: false, reason: 'REVOKED' });
  });

  it('revokes a consent whose window has already ended', async () => {
    stub.nextTx({ at: '2026-03-01T12:00:00Z' });
    const request = grantRequest({ validTo: '2026-03-02T00:00:00Z' });
    await contract.grantConsent(asPatient(stub), JSON.stringify(request));
    const shortId = stub.txId;
    stub.nextTx({ at: '2026-04-01T00:00:00Z' });
    const revoked = JSON.parse(await contract.revokeConsent(asPatient(stub), PATIENT, shortId));
    assert.equal(revoked.status, 'revoked');
  });

  it('refuses to revoke twice with CONFLICT', async () => {
    await contract.revokeConsent(asPatient(stub), PATIENT, consentId);
    stub.nextTx();
    assert.equal(
      await errorCodeOf(contract.revokeConsent(asPatient(stub), PATIENT, consentId)),
      'CONFLICT',
    );
  });

  it('refuses an unknown consent with NOT_FOUND', async () => {
    assert.equal(
      await errorCodeOf(contract.revokeConsent(asPatient(stub), PATIENT, 'tx999')),
      'NOT_FOUND',
    );
  });

  it('refuses a malformed consent ID with INVALID_ARGUMENT naming consentId', async () => {
    const message = await messageOf(contract.revokeConsent(asPatient(stub), PATIENT, ''));
    assert.ok(message.startsWith('INVALID_ARGUMENT: consentId'), message);
  });

  it('refuses another patient with FORBIDDEN and leaves the consent active', async () => {
    const call = contract.revokeConsent(asPatient(stub, OTHER_PATIENT), PATIENT, consentId);
    assert.equal(await errorCodeOf(call), 'FORBIDDEN');
    const listed = JSON.parse(await contract.listConsents(asPatient(stub), PATIENT));
    assert.equal(listed[0].status, 'active');
  });

  it('refuses the grantee organisation’s physician with FORBIDDEN', async () => {
    assert.equal(
      await errorCodeOf(contract.revokeConsent(asPhysician(stub), PATIENT, consentId)),
      'FORBIDDEN',
    );
  });

  it('refuses a registrar with FORBIDDEN', async () => {
    assert.equal(
      await errorCodeOf(contract.revokeConsent(asRegistrar(stub), PATIENT, consentId)),
      'FORBIDDEN',
    );
  });
});

describe('ConsentContract.listConsents', () => {
  let stub: FakeStub;
  let first: string;
  let second: string;
  beforeEach(async () => {
    stub = new FakeStub();
    first = await grant(stub);
    second = await grant(stub, {
      purpose: 'payment',
      grantee: { kind: 'organisation', mspId: Msp.Insurer },
    });
    stub.nextTx();
    await contract.grantConsent(
      asPatient(stub, OTHER_PATIENT),
      JSON.stringify(grantRequest({ patientId: OTHER_PATIENT })),
    );
  });

  it('lists every consent of the patient, and only theirs, to the patient', async () => {
    const listed = JSON.parse(await contract.listConsents(asPatient(stub), PATIENT));
    assert.deepEqual(
      listed.map((c: { consentId: string; purpose: string }) => [c.consentId, c.purpose]),
      [
        [first, 'treatment'],
        [second, 'payment'],
      ],
    );
  });

  it('lists them to a registrar of the registering provider, not of another', async () => {
    const listed = JSON.parse(await contract.listConsents(asRegistrar(stub), PATIENT));
    assert.equal(listed.length, 2);
    assert.equal(
      await errorCodeOf(contract.listConsents(asRegistrar(stub, Msp.ProviderB), PATIENT)),
      'FORBIDDEN',
    );
  });

  it('answers an empty array for a patient without consents', async () => {
    registerPatient(stub, 'pat-000003');
    assert.equal(await contract.listConsents(asRegistrar(stub), 'pat-000003'), '[]');
  });

  it('refuses another patient with FORBIDDEN', async () => {
    assert.equal(
      await errorCodeOf(contract.listConsents(asPatient(stub, OTHER_PATIENT), PATIENT)),
      'FORBIDDEN',
    );
  });

  it('refuses a registrar outside the providers with FORBIDDEN', async () => {
    assert.equal(
      await errorCodeOf(contract.listConsents(asRegistrar(stub, Msp.Insurer), PATIENT)),
      'FORBIDDEN',
    );
  });

  it('refuses a physician with FORBIDDEN', async () => {
    assert.equal(await errorCodeOf(contract.listConsents(asPhysician(stub), PATIENT)), 'FORBIDDEN');
  });

  it('refuses a malformed patient ID with INVALID_ARGUMENT naming patientId', async () => {
    const message = await messageOf(contract.listConsents(asRegistrar(stub), 'pat/1'));
    assert.ok(message.startsWith('INVALID_ARGUMENT: patientId'), message);
  });
});
