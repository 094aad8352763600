import { EMERGENCY_REASONS } from '../../../chaincode/src/consent/emergency-reasons';
import assert from 'node:assert/strict';
import type { ChaincodeStub } from 'fabric-shim';
import { loadCredential, updateCredential } from '../../../chaincode/src/credentials/store';
import { Ledger } from '../../../chaincode/src/shared/ledger';
import { mayAccess } from '../../../chaincode/src/consent/access';
import { EMERGENCY_WINDOW_MINUTES } from '../../../chaincode/src/consent/state';
import { Msp } from '../../../chaincode/src/shared/names';
import { contextFor, errorCodeOf, FakeStub } from '../../support/fake-stub';
import {
  asPatient,
  asPhysician,
  asRegistrar,
  contract,
  DOCTOR,
  messageOf,
  OTHER_DOCTOR,
  OTHER_PATIENT,
  PATIENT,
  registerPatient,
  request,
  T0,
  licenseDoctors,
} from './fixtures';

const REASON = 'UNCONSCIOUS_PATIENT';

describe('ConsentContract.declareEmergencyAccess', () => {
  let stub: FakeStub;
  beforeEach(async () => {
    stub = new FakeStub();
    registerPatient(stub);
    await licenseDoctors(stub);
    stub.nextTx();
  });

  it('grants the physician an access of EMERGENCY_WINDOW_MINUTES (60) and returns it', async () => {
    const access = JSON.parse(
      await contract.declareEmergencyAccess(asPhysician(stub), PATIENT, REASON),
    );
    assert.equal(EMERGENCY_WINDOW_MINUTES, 60);
    assert.deepEqual(access, {
      accessId: stub.txId,
      patientId: PATIENT,
      practitionerId: DOCTOR,
      mspId: Msp.ProviderA,
      reason: REASON,
      grantedAt: T0,
      expiresAt: '2026-03-01T13:00:00.000Z',
    });
    const stored = stub.state.get(
      stub.createCompositeKey('emergency', [PATIENT, DOCTOR, stub.txId]),
    );
    assert.deepEqual(JSON.parse(Buffer.from(stored ?? '').toString('utf8')), access);
  });

  it('raises EmergencyAccess for the patient, without the reason', async () => {
    await contract.declareEmergencyAccess(asPhysician(stub), PATIENT, REASON);
    assert.deepEqual(stub.lastEvent(), {
      name: 'EmergencyAccess',
      payload: {
        accessId: stub.txId,
        patientId: PATIENT,
        mspId: Msp.ProviderA,
        practitionerId: DOCTOR,
        audience: [Msp.ProviderA],
      },
    });
  });

  it('lets that physician read for treatment until the hour is over', async () => {
    await contract.declareEmergencyAccess(asPhysician(stub), PATIENT, REASON);
    const accessId = stub.txId;
    stub.nextTx({ at: '2026-03-01T12:59:59Z' });
    assert.deepEqual(await mayAccess(asPhysician(stub), request({ at: '2026-03-01T12:59:59Z' })), {
      allowed: true,
      basis: 'emergency',
      accessId,
    });
    stub.nextTx({ at: '2026-03-01T13:00:00Z' });
    assert.deepEqual(await mayAccess(asPhysician(stub), request({ at: '2026-03-01T13:00:00Z' })), {
      allowed: false,
      reason: 'EXPIRED',
    });
  });

  it('does not let a colleague read on the declaring physician’s emergency', async () => {
    await contract.declareEmergencyAccess(asPhysician(stub), PATIENT, REASON);
    stub.nextTx();
    const colleague = asPhysician(stub, Msp.ProviderA, OTHER_DOCTOR);
    const decision = await mayAccess(
      colleague,
      request({ reader: { mspId: Msp.ProviderA, practitionerId: OTHER_DOCTOR } }),
    );
    assert.deepEqual(decision, { allowed: false, reason: 'NO_CONSENT' });
  });

  for (const code of EMERGENCY_REASONS) {
    it(`accepts the reason code ${code}`, async () => {
      const access = JSON.parse(
        await contract.declareEmergencyAccess(asPhysician(stub), PATIENT, code),
      );
      assert.equal(access.reason, code);
    });
  }

  it('works for a physician of the second provider', async () => {
    const access = JSON.parse(
      await contract.declareEmergencyAccess(asPhysician(stub, Msp.ProviderB), PATIENT, REASON),
    );
    assert.equal(access.mspId, Msp.ProviderB);
  });

  describe('refuses', () => {
    const forbidden: [string, () => Promise<unknown>][] = [
      [
        'a nurse',
        () =>
          contract.declareEmergencyAccess(
            contextFor(stub, { mspId: Msp.ProviderA, role: 'nurse', practitionerId: 'n-1' }),
            PATIENT,
            REASON,
          ),
      ],
      ['a registrar', () => contract.declareEmergencyAccess(asRegistrar(stub), PATIENT, REASON)],
      ['the patient', () => contract.declareEmergencyAccess(asPatient(stub), PATIENT, REASON)],
      [
        'a physician at the insurer',
        () => contract.declareEmergencyAccess(asPhysician(stub, Msp.Insurer), PATIENT, REASON),
      ],
      [
        'a physician without a practitionerId',
        () =>
          contract.declareEmergencyAccess(
            contextFor(stub, { mspId: Msp.ProviderA, role: 'physician' }),
            PATIENT,
            REASON,
          ),
      ],
    ];
    for (const [who, call] of forbidden) {
      it(`${who} with FORBIDDEN and writes nothing new`, async () => {
        const before = stub.state.size;
        assert.equal(await errorCodeOf(call()), 'FORBIDDEN');
        assert.equal(stub.state.size, before);
        assert.equal(stub.lastEvent(), undefined);
      });
    }

    it('an unregistered patient with NOT_FOUND', async () => {
      assert.equal(
        await errorCodeOf(
          contract.declareEmergencyAccess(asPhysician(stub), OTHER_PATIENT, REASON),
        ),
        'NOT_FOUND',
      );
    });

    const listed = `reason: must be one of ${EMERGENCY_REASONS.join(', ')}`;
    const invalid: [string, string, string, string][] = [
      ['an empty reason', PATIENT, '', listed],
      ['a free-text reason', PATIENT, 'unconscious on arrival, ED', listed],
      ['a code in lower case', PATIENT, 'unconscious_patient', listed],
      ['a malformed patient ID', 'pat 1', REASON, 'patientId'],
    ];
    for (const [what, patientId, reason, field] of invalid) {
      it(`${what} with INVALID_ARGUMENT naming ${field.split(':')[0]}`, async () => {
        const message = await messageOf(
          contract.declareEmergencyAccess(asPhysician(stub), patientId, reason),
        );
        assert.ok(message.startsWith(`INVALID_ARGUMENT: ${field}`), message);
      });
    }
  });
});

describe('ConsentContract.listEmergencyAccesses', () => {
  let stub: FakeStub;
  beforeEach(async () => {
    stub = new FakeStub();
    registerPatient(stub);
    await licenseDoctors(stub);
    registerPatient(stub, OTHER_PATIENT);
    stub.nextTx();
    await contract.declareEmergencyAccess(asPhysician(stub), PATIENT, REASON);
    stub.nextTx();
    await contract.declareEmergencyAccess(
      asPhysician(stub, Msp.ProviderB, OTHER_DOCTOR),
      PATIENT,
      REASON,
    );
    stub.nextTx();
    await contract.declareEmergencyAccess(asPhysician(stub), OTHER_PATIENT, REASON);
  });

  it('shows the patient every emergency access declared on them, and only those', async () => {
    const listed = JSON.parse(await contract.listEmergencyAccesses(asPatient(stub), PATIENT));
    assert.deepEqual(
      listed.map((e: { practitionerId: string; mspId: string }) => [e.practitionerId, e.mspId]),
      [
        [DOCTOR, Msp.ProviderA],
        [OTHER_DOCTOR, Msp.ProviderB],
      ],
    );
  });

  it('refuses the physician with FORBIDDEN', async () => {
    assert.equal(
      await errorCodeOf(contract.listEmergencyAccesses(asPhysician(stub), PATIENT)),
      'FORBIDDEN',
    );
  });

  it('refuses another patient with FORBIDDEN', async () => {
    assert.equal(
      await errorCodeOf(contract.listEmergencyAccesses(asPatient(stub, OTHER_PATIENT), PATIENT)),
      'FORBIDDEN',
    );
  });
});

describe('ConsentContract.declareEmergencyAccess by a physician without an active licence', () => {
  it('refuses a suspended physician with CREDENTIAL_INVALID and writes nothing', async () => {
    const stub = new FakeStub();
    registerPatient(stub);
    await licenseDoctors(stub);
    const ledger = new Ledger(stub as unknown as ChaincodeStub);
    const licence = await loadCredential(ledger, 'MD-0');
    await updateCredential(ledger, {
      ...licence,
      status: 'suspended',
      statusReason: 'PENDING_INVESTIGATION',
    });
    stub.nextTx();
    const before = stub.state.size;

    const code = await errorCodeOf(
      contract.declareEmergencyAccess(asPhysician(stub), PATIENT, REASON),
    );

    assert.equal(code, 'CREDENTIAL_INVALID');
    assert.equal(stub.state.size, before);
    assert.notEqual(stub.lastEvent()?.name, 'EmergencyAccess');
  });

  it('refuses a ProviderB physician under the ID of a physician licensed at ProviderA', async () => {
    const stub = new FakeStub();
    registerPatient(stub);
    await licenseDoctors(stub, []);
    stub.nextTx();
    const before = stub.state.size;

    const message = await messageOf(
      contract.declareEmergencyAccess(asPhysician(stub, Msp.ProviderB, DOCTOR), PATIENT, REASON),
    );

    assert.equal(
      message,
      `CREDENTIAL_INVALID: practitioner ${DOCTOR} has no active physician licence at ProviderBMSP on 2026-03-01: OTHER_ORGANISATION`,
    );
    assert.equal(stub.state.size, before);
    assert.notEqual(stub.lastEvent()?.name, 'EmergencyAccess');
  });
});
