/**
 * The claims contract as typed calls. Plans, membership, prior authorisations and every
 * insurer's step on a claim (adjudication, decisions, payment) are endorsed by the insurer's
 * peer alone: membership, accumulators and the duplicate-line index live only there. A
 * claim's intake, its appeal and access entries need both its provider's and the insurer's
 * peers (the provider's claims collection). Submitting is two transactions run as one call:
 * the intake, then the adjudication on the insurer's peer once it has committed the intake.
 */
import { onceCommittedThere } from '../fabric/custodian-lag';
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
  /** Intake, then adjudication: { claimId, status, adjudication: {transactionId,
   * blockNumber} | null } with the intake's transactionId and the last blockNumber. */
  submitClaim(claim: Claim): Promise<Submitted>;
  /** Adjudicates a claim left 'submitted' (its adjudication failed after the intake). */
  adjudicateClaim(claimId: string): Promise<Submitted>;
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
  // The caller's own peer has committed the intake; the insurer's may be a block behind.
  const adjudicate = (claimId: string) =>
    onceCommittedThere(
      () =>
        submitJson(tx, 'adjudicateClaim', {
          args: [claimId],
          transient: { salt: salt() },
          endorsingOrganizations: insurer,
        }),
      { lagging: /NOT_FOUND: claim / },
    );
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
    submitClaim: async (claim) => {
      const intake = await submitJson(tx, 'submitClaim', {
        transient: phiTransient(claim, salt()),
        // A provider submits its own claims; the insurer's intake names the provider.
        endorsingOrganizations: [...new Set([claim.providerMsp ?? mspId, INSURER_MSP])],
      });
      // The claim is on the ledger from here on, whatever the adjudication does: a failed
      // adjudication leaves it 'submitted' (POST /claims/{id}/adjudication finishes it), and
      // the answer says so rather than reporting a failure for a claim that exists.
      const adjudication = await adjudicate(claim.claimId).catch(() => undefined);
      return submissionOf(intake, adjudication);
    },
    adjudicateClaim: (claimId) => adjudicate(claimId),
    logClaimAccess: (claimId) => submitJson(tx, 'logClaimAccess', { args: [claimId] }),
    getClaim: (claimId) => evaluateJson(tx, 'getClaim', { args: [claimId] }),
    listClaims: (query) =>
      evaluateJson(tx, 'listClaims', {
        args: [query.status ?? '', query.pageSize, query.bookmark],
      }),
    decidePendedClaim: (claimId, decision) =>
      submitJson(tx, 'decidePendedClaim', {
        args: [claimId, JSON.stringify(decision)],
        endorsingOrganizations: insurer,
      }),
    appealClaim: (claimId, reason, note) =>
      submitJson(tx, 'appealClaim', {
        args: [claimId, reason],
        transient: note === undefined ? undefined : { payload: JSON.stringify({ note }) },
      }),
    decideAppeal: (claimId, decision) =>
      submitJson(tx, 'decideAppeal', {
        args: [claimId, JSON.stringify(decision)],
        endorsingOrganizations: insurer,
      }),
    recordPayment: (claimId, payment) =>
      submitJson(tx, 'recordPayment', {
        args: [claimId, JSON.stringify(payment)],
        endorsingOrganizations: insurer,
      }),
  };
}

/** One answer for the two transactions, as erasure does: the intake's transaction (the
 * claim's creation), the last block committed, and the adjudication's status and transaction
 * when it ran; without it, status 'submitted' and adjudication null. */
function submissionOf(intake: Submitted, adjudication: Submitted | undefined): Submitted {
  const claim = intake.result as Record<string, unknown>;
  if (adjudication === undefined) return { ...intake, result: { ...claim, adjudication: null } };
  const decided = adjudication.result as Record<string, unknown>;
  return {
    result: {
      ...claim,
      status: decided.status,
      adjudication: {
        transactionId: adjudication.transactionId,
        blockNumber: adjudication.blockNumber,
      },
    },
    transactionId: intake.transactionId,
    blockNumber: adjudication.blockNumber,
  };
}
