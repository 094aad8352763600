/**
 * Authentication against the real CAs over HTTPS: a wrong password, a token carried to
 * another organisation's gateway, an admin route for a non-admin, registration of a user by
 * the organisation's admin with the attributes the chaincode sees; and the operations
 * endpoints of a running gateway.
 */
import assert from 'node:assert/strict';
import { z } from 'zod';
import { TestNetwork } from '../support/network';
import { bodyOf, expectError, expectStatus } from './support/http';
import { runId, World } from './support/world';

describe('authentication and operations over HTTPS', function () {
  this.timeout(120_000);
  const net = new TestNetwork();
  const world = new World(net);
  const run = runId();
  after(() => {
    world.close();
    net.close();
  });

  it('a wrong password is a 401 from the CA', async () => {
    const res = await world.client('providera').send('POST', '/auth/login', {
      body: { enrollmentId: 'physician1', password: 'not-the-password' },
    });
    expectError(res, 401, 'UNAUTHENTICATED');
  });

  it("a token of ProviderA's gateway is refused by ProviderB's: 401", async () => {
    const user = await world.login('providera', 'registrar1');
    const res = await world.client('providerb').send('GET', '/me', { token: user.token });
    expectError(res, 401, 'UNAUTHENTICATED');
  });

  it('a request without a token is a 401', async () => {
    expectError(
      await world.client('providera').send('GET', '/patients/pat-a00001/consents'),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('only the organisation admin registers users: 403 for a registrar', async () => {
    const registrar = await world.login('providera', 'registrar1');
    const res = await registrar.post('/admin/users', {
      enrollmentId: `x-${run}`,
      role: 'registrar',
    });
    expectError(res, 403, 'FORBIDDEN');
  });

  it('a user registered by the admin logs in with the attributes it was given', async () => {
    const nurse = await world.newUser('providerb', `http-${run}-nurse`, {
      role: 'nurse',
      practitionerId: `pr-n-${run}`,
    });
    const me = bodyOf(
      z.object({ id: z.string(), mspId: z.string(), role: z.string(), practitionerId: z.string() }),
      expectStatus(await nurse.get('/me'), 200),
    );
    assert.deepEqual(me, {
      id: `http-${run}-nurse`,
      mspId: 'ProviderBMSP',
      role: 'nurse',
      practitionerId: `pr-n-${run}`,
    });
  });

  it('registering the same enrolment ID twice is a 409', async () => {
    const admin = await world.login('providerb', 'orgadmin');
    const res = await admin.post('/admin/users', {
      enrollmentId: `http-${run}-nurse`,
      role: 'registrar',
    });
    expectError(res, 409, 'CONFLICT');
  });

  it('/healthz, /readyz, /metrics and /openapi.json answer without a token', async () => {
    const client = world.client('insurer');
    assert.equal((await client.send('GET', '/healthz')).status, 200);
    assert.equal((await client.send('GET', '/readyz')).status, 200);
    const metrics = await client.send('GET', '/metrics');
    assert.match(String(metrics.body), /healthledger_http_requests_total/);
    const doc = bodyOf(
      z.object({ paths: z.record(z.string(), z.unknown()) }),
      await client.send('GET', '/openapi.json'),
    );
    assert.ok(Object.keys(doc.paths).includes('/claims/{claimId}/payment'));
  });
});
