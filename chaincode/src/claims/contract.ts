/**
 * The claims contract: insurers publish benefit plans, enrol members and record prior
 * authorisations; providers (or the insurer's intake for them) submit claims, which the
 * insurer's peer adjudicates in the next transaction; then review, appeal and payment. Claim contents and results
 * are PHI: they stay in the claims collection of the claim's provider and the insurer.
 * Every method checks access and delegates; the rules live in pure functions.
 */
import { Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { HealthContext } from '../shared/context';
import { canonicalJson } from '../shared/json';
import { appealClaim, decideAppeal, decidePendedClaim, recordPayment } from './lifecycle';
import { listClaims } from './listing';
import { enrolMember, recordPriorAuth } from './member-tx';
import { publishPlan, readPlan } from './plan-tx';
import { logClaimAccess, readClaim } from './reading';
import { adjudicateClaim } from './adjudication';
import { submitClaim } from './submission';

@Info({
  title: 'claims',
  description:
    'Benefit plans, membership, claims adjudicated by the chaincode, review, appeal, payment',
})
export class ClaimsContract extends Contract {
  constructor() {
    super('claims');
  }

  override createContext(): HealthContext {
    return new HealthContext();
  }

  /** planJson: { planId, deductibleCents, coinsuranceBps, outOfPocketMaxCents, coveredCodes:
   * [{ code, allowedCents, copayCents?, requiresPriorAuth?, requiresReview? }],
   * timelyFilingDays, paymentConsentRequired, reviewThresholdCents }. Returns the plan. */
  @Transaction()
  @Returns('string')
  async publishPlan(ctx: HealthContext, planJson: string): Promise<string> {
    return canonicalJson(await publishPlan(ctx, planJson));
  }

  /** version '' is the newest. */
  @Transaction(false)
  @Returns('string')
  async getPlan(ctx: HealthContext, planId: string, version: string): Promise<string> {
    return canonicalJson(await readPlan(ctx, planId, version));
  }

  /** transient payload { patientId, planId, memberNumber, coverageFrom, coverageTo }, salt.
   * Returns { enrolmentId }. */
  @Transaction()
  @Returns('string')
  async enrolMember(ctx: HealthContext): Promise<string> {
    return canonicalJson(await enrolMember(ctx));
  }

  /** transient payload { authId, patientId, code, validFrom, validTo }, salt. Returns { authId }. */
  @Transaction()
  @Returns('string')
  async recordPriorAuth(ctx: HealthContext): Promise<string> {
    return canonicalJson(await recordPriorAuth(ctx));
  }

  /** transient payload { claimId, patientId, providerMsp?, renderingPractitionerId,
   * serviceDate, diagnosisCodes, lines: [{ code, units, chargeCents }] }, salt.
   * Endorsed by the provider's and the insurer's peers. Returns { claimId, status: 'submitted' }. */
  @Transaction()
  @Returns('string')
  async submitClaim(ctx: HealthContext): Promise<string> {
    return canonicalJson(await submitClaim(ctx));
  }

  /** Adjudicates a submitted claim on the insurer's peer (the only one holding membership);
   * transient salt (seeds the insurer's index secret the first time). Returns { claimId, status }. */
  @Transaction()
  @Returns('string')
  async adjudicateClaim(ctx: HealthContext, claimId: string): Promise<string> {
    return canonicalJson(await adjudicateClaim(ctx, claimId));
  }

  /** Writes the reader's access entry; getClaim needs a fresh one. Returns { accessId }. */
  @Transaction()
  @Returns('string')
  async logClaimAccess(ctx: HealthContext, claimId: string): Promise<string> {
    return canonicalJson(await logClaimAccess(ctx, claimId));
  }

  /** Returns { claim, contents, salt, record } to the claim's provider or insurer. */
  @Transaction(false)
  @Returns('string')
  async getClaim(ctx: HealthContext, claimId: string): Promise<string> {
    return canonicalJson(await readClaim(ctx, claimId));
  }

  /** The public records of the caller's organisation's claims (status '' for all), for the
   * insurer's queue or the provider's list. Returns { items: PublicClaim[], bookmark }. */
  @Transaction(false)
  @Returns('string')
  async listClaims(
    ctx: HealthContext,
    status: string,
    pageSize: string,
    bookmark: string,
  ): Promise<string> {
    return canonicalJson(await listClaims(ctx, status, pageSize, bookmark));
  }

  /** decisionJson: { lines: [{ line, decision: 'approve' } | { line, decision: 'deny',
   * reasonCodes }] } covering every pended line. Returns { claimId, status }. */
  @Transaction()
  @Returns('string')
  async decidePendedClaim(
    ctx: HealthContext,
    claimId: string,
    decisionJson: string,
  ): Promise<string> {
    return canonicalJson(await decidePendedClaim(ctx, claimId, decisionJson));
  }

  /** reason: an appeal reason code; optional transient payload { note }. Returns { claimId, status }. */
  @Transaction()
  @Returns('string')
  async appealClaim(ctx: HealthContext, claimId: string, reason: string): Promise<string> {
    return canonicalJson(await appealClaim(ctx, claimId, reason));
  }

  /** decisionJson as for decidePendedClaim, covering every denied line. Returns { claimId, status }. */
  @Transaction()
  @Returns('string')
  async decideAppeal(ctx: HealthContext, claimId: string, decisionJson: string): Promise<string> {
    return canonicalJson(await decideAppeal(ctx, claimId, decisionJson));
  }

  /** paymentJson: { amountCents, reference, paidOn }. Closes the claim. Returns { claimId, status }. */
  @Transaction()
  @Returns('string')
  async recordPayment(ctx: HealthContext, claimId: string, paymentJson: string): Promise<string> {
    return canonicalJson(await recordPayment(ctx, claimId, paymentJson));
  }
}
