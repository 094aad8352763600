/**
 * listClaims: the insurer's queue (and a provider's own list) from the public claim records
 * only: the caller's organisation's claims, by status, page by page, with no PHI.
 */
import assert from 'node:assert/strict';
import { Msp } from '../../../chaincode/src/shared/names';
import { Role } from '../../../chaincode/src/shared/roles';
import { contextFor, errorCodeOf, FakeStub } from '../../support/fake-stub';
import {
  adjudicator,
  contract,
  DIAGNOSIS,
  DOCTOR,
  giveLicence,
  intake,
  line,
  MEMBER_NUMBER,
  PATIENT,
  registrar,
  setUpMember,
  submit,
} from './fixtures';

interface Listed {
  items: { claimId: string; status: string; providerMsp: string }[];
  bookmark: string;
}

type As = (s: FakeStub) => ReturnType<typeof registrar>;

async function list(stub: FakeStub, as: As, status: string, pageSize = '20', bookmark = '') {
  stub.nextTx({ at: '2026-03-20T12:00:00Z' });
  return JSON.parse(await contract.listClaims(as(stub), status, pageSize, bookmark)) as Listed;
}

const providerB = (s: FakeStub) => registrar(s, Msp.ProviderB);
/** A knee replacement: the plan sends it to review. */
const REVIEW_LINE = line('27447', 900_000);

/** clm-1 approved and clm-2 pended at ProviderA, clm-3 pended at ProviderB. */
async function threeClaims(): Promise<FakeStub> {
  const stub = new FakeStub();
  await setUpMember(stub);
  await giveLicence(stub);
  await giveLicence(stub, DOCTOR, 'active', Msp.ProviderB);
  assert.equal((await submit(stub)).status, 'approved');
  const pended = await submit(stub, { claimId: 'clm-2', lines: [REVIEW_LINE] });
  assert.equal(pended.status, 'pended');
  const other = await submit(
    stub,
    { claimId: 'clm-3', serviceDate: '2026-02-11', lines: [REVIEW_LINE] },
    { as: providerB },
  );
  assert.equal(other.status, 'pended');
  return stub;
}

const ids = (page: Listed) => page.items.map((c) => c.claimId);

describe('claims: listing claims', () => {
  it('gives the adjudicator the pended claims of every provider, with their status', async () => {
    const stub = await threeClaims();
    const page = await list(stub, adjudicator, 'pended');
    assert.deepEqual(ids(page), ['clm-2', 'clm-3']);
    assert.deepEqual(
      page.items.map((c) => [c.status, c.providerMsp]),
      [
        ['pended', Msp.ProviderA],
        ['pended', Msp.ProviderB],
      ],
    );
    assert.equal(page.bookmark, '');
  });

  it('lists every status when the status is empty, for intake too', async () => {
    const stub = await threeClaims();
    assert.deepEqual(ids(await list(stub, intake, '')), ['clm-1', 'clm-2', 'clm-3']);
    assert.deepEqual(ids(await list(stub, adjudicator, 'approved')), ['clm-1']);
    assert.deepEqual(ids(await list(stub, adjudicator, 'paid')), []);
  });

  it('carries no PHI: no patient, member number or diagnosis in the answer', async () => {
    const stub = await threeClaims();
    stub.nextTx({ at: '2026-03-20T12:00:00Z' });
    const text = await contract.listClaims(adjudicator(stub), '', '20', '');
    for (const phi of [PATIENT, MEMBER_NUMBER, DIAGNOSIS]) {
      assert.equal(text.includes(phi), false, `${phi} is not in the listing`);
    }
  });

  it('gives a provider its own claims only', async () => {
    const stub = await threeClaims();
    assert.deepEqual(ids(await list(stub, registrar, '')), ['clm-1', 'clm-2']);
    assert.deepEqual(ids(await list(stub, providerB, 'pended')), ['clm-3']);
  });

  it('pages with the bookmark, never more than pageSize, never skipping a claim', async () => {
    const stub = await threeClaims();
    const first = await list(stub, adjudicator, '', '2');
    assert.deepEqual(ids(first), ['clm-1', 'clm-2']);
    assert.notEqual(first.bookmark, '');
    const second = await list(stub, adjudicator, '', '2', first.bookmark);
    assert.deepEqual(ids(second), ['clm-3']);
    assert.equal(second.bookmark, '');
    const pended = await list(stub, adjudicator, 'pended', '1');
    assert.deepEqual(ids(pended), ['clm-2']);
    assert.deepEqual(ids(await list(stub, adjudicator, 'pended', '1', pended.bookmark)), ['clm-3']);
  });

  it('stops a scan of many non-matching claims early and resumes from its bookmark', async () => {
    const stub = new FakeStub();
    await setUpMember(stub);
    await giveLicence(stub);
    for (let i = 0; i < 25; i += 1) {
      const claimId = `clm-${String(i).padStart(2, '0')}`;
      await submit(stub, { claimId, serviceDate: `2026-02-${String(i + 1).padStart(2, '0')}` });
    }
    await submit(stub, { claimId: 'clm-zz', lines: [REVIEW_LINE] });
    const first = await list(stub, adjudicator, 'pended', '1');
    assert.deepEqual(ids(first), [], '20 claims read, none pended');
    assert.notEqual(first.bookmark, '');
    const second = await list(stub, adjudicator, 'pended', '1', first.bookmark);
    assert.deepEqual(ids(second), ['clm-zz']);
  });

  it('refuses patients, nurses, the board and an insurer’s patient-facing roles', async () => {
    const stub = await threeClaims();
    const callers: As[] = [
      (s) => contextFor(s, { mspId: Msp.ProviderA, role: Role.Patient, patientId: PATIENT }),
      (s) => contextFor(s, { mspId: Msp.ProviderA, role: Role.Nurse }),
      (s) => contextFor(s, { mspId: Msp.Board, role: Role.CredentialingOfficer }),
      (s) => contextFor(s, { mspId: Msp.Insurer, role: Role.Physician }),
    ];
    for (const as of callers) {
      stub.nextTx({ at: '2026-03-20T12:00:00Z' });
      assert.equal(await errorCodeOf(contract.listClaims(as(stub), '', '20', '')), 'FORBIDDEN');
    }
  });

  it('refuses an unknown status or a page size outside 1..100', async () => {
    const stub = await threeClaims();
    for (const [status, size] of [
      ['lost', '20'],
      ['pended', '0'],
      ['pended', '101'],
      ['pended', 'ten'],
    ] as const) {
      stub.nextTx({ at: '2026-03-20T12:00:00Z' });
      const answer = contract.listClaims(adjudicator(stub), status, size, '');
      assert.equal(await errorCodeOf(answer), 'INVALID_ARGUMENT', `${status} ${size}`);
    }
  });
});
