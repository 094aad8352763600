/** Shared test data for the consent tests: callers, a default consent and request, helpers. */
import type { ChaincodeStub } from 'fabric-shim';
import { insertCredential } from '../../../chaincode/src/credentials/store';
import { Ledger } from '../../../chaincode/src/shared/ledger';
import { credential } from '../credentials/fixtures';
import { implicitCollection, Msp } from '../../../chaincode/src/shared/names';
import { Role } from '../../../chaincode/src/shared/roles';
import { ConsentContract } from '../../../chaincode/src/consent/contract';
import type { AccessRequest } from '../../../chaincode/src/consent/decision';
import type { Consent, EmergencyAccess } from '../../../chaincode/src/consent/state';
import type { PatientState } from '../../../chaincode/src/records/state';
import { contextFor, type FakeStub } from '../../support/fake-stub';

export const PATIENT = 'pat-000001';
export const OTHER_PATIENT = 'pat-000002';
export const DOCTOR = 'prac-1';
export const OTHER_DOCTOR = 'prac-2';
/** FakeStub's default transaction time. */
export const T0 = '2026-03-01T12:00:00.000Z';

export const contract = new ConsentContract();

/** A patient of ProviderA, registered there first if the stub does not know them yet (a
 * patient acts only with an identity of their registering organisation). */
export function asPatient(stub: FakeStub, patientId = PATIENT, mspId: string = Msp.ProviderA) {
  if (!stub.state.has(stub.createCompositeKey('patient', [patientId]))) {
    registerPatient(stub, patientId);
  }
  return contextFor(stub, { mspId, role: Role.Patient, patientId, name: patientId });
}

export function asPhysician(
  stub: FakeStub,
  mspId: string = Msp.ProviderA,
  practitionerId = DOCTOR,
) {
  return contextFor(stub, { mspId, role: Role.Physician, practitionerId, name: practitionerId });
}

export function asRegistrar(stub: FakeStub, mspId: string = Msp.ProviderA) {
  return contextFor(stub, { mspId, role: Role.Registrar, name: 'front-desk' });
}

/** Active physician licences for DOCTOR and OTHER_DOCTOR at ProviderA (MD-0, MD-1), and at
 * ORGANISATIONS besides: breaking the glass needs one at the caller's organisation. */
export async function licenseDoctors(
  stub: FakeStub,
  organisations: readonly string[] = [Msp.ProviderB],
): Promise<void> {
  const ledger = new Ledger(stub as unknown as ChaincodeStub);
  for (const [i, practitionerId] of [DOCTOR, OTHER_DOCTOR].entries()) {
    await insertCredential(ledger, credential({ practitionerId, licenceNumber: `MD-${i}` }));
    for (const organisation of organisations) {
      const licenceNumber = `MD-${i}-${organisation}`;
      await insertCredential(ledger, credential({ practitionerId, licenceNumber, organisation }));
    }
  }
}

/** The records contract stores the public patient under ('patient', patientId). */
export function registerPatient(
  stub: FakeStub,
  patientId = PATIENT,
  registeredBy: string = Msp.ProviderA,
): void {
  const patient: PatientState = {
    patientId,
    registeredBy,
    hash: 'a'.repeat(64),
    status: 'active',
    registeredAt: '2025-12-01T09:00:00.000Z',
  };
  // As registerPatient writes it: public, and attested by the registering provider.
  const key = stub.createCompositeKey('patient', [patientId]);
  const bytes = Buffer.from(JSON.stringify(patient));
  stub.state.set(key, bytes);
  void stub.putPrivateData(implicitCollection(registeredBy), key, bytes);
}

export function grantRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    patientId: PATIENT,
    grantee: { kind: 'organisation', mspId: Msp.ProviderA },
    scope: 'all',
    purpose: 'treatment',
    validFrom: '2026-01-01T00:00:00.000Z',
    validTo: '2026-12-31T00:00:00.000Z',
    ...overrides,
  };
}

export function consent(overrides: Partial<Consent> = {}): Consent {
  return {
    consentId: 'c1',
    patientId: PATIENT,
    grantee: { kind: 'organisation', mspId: Msp.ProviderA },
    scope: 'all',
    purpose: 'treatment',
    validFrom: '2026-01-01T00:00:00.000Z',
    validTo: '2026-12-31T00:00:00.000Z',
    status: 'active',
    grantedAt: '2025-12-15T09:00:00.000Z',
    grantedBy: 'x509::CN=pat-1::CN=ca',
    ...overrides,
  };
}

export function emergency(overrides: Partial<EmergencyAccess> = {}): EmergencyAccess {
  return {
    accessId: 'e1',
    patientId: PATIENT,
    practitionerId: DOCTOR,
    mspId: Msp.ProviderA,
    reason: 'UNCONSCIOUS_PATIENT',
    grantedAt: '2026-03-01T11:30:00.000Z',
    expiresAt: '2026-03-01T12:30:00.000Z',
    ...overrides,
  };
}

export function request(overrides: Partial<AccessRequest> = {}): AccessRequest {
  return {
    patientId: PATIENT,
    category: 'condition',
    purpose: 'treatment',
    at: T0,
    reader: { mspId: Msp.ProviderA, practitionerId: DOCTOR },
    ...overrides,
  };
}

/** The message a call failed with (the code is its first word). */
export async function messageOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  throw new Error('expected the call to fail, but it succeeded');
}
