/**
 * The insurer's intake desk: enrol a patient in a plan (the member number is PHI and goes in
 * the request body only, which the gateway puts in the transient map), and submit a claim on
 * a provider's behalf, naming the provider. The chaincode adjudicates the claim at once.
 */
import type { PageContext } from '../contract.js';
import { field, form, h, invalid, patientIdField } from '../ui.js';
import { centsIn, text } from '../widgets.js';
import { committedNotice, committedOf } from './common.js';
import { PROVIDERS } from './c2-claims-data.js';
import { decode, int, object, str } from './c2-decode.js';

const Enrolled = object({ result: object({ enrolmentId: str }), blockNumber: int });
const Submitted = object({ result: object({ claimId: str, status: str }) });

export function enrolForm(ctx: PageContext, result: HTMLElement): HTMLElement {
  return form({
    label: 'Enrol a member',
    submit: 'Enrol member',
    fields: [
      h(
        'div',
        { class: 'grid' },
        patientIdField(),
        field({ label: 'Plan ID', name: 'planId', required: true }),
        field({ label: 'Member number', name: 'memberNumber', required: true }),
        field({ label: 'Coverage from', name: 'coverageFrom', type: 'date', required: true }),
        field({ label: 'Coverage to', name: 'coverageTo', type: 'date', required: true }),
      ),
    ],
    onSubmit: async (data, element) => {
      const body = Object.fromEntries(
        ['patientId', 'planId', 'memberNumber', 'coverageFrom', 'coverageTo'].map((k) => [
          k,
          text(data, k),
        ]),
      );
      const raw = await ctx.api.post('/members', body);
      const answer = decode(Enrolled, raw);
      element.reset();
      result.replaceChildren(
        committedNotice(
          `Enrolled ${body.patientId ?? ''} (enrolment ${answer.result.enrolmentId}).`,
          committedOf(raw),
        ),
      );
    },
  });
}

function claimLine(index: number): HTMLElement {
  const n = index + 1;
  return h(
    'fieldset',
    {},
    h('legend', {}, `Line ${n}`),
    h(
      'div',
      { class: 'grid' },
      field({ label: `Line ${n} service code`, name: `lines.${index}.code`, required: true }),
      field({
        label: `Line ${n} units`,
        name: `lines.${index}.units`,
        value: '1',
        attrs: { inputmode: 'numeric' },
      }),
      field({
        label: `Line ${n} charge ($)`,
        name: `lines.${index}.chargeCents`,
        required: true,
        attrs: { inputmode: 'decimal' },
      }),
    ),
  );
}

export function intakeClaimForm(ctx: PageContext, result: HTMLElement): HTMLElement {
  const lines = h('div', {}, claimLine(0));
  let count = 1;
  const add = h('button', { type: 'button', class: 'secondary' }, 'Add a line');
  add.addEventListener('click', () => {
    lines.append(claimLine(count));
    count += 1;
  });
  return form({
    label: 'Submit a claim for a provider',
    submit: 'Submit claim',
    fields: [
      h(
        'div',
        { class: 'grid' },
        field({
          label: 'Provider',
          name: 'providerMsp',
          choices: PROVIDERS.map(([v, l]) => [v, l] as const),
        }),
        field({ label: 'Claim ID', name: 'claimId', required: true }),
        patientIdField(),
        field({
          label: 'Rendering practitioner ID',
          name: 'renderingPractitionerId',
          required: true,
        }),
        field({ label: 'Service date', name: 'serviceDate', type: 'date', required: true }),
        field({
          label: 'Diagnosis codes',
          name: 'diagnosisCodes',
          required: true,
          hint: 'Separated by commas, e.g. J10.1, E11.9',
        }),
      ),
      lines,
      h('div', { class: 'actions c2-add' }, add),
    ],
    onSubmit: async (data) => {
      const claimLines = Array.from({ length: count }, (_, i) => {
        const units = text(data, `lines.${i}.units`);
        if (!/^\d{1,4}$/.test(units)) throw invalid(`lines.${i}.units`, 'must be a whole number');
        const chargeCents = centsIn(data, `lines.${i}.chargeCents`);
        return { code: text(data, `lines.${i}.code`), units: Number(units), chargeCents };
      });
      const body = {
        claimId: text(data, 'claimId'),
        patientId: text(data, 'patientId'),
        providerMsp: text(data, 'providerMsp'),
        renderingPractitionerId: text(data, 'renderingPractitionerId'),
        serviceDate: text(data, 'serviceDate'),
        diagnosisCodes: text(data, 'diagnosisCodes')
          .split(',')
          .map((c) => c.trim())
          .filter((c) => c !== ''),
        lines: claimLines,
      };
      const raw = await ctx.api.post('/claims', body);
      const answer = decode(Submitted, raw);
      result.replaceChildren(
        committedNotice(
          `Claim ${answer.result.claimId} submitted: ${answer.result.status}.`,
          committedOf(raw),
        ),
      );
    },
  });
}
