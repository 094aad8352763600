/**
 * The CPU the HTTP gateway spends per request outside Fabric: the real Express app (token
 * service, validation, error mapping, access log, metrics) over HTTPS with a throw-away
 * certificate, its contracts answering at once. The server runs in a child process, so its
 * process.cpuUsage() counts the server alone, not this load generator.
 *
 *   node build/scripts/bench/http-overhead.js [requests=4000] [concurrency=8] [rounds=3]
 *   CPU_PROF_DIR=/tmp/prof node build/scripts/bench/http-overhead.js   (server under --cpu-prof)
 */
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../gateway/src/app';
import { newTokenService } from '../../gateway/src/auth/token';
import { newStreamRegistry } from '../../gateway/src/events/streams';
import type { UserContracts } from '../../gateway/src/fabric/user-contracts';
import { newLogger } from '../../gateway/src/logger';
import { newMetrics } from '../../gateway/src/ops/metrics';
import { MSP, USERS } from '../../test/gateway/support/app';
import { stubContracts, submitted } from '../../test/gateway/support/stubs';

type Case = { name: string; method: string; path: string; status: number; body?: string };

// prettier-ignore
const OBSERVATION = { resourceType: 'Observation', status: 'final', subject: { reference: 'Patient/pat-a00001' },
  code: { text: 'Heart rate' }, valueQuantity: { value: 72, unit: 'beats/minute' } };

const CASES: readonly Case[] = [
  { name: 'GET /credentials/{n}/verification', method: 'GET', status: 200, path: '/credentials/LIC-CA-000123/verification?organisation=ProviderAMSP&date=2026-06-01' },
  { name: 'GET /records/{id}', method: 'GET', status: 200, path: '/records/rec-abc123?purpose=treatment' },
  { name: 'POST /patients/{id}/records', method: 'POST', status: 201, path: '/patients/pat-a00001/records', body: JSON.stringify({ resource: OBSERVATION }) },
]; // prettier-ignore

type Message = { port: number; token: string } | { cpu: NodeJS.CpuUsage };

/** The server side: the gateway on 127.0.0.1 (any port), telling its CPU time when asked. */
function serve(dir: string): void {
  const stubs = stubContracts();
  const contracts: UserContracts = {
    ...stubs,
    credentials: {
      ...stubs.credentials,
      verifyLicence: async (licenceNumber, organisation, date) => ({
        licenceNumber,
        organisation,
        date,
        valid: true,
      }),
    },
    records: {
      ...stubs.records,
      logAccess: async () => submitted({ accessId: 'acc-1' }),
      readRecord: async (recordId) => ({ metadata: { recordId }, resource: OBSERVATION }),
      addRecord: async () => submitted({ recordId: 'rec-new1', version: 1, hash: 'f'.repeat(64) }),
    },
  };
  const tokens = newTokenService({
    secret: 'bench-0123456789abcdef',
    mspId: MSP,
    ttlSeconds: 3600,
  });
  const unused = () => Promise.reject(new Error('not in this benchmark'));
  const app = createApp({
    mspId: MSP,
    // As in production: an access-log line per request, to stdout (/dev/null here).
    logger: newLogger({ level: 'info' }),
    metrics: newMetrics(),
    tokens,
    authenticator: { login: unused },
    ca: { register: unused },
    contracts: { forUser: async () => contracts },
    readiness: async () => true,
    streams: newStreamRegistry(),
    bodyLimitBytes: 256 * 1024,
    rateLimitPerMinute: 1e9,
  });
  const [cert, key] = ['cert.pem', 'key.pem'].map((file) => readFileSync(join(dir, file)));
  const server = createServer({ cert, key, minVersion: 'TLSv1.2' }, app);
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    process.send?.({ port, token: tokens.issue(USERS.physician).token } satisfies Message);
  });
  process.on('message', (m) => {
    if (m === 'cpu') process.send?.({ cpu: process.cpuUsage() } satisfies Message);
    if (m === 'exit') process.exit(0);
  });
}

function ask(child: ChildProcess, question?: string): Promise<Message> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as Message));
    if (question !== undefined) child.send(question);
  });
}

async function cpuOf(child: ChildProcess): Promise<number> {
  const m = await ask(child, 'cpu');
  return 'cpu' in m ? m.cpu.user + m.cpu.system : Number.NaN;
}

type Client = { agent: Agent; ca: Buffer; port: number; token: string };

function once(client: Client, c: Case): Promise<void> {
  const headers: Record<string, string> = { authorization: `Bearer ${client.token}` };
  if (c.body !== undefined) headers['content-type'] = 'application/json';
  const { agent, ca, port } = client;
  return new Promise((resolve, reject) => {
    const options = { host: '127.0.0.1', port, method: c.method, path: c.path, headers, agent, ca };
    const req = request(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        if (res.statusCode === c.status) resolve();
        else reject(new Error(`${c.name}: ${res.statusCode} ${Buffer.concat(chunks).toString()}`));
      });
    });
    req.on('error', reject);
    req.end(c.body);
  });
}

/** N requests of one case, C at a time. */
async function drive(client: Client, c: Case, n: number, concurrency: number): Promise<void> {
  let started = 0;
  const worker = async () => {
    while (started < n) {
      started += 1;
      await once(client, c);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

function selfSignedCert(dir: string): void {
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  const subject = ['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'];
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const args = ['req', '-x509', ...ec, '-keyout', key, '-out', cert, '-days', '1', ...subject];
  execFileSync('openssl', args, { stdio: 'ignore' });
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
const row = (label: string, us: number, rps: number) =>
  `${label.padEnd(44)} ${us.toFixed(0).padStart(5)} µs CPU/req ${rps.toFixed(0).padStart(7)} req/s`;

async function main(): Promise<void> {
  const [requests = 4000, concurrency = 8, rounds = 3] = process.argv.slice(2).map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'http-overhead-'));
  selfSignedCert(dir);
  const prof = process.env.CPU_PROF_DIR;
  const child = fork(__filename, ['serve', dir], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    execArgv: prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [],
  });
  try {
    const hello = await ask(child);
    if (!('port' in hello)) throw new Error('the server did not start');
    const ca = readFileSync(join(dir, 'cert.pem'));
    const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
    const client: Client = { agent, ca, port: hello.port, token: hello.token };
    console.log(
      `${requests} requests per case and round, ${concurrency} at once, ${rounds} rounds`,
    );
    for (const c of CASES) await drive(client, c, Math.min(1000, requests), concurrency); // JIT
    const results = new Map(
      CASES.map((c) => [c.name, { us: [] as number[], rps: [] as number[] }]),
    );
    for (let round = 1; round <= rounds; round += 1) {
      for (const c of CASES) {
        const cpu = await cpuOf(child);
        const started = performance.now();
        await drive(client, c, requests, concurrency);
        const rps = requests / ((performance.now() - started) / 1000);
        const us = ((await cpuOf(child)) - cpu) / requests;
        results.get(c.name)?.us.push(us);
        results.get(c.name)?.rps.push(rps);
        console.log(row(`round ${round}  ${c.name}`, us, rps));
      }
    }
    console.log('median of the rounds');
    for (const [name, r] of results) console.log(row(`  ${name}`, median(r.us), median(r.rps)));
    agent.destroy();
  } finally {
    child.send('exit');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'serve') serve(process.argv[3] ?? '.');
else
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
