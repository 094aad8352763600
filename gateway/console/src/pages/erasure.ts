/**
 * Erasure of a patient's private data. There is no "request" transaction on the ledger: the
 * registrar of the provider that registered the patient erases, on the patient's request, with
 * the endorsement of every organisation that holds their data (public tombstones stay, so the
 * audit trail survives). The patient's page explains this and shows their registration; the
 * registrar's page checks the endorsers and carries the erasure out.
 */
import { isRecord } from '../api.js';
import type { ConsolePage, PageContext } from '../contract.js';
import { form, h, invalid, patientIdField } from '../ui.js';
import { badge, facts, section, text, when } from '../widgets.js';
import { committedNotice, committedOf, load, path, patientIdOf, str } from './common.js';

function patientView(view: HTMLElement, ctx: PageContext): void {
  const patientId = patientIdOf(ctx);
  const registration = h('div');
  const draw = async () => {
    const p = await ctx.api.get(path`/patients/${patientId}`);
    const reg = isRecord(p) ? p : {};
    return facts([
      ['Your patient ID', patientId],
      ['Registered by', str(reg.registeredBy)],
      ['Registered', when(str(reg.registeredAt))],
      ['Status', badge(str(reg.status))],
      ['Erased', reg.erasedAt === undefined ? undefined : when(str(reg.erasedAt))],
    ]);
  };
  view.append(
    h(
      'p',
      {},
      'You may ask for your personal data to be erased: your demographics and the content of your records are then removed from every organisation that keeps them.',
    ),
    h(
      'p',
      {},
      'What stays: the public entries (pseudonymous IDs, dates and fingerprints), so the record of who did what remains verifiable. Nothing in them identifies you.',
    ),
    section(
      'How to request it',
      h(
        'ol',
        {},
        h(
          'li',
          {},
          'Ask the front desk (registrar) of the provider that registered you, shown below. They check that the request is yours.',
        ),
        h(
          'li',
          {},
          'The registrar carries out the erasure from their console; the organisations that hold your data endorse it on the ledger.',
        ),
        h('li', {}, 'This page then shows your status as "erased".'),
      ),
      h(
        'p',
        { class: 'hint' },
        'The ledger accepts an erasure only from that registrar, so this console cannot send it for you.',
      ),
    ),
    section('Your registration', registration),
  );
  void load(registration, draw);
  ctx.onEvents(['PatientErased'], (event) => {
    if (event.payload.patientId === patientId) void load(registration, draw);
  });
}

function registrarView(view: HTMLElement, ctx: PageContext): void {
  const result = h('div');
  const endorsers = h('div');
  const check = form({
    label: 'Check who must endorse an erasure',
    submit: 'Check endorsers',
    fields: [patientIdField(ctx.params.patientId)],
    onSubmit: async (data) => {
      const patientId = text(data, 'patientId');
      const answer = await ctx.api.get(path`/patients/${patientId}/erasure/endorsers`);
      const msps = Array.isArray(answer) ? answer.map(str) : [];
      endorsers.replaceChildren(
        h(
          'p',
          {},
          `Erasing ${patientId} needs the endorsement of: ${msps.join(', ')} (each custodian erases its own copy).`,
        ),
        eraseForm(ctx, patientId, result),
      );
    },
  });
  view.append(
    h(
      'p',
      {},
      "Erase a patient's private data at their request. Public tombstones remain; this cannot be undone.",
    ),
    check,
    endorsers,
    result,
  );
}

function eraseForm(ctx: PageContext, patientId: string, result: HTMLElement): HTMLFormElement {
  return form({
    label: `Erase ${patientId}`,
    submit: `Erase ${patientId}`,
    fields: [
      h(
        'div',
        { class: 'field checks' },
        h(
          'label',
          {},
          h('input', { type: 'checkbox', name: 'confirmed', required: true }),
          'The patient asked for erasure and I checked their identity',
        ),
      ),
    ],
    onSubmit: async (data) => {
      if (data.get('confirmed') === null) {
        throw invalid('confirmed', 'confirm that the patient asked for it');
      }
      const answer = committedOf(await ctx.api.post(path`/patients/${patientId}/erasure`));
      result.replaceChildren(committedNotice(`The data of ${patientId} was erased.`, answer));
    },
  });
}

export const requestErasurePage: ConsolePage = {
  id: 'erasure',
  title: 'Request erasure',
  roles: ['patient'],
  render: patientView,
};

export const erasePatientPage: ConsolePage = {
  id: 'erase-patient',
  title: 'Erase a patient',
  roles: ['registrar'],
  render: registrarView,
};
