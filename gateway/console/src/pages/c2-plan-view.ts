/**
 * A benefit plan as people read it: its terms (money in dollars, the rate in per cent) and
 * the table of the codes it covers, with allowed amounts, copays and the codes that need a
 * prior authorisation or a review.
 */
import { h } from '../ui.js';
import { facts, money, table, when } from '../widgets.js';
import type { Plan } from './c2-claims-data.js';

export function planView(plan: Plan): HTMLElement {
  return h(
    'div',
    { class: 'plan' },
    facts([
      ['Plan', `${plan.planId} version ${plan.version}`],
      ['Published', when(plan.publishedAt)],
      ['Deductible', money(plan.deductibleCents)],
      ['Coinsurance', `${plan.coinsuranceBps / 100} %`],
      ['Out-of-pocket maximum', money(plan.outOfPocketMaxCents)],
      ['Review threshold', money(plan.reviewThresholdCents)],
      ['Timely filing', `${plan.timelyFilingDays} days`],
      ['Payment consent required', plan.paymentConsentRequired ? 'yes' : 'no'],
    ]),
    table(
      `Codes covered by ${plan.planId} v${plan.version}`,
      [
        { header: 'Code', cell: (c: Plan['coveredCodes'][number]) => c.code },
        { header: 'Allowed per unit', cell: (c) => money(c.allowedCents) },
        { header: 'Copay', cell: (c) => (c.copayCents === undefined ? '—' : money(c.copayCents)) },
        {
          header: 'Prior authorisation',
          cell: (c) => (c.requiresPriorAuth === true ? 'yes' : 'no'),
        },
        { header: 'Review', cell: (c) => (c.requiresReview === true ? 'yes' : 'no') },
      ],
      plan.coveredCodes,
    ),
  );
}
