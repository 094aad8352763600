/**
 * Display helpers that pages share: tables, status badges, notices, key/value lists, dates,
 * and reading form values. Kept apart from ui.ts (elements and forms) to keep each file small.
 */
import { h, invalid, type Child } from './ui.js';

export interface Column<T> {
  readonly header: string;
  readonly cell: (row: T) => Child;
}

/** A table with a caption (its accessible name), or the EMPTY text when there are no rows. */
export function table<T>(
  caption: string,
  columns: readonly Column<T>[],
  rows: readonly T[],
  empty = 'Nothing to show yet.',
): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'empty' }, empty);
  const head = h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c.header)));
  const body = rows.map((row) =>
    h('tr', {}, ...columns.map((c) => h('td', { 'data-label': c.header }, c.cell(row)))),
  );
  return h(
    'div',
    { class: 'table-wrap' },
    h('table', {}, h('caption', {}, caption), h('thead', {}, head), h('tbody', {}, ...body)),
  );
}

/** A ledger ID, which may break anywhere so that it never widens a table past the screen. */
export function idText(id: string): HTMLElement {
  return h('span', { class: 'id' }, id);
}

/** A status word in a coloured pill; the word itself carries the meaning, not the colour. */
export function badge(status: string): HTMLElement {
  const tone = status.toLowerCase().replace(/[^a-z-]/g, '');
  return h('span', { class: `badge badge-${tone}` }, status);
}

/** A polite live region: success messages and "updated live" notes that screen readers read. */
export function notice(text: string, kind: 'info' | 'success' = 'success'): HTMLElement {
  return h('p', { class: `notice notice-${kind}`, role: 'status' }, text);
}

/** A definition list of label/value pairs; undefined values are left out. */
export function facts(pairs: readonly (readonly [string, Child])[]): HTMLElement {
  const list = h('dl', { class: 'facts' });
  for (const [label, value] of pairs) {
    if (value === undefined || value === null) continue;
    list.append(h('dt', {}, label), h('dd', {}, value));
  }
  return list;
}

export function section(title: string, ...children: Child[]): HTMLElement {
  const id = `s-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/** An ISO instant or date shown in the user's locale, unambiguous (day month year). */
export function when(iso: string | undefined): string {
  if (iso === undefined) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  return new Date(time).toLocaleString('en-GB', {
    dateStyle: 'medium',
    ...(dateOnly ? { timeZone: 'UTC' } : { timeStyle: 'short' }),
  });
}

/** A form value as trimmed text ('' when absent). */
export function text(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** The dollars typed in form field NAME ("180", "180.5", "$1,180.50") as integer cents, without
 * floating point; a refusal beside the field when it is not such an amount. */
export function centsIn(data: FormData, name: string): number {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text(data, name).replace(/[,$\s]/g, ''));
  if (match === null) throw invalid(name, 'must be an amount in dollars, such as 180.00');
  const [, whole = '0', fraction = ''] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** An optional form value: undefined when empty, so it is left out of the request body. */
export function optional(data: FormData, name: string): string | undefined {
  const value = text(data, name);
  return value === '' ? undefined : value;
}

/** Cents as a currency amount (integer cents, never floats, on the wire). */
export function money(cents: number): string {
  return (cents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' });
}
