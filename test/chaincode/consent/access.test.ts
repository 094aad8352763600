import assert from 'node:assert/strict';
import {
  ACCESS_FRESH_MINUTES,
  isFresh,
  latestAccess,
  mayAccess,
  recordAccess,
} from '../../../chaincode/src/consent/access';
import type { AccessEntry } from '../../../chaincode/src/consent/state';
import { sha256Hex } from '../../../chaincode/src/shared/hash';
import { Msp } from '../../../chaincode/src/shared/names';
import { errorCodeOf, FakeStub } from '../../support/fake-stub';
import {
  asPatient,
  asPhysician,
  contract,
  DOCTOR,
  grantRequest,
  messageOf,
  OTHER_DOCTOR,
  PATIENT,
  registerPatient,
  request,
  T0,
  licenseDoctors,
} from './fixtures';

function readBy(
  ctx: ReturnType<typeof asPhysician>,
  recordId = 'rec-1',
): Omit<AccessEntry, 'accessId' | 'at'> {
  return {
    patientId: PATIENT,
    recordId,
    readerId: ctx.caller.id,
    readerMsp: ctx.caller.mspId,
    practitionerId: ctx.caller.practitionerId,
    role: 'physician',
    purpose: 'treatment',
    emergency: false,
  };
}

describe('mayAccess', () => {
  let stub: FakeStub;
  beforeEach(async () => {
    stub = new FakeStub();
    registerPatient(stub);
    await licenseDoctors(stub);
    stub.nextTx();
    await contract.grantConsent(
      asPatient(stub),
      JSON.stringify(grantRequest({ scope: ['observation'] })),
    );
  });

  it('allows a reader of the grantee organisation on the consent from the ledger', async () => {
    const consentId = stub.txId;
    stub.nextTx();
    const decision = await mayAccess(asPhysician(stub), request({ category: 'observation' }));
    assert.deepEqual(decision, { allowed: true, basis: 'consent', consentId });
  });

  it('refuses a category outside the stored scope with OUT_OF_SCOPE', async () => {
    stub.nextTx();
    assert.deepEqual(await mayAccess(asPhysician(stub), request({ category: 'condition' })), {
      allowed: false,
      reason: 'OUT_OF_SCOPE',
    });
  });

  it('refuses a reader of another organisation with NO_CONSENT', async () => {
    stub.nextTx();
    const reader = { mspId: Msp.ProviderB, practitionerId: DOCTOR };
    assert.deepEqual(
      await mayAccess(
        asPhysician(stub, Msp.ProviderB),
        request({ category: 'observation', reader }),
      ),
      {
        allowed: false,
        reason: 'NO_CONSENT',
      },
    );
  });

  it('loads the reader’s own emergency accesses, not a colleague’s', async () => {
    stub.nextTx();
    await contract.declareEmergencyAccess(
      asPhysician(stub, Msp.ProviderA, OTHER_DOCTOR),
      PATIENT,
      'LIFE_THREATENING',
    );
    const colleagueAccess = stub.txId;
    stub.nextTx();
    assert.deepEqual(await mayAccess(asPhysician(stub), request()), {
      allowed: false,
      reason: 'OUT_OF_SCOPE',
    });
    const colleague = request({ reader: { mspId: Msp.ProviderA, practitionerId: OTHER_DOCTOR } });
    assert.deepEqual(await mayAccess(asPhysician(stub), colleague), {
      allowed: true,
      basis: 'emergency',
      accessId: colleagueAccess,
    });
  });
});

describe('recordAccess and latestAccess', () => {
  let stub: FakeStub;
  beforeEach(() => {
    stub = new FakeStub();
    stub.nextTx();
  });

  it('fills the transaction ID and time, and writes the trail and latest keys', async () => {
    const ctx = asPhysician(stub);
    const entry = await recordAccess(ctx, readBy(ctx));
    assert.deepEqual(entry, { ...readBy(ctx), accessId: stub.txId, at: T0 });
    const trailKey = stub.createCompositeKey('access', [
      PATIENT,
      String(9_999_999_999_999 - Date.parse(T0)),
      stub.txId,
    ]);
    const latestKey = stub.createCompositeKey('lastAccess', ['rec-1', sha256Hex(ctx.caller.id)]);
    assert.deepEqual([...stub.state.keys()].sort(), [trailKey, latestKey].sort());
    assert.deepEqual(await latestAccess(ctx, 'rec-1', ctx.caller.id), entry);
  });

  it('keeps the latest access per record and reader', async () => {
    const ctx = asPhysician(stub);
    await recordAccess(ctx, readBy(ctx));
    stub.nextTx({ at: '2026-03-01T12:20:00Z' });
    const second = await recordAccess(asPhysician(stub), { ...readBy(ctx), purpose: 'payment' });
    const latest = await latestAccess(asPhysician(stub), 'rec-1', ctx.caller.id);
    assert.equal(latest?.accessId, second.accessId);
    assert.equal(latest?.at, '2026-03-01T12:20:00.000Z');
    assert.equal(latest?.purpose, 'payment');
  });

  it('finds nothing for another reader or another record', async () => {
    const ctx = asPhysician(stub);
    await recordAccess(ctx, readBy(ctx));
    const colleague = asPhysician(stub, Msp.ProviderA, OTHER_DOCTOR);
    assert.equal(await latestAccess(ctx, 'rec-1', colleague.caller.id), undefined);
    assert.equal(await latestAccess(ctx, 'rec-2', ctx.caller.id), undefined);
  });

  it('records an emergency read without a practitioner ID field when there is none', async () => {
    const ctx = asPhysician(stub);
    const entry = await recordAccess(ctx, {
      ...readBy(ctx),
      practitionerId: undefined,
      role: 'nurse',
      emergency: true,
    });
    const stored = await latestAccess(ctx, 'rec-1', ctx.caller.id);
    assert.equal(stored?.accessId, entry.accessId);
    assert.equal(stored !== undefined && 'practitionerId' in stored, false);
    assert.equal(stored?.emergency, true);
    assert.equal(stored?.role, 'nurse');
  });

  it('refuses an entry with a malformed record ID with INVALID_ARGUMENT', async () => {
    const ctx = asPhysician(stub);
    const message = await messageOf(recordAccess(ctx, readBy(ctx, '')));
    assert.ok(message.startsWith('INVALID_ARGUMENT: accessEntry.recordId'), message);
    assert.equal(stub.state.size, 0);
  });

  it('refuses an entry with an unknown role with INVALID_ARGUMENT', async () => {
    const ctx = asPhysician(stub);
    const bad = { ...readBy(ctx), role: 'janitor' } as unknown as ReturnType<typeof readBy>;
    assert.equal(await errorCodeOf(recordAccess(ctx, bad)), 'INVALID_ARGUMENT');
  });
});

describe('isFresh', () => {
  const entry = { at: '2026-03-01T12:00:00.000Z' } as AccessEntry;
  const cases: [string, string, boolean][] = [
    ['at the moment of the access', '2026-03-01T12:00:00.000Z', true],
    ['a millisecond before ACCESS_FRESH_MINUTES have passed', '2026-03-01T12:14:59.999Z', true],
    ['exactly ACCESS_FRESH_MINUTES later', '2026-03-01T12:15:00.000Z', false],
    ['an hour later', '2026-03-01T13:00:00.000Z', false],
    ['before the access was written', '2026-03-01T11:59:59.999Z', false],
  ];
  it('uses a window of 15 minutes', () => {
    assert.equal(ACCESS_FRESH_MINUTES, 15);
  });
  for (const [when, at, fresh] of cases) {
    it(`is ${fresh ? 'fresh' : 'stale'} ${when}`, () => {
      assert.equal(isFresh(entry, at), fresh);
    });
  }
});
