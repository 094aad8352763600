/**
 * A physician or nurse files a clinical record for a patient: a form for the common resources
 * or JSON for any FHIR resource, optionally as a correction of an existing record. The
 * resource is PHI: it goes in the request body, which the gateway puts in the transient map.
 */
import { isRecord } from '../api.js';
import type { ConsolePage, PageContext } from '../contract.js';
import { field, form, h, patientIdField } from '../ui.js';
import { optional, text } from '../widgets.js';
import { committedNotice, committedOf, path, str } from './common.js';
import { RESOURCE_FORMS } from './fhir-forms.js';

function render(view: HTMLElement, ctx: PageContext): void {
  const result = h('div');
  const kinds = Object.entries(RESOURCE_FORMS).map(([key, f]) => [key, f.label] as const);
  const kind = field({ label: 'Kind of record', name: 'kind', choices: kinds });
  const specific = h('div', { class: 'grid' });
  const select = kind.querySelector('select');
  const drawSpecific = (): void => {
    specific.replaceChildren(
      ...(RESOURCE_FORMS[select?.value ?? 'Observation']?.fields() ?? []).filter(
        (c): c is Node => c instanceof Node,
      ),
    );
  };
  select?.addEventListener('change', drawSpecific);
  drawSpecific();
  view.append(
    form({
      label: 'Add a record',
      submit: 'Add record',
      fields: [
        h(
          'div',
          { class: 'grid' },
          patientIdField(ctx.params.patientId),
          kind,
          field({
            label: 'Corrects record (optional)',
            name: 'replaces',
            hint: 'The record ID this version corrects.',
          }),
        ),
        specific,
      ],
      onSubmit: async (data) => {
        const chosen = RESOURCE_FORMS[text(data, 'kind')];
        if (chosen === undefined) return;
        const patientId = text(data, 'patientId');
        const answer = committedOf(
          await ctx.api.post(path`/patients/${patientId}/records`, {
            resource: chosen.build(data),
            replaces: optional(data, 'replaces'),
          }),
        );
        const recordId = isRecord(answer.result) ? str(answer.result.recordId) : '';
        const open = h('button', { type: 'button', class: 'secondary' }, `Read ${recordId}`);
        open.addEventListener('click', () => ctx.navigate('read-record', { recordId }));
        result.replaceChildren(
          committedNotice(`Record ${recordId} added for ${patientId}.`, answer),
          open,
        );
      },
    }),
    result,
  );
}

export const addRecordPage: ConsolePage = {
  id: 'add-record',
  title: 'Add a record',
  roles: ['physician', 'nurse'],
  render,
};
