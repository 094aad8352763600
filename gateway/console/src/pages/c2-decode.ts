/**
 * Checks the shape of what the gateway answers before the insurer, board and verification
 * pages use it. The console has no bundler, so zod cannot come to the browser; these few
 * combinators do the same job for the fields the pages read (extra fields are ignored) and
 * fail with a message naming the path, which the page shows like any other failure.
 */

export type Decoder<T> = (value: unknown, path: string) => T;

function fail(path: string, expected: string): never {
  throw new Error(`The gateway answered in an unexpected shape: ${path} should be ${expected}.`);
}

export const str: Decoder<string> = (v, path) => (typeof v === 'string' ? v : fail(path, 'text'));

export const int: Decoder<number> = (v, path) =>
  typeof v === 'number' && Number.isInteger(v) ? v : fail(path, 'a whole number');

export const bool: Decoder<boolean> = (v, path) =>
  typeof v === 'boolean' ? v : fail(path, 'true or false');

export function optional<T>(decoder: Decoder<T>): Decoder<T | undefined> {
  return (v, path) => (v === undefined || v === null ? undefined : decoder(v, path));
}

export function array<T>(decoder: Decoder<T>): Decoder<T[]> {
  return (v, path) =>
    Array.isArray(v) ? v.map((item, i) => decoder(item, `${path}[${i}]`)) : fail(path, 'a list');
}

type Shape<T> = { readonly [K in keyof T]: Decoder<T[K]> };

export function object<T>(shape: Shape<T>): Decoder<T> {
  return (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(path, 'an object');
    const source = v as Record<string, unknown>;
    const out: Partial<T> = {};
    for (const key of Object.keys(shape) as (keyof T & string)[]) {
      out[key] = shape[key](source[key], `${path}.${key}`);
    }
    return out as T;
  };
}

/** Decodes an answer of the gateway (the root is called "answer" in messages). */
export function decode<T>(decoder: Decoder<T>, value: unknown): T {
  return decoder(value, 'answer');
}

/** {result, transactionId, blockNumber}: the answer of every write. */
export const Committed = object({ transactionId: str, blockNumber: int });

/** Cents as the dollars a person would type back ("150.00"), for prefilled fields. */
export function dollarsOf(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}
