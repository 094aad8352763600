/**
 * Synthetic payloads of the benchmark: demographics, FHIR observations, consents and claims
 * for made-up patients. They stand in for PHI, so they travel exactly as PHI does (transient
 * map, request bodies) and are never printed or logged.
 */
import { randomInt } from 'node:crypto';
import { observation } from '../../test/e2e/support/phi';

/** The six covered codes of the bench plan that need neither prior authorisation nor review. */
export const CLAIM_CODES = ['99213', '99214', '97110', '97140', '97530', '80053'] as const;

/** KIND keeps the medical record numbers of set-up ('s') and workload ('w') patients apart:
 * a provider refuses a second patient with the same MRN. */
export function demographics(run: string, n: number, kind: 's' | 'w' | 'c') {
  return {
    mrn: `MRN-${kind}${run}-${n}`,
    givenName: 'Bench',
    familyName: `Patient${run}${n}`,
    birthDate: `19${String(40 + (n % 60)).padStart(2, '0')}-0${1 + (n % 9)}-1${n % 10}`,
  };
}

export function vitalSign(run: string) {
  return observation(run, Number(`${randomInt(60, 200)}.${randomInt(100, 999)}`));
}

/** A year's consent of the patient to ProviderB for treatment, every category. */
export function consentRequest(patientId: string) {
  const from = new Date();
  return {
    patientId,
    grantee: { kind: 'organisation' as const, mspId: 'ProviderBMSP' },
    scope: 'all' as const,
    purpose: 'treatment' as const,
    validFrom: from.toISOString(),
    validTo: new Date(from.getTime() + 365 * 86_400_000).toISOString(),
  };
}

/** Deductible 0, 20 % coinsurance and an out-of-pocket maximum no run reaches, so every claim
 * changes the member's accumulators (the key that makes claims of one member conflict). */
export function benchPlan(planId: string) {
  return {
    planId,
    deductibleCents: 0,
    coinsuranceBps: 2_000,
    outOfPocketMaxCents: 100_000_000_000,
    coveredCodes: CLAIM_CODES.map((code) => ({ code, allowedCents: 15_000 })),
    timelyFilingDays: 365,
    paymentConsentRequired: false,
    reviewThresholdCents: 100_000_000_000,
  };
}

/** Coverage from last year to next, so every service date of the run is covered. */
export function enrolment(patientId: string, planId: string, run: string, n: number) {
  const year = new Date().getUTCFullYear();
  return {
    patientId,
    planId,
    memberNumber: `M-B${run}-${n}`,
    coverageFrom: `${year - 1}-01-01`,
    coverageTo: `${year + 1}-12-31`,
  };
}

function isoDay(daysAgo: number): string {
  return new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

/** Days of this calendar year up to today (at most 60): one plan year, one accumulator key. */
function serviceDays(): number {
  const now = new Date();
  const jan1 = Date.UTC(now.getUTCFullYear(), 0, 1);
  return Math.max(1, Math.min(60, Math.floor((now.getTime() - jan1) / 86_400_000) + 1));
}

/**
 * The N-th claim of a member, rendered by PRACTITIONERS[n % count]: practitioner, service date
 * and code vary with N so that no line duplicates an earlier one of the member (a duplicate is
 * denied and would leave the accumulators alone).
 */
export function claim(
  claimId: string,
  patientId: string,
  practitionerIds: readonly string[],
  n: number,
) {
  const days = serviceDays();
  const p = practitionerIds.length;
  return {
    claimId,
    patientId,
    renderingPractitionerId: practitionerIds[n % p] ?? '',
    serviceDate: isoDay(Math.floor(n / p) % days),
    diagnosisCodes: ['Z00.00'],
    lines: [
      {
        code: CLAIM_CODES[Math.floor(n / (p * days)) % CLAIM_CODES.length] ?? '99213',
        units: 1,
        chargeCents: 18_000,
      },
    ],
  };
}
