/**
 * submitClaim against the fake ledger: adjudicated at once with the member's accumulators,
 * the practitioner's credential and the patient's consent as the other modules store them;
 * contents and result private, only ID and status public.
 */
import assert from 'node:assert/strict';
import { PublicClaimSchema } from '../../../chaincode/src/claims/claim';
import { gatherInputs } from '../../../chaincode/src/claims/inputs';
import { AccumulatorsSchema } from '../../../chaincode/src/claims/membership';
import { saltedHash } from '../../../chaincode/src/shared/hash';
import { implicitCollection, Msp } from '../../../chaincode/src/shared/names';
import { Role } from '../../../chaincode/src/shared/roles';
import { contextFor, errorCodeOf, FakeStub } from '../../support/fake-stub';
import {
  adjudicator,
  claimPayload,
  contract,
  DIAGNOSIS,
  DOCTOR,
  giveLicence,
  givePaymentConsent,
  intake,
  line,
  MEMBER_NUMBER,
  PATIENT,
  physician,
  policyOrgs,
  privateKey,
  privateValue,
  publicKey,
  publicValue,
  registrar,
  SALT,
  setUpMember,
  submit,
  accumulatorsOf,
  AdjudicatedRecordSchema,
} from './fixtures';

const CLAIMS_A = 'claimsProviderA';

async function ready(terms: Parameters<typeof setUpMember>[1] = {}): Promise<FakeStub> {
  const stub = new FakeStub();
  await setUpMember(stub, terms);
  await giveLicence(stub);
  return stub;
}

function recordOf(stub: FakeStub, claimId: string, collection = CLAIMS_A) {
  return AdjudicatedRecordSchema.parse(privateValue(stub, collection, 'claimRecord', claimId));
}

function accumulators(stub: FakeStub) {
  return AccumulatorsSchema.parse(accumulatorsOf(stub, PATIENT));
}

describe('claims: submitClaim', () => {
  it('adjudicates at once and answers only the claim ID and status', async () => {
    const stub = await ready();
    const answer = await submit(stub);
    assert.deepEqual(answer, { claimId: 'clm-1', status: 'approved' });
    assert.deepEqual(stub.lastEvent(), {
      name: 'ClaimAdjudicated',
      payload: { claimId: 'clm-1', status: 'approved', audience: [Msp.Insurer, Msp.ProviderA] },
    });
    // 99213: allowed 15 000, all of it deductible; paid 0
    const line1 = recordOf(stub, 'clm-1').result.lines[0];
    assert.deepEqual(
      [line1?.allowedCents, line1?.deductibleCents, line1?.paidCents],
      [15_000, 15_000, 0],
    );
  });

  it('carries the accumulators from one claim to the next', async () => {
    const stub = await ready();
    await submit(stub); // deductible met 15 000
    assert.deepEqual(accumulators(stub), {
      deductibleMetCents: 15_000,
      outOfPocketMetCents: 15_000,
    });
    // 10 × 4 000 = 40 000 allowed; 35 000 of deductible left; rest 5 000 × 20 % = 1 000;
    // share 36 000, paid 4 000
    await submit(stub, {
      claimId: 'clm-2',
      serviceDate: '2026-02-20',
      lines: [line('97110', 40_000, 10)],
    });
    const second = recordOf(stub, 'clm-2').result;
    assert.deepEqual([second.totals.patientShareCents, second.totals.paidCents], [36_000, 4_000]);
    assert.deepEqual(accumulators(stub), {
      deductibleMetCents: 50_000,
      outOfPocketMetCents: 51_000,
    });
    // deductible met: 15 000 × 20 % = 3 000; paid 12 000
    await submit(stub, { claimId: 'clm-3', serviceDate: '2026-02-25' });
    assert.equal(recordOf(stub, 'clm-3').result.totals.paidCents, 12_000);
    assert.deepEqual(accumulators(stub), {
      deductibleMetCents: 50_000,
      outOfPocketMetCents: 54_000,
    });
  });

  it('denies a line submitted again as a duplicate and accumulates nothing for it', async () => {
    const stub = await ready();
    await submit(stub);
    const again = await submit(stub, { claimId: 'clm-2' });
    assert.equal(again.status, 'denied');
    assert.deepEqual(recordOf(stub, 'clm-2').result.lines[0]?.reasonCodes, ['DUPLICATE_LINE']);
    assert.deepEqual(accumulators(stub), {
      deductibleMetCents: 15_000,
      outOfPocketMetCents: 15_000,
    });
  });

  it('does not count a denied line as a prior one: a corrected resubmission goes through', async () => {
    const stub = await ready();
    const mri = { lines: [line('70553', 120_000)] };
    assert.equal((await submit(stub, mri)).status, 'denied'); // no prior authorisation
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
    assert.equal((await submit(stub, { ...mri, claimId: 'clm-2' })).status, 'approved');
  });

  it('denies a claim of a suspended practitioner', async () => {
    const stub = await ready();
    await giveLicence(stub, 'prac-9', 'suspended');
    const answer = await submit(stub, { renderingPractitionerId: 'prac-9' });
    assert.equal(answer.status, 'denied');
    assert.deepEqual(recordOf(stub, 'clm-1').result.reasonCodes, ['PRACTITIONER_NOT_CREDENTIALED']);
  });

  it('denies a claim whose rendering practitioner is licensed only at another provider', async () => {
    const stub = await ready(); // DOCTOR's licence names ProviderA
    const answer = await submit(stub, {}, { as: (s) => registrar(s, Msp.ProviderB) });
    assert.equal(answer.status, 'denied');
    const record = recordOf(stub, 'clm-1', 'claimsProviderB');
    assert.deepEqual(record.result.reasonCodes, ['PRACTITIONER_NOT_CREDENTIALED']);
    assert.deepEqual(record.result.lines[0]?.reasonCodes, ['PRACTITIONER_NOT_CREDENTIALED']);
  });

  it('judges the rendering practitioner at the claim’s provider: OTHER_ORGANISATION elsewhere', async () => {
    const stub = await ready();
    stub.nextTx({ at: '2026-03-01T12:00:00Z' });
    const contents = (providerMsp: string) => ({ ...claimPayload(), providerMsp });
    const atA = await gatherInputs(
      registrar(stub),
      undefined,
      contents(Msp.ProviderA),
      '2026-03-01',
    );
    const atB = await gatherInputs(
      registrar(stub, Msp.ProviderB),
      undefined,
      contents(Msp.ProviderB),
      '2026-03-01',
    );
    assert.deepEqual(atA.input.credentialVerdict, { valid: true, reason: 'VALID' });
    assert.deepEqual(atB.input.credentialVerdict, { valid: false, reason: 'OTHER_ORGANISATION' });
  });

  it('denies a claim of a patient with no enrolment and writes no accumulator', async () => {
    const stub = await ready();
    assert.equal((await submit(stub, { patientId: 'pat-unknown' })).status, 'denied');
    const record = recordOf(stub, 'clm-1');
    assert.deepEqual(record.result.reasonCodes, ['NOT_ELIGIBLE']);
    assert.equal(record.planId, undefined);
    assert.equal(accumulatorsOf(stub, 'pat-unknown'), undefined);
  });

  it('pends a claim above the review threshold, emits ClaimPended and accumulates nothing', async () => {
    const stub = await ready();
    const answer = await submit(stub, { lines: [line('99213', 1_100_000)] });
    assert.equal(answer.status, 'pended');
    assert.deepEqual(stub.lastEvent(), {
      name: 'ClaimPended',
      payload: { claimId: 'clm-1', status: 'pended', audience: [Msp.Insurer, Msp.ProviderA] },
    });
    assert.equal(accumulatorsOf(stub, PATIENT), undefined);
  });

  describe('payment consent, when the plan requires it', () => {
    it('denies the claim without the patient’s consent for the insurer', async () => {
      const stub = await ready({ paymentConsentRequired: true });
      assert.equal((await submit(stub)).status, 'denied');
      assert.deepEqual(recordOf(stub, 'clm-1').result.reasonCodes, ['NO_PAYMENT_CONSENT']);
    });

    it('approves it with a payment consent covering all categories or conditions', async () => {
      for (const scope of ['all', ['condition']] as const) {
        const stub = await ready({ paymentConsentRequired: true });
        await givePaymentConsent(stub, scope === 'all' ? 'all' : [...scope]);
        assert.equal((await submit(stub)).status, 'approved', JSON.stringify(scope));
      }
    });

    it('does not accept a consent that leaves out conditions (a claim reveals diagnoses)', async () => {
      const stub = await ready({ paymentConsentRequired: true });
      await givePaymentConsent(stub, ['observation']);
      assert.equal((await submit(stub)).status, 'denied');
    });
  });

  describe('what the ledger keeps', () => {
    it('keeps contents and result in the provider’s claims collection, none of it public', async () => {
      const stub = await ready();
      await submit(stub);
      const stored = privateValue(stub, CLAIMS_A, 'claimContents', 'clm-1') as {
        contents: { diagnosisCodes: string[] };
      };
      assert.deepEqual(stored.contents.diagnosisCodes, [DIAGNOSIS]);
      const text = stub.publicText();
      for (const phi of [DIAGNOSIS, PATIENT, MEMBER_NUMBER, '2026-02-10']) {
        assert.ok(!text.includes(phi), `${phi} must not be public`);
      }
      assert.equal(stub.privateData.get('claimsProviderB'), undefined);
    });

    it('keeps publicly only IDs, organisations, status, the salted hash and times', async () => {
      const stub = await ready();
      await submit(stub);
      const claim = PublicClaimSchema.parse(publicValue(stub, 'claim', 'clm-1'));
      assert.deepEqual(claim, {
        claimId: 'clm-1',
        submittingMsp: Msp.ProviderA,
        providerMsp: Msp.ProviderA,
        insurerMsp: Msp.Insurer,
        status: 'approved',
        hash: saltedHash(SALT, { ...claimPayload(), providerMsp: Msp.ProviderA }),
        submittedAt: '2026-03-01T12:00:00.000Z',
        updatedAt: '2026-03-01T12:00:00.000Z',
      });
    });

    it('keeps accumulators and the duplicate-line index with the insurer, under keys made with its secret', async () => {
      const stub = await ready();
      await submit(stub);
      const providerKeys = [...(stub.privateData.get(CLAIMS_A)?.keys() ?? [])].join(' ');
      assert.ok(!providerKeys.includes('claimLine'), 'no line index in the provider collection');
      const insurerKeys = [
        ...(stub.privateData.get(implicitCollection(Msp.Insurer))?.keys() ?? []),
      ];
      const kindOf = (key: string) => key.split('\u0000')[1] ?? '';
      // Beside the private data, the insurer's attestations of public keys (plan, marker, claim).
      assert.deepEqual(insurerKeys.map(kindOf).sort(), [
        'accumulator',
        'claim',
        'claimLine',
        'claimsSecret',
        'enrolmentMarker',
        'member',
        'plan',
      ]);
      const indexed = insurerKeys.filter((k) =>
        ['accumulator', 'claimLine', 'member'].includes(kindOf(k)),
      );
      for (const key of indexed) {
        for (const known of [PATIENT, DOCTOR, '99213', '2026-02-10', 'gold']) {
          assert.ok(!key.includes(known), `${known} must not be computable into a key`);
        }
      }
      assert.equal(stub.privateData.get('membership'), undefined);
    });

    it('needs both to change the contents, and the insurer’s peer for the record and the status', async () => {
      const stub = await ready();
      await submit(stub);
      const both = [Msp.Insurer, Msp.ProviderA].sort();
      assert.deepEqual(policyOrgs(stub, publicKey(stub, 'claim', 'clm-1')), [Msp.Insurer]);
      assert.deepEqual(policyOrgs(stub, privateKey(stub, CLAIMS_A, 'claim', 'clm-1')), both);
      assert.deepEqual(policyOrgs(stub, privateKey(stub, CLAIMS_A, 'claimRecord', 'clm-1')), [
        Msp.Insurer,
      ]);
      assert.deepEqual(
        policyOrgs(stub, privateKey(stub, CLAIMS_A, 'claimContents', 'clm-1')),
        both,
      );
    });
  });

  describe('who submits', () => {
    it('a physician of the provider may', async () => {
      const stub = await ready();
      assert.equal((await submit(stub, {}, { as: physician })).status, 'approved');
    });

    it('the insurer’s intake may, naming the provider; the claim lives with that provider', async () => {
      const stub = await ready();
      await giveLicence(stub, DOCTOR, 'active', Msp.ProviderB);
      await submit(stub, { providerMsp: Msp.ProviderB }, { as: intake });
      const claim = PublicClaimSchema.parse(publicValue(stub, 'claim', 'clm-1'));
      assert.deepEqual([claim.submittingMsp, claim.providerMsp], [Msp.Insurer, Msp.ProviderB]);
      assert.equal(recordOf(stub, 'clm-1', 'claimsProviderB').result.status, 'approved');
    });

    it('the intake must name a provider', async () => {
      const stub = await ready();
      assert.equal(await errorCodeOf(submit(stub, {}, { as: intake })), 'INVALID_ARGUMENT');
      assert.equal(
        await errorCodeOf(submit(stub, { providerMsp: Msp.Board }, { as: intake })),
        'INVALID_ARGUMENT',
      );
    });

    it('a provider may not submit for another provider', async () => {
      const stub = await ready();
      assert.equal(await errorCodeOf(submit(stub, { providerMsp: Msp.ProviderB })), 'FORBIDDEN');
    });

    it('a nurse, a patient, an adjudicator and the board may not', async () => {
      const stub = await ready();
      const callers = [
        (s: FakeStub) => contextFor(s, { mspId: Msp.ProviderA, role: Role.Nurse }),
        (s: FakeStub) =>
          contextFor(s, { mspId: Msp.ProviderA, role: Role.Patient, patientId: PATIENT }),
        adjudicator,
        (s: FakeStub) => contextFor(s, { mspId: Msp.Board, role: Role.Registrar }),
      ];
      for (const as of callers) {
        assert.equal(
          await errorCodeOf(submit(stub, { providerMsp: Msp.ProviderA }, { as })),
          'FORBIDDEN',
        );
      }
      assert.equal(stub.state.has(publicKey(stub, 'claim', 'clm-1')), false);
    });
  });

  describe('refusals', () => {
    it('a claim ID used before: CONFLICT', async () => {
      const stub = await ready();
      await submit(stub);
      assert.equal(await errorCodeOf(submit(stub, { lines: [line('99214', 100)] })), 'CONFLICT');
    });

    it('a service date after the day of submission: INVALID_ARGUMENT', async () => {
      const stub = await ready();
      assert.equal(
        await errorCodeOf(submit(stub, { serviceDate: '2026-03-02' })),
        'INVALID_ARGUMENT',
      );
    });

    it('no lines, a fractional charge or an unknown field: INVALID_ARGUMENT naming the field', async () => {
      const stub = await ready();
      stub.nextTx({
        transient: { payload: JSON.stringify(claimPayload({ lines: [] })), salt: SALT },
      });
      await assert.rejects(contract.submitClaim(registrar(stub)), {
        message: 'INVALID_ARGUMENT: transient.payload.lines: must have a line',
      });
      const fractional = { lines: [line('99213', 10.5)] };
      assert.equal(await errorCodeOf(submit(stub, fractional)), 'INVALID_ARGUMENT');
      const extra = { ...claimPayload(), memberNumber: MEMBER_NUMBER };
      stub.nextTx({ transient: { payload: JSON.stringify(extra), salt: SALT } });
      assert.equal(await errorCodeOf(contract.submitClaim(registrar(stub))), 'INVALID_ARGUMENT');
    });

    it('no salt, or one too short: INVALID_ARGUMENT', async () => {
      const stub = await ready();
      stub.nextTx({ transient: { payload: JSON.stringify(claimPayload()) } });
      assert.equal(await errorCodeOf(contract.submitClaim(registrar(stub))), 'INVALID_ARGUMENT');
      stub.nextTx({ transient: { payload: JSON.stringify(claimPayload()), salt: 'abcd' } });
      assert.equal(await errorCodeOf(contract.submitClaim(registrar(stub))), 'INVALID_ARGUMENT');
    });
  });
});
