/**
 * The same attacks over HTTPS, through each organisation's gateway with users it logged in:
 * refused with the HTTP status and code docs/GATEWAY.md promises. Tokens that are tampered
 * with, expired, of another organisation, or minted for a user the gateway never enrolled
 * are 401s. Bad input reaches the real gateway and the chaincode behind it: a clear 4xx each
 * time, never a 5xx, and nothing written.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { newTokenService } from '../../../gateway/src/auth/token';
import {
  bodyOf,
  ErrorAnswer,
  expectStatus,
  type HttpAnswer,
  type User,
} from '../http/support/http';
import { day } from '../support/claims-data';
import { MSP, NETWORK_HOME } from '../support/network';
import { type Cast, theCast } from './support/cast';
import { Gateways, postText } from './support/https';
import { hex, observation, phi } from './support/leaks';
import { count } from './support/refusals';

/** Asserts a clear refusal with STATUS and CODE; counts it for the report. */
function refused(suite: string, res: HttpAnswer, status: number, code: string) {
  const ok = res.status === status;
  const parsed = ErrorAnswer.safeParse(res.body);
  count(suite, parsed.success ? `${res.status} ${parsed.data.error.code}` : String(res.status), ok);
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.ok(parsed.success, `an error body: ${JSON.stringify(res.body)}`);
  assert.equal(parsed.data.error.code, code, JSON.stringify(res.body));
  assert.doesNotMatch(parsed.data.error.message, /\n\s+at /, 'no stack trace');
  return parsed.data.error;
}

describe('attacks and bad input over HTTPS, against the real gateways', function () {
  this.timeout(300_000);
  const gateways = new Gateways();
  let cast: Cast;
  let nurse: User;
  let patient2: User;
  let adjudicator: User;
  let officer: User;
  let registrar: User;
  let physicianB: User;
  let physician: User;
  after(() => gateways.close());

  before(async () => {
    cast = await theCast();
    const run = cast.run;
    [nurse, patient2, adjudicator, officer, registrar, physicianB, physician] = await Promise.all([
      gateways.newUser('providera', `sec-${run}-hn`, {
        role: 'nurse',
        practitionerId: `pr-sec-hn-${run}`,
      }),
      gateways.newUser('providera', `sec-${run}-hp2`, {
        role: 'patient',
        patientId: cast.patient2.patientId,
      }),
      gateways.login('insurer', 'adjudicator1'),
      gateways.login('board', 'officer1'),
      gateways.login('providera', 'registrar1'),
      gateways.login('providerb', 'physician1'),
      gateways.newUser('providera', `sec-${run}-hd`, {
        role: 'physician',
        practitionerId: `pr-sec-hd-${run}`,
      }),
    ]);
    const issued = expectStatus(
      await officer.post('/credentials', {
        practitionerId: `pr-sec-hd-${run}`,
        licenceNumber: `LIC-pr-sec-hd-${run}`,
        licenceType: 'physician',
        organisation: MSP.providera,
        specialty: 'nephrology',
        jurisdiction: 'US-CA',
        validFrom: day(-1),
        validTo: day(365),
      }),
      201,
    );
    await cast.net.everyPeerHas(
      BigInt(bodyOf(z.object({ blockNumber: z.int() }), issued).blockNumber),
    );
  });

  describe('every role tries what it must not', () => {
    const suite = 'role attacks (HTTPS)';
    it('a nurse deciding the pended claim: 403 FORBIDDEN', async () => {
      const res = await nurse.post(`/claims/${cast.claimId}/review-decision`, {
        lines: [{ line: 1, decision: 'approve' }],
      });
      refused(suite, res, 403, 'FORBIDDEN');
    });

    it('the insurer reading a clinical record without consent: 403 FORBIDDEN', async () => {
      refused(
        suite,
        await adjudicator.get(`/records/${cast.record1.recordId}?purpose=payment`),
        403,
        'FORBIDDEN',
      );
      refused(
        suite,
        await adjudicator.get(`/patients/${cast.patient1.patientId}/records`),
        403,
        'FORBIDDEN',
      );
    });

    it("a patient reading another patient's record, list and access log: 403 FORBIDDEN", async () => {
      refused(suite, await patient2.get(`/records/${cast.record1.recordId}`), 403, 'FORBIDDEN');
      refused(
        suite,
        await patient2.get(`/patients/${cast.patient1.patientId}/records`),
        403,
        'FORBIDDEN',
      );
      refused(
        suite,
        await patient2.get(`/patients/${cast.patient1.patientId}/access-log`),
        403,
        'FORBIDDEN',
      );
    });

    it('a provider issuing a licence: 403 FORBIDDEN', async () => {
      const res = await registrar.post('/credentials', {
        practitionerId: `pr-sec-x-${cast.run}`,
        licenceNumber: `LIC-SEC-X-${cast.run}`,
        licenceType: 'physician',
        organisation: MSP.providera,
        specialty: 'anything',
        jurisdiction: 'US-CA',
        validFrom: day(0),
        validTo: day(100),
      });
      refused(suite, res, 403, 'FORBIDDEN');
    });

    it('a board member reading a record, a claim or demographics: 403 FORBIDDEN', async () => {
      refused(suite, await officer.get(`/records/${cast.record1.recordId}`), 403, 'FORBIDDEN');
      refused(suite, await officer.get(`/claims/${cast.claimId}`), 403, 'FORBIDDEN');
      const check = await officer.post(
        `/patients/${cast.patient1.patientId}/demographics/verification`,
        {
          demographics: cast.patient1.demographics,
          salt: cast.patient1.salt,
        },
      );
      refused(suite, check, 403, 'FORBIDDEN');
    });

    it("another provider's physician reading the record without consent: 403 FORBIDDEN", async () => {
      refused(suite, await physicianB.get(`/records/${cast.record1.recordId}`), 403, 'FORBIDDEN');
    });
  });

  describe('tokens', () => {
    const suite = 'token attacks (HTTPS)';
    const secretOf = (org: string) =>
      readFileSync(join(NETWORK_HOME, 'gateways', org, 'gateway.secret'), 'utf8').trim();

    it('no token, and a token whose role was edited to admin: 401 UNAUTHENTICATED', async () => {
      const client = gateways.client('providera');
      refused(suite, await client.send('GET', '/me'), 401, 'UNAUTHENTICATED');
      const [v, payload, signature] = registrar.token.split('.');
      const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
      const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString(
        'base64url',
      );
      const res = await client.send('POST', '/admin/users', {
        token: `${v}.${forged}.${signature}`,
        body: { enrollmentId: `sec-${cast.run}-evil`, role: 'registrar' },
      });
      refused(suite, res, 401, 'UNAUTHENTICATED');
    });

    it('an expired token, signed with the gateway secret itself: 401 saying so', async () => {
      const tokens = newTokenService({
        secret: secretOf('providera'),
        mspId: MSP.providera,
        ttlSeconds: 900,
        now: () => Date.now() - 3_600_000,
      });
      const expired = tokens.issue({
        id: 'registrar1',
        mspId: MSP.providera,
        role: 'registrar',
      }).token;
      const res = await gateways.client('providera').send('GET', '/me', { token: expired });
      assert.match(refused(suite, res, 401, 'UNAUTHENTICATED').message, /expired/);
    });

    it("ProviderB's token at ProviderA's gateway: 401", async () => {
      const b = await gateways.login('providerb', 'registrar1');
      refused(
        suite,
        await gateways.client('providera').send('GET', '/me', { token: b.token }),
        401,
        'UNAUTHENTICATED',
      );
    });

    it("a token signed with ProviderA's secret but naming ProviderB: 401 saying so", async () => {
      const tokens = newTokenService({
        secret: secretOf('providera'),
        mspId: MSP.providerb,
        ttlSeconds: 900,
      });
      const token = tokens.issue({
        id: 'registrar1',
        mspId: MSP.providerb,
        role: 'registrar',
      }).token;
      const res = await gateways.client('providera').send('GET', '/me', { token });
      assert.match(refused(suite, res, 401, 'UNAUTHENTICATED').message, /another organisation/);
    });

    it('a valid token of a user the gateway never enrolled reaches no ledger: 401', async () => {
      const tokens = newTokenService({
        secret: secretOf('providera'),
        mspId: MSP.providera,
        ttlSeconds: 900,
      });
      const token = tokens.issue({
        id: `ghost-${hex(4)}`,
        mspId: MSP.providera,
        role: 'registrar',
      }).token;
      const res = await gateways
        .client('providera')
        .send('GET', `/patients/${cast.patient1.patientId}`, { token });
      refused(suite, res, 401, 'UNAUTHENTICATED');
    });
  });

  describe('bad input reaching the real gateway and chaincode', () => {
    const suite = 'bad input (HTTPS)';
    // The second patient has no record: any that appears was written by a bad request.
    const records = () => `/patients/${cast.patient2.patientId}/records`;

    it('FHIR the chaincode refuses: 400 naming the field', async () => {
      const bogus = await physician.post(records(), {
        resource: { ...observation(cast.run), status: 'bogus' },
      });
      assert.match(refused(suite, bogus, 400, 'INVALID_ARGUMENT').field ?? '', /status$/);
      const valueless = await physician.post(records(), {
        resource: { ...observation(cast.run), valueQuantity: undefined },
      });
      assert.match(refused(suite, valueless, 400, 'INVALID_ARGUMENT').field ?? '', /value/);
    });

    it('a resource nested 5,000 deep: a clear 4xx, not a 500', async () => {
      const text = `{"resource":{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueString":"y","contained":${'['.repeat(5_000)}${']'.repeat(5_000)}}}`;
      const res = await postText(physician, records(), text);
      count(suite, String(res.status), res.status >= 400 && res.status < 500);
      assert.ok(res.status >= 400 && res.status < 500, `${res.status} ${JSON.stringify(res.body)}`);
    });

    it('broken percent-encoding in the path: 400, not a 500', async () => {
      const res = await physician.get('/patients/%E0%A4%A');
      refused(suite, res, 400, 'INVALID_ARGUMENT');
    });

    it('negative, fractional and huge money in a claim: 400 naming the line', async () => {
      for (const chargeCents of [-1, 0.5, 1e21]) {
        const res = await registrar.post('/claims', {
          claimId: `clm-bad-${cast.run}-${hex(2)}`,
          patientId: cast.patient1.patientId,
          renderingPractitionerId: cast.physicianA.practitionerId,
          serviceDate: day(0),
          diagnosisCodes: phi(`ZX${hex(4).toUpperCase()}`),
          lines: [{ code: '99213', units: 1, chargeCents }],
        });
        assert.equal(refused(suite, res, 400, 'INVALID_ARGUMENT').field, 'lines.0.chargeCents');
      }
    });

    const base = {
      mrn: `MRN-${hex(4)}`,
      givenName: 'A',
      familyName: 'B',
      birthDate: '1970-01-01',
    };

    it('a "__proto__" key in demographics, an impossible birth date, a 300 kB body: 400, 400, 413', async () => {
      const proto = await registrar.client.send('POST', '/patients', {
        token: registrar.token,
        body: JSON.parse(
          `{"demographics":{"__proto__":{"admin":true},${JSON.stringify(base).slice(1)}}`,
        ),
      });
      assert.equal(refused(suite, proto, 400, 'INVALID_ARGUMENT').field, 'demographics.__proto__');
      const date = await registrar.post('/patients', {
        demographics: { ...base, birthDate: '1970-02-30' },
      });
      assert.equal(refused(suite, date, 400, 'INVALID_ARGUMENT').field, 'demographics.birthDate');
      const huge = await registrar.post('/patients', {
        demographics: { ...base, address: 'x'.repeat(300_000) },
      });
      refused(suite, huge, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('nothing was written: their MRN is still free, and still no record of the second patient', async () => {
      // Had a refused body registered anyone, the same MRN would now be a duplicate (409).
      const fresh = await registrar.post('/patients', { demographics: base });
      assert.equal(fresh.status, 201, JSON.stringify(fresh.body));
      const listed = await cast.patient2.user
        .contract('records')
        .evaluate('listRecords', { args: [cast.patient2.patientId, '50', ''] });
      assert.deepEqual(JSON.parse(listed).items, []);
    });
  });
});
