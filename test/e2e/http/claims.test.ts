/**
 * The claims scenario over HTTPS: the insurer publishes a plan and enrols a member; a
 * licensed provider physician submits claims that the chaincode adjudicates at once; both
 * parties read a claim (access entry first); a pended claim is decided, a denied one
 * appealed and decided, and payments close them; PHI of the run reaches no block.
 */
import assert from 'node:assert/strict';
import { z } from 'zod';
import { phiFoundInBlocks } from '../support/blocks';
import { MSP, TestNetwork } from '../support/network';
import { bodyOf, committedOf, expectError, expectStatus, type User } from './support/http';
import { day, runId, World } from './support/world';

const Step = committedOf(z.object({ claimId: z.string(), status: z.string() }));
const ClaimView = z.object({
  claim: z.object({ claimId: z.string(), status: z.string(), providerMsp: z.string() }),
  contents: z.object({ diagnosisCodes: z.array(z.string()) }),
  record: z.object({ result: z.object({ totals: z.object({ paidCents: z.int() }) }) }),
  access: z.object({ accessId: z.string(), blockNumber: z.int() }),
});

describe('claims over HTTPS', function () {
  this.timeout(180_000);
  const net = new TestNetwork();
  const world = new World(net);
  const run = runId();
  const planId = `plan-h${run}`;
  let patientId = '';
  const practitionerId = `pr-hcl-${run}`;
  const memberNumber = `MEM-${run}-77`;
  const diagnosis = `Z${parseInt(run.slice(0, 4), 16) % 100}.${run.slice(4, 5)}`;
  let adjudicator: User;
  let intake: User;
  let physician: User;

  before(async () => {
    let registrar: User;
    [adjudicator, intake, registrar, physician] = await Promise.all([
      world.login('insurer', 'adjudicator1'),
      world.login('insurer', 'intake1'),
      world.login('providera', 'registrar1'),
      world.licensedPhysician('providera', practitionerId),
    ]);
    const registered = await registrar.post('/patients', {
      demographics: {
        mrn: `MRN-HCL${run}`,
        givenName: 'Claim',
        familyName: `Holder${run}`,
        birthDate: '1980-05-05',
      },
    });
    const answer = bodyOf(
      committedOf(z.object({ patientId: z.string(), hash: z.string() })),
      expectStatus(registered, 201),
    );
    patientId = answer.result.patientId;
    await world.settle(answer.blockNumber);
  });
  after(() => {
    world.close();
    net.close();
  });

  async function settled<S extends z.ZodType>(
    schema: S,
    res: Parameters<typeof bodyOf>[1],
    status = 201,
  ) {
    const body = bodyOf(schema, expectStatus(res, status));
    if (
      typeof body === 'object' &&
      body !== null &&
      'blockNumber' in body &&
      typeof body.blockNumber === 'number'
    ) {
      await world.settle(body.blockNumber);
    }
    return body;
  }

  async function submit(n: number, lines: { code: string; units: number; chargeCents: number }[]) {
    const claim = {
      claimId: `clm-h${run}-${n}`,
      patientId,
      renderingPractitionerId: practitionerId,
      serviceDate: day(0),
      diagnosisCodes: [diagnosis],
      lines,
    };
    return (await settled(Step, await physician.post('/claims', claim))).result;
  }

  async function read(who: User, claimId: string) {
    const view = bodyOf(ClaimView, expectStatus(await who.get(`/claims/${claimId}`), 200));
    await world.settle(view.access.blockNumber);
    return view;
  }

  it('the insurer publishes a plan that a provider can read', async () => {
    await settled(
      committedOf(z.object({ version: z.literal(1) })),
      await adjudicator.post('/plans', {
        planId,
        deductibleCents: 10_000,
        coinsuranceBps: 2_000,
        outOfPocketMaxCents: 300_000,
        coveredCodes: [
          { code: '99213', allowedCents: 15_000 },
          { code: '27447', allowedCents: 2_500_000 },
        ],
        timelyFilingDays: 90,
        paymentConsentRequired: false,
        reviewThresholdCents: 1_000_000,
      }),
    );
    const plan = bodyOf(
      z.object({ insurerMsp: z.string() }),
      expectStatus(await physician.get(`/plans/${planId}`), 200),
    );
    assert.equal(plan.insurerMsp, MSP.insurer);
  });

  it("the insurer's intake enrols the patient; a provider may not", async () => {
    const enrolment = {
      patientId,
      planId,
      memberNumber,
      coverageFrom: day(-30),
      coverageTo: day(300),
    };
    await settled(
      committedOf(z.object({ enrolmentId: z.string() })),
      await intake.post('/members', enrolment),
    );
    expectError(await physician.post('/members', enrolment), 403, 'FORBIDDEN');
  });

  it('a claim is adjudicated on submission; provider and insurer read the same claim; payment closes it', async () => {
    const approved = await submit(1, [{ code: '99213', units: 1, chargeCents: 18_000 }]);
    assert.equal(approved.status, 'approved');
    const byProvider = await read(physician, approved.claimId);
    const byInsurer = await read(adjudicator, approved.claimId);
    assert.deepEqual(byInsurer.record, byProvider.record);
    assert.equal(byProvider.claim.providerMsp, MSP.providera);
    // Allowed $150, $100 to the deductible, 20 % of $50 to the patient: $40 paid.
    assert.equal(byProvider.record.result.totals.paidCents, 4_000);
    const paid = await settled(
      Step,
      await adjudicator.post(`/claims/${approved.claimId}/payment`, {
        amountCents: 4_000,
        reference: `REM-${run}-1`,
        paidOn: day(0),
      }),
    );
    assert.equal(paid.result.status, 'paid');
    const again = await adjudicator.post(`/claims/${approved.claimId}/payment`, {
      amountCents: 4_000,
      reference: `REM-${run}-1`,
      paidOn: day(0),
    });
    expectError(again, 422, 'FAILED_PRECONDITION');
  });

  it('submitting the same claim ID twice is a 409', async () => {
    const res = await physician.post('/claims', {
      claimId: `clm-h${run}-1`,
      patientId,
      renderingPractitionerId: practitionerId,
      serviceDate: day(0),
      diagnosisCodes: [diagnosis],
      lines: [{ code: '99213', units: 1, chargeCents: 18_000 }],
    });
    expectError(res, 409, 'CONFLICT');
  });

  it('a claim above the review threshold is pended, then approved by the adjudicator', async () => {
    const pended = await submit(2, [{ code: '27447', units: 1, chargeCents: 2_600_000 }]);
    assert.equal(pended.status, 'pended');
    const decided = await settled(
      Step,
      await adjudicator.post(`/claims/${pended.claimId}/review-decision`, {
        lines: [{ line: 1, decision: 'approve' }],
      }),
    );
    assert.equal(decided.result.status, 'approved');
  });

  it('a denied claim is appealed by the provider (note kept private) and the denial upheld', async () => {
    const denied = await submit(3, [{ code: '12345', units: 1, chargeCents: 5_000 }]);
    assert.equal(denied.status, 'denied');
    const appealed = await settled(
      Step,
      await physician.post(`/claims/${denied.claimId}/appeal`, {
        reason: 'COVERAGE_DISPUTE',
        note: `covered per contract ${run}`,
      }),
    );
    assert.equal(appealed.result.status, 'appealed');
    const decided = await settled(
      Step,
      await adjudicator.post(`/claims/${denied.claimId}/appeal-decision`, {
        lines: [{ line: 1, decision: 'deny', reasonCodes: ['NOT_COVERED'] }],
      }),
    );
    assert.equal(decided.result.status, 'appeal-denied');
  });

  it('no member number, diagnosis or appeal note of this run is in any block', async () => {
    const session = await net.as('insurer', 'adjudicator1');
    const needles = [memberNumber, diagnosis, `covered per contract ${run}`, `Holder${run}`];
    assert.deepEqual(await phiFoundInBlocks(session.network, needles), []);
  });
});
