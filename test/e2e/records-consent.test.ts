/**
 * Issue 3's end-to-end proof on the real network, with identities of the real CAs: a
 * ProviderA physician files a record; a ProviderB physician may read it only while the
 * patient's consent allows, and each read leaves an entry the patient sees, newest first;
 * a declared emergency opens the record without consent and is flagged in the trail; every
 * read goes to the record's custodian (its author's peer), the only one holding the content;
 * erasure is asked by the registering provider and each custodian purges its own copy,
 * leaving a tombstone; and no
 * name, birth date or clinical value used here reaches any block of the channel.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { phiFoundInBlocks } from './support/blocks';
import { runId } from './support/enrol';
import { failureOf } from './support/errors';
import { MSP, type OrgName, type Session } from './support/network';
import {
  evaluateBy,
  licensedPhysician,
  logAccessAtCustodian,
  patientSession,
  type Practitioner,
  type RegisteredPatient,
  readAtCustodian,
  registerPatient,
} from './support/people';
import { compositeKeyHash, purgedKeys } from './support/purges';
import { type FiledRecord, fileObservation } from './support/records';
import { salt } from './support/phi';
import { recordNote } from './support/phi-ledger';
import { SettledNetwork } from './support/settled';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A public code; what the physician writes beside it is a private note (PHI). */
const EMERGENCY_REASON = 'UNCONSCIOUS_PATIENT';

interface AccessEntry {
  accessId: string;
  recordId: string;
  readerMsp: string;
  practitionerId?: string;
  purpose: string;
  emergency: boolean;
  at: string;
}

describe('records, consent and the access trail, on the real network', function () {
  this.timeout(180_000);
  const net = new SettledNetwork();
  const run = runId();
  let patientId = '';
  let patient: RegisteredPatient;
  let patientUser: Session;
  let physicianA: Practitioner;
  let physicianB: Practitioner;
  let emergencyPhysician: Practitioner;
  let recordA: FiledRecord;
  let recordB: FiledRecord;
  let consentId: string;
  const accessIds: { consented?: string; emergency?: string } = {};
  const emergencyNote = `seizure at home ${run}, brought in by neighbour`;
  let emergencyAccessId = '';
  after(() => net.close());

  before(async () => {
    [physicianA, physicianB, emergencyPhysician] = await Promise.all([
      licensedPhysician(net, 'providera', `pr-a-${run}`),
      licensedPhysician(net, 'providerb', `pr-b-${run}`),
      licensedPhysician(net, 'providerb', `pr-be-${run}`),
    ]);
    patient = await registerPatient(net, 'providera', run);
    patientId = patient.patientId;
    patientUser = await patientSession(net, 'providera', patientId);
  });

  /** Evaluated on the peer of the record's custodian, the only one that holds the content. */
  async function read(who: Practitioner, recordId: string) {
    return readAtCustodian(who, recordId);
  }

  async function logAccess(who: Practitioner, recordId: string): Promise<string> {
    return logAccessAtCustodian(who, recordId);
  }

  async function accessLog(): Promise<AccessEntry[]> {
    const page = JSON.parse(
      await patientUser
        .contract('consent')
        .evaluate('listAccessLog', { args: [patientId, '100', ''] }),
    );
    return page.items;
  }

  /** verifyDemographics by ORG's registrar on ORG's own peer. */
  async function demographicsOn(org: OrgName) {
    const registrar = await net.as(org, 'registrar1');
    return registrar.contract('records').evaluate('verifyDemographics', {
      args: [patientId],
      transient: { payload: JSON.stringify(patient.person), salt: patient.salt },
      endorsingOrganizations: [MSP[org]],
    });
  }

  describe('consent', () => {
    it("ProviderA's physician adds a record: public metadata, content private", async () => {
      recordA = await fileObservation(await physicianA.session(), 'providera', patientId, run, 1);
      assert.equal(recordA.version, 1);
      const history = await evaluateBy(physicianA, 'records', 'recordHistory', recordA.recordId);
      assert.equal(history.length, 1);
      assert.deepEqual(
        [history[0].authorMsp, history[0].authorPractitionerId, history[0].category],
        [MSP.providera, physicianA.practitionerId, 'observation'],
      );
      assert.equal(history[0].hash, recordA.hash);
      assert.equal(history[0].resource, undefined);
    });

    it("ProviderB's physician is refused without consent, and does not even see the record", async () => {
      assert.equal(await failureOf(logAccess(physicianB, recordA.recordId)), 'FORBIDDEN');
      assert.equal(await failureOf(read(physicianB, recordA.recordId)), 'FORBIDDEN');
      const listed = await evaluateBy(physicianB, 'records', 'listRecords', patientId, '10', '');
      assert.deepEqual(listed.items, []);
    });

    it('the patient grants ProviderB treatment consent for all categories', async () => {
      const request = {
        patientId,
        grantee: { kind: 'organisation', mspId: MSP.providerb },
        scope: 'all',
        purpose: 'treatment',
        validFrom: new Date(Date.now() - 5 * 60_000).toISOString(),
        validTo: new Date(Date.now() + 60 * 60_000).toISOString(),
      };
      const committed = await patientUser
        .contract('consent')
        .submit('grantConsent', { args: [JSON.stringify(request)] });
      const consent = JSON.parse(committed.result);
      assert.equal(consent.status, 'active');
      assert.deepEqual(consent.grantee, request.grantee);
      consentId = consent.consentId;
      const listed = JSON.parse(
        await patientUser.contract('consent').evaluate('listConsents', { args: [patientId] }),
      );
      assert.deepEqual(
        listed.map((c: { consentId: string; status: string }) => [c.consentId, c.status]),
        [[consentId, 'active']],
      );
    });

    it("ProviderB's physician logs the access and reads the record: the same value", async () => {
      accessIds.consented = await logAccess(physicianB, recordA.recordId);
      const got = await read(physicianB, recordA.recordId);
      assert.equal(got.resource.valueQuantity.value, recordA.value);
      assert.deepEqual(got.resource, recordA.resource);
      assert.equal(got.salt, recordA.salt);
      assert.deepEqual([got.metadata.recordId, got.metadata.version], [recordA.recordId, 1]);
      // The copy verifies against the ledger's hash, for anyone (here the insurer).
      const insurer = (await net.as('insurer', 'adjudicator1')).contract('records');
      const verified = JSON.parse(
        await insurer.evaluate('verifyRecord', {
          args: [recordA.recordId, ''],
          transient: { payload: JSON.stringify(got.resource), salt: got.salt },
        }),
      );
      assert.deepEqual([verified.matches, verified.ledgerHash], [true, recordA.hash]);
    });

    it('the patient revokes; ProviderB is refused again, its fresh access entry notwithstanding', async () => {
      const committed = await patientUser
        .contract('consent')
        .submit('revokeConsent', { args: [patientId, consentId] });
      assert.equal(JSON.parse(committed.result).status, 'revoked');
      assert.equal(await failureOf(read(physicianB, recordA.recordId)), 'FORBIDDEN');
      assert.equal(await failureOf(logAccess(physicianB, recordA.recordId)), 'FORBIDDEN');
    });

    it("the patient's access log shows exactly that one access", async () => {
      const log = await accessLog();
      assert.deepEqual(
        log.map((e) => [e.accessId, e.recordId, e.readerMsp, e.practitionerId, e.purpose]),
        [
          [
            accessIds.consented,
            recordA.recordId,
            MSP.providerb,
            physicianB.practitionerId,
            'treatment',
          ],
        ],
      );
      assert.equal(log[0]?.emergency, false);
    });
  });

  describe('emergency access', () => {
    it('another ProviderB physician is refused until declaring an emergency', async () => {
      assert.equal(await failureOf(logAccess(emergencyPhysician, recordA.recordId)), 'FORBIDDEN');
      // Declared on the peer of the patient's registering provider, which attests it.
      const declared = await (
        await emergencyPhysician.session()
      )
        .contract('consent')
        .submit('declareEmergencyAccess', {
          args: [patientId, EMERGENCY_REASON],
          transient: { payload: JSON.stringify({ note: emergencyNote }), salt: salt() },
          endorsingOrganizations: [MSP.providera],
        });
      // Kept by ProviderA, the registering provider, alone: the placement scan checks it.
      recordNote('emergency note', MSP.providera, emergencyNote, patientId);
      assert.ok(!declared.result.includes(emergencyNote), 'not in the answer');
      const access = JSON.parse(declared.result);
      emergencyAccessId = access.accessId;
      assert.deepEqual(
        [access.patientId, access.practitionerId, access.mspId, access.reason],
        [patientId, emergencyPhysician.practitionerId, MSP.providerb, EMERGENCY_REASON],
      );
      assert.equal(Date.parse(access.expiresAt) - Date.parse(access.grantedAt), 60 * 60_000);
    });

    it('with the emergency declared, that physician logs the access and reads the record', async () => {
      accessIds.emergency = await logAccess(emergencyPhysician, recordA.recordId);
      const got = await read(emergencyPhysician, recordA.recordId);
      assert.equal(got.resource.valueQuantity.value, recordA.value);
    });

    it('the patient sees the emergency declaration', async () => {
      const declared = JSON.parse(
        await patientUser
          .contract('consent')
          .evaluate('listEmergencyAccesses', { args: [patientId] }),
      );
      assert.deepEqual(
        declared.map((d: { practitionerId: string; reason: string }) => [
          d.practitionerId,
          d.reason,
        ]),
        [[emergencyPhysician.practitionerId, EMERGENCY_REASON]],
      );
    });

    it("the patient reads the note on ProviderA's peer; ProviderB's peer holds none", async () => {
      const [declared] = JSON.parse(
        await patientUser
          .contract('consent')
          .evaluate('listEmergencyAccesses', { args: [patientId] }),
      ) as { accessId: string }[];
      const accessId = declared?.accessId ?? '';
      const read = (org: OrgName) =>
        patientUser.contract('consent').evaluate('emergencyNote', {
          args: [patientId, accessId],
          endorsingOrganizations: [MSP[org]],
        });
      assert.deepEqual(JSON.parse(await read('providera')), {
        accessId,
        patientId,
        reason: EMERGENCY_REASON,
        note: emergencyNote,
      });
      assert.equal(await failureOf(read('providerb')), 'FORBIDDEN');
    });

    it('the access log lists both accesses, newest first, the emergency one flagged', async () => {
      const log = await accessLog();
      assert.deepEqual(
        log.map((e) => [e.accessId, e.practitionerId, e.readerMsp, e.emergency]),
        [
          [accessIds.emergency, emergencyPhysician.practitionerId, MSP.providerb, true],
          [accessIds.consented, physicianB.practitionerId, MSP.providerb, false],
        ],
      );
      assert.ok(Date.parse(log[0]?.at ?? '') >= Date.parse(log[1]?.at ?? ''));
    });
  });

  describe('erasure', () => {
    it('before it, the private data is there: records of each provider, the demographics', async () => {
      // ProviderB files a record too, so the erasure needs both providers' endorsement.
      recordB = await fileObservation(await physicianB.session(), 'providerb', patientId, run, 2);
      assert.deepEqual(JSON.parse(await demographicsOn('providera')), {
        patientId,
        matchesLedger: true,
        matchesPrivateCopy: true,
      });
      // The demographics are ProviderA's to check: ProviderB's front desk is refused.
      assert.equal(await failureOf(demographicsOn('providerb')), 'FORBIDDEN');
      // The emergency physician reads ProviderB's copy; ProviderA's physician ProviderA's.
      assert.equal(
        (await read(emergencyPhysician, recordA.recordId)).resource.valueQuantity.value,
        recordA.value,
      );
      await logAccess(physicianA, recordA.recordId);
      assert.equal(
        (await read(physicianA, recordA.recordId)).resource.valueQuantity.value,
        recordA.value,
      );
    });

    it('registrar1 erases the patient, endorsed by the registering and the authoring providers', async () => {
      const registrar = await net.as('providera', 'registrar1');
      const records = registrar.contract('records');
      const endorsers = JSON.parse(
        await records.evaluate('erasureEndorsers', { args: [patientId] }),
      );
      assert.deepEqual(endorsers, [MSP.providera, MSP.providerb]);
      // ProviderA, on its own peer: its demographics, MRN index entry, emergency note and record.
      const committed = await records.submit('erasePatient', {
        args: [patientId],
        endorsingOrganizations: [MSP.providera],
      });
      const erasure = JSON.parse(committed.result);
      assert.deepEqual(
        [erasure.patientId, erasure.records, erasure.custodians],
        [patientId, 1, [MSP.providerb]],
      );
      // ProviderB, on its own peer (every peer has the erasure: SettledNetwork): its record.
      const copy = await records.submit('eraseCustodianCopy', {
        args: [patientId],
        endorsingOrganizations: [MSP.providerb],
      });
      assert.deepEqual(JSON.parse(copy.result).records, 1);

      // Each custodian purged its own keys, in its own implicit collection, and nothing else.
      const content = (r: FiledRecord) =>
        compositeKeyHash('recordContent', r.recordId, String(r.version).padStart(6, '0'));
      const key = (p: { collection: string; keyHash: string }) => `${p.collection} ${p.keyHash}`;
      const [inA, inB] = [`_implicit_org_${MSP.providera}`, `_implicit_org_${MSP.providerb}`];
      const purgedA = (
        await purgedKeys(registrar.network, committed.blockNumber, committed.transactionId)
      ).map(key);
      const known = [
        key({ collection: inA, keyHash: compositeKeyHash('demographics', patientId) }),
        key({ collection: inA, keyHash: content(recordA) }),
        key({
          collection: inA,
          keyHash: compositeKeyHash('note', 'emergency', emergencyAccessId),
        }),
      ];
      // The third is the MRN index entry, keyed by an HMAC with ProviderA's own secret: it is
      // in ProviderA's collection, and it is not the guessable hash of the MRN.
      const [mrnEntry, ...more] = purgedA.filter((k) => !known.includes(k));
      assert.deepEqual(more, []);
      assert.ok(known.every((k) => purgedA.includes(k)));
      assert.ok(mrnEntry?.startsWith(`${inA} `));
      assert.notEqual(
        mrnEntry,
        key({ collection: inA, keyHash: compositeKeyHash('mrn', sha256(patient.person.mrn)) }),
      );
      assert.deepEqual(
        (await purgedKeys(registrar.network, copy.blockNumber, copy.transactionId)).map(key),
        [key({ collection: inB, keyHash: content(recordB) })],
      );
    });

    it("afterwards, reads of the content say ERASED on each custodian's peer", async () => {
      // The emergency physician still has a fresh entry and an open window: only erasure stops it.
      assert.equal(await failureOf(read(emergencyPhysician, recordA.recordId)), 'ERASED');
      assert.equal(await failureOf(read(physicianA, recordA.recordId)), 'ERASED');
      assert.equal(await failureOf(read(physicianB, recordB.recordId)), 'ERASED');
      assert.equal(await failureOf(logAccess(physicianA, recordA.recordId)), 'ERASED');
      for (const org of ['providera', 'providerb'] as const) {
        assert.equal(await failureOf(demographicsOn(org)), 'ERASED');
      }
    });

    it('the tombstones stay: patient erased with its hash, records erased with theirs', async () => {
      const observer = await net.as('insurer', 'adjudicator1');
      const tombstone = JSON.parse(
        await observer.contract('records').evaluate('getPatient', { args: [patientId] }),
      );
      assert.equal(tombstone.status, 'erased');
      assert.equal(tombstone.hash, patient.hash);
      assert.ok(Date.parse(tombstone.erasedAt) > Date.parse(tombstone.registeredAt));
      const history = await evaluateBy(physicianA, 'records', 'recordHistory', recordA.recordId);
      assert.deepEqual(
        history.map((v: { status: string; hash: string }) => [v.status, v.hash]),
        [['erased', recordA.hash]],
      );
      // A copy kept by a reader still verifies against the tombstone's hash.
      const verified = JSON.parse(
        await observer.contract('records').evaluate('verifyRecord', {
          args: [recordA.recordId, ''],
          transient: { payload: JSON.stringify(recordA.resource), salt: recordA.salt },
        }),
      );
      assert.equal(verified.matches, true);
    });

    it('a second erasure is refused with ERASED', async () => {
      const records = (await net.as('providera', 'registrar1')).contract('records');
      const again = records.submit('erasePatient', {
        args: [patientId],
        endorsingOrganizations: [MSP.providera, MSP.providerb],
      });
      assert.equal(await failureOf(again), 'ERASED');
    });
  });

  describe('after the run', () => {
    it('no name, birth date or clinical value used here appears in any block', async () => {
      const session = await net.as('insurer', 'orgadmin');
      const phi = [
        patient.person.givenName,
        patient.person.familyName,
        patient.person.birthDate,
        patient.person.address,
        patient.person.mrn,
        emergencyNote,
        recordA.resource.code.text,
        String(recordA.value),
        String(recordB.value),
      ];
      assert.deepEqual(await phiFoundInBlocks(session.network, phi), []);
      // The scan does see what is public.
      assert.deepEqual(await phiFoundInBlocks(session.network, [patientId, recordA.recordId]), [
        patientId,
        recordA.recordId,
      ]);
    });
  });
});
