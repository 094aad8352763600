/**
 * "Who accessed my data": every logged read of the patient's records and claims, newest first,
 * emergency reads marked, and the emergency ("break the glass") declarations with their
 * reasons. New reads appear live (RecordAccessed, EmergencyAccess).
 */
import { isRecord } from '../api.js';
import { reasonLabel } from '../reason-codes.js';
import type { ConsolePage, PageContext } from '../contract.js';
import { h } from '../ui.js';
import { badge, section, table, when, idText } from '../widgets.js';
import { itemsOf, liveNote, load, path, patientIdOf, str } from './common.js';

type Row = Record<string, unknown>;

/** The enrolment ID in a Fabric identity "x509::CN=physician1,OU=client::CN=ca...". */
function commonName(readerId: string): string {
  return /CN=([^,/:]+)/.exec(readerId)?.[1] ?? readerId;
}

function who(r: Row): string {
  const person = str(r.practitionerId) || commonName(str(r.readerId));
  return `${person} (${str(r.role)}, ${str(r.readerMsp)})`;
}

function accessTable(answer: unknown): HTMLElement {
  return table(
    'Reads of my data, newest first',
    [
      { header: 'When', cell: (r: Row) => when(str(r.at)) },
      { header: 'Who', cell: who },
      { header: 'What', cell: (r: Row) => idText(str(r.recordId)) },
      { header: 'Purpose', cell: (r: Row) => badge(str(r.purpose)) },
      {
        header: 'Emergency',
        cell: (r: Row) =>
          r.emergency === true ? badge('Emergency') : h('span', { class: 'muted' }, 'No'),
      },
    ],
    itemsOf(answer),
    'Nobody has read your data yet.',
  );
}

function emergencyTable(answer: unknown): HTMLElement {
  const rows = itemsOf(answer).sort((a, b) => str(b.grantedAt).localeCompare(str(a.grantedAt)));
  return table(
    'Emergency accesses declared on me',
    [
      { header: 'Declared', cell: (r: Row) => when(str(r.grantedAt)) },
      { header: 'Physician', cell: (r: Row) => `${str(r.practitionerId)} (${str(r.mspId)})` },
      { header: 'Reason given', cell: (r: Row) => reasonLabel(str(r.reason)) },
      { header: 'Access until', cell: (r: Row) => when(str(r.expiresAt)) },
    ],
    rows,
    'No emergency access has been declared on you.',
  );
}

function render(view: HTMLElement, ctx: PageContext): void {
  const patientId = patientIdOf(ctx);
  const live = liveNote();
  const reads = h('div');
  const emergencies = h('div');
  const refresh = (): void => {
    void load(reads, async () => {
      const answer = await ctx.api.get(path`/patients/${patientId}/access-log`, {
        pageSize: '100',
      });
      const more = isRecord(answer) && str(answer.bookmark) !== '';
      return h(
        'div',
        {},
        accessTable(answer),
        more ? h('p', { class: 'hint' }, 'Showing the 100 most recent reads.') : null,
      );
    });
    void load(emergencies, async () =>
      emergencyTable(await ctx.api.get(path`/patients/${patientId}/emergency-access`)),
    );
  };
  view.append(
    h(
      'p',
      {},
      'Every read of your records is written on the ledger before the reader sees anything. Emergency reads are marked.',
    ),
    live.element,
    section('Reads of my data', reads),
    section('Emergency accesses', emergencies),
  );
  refresh();
  ctx.onEvents(['RecordAccessed', 'EmergencyAccess'], (event) => {
    if (event.payload.patientId !== patientId) return;
    live.say(
      `Updated live: a new ${event.eventName === 'EmergencyAccess' ? 'emergency access' : 'read'} (block ${event.blockNumber}).`,
    );
    refresh();
  });
}

export const accessLogPage: ConsolePage = {
  id: 'my-access-log',
  title: 'Who accessed my data',
  roles: ['patient'],
  render,
};
