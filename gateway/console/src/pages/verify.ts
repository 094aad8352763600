/**
 * Licence verification for every signed-in user: is licence N valid for a practitioner acting
 * at organisation O (today, or on a given day), why not, and every change of it with who made
 * it and why; and a practitioner's licences by practitioner ID. Opened with
 * #/verify-licence?licenceNumber=N&organisation=O it checks at once.
 */
import type { ConsolePage, PageContext } from '../contract.js';
import { failureBox, failureOfError, field, form, h, invalid } from '../ui.js';
import { optional, section, text } from '../widgets.js';
import { PROVIDERS } from './c2-claims-data.js';
import { historyView, practitionerView, verificationView } from './c2-licences.js';

async function verify(
  ctx: PageContext,
  out: HTMLElement,
  number: string,
  organisation: string,
  date?: string,
) {
  const [verdict, history] = await Promise.all([
    verificationView(ctx.api, number, organisation, date),
    // An unknown licence has no history (404): the verdict already says so.
    historyView(ctx.api, number).catch(() => h('p', { class: 'empty' }, 'No history.')),
  ]);
  out.replaceChildren(verdict, h('h3', {}, 'History'), history);
}

function verifyForm(ctx: PageContext, out: HTMLElement): HTMLElement {
  return form({
    label: 'Verify a licence',
    submit: 'Verify',
    fields: [
      h(
        'div',
        { class: 'grid' },
        field({
          label: 'Licence number',
          name: 'licenceNumber',
          required: true,
          value: ctx.params.licenceNumber,
        }),
        field({
          label: 'Organisation',
          name: 'organisation',
          choices: PROVIDERS,
          value: ctx.params.organisation,
          hint: 'Where the practitioner acts; a licence counts only at the organisation it names.',
        }),
        field({
          label: 'As of (optional)',
          name: 'date',
          type: 'date',
          hint: 'Today when left empty.',
        }),
      ),
    ],
    onSubmit: async (data) => {
      const number = text(data, 'licenceNumber');
      if (number === '') throw invalid('licenceNumber', 'is required');
      await verify(ctx, out, number, text(data, 'organisation'), optional(data, 'date'));
    },
  });
}

function practitionerForm(ctx: PageContext, out: HTMLElement): HTMLElement {
  return form({
    label: "A practitioner's licences",
    submit: 'Find licences',
    fields: [field({ label: 'Practitioner ID', name: 'practitionerId', required: true })],
    onSubmit: async (data) => {
      const id = text(data, 'practitionerId');
      if (id === '') throw invalid('practitionerId', 'is required');
      out.replaceChildren(await practitionerView(ctx.api, id));
    },
  });
}

export const pages: readonly ConsolePage[] = [
  {
    id: 'verify-licence',
    title: 'Verify a licence',
    roles: ['*'],
    render(view, ctx) {
      const result = h('div', { 'aria-live': 'polite' });
      const found = h('div', { 'aria-live': 'polite' });
      view.append(
        section('Licence', verifyForm(ctx, result), result),
        section('By practitioner', practitionerForm(ctx, found), found),
      );
      const { licenceNumber: number, organisation } = ctx.params;
      if (
        number !== undefined &&
        number !== '' &&
        organisation !== undefined &&
        organisation !== ''
      ) {
        verify(ctx, result, number, organisation).catch((err: unknown) =>
          result.replaceChildren(failureBox(failureOfError(err))),
        );
      }
    },
  },
];
