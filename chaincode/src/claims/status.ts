/**
 * The claim's life as a table of allowed status changes. Submission (the provider's fact)
 * gives 'submitted'; adjudication (the insurer's, right after it) the first decided status;
 * every later step checks the table first, so anything else is refused with
 * FAILED_PRECONDITION before any work is done.
 */
import { z } from 'zod';
import { failedPrecondition } from '../shared/errors';

export const ClaimStatus = {
  /** Received, not adjudicated yet: the gateway asks the insurer's peer to adjudicate next. */
  Submitted: 'submitted',
  Approved: 'approved',
  PartiallyApproved: 'partially-approved',
  Denied: 'denied',
  Pended: 'pended',
  Appealed: 'appealed',
  AppealApproved: 'appeal-approved',
  AppealDenied: 'appeal-denied',
  /** Payment recorded: the claim is closed. */
  Paid: 'paid',
} as const;

export type ClaimStatus = (typeof ClaimStatus)[keyof typeof ClaimStatus];

export const ClaimStatusSchema = z.enum(ClaimStatus);

export const ALL_STATUSES: readonly ClaimStatus[] = Object.values(ClaimStatus);

export const ClaimAction = {
  Submit: 'submit',
  /** The insurer's peer adjudicates a submitted claim. */
  Adjudicate: 'adjudicate',
  /** An adjudicator decides a pended claim. */
  Decide: 'decide',
  Appeal: 'appeal',
  DecideAppeal: 'decide-appeal',
  Pay: 'pay',
} as const;

export type ClaimAction = (typeof ClaimAction)[keyof typeof ClaimAction];

export const ALL_ACTIONS: readonly ClaimAction[] = Object.values(ClaimAction);

interface Rule {
  /** undefined: the claim does not exist yet. */
  readonly from: readonly (ClaimStatus | undefined)[];
  readonly to: readonly ClaimStatus[];
}

const S = ClaimStatus;

/**
 * Appeal once: only a decided denial (whole or partial) can be appealed, and an appeal's
 * outcome is never appealable. appeal-denied is payable because a partially approved claim
 * keeps its approved lines when its appeal is refused (a fully denied one pays 0).
 */
export const TRANSITIONS: Readonly<Record<ClaimAction, Rule>> = {
  submit: { from: [undefined], to: [S.Submitted] },
  adjudicate: { from: [S.Submitted], to: [S.Approved, S.PartiallyApproved, S.Denied, S.Pended] },
  decide: { from: [S.Pended], to: [S.Approved, S.PartiallyApproved, S.Denied] },
  appeal: { from: [S.Denied, S.PartiallyApproved], to: [S.Appealed] },
  'decide-appeal': { from: [S.Appealed], to: [S.AppealApproved, S.AppealDenied] },
  pay: { from: [S.Approved, S.PartiallyApproved, S.AppealApproved, S.AppealDenied], to: [S.Paid] },
};

export function mayAct(from: ClaimStatus | undefined, action: ClaimAction): boolean {
  return TRANSITIONS[action].from.includes(from);
}

export function mayTransition(
  from: ClaimStatus | undefined,
  action: ClaimAction,
  to: ClaimStatus,
): boolean {
  return mayAct(from, action) && TRANSITIONS[action].to.includes(to);
}

/** What can happen next to a claim in this status. */
export function actionsFrom(from: ClaimStatus | undefined): ClaimAction[] {
  return ALL_ACTIONS.filter((action) => mayAct(from, action));
}

export function requireAction(from: ClaimStatus | undefined, action: ClaimAction): void {
  if (!mayAct(from, action)) {
    const allowed = TRANSITIONS[action].from.map((s) => s ?? '(new)').join(', ');
    throw failedPrecondition(
      `cannot ${action} a claim that is ${from ?? '(new)'}; only from ${allowed}`,
    );
  }
}

export function requireTransition(
  from: ClaimStatus | undefined,
  action: ClaimAction,
  to: ClaimStatus,
): void {
  requireAction(from, action);
  if (!TRANSITIONS[action].to.includes(to)) {
    throw failedPrecondition(`${action} cannot make a claim ${to}`);
  }
}
