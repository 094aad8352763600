import assert from 'node:assert/strict';
import type { FhirResource } from '../../../chaincode/src/records/fhir';
import { correction, firstVersion, recordIdFor } from '../../../chaincode/src/records/versions';
import { ChaincodeError } from '../../../chaincode/src/shared/errors';
import { saltedHash } from '../../../chaincode/src/shared/hash';
import { Msp } from '../../../chaincode/src/shared/names';
import { condition, observation, SALT, OTHER_SALT } from './samples';

const obs = observation() as FhirResource;
const authoring = {
  resource: obs,
  salt: SALT,
  authorMsp: Msp.ProviderA,
  authorPractitionerId: 'prac-a1',
  at: '2026-03-01T12:00:00.000Z',
};

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return err instanceof ChaincodeError ? err.code : 'not a ChaincodeError';
  }
  return 'no error';
}

describe('record versions', () => {
  it('names a record after the first 24 characters of its transaction ID', () => {
    assert.equal(
      recordIdFor('0123456789abcdef0123456789abcdef0123456789abcdef'),
      'rec-0123456789abcdef01234567',
    );
  });

  it('makes version 1 with the category of the resource type and the salted hash', () => {
    const v1 = firstVersion('rec-1', 'pat-abcdef', authoring);
    assert.deepEqual(v1, {
      recordId: 'rec-1',
      patientId: 'pat-abcdef',
      category: 'observation',
      resourceType: 'Observation',
      authorMsp: Msp.ProviderA,
      authorPractitionerId: 'prac-a1',
      hash: saltedHash(SALT, obs),
      version: 1,
      createdAt: '2026-03-01T12:00:00.000Z',
      status: 'active',
    });
  });

  it('makes a correction the next version, pointing at the one it replaces', () => {
    const v1 = firstVersion('rec-1', 'pat-abcdef', authoring);
    const fixed = observation({ valueQuantity: { value: 128, unit: 'mmHg' } }) as FhirResource;
    const v2 = correction(v1, {
      ...authoring,
      resource: fixed,
      salt: OTHER_SALT,
      authorPractitionerId: 'prac-a9',
      at: '2026-03-02T08:00:00.000Z',
    });
    assert.equal(v2.recordId, 'rec-1');
    assert.equal(v2.version, 2);
    assert.equal(v2.replaces, 1);
    assert.equal(v2.hash, saltedHash(OTHER_SALT, fixed));
    assert.equal(v2.authorPractitionerId, 'prac-a9');
    assert.equal(v2.createdAt, '2026-03-02T08:00:00.000Z');
    assert.equal(correction(v2, authoring).version, 3);
  });

  it('refuses a correction from another organisation', () => {
    const v1 = firstVersion('rec-1', 'pat-abcdef', authoring);
    assert.equal(
      codeOf(() => correction(v1, { ...authoring, authorMsp: Msp.ProviderB })),
      'FORBIDDEN',
    );
  });

  it('refuses a correction that changes the resource type', () => {
    const v1 = firstVersion('rec-1', 'pat-abcdef', authoring);
    assert.equal(
      codeOf(() => correction(v1, { ...authoring, resource: condition() as FhirResource })),
      'INVALID_ARGUMENT',
    );
  });
});
