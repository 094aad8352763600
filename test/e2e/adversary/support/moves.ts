/**
 * The transactions the adversary and the positive controls both use, aimed where an attacker
 * with its own gateway would aim them: at the custodian's peer, ProviderA's, for anything
 * about a ProviderA patient (its chaincode decides, and it holds the data), or at another
 * organisation's peer when the fact is that organisation's.
 */
import { z } from 'zod';
import { instant } from '../../support/claims-data';
import { MSP, type Session } from '../../support/network';

const AT_PROVIDER_A = [MSP.providera];

/** What a physician states when breaking the glass; no PHI, as on the public ledger. */
export const EMERGENCY_REASON = 'UNCONSCIOUS_PATIENT';

export const listRecords = (s: Session, patientId: string) =>
  s.contract('records').evaluate('listRecords', {
    args: [patientId, '10', ''],
    endorsingOrganizations: AT_PROVIDER_A,
  });

export const logAccess = (s: Session, recordId: string) =>
  s.contract('records').submit('logAccess', {
    args: [recordId, 'treatment'],
    endorsingOrganizations: AT_PROVIDER_A,
  });

export const readRecord = (s: Session, recordId: string) =>
  s.contract('records').evaluate('readRecord', {
    args: [recordId, ''],
    endorsingOrganizations: AT_PROVIDER_A,
  });

/** The attacker's best try at the content: log the access (if the chaincode lets it), then
 * read. Without the first step the read would be refused for want of an access entry, which
 * proves nothing about who may read. */
export async function logThenRead(s: Session, recordId: string): Promise<string> {
  await logAccess(s, recordId).catch(() => undefined);
  return readRecord(s, recordId);
}

export const grantConsentToB = (s: Session, patientId: string) =>
  s.contract('consent').submit('grantConsent', {
    args: [
      JSON.stringify({
        patientId,
        grantee: { kind: 'organisation', mspId: MSP.providerb },
        scope: 'all',
        purpose: 'treatment',
        validFrom: instant(-1),
        validTo: instant(60),
      }),
    ],
    endorsingOrganizations: AT_PROVIDER_A,
  });

export const patientView = (
  s: Session,
  transaction: 'listAccessLog' | 'listConsents' | 'listEmergencyAccesses',
  patientId: string,
) =>
  s.contract('consent').evaluate(transaction, {
    args: transaction === 'listAccessLog' ? [patientId, '50', ''] : [patientId],
    endorsingOrganizations: AT_PROVIDER_A,
  });

/** The registering provider's peer endorses an erasure: it owns the patient's keys. */
export const erase = (s: Session, patientId: string) =>
  s.contract('records').submit('erasePatient', {
    args: [patientId],
    endorsingOrganizations: AT_PROVIDER_A,
  });

export const breakTheGlass = (s: Session, patientId: string) =>
  s.contract('consent').submit('declareEmergencyAccess', {
    args: [patientId, EMERGENCY_REASON],
    endorsingOrganizations: AT_PROVIDER_A,
  });

const Registration = z.object({ status: z.string(), registeredBy: z.string() });

/** The public registration of a patient, as ProviderA's peer holds it. */
export const getPatient = async (s: Session, patientId: string) =>
  Registration.parse(
    JSON.parse(
      await s.contract('records').evaluate('getPatient', {
        args: [patientId],
        endorsingOrganizations: AT_PROVIDER_A,
      }),
    ),
  );
