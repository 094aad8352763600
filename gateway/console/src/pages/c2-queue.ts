/**
 * A list of the organisation's claims of one status (GET /claims, public records only: no
 * PHI), page by page, refreshed live on every claim event. "Open" moves to the same page with
 * the claim's ID in the hash, where the page shows the claim (reading it logs the access).
 */
import type { PageContext } from '../contract.js';
import { failureBox, failureOfError, field, h } from '../ui.js';
import { badge, table, when } from '../widgets.js';
import { CLAIM_EVENTS, ClaimPage, type PublicClaim } from './c2-claims-data.js';
import { decode } from './c2-decode.js';

export interface QueueOptions {
  /** The page the queue is on: "Open" navigates there with the claim's ID. */
  readonly pageId: string;
  readonly caption: string;
  /** The statuses the filter offers, the first one shown at the start. */
  readonly statuses: readonly string[];
}

const PAGE_SIZE = '20';

export function claimQueue(ctx: PageContext, options: Readonly<QueueOptions>): HTMLElement {
  const first = options.statuses[0] ?? '';
  const chosen = ctx.params.status;
  let status = chosen !== undefined && options.statuses.includes(chosen) ? chosen : first;
  /** Bookmarks of the pages before the current one, and the current one's. */
  const trail: string[] = [];
  let bookmark = '';
  let next = '';

  const filter = field({
    label: 'Status',
    name: 'status',
    value: status,
    choices: options.statuses.map((s) => [s, s] as const),
  });
  const results = h('div', { class: 'queue-results', 'aria-live': 'polite' });
  const pager = h('div', { class: 'actions' });
  const updated = h('p', { class: 'hint', role: 'status' });

  const open = (claim: PublicClaim) => {
    const button = h(
      'button',
      { type: 'button', class: 'secondary', 'aria-label': `Open ${claim.claimId}` },
      'Open',
    );
    button.addEventListener('click', () =>
      ctx.navigate(options.pageId, { claimId: claim.claimId, status }),
    );
    return button;
  };

  /** Answers can come back out of order (a filter change while a live refresh runs): only
   * the answer of the latest request is drawn. */
  let latest = 0;
  const load = async (): Promise<void> => {
    latest += 1;
    const mine = latest;
    try {
      const answer = await ctx.api.get('/claims', { status, pageSize: PAGE_SIZE, bookmark });
      if (mine !== latest) return;
      const page = decode(ClaimPage, answer);
      next = page.bookmark;
      results.replaceChildren(
        table(
          `${options.caption}: ${status}`,
          [
            { header: 'Claim', cell: (c: PublicClaim) => c.claimId },
            { header: 'Provider', cell: (c) => c.providerMsp },
            { header: 'Status', cell: (c) => badge(c.status) },
            { header: 'Submitted', cell: (c) => when(c.submittedAt) },
            { header: 'Last change', cell: (c) => when(c.updatedAt) },
            { header: 'Action', cell: open },
          ],
          page.items,
          `No ${status} claims${trail.length > 0 ? ' on this page' : ''}.`,
        ),
      );
      updated.textContent = `Updated ${new Date().toLocaleTimeString('en-GB')}`;
      drawPager();
    } catch (err) {
      if (mine === latest) results.replaceChildren(failureBox(failureOfError(err)));
    }
  };

  const drawPager = () => {
    const buttons: HTMLButtonElement[] = [];
    if (trail.length > 0) {
      const back = h('button', { type: 'button', class: 'secondary' }, 'Previous page');
      back.addEventListener('click', () => {
        bookmark = trail.pop() ?? '';
        void load();
      });
      buttons.push(back);
    }
    if (next !== '') {
      const more = h('button', { type: 'button', class: 'secondary' }, 'Next page');
      more.addEventListener('click', () => {
        trail.push(bookmark);
        bookmark = next;
        void load();
      });
      buttons.push(more);
    }
    pager.replaceChildren(...buttons);
  };

  const select = filter.querySelector('select');
  select?.addEventListener('change', () => {
    status = select.value;
    trail.length = 0;
    bookmark = '';
    void load();
  });
  ctx.onEvents(CLAIM_EVENTS, () => void load());
  void load();
  return h(
    'div',
    { class: 'queue' },
    h('div', { class: 'queue-filter' }, filter),
    results,
    pager,
    updated,
  );
}
