/**
 * Two properties that cut across routes. The event stream refuses a hostile Last-Event-ID or
 * query with a clear 400 before it opens, and, like every route, a body. And PHI sent in a
 * body (demographics, resources, member numbers, claims, appeal notes) reaches the ledger
 * only in the transient map: never in a transaction argument, a log line or an error answer,
 * whether the request is accepted or refused.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertClearRefusal, assertNot5xx, brief } from './support/answers';
import { PropertyGateway, USERS } from './support/harness';
import { bare, type HostileObject, hostileText, toJsonText } from './support/hostile';
import { queryText, type RouteUnderTest, routesUnderTest, urlOf } from './support/routes';
import { propertyRuns } from './support/runs';

const routes = new Map(routesUnderTest().map((r) => [r.key, r]));
function route(key: string): RouteUnderTest {
  const found = routes.get(key);
  if (!found) throw new Error(`no route ${key}`);
  return found;
}

/** The PHI fields of each route that carries PHI. */
const PHI_FIELDS: readonly [string, readonly string[]][] = [
  ['POST /patients', ['demographics.mrn', 'demographics.givenName', 'demographics.familyName']],
  [
    'POST /patients/{patientId}/demographics/verification',
    ['demographics.givenName', 'demographics.mrn'],
  ],
  ['POST /patients/{patientId}/records', ['resource.code.text', 'resource.note']],
  ['POST /records/{recordId}/verification', ['resource.code.text']],
  ['POST /members', ['memberNumber']],
  ['POST /claims', ['diagnosisCodes.0']],
  ['POST /claims/{claimId}/appeal', ['note']],
];

/** A PHI-like value unique to one run, valid in any of those fields. */
const phiValue = fc
  .tuple(fc.constantFrom('Z', 'Q', 'X'), fc.stringMatching(/^[0-9A-F]{9}$/))
  .map(([a, b]) => `${a}${b}`);

function setPath(body: HostileObject, path: string, value: string): void {
  const steps = path.split('.');
  let target = body as unknown as Record<string, unknown>;
  for (const step of steps.slice(0, -1)) target = target[step] as Record<string, unknown>;
  target[steps[steps.length - 1] ?? ''] = value;
}

describe('events and PHI across routes (property-based)', function () {
  this.timeout(60_000);
  const gw = new PropertyGateway();
  before(() => gw.start());
  after(() => gw.stop('events and PHI'));

  describe('GET /events', () => {
    it('a hostile Last-Event-ID is a 400 naming it; a well-formed one opens the stream', async () => {
      const lastEventId = fc.oneof(
        hostileText.filter((t) => /^[\x20-\x7e]*$/.test(t)),
        fc.constantFrom(
          '1:abc',
          `-1:${'a'.repeat(64)}`,
          `${'9'.repeat(20)}:${'a'.repeat(64)}`,
          `7:${'A'.repeat(64)}`,
          `7:${'a'.repeat(63)}`,
        ),
        fc
          .tuple(fc.bigInt({ min: 0n, max: 10n ** 19n - 1n }), fc.stringMatching(/^[0-9a-f]{64}$/))
          .map(([b, t]) => `${b}:${t}`),
      );
      await fc.assert(
        fc.asyncProperty(lastEventId, async (id) => {
          const answer = await gw.send('get', '/events', {
            user: USERS.patient,
            headers: { 'last-event-id': id },
          });
          assertNot5xx(answer, id);
          // Header values arrive trimmed; an empty one is no header.
          const sent = id.trim();
          if (sent === '' || /^\d{1,19}:[0-9a-f]{64}$/.test(sent)) {
            assert.equal(answer.status, 200, `${id}: ${answer.text}`);
            return;
          }
          const refusal = assertClearRefusal(answer, id);
          assert.equal(refusal.error.field, 'Last-Event-ID');
        }),
        { numRuns: propertyRuns(40) },
      );
    });

    it('a body is refused by name, as on every other route', async () => {
      const answer = await gw.send('get', '/events', {
        user: USERS.patient,
        text: '{"from":"now"}',
      });
      const refusal = assertClearRefusal(answer, 'GET /events with a body');
      assert.equal(refusal.error.field, 'from');
    });
  });

  describe('PHI reaches the ledger only in the transient map', () => {
    for (const [key, fields] of PHI_FIELDS) {
      it(`${key}: accepted or refused, PHI is in no argument, log line or answer`, async () => {
        const r = route(key);
        await fc.assert(
          fc.asyncProperty(phiValue, fc.boolean(), async (phi, breakIt) => {
            gw.reset();
            const body = bare(r.body ?? {}) as HostileObject;
            for (const field of fields) setPath(body, field, phi);
            // Refused requests must not echo PHI either: an unknown field carries it too.
            if (breakIt) body.unexpected = `${phi}-again`;
            const answer = await gw.send(r.method, urlOf(r, r.params, queryText(r.query)), {
              user: r.user,
              text: toJsonText(body),
            });
            const what = `${key} with ${phi}${breakIt ? ' and an unknown field' : ''}`;
            assertNot5xx(answer, what);
            assert.equal(
              answer.status,
              breakIt ? 400 : r.success,
              `${what}: ${brief(answer.text)}`,
            );
            assert.ok(
              !answer.text.includes(phi),
              `${what}: the answer echoes PHI: ${brief(answer.text)}`,
            );
            for (const line of gw.logLines)
              assert.ok(!line.includes(phi), `${what}: logged: ${line}`);
            for (const call of gw.calls) {
              for (const arg of call.request.args ?? []) {
                assert.ok(
                  !arg.includes(phi),
                  `${what}: PHI in an argument of ${call.name}: ${arg}`,
                );
              }
            }
            if (!breakIt) {
              const transient = gw.calls.map((c) => c.request.transient?.payload ?? '').join('\n');
              assert.ok(transient.includes(phi), `${what}: the PHI travelled in the transient map`);
            }
          }),
          { numRuns: propertyRuns(10) },
        );
      });
    }
  });
});
