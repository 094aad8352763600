/**
 * Named bad values in named fields, over every route that has such a field: money that is
 * negative, fractional, huge or not a number; dates that do not exist or are out of range;
 * reversed validity windows; FHIR resources that are not resources, nested deeper than any
 * resource, or carrying prototype keys. Each is a 400 that names exactly that field and sends
 * nothing to the ledger; the boundary values that are allowed are accepted.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertClearRefusal, assertPrototypeIntact, brief } from './support/answers';
import { PropertyGateway } from './support/harness';
import {
  BAD_DATES,
  BAD_MONEY,
  bare,
  deepArray,
  deepObject,
  type Hostile,
  type HostileObject,
  PROTO_KEYS,
  RawJson,
  toJsonText,
} from './support/hostile';
import { queryText, type RouteUnderTest, routesUnderTest, urlOf } from './support/routes';
import { propertyRuns } from './support/runs';

const routes = new Map(routesUnderTest().map((r) => [r.key, r]));
function route(key: string): RouteUnderTest {
  const found = routes.get(key);
  if (!found) throw new Error(`no route ${key}`);
  return found;
}

/** The route's valid body with FIELD (a dotted path) set to VALUE. */
function withField(r: RouteUnderTest, field: string, value: Hostile): string {
  const body = bare(r.body ?? {});
  const steps = field.split('.');
  let target = body as HostileObject;
  for (const step of steps.slice(0, -1)) target = target[step] as HostileObject;
  target[steps[steps.length - 1] ?? ''] = value;
  return toJsonText(body);
}

const MONEY_FIELDS: readonly [string, string][] = [
  ['POST /plans', 'deductibleCents'],
  ['POST /plans', 'outOfPocketMaxCents'],
  ['POST /plans', 'reviewThresholdCents'],
  ['POST /plans', 'coveredCodes.0.allowedCents'],
  ['POST /plans', 'coinsuranceBps'],
  ['POST /claims', 'lines.0.chargeCents'],
  ['POST /claims', 'lines.0.units'],
  ['POST /claims/{claimId}/payment', 'amountCents'],
];

const DATE_FIELDS: readonly [string, string][] = [
  ['POST /patients', 'demographics.birthDate'],
  ['POST /patients/{patientId}/demographics/verification', 'demographics.birthDate'],
  ['POST /consents', 'validFrom'],
  ['POST /consents', 'validTo'],
  ['POST /credentials', 'validFrom'],
  ['POST /credentials', 'validTo'],
  ['POST /credentials/{licenceNumber}/renewal', 'validFrom'],
  ['POST /members', 'coverageFrom'],
  ['POST /members', 'coverageTo'],
  ['POST /prior-authorisations', 'validFrom'],
  ['POST /claims', 'serviceDate'],
  ['POST /claims/{claimId}/payment', 'paidOn'],
];

describe('named bad values in named fields', function () {
  this.timeout(120_000);
  const gw = new PropertyGateway();
  before(() => gw.start());
  after(() => gw.stop('named bad values'));

  async function expectRefused(r: RouteUnderTest, text: string, field: string | RegExp) {
    gw.reset();
    const what = `${r.key} with ${brief(text, 160)}`;
    const answer = await gw.send(r.method, urlOf(r, r.params, queryText(r.query)), {
      user: r.user,
      text,
    });
    const refusal = assertClearRefusal(answer, what);
    assert.equal(answer.status, 400, what);
    if (typeof field === 'string') assert.equal(refusal.error.field, field, what);
    else assert.match(refusal.error.field ?? '', field, what);
    assert.equal(gw.calls.length, 0, `${what}: nothing reached the ledger`);
    assertPrototypeIntact(what);
  }

  async function expectAccepted(r: RouteUnderTest, text: string) {
    gw.reset();
    const answer = await gw.send(r.method, urlOf(r, r.params, queryText(r.query)), {
      user: r.user,
      text,
    });
    assert.equal(answer.status, r.success, `${r.key} with ${brief(text, 160)}: ${answer.text}`);
  }

  describe('money and rates: integer cents (basis points), never negative, fractional or huge', () => {
    for (const [key, field] of MONEY_FIELDS) {
      it(`${key} ${field}`, async () => {
        const r = route(key);
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...BAD_MONEY), (value) =>
            expectRefused(r, withField(r, field, value), field),
          ),
          { numRuns: propertyRuns(BAD_MONEY.length) },
        );
        await expectAccepted(r, withField(r, field, 1));
      });
    }
  });

  describe('dates that do not exist, are out of range or have the wrong form', () => {
    for (const [key, field] of DATE_FIELDS) {
      it(`${key} ${field}`, async () => {
        const r = route(key);
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...BAD_DATES), (value) =>
            expectRefused(r, withField(r, field, value), field),
          ),
          { numRuns: propertyRuns(BAD_DATES.length) },
        );
      });
    }

    it('a leap day is a date; the day after 28 February in a common year is not', async () => {
      const r = route('POST /patients');
      await expectAccepted(r, withField(r, 'demographics.birthDate', '2024-02-29'));
      await expectRefused(
        r,
        withField(r, 'demographics.birthDate', '2023-02-29'),
        'demographics.birthDate',
      );
    });

    it('GET /credentials/{licenceNumber}/verification?date= refuses impossible days', async () => {
      const r = route('GET /credentials/{licenceNumber}/verification');
      for (const date of BAD_DATES) {
        gw.reset();
        const answer = await gw.send('get', urlOf(r, r.params, queryText({ ...r.query, date })), {
          user: r.user,
        });
        const refusal = assertClearRefusal(answer, `?date=${date}`);
        assert.equal(refusal.error.field, 'date');
        assert.equal(gw.calls.length, 0);
      }
    });

    it('GET /credentials/{licenceNumber}/verification refuses a missing or non-MSP organisation', async () => {
      const r = route('GET /credentials/{licenceNumber}/verification');
      for (const organisation of [undefined, '', 'ProviderA', 'Provider A MSP']) {
        gw.reset();
        const query: Record<string, string> = organisation === undefined ? {} : { organisation };
        const answer = await gw.send('get', urlOf(r, r.params, queryText(query)), {
          user: r.user,
        });
        const refusal = assertClearRefusal(answer, `?organisation=${String(organisation)}`);
        assert.equal(refusal.error.field, 'organisation');
        assert.equal(gw.calls.length, 0);
      }
    });
  });

  describe('validity windows that end before they start', () => {
    const reversed: readonly [string, string, string, Hostile][] = [
      ['POST /consents', 'validTo', 'validTo', '2025-12-31T23:59:59Z'],
      ['POST /credentials', 'validTo', 'validTo', '2025-12-31'],
      ['POST /credentials/{licenceNumber}/renewal', 'validTo', 'validTo', '2027-12-31'],
      ['POST /members', 'coverageTo', 'coverageTo', '2025-12-31'],
      ['POST /prior-authorisations', 'validTo', 'validTo', '2025-12-31'],
    ];
    for (const [key, field, named, value] of reversed) {
      it(`${key}: ${field} before the start is refused naming ${named}`, async () => {
        const r = route(key);
        await expectRefused(r, withField(r, field, value), named);
      });
    }
  });

  describe('FHIR resources', () => {
    const r = route('POST /patients/{patientId}/records');
    const notResources: readonly Hostile[] = [
      null,
      'Observation',
      42,
      [],
      bare([{ resourceType: 'Observation' }]),
      bare({}),
      bare({ resourceType: 'Patient' }),
      bare({ resourceType: 'observation' }),
      bare({ resourceType: '' }),
      bare({ resourceType: ['Observation'] }),
      bare({ resourceType: 'Observation\u0000' }),
    ];
    it('something that is not one of the six resource types is refused naming resource', async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...notResources), (resource) =>
          expectRefused(r, withField(r, 'resource', resource), /^resource(\.resourceType)?$/),
        ),
        { numRuns: propertyRuns(notResources.length) },
      );
    });

    for (const key of [
      'POST /patients/{patientId}/records',
      'POST /records/{recordId}/verification',
    ]) {
      it(`${key}: resources nested 5,000 and 20,000 deep are a clear 4xx, not a 500`, async () => {
        const rr = route(key);
        for (const deep of [deepObject(5_000), deepArray(5_000), deepObject(20_000)]) {
          gw.reset();
          const text = withField(rr, 'resource.contained', deep);
          const answer = await gw.send(rr.method, urlOf(rr, rr.params, ''), {
            user: rr.user,
            text,
          });
          assertClearRefusal(answer, `${key} with an ${deep.label}`);
          assert.equal(gw.calls.length, 0, 'nothing reached the ledger');
        }
      });
    }

    for (const key of PROTO_KEYS.slice(0, 2)) {
      it(`a resource with a "${key}" key is refused, or reaches the chaincode unchanged`, async () => {
        gw.reset();
        const text = `{"resource":{"resourceType":"Observation","status":"final","${key}":{"resourceType":"Patient","polluted":1}}}`;
        const answer = await gw.send(r.method, urlOf(r, r.params, ''), { user: r.user, text });
        assertPrototypeIntact(text);
        if (answer.status === 400) {
          assert.equal(assertClearRefusal(answer, text).error.field, `resource.${key}`);
          assert.equal(gw.calls.length, 0);
          return;
        }
        assert.equal(answer.status, 201, answer.text);
        const sent = gw.calls[0]?.request.transient?.payload ?? '';
        assert.deepEqual(
          JSON.parse(sent),
          JSON.parse(text).resource,
          'the resource as the client sent it',
        );
      });
    }

    it('unicode edge cases and 1e400 inside a resource reach the chaincode as valid JSON text', async () => {
      gw.reset();
      const text = toJsonText(
        bare({
          resource: {
            resourceType: 'Observation',
            status: '\ud800\u202e\u0000',
            valueQuantity: { value: new RawJson('1e400', 'Infinity') },
          },
        }),
      );
      const answer = await gw.send(r.method, urlOf(r, r.params, ''), { user: r.user, text });
      assert.ok(answer.status < 500, answer.text);
      for (const call of gw.calls) {
        const payload = call.request.transient?.payload;
        if (payload !== undefined) assert.doesNotThrow(() => JSON.parse(payload));
      }
    });
  });
});
