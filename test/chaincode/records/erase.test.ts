import assert from 'node:assert/strict';
import { RecordsObject, versionAttr } from '../../../chaincode/src/records/keys';
import { EMERGENCY_NOTE } from '../../../chaincode/src/consent/emergency-notes';
import { saltedHash } from '../../../chaincode/src/shared/hash';
import { NOTE_OBJECT } from '../../../chaincode/src/shared/private-note';
import { collectionsHolding } from '../../support/notes';
import { implicitCollection, Msp } from '../../../chaincode/src/shared/names';
import { errorCodeOf, type FakeStub, type IdentityOptions } from '../../support/fake-stub';
import {
  add,
  type Added,
  as,
  consent,
  OTHER_PATIENT_ID,
  OTHER_REGISTRATION_TX,
  PATIENT_ID,
  records,
  register,
  T0,
  Who,
  world,
  mrnIndexAttr,
} from './fixtures';
import { condition, DEMOGRAPHICS, observation, OTHER_SALT, SALT } from './samples';

/** erasePatient on the registering provider's (ProviderA's) peer. */
async function erase(
  stub: FakeStub,
  who: IdentityOptions = Who.registrarA,
  patientId = PATIENT_ID,
) {
  stub.nextTx({ at: '2026-03-05T10:00:00Z' });
  stub.peerMspId = Msp.ProviderA;
  return JSON.parse(await records.erasePatient(as(stub, who), patientId)) as Record<
    string,
    unknown
  >;
}

/** eraseCustodianCopy on the peer of CUSTODIAN (by default ProviderB), asked by ProviderA's
 * registrar. */
async function eraseCopy(
  stub: FakeStub,
  custodian: string = Msp.ProviderB,
  who: IdentityOptions = Who.registrarA,
) {
  stub.nextTx({ at: '2026-03-05T10:00:05Z' });
  stub.peerMspId = custodian;
  return JSON.parse(await records.eraseCustodianCopy(as(stub, who), PATIENT_ID)) as Record<
    string,
    unknown
  >;
}

const contentOf = (recordId: string, version: number) =>
  [RecordsObject.RecordContent, recordId, versionAttr(version)] as const;

function publicJson(
  stub: FakeStub,
  objectType: string,
  ...attrs: string[]
): Record<string, unknown> {
  const bytes = stub.state.get(stub.createCompositeKey(objectType, attrs));
  assert.ok(bytes, `no public ${objectType}`);
  return JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
}

function privateHas(
  stub: FakeStub,
  collection: string,
  objectType: string,
  ...attrs: string[]
): boolean {
  return stub.privateData.get(collection)?.has(stub.createCompositeKey(objectType, attrs)) ?? false;
}

describe('records.erasePatient', () => {
  let stub: FakeStub;
  let obs: Added;
  let cond: Added;
  let mrnAttr: string;
  beforeEach(async () => {
    stub = await world();
    mrnAttr = mrnIndexAttr(stub, DEMOGRAPHICS.mrn);
    obs = await add(stub, observation());
    await add(stub, observation({ valueQuantity: { value: 128 } }), {
      replaces: obs.recordId,
      salt: OTHER_SALT,
    });
    cond = await add(stub, condition(), { who: Who.physicianB });
  });

  describe("by the registering provider's registrar", () => {
    it('answers with the pseudonym, the time, its own records erased and the other custodians', async () => {
      assert.deepEqual(await erase(stub), {
        patientId: PATIENT_ID,
        erasedAt: '2026-03-05T10:00:00.000Z',
        records: 1,
        custodians: [Msp.ProviderB],
      });
    });

    it('purges the demographics and the MRN index entry from its own implicit collection', async () => {
      await erase(stub);
      assert.equal(
        privateHas(stub, implicitCollection(Msp.ProviderA), RecordsObject.Demographics, PATIENT_ID),
        false,
      );
      assert.equal(
        privateHas(stub, implicitCollection(Msp.ProviderA), RecordsObject.Mrn, mrnAttr),
        false,
      );
      const purged = stub.purged.map((p) => p.collection);
      assert.ok(purged.includes(implicitCollection(Msp.ProviderA)));
    });

    it('purges the notes of emergency accesses to the patient from its own implicit collection', async () => {
      const note = 'brought in unconscious by her daughter';
      stub.nextTx({ at: T0, transient: { payload: JSON.stringify({ note }), salt: SALT } });
      stub.peerMspId = Msp.ProviderA;
      await consent.declareEmergencyAccess(
        as(stub, Who.physicianB),
        PATIENT_ID,
        'UNCONSCIOUS_PATIENT',
      );
      const accessId = stub.txId;
      const own = implicitCollection(Msp.ProviderA);
      assert.equal(privateHas(stub, own, NOTE_OBJECT, EMERGENCY_NOTE, accessId), true);
      await erase(stub);
      assert.equal(privateHas(stub, own, NOTE_OBJECT, EMERGENCY_NOTE, accessId), false);
      assert.deepEqual(collectionsHolding(stub, note), []);
    });

    it('purges every version of its own records; the other custodian purges its copy after', async () => {
      await erase(stub);
      const [inA, inB] = [Msp.ProviderA, Msp.ProviderB].map(implicitCollection);
      assert.equal(privateHas(stub, inA ?? '', ...contentOf(obs.recordId, 1)), false);
      assert.equal(privateHas(stub, inA ?? '', ...contentOf(obs.recordId, 2)), false);
      assert.equal(privateHas(stub, inB ?? '', ...contentOf(cond.recordId, 1)), true);
      assert.deepEqual(await eraseCopy(stub), {
        patientId: PATIENT_ID,
        erasedAt: '2026-03-05T10:00:00.000Z',
        records: 1,
        custodians: [],
      });
      assert.equal(privateHas(stub, inB ?? '', ...contentOf(cond.recordId, 1)), false);
      assert.deepEqual(
        stub.purged.filter((p) => p.collection === inB).length,
        1,
        "ProviderB's copy purged once",
      );
    });

    it('a custodian copy is not erased before the patient (FAILED_PRECONDITION)', async () => {
      assert.equal(await errorCodeOf(eraseCopy(stub)), 'FAILED_PRECONDITION');
    });

    it("only on the registering provider's peer: another peer refuses (FORBIDDEN)", async () => {
      stub.nextTx({ at: '2026-03-05T10:00:00Z' });
      stub.peerMspId = Msp.ProviderB;
      assert.equal(
        await errorCodeOf(records.erasePatient(as(stub, Who.registrarA), PATIENT_ID)),
        'FORBIDDEN',
      );
    });

    it('leaves tombstones: the patient erased with its hash kept', async () => {
      await erase(stub);
      assert.deepEqual(publicJson(stub, RecordsObject.Patient, PATIENT_ID), {
        patientId: PATIENT_ID,
        registeredBy: Msp.ProviderA,
        hash: saltedHash(SALT, DEMOGRAPHICS),
        status: 'erased',
        registeredAt: '2026-03-01T12:00:00.000Z',
        erasedAt: '2026-03-05T10:00:00.000Z',
      });
    });

    it('leaves tombstones: each record and each version erased with its hash kept', async () => {
      await erase(stub);
      const latest = publicJson(stub, RecordsObject.Record, PATIENT_ID, obs.recordId);
      assert.equal(latest.status, 'erased');
      assert.equal(latest.erasedAt, '2026-03-05T10:00:00.000Z');
      assert.equal(latest.version, 2);
      const v1 = publicJson(stub, RecordsObject.RecordVersion, obs.recordId, versionAttr(1));
      assert.equal(v1.status, 'erased');
      assert.equal(v1.hash, obs.hash);
      assert.equal(
        publicJson(stub, RecordsObject.Record, PATIENT_ID, cond.recordId).status,
        'active',
        "ProviderB's record is ProviderB's to tombstone",
      );
      await eraseCopy(stub);
      assert.equal(
        publicJson(stub, RecordsObject.Record, PATIENT_ID, cond.recordId).status,
        'erased',
      );
    });

    it('announces PatientErased with the pseudonym only', async () => {
      await erase(stub);
      assert.deepEqual(stub.lastEvent(), {
        name: 'PatientErased',
        payload: { patientId: PATIENT_ID, audience: [Msp.ProviderA, Msp.ProviderB] },
      });
    });

    it('lets the provider register the same person again, under a new pseudonym', async () => {
      await erase(stub);
      const again = await register(stub, { txId: OTHER_REGISTRATION_TX, salt: OTHER_SALT });
      assert.equal(again.patientId, OTHER_PATIENT_ID);
    });
  });

  describe("by another provider's registrar", () => {
    it('is refused (FORBIDDEN): nothing purged, the patient still active', async () => {
      assert.equal(await errorCodeOf(erase(stub, Who.registrarB)), 'FORBIDDEN');
      assert.equal(await errorCodeOf(eraseCopy(stub, Msp.ProviderB, Who.registrarB)), 'FORBIDDEN');
      assert.equal(stub.purged.length, 0);
      assert.equal(
        privateHas(stub, implicitCollection(Msp.ProviderA), RecordsObject.Mrn, mrnAttr),
        true,
      );
      assert.equal(publicJson(stub, RecordsObject.Patient, PATIENT_ID).status, 'active');
    });
  });

  describe('refuses', () => {
    it('a patient already erased (ERASED)', async () => {
      await erase(stub);
      assert.equal(await errorCodeOf(erase(stub)), 'ERASED');
    });

    it('an unknown patient (NOT_FOUND)', async () => {
      assert.equal(await errorCodeOf(erase(stub, Who.registrarA, OTHER_PATIENT_ID)), 'NOT_FOUND');
    });

    it('a patient ID of the wrong form (INVALID_ARGUMENT)', async () => {
      assert.equal(
        await errorCodeOf(erase(stub, Who.registrarA, 'Amelia Hartwell')),
        'INVALID_ARGUMENT',
      );
    });

    for (const who of [Who.patient, Who.physicianA, Who.adminB, Who.adjudicator]) {
      it(`role ${who.role} (FORBIDDEN)`, async () => {
        assert.equal(await errorCodeOf(erase(stub, who)), 'FORBIDDEN');
      });
    }

    it('a registrar outside the providers (FORBIDDEN)', async () => {
      assert.equal(
        await errorCodeOf(erase(stub, { ...Who.registrarA, mspId: Msp.Insurer })),
        'FORBIDDEN',
      );
    });
  });
});

describe('records.erasureEndorsers', () => {
  async function endorsers(
    stub: FakeStub,
    who: IdentityOptions = Who.registrarA,
  ): Promise<string[]> {
    stub.nextTx({ at: T0 });
    return JSON.parse(await records.erasureEndorsers(as(stub, who), PATIENT_ID)) as string[];
  }

  it('names the registering provider alone when it wrote every record', async () => {
    const stub = await world();
    await add(stub, observation());
    assert.deepEqual(await endorsers(stub), [Msp.ProviderA]);
  });

  it('adds every other author organisation', async () => {
    const stub = await world();
    await add(stub, observation());
    await add(stub, condition(), { who: Who.physicianB });
    assert.deepEqual(await endorsers(stub), [Msp.ProviderA, Msp.ProviderB]);
  });

  it("is for the registering provider's registrars only (FORBIDDEN)", async () => {
    const stub = await world();
    assert.equal(await errorCodeOf(endorsers(stub, Who.physicianA)), 'FORBIDDEN');
    assert.equal(await errorCodeOf(endorsers(stub, Who.registrarB)), 'FORBIDDEN');
  });
});
