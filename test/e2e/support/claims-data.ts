/**
 * Data of the claims end-to-end run: one plan with hand-checkable terms, PHI values unique to
 * the run (diagnosis codes, member numbers) so the block scan can only find them if they
 * leaked, and the shapes of claim lines as the chaincode writes them.
 */
import { randomBytes } from 'node:crypto';

/** YYYY-MM-DD, `offset` days from today (UTC). */
export function day(offset = 0): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

/** An ISO instant `offsetMinutes` from now. */
export function instant(offsetMinutes: number): string {
  return new Date(Date.now() + offsetMinutes * 60_000).toISOString();
}

/**
 * $500 deductible, 20 % coinsurance, $3,000 out-of-pocket maximum, 90 days to file, claims
 * whose total charge is above $5,000 pended. Allowed amounts are per unit.
 */
export function planTerms(planId: string, paymentConsentRequired: boolean) {
  return {
    planId,
    deductibleCents: 50_000,
    coinsuranceBps: 2_000,
    outOfPocketMaxCents: 300_000,
    coveredCodes: [
      { code: '99213', allowedCents: 15_000 }, // office visit, $150
      { code: '99214', allowedCents: 20_000, copayCents: 3_000 }, // longer visit, $30 copay
      { code: '97110', allowedCents: 4_000 }, // therapeutic exercise, $40 a unit
      { code: '97140', allowedCents: 4_000 }, // manual therapy, $40 a unit
      { code: '97530', allowedCents: 4_500 }, // therapeutic activities, $45 a unit
      { code: '80053', allowedCents: 5_000 }, // metabolic panel, $50
      { code: '70553', allowedCents: 120_000, requiresPriorAuth: true }, // MRI, $1,200
      { code: '27447', allowedCents: 2_500_000 }, // knee replacement, $25,000
    ],
    timelyFilingDays: 90,
    paymentConsentRequired,
    reviewThresholdCents: 500_000,
  };
}

/**
 * Two diagnosis codes no real claim uses: "ZQ"/"ZR" and eight upper-case hex digits (the
 * schema allows 10 letters, digits and dots), so a match in a block is a leak, not chance.
 */
export function diagnosisCodes(): string[] {
  const hex = () => randomBytes(4).toString('hex').toUpperCase();
  return [`ZQ${hex()}`, `ZR${hex()}`];
}

export interface Line {
  readonly code: string;
  readonly units: number;
  readonly chargeCents: number;
}

export function line(code: string, chargeCents: number, units = 1): Line {
  return { code, units, chargeCents };
}

export interface Amounts {
  readonly allowed: number;
  readonly deductible: number;
  readonly copay: number;
  readonly coinsurance: number;
  readonly patient: number;
  readonly paid: number;
}

/** A line result exactly as the chaincode writes it: position, service, outcome, amounts. */
export function lineResult(
  position: number,
  service: Line,
  outcome: 'approved' | 'denied' | 'pended',
  amounts: Amounts | undefined,
  reasonCodes: string[],
) {
  const a = amounts ?? { allowed: 0, deductible: 0, copay: 0, coinsurance: 0, patient: 0, paid: 0 };
  return {
    line: position,
    ...service,
    outcome,
    allowedCents: a.allowed,
    deductibleCents: a.deductible,
    copayCents: a.copay,
    coinsuranceCents: a.coinsurance,
    patientShareCents: a.patient,
    paidCents: a.paid,
    reasonCodes,
  };
}

/** Totals as the chaincode writes them: the charge and the sums of the line amounts. */
export function totals(chargeCents: number, a: Amounts) {
  return {
    chargeCents,
    allowedCents: a.allowed,
    deductibleCents: a.deductible,
    copayCents: a.copay,
    coinsuranceCents: a.coinsurance,
    patientShareCents: a.patient,
    paidCents: a.paid,
  };
}

export const NOTHING: Amounts = {
  allowed: 0,
  deductible: 0,
  copay: 0,
  coinsurance: 0,
  patient: 0,
  paid: 0,
};
