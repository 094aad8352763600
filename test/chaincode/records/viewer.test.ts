import assert from 'node:assert/strict';
import { readerOf, viewerOf } from '../../../chaincode/src/records/viewer';
import { ChaincodeError } from '../../../chaincode/src/shared/errors';
import type { Caller } from '../../../chaincode/src/shared/identity';
import { Msp } from '../../../chaincode/src/shared/names';
import { type Role } from '../../../chaincode/src/shared/roles';

function caller(mspId: string, role: Role | undefined, extra: Partial<Caller> = {}): Caller {
  return {
    mspId,
    id: 'x509::CN=someone',
    role,
    patientId: undefined,
    practitionerId: undefined,
    ...extra,
  };
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return err instanceof ChaincodeError ? err.code : 'not a ChaincodeError';
  }
  return 'no error';
}

describe('who the caller is to the records contract', () => {
  it('a patient with a patientId attribute is a patient reader', () => {
    assert.deepEqual(readerOf(caller(Msp.ProviderA, 'patient', { patientId: 'pat-abcdef' })), {
      kind: 'patient',
      patientId: 'pat-abcdef',
    });
  });

  it('a patient without a patientId attribute is refused', () => {
    assert.equal(
      codeOf(() => readerOf(caller(Msp.ProviderA, 'patient'))),
      'FORBIDDEN',
    );
  });

  for (const role of ['physician', 'nurse'] as const) {
    it(`a ${role} at a provider is a practitioner reader`, () => {
      assert.deepEqual(readerOf(caller(Msp.ProviderB, role, { practitionerId: 'prac-9' })), {
        kind: 'practitioner',
        mspId: Msp.ProviderB,
        practitionerId: 'prac-9',
        role,
      });
    });

    it(`a ${role} without a practitionerId is refused`, () => {
      assert.equal(
        codeOf(() => readerOf(caller(Msp.ProviderA, role))),
        'FORBIDDEN',
      );
    });

    it(`a ${role} outside the providers is refused`, () => {
      assert.equal(
        codeOf(() => readerOf(caller(Msp.Insurer, role, { practitionerId: 'p' }))),
        'FORBIDDEN',
      );
    });
  }

  it('a registrar at a provider may view metadata but not read', () => {
    assert.deepEqual(viewerOf(caller(Msp.ProviderA, 'registrar')), {
      kind: 'registrar',
      mspId: Msp.ProviderA,
    });
    assert.equal(
      codeOf(() => readerOf(caller(Msp.ProviderA, 'registrar'))),
      'FORBIDDEN',
    );
  });

  it('a registrar outside the providers is refused', () => {
    assert.equal(
      codeOf(() => viewerOf(caller(Msp.Board, 'registrar'))),
      'FORBIDDEN',
    );
  });

  for (const role of [
    'adjudicator',
    'intake',
    'credentialing-officer',
    'admin',
    undefined,
  ] as const) {
    it(`role ${role ?? '(none)'} may neither view nor read`, () => {
      assert.equal(
        codeOf(() => viewerOf(caller(Msp.ProviderA, role))),
        'FORBIDDEN',
      );
      assert.equal(
        codeOf(() => readerOf(caller(Msp.ProviderA, role))),
        'FORBIDDEN',
      );
    });
  }
});
