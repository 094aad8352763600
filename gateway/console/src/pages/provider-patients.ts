/**
 * The front of a provider's work with a patient: find one by their pseudonymous ID (the public
 * registration, then the records the caller may see) and, for registrars, register one with
 * their demographics (PHI, which the gateway sends in the transient map only).
 */
import { isRecord } from '../api.js';
import type { ConsolePage, PageContext } from '../contract.js';
import { failureBox, failureOfError, field, form, h, patientIdField } from '../ui.js';
import { badge, facts, optional, section, text, when } from '../widgets.js';
import { committedNotice, committedOf, path, str } from './common.js';
import { recordsRegion } from './records-list.js';

async function showPatient(ctx: PageContext, patientId: string, into: HTMLElement): Promise<void> {
  const answer = await ctx.api.get(path`/patients/${patientId}`);
  const p = isRecord(answer) ? answer : {};
  const actions = h('div', { class: 'actions' });
  const go = (label: string, page: string): void => {
    const button = h('button', { type: 'button', class: 'secondary' }, label);
    button.addEventListener('click', () => ctx.navigate(page, { patientId }));
    actions.append(button);
  };
  if (['physician', 'nurse'].includes(ctx.user.role)) go('Add a record', 'add-record');
  if (ctx.user.role === 'physician') go('Emergency access', 'emergency-access');
  if (['physician', 'registrar'].includes(ctx.user.role)) go('Submit a claim', 'claims');
  into.replaceChildren(
    section(
      `Patient ${patientId}`,
      facts([
        ['Registered by', str(p.registeredBy)],
        ['Registered', when(str(p.registeredAt))],
        ['Status', badge(str(p.status))],
      ]),
      actions,
      h('h3', {}, 'Records you may see'),
      recordsRegion(ctx, patientId),
    ),
  );
}

function findView(view: HTMLElement, ctx: PageContext): void {
  const result = h('div');
  view.append(
    form({
      label: 'Find a patient',
      submit: 'Find patient',
      fields: [
        patientIdField(ctx.params.patientId, {
          type: 'search',
          hint: 'The pseudonym the ledger made at registration, e.g. pat-3f9c… Names are never on the ledger.',
        }),
      ],
      onSubmit: async (data) => {
        result.replaceChildren();
        await showPatient(ctx, text(data, 'patientId'), result);
      },
    }),
    result,
  );
  const opened = ctx.params.patientId;
  if (opened !== undefined) {
    showPatient(ctx, opened, result).catch((err: unknown) =>
      result.replaceChildren(failureBox(failureOfError(err))),
    );
  }
}

function registerView(view: HTMLElement, ctx: PageContext): void {
  const result = h('div');
  const d = (label: string, name: string, extra: Partial<Parameters<typeof field>[0]> = {}) =>
    field({ label, name: `demographics.${name}`, ...extra });
  view.append(
    h(
      'p',
      {},
      'The demographics stay in this provider’s private data; the ledger keeps only the pseudonym, which the ledger makes for you, and a salted fingerprint. Give the patient their pseudonym once registered.',
    ),
    form({
      label: 'Register a patient',
      submit: 'Register patient',
      fields: [
        h(
          'fieldset',
          {},
          h('legend', {}, 'Demographics'),
          h(
            'div',
            { class: 'grid' },
            d('Medical record number', 'mrn', { required: true }),
            d('Given name', 'givenName', { required: true, attrs: { autocomplete: 'off' } }),
            d('Family name', 'familyName', { required: true, attrs: { autocomplete: 'off' } }),
            d('Birth date', 'birthDate', { type: 'date', required: true }),
            d('Sex', 'sex', {
              choices: [
                ['', 'Not given'],
                ['female', 'Female'],
                ['male', 'Male'],
                ['other', 'Other'],
                ['unknown', 'Unknown'],
              ],
            }),
            d('Phone', 'phone', { attrs: { autocomplete: 'off' } }),
          ),
          d('Address', 'address', { attrs: { autocomplete: 'off' } }),
        ),
      ],
      onSubmit: async (data, element) => {
        const answer = committedOf(
          await ctx.api.post('/patients', {
            demographics: {
              mrn: text(data, 'demographics.mrn'),
              givenName: text(data, 'demographics.givenName'),
              familyName: text(data, 'demographics.familyName'),
              birthDate: text(data, 'demographics.birthDate'),
              sex: optional(data, 'demographics.sex'),
              phone: optional(data, 'demographics.phone'),
              address: optional(data, 'demographics.address'),
            },
          }),
        );
        // The pseudonym is the ledger's, not typed here: show the one it made.
        const patientId = str(answer.result.patientId);
        element.reset();
        const open = h('button', { type: 'button', class: 'secondary' }, `Open ${patientId}`);
        open.addEventListener('click', () => ctx.navigate('find-patient', { patientId }));
        const notice = committedNotice(`Patient ${patientId} registered.`, answer);
        notice.dataset.patientId = patientId;
        result.replaceChildren(notice, open);
      },
    }),
    result,
  );
}

export const findPatientPage: ConsolePage = {
  id: 'find-patient',
  title: 'Find a patient',
  roles: ['physician', 'nurse', 'registrar'],
  render: findView,
};

export const registerPatientPage: ConsolePage = {
  id: 'register-patient',
  title: 'Register a patient',
  roles: ['registrar'],
  render: registerView,
};
