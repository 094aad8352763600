/**
 * Reading one record's content, for the patient and for practitioners. The gateway logs the
 * access on the ledger first and only then reads, so the page says so before the button; the
 * access entry's block is shown with the content. A refusal (no consent, credential
 * suspended) appears as an alert in the form.
 */
import { isRecord } from '../api.js';
import type { ConsolePage, PageContext } from '../contract.js';
import { field, form, h } from '../ui.js';
import { badge, facts, section, text, when } from '../widgets.js';
import { PURPOSES, path, str } from './common.js';

function render(view: HTMLElement, ctx: PageContext): void {
  const result = h('div', { class: 'record-result' });
  const readForm = form({
    label: 'Read a record',
    submit: 'Read record',
    fields: [
      h(
        'p',
        { class: 'hint' },
        'Reading is recorded on the ledger before the content is shown: the patient sees who read what, when and why.',
      ),
      h(
        'div',
        { class: 'grid' },
        field({ label: 'Record ID', name: 'recordId', required: true, value: ctx.params.recordId }),
        field({ label: 'Purpose', name: 'purpose', choices: PURPOSES, value: 'treatment' }),
      ),
    ],
    onSubmit: async (data) => {
      result.replaceChildren();
      const recordId = text(data, 'recordId');
      const answer = await ctx.api.get(path`/records/${recordId}`, {
        purpose: text(data, 'purpose'),
      });
      result.replaceChildren(showRecord(answer));
      result.querySelector('h2')?.focus();
    },
  });
  view.append(readForm, result);
}

/** The metadata, the access entry and the FHIR resource of a read. */
export function showRecord(answer: unknown): HTMLElement {
  const body = isRecord(answer) ? answer : {};
  const meta = isRecord(body.metadata) ? body.metadata : {};
  const access = isRecord(body.access) ? body.access : {};
  const resource = isRecord(body.resource) ? body.resource : {};
  const heading = section(
    `Record ${str(meta.recordId)}`,
    facts([
      ['Type', str(meta.resourceType)],
      ['Category', str(meta.category)],
      ['Version', str(meta.version)],
      ['Written by', `${str(meta.authorPractitionerId)} (${str(meta.authorMsp)})`],
      ['Written at', when(str(meta.createdAt))],
      ['Status', badge(str(meta.status) || 'active')],
      [
        'This read was logged',
        `access ${str(access.accessId)} in block ${str(access.blockNumber)}`,
      ],
    ]),
    h('h3', {}, 'Summary'),
    h('p', { class: 'summary' }, summaryOf(resource)),
    h('h3', {}, 'FHIR resource'),
    h(
      'pre',
      { class: 'resource', tabindex: '0', 'aria-label': 'FHIR resource JSON' },
      JSON.stringify(resource, null, 2),
    ),
  );
  heading.querySelector('h2')?.setAttribute('tabindex', '-1');
  return heading;
}

/** One line a person can read: "Observation: heart rate = 72 beats/min". */
export function summaryOf(resource: Record<string, unknown>): string {
  const concept = (value: unknown): string => {
    if (!isRecord(value)) return '';
    if (typeof value.text === 'string') return value.text;
    const first = Array.isArray(value.coding) ? value.coding.find(isRecord) : undefined;
    return first === undefined ? '' : str(first.display) || str(first.code);
  };
  const type = str(resource.resourceType);
  const what = concept(resource.code) || concept(resource.medicationCodeableConcept);
  const quantity = isRecord(resource.valueQuantity) ? resource.valueQuantity : undefined;
  const value =
    quantity !== undefined
      ? `${str(quantity.value)} ${str(quantity.unit)}`.trim()
      : str(resource.valueString) || concept(resource.valueCodeableConcept);
  const status = concept(resource.clinicalStatus) || str(resource.status);
  return [
    `${type}: ${what}`,
    value === '' ? '' : ` = ${value}`,
    status === '' ? '' : ` (${status})`,
  ].join('');
}

export const readRecordPage: ConsolePage = {
  id: 'read-record',
  title: 'Read a record',
  roles: ['patient', 'physician', 'nurse'],
  render,
};
