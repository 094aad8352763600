/**
 * What several pages need: the answer of a committed write (result and block), paths with
 * encoded IDs, the purposes of a read, and a loader that redraws a region and shows its
 * failure in place, so a refused list does not blank the whole page.
 */
import { isRecord } from '../api.js';
import type { PageContext } from '../contract.js';
import { failureBox, failureOfError, h, type Child } from '../ui.js';
import { notice } from '../widgets.js';

export const PURPOSES: readonly (readonly [string, string])[] = [
  ['treatment', 'Treatment'],
  ['payment', 'Payment'],
  ['research', 'Research'],
];

export const CATEGORIES: readonly (readonly [string, string])[] = [
  ['observation', 'Observations'],
  ['condition', 'Conditions'],
  ['medication', 'Medications'],
  ['allergy', 'Allergies'],
  ['diagnostic-report', 'Diagnostic reports'],
  ['document', 'Documents'],
];

export const ORGANISATIONS: readonly (readonly [string, string])[] = [
  ['ProviderAMSP', 'Provider A'],
  ['ProviderBMSP', 'Provider B'],
  ['InsurerMSP', 'Insurer'],
];

/** A path with each ID encoded: path`/records/${id}` never lets an ID add a path segment. */
export function path(strings: TemplateStringsArray, ...ids: string[]): string {
  return strings.reduce(
    (out, part, i) => out + part + (i < ids.length ? encodeURIComponent(ids[i] ?? '') : ''),
    '',
  );
}

export interface CommittedAnswer {
  readonly result: Record<string, unknown>;
  readonly transactionId: string;
  readonly blockNumber: number;
}

/** The {result, transactionId, blockNumber} of a write. */
export function committedOf(answer: unknown): CommittedAnswer {
  const body = isRecord(answer) ? answer : {};
  return {
    result: isRecord(body.result) ? body.result : {},
    transactionId: typeof body.transactionId === 'string' ? body.transactionId : '',
    blockNumber: typeof body.blockNumber === 'number' ? body.blockNumber : -1,
  };
}

/** A success notice that says where the write landed (tests read the block from data-block). */
export function committedNotice(message: string, answer: CommittedAnswer): HTMLElement {
  const note = notice(`${message} Recorded in block ${answer.blockNumber}.`);
  note.dataset.block = String(answer.blockNumber);
  return note;
}

/** The items of a list answer: an array, or {items: [...]}. */
export function itemsOf(answer: unknown): Record<string, unknown>[] {
  const list = Array.isArray(answer) ? answer : isRecord(answer) ? answer.items : undefined;
  return Array.isArray(list) ? list.filter(isRecord) : [];
}

export function str(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** Fills REGION with what DRAW returns; a failure is shown in the region instead. */
export async function load(region: HTMLElement, draw: () => Promise<Child>): Promise<void> {
  region.setAttribute('aria-busy', 'true');
  try {
    const content = await draw();
    region.replaceChildren();
    if (content !== null && content !== undefined && content !== false) {
      region.append(typeof content === 'object' ? content : String(content));
    }
  } catch (err) {
    region.replaceChildren(failureBox(failureOfError(err)));
  } finally {
    region.removeAttribute('aria-busy');
  }
}

/** The signed-in patient's pseudonym; patient pages are only shown to users who have one. */
export function patientIdOf(ctx: PageContext): string {
  const id = ctx.user.patientId;
  if (id === undefined) throw new Error('This account is not linked to a patient ID.');
  return id;
}

/** A small region that announces live updates ("Updated just now: consent revoked"). */
export function liveNote(): { element: HTMLElement; say(text: string): void } {
  const element = h('p', { class: 'notice notice-info live-note', role: 'status', hidden: true });
  return {
    element,
    say(text) {
      element.hidden = false;
      element.textContent = text;
    },
  };
}
