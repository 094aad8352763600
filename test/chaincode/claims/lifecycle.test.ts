/**
 * After adjudication: review of a pended claim, one appeal, payment that closes the claim;
 * every step through the contract, and every refusal with its error code.
 */
import assert from 'node:assert/strict';
import { AccumulatorsSchema } from '../../../chaincode/src/claims/membership';
import { Msp } from '../../../chaincode/src/shared/names';
import { Role } from '../../../chaincode/src/shared/roles';
import { contextFor, errorCodeOf, FakeStub } from '../../support/fake-stub';
import {
  adjudicator,
  contract,
  giveLicence,
  insurerAdmin,
  intake,
  line,
  PATIENT,
  physician,
  privateValue,
  publicValue,
  registrar,
  SALT,
  setUpMember,
  submit,
  accumulatorsOf,
  AdjudicatedRecordSchema,
} from './fixtures';

type As = typeof registrar;
const approve = (n: number) => ({ line: n, decision: 'approve' });
const deny = (n: number, ...reasonCodes: string[]) => ({ line: n, decision: 'deny', reasonCodes });

async function decide(stub: FakeStub, claimId: string, lines: unknown[], as: As = adjudicator) {
  stub.nextTx({ at: '2026-03-05T09:00:00Z' });
  return JSON.parse(
    await contract.decidePendedClaim(as(stub), claimId, JSON.stringify({ lines })),
  ) as { status: string };
}

async function appeal(
  stub: FakeStub,
  claimId: string,
  reason = 'MEDICAL_NECESSITY',
  as: As = registrar,
  note?: string,
) {
  stub.nextTx({
    at: '2026-03-10T09:00:00Z',
    transient: note === undefined ? {} : { payload: JSON.stringify({ note }) },
  });
  return JSON.parse(await contract.appealClaim(as(stub), claimId, reason)) as { status: string };
}

async function decideAppeal(
  stub: FakeStub,
  claimId: string,
  lines: unknown[],
  as: As = adjudicator,
) {
  stub.nextTx({ at: '2026-03-15T09:00:00Z' });
  return JSON.parse(await contract.decideAppeal(as(stub), claimId, JSON.stringify({ lines }))) as {
    status: string;
  };
}

async function pay(
  stub: FakeStub,
  claimId: string,
  amountCents: number,
  as: As = adjudicator,
  paidOn = '2026-03-20',
) {
  stub.nextTx({ at: '2026-03-20T09:00:00Z' });
  const payment = JSON.stringify({ amountCents, reference: 'EFT-0001', paidOn });
  return JSON.parse(await contract.recordPayment(as(stub), claimId, payment)) as { status: string };
}

const record = (stub: FakeStub, claimId = 'clm-1') =>
  AdjudicatedRecordSchema.parse(privateValue(stub, 'claimsProviderA', 'claimRecord', claimId));
const publicStatus = (stub: FakeStub, claimId = 'clm-1') =>
  (publicValue(stub, 'claim', claimId) as { status: string }).status;
const accumulators = (stub: FakeStub) => AccumulatorsSchema.parse(accumulatorsOf(stub, PATIENT));

async function ready(): Promise<FakeStub> {
  const stub = new FakeStub();
  await setUpMember(stub);
  await giveLicence(stub);
  return stub;
}

/** A knee replacement (flagged for review) and an office visit: pended. */
async function pendedClaim(stub: FakeStub): Promise<void> {
  const answer = await submit(stub, { lines: [line('27447', 900_000), line('99213', 15_000)] });
  assert.equal(answer.status, 'pended');
}

describe('claims: after adjudication', () => {
  describe('decidePendedClaim', () => {
    it('prices the approved lines against the accumulators of the moment and updates them', async () => {
      const stub = await ready();
      await pendedClaim(stub);
      // another claim meanwhile: 99214 allowed 20 000, all deductible
      await submit(stub, { claimId: 'clm-2', lines: [line('99214', 20_000)] });
      const answer = await decide(stub, 'clm-1', [approve(1), approve(2)]);
      assert.deepEqual(answer, { claimId: 'clm-1', status: 'approved' });
      // line 1: 30 000 of deductible left; rest 870 000 × 20 % = 174 000; share 204 000,
      // paid 696 000. line 2: 15 000 × 20 % = 3 000, paid 12 000.
      const { result } = record(stub);
      assert.deepEqual(
        result.lines.map((l) => l.paidCents),
        [696_000, 12_000],
      );
      assert.deepEqual(accumulators(stub), {
        deductibleMetCents: 50_000,
        outOfPocketMetCents: 227_000,
      });
      assert.equal(publicStatus(stub), 'approved');
      assert.deepEqual(stub.lastEvent(), {
        name: 'ClaimAdjudicated',
        payload: { claimId: 'clm-1', status: 'approved', audience: [Msp.Insurer, Msp.ProviderA] },
      });
      assert.equal(record(stub).decisions.length, 1);
    });

    it('denies lines with the adjudicator’s reason codes', async () => {
      const stub = await ready();
      await pendedClaim(stub);
      const answer = await decide(stub, 'clm-1', [deny(1, 'NOT_MEDICALLY_NECESSARY'), approve(2)]);
      assert.equal(answer.status, 'partially-approved');
      assert.deepEqual(record(stub).result.lines[0]?.reasonCodes, [
        'REVIEW_REQUIRED',
        'PENDED_FOR_REVIEW',
        'NOT_MEDICALLY_NECESSARY',
        'DENIED_ON_REVIEW',
      ]);
    });

    it('is refused to a provider, to the intake and to an insurer admin', async () => {
      const stub = await ready();
      await pendedClaim(stub);
      for (const as of [registrar, intake, insurerAdmin]) {
        assert.equal(
          await errorCodeOf(decide(stub, 'clm-1', [approve(1), approve(2)], as)),
          'FORBIDDEN',
        );
      }
      assert.equal(publicStatus(stub), 'pended');
    });

    it('is refused for a claim that is not pended', async () => {
      const stub = await ready();
      await submit(stub);
      assert.equal(await errorCodeOf(decide(stub, 'clm-1', [approve(1)])), 'FAILED_PRECONDITION');
    });

    it('must decide every pended line', async () => {
      const stub = await ready();
      await pendedClaim(stub);
      assert.equal(await errorCodeOf(decide(stub, 'clm-1', [approve(1)])), 'INVALID_ARGUMENT');
      assert.equal(
        await errorCodeOf(
          decide(stub, 'clm-1', [approve(1), { line: 2, decision: 'deny', note: 'x' }]),
        ),
        'INVALID_ARGUMENT',
      );
    });

    it('answers NOT_FOUND for an unknown claim', async () => {
      const stub = await ready();
      assert.equal(await errorCodeOf(decide(stub, 'clm-404', [approve(1)])), 'NOT_FOUND');
    });
  });

  describe('appealClaim and decideAppeal', () => {
    /** 99213 approved, 70553 denied for want of prior authorisation: partially approved. */
    async function partialClaim(stub: FakeStub): Promise<void> {
      const answer = await submit(stub, { lines: [line('99213', 15_000), line('70553', 120_000)] });
      assert.equal(answer.status, 'partially-approved');
    }

    it('the provider appeals once with a reason code; the note stays private', async () => {
      const stub = await ready();
      await partialClaim(stub);
      const answer = await appeal(
        stub,
        'clm-1',
        'PRIOR_AUTH_OBTAINED',
        physician,
        'authorisation obtained by phone',
      );
      assert.deepEqual(answer, { claimId: 'clm-1', status: 'appealed' });
      assert.deepEqual(stub.lastEvent(), {
        name: 'ClaimAppealed',
        payload: { claimId: 'clm-1', status: 'appealed', audience: [Msp.Insurer, Msp.ProviderA] },
      });
      assert.equal(record(stub).appeal?.reason, 'PRIOR_AUTH_OBTAINED');
      assert.equal(record(stub).appeal?.note, 'authorisation obtained by phone');
      assert.ok(!stub.publicText().includes('by phone'));
      assert.equal(await errorCodeOf(appeal(stub, 'clm-1')), 'FAILED_PRECONDITION');
    });

    it('granting the appeal pays the denied line too', async () => {
      const stub = await ready();
      await partialClaim(stub);
      await appeal(stub, 'clm-1');
      // line 1 used 15 000 of the deductible; line 2: 120 000 allowed, 35 000 deductible,
      // rest 85 000 × 20 % = 17 000; share 52 000, paid 68 000
      const answer = await decideAppeal(stub, 'clm-1', [approve(2)]);
      assert.equal(answer.status, 'appeal-approved');
      assert.equal(record(stub).result.lines[1]?.paidCents, 68_000);
      assert.deepEqual(accumulators(stub), {
        deductibleMetCents: 50_000,
        outOfPocketMetCents: 67_000,
      });
      assert.deepEqual(stub.lastEvent(), {
        name: 'ClaimAdjudicated',
        payload: {
          claimId: 'clm-1',
          status: 'appeal-approved',
          audience: [Msp.Insurer, Msp.ProviderA],
        },
      });
      assert.equal(await errorCodeOf(appeal(stub, 'clm-1')), 'FAILED_PRECONDITION');
    });

    it('refusing the appeal keeps the approved line payable', async () => {
      const stub = await ready();
      await partialClaim(stub);
      await appeal(stub, 'clm-1');
      assert.equal(
        (await decideAppeal(stub, 'clm-1', [deny(2, 'NO_PRIOR_AUTH')])).status,
        'appeal-denied',
      );
      assert.equal((await pay(stub, 'clm-1', 0)).status, 'paid'); // line 1 went to the deductible
    });

    it('cannot win on appeal a line another claim has since been approved for', async () => {
      const stub = await ready();
      await submit(stub, { lines: [line('70553', 120_000)] }); // denied: no prior authorisation
      stub.nextTx({
        transient: {
          payload: JSON.stringify({
            authId: 'pa-1',
            patientId: PATIENT,
            code: '70553',
            validFrom: '2026-02-01',
            validTo: '2026-02-28',
          }),
          salt: SALT,
        },
      });
      await contract.recordPriorAuth(adjudicator(stub));
      await submit(stub, { claimId: 'clm-2', lines: [line('70553', 120_000)] }); // approved
      await appeal(stub, 'clm-1', 'PRIOR_AUTH_OBTAINED');
      assert.equal(
        await errorCodeOf(decideAppeal(stub, 'clm-1', [approve(1)])),
        'FAILED_PRECONDITION',
      );
      assert.equal(
        (await decideAppeal(stub, 'clm-1', [deny(1, 'DUPLICATE_LINE')])).status,
        'appeal-denied',
      );
    });

    it('an appeal can overturn NOT_ELIGIBLE once the insurer has corrected the enrolment', async () => {
      const stub = await ready();
      assert.equal((await submit(stub, { patientId: 'pat-2' })).status, 'denied');
      stub.nextTx({
        transient: {
          payload: JSON.stringify({
            patientId: 'pat-2',
            planId: 'gold',
            memberNumber: 'MBR-2',
            coverageFrom: '2026-02-01',
            coverageTo: '2026-12-31',
          }),
          salt: SALT,
        },
      });
      await contract.enrolMember(intake(stub));
      await appeal(stub, 'clm-1', 'ELIGIBILITY_CORRECTED');
      assert.equal((await decideAppeal(stub, 'clm-1', [approve(1)])).status, 'appeal-approved');
      // 99213: allowed 15 000, all of it to pat-2's deductible
      assert.equal(record(stub).result.totals.patientShareCents, 15_000);
      assert.equal(record(stub).planId, 'gold');
      const acc = accumulatorsOf(stub, 'pat-2');
      assert.deepEqual(acc, { deductibleMetCents: 15_000, outOfPocketMetCents: 15_000 });
    });

    it('refuses an appeal of an approved or pended claim', async () => {
      const stub = await ready();
      await submit(stub);
      assert.equal(await errorCodeOf(appeal(stub, 'clm-1')), 'FAILED_PRECONDITION');
      const other = await ready();
      await pendedClaim(other);
      assert.equal(await errorCodeOf(appeal(other, 'clm-1')), 'FAILED_PRECONDITION');
    });

    it('refuses an appeal by the insurer, by another provider or with free text as the reason', async () => {
      const stub = await ready();
      await partialClaim(stub);
      assert.equal(
        await errorCodeOf(appeal(stub, 'clm-1', 'MEDICAL_NECESSITY', intake)),
        'FORBIDDEN',
      );
      const otherProvider = (s: FakeStub) => registrar(s, Msp.ProviderB);
      assert.equal(
        await errorCodeOf(appeal(stub, 'clm-1', 'MEDICAL_NECESSITY', otherProvider)),
        'FORBIDDEN',
      );
      const nurse = (s: FakeStub) => contextFor(s, { mspId: Msp.ProviderA, role: Role.Nurse });
      assert.equal(
        await errorCodeOf(appeal(stub, 'clm-1', 'MEDICAL_NECESSITY', nurse)),
        'FORBIDDEN',
      );
      assert.equal(
        await errorCodeOf(appeal(stub, 'clm-1', 'patient has a rare condition')),
        'INVALID_ARGUMENT',
      );
      assert.equal(publicStatus(stub), 'partially-approved');
    });

    it('refuses to decide an appeal nobody made, or by a provider', async () => {
      const stub = await ready();
      await partialClaim(stub);
      assert.equal(
        await errorCodeOf(decideAppeal(stub, 'clm-1', [approve(2)])),
        'FAILED_PRECONDITION',
      );
      await appeal(stub, 'clm-1');
      assert.equal(
        await errorCodeOf(decideAppeal(stub, 'clm-1', [approve(2)], registrar)),
        'FORBIDDEN',
      );
    });
  });

  describe('recordPayment', () => {
    it('records the adjudicated paid total and closes the claim', async () => {
      const stub = await ready();
      await submit(stub, { lines: [line('97110', 80_000, 20)] });
      // 20 × 4 000 = 80 000 allowed; deductible 50 000; rest 30 000 × 20 % = 6 000; paid 24 000
      const answer = await pay(stub, 'clm-1', 24_000, insurerAdmin);
      assert.deepEqual(answer, { claimId: 'clm-1', status: 'paid' });
      assert.deepEqual(stub.lastEvent(), {
        name: 'ClaimPaid',
        payload: { claimId: 'clm-1', status: 'paid', audience: [Msp.Insurer, Msp.ProviderA] },
      });
      assert.equal(record(stub).payment?.amountCents, 24_000);
      assert.equal(publicStatus(stub), 'paid');
      assert.equal(await errorCodeOf(pay(stub, 'clm-1', 24_000)), 'FAILED_PRECONDITION');
      assert.equal(await errorCodeOf(appeal(stub, 'clm-1')), 'FAILED_PRECONDITION');
    });

    it('refuses an amount other than the adjudicated total', async () => {
      const stub = await ready();
      await submit(stub, { lines: [line('97110', 80_000, 20)] });
      assert.equal(await errorCodeOf(pay(stub, 'clm-1', 25_000)), 'FAILED_PRECONDITION');
    });

    it('refuses a payment date after the day it is recorded', async () => {
      const stub = await ready();
      await submit(stub);
      assert.equal(
        await errorCodeOf(pay(stub, 'clm-1', 0, adjudicator, '2026-03-21')),
        'INVALID_ARGUMENT',
      );
    });

    it('refuses payment of a denied, pended or appealed claim', async () => {
      const stub = await ready();
      await submit(stub, { lines: [line('A9999', 5_000)] }); // denied: not covered
      assert.equal(await errorCodeOf(pay(stub, 'clm-1', 0)), 'FAILED_PRECONDITION');
      await appeal(stub, 'clm-1', 'COVERAGE_DISPUTE');
      assert.equal(await errorCodeOf(pay(stub, 'clm-1', 0)), 'FAILED_PRECONDITION');
      await submit(stub, { claimId: 'clm-2', lines: [line('99213', 1_100_000)] }); // pended
      assert.equal(await errorCodeOf(pay(stub, 'clm-2', 0)), 'FAILED_PRECONDITION');
    });

    it('is refused to providers and to the intake', async () => {
      const stub = await ready();
      await submit(stub);
      assert.equal(await errorCodeOf(pay(stub, 'clm-1', 0, registrar)), 'FORBIDDEN');
      assert.equal(await errorCodeOf(pay(stub, 'clm-1', 0, intake)), 'FORBIDDEN');
    });
  });

  it('a whole life: pended, decided, appealed, granted, paid', async () => {
    const stub = await ready();
    await pendedClaim(stub);
    assert.equal(
      (await decide(stub, 'clm-1', [approve(1), deny(2, 'INSUFFICIENT_DOCUMENTATION')])).status,
      'partially-approved',
    );
    assert.equal((await appeal(stub, 'clm-1', 'MEDICAL_NECESSITY')).status, 'appealed');
    assert.equal((await decideAppeal(stub, 'clm-1', [approve(2)])).status, 'appeal-approved');
    const total = record(stub).result.totals.paidCents;
    // line 1: 900 000 − (50 000 + 850 000 × 20 %) = 680 000; line 2: 15 000 − 3 000 = 12 000
    assert.equal(total, 692_000);
    assert.equal((await pay(stub, 'clm-1', total)).status, 'paid');
    assert.equal(record(stub).decisions.length, 2);
  });
});
