/**
 * The consent contract as typed calls. Consents hold no PHI; the request is an argument. An
 * emergency access is endorsed on the peer of the patient's registering provider, which
 * attests it; RECORDS (the records contract) says which provider that is.
 */
import type { Page } from '../http/common-schemas';
import { evaluateJson, type Submitted, submitJson, type TransactionRunner } from '../fabric/runner';
import { noteTransient, randomSalt, type SaltSource } from '../fabric/salt';
import { z } from 'zod';
import type { ConsentRequest } from './schemas';

export interface ConsentFacade {
  grantConsent(request: ConsentRequest): Promise<Submitted>;
  revokeConsent(patientId: string, consentId: string): Promise<Submitted>;
  listConsents(patientId: string): Promise<unknown>;
  /** REASON is a public code; NOTE, free text, goes in the transient map only. */
  declareEmergencyAccess(patientId: string, reason: string, note?: string): Promise<Submitted>;
  listEmergencyAccesses(patientId: string): Promise<unknown>;
  /** Evaluated on the patient's registering provider's peer, the only one holding notes. */
  emergencyNote(patientId: string, accessId: string): Promise<unknown>;
  listAccessLog(patientId: string, page: Page): Promise<unknown>;
}

const Registration = z.object({ registeredBy: z.string().min(1) });

export function newConsentFacade(
  tx: TransactionRunner,
  records: TransactionRunner,
  salt: SaltSource = randomSalt,
): ConsentFacade {
  const registeringProvider = async (patientId: string) => [
    Registration.parse(await evaluateJson(records, 'getPatient', { args: [patientId] }))
      .registeredBy,
  ];
  return {
    grantConsent: (request) => submitJson(tx, 'grantConsent', { args: [JSON.stringify(request)] }),
    revokeConsent: (patientId, consentId) =>
      submitJson(tx, 'revokeConsent', { args: [patientId, consentId] }),
    listConsents: (patientId) => evaluateJson(tx, 'listConsents', { args: [patientId] }),
    declareEmergencyAccess: async (patientId, reason, note) =>
      submitJson(tx, 'declareEmergencyAccess', {
        args: [patientId, reason],
        ...noteTransient(note, salt),
        endorsingOrganizations: await registeringProvider(patientId),
      }),
    listEmergencyAccesses: (patientId) =>
      evaluateJson(tx, 'listEmergencyAccesses', { args: [patientId] }),
    emergencyNote: async (patientId, accessId) =>
      evaluateJson(tx, 'emergencyNote', {
        args: [patientId, accessId],
        endorsingOrganizations: await registeringProvider(patientId),
      }),
    listAccessLog: (patientId, page) =>
      evaluateJson(tx, 'listAccessLog', { args: [patientId, page.pageSize, page.bookmark] }),
  };
}
