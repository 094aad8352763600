/** POST /auth/login and the bearer tokens it hands out, through the app. */
import assert from 'node:assert/strict';
import request from 'supertest';
import { CaError } from '../../../gateway/src/ca/errors';
import { newTokenService } from '../../../gateway/src/auth/token';
import { MSP, SECRET, testGateway, USERS } from '../support/app';

describe('POST /auth/login', () => {
  it('with the right password responds 200 with a bearer token for the user', async () => {
    const gw = testGateway();
    gw.login.resolves(USERS.physician);
    const res = await request(gw.app)
      .post('/auth/login')
      .send({ enrollmentId: 'physician1', password: 'pw' });
    assert.equal(res.status, 200);
    assert.equal(res.body.tokenType, 'Bearer');
    assert.deepEqual(res.body.user, USERS.physician);
    assert.deepEqual(gw.login.firstCall.args, ['physician1', 'pw']);
    const me = await request(gw.app).get('/me').set('authorization', `Bearer ${res.body.token}`);
    assert.equal(me.status, 200);
    assert.deepEqual(me.body, USERS.physician);
  });

  it('with a wrong password responds 401', async () => {
    const gw = testGateway();
    gw.login.rejects(new CaError('unauthorized', 'unknown enrolment ID or wrong password'));
    const res = await request(gw.app)
      .post('/auth/login')
      .send({ enrollmentId: 'physician1', password: 'no' });
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 'UNAUTHENTICATED');
  });

  it('when the CA is down responds 503', async () => {
    const gw = testGateway();
    gw.login.rejects(new CaError('unreachable', 'the certificate authority is unreachable'));
    const res = await request(gw.app)
      .post('/auth/login')
      .send({ enrollmentId: 'physician1', password: 'pw' });
    assert.equal(res.status, 503);
  });

  it('with an unknown field responds 400 naming it', async () => {
    const gw = testGateway();
    const res = await request(gw.app)
      .post('/auth/login')
      .send({ enrollmentId: 'physician1', password: 'pw', role: 'admin' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.field, 'role');
    assert.equal(gw.login.callCount, 0);
  });

  it('after too many attempts from one address responds 429 with Retry-After', async () => {
    const gw = testGateway({ rateLimitPerMinute: 2 });
    gw.login.rejects(new CaError('unauthorized', 'wrong'));
    const attempt = () =>
      request(gw.app).post('/auth/login').send({ enrollmentId: 'x', password: 'y' });
    assert.equal((await attempt()).status, 401);
    assert.equal((await attempt()).status, 401);
    const third = await attempt();
    assert.equal(third.status, 429);
    assert.ok(Number(third.headers['retry-after']) >= 1);
  });
});

describe('bearer tokens at a protected route', () => {
  const me = (gw: ReturnType<typeof testGateway>, authorization: string) =>
    request(gw.app).get('/me').set('authorization', authorization);

  it('refuses a tampered token with 401', async () => {
    const gw = testGateway();
    const [v, payload, sig] = gw.bearer(USERS.patient).slice('Bearer '.length).split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    const res = await me(gw, `Bearer ${v}.${forged}.${sig}`);
    assert.equal(res.status, 401);
  });

  it('refuses an expired token with 401', async () => {
    let now = Date.parse('2026-03-01T12:00:00Z');
    const gw = testGateway({ now: () => now });
    const bearer = gw.bearer(USERS.patient);
    now += 15 * 60 * 1000;
    const res = await me(gw, bearer);
    assert.equal(res.status, 401);
    assert.match(res.body.error.message, /expired/);
  });

  it("refuses a token of another organisation's gateway with 401", async () => {
    const gw = testGateway();
    const other = newTokenService({
      secret: 'providerb-secret-0123456789',
      mspId: 'ProviderBMSP',
      ttlSeconds: 900,
    });
    const res = await me(
      gw,
      `Bearer ${other.issue({ ...USERS.patient, mspId: 'ProviderBMSP' }).token}`,
    );
    assert.equal(res.status, 401);
  });

  it('refuses a token signed with this secret but naming another organisation with 401', async () => {
    const gw = testGateway();
    const sameSecret = newTokenService({ secret: SECRET, mspId: 'ProviderBMSP', ttlSeconds: 900 });
    const res = await me(
      gw,
      `Bearer ${sameSecret.issue({ ...USERS.patient, mspId: 'ProviderBMSP' }).token}`,
    );
    assert.equal(res.status, 401);
    assert.match(res.body.error.message, /another organisation/);
  });

  it('refuses a header that is not a bearer token with 401', async () => {
    const gw = testGateway();
    assert.equal((await me(gw, 'Basic cGF0aWVudDE6cHc=')).status, 401);
    assert.equal((await me(gw, 'Bearer ')).status, 401);
  });

  it('limits each user to their request budget with 429', async () => {
    const gw = testGateway({ rateLimitPerMinute: 1 });
    const bearer = gw.bearer({ ...USERS.patient, mspId: MSP });
    assert.equal((await me(gw, bearer)).status, 200);
    assert.equal((await me(gw, bearer)).status, 429);
    assert.equal(
      (await me(gw, gw.bearer(USERS.physician))).status,
      200,
      'another user has their own budget',
    );
  });
});
