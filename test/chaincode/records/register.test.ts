import assert from 'node:assert/strict';
import { KeyEndorsementPolicy } from 'fabric-shim';
import 'reflect-metadata';
import '../../../chaincode/src/shared/argument-count';
import { RecordsContract } from '../../../chaincode/src/records/contract';
import { RecordsObject } from '../../../chaincode/src/records/keys';
import { pseudonymFor } from '../../../chaincode/src/records/pseudonym';
import { PatientIdSchema } from '../../../chaincode/src/records/state';
import { saltedHash, sha256Hex } from '../../../chaincode/src/shared/hash';
import { implicitCollection, Msp } from '../../../chaincode/src/shared/names';
import { errorCodeOf, FakeStub } from '../../support/fake-stub';
import {
  as,
  mrnIndexAttr,
  messageOf,
  OTHER_PATIENT_ID,
  OTHER_REGISTRATION_TX,
  REGISTRATION_TX,
  PATIENT_ID,
  records,
  register,
  T0,
  Who,
} from './fixtures';
import { DEMOGRAPHICS, OTHER_SALT, SALT } from './samples';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const DataMarshall = require('fabric-shim/lib/contract-spi/datamarshall') as {
  prototype: { handleParameters(fn: unknown, parameters: unknown[], prefix: string): unknown };
};

/** The transaction as fabric-contract-api declares it to the shim (its parameters). */
function declared(name: string): { name: string; parameters?: unknown[] } | undefined {
  const all = Reflect.getMetadata('fabric:transactions', RecordsContract.prototype) as {
    name: string;
    parameters?: unknown[];
  }[];
  return all.find((t) => t.name === name);
}

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
      const second = await register(stub, { txId: OTHER_REGISTRATION_TX, who: Who.registrarB });
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

  describe('the pseudonym, made by the chaincode', () => {
    it('comes from the transaction ID, in the pat- form every other transaction accepts', async () => {
      const { patientId } = await register(stub);
      assert.equal(patientId, pseudonymFor(REGISTRATION_TX));
      assert.match(patientId, /^pat-[0-9a-f]{32}$/);
      assert.equal(PatientIdSchema.safeParse(patientId).success, true);
    });

    it('differs between two registrations, even of the same demographics at two providers', async () => {
      const first = await register(stub);
      const second = await register(stub, { txId: OTHER_REGISTRATION_TX, who: Who.registrarB });
      assert.notEqual(first.patientId, second.patientId);
    });

    it('is not a function of the demographics: other demographics in the same transaction give the same one', async () => {
      const first = await register(stub);
      const other = new FakeStub();
      const stranger = {
        mrn: 'MRN-0001',
        givenName: 'Ada',
        familyName: 'Lovelace',
        birthDate: '1815-12-10',
      };
      const second = await register(other, { demographics: stranger, salt: OTHER_SALT });
      assert.equal(second.patientId, first.patientId);
      for (const part of ['ada', 'lovelace', '1815', 'mrn', DEMOGRAPHICS.mrn.toLowerCase()]) {
        assert.ok(!first.patientId.includes(part), `${first.patientId} contains ${part}`);
      }
      assert.notEqual(
        first.patientId,
        `pat-${REGISTRATION_TX.slice(0, 32)}`,
        'not the ID verbatim',
      );
    });

    it("is never the client's: a pseudonym sent as an argument is refused (INVALID_ARGUMENT)", () => {
      const transaction = declared('registerPatient');
      assert.deepEqual(transaction?.parameters ?? [], []);
      const marshall = Object.create(DataMarshall.prototype) as typeof DataMarshall.prototype;
      assert.throws(
        () =>
          marshall.handleParameters(transaction, ['pat-adalovelace18151210'], 'registerPatient'),
        /^ChaincodeError: INVALID_ARGUMENT: arguments: expected 0, got 1$/,
      );
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

    it('a registration without the transient payload (INVALID_ARGUMENT naming it)', async () => {
      stub.nextTx({ at: T0, transient: { salt: SALT } });
      const message = await messageOf(records.registerPatient(as(stub, Who.registrarA)));
      assert.match(message, /^INVALID_ARGUMENT: transient\.payload: /);
    });

    it('a registration without the transient salt (INVALID_ARGUMENT naming it)', async () => {
      stub.nextTx({ at: T0, transient: { payload: JSON.stringify(DEMOGRAPHICS) } });
      const message = await messageOf(records.registerPatient(as(stub, Who.registrarA)));
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
      const message = await messageOf(records.registerPatient(as(stub, Who.registrarA)));
      assert.equal(message, 'INVALID_ARGUMENT: transient.payload: is not valid JSON');
    });

    it('a pseudonym that exists already (a collision), with whatever demographics (CONFLICT)', async () => {
      await register(stub);
      const other = { ...DEMOGRAPHICS, mrn: 'MRN-9999', givenName: 'Bo' };
      assert.equal(
        await errorCodeOf(register(stub, { demographics: other, salt: OTHER_SALT })),
        'CONFLICT',
      );
    });

    it('the same MRN twice at one provider, a retry under a fresh transaction included (CONFLICT)', async () => {
      await register(stub);
      const message = await messageOf(
        register(stub, { txId: OTHER_REGISTRATION_TX, salt: OTHER_SALT }),
      );
      assert.match(message, /^CONFLICT: /);
      assert.ok(message.includes(PATIENT_ID), 'names the existing pseudonym');
    });
  });
});
