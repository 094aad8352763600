/**
 * The provider's claims: submit one, list the organisation's claims with their status, open
 * one for its lines and amounts. Statuses follow the claim events live (adjudicated, pended,
 * appealed, paid): every badge of that claim on the page changes without a reload.
 */
import { isRecord } from '../api.js';
import type { ConsolePage, PageContext } from '../contract.js';
import { field, form, h } from '../ui.js';
import { badge, section, table, text, when, idText } from '../widgets.js';
import { APPEALABLE } from './c3-appeal.js';
import { claimDetail } from './claim-detail.js';
import { claimForm } from './claim-form.js';
import { committedNotice, itemsOf, liveNote, load, str } from './common.js';

type Row = Record<string, unknown>;

export const CLAIM_EVENTS = [
  'ClaimSubmitted',
  'ClaimAdjudicated',
  'ClaimPended',
  'ClaimAppealed',
  'ClaimPaid',
];

const STATUSES: readonly (readonly [string, string])[] = [
  ['', 'Any status'],
  ...[
    'submitted',
    'approved',
    'partially-approved',
    'denied',
    'pended',
    'appealed',
    'appeal-approved',
    'appeal-denied',
    'paid',
  ].map((s) => [s, s] as const),
];

function statusBadge(claimId: string, status: string): HTMLElement {
  return h('span', { class: 'claim-status', 'data-claim': claimId }, badge(status));
}

function render(view: HTMLElement, ctx: PageContext): void {
  const submitted = h('div');
  const detail = h('div', { class: 'claim-detail' });
  const list = h('div');
  const live = liveNote();
  let status = '';

  let shown = '';
  const open = (claimId: string): void => {
    shown = claimId;
    void load(detail, () => claimDetail(ctx, claimId)).then(() =>
      detail.querySelector('h2')?.focus(),
    );
  };
  const refresh = (): Promise<void> =>
    load(list, async () => {
      const answer = await ctx.api.get('/claims', { pageSize: '50', status });
      const rows = itemsOf(answer).sort((a, b) => str(b.updatedAt).localeCompare(str(a.updatedAt)));
      const more = isRecord(answer) && str(answer.bookmark) !== '';
      return h(
        'div',
        {},
        table(
          'Claims of my organisation',
          [
            { header: 'Claim', cell: (r: Row) => idText(str(r.claimId)) },
            { header: 'Status', cell: (r: Row) => statusBadge(str(r.claimId), str(r.status)) },
            { header: 'Insurer', cell: (r: Row) => str(r.insurerMsp) },
            { header: 'Submitted', cell: (r: Row) => when(str(r.submittedAt)) },
            { header: 'Last change', cell: (r: Row) => when(str(r.updatedAt)) },
            { header: 'Open', cell: (r: Row) => openButton(str(r.claimId), open) },
          ],
          rows,
          'No claims yet.',
        ),
        more
          ? h('p', { class: 'hint' }, 'Showing the first 50; filter by status to see others.')
          : null,
      );
    });

  const filter = form({
    label: 'Filter claims',
    submit: 'Show claims',
    fields: [field({ label: 'Status', name: 'status', choices: STATUSES })],
    onSubmit: async (data) => {
      status = text(data, 'status');
      await refresh();
    },
  });
  const find = form({
    label: 'Open a claim',
    submit: 'Open claim',
    fields: [
      field({ label: 'Claim ID', name: 'claimId', required: true, value: ctx.params.claimId }),
    ],
    onSubmit: async (data) => open(text(data, 'claimId')),
  });
  const submit = claimForm(ctx, (claimId, answer) => {
    submitted.replaceChildren(
      committedNotice(`Claim ${claimId} submitted: ${str(answer.result.status)}.`, answer),
    );
    void refresh();
    open(claimId);
  });

  view.append(
    live.element,
    section('Submit a claim', submit, submitted),
    section('Claims', filter, list),
    section('Open a claim', find, detail),
  );
  void refresh();
  if (ctx.params.claimId !== undefined) open(ctx.params.claimId);

  ctx.onEvents(CLAIM_EVENTS, (event) => {
    const claimId = str(event.payload.claimId);
    const now = str(event.payload.status);
    if (claimId === '' || now === '') return;
    // The user's own appeal, answered or still in flight, needs no reload.
    const ownAppeal = now === 'appealed' && detail.querySelector('form.appeal[aria-busy]') !== null;
    const current = ownAppeal ? now : (detail.querySelector('.claim-status')?.textContent ?? '');
    if (claimId === shown && !APPEALABLE.includes(now)) {
      detail.querySelector('form.appeal')?.remove(); // appealed once, or no longer appealable
    }
    for (const node of view.querySelectorAll<HTMLElement>('.claim-status')) {
      if (node.dataset.claim === claimId) node.replaceChildren(badge(now));
    }
    live.say(`Updated live: claim ${claimId} is now ${now} (block ${event.blockNumber}).`);
    // Reading the claim again logs another access, so the amounts are reloaded on request only.
    // None offered when the detail showed it already.
    if (claimId === shown && current !== now && detail.querySelector('.reload') === null) {
      const reload = h(
        'button',
        { type: 'button', class: 'secondary reload' },
        `Reload claim ${claimId}`,
      );
      reload.addEventListener('click', () => open(claimId));
      detail.prepend(
        h('p', { class: 'notice notice-info' }, `The status changed to ${now}. `, reload),
      );
    }
    void refresh();
  });
}

function openButton(claimId: string, open: (id: string) => void): HTMLElement {
  const button = h('button', { type: 'button', 'aria-label': `Open claim ${claimId}` }, 'Open');
  button.addEventListener('click', () => open(claimId));
  return button;
}

export const claimsPage: ConsolePage = {
  id: 'claims',
  title: 'Claims',
  roles: ['registrar', 'physician'],
  render,
};
