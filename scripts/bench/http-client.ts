/**
 * The benchmark's own HTTPS JSON client for one gateway: the load generator shares the box with
 * the network, so every microsecond it spends per request is taken from the peers. Compared
 * with the end-to-end tests' client (test/e2e/http/support/http.ts) it parses the origin once,
 * hands node:https the headers as a ready array (no per-header validation, no Host
 * computation), keeps the answer as Buffers until one JSON.parse, and replaces a socket timer
 * per request by one sweeper over the requests in flight. Measured by client-overhead.ts.
 */
import { Agent, request } from 'node:https';
import type { ClientRequest, IncomingMessage } from 'node:http';

export interface HttpAnswer {
  readonly status: number;
  /** Parsed JSON; a body that is not JSON stays text ('' when empty). */
  readonly body: unknown;
}

/** A signed-in user of the gateway, as the load generator sees one. */
export interface HttpSession {
  get(path: string): Promise<HttpAnswer>;
  post(path: string, body?: unknown): Promise<HttpAnswer>;
}

export interface HttpClient {
  /** One request; rejects only when no answer came (socket error, past the deadline). */
  send(method: 'GET' | 'POST', path: string, token?: string, body?: unknown): Promise<HttpAnswer>;
  /** Requests with TOKEN as the bearer token. */
  session(token: string): HttpSession;
  /** Closes the connections; requests still in flight fail. */
  close(): void;
}

export interface HttpClientOptions {
  /** The gateway's origin, e.g. https://localhost:8443 (a path is ignored). */
  readonly url: string;
  /** The TLS root the gateway's certificate chains to. */
  readonly ca: Buffer | string;
  /** Connections at most (requests beyond wait in the agent's queue). */
  readonly maxSockets: number;
  /** Deadline of a request, from its start to its last byte (90 s by default). */
  readonly timeoutMs?: number;
}

export function newHttpClient(options: Readonly<HttpClientOptions>): HttpClient {
  return new LeanClient(options);
}

/** How often deadlines are checked: a late request fails at most this much after its deadline. */
const SWEEP_MS = 250;

class LeanClient implements HttpClient {
  readonly #agent: Agent;
  readonly #hostname: string;
  readonly #port: number;
  readonly #host: string;
  readonly #timeoutMs: number;
  readonly #inFlight = new Set<Exchange>();
  readonly #sweeper: NodeJS.Timeout;

  constructor(options: Readonly<HttpClientOptions>) {
    const origin = new URL(options.url);
    if (origin.protocol !== 'https:') throw new Error(`${options.url}: not an https URL`);
    this.#hostname = origin.hostname.replace(/^\[|\]$/g, '');
    this.#port = origin.port === '' ? 443 : Number(origin.port);
    this.#host = origin.host;
    this.#timeoutMs = options.timeoutMs ?? 90_000;
    // LIFO: under a light load the same few connections stay warm instead of all of them. The
    // CA as text: the agent appends it to every request's pool name, a Buffer would be decoded.
    this.#agent = new Agent({
      keepAlive: true,
      maxSockets: options.maxSockets,
      scheduling: 'lifo',
      ca: options.ca.toString(),
    });
    this.#sweeper = setInterval(() => this.#sweep(), SWEEP_MS);
    this.#sweeper.unref();
  }

  send(method: 'GET' | 'POST', path: string, token?: string, body?: unknown): Promise<HttpAnswer> {
    const headers = ['host', this.#host];
    if (token !== undefined) headers.push('authorization', `Bearer ${token}`);
    // Headers given as an array are written as they are: a POST states its length itself.
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    if (payload !== undefined) {
      headers.push('content-type', 'application/json', 'content-length', `${payload.length}`);
    } else if (method === 'POST') headers.push('content-length', '0');
    return new Promise((resolve, reject) => {
      const req = request(
        { hostname: this.#hostname, port: this.#port, method, path, headers, agent: this.#agent },
        (res) => readAnswer(res, exchange),
      );
      const deadline = Date.now() + this.#timeoutMs;
      const exchange = new Exchange(this.#inFlight, req, deadline, resolve, reject);
      req.on('error', exchange.fail);
      req.on('close', exchange.closed);
      req.end(payload);
    });
  }

  session(token: string): HttpSession {
    return {
      get: (path) => this.send('GET', path, token),
      post: (path, body) => this.send('POST', path, token, body),
    };
  }

  close(): void {
    clearInterval(this.#sweeper);
    this.#agent.destroy();
  }

  #sweep(): void {
    if (this.#inFlight.size === 0) return;
    const now = Date.now();
    for (const exchange of this.#inFlight) {
      if (exchange.deadline > now) continue;
      // The end-to-end client's message, which errors.ts counts as a timeout.
      const err = new Error(`${exchange.req.method} ${exchange.req.path}: no answer`);
      exchange.fail(err);
      exchange.req.destroy(err);
    }
  }
}

/** One request until it settles; in the in-flight set (for the sweeper) until then. */
class Exchange {
  readonly req: ClientRequest;
  readonly deadline: number;
  readonly chunks: Buffer[] = [];
  readonly #inFlight: Set<Exchange>;
  readonly #resolve: (answer: HttpAnswer) => void;
  readonly #reject: (err: Error) => void;

  constructor(
    inFlight: Set<Exchange>,
    req: ClientRequest,
    deadline: number,
    resolve: (answer: HttpAnswer) => void,
    reject: (err: Error) => void,
  ) {
    this.#inFlight = inFlight;
    this.req = req;
    this.deadline = deadline;
    this.#resolve = resolve;
    this.#reject = reject;
    inFlight.add(this);
  }

  readonly succeed = (answer: HttpAnswer): void => {
    if (this.#inFlight.delete(this)) this.#resolve(answer);
  };

  readonly fail = (err: Error): void => {
    if (this.#inFlight.delete(this)) this.#reject(err);
  };

  /** The connection went away before the answer ended, without an error event. */
  readonly closed = (): void => {
    if (!this.#inFlight.has(this)) return; // the usual case: it settled first
    this.fail(new Error(`${this.req.method} ${this.req.path}: connection closed`));
  };
}

function readAnswer(res: IncomingMessage, exchange: Exchange): void {
  res.on('data', (chunk: Buffer) => exchange.chunks.push(chunk));
  res.on('error', exchange.fail);
  res.on('end', () => {
    const { chunks } = exchange;
    const text = (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)).toString();
    exchange.succeed({ status: res.statusCode ?? 0, body: parseBody(text) });
  });
}

/** JSON when it parses; metrics and other text answers stay text. */
export function parseBody(text: string): unknown {
  if (text === '') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
