/**
 * How much CPU the benchmark's HTTPS client itself spends per request (issue 7): the load
 * generator shares the box with the network, so its cost is taken from the peers. A trivial
 * HTTPS server in a child process answers a fixed JSON body; this process counts its own CPU
 * (process.cpuUsage, every thread) per answered GET at several concurrencies for (a) the
 * end-to-end tests' GatewayClient, (b) the bench's http-client.ts and (c) undici's Pool when
 * /tmp/undici-eval holds it (not a dependency; for the comparison only).
 * Run: node build/scripts/bench/client-overhead.js [seconds per cell, default 2] [letters, e.g. ab]
 */
import { execFileSync, fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GatewayClient, User } from '../../test/e2e/http/support/http';
import { newHttpClient } from './http-client';

const LEVELS = [16, 64, 256] as const;
const SIZES = { '300 B': 300, '2 KB': 2048 } as const;
const UNDICI = '/tmp/undici-eval/node_modules/undici';
/** A bearer token as long as the gateway's. */
const TOKEN = 'e'.repeat(620);

/** A JSON body of about BYTES bytes, shaped like a record list (many small fields). */
function bodyOf(bytes: number): string {
  const items: object[] = [];
  for (let i = 0; JSON.stringify({ items }).length < bytes; i++) {
    items.push({ id: `rec-${i}`, category: 'observation', at: '2026-03-01T12:00:00Z', v: i });
  }
  return JSON.stringify({ items });
}

function serve(dir: string): void {
  const bodies = new Map(Object.values(SIZES).map((n) => [`/${n}`, Buffer.from(bodyOf(n))]));
  const key = readFileSync(join(dir, 'key.pem'));
  const cert = readFileSync(join(dir, 'cert.pem'));
  const server = createServer({ key, cert, keepAliveTimeout: 120_000 }, (req, res) => {
    req.resume();
    const body = bodies.get(req.url ?? '') ?? Buffer.from('{}');
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    if (typeof address === 'object' && address !== null) process.send?.({ port: address.port });
  });
}

type Get = (path: string) => Promise<{ status: number }>;
interface Variant {
  readonly name: string;
  open(url: string, ca: Buffer): { get: Get; close: () => void | Promise<void> };
}

interface UndiciPool {
  request(o: { method: 'GET'; path: string; headers: Record<string, string> }): Promise<{
    statusCode: number;
    body: { json(): Promise<unknown> };
  }>;
  close(): Promise<void>;
}
interface Undici {
  Pool: new (url: string, o: { connections: number; connect: { ca: Buffer } }) => UndiciPool;
}

function undici(): Undici | undefined {
  try {
    return createRequire(__filename)(UNDICI) as Undici;
  } catch {
    return undefined;
  }
}

const current: Variant = {
  name: '(a) e2e GatewayClient',
  open(url, ca) {
    const client = new GatewayClient('providera', url);
    // Trust the throw-away server's certificate instead of the network's CA.
    Object.assign(client.agent.options, { ca });
    client.agent.maxSockets = 256;
    const user = new User(client, 'bench', TOKEN);
    return { get: (path) => user.get(path), close: () => client.close() };
  },
};

const lean: Variant = {
  name: '(b) bench http-client',
  open(url, ca) {
    const client = newHttpClient({ url, ca, maxSockets: 256 });
    const session = client.session(TOKEN);
    return { get: (path) => session.get(path), close: () => client.close() };
  },
};

function pooled(lib: Undici): Variant {
  return {
    name: '(c) undici 7.16 Pool',
    open(url, ca) {
      const pool = new lib.Pool(url, { connections: 256, connect: { ca } });
      const headers = { authorization: `Bearer ${TOKEN}` };
      const get: Get = async (path) => {
        const res = await pool.request({ method: 'GET', path, headers });
        await res.body.json();
        return { status: res.statusCode };
      };
      return { get, close: () => pool.close() };
    },
  };
}

/** Keeps CONCURRENCY requests in flight for MS; the answers and the CPU µs they took. */
async function drive(get: Get, path: string, concurrency: number, ms: number) {
  const cpu = process.cpuUsage();
  const end = Date.now() + ms;
  let answered = 0;
  const worker = async () => {
    while (Date.now() < end) {
      const res = await get(path);
      if (res.status !== 200) throw new Error(`answer ${res.status}`);
      answered += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const used = process.cpuUsage(cpu);
  return { answered, cpuUs: used.user + used.system };
}

async function measure(variant: Variant, url: string, ca: Buffer, seconds: number) {
  const cells: string[] = [];
  for (const bytes of Object.values(SIZES)) {
    for (const level of LEVELS) {
      const client = variant.open(url, ca);
      await drive(client.get, `/${bytes}`, level, 500); // connections and JIT warm
      const { answered, cpuUs } = await drive(client.get, `/${bytes}`, level, seconds * 1000);
      await client.close();
      const perRequest = Math.round(cpuUs / answered);
      cells.push(`${perRequest} µs (${Math.round(answered / seconds)}/s)`);
    }
  }
  return `| ${variant.name} | ${cells.join(' | ')} |`;
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 2);
  const dir = mkdtempSync(join(tmpdir(), 'client-overhead-'));
  const server = fork(__filename, ['serve', dir]);
  try {
    const san = 'subjectAltName=DNS:localhost,IP:127.0.0.1';
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'],
        ...['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1'],
        ...['-subj', '/CN=localhost', '-addext', san],
      ],
      { stdio: 'ignore' },
    );
    const ca = readFileSync(join(dir, 'cert.pem'));
    server.send('go');
    const port = await new Promise<number>((resolve) =>
      server.once('message', (m: { port: number }) => resolve(m.port)),
    );
    const url = `https://localhost:${port}`;
    const lib = undici();
    const only = process.argv[3] ?? 'abc';
    const all = [current, lean, ...(lib ? [pooled(lib)] : [])];
    const variants = all.filter((v) => only.includes(v.name.charAt(1)));
    const head = Object.keys(SIZES).flatMap((s) => LEVELS.map((l) => `${s} c${l}`));
    console.log(`client CPU per GET (answers per second), ${seconds} s per cell\n`);
    console.log(`| client | ${head.join(' | ')} |\n|---|${head.map(() => '---:').join('|')}|`);
    for (const variant of variants) console.log(await measure(variant, url, ca, seconds));
    if (!lib) console.log(`\n(c) skipped: ${UNDICI} is not there`);
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'serve') {
  // The parent writes the certificate after the fork; it says 'go' once it is there.
  const dir = process.argv[3] ?? '';
  process.once('message', () => serve(dir));
} else {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exit(1);
    },
  );
}
