/**
 * Small DOM helpers shared by every page: an element builder, labelled form fields, and forms
 * that show the gateway's refusals (failures.ts: next to the field it names, or at the top).
 * Text always goes in as text nodes, never as HTML, so nothing a user or the ledger wrote can
 * run as markup.
 */
import { clearFailure, showFailure } from './failures.js';

export { clearFailure, failureBox, failureOfError, invalid, showFailure } from './failures.js';

export type Child = Node | string | number | null | undefined | false;
export type Attrs = Readonly<Record<string, string | boolean | undefined>>;

/** h('p', { class: 'hint' }, 'text', child): attributes false/undefined are left out. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

let nextId = 0;
/** An id unique in the document, for label/for and aria-describedby. */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

export interface FieldOptions {
  readonly label: string;
  /** The control's name: the request field the gateway would name in a refusal. */
  readonly name: string;
  readonly type?: 'text' | 'date' | 'datetime-local' | 'number' | 'password' | 'search';
  readonly required?: boolean;
  readonly value?: string;
  readonly hint?: string;
  /** A select of [value, label] pairs instead of an input. */
  readonly choices?: readonly (readonly [string, string])[];
  /** A textarea of this many rows instead of an input. */
  readonly rows?: number;
  /** Extra attributes of the control: autocomplete, pattern, min, step, ... */
  readonly attrs?: Attrs;
}

/** The patient ID field of every form about one patient: required, named as the gateway names
 * it in a refusal, filled from the page's route when it has one. */
export function patientIdField(
  value?: string,
  more: Readonly<Pick<FieldOptions, 'type' | 'hint'>> = {},
): HTMLDivElement {
  return field({ label: 'Patient ID', name: 'patientId', required: true, value, ...more });
}

/** A label and its control (input, select or textarea), with an optional hint below. */
export function field(options: Readonly<FieldOptions>): HTMLDivElement {
  const id = uniqueId(`f-${options.name.replace(/[^A-Za-z0-9]/g, '-')}`);
  const hintId = options.hint === undefined ? undefined : `${id}-hint`;
  const common: Attrs = {
    id,
    name: options.name,
    required: options.required ?? false,
    'aria-describedby': hintId,
    ...options.attrs,
  };
  let control: HTMLElement;
  if (options.choices !== undefined) {
    const select = h('select', common);
    for (const [value, label] of options.choices) {
      select.append(h('option', { value, selected: value === options.value }, label));
    }
    control = select;
  } else if (options.rows !== undefined) {
    control = h('textarea', { ...common, rows: String(options.rows) }, options.value ?? '');
  } else {
    control = h('input', { ...common, type: options.type ?? 'text', value: options.value });
  }
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, options.label),
    control,
    hintId === undefined ? null : h('p', { class: 'hint', id: hintId }, options.hint ?? ''),
  );
}

export interface FormOptions {
  /** The form's accessible name. */
  readonly label: string;
  readonly submit: string;
  readonly fields: readonly Child[];
  /** Runs on submit; a thrown ApiError is shown by showFailure. */
  readonly onSubmit: (data: FormData, form: HTMLFormElement) => Promise<void>;
}

/** A form whose button is disabled while the request runs and whose failures are shown in it. */
export function form(options: Readonly<FormOptions>): HTMLFormElement {
  const button = h('button', { type: 'submit' }, options.submit);
  const element = h('form', { 'aria-label': options.label, novalidate: true }, ...options.fields);
  element.append(h('div', { class: 'actions' }, button));
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    clearFailure(element);
    button.disabled = true;
    element.setAttribute('aria-busy', 'true');
    options
      .onSubmit(new FormData(element), element)
      .catch((err: unknown) => showFailure(element, err))
      .finally(() => {
        button.disabled = false;
        element.removeAttribute('aria-busy');
      });
  });
  return element;
}
