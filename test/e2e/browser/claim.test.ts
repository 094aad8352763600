/**
 * A claim from submission to payment across two consoles: the insurer publishes a plan and
 * enrols a member in its console; a physician of ProviderA submits a claim above the plan's
 * review threshold in theirs, so it pends; it appears live in the adjudicator's queue, who
 * opens it, approves its line and records the payment; the provider's page shows the claim
 * go to paid without a reload, and both show the amounts the chaincode priced.
 */
import type { Page } from 'playwright-core';
import { day } from '../support/people';
import {
  blockOf,
  goTo,
  PHONE,
  runId,
  screenshot,
  signIn,
  waitForText,
  consoleSuite,
} from './support';
import { enrolMember, memberByApi, publishPlan, refusedCoinsurance } from './support/c2-insurer';
import { openOnClaimsPage } from './support/c3-claims';
import { refusedField } from './support/steps';

describe('console: a claim from submission to payment', function () {
  this.timeout(600_000);
  const { people, run, newPage } = consoleSuite();
  const planId = `plan-c2${run}`;
  let patientId = '';
  const practitionerId = `pr-c2c-${run}`;
  const claimId = `clm-c2${run}`;

  it('pends, is approved and paid in the insurer console, and shows paid live at the provider', async () => {
    const [physician, patient] = await Promise.all([
      people.licensedPhysician('providera', practitionerId),
      people.newPatient('providera', run),
    ]);
    patientId = patient.patientId;

    // The insurer: a plan whose review threshold ($100) a $180 visit exceeds, and a member.
    const adjudicator = await newPage('insurer');
    await signIn(adjudicator, 'insurer', 'adjudicator1');
    // A refusal of the gateway is shown next to the field it names.
    await refusedCoinsurance(adjudicator, planId);
    await screenshot(adjudicator, 'c2-insurer-plans-refused');
    await publishPlan(adjudicator, people, {
      planId,
      deductible: '0',
      reviewThreshold: '100.00',
      code: '99213',
      allowed: '150.00',
    });
    await waitForText(adjudicator.locator('td'), '$150.00');
    // Looked up by ID and version: a second table of the covered codes, under "View a plan".
    const lookup = adjudicator.getByRole('form', { name: 'View a plan' });
    await lookup.getByLabel('Plan ID').fill(planId);
    await lookup.getByLabel('Version (newest when empty)').fill('1');
    await lookup.getByRole('button', { name: 'View plan' }).click();
    await adjudicator
      .getByRole('table', { name: `Codes covered by ${planId} v1` })
      .nth(1)
      .waitFor();
    await screenshot(adjudicator, 'c2-insurer-plans');
    const intake = await newPage('insurer');
    await signIn(intake, 'insurer', 'intake1');
    await enrolMember(intake, people, {
      patientId,
      planId,
      memberNumber: `M-${run}`,
      from: day(-30),
      to: day(335),
    });
    await screenshot(intake, 'c2-insurer-members');

    // The adjudicator watches the queue of pended claims while the provider submits.
    await goTo(adjudicator, 'Claims queue');
    const provider = await newPage('providera');
    await signIn(provider, 'providera', physician.enrollmentId, physician.password);
    await goTo(provider, 'Claims');
    await submitClaim(provider);
    await waitForText(provider.getByRole('status'), `Claim ${claimId} submitted: pended.`);

    // Live: the queue refreshes on ClaimPended; open the claim (the read is logged).
    const open = adjudicator.getByRole('button', { name: `Open ${claimId}` });
    await open.waitFor();
    await screenshot(adjudicator, 'c2-insurer-queue');
    await open.click();
    const detail = adjudicator.locator('section.claim-detail');
    await waitForText(detail.locator('dd'), '$180.00'); // total charged
    await waitForText(detail.locator('dd'), 'ABOVE_REVIEW_THRESHOLD');
    await waitForText(detail.locator('td'), 'PENDED_FOR_REVIEW');
    await screenshot(adjudicator, 'c2-insurer-claim-pended');

    // Approve the line: priced now, $150 allowed, 20 % coinsurance: $120 paid, $30 patient share.
    await detail.getByLabel('Decision for line 1').selectOption('approve');
    await detail.getByRole('button', { name: 'Record review decision' }).click();
    await waitForText(detail.getByRole('status'), `Claim ${claimId} is now approved.`);
    await waitForText(detail.locator('dd'), '$120.00');
    await waitForText(detail.locator('dd'), '$30.00');

    // Pay the adjudicated total (prefilled) with a remittance reference.
    await detail.getByLabel('Remittance reference').fill(`REM-${run}`);
    await detail.getByRole('button', { name: 'Record payment' }).click();
    await waitForText(detail.getByRole('status'), `Claim ${claimId} is now paid.`);
    await waitForText(detail.locator('dd'), `$120.00 on`);
    await screenshot(adjudicator, 'c2-insurer-claim-paid');

    // The provider's page went to paid live, without a reload; the claim shows the payment.
    await waitForText(provider.getByRole('status'), `claim ${claimId} is now paid`);
    await waitForText(provider.locator(`.claim-status[data-claim="${claimId}"]`), 'paid');
    await provider.getByRole('button', { name: `Open claim ${claimId}` }).click();
    await waitForText(provider.locator('dd'), '$120.00 on');
    await screenshot(provider, 'c2-provider-claim-paid');

    // The queue on a phone-sized screen: one column, the navigation collapsed.
    const phone = await newPage('insurer', PHONE);
    await signIn(phone, 'insurer', 'adjudicator1');
    await goTo(phone, 'Payments');
    await phone.getByLabel('Status').selectOption('paid');
    await phone.getByRole('button', { name: `Open ${claimId}` }).waitFor();
    await screenshot(phone, 'c2-insurer-payments-phone');
  });

  it('takes a claim from intake, and the appeal of its denied line on the Appeals page', async () => {
    const appealPlan = `plan-c2a${run}`;
    const doctor = `pr-c2a-${run}`;
    const appealed = `clm-c2a${run}`;
    const [physician, { patientId: member }] = await Promise.all([
      people.licensedPhysician('providera', doctor),
      people.newPatient('providera', runId()),
    ]);
    await memberByApi(people, appealPlan, member, `MA-${run}`);

    // The insurer's intake enters a paper claim for ProviderA: one covered line, one not.
    const intake = await newPage('insurer');
    await signIn(intake, 'insurer', 'intake1');
    await goTo(intake, 'Submit a claim');
    const form = intake.getByRole('form', { name: 'Submit a claim for a provider' });
    await form.getByLabel('Provider').selectOption('ProviderAMSP');
    await form.getByLabel('Claim ID').fill(appealed);
    await form.getByLabel('Patient ID').fill(member);
    await form.getByLabel('Rendering practitioner ID').fill(doctor);
    await form.getByLabel('Service date').fill(day(-1));
    await form.getByLabel('Diagnosis codes').fill('J10.1');
    await form.getByLabel('Line 1 service code').fill('99213');
    await form.getByLabel('Line 1 charge ($)').fill('50.00');
    await form.getByRole('button', { name: 'Add a line' }).click();
    await form.getByLabel('Line 2 service code').fill('97999');
    await form.getByLabel('Line 2 charge ($)').fill('40.00');
    await form.getByRole('button', { name: 'Submit claim' }).click();
    const submitted = `Claim ${appealed} submitted: partially-approved.`;
    await people.settle(await blockOf(await waitForText(intake.getByRole('status'), submitted)));
    await screenshot(intake, 'c2-insurer-intake-claim');

    // The adjudicator watches the appeals; the provider appeals the denied line in ProviderA's
    // console: opened, the partially approved claim offers the appeal form.
    const adjudicator = await newPage('insurer');
    await signIn(adjudicator, 'insurer', 'adjudicator1');
    await goTo(adjudicator, 'Appeals');
    const provider = await newPage('providera');
    await signIn(provider, 'providera', physician.enrollmentId, physician.password);
    await openOnClaimsPage(provider, appealed);
    const mine = provider.locator('.claim-detail');
    await waitForText(mine.locator('.claim-status'), 'partially-approved');
    const appeal = mine.getByRole('form', { name: `Appeal claim ${appealed}` });
    // Without a reason the gateway refuses; the error sits beside the reason.
    await appeal.getByRole('button', { name: 'Appeal claim' }).click();
    await refusedField(appeal, 'Appeal reason', 'must be an appeal reason code');
    await screenshot(provider, 'c3-provider-appeal-refused');
    await appeal.getByLabel('Appeal reason').selectOption('COVERAGE_DISPUTE');
    await appeal.getByLabel('Private note (optional)').fill('Line 2 was agreed with the plan.');
    await appeal.getByRole('button', { name: 'Appeal claim' }).click();
    const notice = await waitForText(
      mine.getByRole('status'),
      `Claim ${appealed} appealed: appealed.`,
    );
    await people.settle(await blockOf(notice));
    await waitForText(mine.locator('.claim-status'), 'appealed');
    if (await appeal.isVisible()) throw new Error('the appeal form is still offered');
    // The live ClaimAppealed event of the user's own appeal offers no "Reload claim".
    await waitForText(provider.getByRole('status'), `claim ${appealed} is now appealed`);
    if ((await mine.getByRole('button', { name: /^Reload claim/ }).count()) > 0) {
      throw new Error("a reload is offered after the provider's own appeal");
    }
    await screenshot(provider, 'c3-provider-appealed');

    await adjudicator.getByRole('button', { name: `Open ${appealed}` }).click();
    const detail = adjudicator.locator('section.claim-detail');
    await waitForText(detail.locator('td'), 'NOT_COVERED');
    await waitForText(detail.locator('dd'), 'COVERAGE_DISPUTE');
    await detail.getByLabel('Decision for line 2').selectOption('deny');
    await detail.getByRole('button', { name: 'Record appeal decision' }).click();
    // Denied without a reason: refused in the browser, next to the field.
    await waitForText(detail.getByRole('alert'), 'give a reason to deny');
    await detail.getByLabel('Denial reason for line 2').selectOption('NOT_COVERED');
    await detail.getByRole('button', { name: 'Record appeal decision' }).click();
    await waitForText(detail.getByRole('status'), `Claim ${appealed} is now appeal-denied.`);
    // Line 1 stays paid: $50 allowed, 20 % coinsurance: $40 to pay, $10 patient share.
    await waitForText(detail.locator('dd'), '$40.00');
    await waitForText(detail.locator('dd'), '$10.00');
    await screenshot(adjudicator, 'c2-insurer-appeal-decided');
  });

  async function submitClaim(page: Page): Promise<void> {
    const form = page.getByRole('form', { name: 'Submit a claim' });
    await form.getByLabel('Claim ID').fill(claimId);
    await form.getByLabel('Patient ID').fill(patientId);
    await form.getByLabel('Diagnosis codes').fill('J10.1');
    await form.getByLabel('Line 1 service code').fill('99213');
    await form.getByLabel('Line 1 charge (USD)').fill('180.00');
    await form.getByRole('button', { name: 'Submit claim' }).click();
  }
});
