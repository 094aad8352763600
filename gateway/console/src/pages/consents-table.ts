/**
 * The table of a patient's consents, newest first, with a Revoke button on each active one
 * whose accessible name says which consent it revokes.
 */
import type { Child } from '../ui.js';
import { failureBox, failureOfError, h } from '../ui.js';
import { badge, table, when } from '../widgets.js';
import { isRecord } from '../api.js';
import { itemsOf, str } from './common.js';

export interface ConsentRow {
  readonly consentId: string;
  readonly grantee: string;
  readonly scope: string;
  readonly purpose: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly status: string;
  readonly grantedAt: string;
}

function rowOf(item: Record<string, unknown>): ConsentRow {
  const g = isRecord(item.grantee) ? item.grantee : {};
  const grantee =
    g.kind === 'practitioner'
      ? `practitioner ${str(g.practitionerId)} at ${str(g.mspId)}`
      : str(g.mspId);
  const scope = Array.isArray(item.scope) ? item.scope.map(str).join(', ') : 'all records';
  return {
    consentId: str(item.consentId),
    grantee,
    scope,
    purpose: str(item.purpose),
    validFrom: str(item.validFrom),
    validTo: str(item.validTo),
    status: str(item.status),
    grantedAt: str(item.grantedAt),
  };
}

export function consentsTable(
  answer: unknown,
  revoke: (row: ConsentRow) => Promise<void>,
): HTMLElement {
  const rows = itemsOf(answer)
    .map(rowOf)
    .sort((a, b) => b.grantedAt.localeCompare(a.grantedAt));
  const action = (row: ConsentRow): Child => {
    if (row.status !== 'active') return null;
    const button = h(
      'button',
      { type: 'button', class: 'danger', 'aria-label': `Revoke consent to ${row.grantee}` },
      'Revoke',
    );
    button.addEventListener('click', () => {
      button.disabled = true;
      revoke(row).catch((err: unknown) => {
        button.disabled = false;
        button.insertAdjacentElement('afterend', failureBox(failureOfError(err)));
      });
    });
    return button;
  };
  return table(
    'Consents',
    [
      { header: 'Granted to', cell: (r) => r.grantee },
      { header: 'Records', cell: (r) => r.scope },
      { header: 'Purpose', cell: (r) => badge(r.purpose) },
      { header: 'Valid', cell: (r) => `${when(r.validFrom)} – ${when(r.validTo)}` },
      { header: 'Status', cell: (r) => badge(r.status) },
      { header: 'Action', cell: action },
    ],
    rows,
    'You have not granted any consent.',
  );
}
