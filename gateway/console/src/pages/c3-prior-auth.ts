/**
 * Prior authorisations (insurer's adjudicator or admin, as POST /prior-authorisations allows):
 * the insurer records that a patient may receive a service code within a date window. A
 * claim line whose code the plan marks "needs prior authorisation" is approved only when one
 * covers its service date (docs/CLAIMS.md); otherwise it is denied with NO_PRIOR_AUTH.
 */
import type { ConsolePage, PageContext } from '../contract.js';
import { field, form, h, patientIdField } from '../ui.js';
import { notice, section, text, when } from '../widgets.js';
import { committedNotice, committedOf } from './common.js';

const INSURER = 'InsurerMSP';

/** A date DAYS from today as yyyy-mm-dd (UTC, like the ledger's dates). */
function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

function newAuthId(): string {
  return `pa-${Date.now().toString(36)}`;
}

function render(view: HTMLElement, ctx: PageContext): void {
  // The route lets every organisation's admin in by role; the chaincode only the insurer's.
  if (ctx.user.mspId !== INSURER) {
    view.append(notice('Only the insurer records prior authorisations.', 'info'));
    return;
  }
  const result = h('div');
  const record = form({
    label: 'Record a prior authorisation',
    submit: 'Record authorisation',
    fields: [
      h(
        'div',
        { class: 'grid' },
        field({ label: 'Authorisation ID', name: 'authId', required: true, value: newAuthId() }),
        patientIdField(ctx.params.patientId),
        field({
          label: 'Service code',
          name: 'code',
          required: true,
          hint: 'The code the plan marks as needing authorisation, e.g. 70553',
        }),
        field({
          label: 'Valid from',
          name: 'validFrom',
          type: 'date',
          required: true,
          value: dayFromToday(0),
        }),
        field({
          label: 'Valid to',
          name: 'validTo',
          type: 'date',
          required: true,
          value: dayFromToday(90),
        }),
      ),
    ],
    onSubmit: async (data, element) => {
      const auth = {
        authId: text(data, 'authId'),
        patientId: text(data, 'patientId'),
        code: text(data, 'code'),
        validFrom: text(data, 'validFrom'),
        validTo: text(data, 'validTo'),
      };
      const answer = committedOf(await ctx.api.post('/prior-authorisations', auth));
      result.replaceChildren(
        committedNotice(
          `Prior authorisation ${auth.authId} recorded: ${auth.patientId} may receive ` +
            `${auth.code} from ${when(auth.validFrom)} to ${when(auth.validTo)}.`,
          answer,
        ),
      );
      const id = element.elements.namedItem('authId');
      if (id instanceof HTMLInputElement) id.value = newAuthId();
    },
  });
  view.append(
    h(
      'p',
      {},
      'A claim line whose code needs prior authorisation is approved only when an ' +
        'authorisation of its patient and code covers the service date.',
    ),
    section('Record a prior authorisation', record, result),
  );
}

export const pages: readonly ConsolePage[] = [
  {
    id: 'prior-authorisations',
    title: 'Prior authorisations',
    roles: ['adjudicator', 'admin'],
    render,
  },
];
