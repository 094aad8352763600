/**
 * The gateway's configuration: the only reader of process.env. Every variable is checked at
 * start-up and all problems are reported together, each naming its variable, so a wrong
 * deployment fails at once instead of on the first request.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Deadlines } from './fabric/connection';
import type { LogLevel } from './logger';

export interface Config {
  /** The organisation this gateway serves, e.g. providera (for logs). */
  readonly org: string;
  readonly mspId: string;
  readonly listen: { readonly host: string; readonly port: number };
  /** PEM files of the gateway's HTTPS certificate (issued by the organisation's CA) and key. */
  readonly tls: { readonly certFile: string; readonly keyFile: string };
  readonly peer: { readonly endpoint: string; readonly tlsRootCertFile: string };
  readonly channel: string;
  readonly chaincode: string;
  readonly ca: {
    readonly url: string;
    readonly name: string;
    readonly tlsRootCertFile: string;
    /** MSP folder of an identity allowed to register users (the CA's registrar). */
    readonly registrarMspDir: string;
  };
  /** Keys of tokens and of the wallet are derived from this; never logged. */
  readonly secret: string;
  readonly walletDir: string;
  /** MSP folder of the gateway's own identity (a client of its organisation). With it, commits
   * are confirmed from one block stream instead of one status call per transaction. */
  readonly identityMspDir: string | undefined;
  readonly tokenTtlSeconds: number;
  readonly rateLimitPerMinute: number;
  readonly bodyLimitBytes: number;
  /** Admission control: requests at work at once, waiting at most, and the longest wait. */
  readonly admission: { maxActive: number; maxQueued: number; queueMs: number };
  readonly deadlines: Deadlines;
  readonly logLevel: LogLevel;
}

export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`invalid gateway configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const PREFIX = 'HEALTHLEDGER_';
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
const MIN_SECRET_LENGTH = 16;

/** Reads and checks the configuration; throws a ConfigError listing every problem. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const v = new Reader(env, problems);
  const secretFile = v.file('GATEWAY_SECRET_FILE');
  const config: Config = {
    org: v.text('ORG'),
    mspId: v.text('MSP_ID', /^[A-Za-z0-9.-]+$/),
    listen: {
      host: v.text('GATEWAY_HOST', undefined, '127.0.0.1'),
      port: v.int('GATEWAY_PORT', 1, 65535),
    },
    tls: { certFile: v.file('GATEWAY_TLS_CERT'), keyFile: v.file('GATEWAY_TLS_KEY') },
    peer: {
      endpoint: v.text('PEER_ENDPOINT', /^[^\s:]+:\d{1,5}$/),
      tlsRootCertFile: v.file('PEER_TLS_ROOT_CERT'),
    },
    channel: v.text('CHANNEL', undefined, 'health'),
    chaincode: v.text('CHAINCODE', undefined, 'healthledger'),
    ca: {
      url: v.text('CA_URL', /^https:\/\/[^\s/]+$/),
      name: v.text('CA_NAME'),
      tlsRootCertFile: v.file('CA_TLS_ROOT_CERT'),
      registrarMspDir: v.dir('CA_REGISTRAR_MSP'),
    },
    secret: secretFile === '' ? '' : readSecret(secretFile, problems),
    walletDir: v.text('WALLET_DIR'),
    identityMspDir: v.optionalDir('GATEWAY_MSP'),
    tokenTtlSeconds: v.int('TOKEN_TTL_SECONDS', 60, 3600, 900),
    rateLimitPerMinute: v.int('RATE_LIMIT_PER_MINUTE', 1, 100_000, 600),
    bodyLimitBytes: v.int('BODY_LIMIT_BYTES', 1024, 10 * 1024 * 1024, 256 * 1024),
    admission: {
      maxActive: v.int('MAX_ACTIVE_REQUESTS', 1, 100_000, 192),
      maxQueued: v.int('MAX_QUEUED_REQUESTS', 0, 1_000_000, 4096),
      queueMs: v.int('QUEUE_TIMEOUT_MS', 1, 600_000, 15_000),
    },
    deadlines: {
      evaluateMs: v.int('EVALUATE_TIMEOUT_MS', 100, 600_000, 5_000),
      endorseMs: v.int('ENDORSE_TIMEOUT_MS', 100, 600_000, 15_000),
      submitMs: v.int('SUBMIT_TIMEOUT_MS', 100, 600_000, 5_000),
      commitStatusMs: v.int('COMMIT_TIMEOUT_MS', 100, 600_000, 60_000),
    },
    logLevel: v.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function readSecret(file: string, problems: string[]): string {
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < MIN_SECRET_LENGTH) {
    problems.push(
      `${PREFIX}GATEWAY_SECRET_FILE: ${file} must hold at least ${MIN_SECRET_LENGTH} characters`,
    );
  }
  const mode = statSync(file).mode & 0o077;
  if (mode !== 0) {
    problems.push(
      `${PREFIX}GATEWAY_SECRET_FILE: ${file} must be readable by its owner only (chmod 600)`,
    );
  }
  return secret;
}

/** Collects a problem per bad variable instead of stopping at the first. */
class Reader {
  readonly #env: NodeJS.ProcessEnv;
  readonly #problems: string[];

  constructor(env: NodeJS.ProcessEnv, problems: string[]) {
    this.#env = env;
    this.#problems = problems;
  }

  text(name: string, pattern?: RegExp, fallback?: string): string {
    const value = this.#env[PREFIX + name]?.trim() ?? '';
    if (value === '') {
      if (fallback !== undefined) return fallback;
      this.#problems.push(`${PREFIX}${name}: is required`);
      return '';
    }
    if (pattern && !pattern.test(value)) {
      this.#problems.push(`${PREFIX}${name}: "${value}" does not match ${pattern.source}`);
    }
    return value;
  }

  int(name: string, min: number, max: number, fallback?: number): number {
    const raw = this.text(name, undefined, fallback === undefined ? undefined : String(fallback));
    if (raw === '') return 0;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      this.#problems.push(
        `${PREFIX}${name}: "${raw}" must be a whole number from ${min} to ${max}`,
      );
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.text(name, undefined, fallback);
    const found = allowed.find((a) => a === raw);
    if (found === undefined) {
      this.#problems.push(`${PREFIX}${name}: "${raw}" must be one of ${allowed.join(', ')}`);
      return fallback;
    }
    return found;
  }

  file(name: string): string {
    const path = this.text(name);
    if (path !== '' && !(existsSync(path) && statSync(path).isFile())) {
      this.#problems.push(`${PREFIX}${name}: no file at ${path}`);
      return '';
    }
    return path;
  }

  /** A folder, or undefined when the variable is not set. */
  optionalDir(name: string): string | undefined {
    return (this.#env[PREFIX + name]?.trim() ?? '') === '' ? undefined : this.dir(name);
  }

  dir(name: string): string {
    const path = this.text(name);
    if (path !== '' && !(existsSync(path) && statSync(path).isDirectory())) {
      this.#problems.push(`${PREFIX}${name}: no folder at ${path}`);
    }
    return path;
  }
}
