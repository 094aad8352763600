import assert from 'node:assert/strict';
import { readerOf, viewerOf } from '../../../chaincode/src/records/viewer';
import { Msp } from '../../../chaincode/src/shared/names';
import { type Role } from '../../../chaincode/src/shared/roles';
import { contextFor, errorCodeOf, FakeStub, type IdentityOptions } from '../../support/fake-stub';
import { PATIENT_ID, register } from './fixtures';

function who(mspId: string, role: Role | undefined, extra: Partial<IdentityOptions> = {}) {
  return { mspId, role, ...extra };
}

describe('who the caller is to the records contract', () => {
  let stub: FakeStub;

  beforeEach(async () => {
    stub = new FakeStub();
    await register(stub); // PATIENT_ID, registered by ProviderA
    stub.nextTx();
  });

  const readerAs = (options: IdentityOptions) => readerOf(contextFor(stub, options));
  const viewerAs = (options: IdentityOptions) => viewerOf(contextFor(stub, options));

  it('a patient of the registering provider is a patient reader', async () => {
    assert.deepEqual(await readerAs(who(Msp.ProviderA, 'patient', { patientId: PATIENT_ID })), {
      kind: 'patient',
      patientId: PATIENT_ID,
    });
  });

  it("another provider's certificate carrying the patient's ID is refused", async () => {
    const impostor = who(Msp.ProviderB, 'patient', { patientId: PATIENT_ID });
    assert.equal(await errorCodeOf(readerAs(impostor)), 'FORBIDDEN');
    assert.equal(await errorCodeOf(viewerAs(impostor)), 'FORBIDDEN');
  });

  it('a patient certificate naming no registered patient is refused', async () => {
    const stranger = who(Msp.ProviderA, 'patient', { patientId: 'pat-unknown1' });
    assert.equal(await errorCodeOf(readerAs(stranger)), 'FORBIDDEN');
  });

  it('a patient without a patientId attribute is refused', async () => {
    assert.equal(await errorCodeOf(readerAs(who(Msp.ProviderA, 'patient'))), 'FORBIDDEN');
  });

  for (const role of ['physician', 'nurse'] as const) {
    it(`a ${role} at a provider is a practitioner reader`, async () => {
      assert.deepEqual(await readerAs(who(Msp.ProviderB, role, { practitionerId: 'prac-9' })), {
        kind: 'practitioner',
        mspId: Msp.ProviderB,
        practitionerId: 'prac-9',
        role,
      });
    });

    it(`a ${role} without a practitionerId is refused`, async () => {
      assert.equal(await errorCodeOf(readerAs(who(Msp.ProviderA, role))), 'FORBIDDEN');
    });

    it(`a ${role} outside the providers is refused`, async () => {
      assert.equal(
        await errorCodeOf(readerAs(who(Msp.Insurer, role, { practitionerId: 'p' }))),
        'FORBIDDEN',
      );
    });
  }

  it('a registrar at a provider may view metadata but not read', async () => {
    assert.deepEqual(await viewerAs(who(Msp.ProviderA, 'registrar')), {
      kind: 'registrar',
      mspId: Msp.ProviderA,
    });
    assert.equal(await errorCodeOf(readerAs(who(Msp.ProviderA, 'registrar'))), 'FORBIDDEN');
  });

  it('a registrar outside the providers is refused', async () => {
    assert.equal(await errorCodeOf(viewerAs(who(Msp.Board, 'registrar'))), 'FORBIDDEN');
  });

  for (const role of [
    'adjudicator',
    'intake',
    'credentialing-officer',
    'admin',
    undefined,
  ] as const) {
    it(`role ${role ?? '(none)'} may neither view nor read`, async () => {
      assert.equal(await errorCodeOf(viewerAs(who(Msp.ProviderA, role))), 'FORBIDDEN');
      assert.equal(await errorCodeOf(readerAs(who(Msp.ProviderA, role))), 'FORBIDDEN');
    });
  }
});
