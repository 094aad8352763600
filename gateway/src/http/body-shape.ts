/**
 * Checks the shape of a parsed JSON body before any schema sees it: nesting deeper than any
 * request needs (which would overflow recursive code such as JSON.stringify later on) and
 * "__proto__" keys (which object copies silently turn into a prototype, dropping the data).
 * The walk is iterative so that the check itself cannot overflow the stack.
 */
import { badRequest } from './problem';

/** Deeper than any FHIR resource or other request body the gateway accepts. */
export const MAX_BODY_DEPTH = 32;

interface Pending {
  readonly value: unknown;
  readonly depth: number;
  readonly path: readonly string[];
}

/** Throws a 400 for a body nested deeper than MAX_BODY_DEPTH or carrying a "__proto__" key. */
export function checkBodyShape(body: unknown): void {
  const pending: Pending[] = [{ value: body, depth: 0, path: [] }];
  let protoKey: readonly string[] | undefined;
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, depth, path } = next;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) {
      throw badRequest('body', `is nested deeper than ${MAX_BODY_DEPTH} levels`);
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = [...path, key];
      if (key === '__proto__' && protoKey === undefined) protoKey = childPath;
      pending.push({ value: child, depth: depth + 1, path: childPath });
    }
  }
  if (protoKey !== undefined) throw badRequest(protoKey.join('.'), 'is not an allowed key');
}
