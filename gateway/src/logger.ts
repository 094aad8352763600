/**
 * Structured JSON logs, one object per line. Callers pass fields, never request bodies: the
 * gateway carries PHI, and a log line is copied to places a ledger's access rules do not reach.
 */
import { writeSync } from 'node:fs';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Where each line goes; stdout by default, a write per turn of the event loop. */
  readonly write?: (line: string) => void;
  readonly now?: () => Date;
  /** Fields on every line, such as the organisation. */
  readonly base?: LogFields;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function newLogger(options: Readonly<LoggerOptions>): Logger {
  const write = options.write ?? batchedStdout();
  const now = options.now ?? (() => new Date());
  const min = RANK[options.level];
  const log =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}) => {
      if (RANK[level] < min) return;
      write(
        JSON.stringify(
          { time: now().toISOString(), level, message, ...options.base, ...fields },
          replacer,
        ),
      );
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/**
 * Lines written to stdout together once per turn of the event loop: with an access-log line
 * per request, a write system call per line cost the gateway about 5 % of its CPU at
 * saturation. What is still queued when the process exits is written synchronously then.
 */
function batchedStdout(): (line: string) => void {
  let queued: string[] = [];
  const flush = (): string | undefined => {
    if (queued.length === 0) return undefined;
    const text = `${queued.join('\n')}\n`;
    queued = [];
    return text;
  };
  process.on('exit', () => {
    const text = flush();
    if (text !== undefined) writeSync(1, text);
  });
  return (line) => {
    if (queued.length === 0) {
      setImmediate(() => {
        const text = flush();
        if (text !== undefined) process.stdout.write(text);
      });
    }
    queued.push(line);
  };
}

/** A logger that drops everything, for tests. */
export function silentLogger(): Logger {
  const none = () => undefined;
  return { debug: none, info: none, warn: none, error: none };
}

// Errors lose their message and stack in JSON.stringify; bigints throw.
function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Error)
    return { name: value.name, message: value.message, stack: value.stack };
  if (typeof value === 'bigint') return value.toString();
  return value;
}
