/**
 * The credentials scenario over HTTPS: the board's officer issues a licence through the
 * board's gateway; the physician files a record; a suspension stops the next record with
 * 403 CREDENTIAL_INVALID until reinstated; renewal, revocation (final: 422 on renewal),
 * duplicate issue (409), a provider user refused (403), verification from every
 * organisation's gateway, and the full history.
 */
import assert from 'node:assert/strict';
import { z } from 'zod';
import { MSP, type OrgName, TestNetwork } from '../support/network';
import { bodyOf, committedOf, expectError, expectStatus, type User } from './support/http';
import { recordNote } from '../support/phi-ledger';
import { EventReader } from './support/sse';
import { day, ORGS, runId, World } from './support/world';

const Credential = z.object({
  licenceNumber: z.string(),
  practitionerId: z.string(),
  status: z.enum(['active', 'suspended', 'revoked']),
  issuingBoard: z.string(),
  validTo: z.string(),
});
const Verification = z.object({ valid: z.boolean(), reason: z.string() });

describe('credentials over HTTPS', function () {
  this.timeout(180_000);
  const net = new TestNetwork();
  const world = new World(net);
  const run = runId();
  const practitionerId = `pr-hc-${run}`;
  const licenceNumber = `LIC-hc-${run}`;
  let patientId = '';
  const observation = {
    resourceType: 'Observation',
    status: 'final',
    code: { text: 'pulse' },
    valueInteger: 64,
  };
  let officer: User;
  let physician: User;
  let registrar: User;
  let stream: EventReader;

  before(async () => {
    [officer, physician, registrar] = await Promise.all([
      world.login('board', 'officer1'),
      world.newUser('providera', practitionerId, { role: 'physician', practitionerId }),
      world.login('providera', 'registrar1'),
    ]);
    stream = await EventReader.open(officer, {
      query:
        '?names=CredentialIssued,CredentialSuspended,CredentialReinstated,CredentialRenewed,CredentialRevoked',
    });
    const registered = await registrar.post('/patients', {
      demographics: {
        mrn: `MRN-HC${run}`,
        givenName: 'Test',
        familyName: `Person${run}`,
        birthDate: '1970-01-01',
      },
    });
    const answer = bodyOf(
      committedOf(z.object({ patientId: z.string(), hash: z.string() })),
      expectStatus(registered, 201),
    );
    patientId = answer.result.patientId;
    await world.settle(answer.blockNumber);
  });
  after(() => {
    stream?.close();
    world.close();
    net.close();
  });

  /** A change by the officer: committed, then settled on every peer. */
  async function change(path: string, body?: object) {
    const res = await officer.post(path, body);
    const committed = bodyOf(committedOf(Credential), expectStatus(res, 201));
    await world.settle(committed.blockNumber);
    return committed.result;
  }

  /** The licence verified by USER of ORG for the physician acting at ProviderA. */
  async function verifyAt(org: OrgName, user: string) {
    const someone = await world.login(org, user);
    const url = `/credentials/${licenceNumber}/verification?organisation=${MSP.providera}`;
    return bodyOf(Verification, expectStatus(await someone.get(url), 200));
  }

  async function file() {
    return physician.post(`/patients/${patientId}/records`, { resource: observation });
  }

  it('the officer issues the licence through the board gateway: 201, active, issued by the board', async () => {
    const credential = await change('/credentials', {
      practitionerId,
      licenceNumber,
      licenceType: 'physician',
      organisation: MSP.providera,
      specialty: 'cardiology',
      jurisdiction: 'US-CA',
      validFrom: day(-1),
      validTo: day(365),
    });
    assert.deepEqual([credential.status, credential.issuingBoard], ['active', MSP.board]);
  });

  it('issuing the same licence again is a 409', async () => {
    const res = await officer.post('/credentials', {
      practitionerId,
      licenceNumber,
      licenceType: 'physician',
      organisation: MSP.providera,
      specialty: 'cardiology',
      jurisdiction: 'US-CA',
      validFrom: day(-1),
      validTo: day(365),
    });
    expectError(res, 409, 'CONFLICT');
  });

  it("a provider's registrar may not issue a licence: 403", async () => {
    const res = await registrar.post('/credentials', {
      practitionerId: `pr-x-${run}`,
      licenceNumber: `LIC-x-${run}`,
      licenceType: 'nurse',
      organisation: MSP.providera,
      specialty: 'general',
      jurisdiction: 'US-CA',
      validFrom: day(-1),
      validTo: day(30),
    });
    expectError(res, 403, 'FORBIDDEN');
  });

  it('the licensed physician files a record', async () => {
    const res = expectStatus(await file(), 201);
    await world.settle(bodyOf(committedOf(z.unknown()), res).blockNumber);
  });

  it('a free-text reason is refused with 400 naming reason and listing the codes', async () => {
    const res = await officer.post(`/credentials/${licenceNumber}/suspension`, {
      reason: 'pending review',
    });
    const error = expectError(res, 400, 'INVALID_ARGUMENT');
    assert.equal(error.field, 'reason');
    assert.match(error.message, /must be one of DISCIPLINARY_ACTION, .*LAPSED_INSURANCE/);
  });

  it('after a suspension the next record is refused with 403 CREDENTIAL_INVALID', async () => {
    const note = `hearing ${run} set for the ninth`;
    const suspended = await change(`/credentials/${licenceNumber}/suspension`, {
      reason: 'PENDING_INVESTIGATION',
      note,
    });
    recordNote('licence note', MSP.board, note);
    assert.equal(suspended.status, 'suspended');
    // The history anyone reads has the code, never the note.
    const history = expectStatus(await officer.get(`/credentials/${licenceNumber}/history`), 200);
    const text = JSON.stringify(history.body);
    assert.ok(text.includes('PENDING_INVESTIGATION') && !text.includes(note), text);
    expectError(await file(), 403, 'CREDENTIAL_INVALID');
    const verified = await verifyAt('insurer', 'adjudicator1');
    assert.deepEqual([verified.valid, verified.reason], [false, 'SUSPENDED']);
  });

  it('after reinstatement the physician files again', async () => {
    assert.equal((await change(`/credentials/${licenceNumber}/reinstatement`)).status, 'active');
    const res = expectStatus(await file(), 201);
    await world.settle(bodyOf(committedOf(z.unknown()), res).blockNumber);
  });

  it('every organisation verifies the licence alike', async () => {
    const answers = await Promise.all(
      ORGS.map((org) =>
        verifyAt(
          org,
          org === 'board' ? 'officer2' : org === 'insurer' ? 'adjudicator1' : 'registrar1',
        ),
      ),
    );
    for (const answer of answers) assert.deepEqual(answer, answers[0]);
    assert.equal(answers[0]?.valid, true);
  });

  it('renewal moves the end of the window', async () => {
    const renewed = await change(`/credentials/${licenceNumber}/renewal`, {
      validFrom: day(-1),
      validTo: day(730),
    });
    assert.equal(renewed.validTo, day(730));
  });

  it('revocation is final: renewing a revoked licence is a 422', async () => {
    assert.equal(
      (await change(`/credentials/${licenceNumber}/revocation`, { reason: 'VOLUNTARY_SURRENDER' }))
        .status,
      'revoked',
    );
    const res = await officer.post(`/credentials/${licenceNumber}/renewal`, {
      validFrom: day(-1),
      validTo: day(30),
    });
    expectError(res, 422, 'FAILED_PRECONDITION');
    expectError(await file(), 403, 'CREDENTIAL_INVALID');
  });

  it("the history lists each change; the practitioner's licences list this one", async () => {
    const history = bodyOf(
      z.array(z.object({ action: z.string() })),
      expectStatus(await physician.get(`/credentials/${licenceNumber}/history`), 200),
    );
    assert.deepEqual(
      history.map((s) => s.action),
      ['issued', 'suspended', 'reinstated', 'renewed', 'revoked'],
    );
    const licences = bodyOf(
      z.array(Credential),
      expectStatus(await physician.get(`/practitioners/${practitionerId}/credentials`), 200),
    );
    assert.deepEqual(
      licences.map((l) => l.licenceNumber),
      [licenceNumber],
    );
  });

  it("the board's gateway streamed each change of the licence as an event, in order", async () => {
    await stream.waitFor(
      (e) => e.event === 'CredentialRevoked' && e.data.payload.licenceNumber === licenceNumber,
    );
    const mine = stream.events.filter((e) => e.data.payload.licenceNumber === licenceNumber);
    assert.deepEqual(
      mine.map((e) => [e.event, e.data.payload.status]),
      [
        ['CredentialIssued', 'active'],
        ['CredentialSuspended', 'suspended'],
        ['CredentialReinstated', 'active'],
        ['CredentialRenewed', 'active'],
        ['CredentialRevoked', 'revoked'],
      ],
    );
  });

  it('an unknown licence has no history: 404', async () => {
    expectError(await physician.get(`/credentials/LIC-none-${run}/history`), 404, 'NOT_FOUND');
  });
});
