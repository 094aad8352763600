/**
 * Routes of the claims contract: plans, membership, prior authorisations, claims (adjudicated
 * by the chaincode on submission), reading under an access entry, review, appeal, payment.
 */
import { committed, withAccess } from '../http/answers';
import { defineRoute, NoBody, NoParams, NoQuery, ok, type Route } from '../http/route';
import {
  AppealBody,
  ClaimBody,
  ClaimListQuery,
  ClaimParams,
  DecisionBody,
  EnrolmentBody,
  PaymentBody,
  PlanBody,
  PlanParams,
  PlanQuery,
  PriorAuthBody,
} from './schemas';

const tag = 'claims';
const STEP = '{result: {claimId, status}, transactionId, blockNumber}';
const STEP_ERRORS = [400, 403, 404, 422];

export function claimsRoutes(): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/plans',
      tag,
      summary: "Publish a benefit plan, or a new version of one (insurer's adjudicator or admin)",
      access: 'user',
      body: PlanBody,
      query: NoQuery,
      params: NoParams,
      success: { status: 201, description: '{result: Plan, transactionId, blockNumber}' },
      errors: [400, 403],
      handle: async ({ body, contracts }) =>
        committed(await (await contracts()).claims.publishPlan(body)),
    }),
    defineRoute({
      method: 'get',
      path: '/plans/{planId}',
      tag,
      summary: 'A plan: its newest version, or the version asked for',
      access: 'user',
      body: NoBody,
      query: PlanQuery,
      params: PlanParams,
      success: { status: 200, description: 'Plan' },
      errors: [400, 404],
      handle: async ({ params, query, contracts }) =>
        ok(await (await contracts()).claims.getPlan(params.planId, query.version)),
    }),
    defineRoute({
      method: 'post',
      path: '/members',
      tag,
      summary: "Enrol a patient in a plan (insurer's intake or admin); PHI in the transient map",
      access: 'user',
      body: EnrolmentBody,
      query: NoQuery,
      params: NoParams,
      success: { status: 201, description: '{result: {enrolmentId}, transactionId, blockNumber}' },
      errors: [400, 403, 404, 409],
      handle: async ({ body, contracts }) =>
        committed(await (await contracts()).claims.enrolMember(body)),
    }),
    defineRoute({
      method: 'post',
      path: '/prior-authorisations',
      tag,
      summary: "Record a prior authorisation (insurer's adjudicator or admin)",
      access: 'user',
      body: PriorAuthBody,
      query: NoQuery,
      params: NoParams,
      success: { status: 201, description: '{result: {authId}, transactionId, blockNumber}' },
      errors: [400, 403, 404, 409],
      handle: async ({ body, contracts }) =>
        committed(await (await contracts()).claims.recordPriorAuth(body)),
    }),
    defineRoute({
      method: 'post',
      path: '/claims',
      tag,
      summary: "Submit a claim; the insurer's peer adjudicates it right after, in the same call",
      description:
        "A provider's registrar or physician, or the insurer's intake (naming providerMsp). " +
        'Two transactions: the intake (endorsed by the provider and the insurer) and the ' +
        "adjudication (the insurer's peer alone, the only one holding membership). " +
        "transactionId is the intake's (the claim's creation), blockNumber the last block; " +
        "result.status is the adjudication's. If the adjudication could not run (the insurer's " +
        'peer unreachable, a conflict retried out), the claim exists all the same: 201 with ' +
        "status 'submitted' and adjudication null; POST /claims/{claimId}/adjudication finishes it.",
      access: 'user',
      body: ClaimBody,
      query: NoQuery,
      params: NoParams,
      success: {
        status: 201,
        description:
          '{result: {claimId, status, adjudication: {transactionId, blockNumber} | null}, transactionId, blockNumber}',
      },
      errors: [400, 403, 409, 422],
      handle: async ({ body, contracts }) =>
        committed(await (await contracts()).claims.submitClaim(body)),
    }),
    defineRoute({
      method: 'post',
      path: '/claims/{claimId}/adjudication',
      tag,
      summary: "Adjudicate a claim left 'submitted' (a party to the claim)",
      description:
        "Runs on the insurer's peer. Needed only when POST /claims committed the intake and " +
        "its adjudication then failed (the insurer's peer unreachable, a conflict).",
      access: 'user',
      body: NoBody,
      query: NoQuery,
      params: ClaimParams,
      success: { status: 201, description: STEP },
      errors: STEP_ERRORS,
      handle: async ({ params, contracts }) =>
        committed(await (await contracts()).claims.adjudicateClaim(params.claimId)),
    }),
    defineRoute({
      method: 'get',
      path: '/claims',
      tag,
      summary: "The organisation's claims, by status: the insurer's queue, a provider's list",
      description:
        'Public claim records only (IDs, organisations, status, times; no PHI): open one with ' +
        'GET /claims/{claimId}, which logs the access. A page may hold fewer than pageSize ' +
        'claims while its bookmark is not empty.',
      access: 'user',
      body: NoBody,
      query: ClaimListQuery,
      params: NoParams,
      success: { status: 200, description: '{items: PublicClaim[], bookmark}' },
      errors: [400, 403],
      handle: async ({ query, contracts }) =>
        ok(await (await contracts()).claims.listClaims(query)),
    }),
    defineRoute({
      method: 'get',
      path: '/claims/{claimId}',
      tag,
      summary: 'Read a claim: logs the access on the ledger first, then reads',
      access: 'user',
      body: NoBody,
      query: NoQuery,
      params: ClaimParams,
      success: {
        status: 200,
        description:
          '{claim, contents, salt, record, access: {accessId, transactionId, blockNumber}}',
      },
      errors: [400, 403, 404],
      handle: async ({ params, contracts }) => {
        const claims = (await contracts()).claims;
        const access = await claims.logClaimAccess(params.claimId);
        const read = await claims.getClaim(params.claimId);
        return withAccess(read, access);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/claims/{claimId}/access',
      tag,
      summary: 'Log an access to a claim (the entry a later read needs)',
      access: 'user',
      body: NoBody,
      query: NoQuery,
      params: ClaimParams,
      success: { status: 201, description: '{result: {accessId}, transactionId, blockNumber}' },
      errors: [400, 403, 404],
      handle: async ({ params, contracts }) =>
        committed(await (await contracts()).claims.logClaimAccess(params.claimId)),
    }),
    defineRoute({
      method: 'post',
      path: '/claims/{claimId}/review-decision',
      tag,
      summary: "Decide a pended claim's pended lines (insurer's adjudicator)",
      access: 'user',
      body: DecisionBody,
      query: NoQuery,
      params: ClaimParams,
      success: { status: 201, description: STEP },
      errors: STEP_ERRORS,
      handle: async ({ params, body, contracts }) =>
        committed(await (await contracts()).claims.decidePendedClaim(params.claimId, body)),
    }),
    defineRoute({
      method: 'post',
      path: '/claims/{claimId}/appeal',
      tag,
      summary: 'Appeal a denial, once (the provider); the note is private',
      access: 'user',
      body: AppealBody,
      query: NoQuery,
      params: ClaimParams,
      success: { status: 201, description: STEP },
      errors: STEP_ERRORS,
      handle: async ({ params, body, contracts }) =>
        committed(
          await (await contracts()).claims.appealClaim(params.claimId, body.reason, body.note),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/claims/{claimId}/appeal-decision',
      tag,
      summary: "Decide an appeal's denied lines (insurer's adjudicator)",
      access: 'user',
      body: DecisionBody,
      query: NoQuery,
      params: ClaimParams,
      success: { status: 201, description: STEP },
      errors: STEP_ERRORS,
      handle: async ({ params, body, contracts }) =>
        committed(await (await contracts()).claims.decideAppeal(params.claimId, body)),
    }),
    defineRoute({
      method: 'post',
      path: '/claims/{claimId}/payment',
      tag,
      summary: 'Record the payment of the adjudicated total, closing the claim (insurer)',
      access: 'user',
      body: PaymentBody,
      query: NoQuery,
      params: ClaimParams,
      success: { status: 201, description: STEP },
      errors: STEP_ERRORS,
      handle: async ({ params, body, contracts }) =>
        committed(await (await contracts()).claims.recordPayment(params.claimId, body)),
    }),
  ];
}
