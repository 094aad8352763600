/**
 * The records and consent scenario driven entirely over HTTPS through the organisations'
 * gateways, with users registered and enrolled through the real CAs: registration, a record
 * filed and read (access entry first), consent granted and revoked across providers, break
 * the glass, the patient's access log, verification, erasure, the events of all of it over
 * SSE (resumable), and no PHI of the run in any block.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { phiFoundInBlocks } from '../support/blocks';
import { MSP, TestNetwork } from '../support/network';
import { bodyOf, committedOf, expectError, expectStatus, type User } from './support/http';
import { recordNote } from '../support/phi-ledger';
import { aboutPatient, EventReader } from './support/sse';
import { runId, World } from './support/world';

const Read = z.object({
  metadata: z.object({ recordId: z.string(), patientId: z.string(), version: z.int() }),
  resource: z.record(z.string(), z.unknown()),
  salt: z.string(),
  access: z.object({ accessId: z.string(), transactionId: z.string(), blockNumber: z.int() }),
});
const AccessLog = z.object({
  items: z.array(z.object({ recordId: z.string(), readerMsp: z.string(), emergency: z.boolean() })),
  bookmark: z.string(),
});

const Registration = committedOf(z.object({ patientId: z.string(), hash: z.string() }));

describe('records and consent over HTTPS', function () {
  this.timeout(180_000);
  const net = new TestNetwork();
  const world = new World(net);
  const run = runId();
  // Made by the chaincode at registration (before).
  let patientId = '';
  let registration: z.output<typeof Registration>;
  const demographics = {
    mrn: `MRN-H${run}`,
    givenName: `Wilhelmina${run}`,
    familyName: `Featherstonehaugh${run}`,
    birthDate: '1958-03-14',
  };
  const resource = {
    resourceType: 'Observation',
    status: 'final',
    code: { text: `Glucose h${run}` },
    valueQuantity: { value: 97531.25, unit: 'mg/dL' },
  };
  let registrar: User;
  let physicianA: User;
  let physicianB: User;
  let patient: User;
  let stream: EventReader;
  let recordId: string;
  let salt: string;
  let consentId: string;

  before(async () => {
    [registrar, physicianA, physicianB] = await Promise.all([
      world.login('providera', 'registrar1'),
      world.licensedPhysician('providera', `pr-ha-${run}`),
      world.licensedPhysician('providerb', `pr-hb-${run}`),
    ]);
    registration = bodyOf(
      Registration,
      expectStatus(await registrar.post('/patients', { demographics }), 201),
    );
    patientId = registration.result.patientId;
    await world.settle(registration.blockNumber);
    patient = await world.newUser('providera', `http-${run}-patient`, {
      role: 'patient',
      patientId,
    });
    // From the registration's block: the patient exists (and so may stream) only after it.
    stream = await EventReader.open(patient, { query: `?fromBlock=${registration.blockNumber}` });
  });
  after(() => {
    stream?.close();
    world.close();
    net.close();
  });

  it("the registrar registers the patient: 201 with the chaincode's pseudonym, the transaction and its block", async () => {
    assert.match(registration.result.patientId, /^pat-[0-9a-f]{32}$/);
    const registered = bodyOf(
      z.object({ patientId: z.string(), registeredBy: z.string() }),
      expectStatus(await registrar.get(`/patients/${patientId}`), 200),
    );
    assert.deepEqual(registered, { patientId, registeredBy: 'ProviderAMSP' });
    // The same person again (a retry after a lost answer): a new pseudonym is proposed, and
    // the MRN index refuses it.
    expectError(await registrar.post('/patients', { demographics }), 409, 'CONFLICT');
  });

  it('registers one person sent twice at once only once: 201 and 409, whatever the retries', async () => {
    // Both proposals find the MRN free; the later to commit loses an MVCC race on the MRN
    // index and the gateway retries it with a fresh proposal (a new pseudonym), which the
    // index then refuses.
    const twin = { ...demographics, mrn: `MRN-HT${run}`, givenName: `Twin${run}` };
    const answers = await Promise.all([
      registrar.post('/patients', { demographics: twin }),
      registrar.post('/patients', { demographics: twin }),
    ]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409]);
    const conflict = answers.find((a) => a.status === 409);
    if (conflict !== undefined) expectError(conflict, 409, 'CONFLICT');
    const created = answers.find((a) => a.status === 201);
    if (created !== undefined) await world.settle(bodyOf(Registration, created).blockNumber);
  });

  it("refuses a client's pseudonym with 400 naming patientId, before anything is signed", async () => {
    const res = await registrar.post('/patients', {
      patientId: 'pat-wilhelmina19580314',
      demographics: { ...demographics, mrn: `MRN-H2${run}` },
    });
    const error = expectError(res, 400, 'INVALID_ARGUMENT');
    assert.equal(error.field, 'patientId');
    assert.match(error.message, /made by the chaincode/);
  });

  it('refuses an unknown field with 400 naming it, before anything is signed', async () => {
    const res = await registrar.post('/patients', { demographics, ssn: '123' });
    assert.equal(expectError(res, 400, 'INVALID_ARGUMENT').field, 'ssn');
  });

  it("ProviderA's physician files an Observation", async () => {
    const res = expectStatus(
      await physicianA.post(`/patients/${patientId}/records`, { resource }),
      201,
    );
    const body = bodyOf(
      committedOf(z.object({ recordId: z.string(), version: z.literal(1) })),
      res,
    );
    recordId = body.result.recordId;
    await world.settle(body.blockNumber);
  });

  it('the physician reads it back in one request: the access is logged first, then the content', async () => {
    const read = bodyOf(
      Read,
      expectStatus(await physicianA.get(`/records/${recordId}?purpose=treatment`), 200),
    );
    assert.deepEqual(read.resource, resource);
    assert.equal(read.metadata.patientId, patientId);
    salt = read.salt;
    await world.settle(read.access.blockNumber);
  });

  it('a copy verifies against the ledger hash; an altered copy does not', async () => {
    const same = await physicianA.post(`/records/${recordId}/verification`, { resource, salt });
    assert.equal(bodyOf(z.object({ matches: z.boolean() }), expectStatus(same, 200)).matches, true);
    const altered = { ...resource, valueQuantity: { value: 1, unit: 'mg/dL' } };
    const other = await physicianA.post(`/records/${recordId}/verification`, {
      resource: altered,
      salt,
    });
    assert.equal(
      bodyOf(z.object({ matches: z.boolean() }), expectStatus(other, 200)).matches,
      false,
    );
  });

  it("ProviderB's physician is refused without consent: 403", async () => {
    expectError(await physicianB.get(`/records/${recordId}`), 403, 'FORBIDDEN');
  });

  it('the patient grants ProviderB consent; its physician then reads the record', async () => {
    const res = await patient.post('/consents', {
      patientId,
      grantee: { kind: 'organisation', mspId: MSP.providerb },
      scope: 'all',
      purpose: 'treatment',
      validFrom: new Date(Date.now() - 60_000).toISOString(),
      validTo: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const body = bodyOf(
      committedOf(z.object({ consentId: z.string(), status: z.literal('active') })),
      expectStatus(res, 201),
    );
    consentId = body.result.consentId;
    await world.settle(body.blockNumber);
    const read = bodyOf(Read, expectStatus(await physicianB.get(`/records/${recordId}`), 200));
    assert.deepEqual(read.resource, resource);
    await world.settle(read.access.blockNumber);
  });

  it('after the patient revokes the consent, ProviderB is refused again', async () => {
    const res = await patient.post(`/patients/${patientId}/consents/${consentId}/revocation`);
    const body = bodyOf(
      committedOf(z.object({ status: z.literal('revoked') })),
      expectStatus(res, 201),
    );
    await world.settle(body.blockNumber);
    expectError(await physicianB.get(`/records/${recordId}`), 403, 'FORBIDDEN');
    const twice = await patient.post(`/patients/${patientId}/consents/${consentId}/revocation`);
    expectError(twice, 409, 'CONFLICT');
  });

  it("ProviderB's physician breaks the glass and reads; the patient sees the emergency", async () => {
    const refused = await physicianB.post('/emergency-access', {
      patientId,
      reason: 'unconscious on arrival, ED',
    });
    assert.equal(expectError(refused, 400, 'INVALID_ARGUMENT').field, 'reason');
    const note = `collapsed in car park ${run}`;
    const res = await physicianB.post('/emergency-access', {
      patientId,
      reason: 'UNCONSCIOUS_PATIENT',
      note,
    });
    // With ProviderA, the patient's registering provider, alone: the placement scan checks it.
    recordNote('emergency note', MSP.providera, note, patientId);
    const declared = bodyOf(
      committedOf(z.object({ accessId: z.string(), reason: z.literal('UNCONSCIOUS_PATIENT') })),
      expectStatus(res, 201),
    );
    assert.ok(!JSON.stringify(declared).includes(note), 'not in the answer');
    await world.settle(declared.blockNumber);
    const read = bodyOf(Read, expectStatus(await physicianB.get(`/records/${recordId}`), 200));
    await world.settle(read.access.blockNumber);
    const emergencies = expectStatus(
      await patient.get(`/patients/${patientId}/emergency-access`),
      200,
    );
    assert.equal(bodyOf(z.array(z.object({ patientId: z.string() })), emergencies).length, 1);
    // The note: the patient reads it from ProviderA's peer; the physician who wrote it may not.
    const notePath = `/patients/${patientId}/emergency-access/${declared.result.accessId}/note`;
    const kept = bodyOf(
      z.object({ note: z.string() }),
      expectStatus(await patient.get(notePath), 200),
    );
    assert.equal(kept.note, note);
    expectError(await physicianB.get(notePath), 403, 'FORBIDDEN');
  });

  it("the patient's access log lists every read, newest first, the emergency flagged", async () => {
    const log = bodyOf(
      AccessLog,
      expectStatus(await patient.get(`/patients/${patientId}/access-log?pageSize=10`), 200),
    );
    assert.deepEqual(
      log.items.map((e) => [e.readerMsp, e.emergency]),
      [
        [MSP.providerb, true],
        [MSP.providerb, false],
        [MSP.providera, false],
      ],
    );
    // Another patient of ProviderA (a pseudonym in the chaincode's format).
    const stranger = await world.newUser('providera', `stranger-${run}`, {
      role: 'patient',
      patientId: `pat-${randomBytes(16).toString('hex')}`,
    });
    expectError(await stranger.get(`/patients/${patientId}/access-log`), 403, 'FORBIDDEN');
  });

  it('lists the metadata and history of the record, and the public registration', async () => {
    const list = bodyOf(
      z.object({ items: z.array(z.object({ recordId: z.string() })) }),
      expectStatus(await physicianA.get(`/patients/${patientId}/records`), 200),
    );
    assert.deepEqual(
      list.items.map((i) => i.recordId),
      [recordId],
    );
    const history = expectStatus(await physicianA.get(`/records/${recordId}/history`), 200);
    assert.equal(bodyOf(z.array(z.unknown()), history).length, 1);
    const registration = expectStatus(await physicianB.get(`/patients/${patientId}`), 200);
    assert.equal(
      bodyOf(z.object({ registeredBy: z.string() }), registration).registeredBy,
      MSP.providera,
    );
  });

  it('streams the events of the scenario over SSE, and resumes after Last-Event-ID', async () => {
    await stream.waitFor(
      (e) => e.event === 'EmergencyAccess' && e.data.payload.patientId === patientId,
    );
    const mine = aboutPatient(stream.events, patientId).map((e) => e.event);
    for (const name of [
      'PatientRegistered',
      'RecordAdded',
      'RecordAccessed',
      'ConsentGranted',
      'ConsentRevoked',
      'EmergencyAccess',
    ]) {
      assert.ok(mine.includes(name), `${name} arrived (got ${mine.join(', ')})`);
    }
    const [first, second] = aboutPatient(stream.events, patientId);
    assert.ok(first && second);
    assert.match(first.id, /^\d+:[0-9a-f]{64}$/);
    const resumed = await EventReader.open(patient, { lastEventId: first.id });
    try {
      const next = await resumed.waitFor((e) => e.data.payload.patientId === patientId);
      assert.equal(
        next.id,
        second.id,
        'the first event after the checkpoint, not the checkpoint itself',
      );
    } finally {
      resumed.close();
    }
  });

  it('erasure: the registrar erases the patient with the endorsers the chaincode names; reads get 410', async () => {
    const endorsers = expectStatus(
      await registrar.get(`/patients/${patientId}/erasure/endorsers`),
      200,
    );
    assert.deepEqual(bodyOf(z.array(z.string()), endorsers), [MSP.providera]);
    const res = await registrar.post(`/patients/${patientId}/erasure`);
    const body = bodyOf(
      committedOf(
        z.object({
          patientId: z.literal(patientId),
          records: z.literal(1),
          custodians: z.array(z.unknown()).length(0),
        }),
      ),
      expectStatus(res, 201),
    );
    await world.settle(body.blockNumber);
    expectError(await physicianA.get(`/records/${recordId}`), 410, 'ERASED');
  });

  it('no name, birth date or clinical value of this run is in any block', async () => {
    const session = await net.as('providera', 'registrar1');
    const found = await phiFoundInBlocks(session.network, [
      demographics.givenName,
      demographics.familyName,
      demographics.mrn,
      resource.code.text,
      '97531.25',
    ]);
    assert.deepEqual(found, []);
  });
});
