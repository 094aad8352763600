import assert from 'node:assert/strict';
import type { Viewer } from '../../../chaincode/src/records/viewer';
import { mayListRecord, readBasis } from '../../../chaincode/src/records/visibility';
import type { RecordCategory } from '../../../chaincode/src/shared/categories';
import { ChaincodeError } from '../../../chaincode/src/shared/errors';
import { Msp } from '../../../chaincode/src/shared/names';

const record = {
  patientId: 'pat-owner1',
  authorMsp: Msp.ProviderA,
  category: 'condition' as const,
};
const none = new Set<RecordCategory>();

const patient: Viewer = { kind: 'patient', patientId: 'pat-owner1' };
const otherPatient: Viewer = { kind: 'patient', patientId: 'pat-other1' };
const authorPractitioner = {
  kind: 'practitioner',
  mspId: Msp.ProviderA,
  practitionerId: 'p-a',
  role: 'physician',
} as const;
const otherPractitioner = {
  kind: 'practitioner',
  mspId: Msp.ProviderB,
  practitionerId: 'p-b',
  role: 'nurse',
} as const;

describe('mayListRecord', () => {
  it('shows a patient their own records', () =>
    assert.equal(mayListRecord(patient, record, none), true));
  it("hides another patient's records from a patient", () => {
    assert.equal(mayListRecord(otherPatient, record, new Set(['condition'])), false);
  });
  it("shows a practitioner their organisation's records without consent", () => {
    assert.equal(mayListRecord(authorPractitioner, record, none), true);
  });
  it("shows another organisation's practitioner a consented category", () => {
    assert.equal(mayListRecord(otherPractitioner, record, new Set(['condition'])), true);
  });
  it("hides from another organisation's practitioner a category not consented", () => {
    assert.equal(
      mayListRecord(otherPractitioner, record, new Set(['observation', 'allergy'])),
      false,
    );
  });
  it("hides from another organisation's practitioner everything without consent", () => {
    assert.equal(mayListRecord(otherPractitioner, record, none), false);
  });
  it("shows a registrar their organisation's records", () => {
    assert.equal(mayListRecord({ kind: 'registrar', mspId: Msp.ProviderA }, record, none), true);
  });
  it("hides another organisation's records from a registrar, consent or not", () => {
    assert.equal(
      mayListRecord({ kind: 'registrar', mspId: Msp.ProviderB }, record, new Set(['condition'])),
      false,
    );
  });
});

describe('readBasis', () => {
  it('lets the patient read their own record on their own authority, for any purpose', () => {
    for (const purpose of ['treatment', 'payment', 'research'] as const) {
      assert.equal(readBasis(patient, record, purpose), 'self');
    }
  });
  it("refuses a patient another patient's record", () => {
    assert.throws(
      () => readBasis(otherPatient, record, 'treatment'),
      (err: unknown) => err instanceof ChaincodeError && err.code === 'FORBIDDEN',
    );
  });
  it("lets the author organisation's practitioner read for treatment without consent", () => {
    assert.equal(readBasis(authorPractitioner, record, 'treatment'), 'author');
  });
  it("asks consent of the author organisation's practitioner for payment or research", () => {
    assert.equal(readBasis(authorPractitioner, record, 'payment'), 'consent');
    assert.equal(readBasis(authorPractitioner, record, 'research'), 'consent');
  });
  it("asks consent of another organisation's practitioner for every purpose", () => {
    for (const purpose of ['treatment', 'payment', 'research'] as const) {
      assert.equal(readBasis(otherPractitioner, record, purpose), 'consent');
    }
  });
});
