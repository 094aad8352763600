/**
 * What an adjudicator does to a claim: decide its pended lines (review) or its denied lines
 * (appeal), one decision per line with a reason code for a denial, and record the payment of
 * the adjudicated total. Decisions are public transaction arguments: codes only, no text.
 */
import type { PageContext } from '../contract.js';
import { field, form, h, invalid } from '../ui.js';
import { centsIn, money, text } from '../widgets.js';
import { DENIAL_CODES, type LineResult } from './c2-claims-data.js';
import { decode, dollarsOf, object, str } from './c2-decode.js';
import { type CommittedAnswer, committedOf } from './common.js';

/** Called with the new status and the committed write. */
export type Done = (status: string, answer: CommittedAnswer) => void;

const Step = object({ result: object({ claimId: str, status: str }) });

type LineDecision =
  { line: number; decision: 'approve' } | { line: number; decision: 'deny'; reasonCodes: string[] };

function lineFields(line: LineResult, index: number): HTMLElement {
  return h(
    'fieldset',
    {},
    h('legend', {}, `Line ${line.line}: ${line.code} × ${line.units}, ${money(line.chargeCents)}`),
    h(
      'div',
      { class: 'grid' },
      field({
        label: `Decision for line ${line.line}`,
        name: `lines.${index}.decision`,
        choices: [
          ['approve', 'Approve'],
          ['deny', 'Deny'],
        ],
      }),
      field({
        label: `Denial reason for line ${line.line}`,
        name: `lines.${index}.reasonCodes`,
        choices: [['', '(only when denying)'], ...DENIAL_CODES.map((c) => [c, c] as const)],
      }),
    ),
  );
}

export function decisionForm(
  ctx: PageContext,
  claimId: string,
  kind: 'review' | 'appeal',
  lines: readonly LineResult[],
  done: Done,
): HTMLElement {
  if (lines.length === 0) return h('p', { class: 'hint' }, 'No line waits for a decision.');
  const path = kind === 'review' ? 'review-decision' : 'appeal-decision';
  return form({
    label: kind === 'review' ? 'Review decision' : 'Appeal decision',
    submit: kind === 'review' ? 'Record review decision' : 'Record appeal decision',
    fields: lines.map(lineFields),
    onSubmit: async (data) => {
      const decided = lines.map((line, i): LineDecision => {
        const reason = text(data, `lines.${i}.reasonCodes`);
        if (text(data, `lines.${i}.decision`) === 'approve') {
          return { line: line.line, decision: 'approve' };
        }
        if (reason === '') throw invalid(`lines.${i}.reasonCodes`, 'give a reason to deny');
        return { line: line.line, decision: 'deny', reasonCodes: [reason] };
      });
      const url = `/claims/${encodeURIComponent(claimId)}/${path}`;
      const answer = await ctx.api.post(url, { lines: decided });
      done(decode(Step, answer).result.status, committedOf(answer));
    },
  });
}

export function paymentForm(
  ctx: PageContext,
  claimId: string,
  paidCents: number,
  done: Done,
): HTMLElement {
  const today = new Date().toISOString().slice(0, 10);
  return form({
    label: 'Record payment',
    submit: 'Record payment',
    fields: [
      h('p', {}, `The adjudicated amount the insurer pays is ${money(paidCents)}.`),
      h(
        'div',
        { class: 'grid' },
        field({
          label: 'Amount ($)',
          name: 'amountCents',
          required: true,
          value: dollarsOf(paidCents),
          hint: 'Must equal the adjudicated total.',
          attrs: { inputmode: 'decimal' },
        }),
        field({
          label: 'Remittance reference',
          name: 'reference',
          required: true,
          hint: 'Public on the ledger: no patient details.',
        }),
        field({ label: 'Paid on', name: 'paidOn', type: 'date', required: true, value: today }),
      ),
    ],
    onSubmit: async (data) => {
      const amountCents = centsIn(data, 'amountCents');
      const body = {
        amountCents,
        reference: text(data, 'reference'),
        paidOn: text(data, 'paidOn'),
      };
      const url = `/claims/${encodeURIComponent(claimId)}/payment`;
      const answer = await ctx.api.post(url, body);
      done(decode(Step, answer).result.status, committedOf(answer));
    },
  });
}
