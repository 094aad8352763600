import assert from 'node:assert/strict';
import { recordAccess } from '../../../chaincode/src/consent/access';
import {
  ConsentSchema,
  emergencyExpiry,
  invertedTime,
  UtcInstant,
} from '../../../chaincode/src/consent/state';
import { Msp } from '../../../chaincode/src/shared/names';
import { FakeStub } from '../../support/fake-stub';
import {
  asPatient,
  asPhysician,
  consent,
  contract,
  grantRequest,
  PATIENT,
  registerPatient,
  licenseDoctors,
} from './fixtures';

/** Every stored object of a type, parsed back from the fake world state. */
function stored(stub: FakeStub, objectType: string): Record<string, unknown>[] {
  const prefix = stub.createCompositeKey(objectType, []);
  return [...stub.state.entries()]
    .filter(([key]) => key.startsWith(prefix))
    .map(([, bytes]) => JSON.parse(Buffer.from(bytes).toString('utf8')));
}

describe('consent state', () => {
  describe('invertedTime', () => {
    it('is 13 digits and sorts later instants first', () => {
      const earlier = invertedTime('2026-03-01T12:00:00.000Z');
      const later = invertedTime('2026-03-01T12:00:00.001Z');
      assert.equal(earlier.length, 13);
      assert.equal(later.length, 13);
      assert.ok(later < earlier);
      assert.equal(invertedTime('1970-01-01T00:00:00.000Z'), '9999999999999');
    });

    it('pads small values with zeros so that keys keep sorting as numbers', () => {
      assert.equal(invertedTime('2286-11-20T17:46:39.999Z'), '0000000000000');
    });
  });

  it('lets an emergency expire EMERGENCY_WINDOW_MINUTES after it was granted', () => {
    assert.equal(emergencyExpiry('2026-03-01T23:30:00.000Z'), '2026-03-02T00:30:00.000Z');
  });

  it('normalises instants to UTC with milliseconds', () => {
    assert.equal(UtcInstant.parse('2026-03-01T12:00:00+01:00'), '2026-03-01T11:00:00.000Z');
  });

  it('rejects a stored consent whose window is reversed', () => {
    const result = ConsentSchema.safeParse(
      consent({ validFrom: '2026-06-01T00:00:00.000Z', validTo: '2026-01-01T00:00:00.000Z' }),
    );
    assert.equal(result.success, false);
  });

  describe('public state holds IDs, categories, purposes and instants only', () => {
    let stub: FakeStub;
    beforeEach(async () => {
      stub = new FakeStub();
      registerPatient(stub);
      await licenseDoctors(stub);
      stub.nextTx();
      const request = grantRequest({
        grantee: { kind: 'practitioner', mspId: Msp.ProviderA, practitionerId: 'prac-1' },
        scope: ['allergy'],
      });
      await contract.grantConsent(asPatient(stub), JSON.stringify(request));
      stub.nextTx();
      await contract.revokeConsent(asPatient(stub), PATIENT, 'tx1');
    });

    it('a consent has exactly the documented fields', () => {
      const [saved] = stored(stub, 'consent');
      assert.deepEqual(saved, {
        consentId: 'tx1',
        patientId: PATIENT,
        grantee: { kind: 'practitioner', mspId: Msp.ProviderA, practitionerId: 'prac-1' },
        scope: ['allergy'],
        purpose: 'treatment',
        validFrom: '2026-01-01T00:00:00.000Z',
        validTo: '2026-12-31T00:00:00.000Z',
        status: 'revoked',
        grantedAt: '2026-03-01T12:00:00.000Z',
        revokedAt: '2026-03-01T12:00:00.000Z',
        grantedBy: asPatient(stub).caller.id,
      });
    });

    it('an emergency access and an access entry have exactly the documented fields', async () => {
      stub.nextTx();
      await contract.declareEmergencyAccess(asPhysician(stub), PATIENT, 'LIFE_THREATENING');
      stub.nextTx();
      const ctx = asPhysician(stub);
      await recordAccess(ctx, {
        patientId: PATIENT,
        recordId: 'rec-1',
        readerId: ctx.caller.id,
        readerMsp: Msp.ProviderA,
        practitionerId: 'prac-1',
        role: 'physician',
        purpose: 'treatment',
        emergency: true,
      });
      assert.deepEqual(Object.keys(stored(stub, 'emergency')[0] ?? {}).sort(), [
        'accessId',
        'expiresAt',
        'grantedAt',
        'mspId',
        'patientId',
        'practitionerId',
        'reason',
      ]);
      const entryFields = [
        'accessId',
        'at',
        'emergency',
        'patientId',
        'practitionerId',
        'purpose',
        'readerId',
        'readerMsp',
        'recordId',
        'role',
      ];
      assert.deepEqual(Object.keys(stored(stub, 'access')[0] ?? {}).sort(), entryFields);
      assert.deepEqual(Object.keys(stored(stub, 'lastAccess')[0] ?? {}).sort(), entryFields);
    });

    it('no event carries more than IDs', () => {
      for (const event of stub.events) {
        assert.deepEqual(Object.keys(event.payload).sort(), ['audience', 'consentId', 'patientId']);
      }
      assert.equal(stub.publicText().includes('reason'), false);
    });
  });
});
