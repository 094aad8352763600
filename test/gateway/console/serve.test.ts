/** The web console served by the gateway at /console/, under its own CSP; the API keeps its own. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { CONSOLE_POLICY } from '../../../gateway/src/http/security-headers';
import { testGateway } from '../support/app';

const repo = join(__dirname, '..', '..', '..', '..');
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** The real app with the console's public folder and a compiled-modules folder of one file. */
function consoleApp(): Express {
  const compiled = mkdtempSync(join(tmpdir(), 'console-dist-'));
  writeFileSync(join(compiled, 'main.js'), 'export {};\n');
  return testGateway({
    consoleDirs: [join(repo, 'gateway', 'console', 'public'), compiled],
  }).app;
}

describe('GET /console/', () => {
  const app = consoleApp();

  it('serves the page, which loads its script as a module from its own origin', async () => {
    const res = await request(app).get('/console/');
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'] ?? '', /^text\/html/);
    assert.match(res.text, /<script type="module" src="main.js"><\/script>/);
  });

  it('answers with the console policy: own scripts, styles and API, no inline script, no framing', async () => {
    const res = await request(app).get('/console/');
    assert.equal(res.headers['content-security-policy'], CONSOLE_POLICY);
    assert.match(CONSOLE_POLICY, /default-src 'self'/);
    assert.match(CONSOLE_POLICY, /connect-src 'self'/);
    assert.match(CONSOLE_POLICY, /frame-ancestors 'none'/);
    assert.doesNotMatch(CONSOLE_POLICY, /unsafe-inline|unsafe-eval/);
    assert.equal(res.headers['x-frame-options'], 'DENY');
    assert.equal(res.headers['cache-control'], 'no-store');
  });

  it('redirects /console to /console/ so relative module paths resolve', async () => {
    const res = await request(app).get('/console');
    assert.equal(res.status, 301);
    assert.equal(res.headers.location, '/console/');
  });

  it('serves the compiled modules as JavaScript from the second folder', async () => {
    const res = await request(app).get('/console/main.js');
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'] ?? '', /^text\/javascript/);
    assert.equal(res.headers['content-security-policy'], CONSOLE_POLICY);
  });

  it('answers an unknown file with the JSON 404 of the API', async () => {
    const res = await request(app).get('/console/nothing.js');
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'NOT_FOUND');
  });

  it('serves nothing outside its folders', async () => {
    const res = await request(app).get('/console/..%2f..%2f..%2fpackage.json');
    assert.notEqual(res.status, 200);
    assert.ok(!res.text.includes('"workspaces"'));
  });
});

describe('the API beside the console', () => {
  const app = consoleApp();

  it('keeps its strict policy on API routes', async () => {
    const res = await request(app).get('/healthz');
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-security-policy'], API_POLICY);
  });

  it('keeps it on paths that only start like the console', async () => {
    const res = await request(app).get('/consoles');
    assert.equal(res.status, 404);
    assert.equal(res.headers['content-security-policy'], API_POLICY);
  });
});
