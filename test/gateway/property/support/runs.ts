/**
 * How hard the property tests try. The unit suite keeps the default small so that it stays
 * fast; HEALTHLEDGER_PROPERTY_FACTOR multiplies it for a longer search, and
 * HEALTHLEDGER_PROPERTY_SEED replays a run that fast-check reported.
 */
import fc from 'fast-check';

const factor = Number(process.env.HEALTHLEDGER_PROPERTY_FACTOR ?? '1');
const seed = process.env.HEALTHLEDGER_PROPERTY_SEED;
if (seed !== undefined && seed !== '') fc.configureGlobal({ seed: Number(seed) });

/** Runs of one property: BASE times the factor from the environment (at least one). */
export function propertyRuns(base: number): number {
  return Math.max(1, Math.round(base * (Number.isFinite(factor) && factor > 0 ? factor : 1)));
}
