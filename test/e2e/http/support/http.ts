/**
 * A small HTTPS JSON client for one gateway: requests with or without a bearer token, each
 * answer as status, headers and parsed body, over a keep-alive agent that trusts the
 * organisation's CA.
 */
import { Agent, request } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { z } from 'zod';
import type { OrgName } from '../../support/network';
import { gatewayUrl, passwordOf, tlsRoot } from './gateways';

export interface HttpAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

export interface RequestOptions {
  readonly token?: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

export class GatewayClient {
  readonly org: OrgName;
  readonly url: string;
  readonly agent: Agent;

  constructor(org: OrgName, url = gatewayUrl(org)) {
    this.org = org;
    this.url = url;
    this.agent = new Agent({ keepAlive: true, ca: tlsRoot(org) });
  }

  send(method: 'GET' | 'POST', path: string, options: RequestOptions = {}): Promise<HttpAnswer> {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: Record<string, string> = { ...options.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    return new Promise((resolve, reject) => {
      const req = request(
        new URL(path, this.url),
        { method, headers, agent: this.agent, timeout: options.timeoutMs ?? 90_000 },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // metrics and other text answers stay text
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Logs in; the password defaults to the network.json user's enrollment.secret. */
  async login(enrollmentId: string, password = passwordOf(this.org, enrollmentId)): Promise<User> {
    const res = await this.send('POST', '/auth/login', { body: { enrollmentId, password } });
    if (res.status !== 200)
      throw new Error(
        `login of ${enrollmentId} at ${this.org}: ${res.status} ${JSON.stringify(res.body)}`,
      );
    return new User(this, enrollmentId, bodyOf(z.object({ token: z.string() }), res).token);
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A signed-in user of one gateway. */
export class User {
  readonly client: GatewayClient;
  readonly id: string;
  readonly token: string;

  constructor(client: GatewayClient, id: string, token: string) {
    this.client = client;
    this.id = id;
    this.token = token;
  }

  get(path: string, headers?: Record<string, string>): Promise<HttpAnswer> {
    return this.client.send('GET', path, { token: this.token, headers });
  }

  post(path: string, body?: unknown): Promise<HttpAnswer> {
    return this.client.send('POST', path, { token: this.token, body });
  }
}

/** Fails with the whole answer when the status is not the expected one. */
export function expectStatus(res: HttpAnswer, status: number): HttpAnswer {
  if (res.status !== status) {
    throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return res;
}

/** The answer's body, checked by SCHEMA. */
export function bodyOf<S extends z.ZodType>(schema: S, res: HttpAnswer): z.output<S> {
  const parsed = schema.safeParse(res.body);
  if (!parsed.success) {
    throw new Error(
      `unexpected body (${res.status}): ${JSON.stringify(res.body)}\n${parsed.error.message}`,
    );
  }
  return parsed.data;
}

const TxId = z.string().regex(/^[0-9a-f]{64}$/);

/** A submit's answer: the chaincode's result, the transaction ID and the block number. */
export function committedOf<S extends z.ZodType>(result: S) {
  return z.strictObject({ result, transactionId: TxId, blockNumber: z.int().min(1) });
}

export const ErrorAnswer = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    reason: z.string().optional(),
    requestId: z.string(),
  }),
});

/** Checks a failure: its status and its code; returns the error. */
export function expectError(res: HttpAnswer, status: number, code: string) {
  expectStatus(res, status);
  const { error } = bodyOf(ErrorAnswer, res);
  if (error.code !== code) throw new Error(`expected ${code}, got ${JSON.stringify(error)}`);
  return error;
}
