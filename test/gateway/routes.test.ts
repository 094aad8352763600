/**
 * Every route of the gateway, driven from the table in support/route-cases.ts: a valid request
 * reaches its contract with the right arguments and gets its status; an invalid one gets 400
 * naming the field; no token gets 401; and the OpenAPI document has exactly these routes.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { type TestGateway, testGateway, USERS } from './support/app';
import { ROUTE_CASES, type RouteCase } from './support/route-cases';
import { TX_ID } from './support/stubs';

function send(
  gw: TestGateway,
  c: RouteCase,
  variant: { url?: string; body?: object } = {},
  auth = true,
) {
  const url = variant.url ?? c.url;
  const req = c.method === 'get' ? request(gw.app).get(url) : request(gw.app).post(url);
  if (auth) req.set('authorization', gw.bearer(c.as ?? USERS.physician));
  const body = 'body' in variant ? variant.body : c.body;
  return body === undefined ? req : req.send(body);
}

describe('gateway routes', () => {
  let gw: TestGateway;
  beforeEach(() => {
    gw = testGateway();
    gw.register.resolves('secret-from-the-ca');
  });

  for (const c of ROUTE_CASES) {
    describe(c.route, () => {
      it(`with a valid request responds ${c.status} with the ledger's answer`, async () => {
        const stub = c.arrange(gw.contracts);
        const res = await send(gw, c);
        assert.equal(res.status, c.status, JSON.stringify(res.body));
        assert.match(String(res.headers['content-type']), /application\/json/);
        if (stub) {
          assert.equal(stub.callCount, 1, 'the contract was called once');
          assert.deepEqual(stub.firstCall.args, c.args);
        }
        if (c.status === 201 && stub) {
          assert.equal(res.body.transactionId, TX_ID);
          assert.equal(res.body.blockNumber, 7);
        }
      });

      it('with an invalid request responds 400 naming the field', async () => {
        const stub = c.arrange(gw.contracts);
        const res = await send(gw, c, c.invalid);
        assert.equal(res.status, 400, JSON.stringify(res.body));
        assert.equal(res.body.error.code, 'INVALID_ARGUMENT');
        assert.equal(res.body.error.field, c.invalid.field);
        assert.ok(res.body.error.reason, 'says why');
        assert.equal(stub?.callCount ?? 0, 0, 'no transaction was sent');
      });

      it('without a token responds 401 and calls nothing', async () => {
        const stub = c.arrange(gw.contracts);
        const res = await send(gw, c, {}, false);
        assert.equal(res.status, 401);
        assert.equal(res.body.error.code, 'UNAUTHENTICATED');
        assert.equal(stub?.callCount ?? 0, 0);
        assert.equal(gw.forUser.callCount, 0);
      });
    });
  }

  it('has a case for every route of the OpenAPI document, and no other', async () => {
    const res = await request(gw.app).get('/openapi.json');
    const documented = Object.entries(
      res.body.paths as Record<string, Record<string, { security: unknown[] }>>,
    )
      .flatMap(([path, ops]) =>
        Object.entries(ops)
          .filter(([, op]) => op.security.length > 0)
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      )
      .filter((r) => r !== 'GET /events')
      .sort();
    assert.deepEqual([...ROUTE_CASES.map((c) => c.route)].sort(), documented);
  });

  it('signs each request as the user of the token', async () => {
    const c = ROUTE_CASES.find((x) => x.route === 'GET /patients/{patientId}/consents');
    assert.ok(c);
    c.arrange(gw.contracts);
    await send(gw, c);
    assert.deepEqual(gw.forUser.firstCall.args[0], USERS.patient);
  });
});
