/**
 * An extra gateway process of ProviderA for the outage test, reaching the peer through a TCP
 * relay the test can cut and restore, so the shared peer itself is never stopped. It reuses
 * the ProviderA gateway's TLS certificate and CA settings, with its own port, secret and
 * wallet in a temporary folder.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { caPort, NETWORK_HOME } from '../../support/network';
import { gatewayDir, HOST, REPO } from './gateways';

/** Forwards TCP connections from a local port to the peer; can be cut and restored. */
export class Relay {
  readonly #target: { host: string; port: number };
  readonly #sockets = new Set<Socket>();
  #server: Server | undefined;
  port = 0;

  constructor(targetPort: number) {
    this.#target = { host: HOST, port: targetPort };
  }

  async start(): Promise<void> {
    const server = createServer((inbound) => {
      const outbound = connect(this.#target);
      for (const s of [inbound, outbound]) {
        this.#sockets.add(s);
        s.on('close', () => this.#sockets.delete(s));
        s.on('error', () => undefined);
      }
      inbound.pipe(outbound).pipe(inbound);
    });
    await new Promise<void>((resolve) => server.listen(this.port, HOST, resolve));
    const address = server.address();
    if (typeof address === 'object' && address !== null) this.port = address.port;
    this.#server = server;
  }

  /** Refuses new connections and drops the open ones, as a stopped peer would. */
  async cut(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    for (const s of this.#sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

export class ExtraGateway {
  readonly port: number;
  readonly #dir: string;
  readonly #process: ChildProcess;
  #log = '';

  constructor(port: number, peerPort: number) {
    this.port = port;
    this.#dir = mkdtempSync(join(tmpdir(), 'extra-gateway-'));
    const secret = join(this.#dir, 'gateway.secret');
    writeFileSync(secret, randomBytes(24).toString('hex'), { mode: 0o600 });
    const org = join(NETWORK_HOME, 'orgs', 'providera');
    const identity = join(gatewayDir('providera'), 'identity', 'tls');
    this.#process = spawn(process.execPath, [join(REPO, 'gateway', 'dist', 'server.js')], {
      env: {
        PATH: process.env.PATH,
        HEALTHLEDGER_ORG: 'providera-extra',
        HEALTHLEDGER_MSP_ID: 'ProviderAMSP',
        HEALTHLEDGER_GATEWAY_HOST: HOST,
        HEALTHLEDGER_GATEWAY_PORT: String(port),
        HEALTHLEDGER_GATEWAY_TLS_CERT: join(identity, 'server.crt'),
        HEALTHLEDGER_GATEWAY_TLS_KEY: join(identity, 'server.key'),
        HEALTHLEDGER_GATEWAY_SECRET_FILE: secret,
        HEALTHLEDGER_WALLET_DIR: join(this.#dir, 'wallet'),
        HEALTHLEDGER_PEER_ENDPOINT: `${HOST}:${peerPort}`,
        HEALTHLEDGER_PEER_TLS_ROOT_CERT: join(org, 'msp', 'tlscacerts', 'ca.pem'),
        HEALTHLEDGER_CA_URL: `https://${HOST}:${caPort('providera')}`,
        HEALTHLEDGER_CA_NAME: 'ca-providera',
        HEALTHLEDGER_CA_TLS_ROOT_CERT: join(org, 'ca', 'ca-cert.pem'),
        HEALTHLEDGER_CA_REGISTRAR_MSP: join(org, 'ca-admin', 'msp'),
        HEALTHLEDGER_EVALUATE_TIMEOUT_MS: '3000',
        HEALTHLEDGER_ENDORSE_TIMEOUT_MS: '3000',
        HEALTHLEDGER_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.#process.stdout, this.#process.stderr]) {
      stream?.on('data', (chunk: Buffer) => (this.#log += chunk.toString('utf8')));
    }
  }

  get log(): string {
    return this.#log;
  }

  /** SIGTERM, then waits for the exit; returns the exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) =>
      this.#process.once('exit', (code) => resolve(code)),
    );
    this.#process.kill('SIGTERM');
    const code = await exited;
    rmSync(this.#dir, { recursive: true, force: true });
    return code;
  }
}
