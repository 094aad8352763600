import assert from 'node:assert/strict';
import { RecordsObject, versionAttr } from '../../../chaincode/src/records/keys';
import { saltedHash } from '../../../chaincode/src/shared/hash';
import { implicitCollection, Msp } from '../../../chaincode/src/shared/names';
import { errorCodeOf, type FakeStub } from '../../support/fake-stub';
import {
  add,
  as,
  custodianValue,
  credentials,
  messageOf,
  PATIENT_ID,
  publicValue,
  records,
  T0,
  Who,
  world,
} from './fixtures';
import {
  allergyIntolerance,
  condition,
  diagnosticReport,
  documentReference,
  type Json,
  medicationRequest,
  observation,
  SALT,
  without,
} from './samples';

describe('records.addRecord', () => {
  let stub: FakeStub;
  beforeEach(async () => {
    stub = await world();
  });

  describe('a licensed physician at a provider', () => {
    it('gets back the record ID from the transaction, version 1 and the salted hash', async () => {
      const added = await add(stub, observation());
      assert.deepEqual(added, {
        recordId: `rec-${stub.txId}`,
        version: 1,
        hash: saltedHash(SALT, observation()),
      });
    });

    it('puts metadata on the public ledger, as the latest and as version 1', async () => {
      const { recordId } = await add(stub, observation());
      const metadata = {
        recordId,
        patientId: PATIENT_ID,
        category: 'observation',
        resourceType: 'Observation',
        authorMsp: Msp.ProviderA,
        authorPractitionerId: 'prac-a1',
        hash: saltedHash(SALT, observation()),
        version: 1,
        createdAt: '2026-03-01T12:00:00.000Z',
        status: 'active',
      };
      assert.deepEqual(publicValue(stub, RecordsObject.Record, PATIENT_ID, recordId), metadata);
      assert.deepEqual(
        publicValue(stub, RecordsObject.RecordVersion, recordId, versionAttr(1)),
        metadata,
      );
      assert.deepEqual(publicValue(stub, RecordsObject.RecordIndex, recordId), {
        recordId,
        patientId: PATIENT_ID,
      });
    });

    it("keeps the FHIR resource and its salt in the author's implicit collection alone", async () => {
      const { recordId } = await add(stub, observation());
      const contentKey = stub.createCompositeKey(RecordsObject.RecordContent, [
        recordId,
        versionAttr(1),
      ]);
      const holders = [...stub.privateData].filter(([, data]) => data.has(contentKey));
      assert.deepEqual(
        holders.map(([collection]) => collection),
        [implicitCollection(Msp.ProviderA)],
      );
      assert.deepEqual(
        custodianValue(stub, RecordsObject.RecordContent, [recordId, versionAttr(1)]),
        {
          recordId,
          version: 1,
          resource: observation(),
          salt: SALT,
        },
      );
    });

    it("makes every key of the record changeable only with the author organisation's endorsement", async () => {
      const { recordId } = await add(stub, observation());
      const keys = [
        stub.createCompositeKey(RecordsObject.Record, [PATIENT_ID, recordId]),
        stub.createCompositeKey(RecordsObject.RecordVersion, [recordId, versionAttr(1)]),
        stub.createCompositeKey(RecordsObject.RecordIndex, [recordId]),
      ];
      for (const key of keys) {
        assert.ok(stub.validationParameters.has(key), key);
      }
    });

    it('announces RecordAdded with IDs and the version only', async () => {
      const { recordId } = await add(stub, observation());
      assert.deepEqual(stub.lastEvent(), {
        name: 'RecordAdded',
        payload: { recordId, patientId: PATIENT_ID, version: 1, audience: [Msp.ProviderA] },
      });
    });

    const byType: [Json, string][] = [
      [observation(), 'observation'],
      [condition(), 'condition'],
      [medicationRequest(), 'medication'],
      [allergyIntolerance(), 'allergy'],
      [diagnosticReport(), 'diagnostic-report'],
      [documentReference(), 'document'],
    ];
    for (const [resource, category] of byType) {
      it(`files a ${String(resource.resourceType)} under the category ${category}`, async () => {
        const { recordId } = await add(stub, resource);
        const metadata = publicValue(stub, RecordsObject.Record, PATIENT_ID, recordId) as Json;
        assert.equal(metadata.category, category);
        assert.equal(metadata.resourceType, resource.resourceType);
      });
    }
  });

  it('a licensed nurse adds a record too', async () => {
    const added = await add(stub, observation(), { who: Who.nurseA });
    assert.equal(added.version, 1);
  });

  describe('refuses', () => {
    for (const who of [Who.registrarA, Who.patient, Who.adminB, Who.adjudicator]) {
      it(`a ${who.role} (FORBIDDEN)`, async () => {
        assert.equal(await errorCodeOf(add(stub, observation(), { who })), 'FORBIDDEN');
      });
    }

    it('a physician outside the providers (FORBIDDEN)', async () => {
      assert.equal(
        await errorCodeOf(add(stub, observation(), { who: Who.insurerPhysician })),
        'FORBIDDEN',
      );
    });

    it('a physician without a practitionerId attribute (FORBIDDEN)', async () => {
      const who = { mspId: Msp.ProviderA, role: 'physician', name: 'no-id' };
      assert.equal(await errorCodeOf(add(stub, observation(), { who })), 'FORBIDDEN');
    });

    it('a physician without any licence (CREDENTIAL_INVALID)', async () => {
      const who = { ...Who.physicianA, practitionerId: 'prac-unlicensed' };
      assert.equal(await errorCodeOf(add(stub, observation(), { who })), 'CREDENTIAL_INVALID');
    });

    it('a nurse whose only licence is a physician licence (CREDENTIAL_INVALID)', async () => {
      const who = { ...Who.nurseA, practitionerId: Who.physicianA.practitionerId };
      assert.equal(await errorCodeOf(add(stub, observation(), { who })), 'CREDENTIAL_INVALID');
    });

    it('a ProviderB physician under the ID of a physician licensed at ProviderA (CREDENTIAL_INVALID: OTHER_ORGANISATION)', async () => {
      const who = { ...Who.physicianB, practitionerId: Who.physicianA.practitionerId };
      const message = await messageOf(add(stub, observation(), { who }));
      assert.equal(
        message,
        'CREDENTIAL_INVALID: practitioner prac-a1 has no active physician licence at ProviderBMSP on 2026-03-01: OTHER_ORGANISATION',
      );
      // The physician the licence names still adds the record.
      assert.equal((await add(stub, observation())).version, 1);
    });

    it('a physician whose licence was suspended (CREDENTIAL_INVALID)', async () => {
      stub.nextTx({ at: '2026-02-01T09:00:00Z' });
      await credentials.suspendCredential(as(stub, Who.officer), 'MD-A1', 'PENDING_INVESTIGATION');
      assert.equal(await errorCodeOf(add(stub, observation())), 'CREDENTIAL_INVALID');
    });

    it('a physician whose licence was revoked (CREDENTIAL_INVALID)', async () => {
      stub.nextTx({ at: '2026-02-01T09:00:00Z' });
      await credentials.revokeCredential(as(stub, Who.officer), 'MD-A1', 'VOLUNTARY_SURRENDER');
      assert.equal(await errorCodeOf(add(stub, observation())), 'CREDENTIAL_INVALID');
    });

    it('a physician whose licence has expired (CREDENTIAL_INVALID)', async () => {
      assert.equal(
        await errorCodeOf(add(stub, observation(), { at: '2027-01-05T09:00:00Z' })),
        'CREDENTIAL_INVALID',
      );
    });

    it('a patient who is not registered (NOT_FOUND)', async () => {
      assert.equal(
        await errorCodeOf(add(stub, observation(), { patientId: 'pat-unknown1' })),
        'NOT_FOUND',
      );
    });

    it('a patient ID of the wrong form (INVALID_ARGUMENT)', async () => {
      assert.equal(
        await errorCodeOf(add(stub, observation(), { patientId: 'Amelia Hartwell' })),
        'INVALID_ARGUMENT',
      );
    });

    it('a patient who was erased (ERASED)', async () => {
      stub.nextTx({ at: T0 });
      await records.erasePatient(as(stub, Who.registrarA), PATIENT_ID);
      assert.equal(await errorCodeOf(add(stub, observation())), 'ERASED');
    });

    it('a record without the transient payload (INVALID_ARGUMENT naming it)', async () => {
      stub.nextTx({ at: T0, transient: { salt: SALT } });
      const message = await messageOf(records.addRecord(as(stub, Who.physicianA), PATIENT_ID, ''));
      assert.match(message, /^INVALID_ARGUMENT: transient\.payload: /);
    });

    it('a record without the transient salt (INVALID_ARGUMENT naming it)', async () => {
      stub.nextTx({ at: T0, transient: { payload: JSON.stringify(observation()) } });
      const message = await messageOf(records.addRecord(as(stub, Who.physicianA), PATIENT_ID, ''));
      assert.match(message, /^INVALID_ARGUMENT: transient\.salt: /);
    });

    it('a resource type it does not accept (INVALID_ARGUMENT naming resourceType)', async () => {
      const message = await messageOf(
        add(stub, { resourceType: 'Patient', name: [{ family: 'Hartwell' }] }),
      );
      assert.match(message, /^INVALID_ARGUMENT: transient\.payload\.resourceType: must be one of/);
      assert.ok(!message.includes('Hartwell'));
    });

    const badResources: [string, Json, string][] = [
      ['an Observation without code', without(observation(), 'code'), 'code'],
      ['an Observation without a value', without(observation(), 'valueQuantity'), 'value[x]'],
      ['an Observation with an unknown status', observation({ status: 'done' }), 'status'],
      ['a Condition without code', without(condition(), 'code'), 'code'],
      ['a MedicationRequest without intent', without(medicationRequest(), 'intent'), 'intent'],
      [
        'a MedicationRequest without a medication',
        without(medicationRequest(), 'medicationCodeableConcept'),
        'medication[x]',
      ],
      ['an AllergyIntolerance without code', without(allergyIntolerance(), 'code'), 'code'],
      ['a DiagnosticReport without status', without(diagnosticReport(), 'status'), 'status'],
      ['a DocumentReference without an attachment', documentReference({ content: [] }), 'content'],
    ];
    for (const [name, resource, field] of badResources) {
      it(`${name} (INVALID_ARGUMENT naming payload.${field})`, async () => {
        const message = await messageOf(add(stub, resource));
        assert.ok(message.startsWith(`INVALID_ARGUMENT: transient.payload.${field}: `), message);
      });
    }

    it('writes nothing when it refuses', async () => {
      const before = stub.publicText();
      await errorCodeOf(add(stub, without(observation(), 'code')));
      assert.equal(stub.publicText(), before);
    });
  });
});
