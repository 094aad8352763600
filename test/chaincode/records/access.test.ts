import assert from 'node:assert/strict';
import { saltedHash } from '../../../chaincode/src/shared/hash';
import { implicitCollection, Msp } from '../../../chaincode/src/shared/names';
import { errorCodeOf, type FakeStub } from '../../support/fake-stub';
import {
  add,
  type Added,
  as,
  consent,
  grant,
  logAccess,
  minutesAfterT0,
  PATIENT_ID,
  read,
  records,
  revoke,
  T0,
  Who,
  world,
  messageOf,
} from './fixtures';
import { condition, observation, OTHER_SALT, SALT } from './samples';

describe('records.logAccess then records.readRecord', () => {
  let stub: FakeStub;
  let obs: Added;
  let cond: Added;
  beforeEach(async () => {
    stub = await world();
    obs = await add(stub, observation());
    cond = await add(stub, condition());
  });

  describe('the patient', () => {
    it('reads their own record without consent, after logging the access', async () => {
      const { accessId } = await logAccess(stub, Who.patient, obs.recordId);
      assert.equal(accessId, stub.txId);
      const result = await read(stub, Who.patient, obs.recordId);
      assert.deepEqual(result.resource, observation());
      assert.equal(result.salt, SALT);
      assert.equal(result.metadata.hash, saltedHash(SALT, observation()));
      assert.equal(result.metadata.version, 1);
    });

    it("may not log an access to another patient's record (FORBIDDEN)", async () => {
      assert.equal(await errorCodeOf(logAccess(stub, Who.otherPatient, obs.recordId)), 'FORBIDDEN');
    });

    it('may not read their own record without logging the access first (FORBIDDEN)', async () => {
      const message = await messageOf(read(stub, Who.patient, obs.recordId));
      assert.match(message, /^FORBIDDEN: no fresh access entry/);
    });
  });

  describe("on the custodian's peer (the author organisation's)", () => {
    it("logging the access writes the custodian's attestation of the trail entry and the latest entry into its own implicit collection", async () => {
      const { accessId } = await logAccess(stub, Who.patient, obs.recordId);
      const attested = [...(stub.privateData.get(implicitCollection(Msp.ProviderA)) ?? [])]
        .filter(([, bytes]) => {
          const value = JSON.parse(Buffer.from(bytes).toString('utf8')) as { accessId?: string };
          return value.accessId === accessId;
        })
        .map(([key]) => stub.splitCompositeKey(key).objectType)
        .sort();
      assert.deepEqual(attested, ['access', 'lastAccess']);
    });

    it("another organisation's peer refuses to log or read it, naming the custodian (FORBIDDEN)", async () => {
      await logAccess(stub, Who.patient, obs.recordId);
      for (const call of [
        () => logAccess(stub, Who.patient, obs.recordId),
        () => read(stub, Who.patient, obs.recordId),
      ]) {
        stub.peerMspId = Msp.ProviderB;
        const message = await messageOf(call());
        assert.match(message, /^FORBIDDEN: record rec-\w+ is held by ProviderAMSP/);
      }
      stub.peerMspId = Msp.ProviderA;
      assert.deepEqual((await read(stub, Who.patient, obs.recordId)).resource, observation());
    });

    it("a public access entry without the custodian's attestation lets nobody read (FORBIDDEN)", async () => {
      await logAccess(stub, Who.patient, obs.recordId);
      // What a member's tampered peer could write alone: the public entry, not the attestation.
      stub.privateData.get(implicitCollection(Msp.ProviderA))?.forEach((bytes, key) => {
        if (key.includes('lastAccess'))
          stub.privateData.get(implicitCollection(Msp.ProviderA))?.delete(key);
      });
      const message = await messageOf(read(stub, Who.patient, obs.recordId));
      assert.match(message, /^FORBIDDEN: no fresh access entry/);
    });
  });

  describe('the access entry', () => {
    it('is announced by RecordAccessed with IDs only', async () => {
      const { accessId } = await logAccess(stub, Who.patient, obs.recordId);
      assert.deepEqual(stub.lastEvent(), {
        name: 'RecordAccessed',
        payload: {
          recordId: obs.recordId,
          patientId: PATIENT_ID,
          accessId,
          emergency: false,
          audience: [Msp.ProviderA],
        },
      });
    });

    it("lands in the patient's access log: who, organisation, record, purpose, when", async () => {
      await logAccess(stub, Who.physicianA, obs.recordId, 'treatment', '2026-03-01T12:05:00Z');
      stub.nextTx();
      const log = JSON.parse(
        await consent.listAccessLog(as(stub, Who.patient), PATIENT_ID, '10', ''),
      ) as {
        items: Record<string, unknown>[];
      };
      assert.equal(log.items.length, 1);
      assert.deepEqual(log.items[0], {
        accessId: log.items[0]?.accessId,
        patientId: PATIENT_ID,
        recordId: obs.recordId,
        readerId: 'x509::CN=dr-a1,OU=client::CN=ca.ProviderAMSP',
        readerMsp: Msp.ProviderA,
        practitionerId: 'prac-a1',
        role: 'physician',
        purpose: 'treatment',
        emergency: false,
        at: '2026-03-01T12:05:00.000Z',
      });
    });

    it('stays fresh for less than 15 minutes', async () => {
      await logAccess(stub, Who.patient, obs.recordId, 'treatment', T0);
      const justInTime = await read(stub, Who.patient, obs.recordId, '', minutesAfterT0(14));
      assert.equal(justInTime.metadata.recordId, obs.recordId);
      assert.equal(
        await errorCodeOf(read(stub, Who.patient, obs.recordId, '', minutesAfterT0(15))),
        'FORBIDDEN',
      );
    });

    it('counts only for the record it names', async () => {
      await logAccess(stub, Who.patient, obs.recordId);
      assert.equal(await errorCodeOf(read(stub, Who.patient, cond.recordId)), 'FORBIDDEN');
    });

    it('counts only for the reader who logged it', async () => {
      await grant(stub);
      await logAccess(stub, Who.physicianB, obs.recordId);
      assert.equal(await errorCodeOf(read(stub, Who.nurseB, obs.recordId)), 'FORBIDDEN');
    });
  });

  describe("the author organisation's practitioners", () => {
    it('read its records for treatment without consent', async () => {
      await logAccess(stub, Who.nurseA, obs.recordId);
      assert.deepEqual((await read(stub, Who.nurseA, obs.recordId)).resource, observation());
    });

    it('need consent for any other purpose (FORBIDDEN)', async () => {
      assert.equal(
        await errorCodeOf(logAccess(stub, Who.physicianA, obs.recordId, 'research')),
        'FORBIDDEN',
      );
    });
  });

  describe("another organisation's practitioner", () => {
    it('is refused without consent, with the reason (FORBIDDEN)', async () => {
      const message = await messageOf(logAccess(stub, Who.physicianB, obs.recordId));
      assert.match(message, /^FORBIDDEN: .*NO_CONSENT/);
    });

    it("reads under the patient's consent to their organisation", async () => {
      await grant(stub);
      await logAccess(stub, Who.physicianB, obs.recordId);
      assert.deepEqual((await read(stub, Who.physicianB, obs.recordId)).resource, observation());
    });

    it("reads under a consent to them personally; their colleague doesn't", async () => {
      await grant(stub, {
        grantee: { kind: 'practitioner', mspId: Msp.ProviderB, practitionerId: 'prac-b1' },
      });
      await logAccess(stub, Who.physicianB, obs.recordId);
      assert.equal(
        (await read(stub, Who.physicianB, obs.recordId)).metadata.recordId,
        obs.recordId,
      );
      assert.equal(await errorCodeOf(logAccess(stub, Who.nurseB, obs.recordId)), 'FORBIDDEN');
    });

    it('is refused a category the consent does not cover (FORBIDDEN OUT_OF_SCOPE)', async () => {
      await grant(stub, { scope: ['observation'] });
      await logAccess(stub, Who.physicianB, obs.recordId);
      assert.match(await messageOf(logAccess(stub, Who.physicianB, cond.recordId)), /OUT_OF_SCOPE/);
    });

    it('is refused for a purpose the consent does not give (FORBIDDEN WRONG_PURPOSE)', async () => {
      await grant(stub, { purpose: 'research' });
      assert.match(
        await messageOf(logAccess(stub, Who.physicianB, obs.recordId, 'treatment')),
        /^FORBIDDEN: .*WRONG_PURPOSE/,
      );
    });

    it('is refused once the consent has expired (FORBIDDEN EXPIRED)', async () => {
      await grant(stub, { validTo: '2026-03-01T13:00:00Z' });
      const at = '2026-03-01T13:00:00Z';
      assert.match(
        await messageOf(logAccess(stub, Who.physicianB, obs.recordId, 'treatment', at)),
        /^FORBIDDEN: .*EXPIRED/,
      );
    });

    it('is refused before the consent starts (FORBIDDEN NOT_YET_VALID)', async () => {
      await grant(stub, { validFrom: '2026-04-01T00:00:00Z' });
      assert.match(
        await messageOf(logAccess(stub, Who.physicianB, obs.recordId)),
        /^FORBIDDEN: .*NOT_YET_VALID/,
      );
    });

    it('is refused after the patient revoked the consent (FORBIDDEN REVOKED)', async () => {
      const consentId = await grant(stub);
      await revoke(stub, consentId);
      assert.match(
        await messageOf(logAccess(stub, Who.physicianB, obs.recordId)),
        /^FORBIDDEN: .*REVOKED/,
      );
    });

    it('cannot read any more once the consent is revoked, even with a fresh access entry', async () => {
      const consentId = await grant(stub);
      await logAccess(stub, Who.physicianB, obs.recordId);
      await revoke(stub, consentId, minutesAfterT0(1));
      const message = await messageOf(
        read(stub, Who.physicianB, obs.recordId, '', minutesAfterT0(2)),
      );
      assert.match(message, /^FORBIDDEN: .*REVOKED/);
    });

    it('cannot read past the end of the consent, even with a fresh access entry', async () => {
      await grant(stub, { validTo: minutesAfterT0(5) });
      await logAccess(stub, Who.physicianB, obs.recordId);
      assert.equal(
        await errorCodeOf(read(stub, Who.physicianB, obs.recordId, '', minutesAfterT0(6))),
        'FORBIDDEN',
      );
    });

    it('reads in an emergency declared without consent, and the entry says emergency', async () => {
      stub.nextTx({ at: T0 });
      await consent.declareEmergencyAccess(
        as(stub, Who.physicianB),
        PATIENT_ID,
        'UNCONSCIOUS_PATIENT',
      );
      const { accessId } = await logAccess(stub, Who.physicianB, obs.recordId);
      assert.deepEqual(stub.lastEvent()?.payload, {
        recordId: obs.recordId,
        patientId: PATIENT_ID,
        accessId,
        emergency: true,
        audience: [Msp.ProviderA, Msp.ProviderB],
      });
      assert.deepEqual((await read(stub, Who.physicianB, obs.recordId)).resource, observation());
    });
  });

  describe('refuses', () => {
    for (const who of [Who.registrarA, Who.adjudicator, Who.adminB, Who.insurerPhysician]) {
      it(`role ${who.role} at ${who.mspId}, to log or read (FORBIDDEN)`, async () => {
        assert.equal(await errorCodeOf(logAccess(stub, who, obs.recordId)), 'FORBIDDEN');
        assert.equal(await errorCodeOf(read(stub, who, obs.recordId)), 'FORBIDDEN');
      });
    }

    it('an unknown record (NOT_FOUND)', async () => {
      assert.equal(
        await errorCodeOf(logAccess(stub, Who.patient, 'rec-nosuchrecord')),
        'NOT_FOUND',
      );
      assert.equal(await errorCodeOf(read(stub, Who.patient, 'rec-nosuchrecord')), 'NOT_FOUND');
    });

    it('a record ID of the wrong form (INVALID_ARGUMENT)', async () => {
      assert.equal(await errorCodeOf(logAccess(stub, Who.patient, 'x')), 'INVALID_ARGUMENT');
    });

    it('a purpose outside treatment, payment, research (INVALID_ARGUMENT)', async () => {
      assert.match(
        await messageOf(logAccess(stub, Who.patient, obs.recordId, 'curiosity')),
        /^INVALID_ARGUMENT: purpose: /,
      );
    });

    for (const version of ['0', 'latest', '-1', '1.5']) {
      it(`the version "${version}" (INVALID_ARGUMENT)`, async () => {
        await logAccess(stub, Who.patient, obs.recordId);
        assert.equal(
          await errorCodeOf(read(stub, Who.patient, obs.recordId, version)),
          'INVALID_ARGUMENT',
        );
      });
    }

    it('a version that does not exist (NOT_FOUND)', async () => {
      await logAccess(stub, Who.patient, obs.recordId);
      assert.equal(await errorCodeOf(read(stub, Who.patient, obs.recordId, '2')), 'NOT_FOUND');
    });
  });

  describe('versions', () => {
    it('reads the latest by default and any earlier version by number', async () => {
      const fixed = observation({ valueQuantity: { value: 128, unit: 'mmHg' } });
      await add(stub, fixed, { replaces: obs.recordId, salt: OTHER_SALT });
      await logAccess(stub, Who.patient, obs.recordId);
      const latest = await read(stub, Who.patient, obs.recordId);
      assert.deepEqual(latest.resource, fixed);
      assert.equal(latest.metadata.version, 2);
      assert.equal(latest.salt, OTHER_SALT);
      const first = await read(stub, Who.patient, obs.recordId, '1');
      assert.deepEqual(first.resource, observation());
      assert.equal(first.metadata.version, 1);
      assert.equal(first.salt, SALT);
    });
  });

  describe('after erasure', () => {
    it('says ERASED to logAccess and to readRecord, even with an entry logged before', async () => {
      await logAccess(stub, Who.patient, obs.recordId);
      stub.nextTx({ at: T0 });
      await records.erasePatient(as(stub, Who.registrarA), PATIENT_ID);
      assert.equal(await errorCodeOf(read(stub, Who.patient, obs.recordId)), 'ERASED');
      assert.equal(await errorCodeOf(logAccess(stub, Who.patient, obs.recordId)), 'ERASED');
    });
  });
});
