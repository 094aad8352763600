/**
 * The metadata of a patient's records that the caller may see (no clinical content), page by
 * page, each with a button to open it on the read page. Used by the patient's "My records"
 * and by the provider's patient view. New records appear live (RecordAdded).
 */
import { isRecord } from '../api.js';
import type { ConsolePage, PageContext } from '../contract.js';
import { h } from '../ui.js';
import { badge, table, when, idText } from '../widgets.js';
import { itemsOf, liveNote, load, path, patientIdOf, str } from './common.js';

type Row = Record<string, unknown>;

/** A region listing PATIENTID's records, with "Show more" while there are further pages. */
export function recordsRegion(ctx: PageContext, patientId: string): HTMLElement {
  const region = h('div', { class: 'records' });
  const live = liveNote();
  const rows: Row[] = [];
  let bookmark = '';

  const draw = async (): Promise<HTMLElement> => {
    const answer = await ctx.api.get(path`/patients/${patientId}/records`, {
      pageSize: '20',
      bookmark,
    });
    rows.push(...itemsOf(answer));
    bookmark = isRecord(answer) ? str(answer.bookmark) : '';
    const more = h('button', { type: 'button', class: 'secondary' }, 'Show more records');
    more.addEventListener('click', () => void load(list, draw));
    return h(
      'div',
      {},
      table(`Records of ${patientId}`, columns(ctx), rows, 'No records you may see yet.'),
      bookmark === '' || rows.length === 0 ? null : more,
    );
  };
  const list = h('div');
  region.append(live.element, list);
  void load(list, draw);
  ctx.onEvents(['RecordAdded'], (event) => {
    if (event.payload.patientId !== patientId) return;
    rows.length = 0;
    bookmark = '';
    live.say(`A new record was added (block ${event.blockNumber}).`);
    void load(list, draw);
  });
  return region;
}

function columns(ctx: PageContext) {
  return [
    { header: 'Record', cell: (r: Row) => idText(str(r.recordId)) },
    { header: 'Type', cell: (r: Row) => str(r.resourceType) },
    { header: 'Category', cell: (r: Row) => str(r.category) },
    { header: 'Version', cell: (r: Row) => str(r.version) },
    {
      header: 'Written by',
      cell: (r: Row) => `${str(r.authorPractitionerId)} (${str(r.authorMsp)})`,
    },
    { header: 'Written at', cell: (r: Row) => when(str(r.createdAt)) },
    { header: 'Status', cell: (r: Row) => badge(str(r.status)) },
    {
      header: 'Open',
      cell: (r: Row) => {
        const id = str(r.recordId);
        const open = h('button', { type: 'button', 'aria-label': `Open record ${id}` }, 'Open');
        open.addEventListener('click', () => ctx.navigate('read-record', { recordId: id }));
        return str(r.status) === 'erased' ? null : open;
      },
    },
  ];
}

export const myRecordsPage: ConsolePage = {
  id: 'my-records',
  title: 'My records',
  roles: ['patient'],
  render(view, ctx) {
    view.append(
      h(
        'p',
        {},
        'What is on the ledger about your records. Open one to read it; your own reads are logged too.',
      ),
      recordsRegion(ctx, patientIdOf(ctx)),
    );
  },
};
