/**
 * The credentials contract as typed calls. Every change is endorsed by the board: credential
 * keys carry a key-level policy naming BoardMSP, so no other organisation's peer may sign it.
 */
import { evaluateJson, type Submitted, submitJson, type TransactionRunner } from '../fabric/runner';
import { noteTransient, randomSalt, type SaltSource } from '../fabric/salt';
import type { IssueRequest } from './schemas';

export const BOARD_MSP = 'BoardMSP';

export interface CredentialsFacade {
  issueCredential(request: IssueRequest): Promise<Submitted>;
  renewCredential(licenceNumber: string, validFrom: string, validTo: string): Promise<Submitted>;
  /** REASON is a public code; NOTE, free text, goes in the transient map only. */
  suspendCredential(licenceNumber: string, reason: string, note?: string): Promise<Submitted>;
  reinstateCredential(licenceNumber: string): Promise<Submitted>;
  revokeCredential(licenceNumber: string, reason: string, note?: string): Promise<Submitted>;
  verifyLicence(licenceNumber: string, organisation: string, date?: string): Promise<unknown>;
  credentialsOfPractitioner(practitionerId: string): Promise<unknown>;
  credentialHistory(licenceNumber: string): Promise<unknown>;
  /** Evaluated on the board's peer, the only one holding notes. */
  licenceNote(licenceNumber: string, txId: string): Promise<unknown>;
}

export function newCredentialsFacade(
  tx: TransactionRunner,
  salt: SaltSource = randomSalt,
): CredentialsFacade {
  const change = (name: string, args: string[], note?: string) =>
    submitJson(tx, name, {
      args,
      ...noteTransient(note, salt),
      endorsingOrganizations: [BOARD_MSP],
    });
  return {
    issueCredential: (request) => change('issueCredential', [JSON.stringify(request)]),
    renewCredential: (licence, from, to) => change('renewCredential', [licence, from, to]),
    suspendCredential: (licence, reason, note) =>
      change('suspendCredential', [licence, reason], note),
    reinstateCredential: (licence) => change('reinstateCredential', [licence]),
    revokeCredential: (licence, reason, note) =>
      change('revokeCredential', [licence, reason], note),
    verifyLicence: (licence, organisation, date) =>
      evaluateJson(tx, 'verifyLicence', { args: [licence, organisation, date ?? ''] }),
    credentialsOfPractitioner: (id) =>
      evaluateJson(tx, 'credentialsOfPractitioner', { args: [id] }),
    credentialHistory: (licence) => evaluateJson(tx, 'credentialHistory', { args: [licence] }),
    licenceNote: (licence, txId) =>
      evaluateJson(tx, 'licenceNote', {
        args: [licence, txId],
        endorsingOrganizations: [BOARD_MSP],
      }),
  };
}
