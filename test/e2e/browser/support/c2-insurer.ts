/**
 * Steps of the insurer's and board's consoles that the claim and licence tests share: filling
 * the plan, enrolment and licence-change forms the way a person would, and reading the
 * block a success notice names so the next step (endorsed by another organisation) waits
 * until every peer has it.
 */
import type { Page } from 'playwright-core';
import { blockOf, goTo, waitForText } from './browser';
import { day } from '../../support/people';
import type { People } from './people';
import { refusedField } from './steps';

export interface PlanForm {
  readonly planId: string;
  readonly deductible: string;
  readonly reviewThreshold: string;
  readonly code: string;
  readonly allowed: string;
}

/** Publishes a plan version on the Plans page; waits for the notice and every peer. */
export async function publishPlan(page: Page, people: People, plan: PlanForm): Promise<void> {
  await goTo(page, 'Plans');
  const form = page.getByRole('form', { name: 'Publish a plan' });
  await form.getByLabel('Plan ID').fill(plan.planId);
  await form.getByLabel('Deductible ($)').fill(plan.deductible);
  await form.getByLabel('Coinsurance (basis points)').fill('2000');
  await form.getByLabel('Review threshold ($)').fill(plan.reviewThreshold);
  await form.getByLabel('Code 1', { exact: true }).fill(plan.code);
  await form.getByLabel('Code 1 allowed per unit ($)').fill(plan.allowed);
  await form.getByRole('button', { name: 'Publish plan' }).click();
  const notice = await waitForText(page.getByRole('status'), `Published plan ${plan.planId}`);
  await people.settle(await blockOf(notice));
}

/** Publishing 200.01 % coinsurance is refused by the gateway; the page puts the error next to
 * the coinsurance field (aria-invalid, aria-describedby), not at the top of the form. */
export async function refusedCoinsurance(page: Page, planId: string): Promise<void> {
  await goTo(page, 'Plans');
  const form = page.getByRole('form', { name: 'Publish a plan' });
  await form.getByLabel('Plan ID').fill(planId);
  await form.getByLabel('Coinsurance (basis points)').fill('20001');
  await form.getByLabel('Code 1', { exact: true }).fill('99213');
  await form.getByLabel('Code 1 allowed per unit ($)').fill('150.00');
  await form.getByRole('button', { name: 'Publish plan' }).click();
  await refusedField(form, 'Coinsurance (basis points)', 'at most 10000 basis points');
}

export interface Enrolment {
  readonly patientId: string;
  readonly planId: string;
  readonly memberNumber: string;
  readonly from: string;
  readonly to: string;
}

/** Enrols a member on the Members page (intake); waits for the notice and every peer. */
export async function enrolMember(page: Page, people: People, e: Enrolment): Promise<void> {
  await goTo(page, 'Members');
  const form = page.getByRole('form', { name: 'Enrol a member' });
  await form.getByLabel('Patient ID').fill(e.patientId);
  await form.getByLabel('Plan ID').fill(e.planId);
  await form.getByLabel('Member number').fill(e.memberNumber);
  await form.getByLabel('Coverage from').fill(e.from);
  await form.getByLabel('Coverage to').fill(e.to);
  await form.getByRole('button', { name: 'Enrol member' }).click();
  const notice = await waitForText(page.getByRole('status'), `Enrolled ${e.patientId}`);
  await people.settle(await blockOf(notice));
}

/** Each change and the word of the page's notice once it is recorded. */
const DONE = {
  suspension: 'suspended',
  reinstatement: 'reinstated',
  renewal: 'renewed',
  revocation: 'revoked',
} as const;

export type LicenceChange = keyof typeof DONE;

/** Applies a change to a licence on the board's Licences page; waits for every peer. */
export async function changeLicence(
  page: Page,
  people: People,
  licenceNumber: string,
  change: LicenceChange,
  reason?: { code: string; note?: string },
): Promise<void> {
  await goTo(page, 'Licences');
  const form = page.getByRole('form', { name: 'Change a licence' });
  await form.getByLabel('Licence number').fill(licenceNumber);
  await form.getByLabel('Change').selectOption(change);
  if (reason !== undefined) {
    await form.getByLabel('Reason').selectOption(reason.code);
    if (reason.note !== undefined) await form.getByLabel('Note (private)').fill(reason.note);
  }
  await form.getByRole('button', { name: 'Apply change' }).click();
  const done = `Licence ${licenceNumber} ${DONE[change]}.`;
  const notice = await waitForText(page.getByRole('status'), done);
  await people.settle(await blockOf(notice));
}

/** A code a plan covers, as POST /plans takes it. */
export interface CoveredCode {
  readonly code: string;
  readonly allowedCents: number;
  readonly requiresPriorAuth?: boolean;
}

/** Through the HTTP API: a plan (COVEREDCODES, by default $150 per 99213; no deductible, 20 %
 * coinsurance, review above $5,000) and PATIENTID enrolled in it for the month before and the
 * year after today. */
export async function memberByApi(
  people: People,
  planId: string,
  patientId: string,
  memberNumber: string,
  coveredCodes: readonly CoveredCode[] = [{ code: '99213', allowedCents: 15_000 }],
): Promise<void> {
  const [adjudicator, intake] = await Promise.all([
    people.as('insurer', 'adjudicator1'),
    people.as('insurer', 'intake1'),
  ]);
  await people.committed(adjudicator, '/plans', {
    planId,
    deductibleCents: 0,
    coinsuranceBps: 2000,
    outOfPocketMaxCents: 300_000,
    coveredCodes,
    timelyFilingDays: 90,
    paymentConsentRequired: false,
    reviewThresholdCents: 500_000,
  });
  await people.committed(intake, '/members', {
    patientId,
    planId,
    memberNumber,
    coverageFrom: day(-30),
    coverageTo: day(335),
  });
}
