/**
 * logClaimAccess and getClaim: only the claim's provider and insurer read it, each after
 * leaving an access entry in the patient's trail (data rule 6).
 */
import assert from 'node:assert/strict';
import { AccessEntrySchema } from '../../../chaincode/src/consent/state';
import { saltedHash } from '../../../chaincode/src/shared/hash';
import { Msp } from '../../../chaincode/src/shared/names';
import { Role } from '../../../chaincode/src/shared/roles';
import { contextFor, errorCodeOf, FakeStub } from '../../support/fake-stub';
import {
  adjudicator,
  contract,
  DIAGNOSIS,
  giveLicence,
  intake,
  PATIENT,
  readClaim,
  registrar,
  setUpMember,
  submit,
} from './fixtures';

async function submitted(): Promise<FakeStub> {
  const stub = new FakeStub();
  await setUpMember(stub);
  await giveLicence(stub);
  await submit(stub);
  return stub;
}

const providerB = (s: FakeStub) => registrar(s, Msp.ProviderB);

describe('claims: reading a claim', () => {
  it('the provider reads contents and result after logging the access', async () => {
    const stub = await submitted();
    const view = await readClaim(stub, 'clm-1');
    assert.deepEqual(view.contents.diagnosisCodes, [DIAGNOSIS]);
    assert.equal(view.record.result.status, 'approved');
    assert.equal(view.record.result.lines[0]?.allowedCents, 15_000);
    // the copy verifies against the public hash
    assert.equal(saltedHash(view.salt, view.contents), view.claim.hash);
  });

  it('the insurer reads the same result', async () => {
    const stub = await submitted();
    const byProvider = await readClaim(stub, 'clm-1');
    const byInsurer = await readClaim(stub, 'clm-1', adjudicator);
    assert.deepEqual(byInsurer.record, byProvider.record);
    assert.deepEqual((await readClaim(stub, 'clm-1', intake)).record, byProvider.record);
  });

  it('logging leaves an access entry in the patient’s trail, for payment, and an event', async () => {
    const stub = await submitted();
    stub.nextTx({ at: '2026-03-20T12:00:00Z' });
    const { accessId } = JSON.parse(await contract.logClaimAccess(adjudicator(stub), 'clm-1')) as {
      accessId: string;
    };
    assert.equal(accessId, stub.txId);
    const entries = [...stub.state.entries()]
      .filter(([k]) => k.startsWith(stub.createCompositeKey('access', [PATIENT])))
      .map(([, v]) => AccessEntrySchema.parse(JSON.parse(Buffer.from(v).toString('utf8'))));
    assert.equal(entries.length, 1);
    assert.deepEqual(
      [entries[0]?.recordId, entries[0]?.purpose, entries[0]?.readerMsp, entries[0]?.role],
      ['clm-1', 'payment', Msp.Insurer, Role.Adjudicator],
    );
    assert.deepEqual(stub.lastEvent(), {
      name: 'RecordAccessed',
      payload: {
        recordId: 'clm-1',
        patientId: PATIENT,
        accessId,
        emergency: false,
        audience: [Msp.Insurer, Msp.ProviderA],
      },
    });
  });

  it('refuses to read without a fresh access entry of the reader', async () => {
    const stub = await submitted();
    stub.nextTx({ at: '2026-03-20T12:00:00Z' });
    assert.equal(await errorCodeOf(contract.getClaim(registrar(stub), 'clm-1')), 'FORBIDDEN');
    await contract.logClaimAccess(adjudicator(stub), 'clm-1'); // another reader's entry does not count
    stub.nextTx({ at: '2026-03-20T12:01:00Z' });
    assert.equal(await errorCodeOf(contract.getClaim(registrar(stub), 'clm-1')), 'FORBIDDEN');
    await contract.logClaimAccess(registrar(stub), 'clm-1');
    stub.nextTx({ at: '2026-03-20T12:30:00Z' }); // 29 minutes later: stale
    assert.equal(await errorCodeOf(contract.getClaim(registrar(stub), 'clm-1')), 'FORBIDDEN');
  });

  it('another provider can neither log an access nor read', async () => {
    const stub = await submitted();
    stub.nextTx({ at: '2026-03-20T12:00:00Z' });
    assert.equal(await errorCodeOf(contract.logClaimAccess(providerB(stub), 'clm-1')), 'FORBIDDEN');
    assert.equal(await errorCodeOf(contract.getClaim(providerB(stub), 'clm-1')), 'FORBIDDEN');
  });

  it('a patient, a nurse or the board cannot read a claim through the claims contract', async () => {
    const stub = await submitted();
    const callers = [
      (s: FakeStub) =>
        contextFor(s, { mspId: Msp.ProviderA, role: Role.Patient, patientId: PATIENT }),
      (s: FakeStub) => contextFor(s, { mspId: Msp.ProviderA, role: Role.Nurse }),
      (s: FakeStub) => contextFor(s, { mspId: Msp.Board, role: Role.Admin }),
    ];
    for (const as of callers) {
      stub.nextTx({ at: '2026-03-20T12:00:00Z' });
      assert.equal(await errorCodeOf(contract.logClaimAccess(as(stub), 'clm-1')), 'FORBIDDEN');
    }
  });

  it('answers NOT_FOUND for an unknown claim', async () => {
    const stub = await submitted();
    assert.equal(
      await errorCodeOf(contract.logClaimAccess(registrar(stub), 'clm-404')),
      'NOT_FOUND',
    );
  });
});
