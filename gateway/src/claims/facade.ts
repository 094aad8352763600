/**
 * The claims contract as typed calls. Plan and membership writes are the insurer's keys;
 * a claim needs both its provider's and the insurer's endorsement (key-level policies and
 * the provider's claims collection). Later steps on a claim are planned by Fabric from the
 * keys the transaction touches.
 */
import { evaluateJson, type Submitted, submitJson, type TransactionRunner } from '../fabric/runner';
import { phiTransient, type SaltSource } from '../fabric/salt';
import type {
  Claim,
  ClaimListQuery,
  Decision,
  Enrolment,
  Payment,
  PlanTerms,
  PriorAuth,
} from './schemas';

export const INSURER_MSP = 'InsurerMSP';

export interface ClaimsFacade {
  publishPlan(plan: PlanTerms): Promise<Submitted>;
  getPlan(planId: string, version?: string): Promise<unknown>;
  enrolMember(enrolment: Enrolment): Promise<Submitted>;
  recordPriorAuth(auth: PriorAuth): Promise<Submitted>;
  submitClaim(claim: Claim): Promise<Submitted>;
  logClaimAccess(claimId: string): Promise<Submitted>;
  getClaim(claimId: string): Promise<unknown>;
  listClaims(query: ClaimListQuery): Promise<unknown>;
  decidePendedClaim(claimId: string, decision: Decision): Promise<Submitted>;
  appealClaim(claimId: string, reason: string, note?: string): Promise<Submitted>;
  decideAppeal(claimId: string, decision: Decision): Promise<Submitted>;
  recordPayment(claimId: string, payment: Payment): Promise<Submitted>;
}

export interface ClaimsFacadeOptions {
  readonly tx: TransactionRunner;
  readonly mspId: string;
  readonly salt: SaltSource;
}

export function newClaimsFacade(options: Readonly<ClaimsFacadeOptions>): ClaimsFacade {
  const { tx, mspId, salt } = options;
  const insurer = [INSURER_MSP];
  return {
    publishPlan: (plan) =>
      submitJson(tx, 'publishPlan', {
        args: [JSON.stringify(plan)],
        endorsingOrganizations: insurer,
      }),
    getPlan: (planId, version) => evaluateJson(tx, 'getPlan', { args: [planId, version ?? ''] }),
    enrolMember: (enrolment) =>
      submitJson(tx, 'enrolMember', {
        transient: phiTransient(enrolment, salt()),
        endorsingOrganizations: insurer,
      }),
    recordPriorAuth: (auth) =>
      submitJson(tx, 'recordPriorAuth', {
        transient: phiTransient(auth, salt()),
        endorsingOrganizations: insurer,
      }),
    submitClaim: (claim) =>
      submitJson(tx, 'submitClaim', {
        transient: phiTransient(claim, salt()),
        // A provider submits its own claims; the insurer's intake names the provider.
        endorsingOrganizations: [...new Set([claim.providerMsp ?? mspId, INSURER_MSP])],
      }),
    logClaimAccess: (claimId) => submitJson(tx, 'logClaimAccess', { args: [claimId] }),
    getClaim: (claimId) => evaluateJson(tx, 'getClaim', { args: [claimId] }),
    listClaims: (query) =>
      evaluateJson(tx, 'listClaims', {
        args: [query.status ?? '', query.pageSize, query.bookmark],
      }),
    decidePendedClaim: (claimId, decision) =>
      submitJson(tx, 'decidePendedClaim', { args: [claimId, JSON.stringify(decision)] }),
    appealClaim: (claimId, reason, note) =>
      submitJson(tx, 'appealClaim', {
        args: [claimId, reason],
        transient: note === undefined ? undefined : { payload: JSON.stringify({ note }) },
      }),
    decideAppeal: (claimId, decision) =>
      submitJson(tx, 'decideAppeal', { args: [claimId, JSON.stringify(decision)] }),
    recordPayment: (claimId, payment) =>
      submitJson(tx, 'recordPayment', { args: [claimId, JSON.stringify(payment)] }),
  };
}
