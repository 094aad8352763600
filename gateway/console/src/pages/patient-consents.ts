/**
 * The patient's consents: grant one to an organisation or a practitioner (scope, purpose,
 * dates), see them all, revoke one. The list follows ConsentGranted/ConsentRevoked events, so
 * a change made elsewhere (another tab, the front desk) shows without reloading.
 */
import type { ConsolePage, PageContext } from '../contract.js';
import { field, form, h, invalid } from '../ui.js';
import { section, text } from '../widgets.js';
import {
  CATEGORIES,
  ORGANISATIONS,
  PURPOSES,
  committedNotice,
  committedOf,
  liveNote,
  load,
  path,
  patientIdOf,
} from './common.js';
import { consentsTable, type ConsentRow } from './consents-table.js';

/** YYYY-MM-DD (UTC) OFFSET days from today. */
function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

function grantForm(
  ctx: PageContext,
  patientId: string,
  done: (note: HTMLElement) => void,
): HTMLFormElement {
  const kind = field({
    label: 'Grant to',
    name: 'grantee.kind',
    choices: [
      ['organisation', 'An organisation'],
      ['practitioner', 'A practitioner'],
    ],
  });
  const org = field({
    label: 'Organisation',
    name: 'grantee.mspId',
    choices: ORGANISATIONS,
    value: 'ProviderBMSP',
  });
  const practitioner = field({
    label: 'Practitioner ID',
    name: 'grantee.practitionerId',
    hint: 'As the practitioner gave it to you, e.g. pr-b-phys1.',
  });
  practitioner.hidden = true;
  kind.querySelector('select')?.addEventListener('change', (event) => {
    const toPractitioner =
      event.target instanceof HTMLSelectElement && event.target.value === 'practitioner';
    // A practitioner ID counts only within their organisation: the organisation stays asked.
    practitioner.hidden = !toPractitioner;
  });
  const categories = h(
    'fieldset',
    { class: 'checks' },
    h('legend', {}, 'Which records'),
    ...[['all', 'All my records'] as const, ...CATEGORIES].map(([value, label]) =>
      h(
        'label',
        {},
        h('input', { type: 'checkbox', name: 'scope', value, checked: value === 'all' }),
        label,
      ),
    ),
  );
  return form({
    label: 'Grant consent',
    submit: 'Grant consent',
    fields: [
      h('div', { class: 'grid' }, kind, org, practitioner),
      categories,
      h(
        'div',
        { class: 'grid' },
        field({ label: 'Purpose', name: 'purpose', choices: PURPOSES }),
        field({
          label: 'Valid from',
          name: 'validFrom',
          type: 'date',
          required: true,
          value: day(0),
        }),
        field({
          label: 'Valid until',
          name: 'validTo',
          type: 'date',
          required: true,
          value: day(365),
        }),
      ),
    ],
    onSubmit: async (data, element) => {
      const grantee =
        text(data, 'grantee.kind') === 'practitioner'
          ? {
              kind: 'practitioner',
              mspId: text(data, 'grantee.mspId'),
              practitionerId: text(data, 'grantee.practitionerId'),
            }
          : { kind: 'organisation', mspId: text(data, 'grantee.mspId') };
      const chosen = data.getAll('scope').map(String);
      if (chosen.length === 0) throw invalid('scope', 'choose all records or at least one kind');
      const [from, to] = [text(data, 'validFrom'), text(data, 'validTo')];
      if (from === '') throw invalid('validFrom', 'must be a date');
      if (to === '') throw invalid('validTo', 'must be a date');
      const answer = committedOf(
        await ctx.api.post('/consents', {
          patientId,
          grantee,
          scope: chosen.includes('all') ? 'all' : chosen,
          purpose: text(data, 'purpose'),
          // Whole days: from the start of the first to the end of the last (UTC).
          validFrom: `${from}T00:00:00Z`,
          validTo: `${to}T23:59:59Z`,
        }),
      );
      element.reset();
      // reset() puts the selects back but not the fields they showed or hid.
      kind.querySelector('select')?.dispatchEvent(new Event('change'));
      done(committedNotice('Consent granted.', answer));
    },
  });
}

function render(view: HTMLElement, ctx: PageContext): void {
  const patientId = patientIdOf(ctx);
  const result = h('div', { class: 'result' });
  const live = liveNote();
  const list = h('div');
  const refresh = (): Promise<void> =>
    load(list, async () => {
      const answer = await ctx.api.get(path`/patients/${patientId}/consents`);
      return consentsTable(answer, revoke);
    });
  const revoke = async (row: ConsentRow): Promise<void> => {
    const answer = committedOf(
      await ctx.api.post(path`/patients/${patientId}/consents/${row.consentId}/revocation`),
    );
    result.replaceChildren(committedNotice(`Consent to ${row.grantee} revoked.`, answer));
    await refresh();
  };
  view.append(
    h(
      'p',
      {},
      'Who may read your records besides your own provider, for what, and until when. Revoking takes effect at once.',
    ),
    section(
      'Grant a consent',
      grantForm(ctx, patientId, (note) => {
        result.replaceChildren(note);
        void refresh();
      }),
    ),
    result,
    section('My consents', live.element, list),
  );
  void refresh();
  ctx.onEvents(['ConsentGranted', 'ConsentRevoked'], (event) => {
    if (event.payload.patientId !== patientId) return;
    const what = event.eventName === 'ConsentGranted' ? 'granted' : 'revoked';
    live.say(`Updated live: a consent was ${what} (block ${event.blockNumber}).`);
    void refresh();
  });
}

export const myConsentsPage: ConsolePage = {
  id: 'my-consents',
  title: 'My consents',
  roles: ['patient'],
  render,
};
