/**
 * Money arithmetic of adjudication: integer cents and basis points only, so every peer
 * computes the same amounts. The one division (a rate times an amount) rounds half up, done
 * in BigInt so no intermediate product can lose precision.
 */
import { z } from 'zod';

/** Ten billion dollars: keeps every sum over a claim far inside Number.MAX_SAFE_INTEGER. */
export const MAX_CENTS = 1_000_000_000_000;

export const Cents = z
  .int('must be a whole number of cents')
  .min(0, 'must not be negative')
  .max(MAX_CENTS, `must be at most ${MAX_CENTS}`);

/** 10000 basis points = 100 %. */
export const BPS_WHOLE = 10_000;

export const Bps = z
  .int('must be whole basis points')
  .min(0)
  .max(BPS_WHOLE, 'must be at most 10000');

/**
 * amountCents × bps / 10000, rounded half up to the cent (0.5 cent goes to the patient:
 * 2 cents at 25 % is 0.5 → 1 cent). Exact for any non-negative integer inputs.
 */
export function shareOf(amountCents: number, bps: number): number {
  const product = BigInt(amountCents) * BigInt(bps);
  return Number((product + BigInt(BPS_WHOLE / 2)) / BigInt(BPS_WHOLE));
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
