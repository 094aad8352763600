/**
 * Shared set-up for credential tests: the board's officer, a valid issue request and a way
 * to issue a licence in a transaction of its own. Other domains' tests may use
 * issueLicence() to give a practitioner a licence.
 */
import { CredentialsContract } from '../../../chaincode/src/credentials/contract';
import {
  type Credential,
  CredentialSchema,
  type IssueRequest,
  LicenceType,
} from '../../../chaincode/src/credentials/state';
import type { HealthContext } from '../../../chaincode/src/shared/context';
import { Msp } from '../../../chaincode/src/shared/names';
import { Role } from '../../../chaincode/src/shared/roles';
import { contextFor, type FakeStub } from '../../support/fake-stub';

export const contract = new CredentialsContract();

export const OFFICER = { mspId: Msp.Board, role: Role.CredentialingOfficer, name: 'officer-1' };
export const OFFICER_ID = 'x509::CN=officer-1,OU=client::CN=ca.BoardMSP';

export function officer(stub: FakeStub, name = OFFICER.name): HealthContext {
  return contextFor(stub, { ...OFFICER, name });
}

export function licenceRequest(overrides: Partial<IssueRequest> = {}): IssueRequest {
  return {
    practitionerId: 'prac-001',
    licenceNumber: 'MD-12345',
    licenceType: LicenceType.Physician,
    organisation: Msp.ProviderA,
    specialty: 'cardiology',
    jurisdiction: 'US-CA',
    validFrom: '2025-01-01',
    validTo: '2027-12-31',
    ...overrides,
  };
}

/** Issues a licence in a new transaction (at 2026-01-15 unless told) and returns it. */
export async function issueLicence(
  stub: FakeStub,
  overrides: Partial<IssueRequest> = {},
  at = '2026-01-15T09:00:00Z',
): Promise<Credential> {
  stub.nextTx({ at });
  const text = await contract.issueCredential(
    officer(stub),
    JSON.stringify(licenceRequest(overrides)),
  );
  return CredentialSchema.parse(JSON.parse(text));
}

/** A stored credential for the pure tests, without going through the contract. */
export function credential(overrides: Partial<Credential> = {}): Credential {
  return {
    ...licenceRequest(),
    issuingBoard: Msp.Board,
    status: 'active',
    issuedAt: '2026-01-15T09:00:00.000Z',
    updatedAt: '2026-01-15T09:00:00.000Z',
    lastAction: 'issued',
    lastActor: OFFICER_ID,
    lastActorMsp: Msp.Board,
    ...overrides,
  };
}
