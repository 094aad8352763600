/**
 * The licensing board's page (credentialing officers): issue a licence, and renew, suspend,
 * reinstate or revoke one. Reasons are public on the ledger, so they are codes from a list;
 * the officer's note, if any, stays in the board's private data. After each change the licence
 * is shown as it now stands.
 */
import type { ConsolePage, PageContext } from '../contract.js';
import { field, form, h, invalid } from '../ui.js';
import { LICENCE_REASON_LABELS } from '../reason-codes.js';
import { optional, section, text } from '../widgets.js';
import { type CommittedAnswer, committedNotice, committedOf } from './common.js';
import { PROVIDERS } from './c2-claims-data.js';
import { Committed, decode } from './c2-decode.js';
import { Credential, LICENCE_TYPES, verificationView } from './c2-licences.js';

/** The licence as the change left it, verified at the organisation it names. */
async function showLicence(
  ctx: PageContext,
  out: HTMLElement,
  number: string,
  note: string,
  answer: CommittedAnswer,
) {
  const { organisation } = decode(Credential, answer.result);
  const link = h('button', { type: 'button', class: 'secondary' }, `History of ${number}`);
  link.addEventListener('click', () =>
    ctx.navigate('verify-licence', { licenceNumber: number, organisation }),
  );
  out.replaceChildren(
    committedNotice(note, answer),
    await verificationView(ctx.api, number, organisation),
    link,
  );
}

function issueForm(ctx: PageContext, out: HTMLElement): HTMLElement {
  const names = [
    'practitionerId',
    'licenceNumber',
    'licenceType',
    'organisation',
    'specialty',
    'jurisdiction',
  ];
  return form({
    label: 'Issue a licence',
    submit: 'Issue licence',
    fields: [
      h(
        'div',
        { class: 'grid' },
        field({ label: 'Practitioner ID', name: 'practitionerId', required: true }),
        field({ label: 'Licence number', name: 'licenceNumber', required: true }),
        field({
          label: 'Licence type',
          name: 'licenceType',
          choices: LICENCE_TYPES.map((t) => [t, t] as const),
        }),
        field({
          label: 'Organisation',
          name: 'organisation',
          choices: PROVIDERS,
          hint: 'Where the practitioner practises: the practitioner ID counts only there.',
        }),
        field({ label: 'Specialty', name: 'specialty', required: true }),
        field({ label: 'Jurisdiction', name: 'jurisdiction', required: true, hint: 'e.g. US-CA' }),
        field({ label: 'Valid from', name: 'validFrom', type: 'date', required: true }),
        field({ label: 'Valid to', name: 'validTo', type: 'date', required: true }),
      ),
    ],
    onSubmit: async (data) => {
      const body = Object.fromEntries(
        [...names, 'validFrom', 'validTo'].map((k) => [k, text(data, k)]),
      );
      const answer = await ctx.api.post('/credentials', body);
      decode(Committed, answer);
      const number = body.licenceNumber ?? '';
      await showLicence(ctx, out, number, `Licence ${number} issued.`, committedOf(answer));
    },
  });
}

const ACTIONS = [
  ['suspension', 'Suspend', 'suspended'],
  ['reinstatement', 'Reinstate', 'reinstated'],
  ['renewal', 'Renew', 'renewed'],
  ['revocation', 'Revoke (final)', 'revoked'],
] as const;

function changeForm(ctx: PageContext, out: HTMLElement): HTMLElement {
  return form({
    label: 'Change a licence',
    submit: 'Apply change',
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
        field({ label: 'Change', name: 'action', choices: ACTIONS.map(([v, l]) => [v, l]) }),
        field({
          label: 'Reason',
          name: 'reason',
          choices: [['', 'Choose a reason'], ...LICENCE_REASON_LABELS],
          hint: 'To suspend or revoke. Public on the ledger.',
        }),
        field({
          label: 'Note (private)',
          name: 'note',
          rows: 2,
          attrs: { maxlength: '2000' },
          hint: 'Optional, to suspend or revoke. Kept only in the board’s private data.',
        }),
        field({ label: 'New valid from', name: 'validFrom', type: 'date', hint: 'To renew.' }),
        field({ label: 'New valid to', name: 'validTo', type: 'date', hint: 'To renew.' }),
      ),
    ],
    onSubmit: async (data) => {
      const number = text(data, 'licenceNumber');
      if (number === '') throw invalid('licenceNumber', 'is required');
      const action = ACTIONS.find(([v]) => v === text(data, 'action')) ?? ACTIONS[0];
      const [kind, , done] = action;
      const body =
        kind === 'suspension' || kind === 'revocation'
          ? { reason: text(data, 'reason'), note: optional(data, 'note') }
          : kind === 'renewal'
            ? { validFrom: text(data, 'validFrom'), validTo: text(data, 'validTo') }
            : undefined;
      const url = `/credentials/${encodeURIComponent(number)}/${kind}`;
      const answer = await ctx.api.post(url, body);
      decode(Committed, answer);
      await showLicence(ctx, out, number, `Licence ${number} ${done}.`, committedOf(answer));
    },
  });
}

export const pages: readonly ConsolePage[] = [
  {
    id: 'licences',
    title: 'Licences',
    roles: ['credentialing-officer'],
    render(view, ctx) {
      const changed = h('div', { 'aria-live': 'polite' });
      const issued = h('div', { 'aria-live': 'polite' });
      view.append(
        section('Change a licence', changeForm(ctx, changed), changed),
        section('Issue a licence', issueForm(ctx, issued), issued),
      );
    },
  },
];
