/**
 * "Break the glass": a licensed physician declares an emergency access to a patient, with a
 * reason, and may then read the patient's records for treatment for 60 minutes. The reason is
 * public on the ledger for ever, so it is picked from a list of codes; anything more goes in an
 * optional note that only the patient's registering provider keeps.
 */
import type { ConsolePage, PageContext } from '../contract.js';
import { field, form, h, patientIdField } from '../ui.js';
import { EMERGENCY_REASON_LABELS } from '../reason-codes.js';
import { optional, text, when } from '../widgets.js';
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
          required: true,
          choices: [['', 'Choose a reason'], ...EMERGENCY_REASON_LABELS],
          hint: 'Public on the ledger for ever, and shown to the patient.',
        }),
        field({
          label: 'Note (private)',
          name: 'note',
          rows: 3,
          attrs: { maxlength: '2000' },
          hint: 'Optional. Kept only by the patient’s registering provider, never on the public ledger.',
        }),
      ],
      onSubmit: async (data, element) => {
        const patientId = text(data, 'patientId');
        const answer = committedOf(
          await ctx.api.post('/emergency-access', {
            patientId,
            reason: text(data, 'reason'),
            note: optional(data, 'note'),
          }),
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
