/**
 * Calendar days of claims: the submission day, the timely-filing distance and the plan year.
 * Dates are validated YYYY-MM-DD strings, read as UTC days; `Date.parse` of such a string is
 * deterministic (it never reads the clock).
 */
import type { Ledger } from '../shared/ledger';

const DAY_MS = 86_400_000;

/** The transaction's calendar day in UTC: the submission date of a claim. */
export function txDate(ledger: Ledger): string {
  return ledger.txTime().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The plan year a service falls in: the calendar year of its date. */
export function planYear(serviceDate: string): string {
  return serviceDate.slice(0, 4);
}

/** Both ends inclusive. */
export function within(date: string, from: string, to: string): boolean {
  return from <= date && date <= to;
}
