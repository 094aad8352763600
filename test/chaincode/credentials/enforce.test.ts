/** What other contracts call: the verdict over a practitioner's licences, and the guard. */
import assert from 'node:assert/strict';
import {
  credentialVerdictFor,
  requireActiveCredential,
} from '../../../chaincode/src/credentials/enforce';
import { Msp } from '../../../chaincode/src/shared/names';
import { Role } from '../../../chaincode/src/shared/roles';
import { contextFor, errorCodeOf, FakeStub } from '../../support/fake-stub';
import { contract, issueLicence, officer } from './fixtures';

/** A physician of ProviderA: the kind of caller whose transaction runs the check. */
const physician = (stub: FakeStub) =>
  contextFor(stub, { mspId: Msp.ProviderA, role: Role.Physician, practitionerId: 'prac-001' });
/** The practitioner the fixtures license, at the organisation their licences name. */
const PRAC = { practitionerId: 'prac-001', mspId: Msp.ProviderA };
/** Someone of ProviderB whose CA wrote the same practitioner ID into their certificate. */
const SAME_ID_ELSEWHERE = { practitionerId: 'prac-001', mspId: Msp.ProviderB };
const UNLICENSED = { practitionerId: 'prac-404', mspId: Msp.ProviderA };

async function practitionerWithTwoLicences(): Promise<FakeStub> {
  const stub = new FakeStub();
  await issueLicence(stub, {
    licenceNumber: 'MD-1',
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
  });
  await issueLicence(stub, {
    licenceNumber: 'RN-1',
    licenceType: 'nurse',
    validFrom: '2020-01-01',
    validTo: '2025-12-31',
  });
  stub.nextTx({ at: '2026-06-01T12:00:00Z' });
  return stub;
}

describe('credentialVerdictFor', () => {
  it('answers VALID for a type the practitioner holds on a day inside its window', async () => {
    const stub = await practitionerWithTwoLicences();
    const verdict = await credentialVerdictFor(physician(stub), PRAC, ['physician'], '2026-12-31');
    assert.deepEqual(verdict, { valid: true, reason: 'VALID' });
  });

  it('answers from the fitting licence when another type is held too', async () => {
    const stub = await practitionerWithTwoLicences();
    const verdict = await credentialVerdictFor(physician(stub), PRAC, ['nurse'], '2026-06-01');
    assert.deepEqual(verdict, { valid: false, reason: 'EXPIRED' });
  });

  it('answers WRONG_TYPE when no licence is of a fitting type', async () => {
    const stub = await practitionerWithTwoLicences();
    const verdict = await credentialVerdictFor(
      physician(stub),
      PRAC,
      ['dentist', 'midwife'],
      '2026-06-01',
    );
    assert.deepEqual(verdict, { valid: false, reason: 'WRONG_TYPE' });
  });

  it('answers UNKNOWN for a practitioner without licences', async () => {
    const stub = await practitionerWithTwoLicences();
    const verdict = await credentialVerdictFor(
      physician(stub),
      UNLICENSED,
      ['physician'],
      '2026-06-01',
    );
    assert.deepEqual(verdict, { valid: false, reason: 'UNKNOWN' });
  });

  it('answers OTHER_ORGANISATION for the same practitioner ID at another organisation', async () => {
    const stub = await practitionerWithTwoLicences();
    const verdict = await credentialVerdictFor(
      physician(stub),
      SAME_ID_ELSEWHERE,
      ['physician'],
      '2026-06-01',
    );
    assert.deepEqual(verdict, { valid: false, reason: 'OTHER_ORGANISATION' });
  });

  it('answers VALID at the other organisation once a licence there names it', async () => {
    const stub = await practitionerWithTwoLicences();
    await issueLicence(stub, { licenceNumber: 'MD-B', organisation: Msp.ProviderB });
    stub.nextTx({ at: '2026-06-01T12:00:00Z' });
    for (const who of [PRAC, SAME_ID_ELSEWHERE]) {
      const verdict = await credentialVerdictFor(physician(stub), who, ['physician'], '2026-06-01');
      assert.deepEqual(verdict, { valid: true, reason: 'VALID' });
    }
  });

  it('answers INVALID_ARGUMENT for a date that is not YYYY-MM-DD', async () => {
    const stub = await practitionerWithTwoLicences();
    assert.equal(
      await errorCodeOf(credentialVerdictFor(physician(stub), PRAC, ['physician'], '1 June 2026')),
      'INVALID_ARGUMENT',
    );
  });
});

describe('requireActiveCredential', () => {
  it("passes on the transaction's day when an active licence of the type covers it", async () => {
    const stub = await practitionerWithTwoLicences();
    await requireActiveCredential(physician(stub), PRAC, ['physician']);
    await requireActiveCredential(physician(stub), PRAC, ['nurse', 'physician'], '2026-01-01');
  });

  it('fails with CREDENTIAL_INVALID naming the practitioner, types, organisation, day and reason', async () => {
    const stub = await practitionerWithTwoLicences();
    await assert.rejects(
      requireActiveCredential(physician(stub), PRAC, ['physician'], '2027-01-01'),
      (err: Error) => {
        assert.equal(
          err.message,
          'CREDENTIAL_INVALID: practitioner prac-001 has no active physician licence at ProviderAMSP on 2027-01-01: EXPIRED',
        );
        return true;
      },
    );
  });

  it('fails with CREDENTIAL_INVALID naming the other organisation for the same ID at ProviderB', async () => {
    const stub = await practitionerWithTwoLicences();
    await assert.rejects(
      requireActiveCredential(physician(stub), SAME_ID_ELSEWHERE, ['physician']),
      (err: Error) => {
        assert.equal(
          err.message,
          'CREDENTIAL_INVALID: practitioner prac-001 has no active physician licence at ProviderBMSP on 2026-06-01: OTHER_ORGANISATION',
        );
        return true;
      },
    );
  });

  it("defaults to the transaction's day (UTC)", async () => {
    const stub = await practitionerWithTwoLicences();
    stub.nextTx({ at: '2027-01-01T00:00:00Z' });
    await assert.rejects(
      requireActiveCredential(physician(stub), PRAC, ['physician']),
      /CREDENTIAL_INVALID: practitioner prac-001 has no active physician licence at ProviderAMSP on 2027-01-01: EXPIRED/,
    );
  });

  it('takes effect in the first transaction after a suspension, and lifts with the reinstatement', async () => {
    const stub = await practitionerWithTwoLicences();
    await contract.suspendCredential(officer(stub), 'MD-1', 'PENDING_INVESTIGATION');
    stub.nextTx({ at: '2026-06-01T12:00:01Z' });
    await assert.rejects(
      requireActiveCredential(physician(stub), PRAC, ['physician']),
      /CREDENTIAL_INVALID: .* on 2026-06-01: SUSPENDED/,
    );
    await contract.reinstateCredential(officer(stub), 'MD-1');
    stub.nextTx({ at: '2026-06-01T12:00:02Z' });
    await requireActiveCredential(physician(stub), PRAC, ['physician']);
  });

  it('fails with CREDENTIAL_INVALID (REVOKED) once the licence is revoked', async () => {
    const stub = await practitionerWithTwoLicences();
    await contract.revokeCredential(officer(stub), 'MD-1', 'DISCIPLINARY_ACTION');
    stub.nextTx({ at: '2026-06-02T00:00:00Z' });
    await assert.rejects(
      requireActiveCredential(physician(stub), PRAC, ['physician', 'nurse']),
      /CREDENTIAL_INVALID: practitioner prac-001 has no active physician or nurse licence at ProviderAMSP on 2026-06-02: REVOKED/,
    );
  });

  it('fails with CREDENTIAL_INVALID (UNKNOWN) for a practitioner without licences', async () => {
    const stub = await practitionerWithTwoLicences();
    assert.equal(
      await errorCodeOf(requireActiveCredential(physician(stub), UNLICENSED, ['physician'])),
      'CREDENTIAL_INVALID',
    );
  });
});

describe('credentialVerdictFor a past day (a claim’s service date)', () => {
  async function suspendedOn(at: string): Promise<FakeStub> {
    const stub = new FakeStub();
    await issueLicence(stub, {
      licenceNumber: 'MD-9',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
    });
    stub.nextTx({ at });
    await contract.suspendCredential(officer(stub), 'MD-9', 'PENDING_INVESTIGATION');
    stub.nextTx({ at: '2026-06-20T12:00:00Z' });
    return stub;
  }

  it('answers VALID when the suspension was recorded after that day', async () => {
    const stub = await suspendedOn('2026-06-10T09:00:00Z');
    const verdict = await credentialVerdictFor(physician(stub), PRAC, ['physician'], '2026-06-05');
    assert.deepEqual(verdict, { valid: true, reason: 'VALID' });
  });

  it('answers SUSPENDED when the suspension was recorded on that day', async () => {
    const stub = await suspendedOn('2026-06-05T18:00:00Z');
    const verdict = await credentialVerdictFor(physician(stub), PRAC, ['physician'], '2026-06-05');
    assert.deepEqual(verdict, { valid: false, reason: 'SUSPENDED' });
  });

  it('answers SUSPENDED for today, whatever the earlier days say', async () => {
    const stub = await suspendedOn('2026-06-10T09:00:00Z');
    const verdict = await credentialVerdictFor(physician(stub), PRAC, ['physician'], '2026-06-20');
    assert.deepEqual(verdict, { valid: false, reason: 'SUSPENDED' });
  });

  it('judges a licence entered on the ledger after that day by its window as issued', async () => {
    const stub = new FakeStub();
    await issueLicence(stub, {
      licenceNumber: 'MD-8',
      validFrom: '2025-01-01',
      validTo: '2026-12-31',
    });
    stub.nextTx({ at: '2026-06-20T12:00:00Z' });
    const verdict = await credentialVerdictFor(physician(stub), PRAC, ['physician'], '2025-03-01');
    assert.deepEqual(verdict, { valid: true, reason: 'VALID' });
  });
});
