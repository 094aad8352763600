/**
 * Benefit plans: publish a plan (or its next version) with its covered codes, and look one up
 * by ID and version. Amounts are typed in dollars and sent as integer cents; the coinsurance
 * rate in basis points. Plan terms are public, so nothing here is PHI.
 */
import type { PageContext } from '../contract.js';
import { field, form, h, invalid } from '../ui.js';
import { centsIn, optional, text } from '../widgets.js';
import { committedNotice, committedOf } from './common.js';
import { Plan } from './c2-claims-data.js';
import { planView } from './c2-plan-view.js';
import { Committed, decode } from './c2-decode.js';

function cents(data: FormData, name: string, required = true): number | undefined {
  const typed = text(data, name);
  if (typed === '' && !required) return undefined;
  return centsIn(data, name);
}

function whole(data: FormData, name: string): number {
  const typed = text(data, name);
  if (!/^\d{1,9}$/.test(typed)) throw invalid(name, 'must be a whole number');
  return Number(typed);
}

function check(name: string, label: string, checked = false): HTMLElement {
  return h('label', {}, h('input', { type: 'checkbox', name, checked }), ` ${label}`);
}

function codeRow(index: number): HTMLElement {
  const n = index + 1;
  return h(
    'fieldset',
    { class: 'covered-code' },
    h('legend', {}, `Covered code ${n}`),
    h(
      'div',
      { class: 'grid' },
      field({ label: `Code ${n}`, name: `coveredCodes.${index}.code`, required: true }),
      field({
        label: `Code ${n} allowed per unit ($)`,
        name: `coveredCodes.${index}.allowedCents`,
        required: true,
        attrs: { inputmode: 'decimal' },
      }),
      field({
        label: `Code ${n} copay ($, optional)`,
        name: `coveredCodes.${index}.copayCents`,
        attrs: { inputmode: 'decimal' },
      }),
    ),
    h(
      'div',
      { class: 'checks' },
      check(`coveredCodes.${index}.requiresPriorAuth`, `Code ${n} needs prior authorisation`),
      check(`coveredCodes.${index}.requiresReview`, `Code ${n} goes to review`),
    ),
  );
}

function publishForm(ctx: PageContext, result: HTMLElement): HTMLElement {
  const codes = h('div', { class: 'covered-codes' }, codeRow(0));
  let count = 1;
  const add = h('button', { type: 'button', class: 'secondary' }, 'Add a covered code');
  add.addEventListener('click', () => {
    codes.append(codeRow(count));
    count += 1;
  });
  const money$ = (name: string, label: string, value: string) =>
    field({ label, name, required: true, value, attrs: { inputmode: 'decimal' } });
  return form({
    label: 'Publish a plan',
    submit: 'Publish plan',
    fields: [
      h(
        'div',
        { class: 'grid' },
        field({ label: 'Plan ID', name: 'planId', required: true }),
        money$('deductibleCents', 'Deductible ($)', '500.00'),
        field({
          label: 'Coinsurance (basis points)',
          name: 'coinsuranceBps',
          required: true,
          value: '2000',
          hint: '2000 basis points = 20 %',
          attrs: { inputmode: 'numeric' },
        }),
        money$('outOfPocketMaxCents', 'Out-of-pocket maximum ($)', '3000.00'),
        field({
          label: 'Timely filing (days)',
          name: 'timelyFilingDays',
          required: true,
          value: '90',
          attrs: { inputmode: 'numeric' },
        }),
        money$('reviewThresholdCents', 'Review threshold ($)', '5000.00'),
      ),
      h('div', { class: 'checks' }, check('paymentConsentRequired', 'Payment consent required')),
      codes,
      h('div', { class: 'actions c2-add' }, add),
    ],
    onSubmit: async (data) => {
      const coveredCodes = Array.from({ length: count }, (_, i) => {
        const p = `coveredCodes.${i}`;
        const copayCents = cents(data, `${p}.copayCents`, false);
        return {
          code: text(data, `${p}.code`),
          allowedCents: cents(data, `${p}.allowedCents`),
          ...(copayCents === undefined ? {} : { copayCents }),
          ...(data.has(`${p}.requiresPriorAuth`) ? { requiresPriorAuth: true } : {}),
          ...(data.has(`${p}.requiresReview`) ? { requiresReview: true } : {}),
        };
      });
      const body = {
        planId: text(data, 'planId'),
        deductibleCents: cents(data, 'deductibleCents'),
        coinsuranceBps: whole(data, 'coinsuranceBps'),
        outOfPocketMaxCents: cents(data, 'outOfPocketMaxCents'),
        coveredCodes,
        timelyFilingDays: whole(data, 'timelyFilingDays'),
        paymentConsentRequired: data.has('paymentConsentRequired'),
        reviewThresholdCents: cents(data, 'reviewThresholdCents'),
      };
      const answer = await ctx.api.post('/plans', body);
      decode(Committed, answer);
      const committed = committedOf(answer);
      const plan = decode(Plan, committed.result);
      result.replaceChildren(
        committedNotice(`Published plan ${plan.planId} version ${plan.version}.`, committed),
        planView(plan),
      );
    },
  });
}

function lookupForm(ctx: PageContext, result: HTMLElement): HTMLElement {
  return form({
    label: 'View a plan',
    submit: 'View plan',
    fields: [
      h(
        'div',
        { class: 'grid' },
        field({ label: 'Plan ID', name: 'planId', required: true, value: ctx.params.planId }),
        field({
          label: 'Version (newest when empty)',
          name: 'version',
          attrs: { inputmode: 'numeric' },
        }),
      ),
    ],
    onSubmit: async (data) => {
      const planId = text(data, 'planId');
      if (planId === '') throw invalid('planId', 'is required');
      const answer = await ctx.api.get(`/plans/${encodeURIComponent(planId)}`, {
        version: optional(data, 'version'),
      });
      result.replaceChildren(planView(decode(Plan, answer)));
    },
  });
}

export function planSections(ctx: PageContext): { publish?: HTMLElement[]; lookup: HTMLElement[] } {
  const published = h('div', { 'aria-live': 'polite' });
  const found = h('div', { 'aria-live': 'polite' });
  const lookup = [lookupForm(ctx, found), found];
  if (ctx.user.role !== 'adjudicator') return { lookup };
  return { publish: [publishForm(ctx, published), published], lookup };
}
