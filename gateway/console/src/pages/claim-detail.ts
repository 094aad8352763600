/**
 * One claim as its provider sees it: status, lines with the amounts adjudication allowed and
 * paid, and the payment; under it the appeal form when the status allows one. Opening it logs
 * an access on the ledger (GET /claims/{id}), so live status changes update the badge in
 * place rather than reading the claim again.
 */
import { isRecord } from '../api.js';
import type { PageContext } from '../contract.js';
import { h } from '../ui.js';
import { badge, facts, money, section, table, when } from '../widgets.js';
import { appealSection } from './c3-appeal.js';
import { itemsOf, path, str } from './common.js';

type Row = Record<string, unknown>;

const cents = (value: unknown): string => (typeof value === 'number' ? money(value) : '');

export async function claimDetail(ctx: PageContext, claimId: string): Promise<HTMLElement> {
  const answer = await ctx.api.get(path`/claims/${claimId}`);
  const body = isRecord(answer) ? answer : {};
  const claim = isRecord(body.claim) ? body.claim : {};
  const contents = isRecord(body.contents) ? body.contents : {};
  const record = isRecord(body.record) ? body.record : {};
  const result = isRecord(record.result) ? record.result : {};
  const totals = isRecord(result.totals) ? result.totals : {};
  const payment = isRecord(record.payment) ? record.payment : undefined;
  const status = h(
    'span',
    { class: 'claim-status', 'data-claim': claimId },
    badge(str(claim.status)),
  );
  const lines = itemsOf(result.lines).length > 0 ? itemsOf(result.lines) : itemsOf(contents.lines);
  const shown = section(
    `Claim ${claimId}`,
    facts([
      ['Status', status],
      ['Patient', str(contents.patientId)],
      ['Service date', str(contents.serviceDate)],
      [
        'Diagnoses',
        Array.isArray(contents.diagnosisCodes) ? contents.diagnosisCodes.map(str).join(', ') : '',
      ],
      ['Submitted', when(str(claim.submittedAt))],
      ['Last change', when(str(claim.updatedAt))],
      ['Charged', cents(totals.chargeCents)],
      ['Allowed', cents(totals.allowedCents)],
      ['Patient share', cents(totals.patientShareCents)],
      ['Insurer pays', cents(totals.paidCents)],
      [
        'Payment',
        payment === undefined
          ? 'Not paid yet'
          : `${cents(payment.amountCents)} on ${str(payment.paidOn)} (ref. ${str(payment.reference)})`,
      ],
    ]),
    table(
      `Lines of ${claimId}`,
      [
        { header: 'Line', cell: (r: Row) => str(r.line) },
        { header: 'Code', cell: (r: Row) => str(r.code) },
        { header: 'Units', cell: (r: Row) => str(r.units) },
        { header: 'Charge', cell: (r: Row) => cents(r.chargeCents) },
        {
          header: 'Outcome',
          cell: (r: Row) => (r.outcome === undefined ? '' : badge(str(r.outcome))),
        },
        { header: 'Allowed', cell: (r: Row) => cents(r.allowedCents) },
        { header: 'Paid', cell: (r: Row) => cents(r.paidCents) },
        {
          header: 'Reasons',
          cell: (r: Row) => (Array.isArray(r.reasonCodes) ? r.reasonCodes.map(str).join(', ') : ''),
        },
      ],
      lines,
    ),
  );
  return h('div', {}, shown, appealSection(ctx, claimId, str(claim.status)));
}
