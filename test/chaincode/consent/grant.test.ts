import assert from 'node:assert/strict';
import { ConsentSchema } from '../../../chaincode/src/consent/state';
import { Msp } from '../../../chaincode/src/shared/names';
import { contextFor, errorCodeOf, FakeStub } from '../../support/fake-stub';
import {
  asPatient,
  asPhysician,
  contract,
  grantRequest,
  messageOf,
  OTHER_PATIENT,
  PATIENT,
  registerPatient,
  T0,
} from './fixtures';

function storedConsent(stub: FakeStub, consentId: string) {
  const bytes = stub.state.get(stub.createCompositeKey('consent', [PATIENT, consentId]));
  assert.ok(bytes, `consent ${consentId} is on the ledger`);
  return ConsentSchema.parse(JSON.parse(Buffer.from(bytes).toString('utf8')));
}

describe('ConsentContract.grantConsent', () => {
  let stub: FakeStub;
  /** Only the two registered patients are in state before a grant. */
  const REGISTERED = 2;
  beforeEach(() => {
    stub = new FakeStub();
    registerPatient(stub);
    registerPatient(stub, OTHER_PATIENT);
    stub.nextTx();
  });

  it('stores an active consent keyed by the transaction ID and returns it', async () => {
    const ctx = asPatient(stub);
    const consent = JSON.parse(await contract.grantConsent(ctx, JSON.stringify(grantRequest())));
    assert.deepEqual(consent, {
      consentId: stub.txId,
      patientId: PATIENT,
      grantee: { kind: 'organisation', mspId: Msp.ProviderA },
      scope: 'all',
      purpose: 'treatment',
      validFrom: '2026-01-01T00:00:00.000Z',
      validTo: '2026-12-31T00:00:00.000Z',
      status: 'active',
      grantedAt: T0,
      grantedBy: ctx.caller.id,
    });
    assert.deepEqual(storedConsent(stub, stub.txId), consent);
  });

  it('emits ConsentGranted with the IDs only', async () => {
    await contract.grantConsent(asPatient(stub), JSON.stringify(grantRequest()));
    assert.deepEqual(stub.lastEvent(), {
      name: 'ConsentGranted',
      payload: { consentId: stub.txId, patientId: PATIENT, audience: [Msp.ProviderA] },
    });
  });

  it('grants to a practitioner for a list of categories', async () => {
    const request = grantRequest({
      grantee: { kind: 'practitioner', mspId: Msp.ProviderB, practitionerId: 'prac-9' },
      scope: ['observation', 'allergy'],
      purpose: 'research',
    });
    const consent = JSON.parse(
      await contract.grantConsent(asPatient(stub), JSON.stringify(request)),
    );
    assert.deepEqual(consent.grantee, {
      kind: 'practitioner',
      mspId: Msp.ProviderB,
      practitionerId: 'prac-9',
    });
    assert.deepEqual(consent.scope, ['observation', 'allergy']);
    assert.equal(consent.purpose, 'research');
  });

  it('stores the window in UTC whatever offset the patient sent', async () => {
    const request = grantRequest({
      validFrom: '2026-03-01T14:00:00+02:00',
      validTo: '2026-03-02T09:30:00-05:00',
    });
    const consent = JSON.parse(
      await contract.grantConsent(asPatient(stub), JSON.stringify(request)),
    );
    assert.equal(consent.validFrom, '2026-03-01T12:00:00.000Z');
    assert.equal(consent.validTo, '2026-03-02T14:30:00.000Z');
  });

  it('accepts a window that started in the past as long as it ends after now', async () => {
    const request = grantRequest({
      validFrom: '2020-01-01T00:00:00Z',
      validTo: '2026-03-01T12:00:01Z',
    });
    const consent = JSON.parse(
      await contract.grantConsent(asPatient(stub), JSON.stringify(request)),
    );
    assert.equal(consent.status, 'active');
  });

  describe('refuses', () => {
    const cases: [string, () => Promise<unknown>, string][] = [
      [
        'a physician',
        () => contract.grantConsent(asPhysician(stub), JSON.stringify(grantRequest())),
        'FORBIDDEN',
      ],
      [
        'a caller with no role',
        () =>
          contract.grantConsent(
            contextFor(stub, { mspId: Msp.ProviderA }),
            JSON.stringify(grantRequest()),
          ),
        'FORBIDDEN',
      ],
      [
        'a patient granting on another patient’s behalf',
        () => contract.grantConsent(asPatient(stub, OTHER_PATIENT), JSON.stringify(grantRequest())),
        'FORBIDDEN',
      ],
      [
        "another organisation's certificate carrying the patient's ID (ProviderB's CA)",
        () =>
          contract.grantConsent(
            contextFor(stub, { mspId: Msp.ProviderB, role: 'patient', patientId: PATIENT }),
            JSON.stringify(
              grantRequest({ grantee: { kind: 'organisation', mspId: Msp.ProviderB } }),
            ),
          ),
        'FORBIDDEN',
      ],
      [
        'a patient certificate without a patientId attribute',
        () =>
          contract.grantConsent(
            contextFor(stub, { mspId: Msp.ProviderA, role: 'patient' }),
            JSON.stringify(grantRequest()),
          ),
        'FORBIDDEN',
      ],
    ];
    for (const [who, call, code] of cases) {
      it(`${who} with ${code} and writes nothing`, async () => {
        assert.equal(await errorCodeOf(call()), code);
        assert.equal(stub.state.size, REGISTERED);
        assert.equal(stub.lastEvent(), undefined);
      });
    }

    const invalid: [string, string, string][] = [
      ['text that is not JSON', '{"patientId": ', 'request: is not valid JSON'],
      [
        'a missing patientId',
        JSON.stringify(grantRequest({ patientId: undefined })),
        'request.patientId',
      ],
      [
        'a missing grantee',
        JSON.stringify(grantRequest({ grantee: undefined })),
        'request.grantee',
      ],
      [
        'an organisation grantee without mspId',
        JSON.stringify(grantRequest({ grantee: { kind: 'organisation' } })),
        'request.grantee.mspId',
      ],
      [
        'an unknown grantee kind',
        JSON.stringify(grantRequest({ grantee: { kind: 'family', mspId: Msp.ProviderA } })),
        'request.grantee.kind',
      ],
      [
        'a missing purpose',
        JSON.stringify(grantRequest({ purpose: undefined })),
        'request.purpose',
      ],
      [
        'an unknown purpose',
        JSON.stringify(grantRequest({ purpose: 'marketing' })),
        'request.purpose',
      ],
      ['a missing scope', JSON.stringify(grantRequest({ scope: undefined })), 'request.scope'],
      [
        'a repeated category',
        JSON.stringify(grantRequest({ scope: ['allergy', 'allergy'] })),
        'request.scope: must not repeat a category',
      ],
      [
        'an unknown category',
        JSON.stringify(grantRequest({ scope: ['genome'] })),
        'request.scope: must be "all" or a list of categories: observation, condition',
      ],
      [
        'a scope word other than all',
        JSON.stringify(grantRequest({ scope: 'everything' })),
        'request.scope: must be',
      ],
      [
        'an empty scope',
        JSON.stringify(grantRequest({ scope: [] })),
        'request.scope: must name at least one category',
      ],
      [
        'a missing validFrom',
        JSON.stringify(grantRequest({ validFrom: undefined })),
        'request.validFrom',
      ],
      [
        'a validTo that is not an instant',
        JSON.stringify(grantRequest({ validTo: '2026-12-31' })),
        'request.validTo',
      ],
      [
        'a validTo equal to validFrom',
        JSON.stringify(
          grantRequest({ validFrom: '2026-06-01T00:00:00Z', validTo: '2026-06-01T00:00:00Z' }),
        ),
        'request.validTo: must be after validFrom',
      ],
      [
        'a validTo before validFrom',
        JSON.stringify(
          grantRequest({ validFrom: '2026-06-02T00:00:00Z', validTo: '2026-06-01T00:00:00Z' }),
        ),
        'request.validTo: must be after validFrom',
      ],
      [
        'a window that ended before the transaction',
        JSON.stringify(
          grantRequest({ validFrom: '2025-01-01T00:00:00Z', validTo: '2026-02-01T00:00:00Z' }),
        ),
        'request.validTo: must be after the transaction time',
      ],
      [
        'a window ending exactly at the transaction time',
        JSON.stringify(grantRequest({ validFrom: '2025-01-01T00:00:00Z', validTo: T0 })),
        'request.validTo: must be after the transaction time',
      ],
      [
        'an unexpected field (free text stays off the ledger)',
        JSON.stringify(grantRequest({ note: 'x' })),
        'request',
      ],
      [
        'a status chosen by the client',
        JSON.stringify(grantRequest({ status: 'active' })),
        'request',
      ],
    ];
    for (const [what, json, field] of invalid) {
      it(`${what} with INVALID_ARGUMENT naming ${field}`, async () => {
        const message = await messageOf(contract.grantConsent(asPatient(stub), json));
        assert.ok(message.startsWith(`INVALID_ARGUMENT: ${field}`), message);
        assert.equal(stub.state.size, REGISTERED);
      });
    }
  });
});
