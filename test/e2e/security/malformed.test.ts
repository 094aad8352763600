/**
 * Malformed input straight to the chaincode through the Gateway SDK, past every check the
 * gateway would make: bad identifiers, text that is not JSON, JSON of the wrong shape, bad
 * dates and money, missing or short salts, FHIR that is not FHIR, nesting deeper than any
 * resource, bytes that are not UTF-8, the wrong number of arguments. Each is refused with
 * INVALID_ARGUMENT naming the field, no refused transaction reaches the ledger, and nothing
 * it would have created exists afterwards.
 */
import assert from 'node:assert/strict';
import { CLAIM_PARTIES } from '../support/claims-flow';
import { day, instant, planTerms } from '../support/claims-data';
import { CHAINCODE, MSP, type Session } from '../support/network';
import { licenceRequest, OFFICER } from '../support/people';
import { type Cast, theCast } from './support/cast';
import { demographicsOf, hex, observation, salt } from './support/leaks';
import { assertNeverCommitted, count, type Refusal, refusalOf } from './support/refusals';

interface Case {
  readonly what: string;
  /** The field the error must name (a prefix of it, e.g. "transient.payload"). */
  readonly field?: string;
  attempt(c: Cast, n: number): Promise<unknown>;
}

/** OBJECT as JSON text with FIELD set to an object nested DEPTH deep (JSON.stringify of such
 * a value would overflow this process's stack before the chaincode saw it). */
function withDeepField(object: object, field: string, depth: number): string {
  const marker = `"deep-${hex(4)}"`;
  const text = JSON.stringify({ ...object, [field]: JSON.parse(marker) });
  return text.replace(marker, `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
}

/** No salt at all in the transient map (undefined would pick the default). */
const NO_SALT = Symbol('no salt');

function register(
  c: Cast,
  n: number,
  payload: unknown,
  personSalt: string | typeof NO_SALT = salt(),
  id?: string,
) {
  return c.net.as('providera', 'registrar1').then((s) =>
    s.contract('records').submit('registerPatient', {
      // The chaincode makes the pseudonym: an ID from the client is an argument too many.
      args: id === undefined ? [] : [id],
      transient: {
        ...(payload === undefined
          ? {}
          : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
        ...(personSalt === NO_SALT ? {} : { salt: personSalt }),
      },
      endorsingOrganizations: [MSP.providera],
    }),
  );
}

function fileRecord(c: Cast, payload: unknown, args?: string[]) {
  return c.physicianA.session().then((s) =>
    s.contract('records').submit('addRecord', {
      args: args ?? [c.patient3.patientId, ''],
      transient: {
        payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
        salt: salt(),
      },
      endorsingOrganizations: [MSP.providera],
    }),
  );
}

const grant = (c: Cast, request: unknown) =>
  c.patient1.user.contract('consent').submit('grantConsent', {
    args: [typeof request === 'string' ? request : JSON.stringify(request)],
  });

const consentRequest = (c: Cast) => ({
  patientId: c.patient1.patientId,
  grantee: { kind: 'organisation', mspId: MSP.providerb },
  scope: 'all',
  purpose: 'treatment',
  validFrom: instant(-1),
  validTo: instant(60),
});

const CASES: readonly Case[] = [
  // registerPatient: a pseudonym of the client's (the chaincode makes it), the demographics,
  // the salt.
  ...['pat-adalovelace18151210', '', '../../etc/passwd', 'x'.repeat(100_000)].map((id): Case => ({
    what: `registerPatient with the client's pseudonym ${JSON.stringify(id.slice(0, 24))}${id.length > 24 ? '…' : ''}`,
    field: 'arguments',
    attempt: (c, n) => register(c, n, demographicsOf(c.run, n), salt(), id),
  })),
  {
    what: 'registerPatient without a payload',
    field: 'transient.payload',
    attempt: (c, n) => register(c, n, undefined),
  },
  ...['', '{', 'null', '[]', '"Ada"', '{"mrn":"M"}}'].map((text): Case => ({
    what: `registerPatient with the payload ${JSON.stringify(text)}`,
    field: 'transient.payload',
    attempt: (c, n) => register(c, n, text),
  })),
  {
    what: 'registerPatient born on 30 February',
    field: 'transient.payload.birthDate',
    attempt: (c, n) => register(c, n, { ...demographicsOf(c.run, n), birthDate: '1970-02-30' }),
  },
  {
    what: 'registerPatient with a numeric given name',
    field: 'transient.payload.givenName',
    attempt: (c, n) => register(c, n, { ...demographicsOf(c.run, n), givenName: 42 }),
  },
  {
    what: 'registerPatient without an MRN',
    field: 'transient.payload.mrn',
    attempt: (c, n) => register(c, n, { ...demographicsOf(c.run, n), mrn: undefined }),
  },
  {
    what: 'registerPatient with an unknown field',
    field: 'transient.payload',
    attempt: (c, n) => register(c, n, { ...demographicsOf(c.run, n), ssn: '078-05-1120' }),
  },
  {
    what: 'registerPatient with a "__proto__" field',
    field: 'transient.payload',
    attempt: (c, n) =>
      register(
        c,
        n,
        `{"__proto__":{"admin":true},${JSON.stringify(demographicsOf(c.run, n)).slice(1)}`,
      ),
  },
  {
    what: 'registerPatient with an address nested 5,000 deep',
    field: 'transient.payload',
    attempt: (c, n) => register(c, n, withDeepField(demographicsOf(c.run, n), 'address', 5_000)),
  },
  ...([NO_SALT, 'abc', 'zz'.repeat(32), 'a'.repeat(10_000)] as const).map((s): Case => ({
    what:
      typeof s === 'string'
        ? `registerPatient with the salt ${JSON.stringify(s.slice(0, 12))}`
        : 'registerPatient without a salt',
    field: 'transient.salt',
    attempt: (c, n) => register(c, n, demographicsOf(c.run, n), s),
  })),
  // addRecord: FHIR that is not FHIR.
  {
    what: 'addRecord with a Patient resource',
    field: 'transient.payload',
    attempt: (c) => fileRecord(c, { resourceType: 'Patient' }),
  },
  {
    what: 'addRecord with an Observation without status',
    field: 'transient.payload',
    attempt: (c) => fileRecord(c, { ...observation(c.run), status: undefined }),
  },
  {
    what: 'addRecord with an Observation of status "bogus"',
    field: 'transient.payload.status',
    attempt: (c) => fileRecord(c, { ...observation(c.run), status: 'bogus' }),
  },
  {
    what: 'addRecord with a text as the quantity',
    field: 'transient.payload.valueQuantity',
    attempt: (c) => fileRecord(c, { ...observation(c.run), valueQuantity: 'high' }),
  },
  {
    what: 'addRecord with an array for a payload',
    field: 'transient.payload',
    attempt: (c) => fileRecord(c, [observation(c.run)]),
  },
  {
    what: 'addRecord with an extension nested 5,000 deep',
    field: 'transient.payload',
    attempt: (c) => fileRecord(c, withDeepField(observation(c.run), 'extension', 5_000)),
  },
  {
    what: 'addRecord for a malformed pseudonym',
    field: 'patientId',
    attempt: (c) => fileRecord(c, observation(c.run), ['PAT-1', '']),
  },
  {
    what: 'addRecord replacing a malformed record ID',
    field: 'replacesRecordId',
    attempt: (c) => fileRecord(c, observation(c.run), [c.patient3.patientId, 'record 1; DROP']),
  },
  // grantConsent: requests of the wrong shape.
  ...['{', '[]', '42', '"all"'].map((text): Case => ({
    what: `grantConsent with ${JSON.stringify(text)}`,
    field: 'request',
    attempt: (c) => grant(c, text),
  })),
  {
    what: 'grantConsent for the purpose "curiosity"',
    field: 'request.purpose',
    attempt: (c) => grant(c, { ...consentRequest(c), purpose: 'curiosity' }),
  },
  {
    what: 'grantConsent to a robot',
    field: 'request.grantee',
    attempt: (c) =>
      grant(c, { ...consentRequest(c), grantee: { kind: 'robot', mspId: MSP.providerb } }),
  },
  {
    what: 'grantConsent with an empty scope',
    field: 'request.scope',
    attempt: (c) => grant(c, { ...consentRequest(c), scope: [] }),
  },
  {
    what: 'grantConsent from the 13th month',
    field: 'request.validFrom',
    attempt: (c) => grant(c, { ...consentRequest(c), validFrom: '2026-13-01T00:00:00Z' }),
  },
  {
    what: 'grantConsent ending before it starts',
    field: 'request',
    attempt: (c) =>
      grant(c, { ...consentRequest(c), validFrom: instant(60), validTo: instant(-60) }),
  },
  // Credentials, plans, claims: dates and money.
  {
    what: 'issueCredential of a wizard licence',
    field: 'request.licenceType',
    attempt: async (c) =>
      (await c.net.as('board', OFFICER)).contract('credentials').submit('issueCredential', {
        args: [
          JSON.stringify({
            ...licenceRequest(`pr-mal-${c.run}`, `LIC-MAL-${c.run}`, MSP.providera),
            licenceType: 'wizard',
          }),
        ],
        endorsingOrganizations: [MSP.board],
      }),
  },
  {
    what: 'issueCredential at an organisation that is not an MSP ID',
    field: 'request.organisation',
    attempt: async (c) =>
      (await c.net.as('board', OFFICER)).contract('credentials').submit('issueCredential', {
        args: [JSON.stringify(licenceRequest(`pr-mal-${c.run}`, `LIC-MAL-${c.run}`, 'Provider A'))],
        endorsingOrganizations: [MSP.board],
      }),
  },
  {
    what: 'issueCredential valid from 30 February',
    field: 'request.validFrom',
    attempt: async (c) =>
      (await c.net.as('board', OFFICER)).contract('credentials').submit('issueCredential', {
        args: [
          JSON.stringify({
            ...licenceRequest(`pr-mal-${c.run}`, `LIC-MAL-${c.run}`, MSP.providera),
            validFrom: '2026-02-30',
          }),
        ],
        endorsingOrganizations: [MSP.board],
      }),
  },
  ...(
    [
      ['a negative deductible', { deductibleCents: -1 }, 'plan.deductibleCents'],
      ['a fractional coinsurance', { coinsuranceBps: 12.5 }, 'plan.coinsuranceBps'],
      ['a deductible in dollars as text', { deductibleCents: '500.00' }, 'plan.deductibleCents'],
      ['no covered codes', { coveredCodes: [] }, 'plan.coveredCodes'],
      [
        'an allowed amount of 1e21',
        { coveredCodes: [{ code: '99213', allowedCents: 1e21 }] },
        'plan.coveredCodes',
      ],
    ] as const
  ).map(([what, change, field]): Case => ({
    what: `publishPlan with ${what}`,
    field,
    attempt: async (c, n) =>
      (await c.net.as('insurer', 'adjudicator1')).contract('claims').submit('publishPlan', {
        args: [JSON.stringify({ ...planTerms(`plan-mal-${c.run}-${n}`, false), ...change })],
        endorsingOrganizations: [MSP.insurer],
      }),
  })),
  ...(
    [
      ['a negative charge', { lines: [{ code: '99213', units: 1, chargeCents: -100 }] }],
      ['a fractional charge', { lines: [{ code: '99213', units: 1, chargeCents: 100.5 }] }],
      ['zero units', { lines: [{ code: '99213', units: 0, chargeCents: 100 }] }],
      ['no diagnosis', { diagnosisCodes: [] }],
      ['a service on 31 April', { serviceDate: '2026-04-31' }],
    ] as const
  ).map(([what, change]): Case => ({
    what: `submitClaim with ${what}`,
    field: 'transient.payload',
    attempt: async (c, n) =>
      (await c.net.as('providera', 'registrar1')).contract('claims').submit('submitClaim', {
        transient: {
          payload: JSON.stringify({
            claimId: `clm-mal-${c.run}-${n}`,
            patientId: c.patient1.patientId,
            renderingPractitionerId: c.physicianA.practitionerId,
            serviceDate: day(0),
            diagnosisCodes: ['J10.1'],
            lines: [{ code: '99213', units: 1, chargeCents: 100 }],
            ...change,
          }),
          salt: salt(),
        },
        endorsingOrganizations: CLAIM_PARTIES,
      }),
  })),
  ...[
    '{',
    '{"lines":[]}',
    '{"lines":[{"line":0,"decision":"approve"}]}',
    '{"lines":[{"line":1.5,"decision":"approve"}]}',
    '{"lines":[{"line":1,"decision":"maybe"}]}',
  ].map((decision): Case => ({
    what: `decidePendedClaim with ${decision}`,
    field: 'decision',
    attempt: async (c) =>
      (await c.net.as('insurer', 'adjudicator1')).contract('claims').submit('decidePendedClaim', {
        args: [c.claimId, decision],
        endorsingOrganizations: CLAIM_PARTIES,
      }),
  })),
  // Evaluations: page sizes and dates.
  ...['0', '101', '1.5', 'abc', '-1', '1e2'].map((size): Case => ({
    what: `listRecords with the page size ${JSON.stringify(size)}`,
    field: 'pageSize',
    attempt: (c) =>
      c.patient1.user
        .contract('records')
        .evaluate('listRecords', { args: [c.patient1.patientId, size, ''] }),
  })),
  {
    what: 'verifyLicence on 30 February',
    field: 'date',
    attempt: async (c) =>
      (await c.net.as('insurer', 'adjudicator1'))
        .contract('credentials')
        .evaluate('verifyLicence', {
          args: [c.physicianA.licenceNumber, MSP.providera, '2026-02-30'],
        }),
  },
  {
    what: 'verifyLicence without an organisation',
    field: 'organisation',
    attempt: async (c) =>
      (await c.net.as('insurer', 'adjudicator1'))
        .contract('credentials')
        .evaluate('verifyLicence', { args: [c.physicianA.licenceNumber, '', ''] }),
  },
  // The shape of the call itself.
  {
    what: 'registerPatient with bytes that are not UTF-8 as an argument',
    field: 'arguments',
    attempt: async (c) =>
      (await c.net.as('providera', 'registrar1')).network
        .getContract(CHAINCODE, 'records')
        .submit('registerPatient', {
          arguments: [new Uint8Array([0x70, 0x61, 0x74, 0x2d, 0xff, 0xfe, 0xc0, 0xaf, 0x61, 0x61])],
          transientData: { payload: JSON.stringify(demographicsOf(c.run, 99)), salt: salt() },
          endorsingOrganizations: [MSP.providera],
        }),
  },
  {
    what: 'registerPatient with an extra argument',
    attempt: async (c) =>
      (await c.net.as('providera', 'registrar1')).contract('records').submit('registerPatient', {
        args: [`pat-mal${c.run}x`, 'extra'],
        transient: { payload: JSON.stringify(demographicsOf(c.run, 97)), salt: salt() },
        endorsingOrganizations: [MSP.providera],
      }),
  },
];

describe('malformed input to the chaincode, through the SDK, on the real network', function () {
  this.timeout(300_000);
  let cast: Cast;
  const refusals: Refusal[] = [];
  before(async () => {
    cast = await theCast();
  });

  /** Cases that were wrongly accepted: what they created is not a refused request's doing. */
  const accepted = new Set<number>();

  CASES.forEach((c, n) => {
    it(`${c.what}: INVALID_ARGUMENT${c.field ? ` naming ${c.field}` : ''}`, async () => {
      const refusal = await refusalOf(c.attempt(cast, n)).catch((err: unknown) => {
        accepted.add(n);
        count('malformed chaincode input (SDK)', 'ACCEPTED', false);
        throw err;
      });
      refusals.push(refusal);
      count('malformed chaincode input (SDK)', refusal.code, refusal.code === 'INVALID_ARGUMENT');
      assert.equal(refusal.code, 'INVALID_ARGUMENT', refusal.text);
      if (c.field)
        assert.match(
          refusal.text,
          new RegExp(`INVALID_ARGUMENT: ${escape(c.field)}`),
          refusal.text,
        );
    });
  });

  it('an unknown transaction is refused and names the transaction', async () => {
    const registrar = await cast.net.as('providera', 'registrar1');
    const refusal = await refusalOf(
      registrar
        .contract('records')
        .submit(`dropAll${hex(2)}`, { args: [], endorsingOrganizations: [MSP.providera] }),
    );
    refusals.push(refusal);
    count('malformed chaincode input (SDK)', refusal.code, true);
    assert.match(refusal.text, /dropAll/);
  });

  describe('and afterwards nothing changed', () => {
    it('no refused transaction reached the ledger of any peer', async () => {
      for (const org of ['providera', 'providerb', 'insurer', 'board'] as const) {
        await assertNeverCommitted((await cast.net.as(org, 'orgadmin')).network, refusals);
      }
    });

    it('no pseudonym, plan, licence or claim of the malformed requests exists', async () => {
      const registrar = await cast.net.as('providera', 'registrar1');
      const notFound = async (
        s: Session,
        contract: 'records' | 'claims',
        name: string,
        args: string[],
      ) => (await refusalOf(s.contract(contract).evaluate(name, { args }))).code;
      for (let n = 0; n < CASES.length; n++) {
        if (accepted.has(n)) continue;
        assert.equal(
          await notFound(registrar, 'records', 'getPatient', [`pat-mal${cast.run}${n}`]),
          'NOT_FOUND',
        );
        assert.equal(
          await notFound(registrar, 'claims', 'getPlan', [`plan-mal-${cast.run}-${n}`, '']),
          'NOT_FOUND',
        );
      }
      const verified = JSON.parse(
        await registrar
          .contract('credentials')
          .evaluate('verifyLicence', { args: [`LIC-MAL-${cast.run}`, MSP.providera, ''] }),
      );
      assert.equal(verified.reason, 'UNKNOWN');
    });

    it('the target patient has no record but those wrongly accepted, and no consent', async () => {
      const records = cast.patient3.user.contract('records');
      const listed = JSON.parse(
        await records.evaluate('listRecords', { args: [cast.patient3.patientId, '50', ''] }),
      );
      const wronglyAccepted = [...accepted].filter((n) =>
        CASES[n]?.what.startsWith('addRecord'),
      ).length;
      assert.equal(listed.items.length, wronglyAccepted, JSON.stringify(listed.items));
      const consents = await cast.patient1.user
        .contract('consent')
        .evaluate('listConsents', { args: [cast.patient1.patientId] });
      assert.deepEqual(JSON.parse(consents), []);
    });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
