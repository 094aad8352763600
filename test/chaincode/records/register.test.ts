import assert from 'node:assert/strict';
import { KeyEndorsementPolicy } from 'fabric-shim';
import { RecordsObject } from '../../../chaincode/src/records/keys';
import { saltedHash, sha256Hex } from '../../../chaincode/src/shared/hash';
import { implicitCollection, Msp } from '../../../chaincode/src/shared/names';
import { errorCodeOf, FakeStub } from '../../support/fake-stub';
import {
  as,
  mrnIndexAttr,
  messageOf,
  OTHER_PATIENT_ID,
  PATIENT_ID,
  records,
  register,
  T0,
  Who,
} from './fixtures';
import { DEMOGRAPHICS, OTHER_SALT, SALT } from './samples';

function json(bytes: Uint8Array | undefined): unknown {
  return bytes === undefined ? undefined : JSON.parse(Buffer.from(bytes).toString('utf8'));
}

describe('records.registerPatient', () => {
  let stub: FakeStub;
  beforeEach(() => {
    stub = new FakeStub();
  });

  describe('a registrar at a provider', () => {
    it('gets back the pseudonym and the salted hash of the demographics, nothing else', async () => {
      const result = await register(stub);
      assert.deepEqual(result, { patientId: PATIENT_ID, hash: saltedHash(SALT, DEMOGRAPHICS) });
    });

    it('puts the pseudonymous patient on the public ledger, active', async () => {
      await register(stub);
      const key = stub.createCompositeKey(RecordsObject.Patient, [PATIENT_ID]);
      assert.deepEqual(json(stub.state.get(key)), {
        patientId: PATIENT_ID,
        registeredBy: Msp.ProviderA,
        hash: saltedHash(SALT, DEMOGRAPHICS),
        status: 'active',
        registeredAt: '2026-03-01T12:00:00.000Z',
      });
    });

    it("keeps the demographics and their salt in its own organisation's implicit collection alone", async () => {
      await register(stub);
      assert.deepEqual([...stub.privateData.keys()], [implicitCollection(Msp.ProviderA)]);
      const key = stub.createCompositeKey(RecordsObject.Demographics, [PATIENT_ID]);
      assert.deepEqual(json(stub.privateData.get(implicitCollection(Msp.ProviderA))?.get(key)), {
        patientId: PATIENT_ID,
        demographics: DEMOGRAPHICS,
        salt: SALT,
      });
    });

    it('indexes the MRN by an HMAC with its own secret, in its own implicit collection', async () => {
      await register(stub);
      const attr = mrnIndexAttr(stub, DEMOGRAPHICS.mrn);
      assert.notEqual(attr, sha256Hex(DEMOGRAPHICS.mrn), 'not computable from the MRN alone');
      const key = stub.createCompositeKey(RecordsObject.Mrn, [attr]);
      assert.deepEqual(json(stub.privateData.get(implicitCollection(Msp.ProviderA))?.get(key)), {
        patientId: PATIENT_ID,
      });
    });

    it("makes the registration changeable only with its own organisation's peers (role PEER)", async () => {
      await register(stub);
      const key = stub.createCompositeKey(RecordsObject.Patient, [PATIENT_ID]);
      const policy = new KeyEndorsementPolicy();
      policy.addOrgs('PEER', Msp.ProviderA);
      assert.deepEqual(
        Buffer.from(stub.validationParameters.get(key) ?? []),
        Buffer.from(policy.getPolicy()),
      );
    });

    it('announces PatientRegistered with the pseudonym only', async () => {
      await register(stub);
      assert.deepEqual(stub.lastEvent(), {
        name: 'PatientRegistered',
        payload: { patientId: PATIENT_ID, audience: [Msp.ProviderA] },
      });
    });

    it('may register the same person at another provider (each provider knows its own MRNs)', async () => {
      await register(stub);
      const second = await register(stub, { patientId: OTHER_PATIENT_ID, who: Who.registrarB });
      assert.equal(second.patientId, OTHER_PATIENT_ID);
    });

    it('accepts demographics with only the required fields', async () => {
      const { mrn, givenName, familyName, birthDate } = DEMOGRAPHICS;
      const result = await register(stub, {
        demographics: { mrn, givenName, familyName, birthDate },
      });
      assert.equal(result.patientId, PATIENT_ID);
    });
  });

  describe('refuses', () => {
    for (const who of [Who.physicianA, Who.nurseA, Who.patient, Who.adminB]) {
      it(`a ${who.role} (FORBIDDEN)`, async () => {
        assert.equal(await errorCodeOf(register(stub, { who })), 'FORBIDDEN');
      });
    }

    it('a registrar outside the providers (FORBIDDEN)', async () => {
      const who = { ...Who.registrarA, mspId: Msp.Insurer };
      assert.equal(await errorCodeOf(register(stub, { who })), 'FORBIDDEN');
    });

    for (const id of ['Amelia Hartwell', 'pat-Amelia', 'pat-abc', 'patient-123456', '']) {
      it(`the patient ID "${id}", which is no pseudonym of the form pat-xxxxxx (INVALID_ARGUMENT)`, async () => {
        assert.equal(await errorCodeOf(register(stub, { patientId: id })), 'INVALID_ARGUMENT');
      });
    }

    it('a registration without the transient payload (INVALID_ARGUMENT naming it)', async () => {
      stub.nextTx({ at: T0, transient: { salt: SALT } });
      const message = await messageOf(
        records.registerPatient(as(stub, Who.registrarA), PATIENT_ID),
      );
      assert.match(message, /^INVALID_ARGUMENT: transient\.payload: /);
    });

    it('a registration without the transient salt (INVALID_ARGUMENT naming it)', async () => {
      stub.nextTx({ at: T0, transient: { payload: JSON.stringify(DEMOGRAPHICS) } });
      const message = await messageOf(
        records.registerPatient(as(stub, Who.registrarA), PATIENT_ID),
      );
      assert.match(message, /^INVALID_ARGUMENT: transient\.salt: /);
    });

    for (const salt of ['abc123', 'z'.repeat(32), `${SALT.slice(0, 30)}`]) {
      it(`the salt "${salt}", not 32+ hex characters (INVALID_ARGUMENT)`, async () => {
        assert.equal(await errorCodeOf(register(stub, { salt })), 'INVALID_ARGUMENT');
      });
    }

    const badDemographics: [string, Record<string, unknown>, string][] = [
      ['without an MRN', { ...DEMOGRAPHICS, mrn: undefined }, 'mrn'],
      ['without a given name', { ...DEMOGRAPHICS, givenName: undefined }, 'givenName'],
      ['with an empty family name', { ...DEMOGRAPHICS, familyName: ' ' }, 'familyName'],
      [
        'with a birth date that is no date',
        { ...DEMOGRAPHICS, birthDate: '1984-02-30' },
        'birthDate',
      ],
      [
        'with a birth date in another format',
        { ...DEMOGRAPHICS, birthDate: '19/07/1984' },
        'birthDate',
      ],
      ['with a sex outside the FHIR codes', { ...DEMOGRAPHICS, sex: 'F' }, 'sex'],
      ['with a field it does not know', { ...DEMOGRAPHICS, ssn: '123-45-6789' }, ''],
    ];
    for (const [name, demographics, field] of badDemographics) {
      it(`demographics ${name} (INVALID_ARGUMENT naming the field, not its value)`, async () => {
        const message = await messageOf(register(stub, { demographics }));
        assert.match(message, /^INVALID_ARGUMENT: transient\.payload/);
        assert.ok(message.includes(field), message);
        for (const value of ['1984', '19/07', '123-45', 'Amelia', 'Hartwell']) {
          assert.ok(!message.includes(value), `"${message}" contains ${value}`);
        }
      });
    }

    it('demographics that are not JSON (INVALID_ARGUMENT)', async () => {
      stub.nextTx({ at: T0, transient: { payload: 'Amelia Hartwell', salt: SALT } });
      const message = await messageOf(
        records.registerPatient(as(stub, Who.registrarA), PATIENT_ID),
      );
      assert.equal(message, 'INVALID_ARGUMENT: transient.payload: is not valid JSON');
    });

    it('a patient ID that exists already, with whatever demographics (CONFLICT)', async () => {
      await register(stub);
      const other = { ...DEMOGRAPHICS, mrn: 'MRN-9999', givenName: 'Bo' };
      assert.equal(
        await errorCodeOf(register(stub, { demographics: other, salt: OTHER_SALT })),
        'CONFLICT',
      );
    });

    it('the same MRN twice at one provider, under another patient ID (CONFLICT)', async () => {
      await register(stub);
      const message = await messageOf(
        register(stub, { patientId: OTHER_PATIENT_ID, salt: OTHER_SALT }),
      );
      assert.match(message, /^CONFLICT: /);
      assert.ok(message.includes(PATIENT_ID), 'names the existing pseudonym');
    });
  });
});
