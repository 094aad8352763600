/**
 * Property: whatever body a client sends to any route (the valid one with fields dropped, set
 * to wrong types, boundary and huge values, deep nesting, unicode edge cases, extra and
 * prototype-polluting keys, or replaced whole), the gateway answers the route's success only
 * if its own schema accepts the body, and otherwise a clear 4xx that names the field, having
 * sent nothing to the ledger. Never a 5xx, never a changed Object.prototype.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  assertClearRefusal,
  assertNot5xx,
  assertPrototypeIntact,
  brief,
  submitsOf,
} from './support/answers';
import { PropertyGateway } from './support/harness';
import { toJsonText } from './support/hostile';
import { mutate, mutations } from './support/mutations';
import { queryText, routesUnderTest, urlOf } from './support/routes';
import { propertyRuns } from './support/runs';

describe('every route against hostile bodies (property-based)', function () {
  this.timeout(120_000);
  const gw = new PropertyGateway();
  before(() => gw.start());
  after(() => gw.stop('hostile bodies'));

  // GET /events is a stream: its body is the subject of a test of its own (events.test.ts).
  for (const route of routesUnderTest().filter((r) => r.key !== 'GET /events')) {
    it(`${route.key}: success only for a body its schema accepts, else a clear 4xx; never a 5xx`, async () => {
      const url = urlOf(route, route.params, queryText(route.query));
      await fc.assert(
        fc.asyncProperty(mutations, async (ms) => {
          gw.reset();
          const text = toJsonText(mutate(route.body ?? {}, ms));
          const what = `${route.key} with body ${brief(text, 200)}`;
          const answer = await gw.send(route.method, url, { user: route.user, text });
          assertNot5xx(answer, what);
          assertPrototypeIntact(what);

          if (Buffer.byteLength(text) > gw.bodyLimitBytes) {
            const refusal = assertClearRefusal(answer, what);
            assert.equal(answer.status, 413, what);
            assert.equal(refusal.error.code, 'PAYLOAD_TOO_LARGE');
            assert.equal(gw.calls.length, 0, `${what}: nothing reached the ledger`);
            return;
          }
          const value: unknown = JSON.parse(text);
          const accepted =
            typeof value === 'object' && value !== null && route.doc.body.safeParse(value).success;
          if (accepted && answer.status === route.success) return;
          const refusal = assertClearRefusal(answer, what);
          assert.equal(submitsOf(gw.calls).length, 0, `${what}: a refused request wrote nothing`);
          if (!accepted) {
            assert.equal(answer.status, 400, `${what}: refused as a bad request`);
            assert.equal(typeof refusal.error.field, 'string', what);
            assert.equal(gw.calls.length, 0, `${what}: nothing reached the ledger`);
          }
        }),
        { numRuns: propertyRuns(30) },
      );
    });
  }
});
