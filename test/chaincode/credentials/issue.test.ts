/** issueCredential: who may issue, what is stored, the board-only policy, the event, refusals. */
import assert from 'node:assert/strict';
import { KeyEndorsementPolicy } from 'fabric-shim';
import { CredentialSchema } from '../../../chaincode/src/credentials/state';
import { Msp } from '../../../chaincode/src/shared/names';
import { Role } from '../../../chaincode/src/shared/roles';
import { contextFor, errorCodeOf, FakeStub } from '../../support/fake-stub';
import { contract, issueLicence, licenceRequest, OFFICER_ID, officer } from './fixtures';

const credentialKey = (stub: FakeStub, n: string) => stub.createCompositeKey('credential', [n]);
const indexKey = (stub: FakeStub, p: string, n: string) =>
  stub.createCompositeKey('credentialByPractitioner', [p, n]);

function orgsAllowedToChange(stub: FakeStub, key: string): string[] {
  const policy = stub.validationParameters.get(key);
  assert.ok(policy, 'a key-level endorsement policy is set');
  return new KeyEndorsementPolicy(policy).listOrgs();
}

async function issueAs(stub: FakeStub, who: Parameters<typeof contextFor>[1], request: unknown) {
  stub.nextTx({ at: '2026-01-15T09:00:00Z' });
  return contract.issueCredential(contextFor(stub, who), JSON.stringify(request));
}

describe('issueCredential', () => {
  describe('by a credentialing officer of the board', () => {
    it('stores an active credential stamped with the officer, the board and the time', async () => {
      const stub = new FakeStub();
      const returned = await issueLicence(stub);
      const stored = CredentialSchema.parse(
        JSON.parse(Buffer.from(stub.state.get(credentialKey(stub, 'MD-12345')) ?? '').toString()),
      );
      assert.deepEqual(stored, returned);
      assert.equal(stored.status, 'active');
      assert.equal(stored.licenceType, 'physician');
      assert.equal(stored.organisation, 'ProviderAMSP');
      assert.equal(stored.validFrom, '2025-01-01');
      assert.equal(stored.validTo, '2027-12-31');
      assert.equal(stored.issuingBoard, 'BoardMSP');
      assert.equal(stored.lastAction, 'issued');
      assert.equal(stored.lastActor, OFFICER_ID);
      assert.equal(stored.lastActorMsp, 'BoardMSP');
      assert.equal(stored.issuedAt, '2026-01-15T09:00:00.000Z');
      assert.equal(stored.updatedAt, '2026-01-15T09:00:00.000Z');
      assert.equal(stored.lastReason, undefined);
    });

    it('indexes the credential under its practitioner', async () => {
      const stub = new FakeStub();
      await issueLicence(stub);
      const entry = stub.state.get(indexKey(stub, 'prac-001', 'MD-12345'));
      assert.deepEqual(JSON.parse(Buffer.from(entry ?? '').toString()), {
        licenceNumber: 'MD-12345',
        practitionerId: 'prac-001',
      });
    });

    it('lets only BoardMSP endorse later changes of the credential and of its index entry', async () => {
      const stub = new FakeStub();
      await issueLicence(stub);
      assert.deepEqual(orgsAllowedToChange(stub, credentialKey(stub, 'MD-12345')), ['BoardMSP']);
      assert.deepEqual(orgsAllowedToChange(stub, indexKey(stub, 'prac-001', 'MD-12345')), [
        'BoardMSP',
      ]);
    });

    it('emits CredentialIssued with the licence number, practitioner and status only', async () => {
      const stub = new FakeStub();
      await issueLicence(stub);
      assert.deepEqual(stub.lastEvent(), {
        name: 'CredentialIssued',
        payload: {
          licenceNumber: 'MD-12345',
          practitionerId: 'prac-001',
          status: 'active',
          audience: ['*'],
        },
      });
    });

    it('accepts a one-day window and every licence type of the closed list', async () => {
      const stub = new FakeStub();
      const types = [
        'physician',
        'nurse',
        'pharmacist',
        'physician-assistant',
        'midwife',
        'dentist',
      ];
      for (const [i, licenceType] of types.entries()) {
        const issued = await issueLicence(stub, {
          licenceNumber: `L-${i}`,
          licenceType: licenceType as 'physician',
          validFrom: '2026-02-01',
          validTo: '2026-02-01',
        });
        assert.equal(issued.licenceType, licenceType);
      }
    });
  });

  describe('refusals', () => {
    const refusals: {
      when: string;
      who: Parameters<typeof contextFor>[1];
      request: unknown;
      code: string;
      names?: string;
    }[] = [
      {
        when: 'a ProviderAMSP admin tries to issue',
        who: { mspId: Msp.ProviderA, role: Role.Admin },
        request: licenceRequest(),
        code: 'FORBIDDEN',
      },
      {
        when: 'a credentialing officer of a provider tries to issue',
        who: { mspId: Msp.ProviderA, role: Role.CredentialingOfficer },
        request: licenceRequest(),
        code: 'FORBIDDEN',
      },
      {
        when: 'a board admin (not a credentialing officer) tries to issue',
        who: { mspId: Msp.Board, role: Role.Admin },
        request: licenceRequest(),
        code: 'FORBIDDEN',
      },
      {
        when: 'a board member without a role tries to issue',
        who: { mspId: Msp.Board },
        request: licenceRequest(),
        code: 'FORBIDDEN',
      },
      {
        when: 'validTo is before validFrom',
        who: { mspId: Msp.Board, role: Role.CredentialingOfficer },
        request: licenceRequest({ validFrom: '2026-05-02', validTo: '2026-05-01' }),
        code: 'INVALID_ARGUMENT',
        names: 'validTo',
      },
      {
        when: 'the licence type is not on the list',
        who: { mspId: Msp.Board, role: Role.CredentialingOfficer },
        request: { ...licenceRequest(), licenceType: 'chiropractor' },
        code: 'INVALID_ARGUMENT',
        names: 'licenceType',
      },
      {
        when: 'a date is not a calendar date',
        who: { mspId: Msp.Board, role: Role.CredentialingOfficer },
        request: licenceRequest({ validTo: '2026-02-30' }),
        code: 'INVALID_ARGUMENT',
        names: 'validTo',
      },
      {
        when: 'a field is missing',
        who: { mspId: Msp.Board, role: Role.CredentialingOfficer },
        request: { ...licenceRequest(), jurisdiction: undefined },
        code: 'INVALID_ARGUMENT',
        names: 'jurisdiction',
      },
      {
        when: 'the organisation where the practitioner practises is missing',
        who: { mspId: Msp.Board, role: Role.CredentialingOfficer },
        request: { ...licenceRequest(), organisation: undefined },
        code: 'INVALID_ARGUMENT',
        names: 'request.organisation',
      },
      {
        when: 'the organisation is not an MSP ID',
        who: { mspId: Msp.Board, role: Role.CredentialingOfficer },
        request: licenceRequest({ organisation: 'Provider A' }),
        code: 'INVALID_ARGUMENT',
        names: 'request.organisation',
      },
      {
        when: 'a field outside the schema (a name) is sent',
        who: { mspId: Msp.Board, role: Role.CredentialingOfficer },
        request: { ...licenceRequest(), name: 'Dr Jane Doe' },
        code: 'INVALID_ARGUMENT',
        names: 'name',
      },
    ];

    for (const r of refusals) {
      it(`answers ${r.code} when ${r.when}, writing nothing`, async () => {
        const stub = new FakeStub();
        const call = issueAs(stub, r.who, r.request);
        await assert.rejects(call, (err: Error) => {
          assert.ok(err.message.startsWith(`${r.code}:`), err.message);
          if (r.names) assert.match(err.message, new RegExp(r.names));
          return true;
        });
        assert.equal(stub.state.size, 0);
        assert.equal(stub.validationParameters.size, 0);
        assert.equal(stub.lastEvent(), undefined);
      });
    }

    it('answers INVALID_ARGUMENT when the request is not JSON', async () => {
      const stub = new FakeStub();
      assert.equal(
        await errorCodeOf(contract.issueCredential(officer(stub), '{nope')),
        'INVALID_ARGUMENT',
      );
    });

    it('answers CONFLICT when the licence number exists already, keeping the first', async () => {
      const stub = new FakeStub();
      const first = await issueLicence(stub);
      stub.nextTx({ at: '2026-02-01T00:00:00Z' });
      const again = contract.issueCredential(
        officer(stub, 'officer-2'),
        JSON.stringify(licenceRequest({ practitionerId: 'prac-999' })),
      );
      assert.equal(await errorCodeOf(again), 'CONFLICT');
      const stored = JSON.parse(
        Buffer.from(stub.state.get(credentialKey(stub, 'MD-12345')) ?? '').toString(),
      );
      assert.deepEqual(stored, first);
      assert.equal(stub.state.has(indexKey(stub, 'prac-999', 'MD-12345')), false);
    });
  });
});
