/**
 * Steps of C3's console tests: a plan with a code that needs prior authorisation (set up over
 * HTTP with memberByApi), a claim submitted and an appeal made in the provider's Claims
 * page, and a prior authorisation recorded on the insurer's page, each as a person would.
 */
import type { Page } from 'playwright-core';
import { day } from '../../support/people';
import { blockOf, goTo, waitForText } from './browser';
import { memberByApi } from './c2-insurer';
import type { People } from './people';

/** Needs prior authorisation in the plans c3PlanByApi publishes; $400 allowed per unit. */
export const AUTH_CODE = '70553';

/** A plan (99213 at $150; AUTH_CODE at $400 needing prior authorisation; otherwise as
 * memberByApi's) and PATIENTID enrolled in it. */
export function c3PlanByApi(
  people: People,
  planId: string,
  patientId: string,
  memberNumber: string,
): Promise<void> {
  return memberByApi(people, planId, patientId, memberNumber, [
    { code: '99213', allowedCents: 15_000 },
    { code: AUTH_CODE, allowedCents: 40_000, requiresPriorAuth: true },
  ]);
}

export interface ProviderClaim {
  readonly claimId: string;
  readonly patientId: string;
  readonly code: string;
  readonly charge: string;
}

/** Submits a one-line claim (yesterday, J10.1) on the provider's Claims page; waits for the
 * notice naming STATUS and for every peer to have its block. */
export async function submitOnClaimsPage(
  page: Page,
  people: People,
  claim: ProviderClaim,
  status: string,
): Promise<void> {
  await goTo(page, 'Claims');
  const form = page.getByRole('form', { name: 'Submit a claim' });
  await form.getByLabel('Claim ID').fill(claim.claimId);
  await form.getByLabel('Patient ID').fill(claim.patientId);
  await form.getByLabel('Service date').fill(day(-1));
  await form.getByLabel('Diagnosis codes').fill('J10.1');
  await form.getByLabel('Line 1 service code').fill(claim.code);
  await form.getByLabel('Line 1 charge (USD)').fill(claim.charge);
  await form.getByRole('button', { name: 'Submit claim' }).click();
  const notice = `Claim ${claim.claimId} submitted: ${status}.`;
  await people.settle(await blockOf(await waitForText(page.getByRole('status'), notice)));
}

export interface PriorAuthForm {
  readonly authId: string;
  readonly patientId: string;
  readonly code: string;
  readonly from: string;
  readonly to: string;
}

/** Fills the form of the insurer's "Prior authorisations" page and presses its button. */
export async function fillPriorAuth(page: Page, auth: PriorAuthForm): Promise<void> {
  await goTo(page, 'Prior authorisations');
  const form = page.getByRole('form', { name: 'Record a prior authorisation' });
  await form.getByLabel('Authorisation ID').fill(auth.authId);
  await form.getByLabel('Patient ID').fill(auth.patientId);
  await form.getByLabel('Service code').fill(auth.code);
  await form.getByLabel('Valid from').fill(auth.from);
  await form.getByLabel('Valid to').fill(auth.to);
  await form.getByRole('button', { name: 'Record authorisation' }).click();
}

/** Records a prior authorisation on the insurer's page; waits for the notice and every peer. */
export async function recordPriorAuth(
  page: Page,
  people: People,
  auth: PriorAuthForm,
): Promise<void> {
  await fillPriorAuth(page, auth);
  const notice = `Prior authorisation ${auth.authId} recorded`;
  await people.settle(await blockOf(await waitForText(page.getByRole('status'), notice)));
}

/** Opens CLAIMID with the "Open a claim" form of the provider's Claims page; the detail. */
export async function openOnClaimsPage(page: Page, claimId: string): Promise<void> {
  await goTo(page, 'Claims');
  const find = page.getByRole('form', { name: 'Open a claim' });
  await find.getByLabel('Claim ID').fill(claimId);
  await find.getByRole('button', { name: 'Open claim' }).click();
  await page.getByRole('heading', { level: 2, name: `Claim ${claimId}` }).waitFor();
}
