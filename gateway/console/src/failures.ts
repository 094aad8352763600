/**
 * How refusals look on a page: the gateway's failure next to the control it names (with
 * aria-invalid and aria-describedby) or as an alert at the top of the form, and the same for
 * checks made in the browser before any request. ui.ts re-exports all of it.
 */
import { ApiError } from './api.js';
import type { ApiFailure } from './contract.js';
import { h } from './ui.js';

/** A refusal made in the browser, before any request, shown like the gateway's own. */
export function invalid(fieldName: string, reason: string): ApiError {
  return new ApiError({
    status: 400,
    code: 'INVALID_ARGUMENT',
    message: `${fieldName}: ${reason}`,
    field: fieldName,
    reason,
  });
}

const HEADLINES: Readonly<Record<string, string>> = {
  FORBIDDEN: 'Refused',
  CREDENTIAL_INVALID: 'Credential not valid',
  NOT_FOUND: 'Not found',
  ERASED: 'Erased',
  CONFLICT: 'Conflict',
  FAILED_PRECONDITION: 'Not possible now',
  INVALID_ARGUMENT: 'Check the form',
  UNAVAILABLE: 'Network unavailable',
  RATE_LIMITED: 'Too many requests',
  UNAUTHENTICATED: 'Not signed in',
};

export function failureOfError(err: unknown): ApiFailure {
  if (err instanceof ApiError) return err.failure;
  const message = err instanceof Error ? err.message : String(err);
  return { status: 0, code: 'ERROR', message };
}

/** The refusal next to the control it names (aria-invalid, aria-describedby), otherwise as an
 * alert at the top of the form. */
export function showFailure(target: HTMLFormElement, err: unknown): void {
  const failure = failureOfError(err);
  const control = controlNamed(target, failure.field);
  if (control instanceof HTMLElement) {
    const id = `${control.id}-error`;
    const text = failure.reason ?? failure.message;
    control.setAttribute('aria-invalid', 'true');
    const described = control.getAttribute('aria-describedby');
    control.setAttribute('aria-describedby', described === null ? id : `${id} ${described}`);
    control.insertAdjacentElement(
      'afterend',
      h('p', { class: 'field-error', id, role: 'alert' }, text),
    );
    control.focus();
    return;
  }
  target.prepend(failureBox(failure));
}

/** The control named FIELD. The chaincode names fields of its own argument ("request.validTo")
 * and the gateway may name an element inside a control ("resource.code.text"): then the
 * longest suffix, else the longest prefix, that names a control. */
function controlNamed(target: HTMLFormElement, fieldName: string | undefined): Element | null {
  const parts = fieldName === undefined ? [] : fieldName.split('.');
  const suffixes = parts.map((_, i) => parts.slice(i).join('.'));
  const prefixes = parts.map((_, i) => parts.slice(0, parts.length - i).join('.'));
  for (const name of [...suffixes, ...prefixes]) {
    const found = target.elements.namedItem(name);
    if (found instanceof Element) return found;
  }
  return null;
}

/** A failure as a role="alert" box, for errors outside a form. */
export function failureBox(failure: ApiFailure): HTMLElement {
  const headline = HEADLINES[failure.code] ?? 'Something went wrong';
  return h(
    'div',
    { class: 'failure', role: 'alert' },
    h('strong', {}, `${headline}: `),
    failure.message,
  );
}

export function clearFailure(target: HTMLFormElement): void {
  for (const node of target.querySelectorAll('.field-error, .failure')) node.remove();
  for (const control of target.querySelectorAll('[aria-invalid]')) {
    const errorId = `${control.id}-error`;
    const rest = (control.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter((id) => id !== '' && id !== errorId);
    if (rest.length === 0) control.removeAttribute('aria-describedby');
    else control.setAttribute('aria-describedby', rest.join(' '));
    control.removeAttribute('aria-invalid');
  }
}
