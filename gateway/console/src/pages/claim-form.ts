/**
 * The provider's claim form: patient, rendering practitioner, service date, diagnosis codes
 * and up to three service lines. The contents are PHI (the gateway sends them in the
 * transient map); amounts are typed in dollars and sent as integer cents.
 */
import type { PageContext } from '../contract.js';
import { field, form, h, patientIdField } from '../ui.js';
import { centsIn, text } from '../widgets.js';
import { committedOf, type CommittedAnswer } from './common.js';

const LINES = 3;

function lineFields(i: number): HTMLElement {
  const n = `lines.${i}`;
  return h(
    'fieldset',
    {},
    h('legend', {}, `Service line ${i + 1}${i === 0 ? '' : ' (optional)'}`),
    h(
      'div',
      { class: 'grid' },
      field({
        label: `Line ${i + 1} service code`,
        name: `${n}.code`,
        required: i === 0,
        hint: i === 0 ? 'e.g. 99213' : undefined,
      }),
      field({
        label: `Line ${i + 1} units`,
        name: `${n}.units`,
        type: 'number',
        value: '1',
        attrs: { min: '1', step: '1' },
      }),
      field({
        label: `Line ${i + 1} charge (USD)`,
        name: `${n}.chargeCents`,
        attrs: { inputmode: 'decimal' },
      }),
    ),
  );
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function claimForm(
  ctx: PageContext,
  submitted: (claimId: string, answer: CommittedAnswer) => void,
): HTMLFormElement {
  return form({
    label: 'Submit a claim',
    submit: 'Submit claim',
    fields: [
      h(
        'div',
        { class: 'grid' },
        field({
          label: 'Claim ID',
          name: 'claimId',
          required: true,
          value: `clm-${Date.now().toString(36)}`,
        }),
        patientIdField(ctx.params.patientId),
        field({
          label: 'Rendering practitioner ID',
          name: 'renderingPractitionerId',
          required: true,
          value: ctx.user.practitionerId,
        }),
        field({
          label: 'Service date',
          name: 'serviceDate',
          type: 'date',
          required: true,
          value: today(),
        }),
        field({
          label: 'Diagnosis codes',
          name: 'diagnosisCodes',
          required: true,
          hint: 'ICD-10 codes separated by commas, e.g. J10.1',
        }),
      ),
      ...Array.from({ length: LINES }, (_, i) => lineFields(i)),
    ],
    onSubmit: async (data, element) => {
      const lines = [];
      for (let i = 0; i < LINES; i += 1) {
        const code = text(data, `lines.${i}.code`);
        if (code === '' && i > 0) continue;
        lines.push({
          code,
          units: Number(text(data, `lines.${i}.units`) || '1'),
          chargeCents: centsIn(data, `lines.${i}.chargeCents`),
        });
      }
      const claimId = text(data, 'claimId');
      const answer = committedOf(
        await ctx.api.post('/claims', {
          claimId,
          patientId: text(data, 'patientId'),
          renderingPractitionerId: text(data, 'renderingPractitionerId'),
          serviceDate: text(data, 'serviceDate'),
          diagnosisCodes: text(data, 'diagnosisCodes')
            .split(',')
            .map((c) => c.trim())
            .filter((c) => c !== ''),
          lines,
        }),
      );
      element.reset();
      const id = element.elements.namedItem('claimId');
      if (id instanceof HTMLInputElement) id.value = `clm-${Date.now().toString(36)}`;
      submitted(claimId, answer);
    },
  });
}
