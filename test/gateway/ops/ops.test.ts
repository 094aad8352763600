/** Health, readiness, metrics, the OpenAPI document and its viewer, headers, limits and 404s. */
import assert from 'node:assert/strict';
import request from 'supertest';
import { testGateway, USERS } from '../support/app';
import { PATIENT } from '../support/route-cases';

describe('operations endpoints', () => {
  it('GET /healthz responds 200 without a token', async () => {
    const res = await request(testGateway().app).get('/healthz');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { status: 'ok' });
  });

  it('GET /readyz responds 200 while the peer is reachable', async () => {
    assert.equal((await request(testGateway().app).get('/readyz')).status, 200);
  });

  it('GET /readyz responds 503 when the peer is not', async () => {
    const gw = testGateway();
    gw.readiness.resolves(false);
    const res = await request(gw.app).get('/readyz');
    assert.equal(res.status, 503);
    assert.equal(res.body.error.code, 'UNAVAILABLE');
  });

  it('GET /metrics counts requests by route pattern and status, without IDs', async () => {
    const gw = testGateway();
    gw.contracts.consent.listConsents.resolves([]);
    await request(gw.app)
      .get(`/patients/${PATIENT}/consents`)
      .set('authorization', gw.bearer(USERS.patient));
    const res = await request(gw.app).get('/metrics');
    assert.equal(res.status, 200);
    assert.match(
      res.text,
      /healthledger_http_requests_total\{method="GET",route="\/patients\/\{patientId\}\/consents",status="200"\} 1/,
    );
    assert.match(res.text, /healthledger_http_request_duration_seconds_bucket/);
    assert.ok(!res.text.includes(PATIENT));
  });

  it('GET /openapi.json describes each route with its schemas and error answers', async () => {
    const res = await request(testGateway().app).get('/openapi.json');
    assert.equal(res.status, 200);
    assert.equal(res.body.openapi, '3.1.0');
    const register = res.body.paths['/patients'].post;
    const schema = register.requestBody.content['application/json'].schema;
    assert.deepEqual(schema.required, ['demographics']);
    // The pseudonym is the chaincode's: the document says a client's is never valid.
    assert.deepEqual(schema.properties.patientId.not, {});
    assert.equal(schema.additionalProperties, false);
    assert.ok(register.responses['400'] && register.responses['401'] && register.responses['403']);
    const read = res.body.paths['/records/{recordId}'].get;
    assert.deepEqual(
      read.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`),
      ['path:recordId', 'query:purpose', 'query:version'],
    );
    assert.deepEqual(res.body.paths['/auth/login'].post.security, []);
    assert.ok(res.body.paths['/events'].get);
  });

  it('GET /docs serves the interactive viewer and its assets', async () => {
    const gw = testGateway();
    const page = await request(gw.app).get('/docs');
    assert.equal(page.status, 200);
    assert.match(page.text, /swagger-ui-bundle\.js/);
    assert.equal((await request(gw.app).get('/docs/swagger-ui-bundle.js')).status, 200);
    assert.match((await request(gw.app).get('/docs/init.js')).text, /openapi\.json/);
  });
});

describe('every answer', () => {
  it('carries security headers, no caching and a request ID', async () => {
    const res = await request(testGateway().app).get('/healthz');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.match(String(res.headers['strict-transport-security']), /max-age=/);
    assert.equal(res.headers['x-powered-by'], undefined);
    assert.ok(res.headers['x-request-id']);
  });

  it("echoes a sane caller's request ID", async () => {
    const res = await request(testGateway().app).get('/healthz').set('x-request-id', 'abc-123');
    assert.equal(res.headers['x-request-id'], 'abc-123');
  });

  it('for an unknown route is a JSON 404', async () => {
    const res = await request(testGateway().app).get('/nowhere');
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'NOT_FOUND');
  });

  it('for malformed JSON is a 400 on the body', async () => {
    const gw = testGateway();
    const res = await request(gw.app)
      .post('/consents')
      .set('authorization', gw.bearer(USERS.patient))
      .set('content-type', 'application/json')
      .send('{"patientId":');
    assert.equal(res.status, 400);
    assert.equal(res.body.error.field, 'body');
  });

  it('for a body over the limit is a 413', async () => {
    const gw = testGateway({ bodyLimitBytes: 1024 });
    const res = await request(gw.app)
      .post('/emergency-access')
      .set('authorization', gw.bearer(USERS.physician))
      .send({ patientId: PATIENT, reason: 'UNCONSCIOUS_PATIENT', note: 'x'.repeat(2000) });
    assert.equal(res.status, 413);
    assert.equal(gw.contracts.consent.declareEmergencyAccess.callCount, 0);
  });

  it('for a body sent without a JSON content type is a 400 on the body', async () => {
    const gw = testGateway();
    const res = await request(gw.app)
      .post('/consents')
      .set('authorization', gw.bearer(USERS.patient))
      .set('content-type', 'text/plain')
      .send('patientId=pat-a00001');
    assert.equal(res.status, 400);
    assert.equal(res.body.error.field, 'body');
  });
});
