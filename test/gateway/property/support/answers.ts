/**
 * What every answer to a bad request must look like: a 4xx (never a 5xx), JSON, a stable
 * code, a message that says what is wrong without a stack trace, and for a 400 the field and
 * the reason. Also the safety checks that follow every request: nothing was sent to the
 * ledger for a refused request, and no key leaked onto Object.prototype.
 */
import assert from 'node:assert/strict';
import { z } from 'zod';
import type { Answer, LedgerCall } from './harness';

const ErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.string().regex(/^[A-Z][A-Z_]+$/),
    message: z.string().min(3),
    // The empty string is a key a client can send, and then the field it names.
    field: z.string().optional(),
    reason: z.string().min(1).optional(),
    requestId: z.string().min(1),
  }),
});

export type ErrorBody = z.output<typeof ErrorBody>;

/** Shortened and on one line for assertion messages: huge bodies would drown the report. */
export function brief(text: string, max = 300): string {
  const line = text.replace(/[\r\n]/g, (c) => (c === '\n' ? '\\n' : '\\r'));
  return line.length <= max ? line : `${line.slice(0, max)}... (${text.length} characters)`;
}

export function assertNot5xx(answer: Answer, what: string): void {
  assert.ok(
    answer.status < 500,
    `${what} was answered ${answer.status}, a server error: ${brief(answer.text)}`,
  );
}

/** A clear refusal: 4xx, JSON error body with code and message, field and reason on a 400. */
export function assertClearRefusal(answer: Answer, what: string): ErrorBody {
  assertNot5xx(answer, what);
  assert.ok(
    answer.status >= 400 && answer.status < 500,
    `${what} got ${answer.status} where a 4xx was due: ${brief(answer.text)}`,
  );
  assert.match(answer.contentType, /application\/json/, `${what}: the refusal is JSON`);
  const parsed = ErrorBody.safeParse(answer.body);
  assert.ok(parsed.success, `${what}: the refusal has the error shape: ${brief(answer.text)}`);
  const { error } = parsed.data;
  assert.doesNotMatch(error.message, /\n\s+at /, `${what}: no stack trace in the message`);
  if (answer.status === 400) {
    assert.equal(error.code, 'INVALID_ARGUMENT', `${what}: a 400 is INVALID_ARGUMENT`);
    assert.equal(
      typeof error.field,
      'string',
      `${what}: a 400 names the field: ${brief(answer.text)}`,
    );
    assert.ok(error.reason, `${what}: a 400 says why: ${brief(answer.text)}`);
  }
  return parsed.data;
}

export function submitsOf(calls: readonly LedgerCall[]): LedgerCall[] {
  return calls.filter((c) => c.kind === 'submit');
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

/** No request may add a property to Object.prototype (prototype pollution). */
export function assertPrototypeIntact(what: string): void {
  assert.deepEqual(
    Object.getOwnPropertyNames(Object.prototype).sort(),
    PROTOTYPE_KEYS,
    `${what}: Object.prototype was changed`,
  );
  assert.equal(({} as Record<string, unknown>).polluted, undefined, `${what}: prototype polluted`);
}
