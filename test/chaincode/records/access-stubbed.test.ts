/**
 * The records contract's use of the consent module, with the module's functions stubbed:
 * what it asks and when, independently of how consent decides.
 */
import assert from 'node:assert/strict';
import sinon from 'sinon';
import * as access from '../../../chaincode/src/consent/access';
import { Msp } from '../../../chaincode/src/shared/names';
import { errorCodeOf, type FakeStub } from '../../support/fake-stub';
import {
  add,
  type Added,
  logAccess,
  minutesAfterT0,
  PATIENT_ID,
  read,
  T0,
  Who,
  world,
} from './fixtures';
import { condition } from './samples';

describe('records and the consent module (stubbed)', () => {
  let stub: FakeStub;
  let cond: Added;
  let mayAccess: sinon.SinonStub;
  beforeEach(async () => {
    stub = await world();
    cond = await add(stub, condition());
    mayAccess = sinon.stub(access, 'mayAccess');
  });
  afterEach(() => sinon.restore());

  it("asks with the record's category, the purpose, the transaction time and the reader", async () => {
    mayAccess.resolves({ allowed: true, basis: 'consent', consentId: 'c1' });
    await logAccess(stub, Who.physicianB, cond.recordId, 'payment', T0);
    assert.equal(mayAccess.callCount, 1);
    assert.deepEqual(mayAccess.firstCall.args[1], {
      patientId: PATIENT_ID,
      category: 'condition',
      purpose: 'payment',
      at: '2026-03-01T12:00:00.000Z',
      reader: { mspId: Msp.ProviderB, practitionerId: 'prac-b1' },
    });
  });

  it('asks again at read time, with the purpose of the access entry and the time of the read', async () => {
    mayAccess.resolves({ allowed: true, basis: 'consent', consentId: 'c1' });
    await logAccess(stub, Who.physicianB, cond.recordId, 'payment', T0);
    await read(stub, Who.physicianB, cond.recordId, '', minutesAfterT0(3));
    assert.equal(mayAccess.callCount, 2);
    const readArgs = mayAccess.secondCall.args[1] as { purpose: string; at: string };
    assert.equal(readArgs.purpose, 'payment');
    assert.equal(readArgs.at, minutesAfterT0(3));
  });

  it('refuses the read when the decision has turned to no in between (FORBIDDEN)', async () => {
    mayAccess.onFirstCall().resolves({ allowed: true, basis: 'consent', consentId: 'c1' });
    mayAccess.onSecondCall().resolves({ allowed: false, reason: 'REVOKED' });
    await logAccess(stub, Who.physicianB, cond.recordId);
    assert.equal(await errorCodeOf(read(stub, Who.physicianB, cond.recordId)), 'FORBIDDEN');
  });

  it('marks the entry as an emergency when that is the basis', async () => {
    mayAccess.resolves({ allowed: true, basis: 'emergency', accessId: 'e1' });
    const recordAccess = sinon.spy(access, 'recordAccess');
    await logAccess(stub, Who.physicianB, cond.recordId);
    assert.equal((recordAccess.firstCall.args[1] as { emergency: boolean }).emergency, true);
  });

  it('never asks for the patient reading their own, nor for the author organisation treating', async () => {
    await logAccess(stub, Who.patient, cond.recordId);
    await read(stub, Who.patient, cond.recordId);
    await logAccess(stub, Who.nurseA, cond.recordId);
    await read(stub, Who.nurseA, cond.recordId);
    assert.equal(mayAccess.callCount, 0);
  });

  it('writes no access entry when the decision is no', async () => {
    mayAccess.resolves({ allowed: false, reason: 'NO_CONSENT' });
    const recordAccess = sinon.spy(access, 'recordAccess');
    assert.equal(await errorCodeOf(logAccess(stub, Who.physicianB, cond.recordId)), 'FORBIDDEN');
    assert.equal(recordAccess.callCount, 0);
  });
});
