/**
 * Every role tries, through the Gateway SDK with its own certificate from the real CA, what
 * it must not: a nurse adjudicating, an insurer reading clinical records without consent, a
 * patient reading another patient, a revoked physician writing, a provider issuing a licence,
 * a board member reading PHI, and their neighbours. Each is refused with the code the
 * contract promises, none of the refused transactions reaches the ledger, and afterwards the
 * patient's trail, the claim, the record and the licences are exactly as they were.
 */
import assert from 'node:assert/strict';
import { CLAIM_PARTIES, readClaim, Peers } from '../support/claims-flow';
import { day, instant, planTerms } from '../support/claims-data';
import { MSP, type Session } from '../support/network';
import { licenceRequest, OFFICER } from '../support/people';
import { type Cast, theCast } from './support/cast';
import { observation, salt } from './support/leaks';
import { assertNeverCommitted, count, type Refusal, refusalOf } from './support/refusals';

interface Attack {
  readonly who: string;
  readonly tries: string;
  readonly code: 'FORBIDDEN' | 'CREDENTIAL_INVALID';
  attempt(c: Cast): Promise<unknown>;
}

const DECISION = JSON.stringify({ lines: [{ line: 1, decision: 'approve' }] });

const decide = (s: Session, c: Cast) =>
  s.contract('claims').submit('decidePendedClaim', {
    args: [c.claimId, DECISION],
    endorsingOrganizations: CLAIM_PARTIES,
  });
const logAccess = (s: Session, c: Cast, purpose = 'treatment') =>
  s.contract('records').submit('logAccess', { args: [c.record1.recordId, purpose] });
const readRecord = (s: Session, c: Cast) =>
  s.contract('records').evaluate('readRecord', { args: [c.record1.recordId, ''] });
const listRecords = (s: Session, c: Cast) =>
  s.contract('records').evaluate('listRecords', { args: [c.patient1.patientId, '10', ''] });
const addRecord = (s: Session, c: Cast, org: string) =>
  s.contract('records').submit('addRecord', {
    args: [c.patient1.patientId, ''],
    transient: { payload: JSON.stringify(observation(c.run)), salt: salt() },
    endorsingOrganizations: [org],
  });
const as = (c: Cast, org: Parameters<Cast['net']['as']>[0], user: string) => c.net.as(org, user);

const ATTACKS: readonly Attack[] = [
  // Adjudication belongs to the insurer's adjudicators.
  {
    who: 'a ProviderA nurse',
    tries: 'to decide the pended claim',
    code: 'FORBIDDEN',
    attempt: (c) => decide(c.nurseA, c),
  },
  {
    who: "the insurer's intake",
    tries: 'to decide the pended claim',
    code: 'FORBIDDEN',
    attempt: async (c) => decide(await as(c, 'insurer', 'intake1'), c),
  },
  {
    who: "the claim's own physician",
    tries: 'to decide the pended claim',
    code: 'FORBIDDEN',
    attempt: async (c) => decide(await c.physicianA.session(), c),
  },
  {
    who: "the claim's provider registrar",
    tries: 'to record a payment on it',
    code: 'FORBIDDEN',
    attempt: async (c) =>
      (await as(c, 'providera', 'registrar1')).contract('claims').submit('recordPayment', {
        args: [
          c.claimId,
          JSON.stringify({ amountCents: 100, reference: 'REM-SEC', paidOn: day(0) }),
        ],
        endorsingOrganizations: CLAIM_PARTIES,
      }),
  },
  // The insurer reads clinical content only with the patient's consent.
  {
    who: "the insurer's adjudicator",
    tries: 'to log a payment access to a clinical record without consent',
    code: 'FORBIDDEN',
    attempt: async (c) => logAccess(await as(c, 'insurer', 'adjudicator1'), c, 'payment'),
  },
  {
    who: "the insurer's adjudicator",
    tries: 'to read the clinical record',
    code: 'FORBIDDEN',
    attempt: async (c) => readRecord(await as(c, 'insurer', 'adjudicator1'), c),
  },
  {
    who: "the insurer's adjudicator",
    tries: "to list the patient's records",
    code: 'FORBIDDEN',
    attempt: async (c) => listRecords(await as(c, 'insurer', 'adjudicator1'), c),
  },
  // A patient sees their own data only.
  {
    who: 'another patient',
    tries: "to log an access to the first patient's record",
    code: 'FORBIDDEN',
    attempt: (c) => logAccess(c.patient2.user, c),
  },
  {
    who: 'another patient',
    tries: "to read the first patient's record",
    code: 'FORBIDDEN',
    attempt: (c) => readRecord(c.patient2.user, c),
  },
  {
    who: 'another patient',
    tries: "to list the first patient's records",
    code: 'FORBIDDEN',
    attempt: (c) => listRecords(c.patient2.user, c),
  },
  {
    who: 'another patient',
    tries: "to read the first patient's access log",
    code: 'FORBIDDEN',
    attempt: (c) =>
      c.patient2.user
        .contract('consent')
        .evaluate('listAccessLog', { args: [c.patient1.patientId, '10', ''] }),
  },
  {
    who: 'another patient',
    tries: "to grant ProviderB consent on the first patient's behalf",
    code: 'FORBIDDEN',
    attempt: (c) =>
      c.patient2.user.contract('consent').submit('grantConsent', {
        args: [
          JSON.stringify({
            patientId: c.patient1.patientId,
            grantee: { kind: 'organisation', mspId: MSP.providerb },
            scope: 'all',
            purpose: 'treatment',
            validFrom: instant(-1),
            validTo: instant(60),
          }),
        ],
      }),
  },
  // A revoked licence writes nothing.
  {
    who: 'a physician whose licence was revoked',
    tries: 'to add a record',
    code: 'CREDENTIAL_INVALID',
    attempt: async (c) => addRecord(await c.revokedA.session(), c, MSP.providera),
  },
  {
    who: 'a physician whose licence was revoked',
    tries: 'to break the glass',
    code: 'CREDENTIAL_INVALID',
    attempt: async (c) =>
      (await c.revokedA.session()).contract('consent').submit('declareEmergencyAccess', {
        args: [c.patient1.patientId, 'UNCONSCIOUS_PATIENT'],
      }),
  },
  {
    who: 'a ProviderA nurse',
    tries: 'to break the glass (physicians only)',
    code: 'FORBIDDEN',
    attempt: (c) =>
      c.nurseA
        .contract('consent')
        .submit('declareEmergencyAccess', { args: [c.patient1.patientId, 'LIFE_THREATENING'] }),
  },
  {
    who: 'a ProviderA registrar',
    tries: 'to add a clinical record',
    code: 'FORBIDDEN',
    attempt: async (c) => addRecord(await as(c, 'providera', 'registrar1'), c, MSP.providera),
  },
  {
    who: 'a ProviderB physician without consent',
    tries: "to log an access to ProviderA's record",
    code: 'FORBIDDEN',
    attempt: async (c) => logAccess(await c.physicianB.session(), c),
  },
  // Only the board issues and changes licences.
  {
    who: 'a ProviderA physician',
    tries: 'to issue a licence to themselves',
    code: 'FORBIDDEN',
    attempt: async (c) =>
      (await c.physicianA.session()).contract('credentials').submit('issueCredential', {
        args: [
          JSON.stringify(
            licenceRequest(c.physicianA.practitionerId, `LIC-SELF-${c.run}`, MSP.providera),
          ),
        ],
        endorsingOrganizations: [MSP.providera],
      }),
  },
  {
    who: 'a ProviderA registrar',
    tries: "to renew a ProviderA physician's licence",
    code: 'FORBIDDEN',
    attempt: async (c) =>
      (await as(c, 'providera', 'registrar1')).contract('credentials').submit('renewCredential', {
        args: [c.physicianA.licenceNumber, day(0), day(3650)],
        endorsingOrganizations: [MSP.board],
      }),
  },
  {
    who: 'a ProviderB physician',
    tries: "to reinstate the revoked physician's licence",
    code: 'FORBIDDEN',
    attempt: async (c) =>
      (await c.physicianB.session()).contract('credentials').submit('reinstateCredential', {
        args: [c.revokedA.licenceNumber],
        endorsingOrganizations: [MSP.board],
      }),
  },
  // The board reads no PHI.
  {
    who: "the board's officer",
    tries: 'to log an access to a clinical record',
    code: 'FORBIDDEN',
    attempt: async (c) => logAccess(await as(c, 'board', OFFICER), c),
  },
  {
    who: "the board's officer",
    tries: 'to read a clinical record',
    code: 'FORBIDDEN',
    attempt: async (c) => readRecord(await as(c, 'board', OFFICER), c),
  },
  {
    who: "the board's officer",
    tries: "to list a patient's records",
    code: 'FORBIDDEN',
    attempt: async (c) => listRecords(await as(c, 'board', OFFICER), c),
  },
  {
    who: "the board's officer",
    tries: "to check a patient's demographics",
    code: 'FORBIDDEN',
    attempt: async (c) =>
      (await as(c, 'board', OFFICER)).contract('records').evaluate('verifyDemographics', {
        args: [c.patient1.patientId],
        transient: { payload: JSON.stringify(c.patient1.demographics), salt: c.patient1.salt },
      }),
  },
  {
    who: "the board's officer",
    tries: 'to log an access to the claim',
    code: 'FORBIDDEN',
    attempt: async (c) =>
      (await as(c, 'board', OFFICER)).contract('claims').submit('logClaimAccess', {
        args: [c.claimId],
        endorsingOrganizations: CLAIM_PARTIES,
      }),
  },
  {
    who: "the board's officer",
    tries: 'to read the claim',
    code: 'FORBIDDEN',
    attempt: async (c) =>
      (await as(c, 'board', OFFICER))
        .contract('claims')
        .evaluate('getClaim', { args: [c.claimId] }),
  },
  // Insurer and provider duties do not cross.
  {
    who: "the insurer's intake",
    tries: 'to publish a plan (adjudicators only)',
    code: 'FORBIDDEN',
    attempt: async (c) =>
      (await as(c, 'insurer', 'intake1')).contract('claims').submit('publishPlan', {
        args: [JSON.stringify(planTerms(`plan-x-${c.run}`, false))],
        endorsingOrganizations: [MSP.insurer],
      }),
  },
  {
    who: 'a ProviderA registrar',
    tries: 'to enrol a member (insurer only)',
    code: 'FORBIDDEN',
    attempt: async (c) =>
      (await as(c, 'providera', 'registrar1')).contract('claims').submit('enrolMember', {
        transient: {
          payload: JSON.stringify({
            patientId: c.patient2.patientId,
            planId: c.planId,
            memberNumber: `MBR-X-${c.run}`,
            coverageFrom: day(0),
            coverageTo: day(10),
          }),
          salt: salt(),
        },
        endorsingOrganizations: [MSP.insurer],
      }),
  },
  {
    who: 'a ProviderB registrar',
    tries: "to log an access to ProviderA's claim",
    code: 'FORBIDDEN',
    attempt: async (c) =>
      (await as(c, 'providerb', 'registrar1')).contract('claims').submit('logClaimAccess', {
        args: [c.claimId],
        endorsingOrganizations: [MSP.providerb, MSP.insurer],
      }),
  },
  {
    who: 'the patient',
    tries: 'to erase their own registration (registrars only)',
    code: 'FORBIDDEN',
    attempt: (c) =>
      c.patient1.user.contract('records').submit('erasePatient', {
        args: [c.patient1.patientId],
        endorsingOrganizations: [MSP.providera],
      }),
  },
];

describe('attacks by role, through the SDK, on the real network', function () {
  this.timeout(300_000);
  let cast: Cast;
  const refusals: Refusal[] = [];
  before(async () => {
    cast = await theCast();
  });

  for (const attack of ATTACKS) {
    it(`${attack.who} is refused ${attack.tries}: ${attack.code}`, async () => {
      const refusal = await refusalOf(attack.attempt(cast));
      refusals.push(refusal);
      count('role attacks (SDK)', refusal.code, refusal.code === attack.code);
      assert.equal(refusal.code, attack.code, refusal.text);
    });
  }

  describe('and afterwards nothing changed', () => {
    it('no refused transaction reached the ledger of any peer', async () => {
      for (const org of ['providera', 'providerb', 'insurer', 'board'] as const) {
        const observer = await cast.net.as(org, 'orgadmin');
        await assertNeverCommitted(observer.network, refusals);
      }
    });

    it("the patient's access log, consents and emergency accesses are empty", async () => {
      const consent = cast.patient1.user.contract('consent');
      const id = cast.patient1.patientId;
      const log = JSON.parse(await consent.evaluate('listAccessLog', { args: [id, '50', ''] }));
      assert.deepEqual(log.items, []);
      assert.deepEqual(JSON.parse(await consent.evaluate('listConsents', { args: [id] })), []);
      assert.deepEqual(
        JSON.parse(await consent.evaluate('listEmergencyAccesses', { args: [id] })),
        [],
      );
    });

    it('the patient has one record, in one version, with its hash', async () => {
      const records = cast.patient1.user.contract('records');
      const listed = JSON.parse(
        await records.evaluate('listRecords', { args: [cast.patient1.patientId, '50', ''] }),
      );
      assert.deepEqual(
        listed.items.map((r: { recordId: string; version: number; hash: string }) => [
          r.recordId,
          r.version,
          r.hash,
        ]),
        [[cast.record1.recordId, 1, cast.record1.hash]],
      );
    });

    it('the claim is still pended, undecided and unpaid', async () => {
      const adjudicator = await cast.net.as('insurer', 'adjudicator1');
      const view = await readClaim(adjudicator, await Peers.of(cast.net), cast.claimId);
      assert.equal(view.claim.status, 'pended');
      assert.deepEqual(view.record.decisions, []);
    });

    it('the licences are as the board left them: active, revoked, and no self-issued one', async () => {
      const credentials = (await cast.net.as('providerb', 'registrar1')).contract('credentials');
      const verify = async (n: string) =>
        JSON.parse(await credentials.evaluate('verifyLicence', { args: [n, MSP.providera, ''] }))
          .reason;
      assert.equal(await verify(cast.physicianA.licenceNumber), 'VALID');
      assert.equal(await verify(cast.revokedA.licenceNumber), 'REVOKED');
      assert.equal(await verify(`LIC-SELF-${cast.run}`), 'UNKNOWN');
      const own = JSON.parse(
        await credentials.evaluate('credentialsOfPractitioner', {
          args: [cast.physicianA.practitionerId],
        }),
      );
      assert.deepEqual(
        own.map((l: { licenceNumber: string }) => l.licenceNumber),
        [cast.physicianA.licenceNumber],
      );
    });
  });
});
