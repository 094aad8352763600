/** Days of a validity window: the transaction's day and the order of a window's two ends. */
import { invalidArgument } from '../shared/errors';
import type { Ledger } from '../shared/ledger';

/** The transaction's calendar day in UTC, YYYY-MM-DD: the default day of every check. */
export function txDate(ledger: Ledger): string {
  return ledger.txTime().slice(0, 10);
}

/** Both ends are inclusive, so a one-day window (validFrom = validTo) is allowed. */
export function requireOrderedWindow(validFrom: string, validTo: string): void {
  if (validTo < validFrom) {
    throw invalidArgument('validTo', `must not be before validFrom (${validFrom})`);
  }
}
