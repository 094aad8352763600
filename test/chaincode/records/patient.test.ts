import assert from 'node:assert/strict';
import { saltedHash } from '../../../chaincode/src/shared/hash';
import { Msp } from '../../../chaincode/src/shared/names';
import { errorCodeOf, FakeStub, type IdentityOptions } from '../../support/fake-stub';
import { as, PATIENT_ID, records, register, T0, Who } from './fixtures';
import { DEMOGRAPHICS, OTHER_SALT, SALT } from './samples';

function checkAs(
  stub: FakeStub,
  who: IdentityOptions = Who.registrarA,
  copy: unknown = DEMOGRAPHICS,
  salt = SALT,
) {
  stub.nextTx({ at: T0, transient: { payload: JSON.stringify(copy), salt } });
  return records.verifyDemographics(as(stub, who), PATIENT_ID);
}

describe('records.getPatient', () => {
  it('answers the public registration of a patient, hash and provider included', async () => {
    const stub = new FakeStub();
    await register(stub);
    stub.nextTx();
    const patient = JSON.parse(await records.getPatient(as(stub, Who.adjudicator), PATIENT_ID));
    assert.equal(patient.registeredBy, Msp.ProviderA);
    assert.equal(patient.status, 'active');
    assert.equal(patient.hash, saltedHash(SALT, DEMOGRAPHICS));
    assert.equal(JSON.stringify(patient).includes(DEMOGRAPHICS.familyName), false);
  });

  it('answers NOT_FOUND for an unknown pseudonym', async () => {
    const stub = new FakeStub();
    assert.equal(
      await errorCodeOf(records.getPatient(as(stub, Who.registrarA), 'pat-unknown1')),
      'NOT_FOUND',
    );
  });
});

describe('records.verifyDemographics', () => {
  it("confirms the registering provider's registrar holds the same demographics as the ledger", async () => {
    const stub = new FakeStub();
    await register(stub);
    assert.deepEqual(JSON.parse(await checkAs(stub, Who.registrarA)), {
      patientId: PATIENT_ID,
      matchesLedger: true,
      matchesPrivateCopy: true,
    });
  });

  it("refuses another provider's registrar (FORBIDDEN): the demographics are not theirs", async () => {
    const stub = new FakeStub();
    await register(stub);
    assert.equal(await errorCodeOf(checkAs(stub, Who.registrarB)), 'FORBIDDEN');
  });

  it('says no to a copy with a changed birth date', async () => {
    const stub = new FakeStub();
    await register(stub);
    const result = JSON.parse(
      await checkAs(stub, Who.registrarA, { ...DEMOGRAPHICS, birthDate: '1990-01-02' }),
    );
    assert.equal(result.matchesLedger, false);
    assert.equal(result.matchesPrivateCopy, false);
  });

  it('says no when the salt is not the one the hash was made with', async () => {
    const stub = new FakeStub();
    await register(stub);
    const result = JSON.parse(await checkAs(stub, Who.registrarA, DEMOGRAPHICS, OTHER_SALT));
    assert.equal(result.matchesLedger, false);
  });

  it('refuses a physician with FORBIDDEN', async () => {
    const stub = new FakeStub();
    await register(stub);
    assert.equal(await errorCodeOf(checkAs(stub, Who.physicianA)), 'FORBIDDEN');
  });
});
