/** The consent contract as typed calls. Consents hold no PHI; the request is an argument. */
import type { Page } from '../http/common-schemas';
import { evaluateJson, type Submitted, submitJson, type TransactionRunner } from '../fabric/runner';
import type { ConsentRequest } from './schemas';

export interface ConsentFacade {
  grantConsent(request: ConsentRequest): Promise<Submitted>;
  revokeConsent(patientId: string, consentId: string): Promise<Submitted>;
  listConsents(patientId: string): Promise<unknown>;
  declareEmergencyAccess(patientId: string, reason: string): Promise<Submitted>;
  listEmergencyAccesses(patientId: string): Promise<unknown>;
  listAccessLog(patientId: string, page: Page): Promise<unknown>;
}

export function newConsentFacade(tx: TransactionRunner): ConsentFacade {
  return {
    grantConsent: (request) => submitJson(tx, 'grantConsent', { args: [JSON.stringify(request)] }),
    revokeConsent: (patientId, consentId) =>
      submitJson(tx, 'revokeConsent', { args: [patientId, consentId] }),
    listConsents: (patientId) => evaluateJson(tx, 'listConsents', { args: [patientId] }),
    declareEmergencyAccess: (patientId, reason) =>
      submitJson(tx, 'declareEmergencyAccess', { args: [patientId, reason] }),
    listEmergencyAccesses: (patientId) =>
      evaluateJson(tx, 'listEmergencyAccesses', { args: [patientId] }),
    listAccessLog: (patientId, page) =>
      evaluateJson(tx, 'listAccessLog', { args: [patientId, page.pageSize, page.bookmark] }),
  };
}
