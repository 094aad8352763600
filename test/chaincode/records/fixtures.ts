/**
 * Set-up for the records contract tests: callers of every kind, and helpers that run whole
 * transactions (register, add, grant consent, log access, read) each in a transaction of its
 * own on the fake stub. Credentials and consents are written through their own contracts,
 * so these tests also check the records contract against the real decisions.
 */
import { ConsentContract } from '../../../chaincode/src/consent/contract';
import { CredentialsContract } from '../../../chaincode/src/credentials/contract';
import { RecordsContract } from '../../../chaincode/src/records/contract';
import type { HealthContext } from '../../../chaincode/src/shared/context';
import { hmacHex } from '../../../chaincode/src/shared/hash';
import { implicitCollection, Msp } from '../../../chaincode/src/shared/names';
import { RecordsObject } from '../../../chaincode/src/records/keys';
import { pseudonymFor } from '../../../chaincode/src/records/pseudonym';
import { Role } from '../../../chaincode/src/shared/roles';
import { contextFor, FakeStub, type IdentityOptions } from '../../support/fake-stub';
import { DEMOGRAPHICS, type Json, SALT } from './samples';

export const records = new RecordsContract();
export const consent = new ConsentContract();
export const credentials = new CredentialsContract();

/** Transaction IDs of the registrations of the two patients: the chaincode makes each one's
 * pseudonym from its registration's transaction ID. */
export const REGISTRATION_TX = '5f2c0b8e9a7d4c31b6e0f9a2d8c7b1e45a3f6d9c0b2e8a7f1d4c6b9e0a3f5d7c';
export const OTHER_REGISTRATION_TX =
  '9e1d7c3b5a2f8e0d6c4b1a9f7e3d5c2b0a8f6e4d2c1b9a7f5e3d0c8b6a4f2e1d';
export const PATIENT_ID = pseudonymFor(REGISTRATION_TX);
export const OTHER_PATIENT_ID = pseudonymFor(OTHER_REGISTRATION_TX);
/** The first day the tests run on; licences are valid all through 2026. */
export const T0 = '2026-03-01T12:00:00Z';

export const Who = {
  registrarA: { mspId: Msp.ProviderA, role: Role.Registrar, name: 'front-desk-a' },
  registrarB: { mspId: Msp.ProviderB, role: Role.Registrar, name: 'front-desk-b' },
  physicianA: {
    mspId: Msp.ProviderA,
    role: Role.Physician,
    practitionerId: 'prac-a1',
    name: 'dr-a1',
  },
  nurseA: { mspId: Msp.ProviderA, role: Role.Nurse, practitionerId: 'prac-a2', name: 'rn-a2' },
  physicianB: {
    mspId: Msp.ProviderB,
    role: Role.Physician,
    practitionerId: 'prac-b1',
    name: 'dr-b1',
  },
  nurseB: { mspId: Msp.ProviderB, role: Role.Nurse, practitionerId: 'prac-b2', name: 'rn-b2' },
  patient: { mspId: Msp.ProviderA, role: Role.Patient, patientId: PATIENT_ID, name: 'patient-1' },
  otherPatient: {
    mspId: Msp.ProviderA,
    role: Role.Patient,
    patientId: OTHER_PATIENT_ID,
    name: 'patient-2',
  },
  adjudicator: { mspId: Msp.Insurer, role: Role.Adjudicator, name: 'adjudicator' },
  insurerPhysician: {
    mspId: Msp.Insurer,
    role: Role.Physician,
    practitionerId: 'prac-i1',
    name: 'dr-i1',
  },
  adminB: { mspId: Msp.ProviderB, role: Role.Admin, name: 'admin-b' },
  officer: { mspId: Msp.Board, role: Role.CredentialingOfficer, name: 'officer' },
} as const satisfies Record<string, IdentityOptions>;

export function as(stub: FakeStub, who: IdentityOptions): HealthContext {
  return contextFor(stub, who);
}

/** Issues a licence at ORGANISATION valid through 2026 in a transaction of its own. */
export async function licence(
  stub: FakeStub,
  practitionerId: string,
  licenceType: 'physician' | 'nurse',
  licenceNumber: string,
  organisation: string,
): Promise<void> {
  stub.nextTx({ at: '2025-12-01T09:00:00Z' });
  await credentials.issueCredential(
    as(stub, Who.officer),
    JSON.stringify({
      practitionerId,
      licenceNumber,
      licenceType,
      organisation,
      specialty: 'general practice',
      jurisdiction: 'US-CA',
      validFrom: '2025-01-01',
      validTo: '2026-12-31',
    }),
  );
}

/** A registration in a transaction of its own, REGISTRATION_TX unless told (so PATIENT_ID). */
export async function register(
  stub: FakeStub,
  options: { txId?: string; who?: IdentityOptions; demographics?: Json; salt?: string } = {},
): Promise<{ patientId: string; hash: string }> {
  stub.nextTx({
    at: T0,
    txId: options.txId ?? REGISTRATION_TX,
    transient: {
      payload: JSON.stringify(options.demographics ?? DEMOGRAPHICS),
      salt: options.salt ?? SALT,
    },
  });
  const text = await records.registerPatient(as(stub, options.who ?? Who.registrarA));
  return JSON.parse(text) as { patientId: string; hash: string };
}

export interface Added {
  recordId: string;
  version: number;
  hash: string;
}

export async function add(
  stub: FakeStub,
  resource: Json,
  options: {
    who?: IdentityOptions;
    patientId?: string;
    replaces?: string;
    salt?: string;
    at?: string;
  } = {},
): Promise<Added> {
  stub.nextTx({
    at: options.at ?? T0,
    transient: { payload: JSON.stringify(resource), salt: options.salt ?? SALT },
  });
  const text = await records.addRecord(
    as(stub, options.who ?? Who.physicianA),
    options.patientId ?? PATIENT_ID,
    options.replaces ?? '',
  );
  return JSON.parse(text) as Added;
}

/** The patient grants consent (treatment, all categories, 2026, to ProviderB unless told). */
export async function grant(stub: FakeStub, overrides: Json = {}, at = T0): Promise<string> {
  stub.nextTx({ at });
  const text = await consent.grantConsent(
    as(stub, Who.patient),
    JSON.stringify({
      patientId: PATIENT_ID,
      grantee: { kind: 'organisation', mspId: Msp.ProviderB },
      scope: 'all',
      purpose: 'treatment',
      validFrom: '2026-01-01T00:00:00Z',
      validTo: '2027-01-01T00:00:00Z',
      ...overrides,
    }),
  );
  return (JSON.parse(text) as { consentId: string }).consentId;
}

export async function revoke(stub: FakeStub, consentId: string, at = T0): Promise<void> {
  stub.nextTx({ at });
  await consent.revokeConsent(as(stub, Who.patient), PATIENT_ID, consentId);
}

export async function logAccess(
  stub: FakeStub,
  who: IdentityOptions,
  recordId: string,
  purpose = 'treatment',
  at = T0,
): Promise<{ accessId: string }> {
  stub.nextTx({ at });
  return JSON.parse(await records.logAccess(as(stub, who), recordId, purpose)) as {
    accessId: string;
  };
}

export interface Read {
  metadata: Json & { version: number; recordId: string; hash: string };
  resource: Json;
  salt: string;
}

export async function read(
  stub: FakeStub,
  who: IdentityOptions,
  recordId: string,
  version = '',
  at = T0,
): Promise<Read> {
  stub.nextTx({ at });
  return JSON.parse(await records.readRecord(as(stub, who), recordId, version)) as Read;
}

/** A ledger with licences for the practitioners and the patient registered at ProviderA. */
export async function world(): Promise<FakeStub> {
  const stub = new FakeStub();
  for (const [who, type, number] of [
    [Who.physicianA, 'physician', 'MD-A1'],
    [Who.nurseA, 'nurse', 'RN-A2'],
    [Who.physicianB, 'physician', 'MD-B1'],
    [Who.nurseB, 'nurse', 'RN-B2'],
  ] as const) {
    await licence(stub, who.practitionerId, type, number, who.mspId);
  }
  await register(stub);
  return stub;
}

/** Milliseconds later than T0, as an ISO instant. */
export function minutesAfterT0(minutes: number): string {
  return new Date(Date.parse(T0) + minutes * 60_000).toISOString();
}

export { messageOf } from '../../support/fake-stub';

/** A public state value, parsed; undefined when the key is absent. */
export function publicValue(stub: FakeStub, objectType: string, ...attrs: string[]): unknown {
  const bytes = stub.state.get(stub.createCompositeKey(objectType, attrs));
  return bytes && JSON.parse(Buffer.from(bytes).toString('utf8'));
}

/** A private value as its custodian (by default ProviderA) holds it in its implicit collection. */
export function custodianValue(
  stub: FakeStub,
  objectType: string,
  attrs: string[],
  custodian: string = Msp.ProviderA,
): unknown {
  const bytes = stub.privateData
    .get(implicitCollection(custodian))
    ?.get(stub.createCompositeKey(objectType, attrs));
  return bytes && JSON.parse(Buffer.from(bytes).toString('utf8'));
}

/** The MRN index's key attribute at CUSTODIAN: an HMAC with the secret in its collection. */
export function mrnIndexAttr(
  stub: FakeStub,
  mrn: string,
  custodian: string = Msp.ProviderA,
): string {
  const stored = custodianValue(stub, RecordsObject.IndexSecret, [], custodian) as
    { secret: string } | undefined;
  if (stored === undefined) throw new Error(`${custodian} has no MRN index secret`);
  return hmacHex(stored.secret, mrn);
}
