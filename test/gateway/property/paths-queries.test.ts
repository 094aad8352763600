/**
 * Property: hostile path parameters and query strings on every route (unicode edge cases,
 * reserved characters, impossible dates, repeated keys that become arrays, unknown keys) are
 * refused with a clear 4xx and reach nothing, unless the route's own schemas accept them.
 * Never a 5xx. Plus the one input the router itself decodes: broken percent-encoding.
 */
import assert from 'node:assert/strict';
import { parse as parseQuery } from 'node:querystring';
import fc from 'fast-check';
import {
  assertClearRefusal,
  assertNot5xx,
  assertPrototypeIntact,
  submitsOf,
} from './support/answers';
import { PropertyGateway, USERS } from './support/harness';
import { hostileText, PROTO_KEYS, toJsonText } from './support/hostile';
import {
  percentEncode,
  queryText,
  type RouteUnderTest,
  routesUnderTest,
  urlOf,
} from './support/routes';
import { propertyRuns } from './support/runs';

/** Text as it arrives after percent-decoding (lone surrogates became U+FFFD on the wire). */
const onTheWire = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

const pathText = fc.oneof(
  hostileText.filter((t) => t.length < 500),
  fc.stringMatching(/^(pat|rec|clm|LIC|pr)-[A-Za-z0-9]{0,50}$/),
);

const queryPairs = fc.array(
  fc.tuple(
    fc.oneof(
      fc.constantFrom('pageSize', 'bookmark', 'purpose', 'version', 'date', 'names', 'fromBlock'),
      fc.constantFrom(...PROTO_KEYS),
      fc.string({ maxLength: 12 }),
    ),
    hostileText.filter((t) => t.length < 500),
  ),
  { minLength: 1, maxLength: 4 },
);

describe('every route against hostile paths and queries (property-based)', function () {
  this.timeout(120_000);
  const gw = new PropertyGateway();
  before(() => gw.start());
  after(() => gw.stop('hostile paths and queries'));

  async function check(route: RouteUnderTest, url: string, accepted: boolean, what: string) {
    gw.reset();
    const body = route.body === undefined ? undefined : toJsonText(route.body as never);
    const answer = await gw.send(route.method, url, { user: route.user, text: body });
    assertNot5xx(answer, what);
    assertPrototypeIntact(what);
    if (accepted && answer.status === route.success) return;
    assertClearRefusal(answer, what);
    assert.equal(submitsOf(gw.calls).length, 0, `${what}: a refused request wrote nothing`);
    if (!accepted) assert.equal(gw.calls.length, 0, `${what}: nothing reached the ledger`);
  }

  const routes = routesUnderTest();
  for (const route of routes.filter((r) => Object.keys(r.params).length > 0)) {
    it(`${route.key}: hostile path parameters are a clear 4xx unless valid`, async () => {
      const names = Object.keys(route.params);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...names), pathText, async (name, value) => {
          const params = { ...route.params, [name]: value };
          const decoded = { ...route.params, [name]: onTheWire(value) };
          const accepted = value !== '' && route.doc.params.safeParse(decoded).success;
          const url = urlOf(route, params, queryText(route.query));
          await check(route, url, accepted, `${route.key} as ${url.slice(0, 200)}`);
        }),
        { numRuns: propertyRuns(15) },
      );
    });
  }

  for (const route of routes.filter((r) => r.key !== 'POST /auth/login')) {
    it(`${route.key}: hostile query strings are a clear 4xx unless valid`, async () => {
      await fc.assert(
        fc.asyncProperty(queryPairs, fc.boolean(), async (pairs, keepValid) => {
          const base = keepValid ? queryText(route.query) : '';
          const extra = pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
          const raw = [base, extra].filter((s) => s !== '').join('&');
          const accepted = route.doc.query.safeParse(parseQuery(raw)).success;
          const url = urlOf(route, route.params, raw);
          await check(route, url, accepted, `${route.key} as ${url.slice(0, 200)}`);
        }),
        { numRuns: propertyRuns(15) },
      );
    });
  }

  describe('broken percent-encoding in a path parameter', () => {
    for (const path of ['/patients/%E0%A4%A', '/records/rec-%ZZ/history', '/claims/%/access']) {
      it(`${path} is a 400 naming the path, not a 500`, async () => {
        gw.reset();
        const method = path.endsWith('/access') ? 'post' : 'get';
        const answer = await gw.send(method, path, { user: USERS.physician });
        const refusal = assertClearRefusal(answer, path);
        assert.equal(answer.status, 400, path);
        assert.equal(refusal.error.code, 'INVALID_ARGUMENT');
        assert.equal(gw.calls.length, 0);
      });
    }
  });
});
