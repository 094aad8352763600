/** enrolMember and recordPriorAuth: PHI through the transient map into the membership
 * collection, a salted hash on the public ledger, only an ID back. */
import assert from 'node:assert/strict';
import {
  MarkerSchema,
  MemberSchema,
  PriorAuthListSchema,
} from '../../../chaincode/src/claims/membership';
import { saltedHash } from '../../../chaincode/src/shared/hash';
import { keys } from '../../../chaincode/src/claims/keys';
import { isAttested } from '../../../chaincode/src/shared/attestation';
import { Collection, implicitCollection, Msp } from '../../../chaincode/src/shared/names';
import { errorCodeOf, FakeStub } from '../../support/fake-stub';
import {
  adjudicator,
  contract,
  insurerAdmin,
  insurerValue,
  intake,
  ledgerOf,
  MEMBER_NUMBER,
  PATIENT,
  policyOrgs,
  publicKey,
  publicValue,
  registrar,
  SALT,
  setUpMember,
} from './fixtures';

const enrolRequest = (overrides: Record<string, unknown> = {}) => ({
  patientId: PATIENT,
  planId: 'gold',
  memberNumber: MEMBER_NUMBER,
  coverageFrom: '2027-01-01',
  coverageTo: '2027-12-31',
  ...overrides,
});

/** salt null: no salt in the transient map. */
async function enrol(stub: FakeStub, request: unknown, as = intake, salt: string | null = SALT) {
  stub.nextTx({
    at: '2026-06-01T09:00:00Z',
    transient: { payload: JSON.stringify(request), ...(salt === null ? {} : { salt }) },
  });
  return JSON.parse(await contract.enrolMember(as(stub))) as { enrolmentId: string };
}

const authRequest = (overrides: Record<string, unknown> = {}) => ({
  authId: 'pa-1',
  patientId: PATIENT,
  code: '70553',
  validFrom: '2026-02-01',
  validTo: '2026-02-28',
  ...overrides,
});

async function authorise(stub: FakeStub, request: unknown, as = adjudicator) {
  stub.nextTx({
    at: '2026-01-20T09:00:00Z',
    transient: { payload: JSON.stringify(request), salt: SALT },
  });
  return JSON.parse(await contract.recordPriorAuth(as(stub))) as { authId: string };
}

describe('claims: membership', () => {
  describe('enrolMember', () => {
    it('returns only the enrolment ID, the transaction ID', async () => {
      const stub = new FakeStub();
      const enrolmentId = await setUpMember(stub);
      assert.equal(enrolmentId, stub.txId);
    });

    it('keeps the member number and coverage with the insurer alone', async () => {
      const stub = new FakeStub();
      const enrolmentId = await setUpMember(stub);
      const member = MemberSchema.parse(
        insurerValue(stub, (l, secret) => keys.member(l, secret, PATIENT)),
      );
      assert.equal(member.enrolments.length, 1);
      assert.equal(member.enrolments[0]?.enrolmentId, enrolmentId);
      assert.equal(member.enrolments[0]?.memberNumber, MEMBER_NUMBER);
      assert.equal(member.enrolments[0]?.coverageTo, '2026-12-31');
    });

    it('puts a salted hash of the enrolment on the public ledger and no PHI', async () => {
      const stub = new FakeStub();
      const enrolmentId = await setUpMember(stub);
      const marker = MarkerSchema.parse(publicValue(stub, 'enrolmentMarker', enrolmentId));
      const request = enrolRequest({ coverageFrom: '2026-01-01', coverageTo: '2026-12-31' });
      assert.equal(marker.hash, saltedHash(SALT, request));
      assert.equal(marker.insurerMsp, Msp.Insurer);
      assert.ok(!stub.publicText().includes(MEMBER_NUMBER));
      assert.ok(!stub.publicText().includes(PATIENT));
      assert.deepEqual(stub.lastEvent(), {
        name: 'MemberEnrolled',
        payload: { enrolmentId, audience: [Msp.Insurer] },
      });
    });

    it('puts the member in the insurer’s implicit collection only, keyed by an HMAC, not the patient ID', async () => {
      const stub = new FakeStub();
      await setUpMember(stub);
      // Only the insurer's implicit collection holds anything; no shared collection is written.
      assert.deepEqual([...stub.privateData.keys()], [implicitCollection(Msp.Insurer)]);
      assert.equal(stub.privateData.get(Collection.Membership), undefined);
      const held = [...(stub.privateData.get(implicitCollection(Msp.Insurer))?.entries() ?? [])];
      const memberEntries = held.filter(([key]) => key.includes('member'));
      assert.equal(memberEntries.length, 1);
      const [memberKey = '', bytes] = memberEntries[0] ?? [];
      assert.ok(!memberKey.includes(PATIENT), 'the key must not contain the patient ID');
      assert.notEqual(memberKey, publicKey(stub, 'member', PATIENT));
      assert.ok(
        Buffer.from(bytes ?? [])
          .toString('utf8')
          .includes(MEMBER_NUMBER),
      );
    });

    it('lets only the insurer endorse later changes of the marker, which it attests', async () => {
      const stub = new FakeStub();
      const enrolmentId = await setUpMember(stub);
      assert.deepEqual(policyOrgs(stub, publicKey(stub, 'enrolmentMarker', enrolmentId)), [
        Msp.Insurer,
      ]);
      const ledger = ledgerOf(stub);
      const key = keys.enrolmentMarker(ledger, enrolmentId);
      assert.equal(await isAttested(ledger, Msp.Insurer, key), true);
    });

    it('adds a later enrolment that does not overlap', async () => {
      const stub = new FakeStub();
      await setUpMember(stub);
      await enrol(stub, enrolRequest(), insurerAdmin);
      const member = MemberSchema.parse(
        insurerValue(stub, (l, secret) => keys.member(l, secret, PATIENT)),
      );
      assert.deepEqual(
        member.enrolments.map((e) => e.coverageFrom),
        ['2026-01-01', '2027-01-01'],
      );
    });

    it('refuses coverage that overlaps an existing enrolment with CONFLICT', async () => {
      const stub = new FakeStub();
      await setUpMember(stub);
      const overlapping = enrolRequest({ coverageFrom: '2026-12-31' });
      assert.equal(await errorCodeOf(enrol(stub, overlapping)), 'CONFLICT');
    });

    it('refuses an unknown plan with NOT_FOUND', async () => {
      const stub = new FakeStub();
      assert.equal(await errorCodeOf(enrol(stub, enrolRequest())), 'NOT_FOUND');
    });

    it('is refused to a provider and to an insurer adjudicator', async () => {
      const stub = new FakeStub();
      await setUpMember(stub);
      assert.equal(await errorCodeOf(enrol(stub, enrolRequest(), registrar)), 'FORBIDDEN');
      assert.equal(await errorCodeOf(enrol(stub, enrolRequest(), adjudicator)), 'FORBIDDEN');
    });

    it('needs a salt of at least 32 hex characters and an ordered window', async () => {
      const stub = new FakeStub();
      await setUpMember(stub);
      assert.equal(
        await errorCodeOf(enrol(stub, enrolRequest(), intake, null)),
        'INVALID_ARGUMENT',
      );
      assert.equal(
        await errorCodeOf(enrol(stub, enrolRequest(), intake, 'abc123')),
        'INVALID_ARGUMENT',
      );
      const backwards = enrolRequest({ coverageFrom: '2027-12-31', coverageTo: '2027-01-01' });
      assert.equal(await errorCodeOf(enrol(stub, backwards)), 'INVALID_ARGUMENT');
    });
  });

  describe('recordPriorAuth', () => {
    it('keeps the authorisation privately per patient and code, and returns its ID', async () => {
      const stub = new FakeStub();
      assert.deepEqual(await authorise(stub, authRequest()), { authId: 'pa-1' });
      await authorise(
        stub,
        authRequest({ authId: 'pa-2', validFrom: '2026-03-01', validTo: '2026-03-31' }),
      );
      const list = PriorAuthListSchema.parse(
        insurerValue(stub, (l, secret) => keys.priorAuth(l, secret, PATIENT, '70553')),
      );
      assert.deepEqual(
        list.auths.map((a) => a.authId),
        ['pa-1', 'pa-2'],
      );
      const marker = MarkerSchema.parse(publicValue(stub, 'priorAuthMarker', 'pa-1'));
      assert.equal(marker.hash, saltedHash(SALT, authRequest()));
      assert.ok(!stub.publicText().includes('70553'));
      assert.deepEqual(stub.lastEvent(), {
        name: 'PriorAuthRecorded',
        payload: { authId: 'pa-2', audience: [Msp.Insurer] },
      });
    });

    it('refuses an authorisation ID used before with CONFLICT', async () => {
      const stub = new FakeStub();
      await authorise(stub, authRequest());
      assert.equal(await errorCodeOf(authorise(stub, authRequest())), 'CONFLICT');
    });

    it('is refused to the insurer intake and to providers', async () => {
      const stub = new FakeStub();
      assert.equal(await errorCodeOf(authorise(stub, authRequest(), intake)), 'FORBIDDEN');
      assert.equal(await errorCodeOf(authorise(stub, authRequest(), registrar)), 'FORBIDDEN');
    });

    it('refuses a window that ends before it starts', async () => {
      const stub = new FakeStub();
      const backwards = authRequest({ validFrom: '2026-03-01', validTo: '2026-02-01' });
      assert.equal(await errorCodeOf(authorise(stub, backwards)), 'INVALID_ARGUMENT');
    });
  });
});
