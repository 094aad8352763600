/**
 * The insurer's pages. Adjudicators: the claims queue (pended claims, decided line by line),
 * appeals, payments and plans; intake: members, claims submitted for a provider, and the
 * queue to follow them. Lists show public claim records; opening a claim reads its contents
 * and logs the access.
 */
import type { ConsolePage, PageContext } from '../contract.js';
import { h } from '../ui.js';
import { section } from '../widgets.js';
import { claimDetail } from './c2-claim-view.js';
import { PAYABLE, STATUSES } from './c2-claims-data.js';
import { enrolForm, intakeClaimForm } from './c2-intake.js';
import { planSections } from './c2-plans.js';
import { claimQueue } from './c2-queue.js';

const ADJUDICATOR = 'adjudicator';
const INTAKE = 'intake';

/** A queue page: the list, and under it the claim opened from it (ID in the hash). */
function queuePage(
  id: string,
  title: string,
  roles: readonly string[],
  intro: string,
  statuses: readonly string[],
): ConsolePage {
  return {
    id,
    title,
    roles,
    render(view: HTMLElement, ctx: PageContext) {
      view.append(h('p', {}, intro), claimQueue(ctx, { pageId: id, caption: title, statuses }));
      const claimId = ctx.params.claimId;
      if (claimId !== undefined && claimId !== '') view.append(claimDetail(ctx, claimId));
    },
  };
}

export const pages: readonly ConsolePage[] = [
  queuePage(
    'claims-queue',
    'Claims queue',
    [ADJUDICATOR, INTAKE],
    'Claims waiting for a decision. Open one to see its lines (the access is logged) and decide each pended line.',
    STATUSES,
  ),
  queuePage(
    'appeals',
    'Appeals',
    [ADJUDICATOR],
    'Claims the provider appealed: decide every denied line again.',
    ['appealed', 'appeal-approved', 'appeal-denied'],
  ),
  queuePage(
    'payments',
    'Payments',
    [ADJUDICATOR],
    'Adjudicated claims to pay: the amount must equal the adjudicated total.',
    [...PAYABLE, 'paid'],
  ),
  {
    id: 'plans',
    title: 'Plans',
    roles: [ADJUDICATOR, INTAKE],
    render(view, ctx) {
      const { publish, lookup } = planSections(ctx);
      if (publish !== undefined) {
        view.append(section('Publish a plan version', ...publish));
      }
      view.append(section('View a plan', ...lookup));
    },
  },
  {
    id: 'members',
    title: 'Members',
    roles: [INTAKE],
    render(view, ctx) {
      const result = h('div', { 'aria-live': 'polite' });
      view.append(
        h('p', {}, 'The member number stays private to the providers and the insurer.'),
        section('Enrol a member', enrolForm(ctx, result), result),
      );
    },
  },
  {
    id: 'intake-claim',
    title: 'Submit a claim',
    roles: [INTAKE],
    render(view, ctx) {
      const result = h('div', { 'aria-live': 'polite' });
      view.append(
        h('p', {}, "A claim received on paper or by fax, entered on the provider's behalf."),
        section('Claim', intakeClaimForm(ctx, result), result),
      );
    },
  },
];
