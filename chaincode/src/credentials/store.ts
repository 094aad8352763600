/**
 * Where credentials live in world state: the credential key, the practitioner index and the
 * key-level policy that lets only the board's endorsement change either of them. Each version
 * of a credential is also attested by the board (shared/attestation.ts), and a credential
 * counts only while it is: a licence key a member's tampered chaincode created alone is
 * unknown to every reader.
 */
import { isAttested, putAttested } from '../shared/attestation';
import { notFound } from '../shared/errors';
import type { HistoryEntry, Ledger } from '../shared/ledger';
import { Msp } from '../shared/names';
import {
  type Credential,
  CredentialObject,
  CredentialSchema,
  type PractitionerIndexEntry,
  PractitionerIndexEntrySchema,
} from './state';

export function credentialKey(ledger: Ledger, licenceNumber: string): string {
  return ledger.key(CredentialObject.Credential, licenceNumber);
}

export function practitionerIndexKey(
  ledger: Ledger,
  practitionerId: string,
  licenceNumber: string,
): string {
  return ledger.key(CredentialObject.ByPractitioner, practitionerId, licenceNumber);
}

/** The board whose attestation makes a licence count. A fixed organisation, never the record's
 * own issuingBoard field, which a forger would set to itself. */
const AUTHORITY = Msp.Board;

/** The credential, if the board attested its current version. */
export async function findCredential(
  ledger: Ledger,
  licenceNumber: string,
): Promise<Credential | undefined> {
  const key = credentialKey(ledger, licenceNumber);
  const credential = await ledger.get(CredentialSchema, key);
  if (credential === undefined || credential.issuingBoard !== AUTHORITY) return undefined;
  return (await isAttested(ledger, AUTHORITY, key)) ? credential : undefined;
}

export async function loadCredential(ledger: Ledger, licenceNumber: string): Promise<Credential> {
  const credential = await findCredential(ledger, licenceNumber);
  if (credential === undefined) throw notFound(`licence ${licenceNumber}`);
  return credential;
}

export async function credentialExists(ledger: Ledger, licenceNumber: string): Promise<boolean> {
  return ledger.exists(credentialKey(ledger, licenceNumber));
}

/** A new credential: its key, its index entry, and the board-only policy on both. */
export async function insertCredential(ledger: Ledger, credential: Credential): Promise<void> {
  const key = credentialKey(ledger, credential.licenceNumber);
  const indexKey = practitionerIndexKey(
    ledger,
    credential.practitionerId,
    credential.licenceNumber,
  );
  const entry: PractitionerIndexEntry = {
    practitionerId: credential.practitionerId,
    licenceNumber: credential.licenceNumber,
  };
  await putAttested(ledger, AUTHORITY, key, credential);
  await ledger.put(indexKey, entry);
  await ledger.restrictTo(key, Msp.Board);
  await ledger.restrictTo(indexKey, Msp.Board);
}

/** A later version; the practitioner never changes, so the index entry stays as it is. */
export async function updateCredential(ledger: Ledger, credential: Credential): Promise<void> {
  await putAttested(ledger, AUTHORITY, credentialKey(ledger, credential.licenceNumber), credential);
}

/** A practitioner's credentials in licence-number order. */
export async function credentialsOf(ledger: Ledger, practitionerId: string): Promise<Credential[]> {
  const entries = await ledger.list(
    PractitionerIndexEntrySchema,
    CredentialObject.ByPractitioner,
    practitionerId,
  );
  const credentials: Credential[] = [];
  for (const entry of entries) {
    const credential = await findCredential(ledger, entry.licenceNumber);
    if (credential !== undefined) credentials.push(credential);
  }
  return credentials;
}

/** Every stored version of a credential, oldest first (Fabric returns newest first). */
export async function credentialVersions(
  ledger: Ledger,
  licenceNumber: string,
): Promise<HistoryEntry<Credential>[]> {
  const entries = await ledger.history(CredentialSchema, credentialKey(ledger, licenceNumber));
  return entries.reverse();
}
