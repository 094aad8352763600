/**
 * "Break the glass": a licensed physician declares an emergency access to a patient, with a
 * reason, and may then read the patient's records for treatment for 60 minutes. The reason is
 * public on the ledger for ever, so the form says plainly what must not be in it.
 */
import type { ConsolePage, PageContext } from '../contract.js';
import { field, form, h, patientIdField } from '../ui.js';
import { text, when } from '../widgets.js';
import { committedNotice, committedOf, str } from './common.js';

function render(view: HTMLElement, ctx: PageContext): void {
  const result = h('div');
  view.append(
    h(
      'p',
      {},
      'For an emergency when the patient cannot consent. The access lasts 60 minutes, covers every record for treatment, and the patient sees it marked as an emergency.',
    ),
    form({
      label: 'Declare emergency access',
      submit: 'Declare emergency access',
      fields: [
        patientIdField(ctx.params.patientId),
        field({
          label: 'Reason',
          name: 'reason',
          rows: 3,
          required: true,
          attrs: { maxlength: '500' },
          hint: 'Public on the ledger for ever: say why (e.g. "unconscious on arrival, ED"). No names, birth dates or diagnoses.',
        }),
      ],
      onSubmit: async (data, element) => {
        const patientId = text(data, 'patientId');
        const answer = committedOf(
          await ctx.api.post('/emergency-access', { patientId, reason: text(data, 'reason') }),
        );
        element.reset();
        const records = h(
          'button',
          { type: 'button', class: 'secondary' },
          `Open ${patientId}'s records`,
        );
        records.addEventListener('click', () => ctx.navigate('find-patient', { patientId }));
        result.replaceChildren(
          committedNotice(
            `Emergency access to ${patientId} until ${when(str(answer.result.expiresAt))}.`,
            answer,
          ),
          records,
        );
      },
    }),
    result,
  );
}

export const emergencyPage: ConsolePage = {
  id: 'emergency-access',
  title: 'Emergency access',
  roles: ['physician'],
  render,
};
