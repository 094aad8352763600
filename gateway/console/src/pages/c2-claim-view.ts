/**
 * One claim as the insurer sees it: reading it (GET /claims/{id}) first logs the access on the
 * ledger, then shows the contents (PHI, for the user entitled to it), the adjudication line by
 * line with amounts and reason codes, and the step the claim's status allows next.
 */
import type { PageContext } from '../contract.js';
import { failureBox, failureOfError, h } from '../ui.js';
import { badge, facts, money, section, table, when } from '../widgets.js';
import { decisionForm, type Done, paymentForm } from './c2-claim-actions.js';
import { ClaimRead, type LineResult, PAYABLE } from './c2-claims-data.js';
import { decode } from './c2-decode.js';
import { committedNotice } from './common.js';

const codes = (list: readonly string[]) => (list.length === 0 ? '—' : list.join(', '));

function linesTable(lines: readonly LineResult[]): HTMLElement {
  return table(
    'Service lines and their adjudication',
    [
      { header: 'Line', cell: (l: LineResult) => l.line },
      { header: 'Code', cell: (l) => `${l.code} × ${l.units}` },
      { header: 'Charged', cell: (l) => money(l.chargeCents) },
      { header: 'Allowed', cell: (l) => money(l.allowedCents) },
      { header: 'Patient share', cell: (l) => money(l.patientShareCents) },
      { header: 'Insurer pays', cell: (l) => money(l.paidCents) },
      { header: 'Outcome', cell: (l) => badge(l.outcome) },
      { header: 'Reason codes', cell: (l) => codes(l.reasonCodes) },
    ],
    lines,
  );
}

/** The next step: decide pended lines, decide an appeal, pay, or nothing. */
type Reload = (note: HTMLElement) => void;

type Adjudicated = ClaimRead & { record: { result: NonNullable<ClaimRead['record']['result']> } };

function nextStep(read: Adjudicated, ctx: PageContext, reload: Reload): HTMLElement {
  const { claim, record } = read;
  if (ctx.user.role !== 'adjudicator') {
    return h('p', { class: 'hint' }, 'Only an adjudicator decides claims and records payments.');
  }
  const done: Done = (status, answer) =>
    reload(committedNotice(`Claim ${claim.claimId} is now ${status}.`, answer));
  if (claim.status === 'pended') {
    const pended = record.result.lines.filter((l) => l.outcome === 'pended');
    return section('Review decision', decisionForm(ctx, claim.claimId, 'review', pended, done));
  }
  if (claim.status === 'appealed') {
    const denied = record.result.lines.filter((l) => l.outcome === 'denied');
    return section('Appeal decision', decisionForm(ctx, claim.claimId, 'appeal', denied, done));
  }
  if (PAYABLE.includes(claim.status)) {
    return section(
      'Record payment',
      paymentForm(ctx, claim.claimId, record.result.totals.paidCents, done),
    );
  }
  return h('p', { class: 'hint' }, `Nothing left to do for a ${claim.status} claim.`);
}

function draw(read: ClaimRead, ctx: PageContext, reload: Reload): HTMLElement[] {
  const { claim, contents, record } = read;
  const { result } = record;
  if (result === undefined) {
    return [
      facts([
        ['Status', badge(claim.status)],
        ['Provider', claim.providerMsp],
        ['Submitted', when(claim.submittedAt)],
      ]),
      h('p', { class: 'hint' }, "Not adjudicated yet: the insurer's peer adjudicates it next."),
    ];
  }
  const { totals } = result;
  const plan =
    record.planId === undefined ? undefined : `${record.planId} v${record.planVersion ?? '?'}`;
  return [
    facts([
      ['Status', badge(claim.status)],
      ['Provider', claim.providerMsp],
      ['Submitted by', claim.submittingMsp],
      ['Submitted', when(claim.submittedAt)],
      ['Patient', contents.patientId],
      ['Rendering practitioner', contents.renderingPractitionerId],
      ['Service date', when(contents.serviceDate)],
      ['Diagnoses', contents.diagnosisCodes.join(', ')],
      ['Plan', plan],
      ['Claim reason codes', codes(result.reasonCodes)],
      ['Total charged', money(totals.chargeCents)],
      ['Total allowed', money(totals.allowedCents)],
      ['Patient share', money(totals.patientShareCents)],
      ['Insurer pays', money(totals.paidCents)],
      [
        'Appeal',
        record.appeal &&
          `${record.appeal.reason}${record.appeal.note ? `: ${record.appeal.note}` : ''}`,
      ],
      [
        'Payment',
        record.payment &&
          `${money(record.payment.amountCents)} on ${when(record.payment.paidOn)} (${record.payment.reference})`,
      ],
    ]),
    linesTable(result.lines),
    nextStep({ ...read, record: { ...record, result } }, ctx, reload),
  ];
}

/** Reads the claim (logging the access) into a section; after a step, again with its notice. */
export function claimDetail(ctx: PageContext, claimId: string): HTMLElement {
  const body = h('div', { 'aria-live': 'polite' }, h('p', {}, `Opening ${claimId}…`));
  const box = section(`Claim ${claimId}`, body);
  box.classList.add('claim-detail');
  const load = async (note?: HTMLElement): Promise<void> => {
    try {
      const read = decode(ClaimRead, await ctx.api.get(`/claims/${encodeURIComponent(claimId)}`));
      const drawn = draw(read, ctx, (n) => void load(n));
      body.replaceChildren(...(note === undefined ? drawn : [note, ...drawn]));
    } catch (err) {
      body.replaceChildren(failureBox(failureOfError(err)));
    }
  };
  void load();
  return box;
}
