/**
 * A whole gateway for property tests: the real Express app, token service, error mapping and
 * the real contract facades (salt, transient map, endorsers, JSON encoding), with only Fabric
 * replaced by a recording runner. So a hostile body travels every line of gateway code a real
 * request does, and the test sees what would have been signed and what was logged.
 */
import type { Server } from 'node:http';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import sinon from 'sinon';
import { createApp } from '../../../../gateway/src/app';
import type { Authenticator } from '../../../../gateway/src/auth/login';
import { newTokenService, type TokenService } from '../../../../gateway/src/auth/token';
import type { AuthUser } from '../../../../gateway/src/auth/user';
import type { CaClient } from '../../../../gateway/src/ca/ca-client';
import { newClaimsFacade } from '../../../../gateway/src/claims/facade';
import { newConsentFacade } from '../../../../gateway/src/consent/facade';
import { newCredentialsFacade } from '../../../../gateway/src/credentials/facade';
import type { EventFeed } from '../../../../gateway/src/events/feed';
import { newStreamRegistry } from '../../../../gateway/src/events/streams';
import type { TransactionRunner } from '../../../../gateway/src/fabric/runner';
import type { Committed, TransactionRequest } from '../../../../gateway/src/fabric/transactions';
import { newLogger } from '../../../../gateway/src/logger';
import { newMetrics } from '../../../../gateway/src/ops/metrics';
import { newRecordsFacade } from '../../../../gateway/src/records/facade';

export const MSP = 'ProviderAMSP';
const SECRET = 'property-test-secret-0123456789abcdef';
const TX_ID = 'b'.repeat(64);

export const USERS = {
  registrar: { id: 'registrar1', mspId: MSP, role: 'registrar' },
  physician: { id: 'physician1', mspId: MSP, role: 'physician', practitionerId: 'pr-a-phys1' },
  patient: { id: 'patient1', mspId: MSP, role: 'patient', patientId: 'pat-a00001' },
  admin: { id: 'orgadmin', mspId: MSP, role: 'admin' },
} satisfies Record<string, AuthUser>;

/** One call that reached "Fabric": what would have been signed and sent. */
export interface LedgerCall {
  readonly kind: 'submit' | 'evaluate';
  readonly contract: string;
  readonly name: string;
  readonly request: TransactionRequest;
}

/** Results of the lookups facades act on (the rest answer {"ok":true}). */
const PLAUSIBLE: Readonly<Record<string, string>> = {
  erasureEndorsers: `["${MSP}"]`,
  recordCustodian: `{"recordId":"rec-1","custodian":"${MSP}"}`,
  getPatient: `{"status":"active","registeredBy":"${MSP}"}`,
};
const ERASURE =
  '{"patientId":"pat-000001","erasedAt":"2026-03-05T10:00:00.000Z","records":0,"custodians":[]}';

/** Answers every transaction with a plausible result and records it. */
function recordingRunner(contract: string, calls: LedgerCall[]): TransactionRunner {
  return {
    async submit(name, request = {}): Promise<Committed<string>> {
      calls.push({ kind: 'submit', contract, name, request });
      const result = name.startsWith('erase') ? ERASURE : '{"ok":true}';
      return { result, transactionId: TX_ID, blockNumber: BigInt(9) };
    },
    async evaluate(name, request = {}): Promise<string> {
      calls.push({ kind: 'evaluate', contract, name, request });
      return PLAUSIBLE[name] ?? '{"ok":true}';
    },
  };
}

/** A feed whose streams end at once, so GET /events answers and closes. */
const emptyFeed: EventFeed = {
  open: async () => ({
    [Symbol.asyncIterator]: () => ({
      next: async (): Promise<IteratorResult<never>> => ({ done: true, value: undefined }),
    }),
    close: () => undefined,
  }),
};

export interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  readonly body: unknown;
}

export interface SendOptions {
  readonly user?: AuthUser;
  /** A raw Authorization header; overrides user. */
  readonly authorization?: string;
  /** The body as it goes on the wire. */
  readonly text?: string;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export class PropertyGateway {
  readonly calls: LedgerCall[] = [];
  readonly logLines: string[] = [];
  readonly tokens: TokenService;
  readonly login = sinon.stub<
    Parameters<Authenticator['login']>,
    ReturnType<Authenticator['login']>
  >();
  readonly register = sinon.stub<
    Parameters<CaClient['register']>,
    ReturnType<CaClient['register']>
  >();
  readonly bodyLimitBytes: number;
  /** How many requests got each status, for the report (HEALTHLEDGER_PROPERTY_REPORT=1). */
  readonly statuses = new Map<number, number>();
  #server: Server | undefined;
  #base = '';

  constructor(bodyLimitBytes = 256 * 1024) {
    this.bodyLimitBytes = bodyLimitBytes;
    this.tokens = newTokenService({ secret: SECRET, mspId: MSP, ttlSeconds: 900 });
    this.login.resolves(USERS.patient);
    this.register.resolves('password-from-the-ca');
  }

  async start(): Promise<void> {
    const calls = this.calls;
    let n = 0;
    const app = createApp({
      mspId: MSP,
      logger: newLogger({ level: 'debug', write: (line) => this.logLines.push(line) }),
      metrics: newMetrics(),
      tokens: this.tokens,
      authenticator: { login: this.login },
      ca: { register: this.register },
      contracts: {
        forUser: async (user) => ({
          records: newRecordsFacade({
            tx: recordingRunner('records', calls),
            mspId: user.mspId,
            salt: () => (n++).toString(16).padStart(64, 'c'),
          }),
          consent: newConsentFacade(
            recordingRunner('consent', calls),
            recordingRunner('records', calls),
          ),
          credentials: newCredentialsFacade(recordingRunner('credentials', calls)),
          claims: newClaimsFacade({
            tx: recordingRunner('claims', calls),
            mspId: user.mspId,
            salt: () => (n++).toString(16).padStart(64, 'd'),
          }),
          events: emptyFeed,
        }),
      },
      readiness: async () => true,
      streams: newStreamRegistry(),
      bodyLimitBytes: this.bodyLimitBytes,
      rateLimitPerMinute: 1_000_000,
      heartbeatMs: 10_000,
    });
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.#server = server;
    this.#base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(title = 'requests'): Promise<void> {
    if (process.env.HEALTHLEDGER_PROPERTY_REPORT) {
      const counts = [...this.statuses].sort(([a], [b]) => a - b);
      const total = counts.reduce((sum, [, n]) => sum + n, 0);
      console.log(
        `      ${title}: ${total} requests; ${counts.map(([s, n]) => `${s}: ${n}`).join(', ')}`,
      );
    }
    const server = this.#server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Forgets the calls and log lines of earlier requests. */
  reset(): void {
    this.calls.length = 0;
    this.logLines.length = 0;
  }

  bearer(user: AuthUser): string {
    return `Bearer ${this.tokens.issue(user).token}`;
  }

  async send(method: string, path: string, options: SendOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.authorization !== undefined) headers.authorization = options.authorization;
    else if (options.user !== undefined) headers.authorization = this.bearer(options.user);
    if (options.text !== undefined) {
      headers['content-type'] = options.contentType ?? 'application/json';
      // Node frames a GET body only when told its length.
      headers['content-length'] = String(Buffer.byteLength(options.text));
    }
    const res = await rawRequest(this.#base, method.toUpperCase(), path, headers, options.text);
    this.statuses.set(res.status, (this.statuses.get(res.status) ?? 0) + 1);
    const text = res.text;
    let body: unknown;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = undefined;
    }
    return { status: res.status, contentType: res.contentType, text, body };
  }
}

/** One HTTP exchange with the path sent exactly as given (no URL normalisation). */
function rawRequest(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<{ status: number; contentType: string; text: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method, path, headers, agent: keepAlive },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const keepAlive = new Agent({ keepAlive: true, maxSockets: 8 });
