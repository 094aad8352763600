/** Renew, suspend, reinstate, revoke: the status machine, its events and its refusals. */
import assert from 'node:assert/strict';
import { type Credential, CredentialSchema } from '../../../chaincode/src/credentials/state';
import { Msp } from '../../../chaincode/src/shared/names';
import { Role } from '../../../chaincode/src/shared/roles';
import { contextFor, errorCodeOf, FakeStub, messageOf } from '../../support/fake-stub';
import { LICENCE_REASONS } from '../../../chaincode/src/credentials/licence-reasons';
import { contract, issueLicence, officer } from './fixtures';

const AT = '2026-04-01T10:00:00Z';

function parsed(text: string): Credential {
  return CredentialSchema.parse(JSON.parse(text));
}

function stored(stub: FakeStub, licenceNumber = 'MD-12345'): Credential {
  const bytes = stub.state.get(stub.createCompositeKey('credential', [licenceNumber]));
  return parsed(Buffer.from(bytes ?? '').toString());
}

/** A licence issued in January and, optionally, brought to a status by later transactions. */
async function licence(status: 'active' | 'suspended' | 'revoked' = 'active'): Promise<FakeStub> {
  const stub = new FakeStub();
  await issueLicence(stub);
  if (status === 'suspended') {
    stub.nextTx({ at: '2026-02-01T00:00:00Z' });
    await contract.suspendCredential(officer(stub), 'MD-12345', 'PENDING_INVESTIGATION');
  }
  if (status === 'revoked') {
    stub.nextTx({ at: '2026-02-01T00:00:00Z' });
    await contract.revokeCredential(officer(stub), 'MD-12345', 'DISCIPLINARY_ACTION');
  }
  stub.nextTx({ at: AT });
  return stub;
}

describe('renewCredential', () => {
  it('gives an active licence a new window, stamped by the officer, and emits CredentialRenewed', async () => {
    const stub = await licence();
    const renewed = parsed(
      await contract.renewCredential(
        officer(stub, 'officer-2'),
        'MD-12345',
        '2028-01-01',
        '2030-12-31',
      ),
    );
    assert.deepEqual(
      { from: renewed.validFrom, to: renewed.validTo },
      { from: '2028-01-01', to: '2030-12-31' },
    );
    assert.equal(renewed.status, 'active');
    assert.equal(renewed.lastAction, 'renewed');
    assert.equal(renewed.lastActor, 'x509::CN=officer-2,OU=client::CN=ca.BoardMSP');
    assert.equal(renewed.updatedAt, '2026-04-01T10:00:00.000Z');
    assert.equal(renewed.issuedAt, '2026-01-15T09:00:00.000Z');
    assert.deepEqual(stored(stub), renewed);
    assert.deepEqual(stub.lastEvent(), {
      name: 'CredentialRenewed',
      payload: {
        licenceNumber: 'MD-12345',
        practitionerId: 'prac-001',
        status: 'active',
        audience: ['*'],
      },
    });
  });

  it('keeps a suspended licence suspended, with its reason', async () => {
    const stub = await licence('suspended');
    const renewed = parsed(
      await contract.renewCredential(officer(stub), 'MD-12345', '2028-01-01', '2030-12-31'),
    );
    assert.equal(renewed.status, 'suspended');
    assert.equal(renewed.statusReason, 'PENDING_INVESTIGATION');
    assert.equal(renewed.lastReason, undefined);
  });

  it('answers INVALID_ARGUMENT naming validTo when the window is in the wrong order', async () => {
    const stub = await licence();
    const call = contract.renewCredential(officer(stub), 'MD-12345', '2028-01-02', '2028-01-01');
    await assert.rejects(call, /INVALID_ARGUMENT: validTo: must not be before validFrom/);
    assert.equal(stored(stub).validTo, '2027-12-31');
  });

  it('answers INVALID_ARGUMENT naming validFrom when it is not a date', async () => {
    const stub = await licence();
    await assert.rejects(
      contract.renewCredential(officer(stub), 'MD-12345', '01/01/2028', '2028-12-31'),
      /INVALID_ARGUMENT: validFrom/,
    );
  });
});

describe('suspendCredential', () => {
  it('suspends an active licence with its reason and emits CredentialSuspended', async () => {
    const stub = await licence();
    const s = parsed(
      await contract.suspendCredential(officer(stub), 'MD-12345', 'PENDING_INVESTIGATION'),
    );
    assert.equal(s.status, 'suspended');
    assert.equal(s.statusReason, 'PENDING_INVESTIGATION');
    assert.equal(s.lastAction, 'suspended');
    assert.equal(s.lastReason, 'PENDING_INVESTIGATION');
    assert.deepEqual(stub.lastEvent(), {
      name: 'CredentialSuspended',
      payload: {
        licenceNumber: 'MD-12345',
        practitionerId: 'prac-001',
        status: 'suspended',
        audience: ['*'],
      },
    });
  });

  it('answers FAILED_PRECONDITION when the licence is suspended already', async () => {
    const stub = await licence('suspended');
    assert.equal(
      await errorCodeOf(
        contract.suspendCredential(officer(stub), 'MD-12345', 'DISCIPLINARY_ACTION'),
      ),
      'FAILED_PRECONDITION',
    );
  });

  for (const reason of ['', 'pending hearing', 'disciplinary_action', 'Dr Smith harmed J. Doe']) {
    it(`answers INVALID_ARGUMENT naming reason and listing the codes for ${JSON.stringify(reason)}`, async () => {
      const stub = await licence();
      const message = await messageOf(
        contract.suspendCredential(officer(stub), 'MD-12345', reason),
      );
      assert.equal(
        message,
        `INVALID_ARGUMENT: reason: must be one of ${LICENCE_REASONS.join(', ')}`,
      );
      assert.equal(stored(stub).status, 'active');
    });
  }

  for (const code of LICENCE_REASONS) {
    it(`accepts the code ${code}`, async () => {
      const stub = await licence();
      const s = parsed(await contract.suspendCredential(officer(stub), 'MD-12345', code));
      assert.equal(s.statusReason, code);
    });
  }
});

describe('reinstateCredential', () => {
  it('makes a suspended licence active again, clears the reason, emits CredentialReinstated', async () => {
    const stub = await licence('suspended');
    const r = parsed(await contract.reinstateCredential(officer(stub), 'MD-12345'));
    assert.equal(r.status, 'active');
    assert.equal(r.statusReason, undefined);
    assert.equal(r.lastReason, undefined);
    assert.equal(r.lastAction, 'reinstated');
    assert.deepEqual(stub.lastEvent(), {
      name: 'CredentialReinstated',
      payload: {
        licenceNumber: 'MD-12345',
        practitionerId: 'prac-001',
        status: 'active',
        audience: ['*'],
      },
    });
  });

  it('answers FAILED_PRECONDITION for an active licence', async () => {
    const stub = await licence();
    assert.equal(
      await errorCodeOf(contract.reinstateCredential(officer(stub), 'MD-12345')),
      'FAILED_PRECONDITION',
    );
  });
});

describe('revokeCredential', () => {
  for (const from of ['active', 'suspended'] as const) {
    it(`revokes a licence that is ${from} with its reason and emits CredentialRevoked`, async () => {
      const stub = await licence(from);
      const r = parsed(
        await contract.revokeCredential(officer(stub), 'MD-12345', 'FRAUDULENT_CREDENTIALS'),
      );
      assert.equal(r.status, 'revoked');
      assert.equal(r.statusReason, 'FRAUDULENT_CREDENTIALS');
      assert.equal(r.lastReason, 'FRAUDULENT_CREDENTIALS');
      assert.equal(r.lastAction, 'revoked');
      assert.deepEqual(stub.lastEvent(), {
        name: 'CredentialRevoked',
        payload: {
          licenceNumber: 'MD-12345',
          practitionerId: 'prac-001',
          status: 'revoked',
          audience: ['*'],
        },
      });
    });
  }

  it('is final: every later change answers FAILED_PRECONDITION and changes nothing', async () => {
    const stub = await licence('revoked');
    const before = stored(stub);
    const ctx = officer(stub);
    assert.equal(
      await errorCodeOf(contract.revokeCredential(ctx, 'MD-12345', 'DISCIPLINARY_ACTION')),
      'FAILED_PRECONDITION',
    );
    assert.equal(
      await errorCodeOf(contract.suspendCredential(ctx, 'MD-12345', 'OTHER')),
      'FAILED_PRECONDITION',
    );
    assert.equal(
      await errorCodeOf(contract.reinstateCredential(ctx, 'MD-12345')),
      'FAILED_PRECONDITION',
    );
    assert.equal(
      await errorCodeOf(contract.renewCredential(ctx, 'MD-12345', '2028-01-01', '2029-01-01')),
      'FAILED_PRECONDITION',
    );
    assert.deepEqual(stored(stub), before);
    assert.equal(stub.lastEvent()?.name, 'CredentialRevoked');
  });
});

describe('changes by anyone but the issuing board', () => {
  const changes: [string, (ctx: ReturnType<typeof officer>) => Promise<string>][] = [
    [
      'renewCredential',
      (ctx) => contract.renewCredential(ctx, 'MD-12345', '2028-01-01', '2029-01-01'),
    ],
    ['suspendCredential', (ctx) => contract.suspendCredential(ctx, 'MD-12345', 'OTHER')],
    ['reinstateCredential', (ctx) => contract.reinstateCredential(ctx, 'MD-12345')],
    ['revokeCredential', (ctx) => contract.revokeCredential(ctx, 'MD-12345', 'OTHER')],
  ];
  const strangers = [
    { mspId: Msp.ProviderA, role: Role.Admin },
    { mspId: Msp.Insurer, role: Role.CredentialingOfficer },
    { mspId: Msp.Board, role: Role.Physician },
    { mspId: Msp.Board, role: Role.Admin },
  ];

  for (const [name, call] of changes) {
    for (const who of strangers) {
      it(`${name} answers FORBIDDEN to ${who.role} of ${who.mspId}`, async () => {
        const stub = await licence('suspended');
        const before = stored(stub);
        assert.equal(await errorCodeOf(call(contextFor(stub, who))), 'FORBIDDEN');
        assert.deepEqual(stored(stub), before);
      });
    }

    it(`${name} answers NOT_FOUND for an unknown licence`, async () => {
      const stub = new FakeStub();
      assert.equal(await errorCodeOf(call(officer(stub))), 'NOT_FOUND');
    });

    it(`${name} answers NOT_FOUND when the stored licence is not the one the board attested`, async () => {
      // Another board's name written over it, as a member's tampered chaincode could.
      const stub = await licence('suspended');
      const key = stub.createCompositeKey('credential', ['MD-12345']);
      stub.state.set(
        key,
        Buffer.from(JSON.stringify({ ...stored(stub), issuingBoard: 'OtherBoardMSP' })),
      );
      assert.equal(await errorCodeOf(call(officer(stub))), 'NOT_FOUND');
    });
  }
});
