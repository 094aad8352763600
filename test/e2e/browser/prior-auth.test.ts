/**
 * A prior authorisation recorded in the insurer's console: the plan marks a code as needing
 * one, so ProviderA's claim for it is denied (NO_PRIOR_AUTH) until the adjudicator records an
 * authorisation on the "Prior authorisations" page; the same service claimed again is then
 * approved and priced. The login pages name the organisation whose gateway they belong to.
 */
import { day } from '../support/people';
import { screenshot, signIn, waitForText, consoleSuite } from './support';
import {
  AUTH_CODE,
  c3PlanByApi,
  fillPriorAuth,
  recordPriorAuth,
  submitOnClaimsPage,
} from './support/c3-claims';
import { refusedField } from './support/steps';

describe('console: a prior authorisation lets a claim line be approved', function () {
  this.timeout(600_000);
  const { people, run, newPage } = consoleSuite();
  const planId = `plan-c3p${run}`;
  let patientId = '';
  const practitionerId = `pr-c3p-${run}`;

  it('denies the line without one, approves and prices it once the insurer records one', async () => {
    const [physician, patient] = await Promise.all([
      people.licensedPhysician('providera', practitionerId),
      people.newPatient('providera', run),
    ]);
    patientId = patient.patientId;
    await c3PlanByApi(people, planId, patientId, `MP-${run}`);

    // Each login page says whose gateway it is (from the anonymous /openapi.json title).
    const provider = await newPage('providera');
    await waitForText(provider.locator('.gateway-org'), 'Provider A (ProviderAMSP)');
    await screenshot(provider, 'c3-login-providera');
    await signIn(provider, 'providera', physician.enrollmentId, physician.password);

    // No authorisation yet: the only line is denied, so the claim is.
    const first = `clm-c3p1${run}`;
    const claim = { patientId, code: AUTH_CODE, charge: '500.00' };
    await submitOnClaimsPage(provider, people, { ...claim, claimId: first }, 'denied');
    const detail = provider.locator('.claim-detail');
    await waitForText(detail.locator('td'), 'NO_PRIOR_AUTH');
    await waitForText(detail.locator('dd'), '$0.00'); // insurer pays nothing
    await screenshot(provider, 'c3-provider-claim-no-prior-auth');

    // The adjudicator records one; a window ending before it starts is refused beside "Valid to".
    const adjudicator = await newPage('insurer');
    await waitForText(adjudicator.locator('.gateway-org'), 'Insurer (InsurerMSP)');
    await signIn(adjudicator, 'insurer', 'adjudicator1');
    const authId = `pa-c3${run}`;
    const auth = { authId, patientId, code: AUTH_CODE, from: day(-7), to: day(30) };
    await fillPriorAuth(adjudicator, { ...auth, to: day(-8) });
    const form = adjudicator.getByRole('form', { name: 'Record a prior authorisation' });
    await refusedField(form, 'Valid to', 'must not be before validFrom');
    await screenshot(adjudicator, 'c3-insurer-prior-auth-refused');
    await recordPriorAuth(adjudicator, people, auth);
    await screenshot(adjudicator, 'c3-insurer-prior-auth');

    // The same service claimed again: approved; $400 allowed, 20 %: $320 paid, $80 patient share.
    const second = `clm-c3p2${run}`;
    await submitOnClaimsPage(provider, people, { ...claim, claimId: second }, 'approved');
    await waitForText(detail.locator('h2'), `Claim ${second}`);
    await waitForText(detail.locator('.claim-status'), 'approved');
    await waitForText(detail.locator('dd'), '$400.00');
    await waitForText(detail.locator('dd'), '$320.00');
    await waitForText(detail.locator('dd'), '$80.00');
    await waitForText(detail.locator('td .badge'), 'approved');
    await screenshot(provider, 'c3-provider-claim-prior-auth-approved');
  });
});
