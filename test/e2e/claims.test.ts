/**
 * Issue 5's end-to-end proof on the real network: the insurer publishes a plan and enrols
 * members, ProviderA submits claims that the chaincode adjudicates on the ProviderA and
 * Insurer peers alike (amounts worked out by hand below), accumulators carry across claims,
 * duplicates and a suspended practitioner are denied, a large claim is pended and decided,
 * a denial is appealed and decided, payment closes claims, ProviderB cannot read any of it,
 * and no block holds a diagnosis code or a member number.
 *
 * Every run has its own plan, patients, practitioners and claims (runId), so the running
 * network can be reused. Plan (claims-data.ts): $500 deductible, 20 % coinsurance, $3,000
 * out-of-pocket maximum, claims above $5,000 pended. Every service is dated today: the
 * suspension of claim 4's practitioner is then in force on the service date whether the
 * credential check reads the licence's current status (as it does now) or its history, and
 * all claims fall in one plan year.
 */
import assert from 'node:assert/strict';
import { saltedHash } from '../../chaincode/src/shared/hash';
import type { Committed } from '../../gateway/src/fabric/transactions';
import { phiFoundInBlocks } from './support/blocks';
import {
  type Amounts,
  day,
  diagnosisCodes,
  instant,
  type Line,
  line,
  lineResult,
  NOTHING,
  planTerms,
  totals,
} from './support/claims-data';
import {
  CLAIM_PARTIES,
  type ClaimView,
  eventOf,
  failureText,
  Peers,
  readClaim,
} from './support/claims-flow';
import { enrolUser, runId } from './support/enrol';
import { failureOf } from './support/errors';
import { MSP, type Session, TestNetwork } from './support/network';
import { recordClaimDiagnoses, recordMemberNumber } from './support/phi-ledger';
import { demographics, salt } from './support/phi';

const INSURER_ONLY = [MSP.insurer];

/** The organisations a ProviderA claim's events concern (event audience), sorted. */
const CLAIM_AUDIENCE = [MSP.insurer, MSP.providera];
describe('claims, on the real network', function () {
  this.timeout(180_000);
  const net = new TestNetwork();
  const run = runId();
  const planId = `plan-${run}`;
  const serviceDate = day(0);
  // Made by the chaincode at registration (below).
  let patient1 = '';
  let patient2 = '';
  const doctor1 = `pr-${run}-d1`; // licensed
  const doctor2 = `pr-${run}-d2`; // licensed, then suspended
  const memberNumbers = [`MBR-${run}-1`, `MBR-${run}-2`];
  const appealNote = `Patient ${run} signed the payment consent at the front desk`;
  const leaked: string[] = [...memberNumbers, appealNote];
  const claimIds: string[] = [];
  const claimId = (n: number) => `clm-${run}-${n}`;

  let peers: Peers;
  let adjudicator: Session;
  let intake: Session;
  let registrar: Session;
  let officer: Session;
  let physician1: Session;
  let physician2: Session;
  let patientUser1: Session;
  let patientUser2: Session;

  before(async () => {
    const [d1, d2] = await Promise.all([
      enrolUser('providera', `claims-${run}-d1`, { role: 'physician', practitionerId: doctor1 }),
      enrolUser('providera', `claims-${run}-d2`, { role: 'physician', practitionerId: doctor2 }),
    ]);
    peers = await Peers.of(net);
    adjudicator = await net.as('insurer', 'adjudicator1');
    intake = await net.as('insurer', 'intake1');
    registrar = await net.as('providera', 'registrar1');
    officer = await net.as('board', 'officer1');
    physician1 = await net.as('providera', { mspDir: d1 });
    physician2 = await net.as('providera', { mspDir: d2 });
  });
  after(() => net.close());

  /** Submits, then waits until every peer has the block: the next step may be endorsed by
   * other organisations' peers. */
  async function step(
    session: Session,
    contract: 'records' | 'consent' | 'credentials' | 'claims',
    name: string,
    request: { args?: string[]; transient?: Record<string, string>; orgs: string[] },
  ): Promise<Committed<string>> {
    const committed = await session.contract(contract).submit(name, {
      args: request.args,
      transient: request.transient,
      endorsingOrganizations: request.orgs,
    });
    await peers.settle(committed.blockNumber);
    return committed;
  }

  async function submitClaim(
    session: Session,
    n: number,
    patientId: string,
    practitionerId: string,
    lines: Line[],
  ): Promise<Committed<string>> {
    const codes = diagnosisCodes();
    leaked.push(...codes);
    claimIds.push(claimId(n));
    const payload = {
      claimId: claimId(n),
      patientId,
      renderingPractitionerId: practitionerId,
      serviceDate,
      diagnosisCodes: codes,
      lines,
    };
    return submitAndAdjudicate(session, payload);
  }

  /** Intake endorsed by both parties ('submitted'), then adjudication on the insurer's peer
   * alone (the only one holding membership), as the gateway runs them: the adjudication. */
  async function submitAndAdjudicate(
    session: Session,
    payload: { claimId: string; patientId: string; diagnosisCodes: string[] },
  ): Promise<Committed<string>> {
    recordClaimDiagnoses(CLAIM_PARTIES, payload.patientId, payload.diagnosisCodes);
    const submitted = await step(session, 'claims', 'submitClaim', {
      transient: { payload: JSON.stringify(payload), salt: salt() },
      orgs: CLAIM_PARTIES,
    });
    assert.deepEqual(statusOf(submitted), { claimId: payload.claimId, status: 'submitted' });
    return step(session, 'claims', 'adjudicateClaim', {
      args: [payload.claimId],
      transient: { salt: salt() },
      orgs: INSURER_ONLY,
    });
  }

  function statusOf(committed: Committed<string>): unknown {
    return JSON.parse(committed.result);
  }

  function assertAccumulators(view: ClaimView, deductibleMet: number, outOfPocketMet: number) {
    assert.deepEqual(view.record.result.accumulators, {
      deductibleMetCents: deductibleMet,
      outOfPocketMetCents: outOfPocketMet,
    });
  }

  describe('set-up: plan, members, licences, authorisation, consent', () => {
    it('the insurer publishes a plan whose terms every organisation can read', async () => {
      const published = await step(adjudicator, 'claims', 'publishPlan', {
        args: [JSON.stringify(planTerms(planId, true))],
        orgs: INSURER_ONLY,
      });
      assert.equal(JSON.parse(published.result).version, 1);
      const seenByB = await net.as('providerb', 'registrar1');
      const plan = JSON.parse(
        await seenByB.contract('claims').evaluate('getPlan', { args: [planId, ''] }),
      );
      assert.deepEqual(
        [plan.insurerMsp, plan.version, plan.deductibleCents, plan.paymentConsentRequired],
        [MSP.insurer, 1, 50_000, true],
      );
    });

    it('ProviderA registers two patients and the insurer enrols both, answering only IDs', async () => {
      const patientIds: string[] = [];
      for (const i of [0, 1]) {
        const person = demographics(`${run}${i}`);
        leaked.push(person.givenName, person.familyName, person.mrn);
        const registered = await step(registrar, 'records', 'registerPatient', {
          args: [],
          transient: { payload: JSON.stringify(person), salt: salt() },
          orgs: [MSP.providera],
        });
        const { patientId } = JSON.parse(registered.result) as { patientId: string };
        patientIds.push(patientId);
        const enrolment = {
          patientId,
          planId,
          memberNumber: memberNumbers[i],
          coverageFrom: day(-40),
          coverageTo: day(300),
        };
        const enrolled = await step(intake, 'claims', 'enrolMember', {
          transient: { payload: JSON.stringify(enrolment), salt: salt() },
          orgs: INSURER_ONLY,
        });
        recordMemberNumber(MSP.insurer, patientId, enrolment.memberNumber ?? '');
        assert.deepEqual(Object.keys(statusOf(enrolled) as object), ['enrolmentId']);
      }
      [patient1 = '', patient2 = ''] = patientIds;
      const [p1, p2] = await Promise.all([
        enrolUser('providera', `claims-${run}-p1`, { role: 'patient', patientId: patient1 }),
        enrolUser('providera', `claims-${run}-p2`, { role: 'patient', patientId: patient2 }),
      ]);
      patientUser1 = await net.as('providera', { mspDir: p1 });
      patientUser2 = await net.as('providera', { mspDir: p2 });
    });

    it('the board licenses both practitioners and suspends the second one', async () => {
      for (const practitionerId of [doctor1, doctor2]) {
        const licence = {
          practitionerId,
          licenceNumber: `LIC-${practitionerId}`,
          licenceType: 'physician',
          organisation: MSP.providera,
          specialty: 'orthopaedics',
          jurisdiction: 'US-CA',
          validFrom: day(-400),
          validTo: day(400),
        };
        await step(officer, 'credentials', 'issueCredential', {
          args: [JSON.stringify(licence)],
          orgs: [MSP.board],
        });
      }
      await step(officer, 'credentials', 'suspendCredential', {
        args: [`LIC-${doctor2}`, 'PENDING_INVESTIGATION'],
        orgs: [MSP.board],
      });
      const verify = (n: string) =>
        registrar
          .contract('credentials')
          .evaluate('verifyLicence', { args: [n, MSP.providera, serviceDate] });
      assert.equal(JSON.parse(await verify(`LIC-${doctor1}`)).reason, 'VALID');
      assert.equal(JSON.parse(await verify(`LIC-${doctor2}`)).reason, 'SUSPENDED');
    });

    it('the insurer authorises an MRI for the first patient, who consents to payment use', async () => {
      const auth = {
        authId: `auth-${run}`,
        patientId: patient1,
        code: '70553',
        validFrom: day(-10),
        validTo: day(20),
      };
      await step(adjudicator, 'claims', 'recordPriorAuth', {
        transient: { payload: JSON.stringify(auth), salt: salt() },
        orgs: INSURER_ONLY,
      });
      await step(patientUser1, 'consent', 'grantConsent', {
        args: [JSON.stringify(paymentConsent(patient1))],
        orgs: [MSP.providera],
      });
    });
  });

  function paymentConsent(patientId: string) {
    return {
      patientId,
      grantee: { kind: 'organisation', mspId: MSP.insurer },
      scope: ['condition'],
      purpose: 'payment',
      validFrom: instant(-1),
      validTo: instant(60 * 24 * 30),
    };
  }

  describe('adjudication on submission, accumulators carried across claims', () => {
    it('claim 1 is approved, all of it towards the deductible, and the provider and the insurer read the same result', async () => {
      // 99213 charged $180: allowed $150 (the plan's amount); deductible $500 left → $150 to it.
      // 97110 × 3 charged $120: allowed 3 × $40 = $120; deductible $350 left → $120 to it.
      // Nothing paid yet; deductible met $270, out of pocket $270.
      const l1 = line('99213', 18_000);
      const l2 = line('97110', 12_000, 3);
      const c1 = { allowed: 15_000, deductible: 15_000, copay: 0, coinsurance: 0 };
      const c2 = { allowed: 12_000, deductible: 12_000, copay: 0, coinsurance: 0 };
      const submitted = await submitClaim(physician1, 1, patient1, doctor1, [l1, l2]);
      assert.deepEqual(statusOf(submitted), { claimId: claimId(1), status: 'approved' });
      assert.deepEqual(await eventOf(registrar, submitted), {
        name: 'ClaimAdjudicated',
        payload: { claimId: claimId(1), status: 'approved', audience: CLAIM_AUDIENCE },
      });

      const byProvider = await readClaim(physician1, peers, claimId(1));
      const byInsurer = await readClaim(adjudicator, peers, claimId(1));
      assert.deepEqual(byInsurer, byProvider);
      assert.deepEqual(byProvider.claim, {
        ...byProvider.claim,
        status: 'approved',
        submittingMsp: MSP.providera,
        providerMsp: MSP.providera,
        insurerMsp: MSP.insurer,
      });
      assert.equal(saltedHash(byProvider.salt, byProvider.contents), byProvider.claim.hash);
      assert.equal(byProvider.contents.renderingPractitionerId, doctor1);
      const { result } = byProvider.record;
      assert.deepEqual(result.lines, [
        lineResult(1, l1, 'approved', { ...c1, patient: 15_000, paid: 0 }, [
          'ALLOWED_AMOUNT_APPLIED',
          'DEDUCTIBLE_APPLIED',
        ]),
        lineResult(2, l2, 'approved', { ...c2, patient: 12_000, paid: 0 }, ['DEDUCTIBLE_APPLIED']),
      ]);
      const sum: Amounts = { ...NOTHING, allowed: 27_000, deductible: 27_000, patient: 27_000 };
      assert.deepEqual(result.totals, totals(30_000, sum));
      assert.deepEqual([result.status, result.reasonCodes], ['approved', []]);
      assertAccumulators(byProvider, 27_000, 27_000);
    });

    it('claim 2 meets the deductible part-way through its first line, then pays with coinsurance and copay', async () => {
      // 97140 × 8 charged $400: allowed 8 × $40 = $320; the $230 of deductible left is met;
      //   coinsurance 20 % of $90 = $18; patient $248, paid $72.
      // 99214 charged $200: allowed $200; deductible met, so the $30 copay instead of
      //   coinsurance; patient $30, paid $170.
      // Claim: allowed $520, patient $278, paid $242; deductible met $500, out of pocket $548.
      const l1 = line('97140', 40_000, 8);
      const l2 = line('99214', 20_000);
      const submitted = await submitClaim(registrar, 2, patient1, doctor1, [l1, l2]);
      assert.deepEqual(statusOf(submitted), { claimId: claimId(2), status: 'approved' });

      const view = await readClaim(registrar, peers, claimId(2));
      const a1 = { allowed: 32_000, deductible: 23_000, copay: 0, coinsurance: 1_800 };
      const a2 = { allowed: 20_000, deductible: 0, copay: 3_000, coinsurance: 0 };
      assert.deepEqual(view.record.result.lines, [
        lineResult(1, l1, 'approved', { ...a1, patient: 24_800, paid: 7_200 }, [
          'ALLOWED_AMOUNT_APPLIED',
          'DEDUCTIBLE_APPLIED',
          'COINSURANCE_APPLIED',
        ]),
        lineResult(2, l2, 'approved', { ...a2, patient: 3_000, paid: 17_000 }, ['COPAY_APPLIED']),
      ]);
      assert.deepEqual(
        view.record.result.totals,
        totals(60_000, {
          allowed: 52_000,
          deductible: 23_000,
          copay: 3_000,
          coinsurance: 1_800,
          patient: 27_800,
          paid: 24_200,
        }),
      );
      assertAccumulators(view, 50_000, 54_800);
    });

    it('claim 3 has its duplicate line denied, and its other lines, a prior-authorised MRI among them, approved', async () => {
      // 99214 again, same member, practitioner and day as claim 2's line 2: DUPLICATE_LINE.
      // 80053 charged $50: deductible met, coinsurance $10, paid $40.
      // 70553 (MRI, needs and has prior authorisation) $1,200: coinsurance $240, paid $960.
      // Claim partly approved: paid $1,000; out of pocket $548 + $250 = $798.
      const l1 = line('99214', 20_000);
      const l2 = line('80053', 5_000);
      const l3 = line('70553', 120_000);
      const submitted = await submitClaim(registrar, 3, patient1, doctor1, [l1, l2, l3]);
      assert.deepEqual(statusOf(submitted), { claimId: claimId(3), status: 'partially-approved' });

      const view = await readClaim(registrar, peers, claimId(3));
      const coinsurance = (allowed: number, share: number) => ({
        ...NOTHING,
        allowed,
        coinsurance: share,
        patient: share,
        paid: allowed - share,
      });
      assert.deepEqual(view.record.result.lines, [
        lineResult(1, l1, 'denied', undefined, ['DUPLICATE_LINE']),
        lineResult(2, l2, 'approved', coinsurance(5_000, 1_000), ['COINSURANCE_APPLIED']),
        lineResult(3, l3, 'approved', coinsurance(120_000, 24_000), ['COINSURANCE_APPLIED']),
      ]);
      assert.deepEqual(view.record.result.totals, totals(145_000, coinsurance(125_000, 25_000)));
      assertAccumulators(view, 50_000, 79_800);
    });

    it('claim 4, rendered by the suspended practitioner, is denied whole and moves no accumulator', async () => {
      const l1 = line('99213', 15_000);
      const submitted = await submitClaim(physician2, 4, patient1, doctor2, [l1]);
      assert.deepEqual(statusOf(submitted), { claimId: claimId(4), status: 'denied' });

      const view = await readClaim(physician2, peers, claimId(4));
      assert.deepEqual(view.record.result.reasonCodes, ['PRACTITIONER_NOT_CREDENTIALED']);
      assert.deepEqual(view.record.result.lines, [
        lineResult(1, l1, 'denied', undefined, ['PRACTITIONER_NOT_CREDENTIALED']),
      ]);
      assert.deepEqual(view.record.result.totals, totals(15_000, NOTHING));
      assertAccumulators(view, 50_000, 79_800);
    });

    it('claim 5, above the review threshold, is pended unpriced; only an adjudicator decides it, at the out-of-pocket cap', async () => {
      // $28,080 charged > $5,000 threshold: pended, nothing priced or accumulated.
      const l1 = line('27447', 2_800_000);
      const l2 = line('97530', 8_000, 2);
      const submitted = await submitClaim(registrar, 5, patient1, doctor1, [l1, l2]);
      assert.deepEqual(statusOf(submitted), { claimId: claimId(5), status: 'pended' });
      assert.deepEqual(await eventOf(registrar, submitted), {
        name: 'ClaimPended',
        payload: { claimId: claimId(5), status: 'pended', audience: CLAIM_AUDIENCE },
      });
      const pended = await readClaim(adjudicator, peers, claimId(5));
      assert.deepEqual(pended.record.result.reasonCodes, [
        'ABOVE_REVIEW_THRESHOLD',
        'PENDED_FOR_REVIEW',
      ]);
      assert.deepEqual(pended.record.result.lines, [
        lineResult(1, l1, 'pended', undefined, ['PENDED_FOR_REVIEW']),
        lineResult(2, l2, 'pended', undefined, ['PENDED_FOR_REVIEW']),
      ]);
      assertAccumulators(pended, 50_000, 79_800);

      const decision = JSON.stringify({
        lines: [
          { line: 1, decision: 'approve' },
          { line: 2, decision: 'deny', reasonCodes: ['NOT_MEDICALLY_NECESSARY'] },
        ],
      });
      const decide = (session: Session) =>
        session.contract('claims').submit('decidePendedClaim', {
          args: [claimId(5), decision],
          endorsingOrganizations: INSURER_ONLY,
        });
      assert.equal(await failureOf(decide(intake)), 'FORBIDDEN');
      assert.equal(await failureOf(decide(registrar)), 'FORBIDDEN');
      const decided = await decide(adjudicator);
      await peers.settle(decided.blockNumber);
      assert.deepEqual(statusOf(decided), { claimId: claimId(5), status: 'partially-approved' });

      // 27447 charged $28,000: allowed $25,000; deductible met; coinsurance due $5,000 but only
      // $3,000 − $798 = $2,202 of out of pocket is left: patient $2,202, paid $22,798.
      const view = await readClaim(registrar, peers, claimId(5));
      const capped = { ...NOTHING, allowed: 2_500_000, coinsurance: 220_200, patient: 220_200 };
      assert.deepEqual(view.record.result.lines, [
        lineResult(1, l1, 'approved', { ...capped, paid: 2_279_800 }, [
          'PENDED_FOR_REVIEW',
          'APPROVED_ON_REVIEW',
          'ALLOWED_AMOUNT_APPLIED',
          'COINSURANCE_APPLIED',
          'OOP_MAX_REACHED',
        ]),
        lineResult(2, l2, 'denied', undefined, [
          'PENDED_FOR_REVIEW',
          'NOT_MEDICALLY_NECESSARY',
          'DENIED_ON_REVIEW',
        ]),
      ]);
      assert.deepEqual(
        view.record.result.totals,
        totals(2_808_000, { ...capped, paid: 2_279_800 }),
      );
      assertAccumulators(view, 50_000, 300_000);
      assert.deepEqual(
        view.record.decisions.map((d) => [d.kind, d.by.mspId]),
        [['review', MSP.insurer]],
      );
      assert.equal(await failureOf(decide(adjudicator)), 'FAILED_PRECONDITION');
    });
  });

  describe('appeal and payment', () => {
    const p2Lines = [line('97110', 40_000, 10), line('99214', 20_000)];

    it('claim 6, for a patient who has not consented to payment use, is denied whole', async () => {
      const [l1, l2] = p2Lines as [Line, Line];
      const submitted = await submitClaim(registrar, 6, patient2, doctor1, p2Lines);
      assert.deepEqual(statusOf(submitted), { claimId: claimId(6), status: 'denied' });
      const view = await readClaim(registrar, peers, claimId(6));
      assert.deepEqual(view.record.result.reasonCodes, ['NO_PAYMENT_CONSENT']);
      assert.deepEqual(view.record.result.lines, [
        lineResult(1, l1, 'denied', undefined, ['NO_PAYMENT_CONSENT']),
        lineResult(2, l2, 'denied', undefined, ['NO_PAYMENT_CONSENT']),
      ]);
      assertAccumulators(view, 0, 0);
    });

    it('after the patient consents, the provider appeals once and the adjudicator grants the appeal with fresh amounts', async () => {
      const [l1, l2] = p2Lines as [Line, Line];
      await step(patientUser2, 'consent', 'grantConsent', {
        args: [JSON.stringify(paymentConsent(patient2))],
        orgs: [MSP.providera],
      });
      const appeal = (session: Session) =>
        session.contract('claims').submit('appealClaim', {
          args: [claimId(6), 'CONSENT_OBTAINED'],
          transient: { payload: JSON.stringify({ note: appealNote }) },
          endorsingOrganizations: CLAIM_PARTIES,
        });
      assert.equal(await failureOf(appeal(adjudicator)), 'FORBIDDEN');
      const appealed = await appeal(registrar);
      await peers.settle(appealed.blockNumber);
      assert.deepEqual(statusOf(appealed), { claimId: claimId(6), status: 'appealed' });
      assert.deepEqual(await eventOf(registrar, appealed), {
        name: 'ClaimAppealed',
        payload: { claimId: claimId(6), status: 'appealed', audience: CLAIM_AUDIENCE },
      });

      const granted = await step(adjudicator, 'claims', 'decideAppeal', {
        args: [
          claimId(6),
          JSON.stringify({
            lines: [
              { line: 1, decision: 'approve' },
              { line: 2, decision: 'approve' },
            ],
          }),
        ],
        orgs: INSURER_ONLY,
      });
      assert.deepEqual(statusOf(granted), { claimId: claimId(6), status: 'appeal-approved' });

      // The second patient has accumulated nothing: deductible $500 left.
      // 97110 × 10 charged $400: allowed $400, all to the deductible; paid 0.
      // 99214 charged $200: allowed $200; the last $100 of deductible, then the $30 copay on
      //   the rest; patient $130, paid $70. Claim: patient $530, paid $70.
      const view = await readClaim(registrar, peers, claimId(6));
      const before = ['NO_PAYMENT_CONSENT', 'APPEAL_APPROVED'];
      const a1 = { ...NOTHING, allowed: 40_000, deductible: 40_000, patient: 40_000 };
      const a2 = { allowed: 20_000, deductible: 10_000, copay: 3_000, coinsurance: 0 };
      assert.deepEqual(view.record.result.lines, [
        lineResult(1, l1, 'approved', a1, [...before, 'DEDUCTIBLE_APPLIED']),
        lineResult(2, l2, 'approved', { ...a2, patient: 13_000, paid: 7_000 }, [
          ...before,
          'DEDUCTIBLE_APPLIED',
          'COPAY_APPLIED',
        ]),
      ]);
      assert.deepEqual(view.record.result.reasonCodes, before);
      assert.deepEqual(
        view.record.result.totals,
        totals(60_000, {
          allowed: 60_000,
          deductible: 50_000,
          copay: 3_000,
          coinsurance: 0,
          patient: 53_000,
          paid: 7_000,
        }),
      );
      assertAccumulators(view, 50_000, 53_000);
      assert.deepEqual(
        [view.record.appeal?.reason, view.record.appeal?.note, view.record.appeal?.by.mspId],
        ['CONSENT_OBTAINED', appealNote, MSP.providera],
      );
      assert.equal(await failureOf(appeal(registrar)), 'FAILED_PRECONDITION');
    });

    it('an approved claim cannot be appealed', async () => {
      const refused = registrar.contract('claims').submit('appealClaim', {
        args: [claimId(1), 'OTHER'],
        endorsingOrganizations: CLAIM_PARTIES,
      });
      assert.equal(await failureOf(refused), 'FAILED_PRECONDITION');
    });

    it('payment of the adjudicated amount closes a claim; any other amount, a provider or a second payment is refused', async () => {
      const pay = (session: Session, id: string, amountCents: number) =>
        session.contract('claims').submit('recordPayment', {
          args: [id, JSON.stringify({ amountCents, reference: `rmt-${run}-${id}`, paidOn: day() })],
          endorsingOrganizations: INSURER_ONLY,
        });
      assert.equal(await failureOf(pay(adjudicator, claimId(2), 24_000)), 'FAILED_PRECONDITION');
      assert.equal(await failureOf(pay(registrar, claimId(2), 24_200)), 'FORBIDDEN');
      for (const [id, paidCents] of [
        [claimId(2), 24_200], // approved
        [claimId(6), 7_000], // appeal-approved
      ] as const) {
        const paid = await pay(adjudicator, id, paidCents);
        await peers.settle(paid.blockNumber);
        assert.deepEqual(statusOf(paid), { claimId: id, status: 'paid' });
        assert.deepEqual(await eventOf(adjudicator, paid), {
          name: 'ClaimPaid',
          payload: { claimId: id, status: 'paid', audience: CLAIM_AUDIENCE },
        });
        const view = await readClaim(registrar, peers, id);
        assert.equal(view.claim.status, 'paid');
        assert.equal(view.record.payment?.amountCents, paidCents);
      }
      assert.equal(await failureOf(pay(adjudicator, claimId(2), 24_200)), 'FAILED_PRECONDITION');
    });
  });

  describe("submission by the insurer's intake", () => {
    it("the insurer's intake submits a claim on ProviderA's behalf, priced on the second patient's carried accumulators", async () => {
      // The second patient's deductible was met by claim 6 (after its appeal).
      // 80053 charged $50: coinsurance $10, paid $40; out of pocket $530 + $10 = $540.
      const l1 = line('80053', 5_000);
      const codes = diagnosisCodes();
      leaked.push(...codes);
      claimIds.push(claimId(7));
      const payload = {
        claimId: claimId(7),
        patientId: patient2,
        providerMsp: MSP.providera,
        renderingPractitionerId: doctor1,
        serviceDate,
        diagnosisCodes: codes,
        lines: [l1],
      };
      const submitted = await submitAndAdjudicate(intake, payload);
      assert.deepEqual(statusOf(submitted), { claimId: claimId(7), status: 'approved' });

      const view = await readClaim(registrar, peers, claimId(7));
      assert.deepEqual(
        [view.claim.submittingMsp, view.claim.providerMsp, view.contents.providerMsp],
        [MSP.insurer, MSP.providera, MSP.providera],
      );
      const share = { ...NOTHING, allowed: 5_000, coinsurance: 1_000, patient: 1_000, paid: 4_000 };
      assert.deepEqual(view.record.result.lines, [
        lineResult(1, l1, 'approved', share, ['COINSURANCE_APPLIED']),
      ]);
      assertAccumulators(view, 50_000, 54_000);
    });
  });

  describe('privacy', () => {
    it("ProviderA's peer holds no membership: it cannot adjudicate, the claim stays submitted", async () => {
      const codes = diagnosisCodes();
      leaked.push(...codes);
      claimIds.push(claimId(8));
      const payload = {
        claimId: claimId(8),
        patientId: patient1,
        renderingPractitionerId: doctor1,
        serviceDate,
        diagnosisCodes: codes,
        lines: [line('80053', 5_000)],
      };
      recordClaimDiagnoses(CLAIM_PARTIES, patient1, codes);
      await step(registrar, 'claims', 'submitClaim', {
        transient: { payload: JSON.stringify(payload), salt: salt() },
        orgs: CLAIM_PARTIES,
      });
      const atProviderA = registrar.contract('claims').submit('adjudicateClaim', {
        args: [claimId(8)],
        transient: { salt: salt() },
        endorsingOrganizations: [MSP.providera],
      });
      assert.match(await failureText(atProviderA), /_implicit_org_InsurerMSP/);
      const logged = await step(registrar, 'claims', 'logClaimAccess', {
        args: [claimId(8)],
        orgs: CLAIM_PARTIES,
      });
      assert.ok(logged.transactionId);
      const read = JSON.parse(
        await registrar.contract('claims').evaluate('getClaim', { args: [claimId(8)] }),
      ) as { claim: { status: string }; record: { result?: unknown } };
      assert.equal(read.claim.status, 'submitted');
      assert.equal(read.record.result, undefined);
      const listed = JSON.parse(
        await registrar
          .contract('claims')
          .evaluate('listClaims', { args: ['submitted', '50', ''] }),
      ) as { items: { claimId: string }[] };
      assert.ok(listed.items.some((c) => c.claimId === claimId(8)));
    });

    it('ProviderB, not party to the claim, can neither log an access to it nor read it', async () => {
      const registrarB = await net.as('providerb', 'registrar1');
      const physicianB = await net.as('providerb', 'physician1');
      for (const session of [registrarB, physicianB]) {
        const claims = session.contract('claims');
        const logged = claims.submit('logClaimAccess', {
          args: [claimId(2)],
          endorsingOrganizations: [MSP.providerb],
        });
        assert.equal(await failureOf(logged), 'FORBIDDEN');
        assert.equal(
          await failureOf(claims.evaluate('getClaim', { args: [claimId(2)] })),
          'FORBIDDEN',
        );
      }
      // Not through ProviderA's peer either, which holds the data.
      const viaA = await net.as('providerb', 'registrar1', 'providera');
      const read = viaA.contract('claims').evaluate('getClaim', {
        args: [claimId(2)],
        endorsingOrganizations: [MSP.providera],
      });
      assert.equal(await failureOf(read), 'FORBIDDEN');
    });

    it("ProviderB's peer holds no copy: even the insurer, with a fresh access entry, reads nothing through it", async () => {
      await readClaim(adjudicator, peers, claimId(2)); // fresh entry, read on the insurer's peer
      const viaB = await net.as('insurer', 'adjudicator1', 'providerb');
      const text = await failureText(
        viaB.contract('claims').evaluate('getClaim', {
          args: [claimId(2)],
          endorsingOrganizations: [MSP.providerb],
        }),
      );
      console.log(`      through ProviderB's peer: ${text.split('\n').slice(-1)[0]}`);
      // The peer has the public hash of the contents, not the contents (Fabric refuses the
      // read), and the chaincode says why: ProviderB is not a member of claimsProviderA.
      assert.match(
        text,
        /FORBIDDEN: claimsProviderA: this peer's organisation \(ProviderBMSP\) is not a member of the collection/,
      );
    });

    it('no block holds a diagnosis code, member number, appeal note or demographic of the run', async () => {
      const session = await net.as('insurer', 'orgadmin');
      assert.equal(leaked.length, 2 + 1 + 6 + 2 * 8);
      assert.deepEqual(await phiFoundInBlocks(session.network, leaked), []);
    });

    it('while the scan does see what is public: claim IDs, plan ID and remittance references', async () => {
      const session = await net.as('insurer', 'orgadmin');
      const visible = [...claimIds, planId, `rmt-${run}-${claimId(2)}`];
      assert.deepEqual(await phiFoundInBlocks(session.network, visible), visible);
    });
  });
});
