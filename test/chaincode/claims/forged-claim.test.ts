/**
 * Claim facts written without their authority, as a member's tampered chaincode could write
 * them alone (a brand-new public key needs only the chaincode policy): a public claim nobody
 * attested, one its forger attested itself, a genuine claim whose status a forger changed,
 * and an appeal status without the provider's appeal. No reader or step takes any of them.
 */
import assert from 'node:assert/strict';
import type { PublicClaim } from '../../../chaincode/src/claims/claim';
import { keys } from '../../../chaincode/src/claims/keys';
import { putAttested } from '../../../chaincode/src/shared/attestation';
import { saltedHash } from '../../../chaincode/src/shared/hash';
import { implicitCollection, Msp } from '../../../chaincode/src/shared/names';
import { errorCodeOf, FakeStub } from '../../support/fake-stub';
import {
  adjudicate,
  adjudicator,
  claimPayload,
  contract,
  giveLicence,
  intakeOnly,
  ledgerOf,
  line,
  publicValue,
  registrar,
  SALT,
  setUpMember,
  submit,
} from './fixtures';

async function ready(): Promise<FakeStub> {
  const stub = new FakeStub();
  await setUpMember(stub);
  await giveLicence(stub);
  return stub;
}

function forgedClaim(overrides: Partial<PublicClaim> = {}): PublicClaim {
  return {
    claimId: 'clm-forged',
    submittingMsp: Msp.ProviderB,
    providerMsp: Msp.ProviderB,
    insurerMsp: Msp.Insurer,
    status: 'approved',
    hash: saltedHash(SALT, claimPayload({ claimId: 'clm-forged' })),
    submittedAt: '2026-03-01T12:00:00.000Z',
    updatedAt: '2026-03-01T12:00:00.000Z',
    ...overrides,
  };
}

/** Every way a reader or a step loads the claim: each must answer NOT_FOUND. */
async function loadersOf(stub: FakeStub, claimId: string): Promise<string[]> {
  const codes: string[] = [];
  stub.nextTx({ at: '2026-03-02T09:00:00Z' });
  codes.push(await errorCodeOf(contract.logClaimAccess(adjudicator(stub), claimId)));
  codes.push(await errorCodeOf(contract.getClaim(adjudicator(stub), claimId)));
  codes.push(await errorCodeOf(adjudicate(stub, claimId, { as: adjudicator })));
  const payment = JSON.stringify({ amountCents: 0, reference: 'R-1', paidOn: '2026-03-02' });
  stub.nextTx({ at: '2026-03-02T09:00:00Z' });
  codes.push(await errorCodeOf(contract.recordPayment(adjudicator(stub), claimId, payment)));
  stub.nextTx({ at: '2026-03-02T09:00:00Z' });
  codes.push(
    await errorCodeOf(
      contract.appealClaim(registrar(stub, Msp.ProviderB), claimId, 'CORRECTED_CODING'),
    ),
  );
  return codes;
}

async function listed(stub: FakeStub): Promise<string[]> {
  const page = JSON.parse(await contract.listClaims(adjudicator(stub), '', '20', '')) as {
    items: { claimId: string }[];
  };
  return page.items.map((c) => c.claimId);
}

describe('a claim written without its authority', () => {
  for (const [how, attestedBy] of [
    ['with no attestation', undefined],
    ["attested by the forger's own organisation", implicitCollection(Msp.ProviderB)],
    [
      'attested by the insurer alone, with no contents its provider and insurer wrote',
      implicitCollection(Msp.Insurer),
    ],
  ] as const) {
    it(`${how}: NOT_FOUND to every reader and step, absent from the queue`, async () => {
      const stub = await ready();
      await submit(stub); // a genuine claim beside it
      const ledger = ledgerOf(stub);
      const key = keys.claim(ledger, 'clm-forged');
      const forged = forgedClaim();
      await ledger.put(key, forged);
      if (attestedBy !== undefined) await ledger.putPrivate(attestedBy, key, forged);
      assert.deepEqual(await loadersOf(stub, 'clm-forged'), Array(5).fill('NOT_FOUND'));
      assert.deepEqual(await listed(stub), ['clm-1']);
    });
  }

  it('a genuine claim whose public status a forger changed stops counting', async () => {
    const stub = await ready();
    await submit(stub, { lines: [line('99213', 15_000)] });
    const ledger = ledgerOf(stub);
    const key = keys.claim(ledger, 'clm-1');
    const genuine = publicValue(stub, 'claim', 'clm-1') as PublicClaim;
    assert.equal(genuine.status, 'approved');
    // The forger's peer rewrites it as paid; its own implicit collection "attests" that.
    await putAttested(ledger, Msp.ProviderB, key, { ...genuine, status: 'paid' });
    assert.deepEqual(await loadersOf(stub, 'clm-1'), Array(5).fill('NOT_FOUND'));
    assert.deepEqual(await listed(stub), []);
  });

  it('an appealed status without the provider’s appeal cannot be decided', async () => {
    const stub = await ready();
    await submit(stub, { patientId: 'pat-unknown' }); // denied: NOT_ELIGIBLE
    const ledger = ledgerOf(stub);
    const key = keys.claim(ledger, 'clm-1');
    const genuine = publicValue(stub, 'claim', 'clm-1') as PublicClaim;
    assert.equal(genuine.status, 'denied');
    // The insurer's peer alone may change the status; it cannot write the provider's appeal.
    await putAttested(ledger, Msp.Insurer, key, { ...genuine, status: 'appealed' });
    stub.nextTx({ at: '2026-03-02T09:00:00Z' });
    const decision = JSON.stringify({ lines: [{ line: 1, decision: 'approve' }] });
    const answer = contract.decideAppeal(adjudicator(stub), 'clm-1', decision);
    await assert.rejects(
      answer,
      /FAILED_PRECONDITION: claim clm-1 has no appeal of its provider ProviderAMSP/,
    );
  });

  it('a claim only submitted reads as submitted, with no result, until the insurer adjudicates it', async () => {
    const stub = await ready();
    assert.deepEqual(await intakeOnly(stub), { claimId: 'clm-1', status: 'submitted' });
    assert.equal(stub.lastEvent()?.name, 'ClaimSubmitted');
    assert.deepEqual(await listed(stub), ['clm-1']);
    assert.deepEqual(await adjudicate(stub, 'clm-1'), { claimId: 'clm-1', status: 'approved' });
    assert.equal(
      await errorCodeOf(adjudicate(stub, 'clm-1')),
      'FAILED_PRECONDITION',
      'adjudicated once only',
    );
  });
});
