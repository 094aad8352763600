/**
 * How requests find their route and how answers are written: paths in any case, strict
 * trailing slashes, HEAD, OPTIONS and 404s as Express answers them; JSON answers with the
 * headers res.json gave them; no ETag on API answers while the console's files keep theirs.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { type TestGateway, testGateway, USERS } from '../support/app';
import { submitted } from '../support/stubs';

const RECORD = 'rec-abc123';

describe('routing', () => {
  let gw: TestGateway;
  let bearer: string;
  beforeEach(() => {
    gw = testGateway();
    bearer = gw.bearer(USERS.physician);
    gw.contracts.records.logAccess.resolves(submitted({ accessId: 'acc-1' }));
    gw.contracts.records.readRecord.resolves({ metadata: { recordId: RECORD } });
    gw.contracts.claims.listClaims.resolves({ items: [], bookmark: '' });
  });

  it('reaches a route whatever the case of its path, as Express matches by default', async () => {
    const res = await request(gw.app).get(`/RECORDS/${RECORD}`).set('authorization', bearer);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(gw.contracts.records.readRecord.firstCall.args, [RECORD, undefined]);
  });

  it('answers a conditional read of a record with the record, after logging the access', async () => {
    const res = await request(gw.app)
      .get(`/records/${RECORD}?purpose=treatment`)
      .set('authorization', bearer)
      .set('if-none-match', '*');
    assert.equal(res.status, 200);
    assert.equal(res.body.metadata.recordId, RECORD);
    assert.equal(res.body.access.accessId, 'acc-1');
    assert.equal(gw.contracts.records.logAccess.callCount, 1);
  });

  it('keeps strict routing: "/claims/" is not the list of claims', async () => {
    const list = await request(gw.app).get('/claims').set('authorization', bearer);
    assert.equal(list.status, 200);
    const slash = await request(gw.app).get('/claims/').set('authorization', bearer);
    assert.equal(slash.status, 404);
    assert.equal(slash.body.error.code, 'NOT_FOUND');
    assert.equal(gw.contracts.claims.listClaims.callCount, 1);
  });

  it('answers 404 naming method and path for an unknown segment or an unknown path under one', async () => {
    for (const path of ['/nothing/here', `/records/${RECORD}/unknown`, '/%72ecords/x', '/']) {
      const res = await request(gw.app).get(path).set('authorization', bearer);
      assert.equal(res.status, 404, path);
      assert.equal(res.body.error.message, `no route GET ${path}`);
    }
  });

  it('answers 404, not 405, for a method the path does not have', async () => {
    const res = await request(gw.app).delete(`/records/${RECORD}`).set('authorization', bearer);
    assert.equal(res.status, 404);
    assert.equal(res.body.error.message, `no route DELETE /records/${RECORD}`);
  });

  it('answers HEAD with the GET route and OPTIONS with the methods of the path', async () => {
    const head = await request(gw.app).head(`/records/${RECORD}`).set('authorization', bearer);
    assert.equal(head.status, 200);
    assert.equal(gw.contracts.records.logAccess.callCount, 1);
    const options = await request(gw.app).options('/claims');
    assert.equal(options.status, 200);
    assert.equal(options.headers.allow, 'GET, HEAD, POST');
  });

  it('still serves the operations routes and the OpenAPI document of every route', async () => {
    assert.equal((await request(gw.app).get('/healthz')).status, 200);
    const doc = await request(gw.app).get('/openapi.json');
    assert.ok(Object.keys(doc.body.paths).includes('/records/{recordId}'));
  });
});

describe('JSON answers', () => {
  const credential = { licenceNumber: 'LIC-1', valid: true, reason: 'Zoë Ångström, active' };
  let gw: TestGateway;
  beforeEach(() => {
    gw = testGateway();
    gw.contracts.credentials.verifyLicence.resolves(credential);
  });
  const url = '/credentials/LIC-1/verification?organisation=ProviderAMSP';

  it('carry the JSON content type with its charset and the length in bytes', async () => {
    const res = await request(gw.app).get(url).set('authorization', gw.bearer(USERS.physician));
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(res.headers['content-length'], String(Buffer.byteLength(res.text)));
    assert.deepEqual(res.body, credential);
    assert.ok(res.headers['x-request-id']);
  });

  it('answer HEAD with the headers of GET and no body', async () => {
    const get = await request(gw.app).get(url).set('authorization', gw.bearer(USERS.physician));
    const head = await request(gw.app).head(url).set('authorization', gw.bearer(USERS.physician));
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], get.headers['content-length']);
    assert.equal(head.text, undefined);
  });

  it('ignore conditional headers: "If-None-Match: *" gets the whole answer, not an empty 304', async () => {
    const res = await request(gw.app)
      .get(url)
      .set('authorization', gw.bearer(USERS.physician))
      .set('if-none-match', '*')
      .set('if-modified-since', new Date().toUTCString());
    assert.equal(res.status, 200);
    assert.ok(Number(res.headers['content-length']) > 2);
    assert.deepEqual(
      res.body,
      (await request(gw.app).get(url).set('authorization', gw.bearer(USERS.physician))).body,
    );
  });
});

describe('ETags', () => {
  it('are not computed for API answers, which are never cached', async () => {
    const gw = testGateway();
    gw.contracts.claims.listClaims.resolves({ items: [], bookmark: '' });
    const res = await request(gw.app).get('/claims').set('authorization', gw.bearer(USERS.admin));
    assert.equal(res.status, 200);
    assert.equal(res.headers.etag, undefined);
    assert.equal(res.headers['cache-control'], 'no-store');
  });

  it("stay on the console's static files", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-etag-'));
    writeFileSync(join(dir, 'main.js'), 'export {};\n');
    const { app } = testGateway({ consoleDirs: [dir] });
    const res = await request(app).get('/console/main.js');
    rmSync(dir, { recursive: true, force: true });
    assert.equal(res.status, 200);
    assert.match(res.headers.etag ?? '', /^W\/"/);
  });
});
