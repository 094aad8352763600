/**
 * The benchmark's HTTPS client against a throw-away HTTPS server with a self-signed
 * certificate (made by openssl): what it sends, what it makes of the answers, and how it
 * fails when no answer comes.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transportFailure } from '../../scripts/bench/errors';
import { type HttpClient, newHttpClient, parseBody } from '../../scripts/bench/http-client';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

describe('bench HTTPS client', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-http-client-'));
  let server: Server;
  let client: HttpClient;
  let ca: Buffer;
  const seen: Seen[] = [];
  let connections = 0;

  const answer = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const json = req.url === '/json' || req.url === '/created';
    res.writeHead(req.url === '/created' ? 201 : 200, {
      'content-type': json ? 'application/json' : 'text/plain',
    });
    if (req.url === '/cut') {
      res.write('{"partial":');
      res.socket?.destroy();
      return;
    }
    if (req.url === '/slow') return; // never answers
    res.end(
      json ? JSON.stringify({ echo: body.length, ok: true }) : req.url === '/empty' ? '' : 'text',
    );
  };

  before(async () => {
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'],
        ...['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1'],
        ...['-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
      ],
      { stdio: 'ignore' },
    );
    ca = readFileSync(join(dir, 'cert.pem'));
    server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: ca }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        answer(req, res, body);
      });
    });
    server.on('secureConnection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  beforeEach(() => {
    const { port } = server.address() as AddressInfo;
    client = newHttpClient({ url: `https://localhost:${port}`, ca, maxSockets: 4, timeoutMs: 300 });
    seen.length = 0;
    connections = 0;
  });

  afterEach(() => client.close());

  after(() => {
    server.closeAllConnections();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a GET with the bearer token and the Host header, and parses the JSON answer', async () => {
    const res = await client.session('tok-1').get('/json');
    assert.deepEqual(res, { status: 200, body: { echo: 0, ok: true } });
    const { port } = server.address() as AddressInfo;
    assert.equal(seen[0]?.method, 'GET');
    assert.equal(seen[0]?.headers.authorization, 'Bearer tok-1');
    assert.equal(seen[0]?.headers.host, `localhost:${port}`);
    assert.equal(seen[0]?.headers['transfer-encoding'], undefined);
  });

  it('sends a POST body as JSON with its length, and keeps a 201 status', async () => {
    const body = { patientId: 'pat-1', note: 'é' };
    const res = await client.session('tok-2').post('/created', body);
    assert.equal(res.status, 201);
    assert.equal(seen[0]?.body, JSON.stringify(body));
    assert.equal(seen[0]?.headers['content-type'], 'application/json');
    assert.equal(seen[0]?.headers['content-length'], String(Buffer.byteLength(seen[0]?.body)));
  });

  it('sends a POST without a body as an empty one of length 0', async () => {
    await client.send('POST', '/json');
    assert.equal(seen[0]?.headers['content-length'], '0');
    assert.equal(seen[0]?.body, '');
  });

  it('leaves text answers as text and an empty answer as the empty string', async () => {
    assert.equal((await client.send('GET', '/metrics')).body, 'text');
    assert.equal((await client.send('GET', '/empty')).body, '');
  });

  it('sends requests one after another over one kept-alive connection', async () => {
    for (let i = 0; i < 5; i++) await client.send('GET', '/json', 'tok');
    assert.equal(connections, 1);
  });

  it('fails a request past its deadline with "no answer", which counts as a timeout', async () => {
    const started = Date.now();
    const err = await client.send('GET', '/slow').then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof Error);
    assert.equal(err.message, 'GET /slow: no answer');
    assert.equal(transportFailure(err).kind, 'timeout');
    assert.ok(Date.now() - started < 300 + 250 + 200, 'fails within a sweep of the deadline');
  });

  it('fails a request whose connection is cut in the middle of the answer', async () => {
    await assert.rejects(client.send('GET', '/cut'));
    assert.deepEqual(await client.send('GET', '/json'), {
      status: 200,
      body: { echo: 0, ok: true },
    });
  });

  it('parses bodies: JSON values, and text that is not JSON stays text', () => {
    assert.deepEqual(parseBody('{"a":[1,2]}'), { a: [1, 2] });
    assert.equal(parseBody('42'), 42);
    assert.equal(parseBody('# HELP up'), '# HELP up');
  });
});
