/**
 * A licence suspension seen by a provider: a board officer suspends a physician's licence in
 * the board's console; the physician, in ProviderA's console, is refused adding a record with
 * the credential refusal on the page; the verification page shows the licence suspended, with
 * its history; the officer reinstates it and the same record is then added.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { goTo, PHONE, screenshot, signIn, waitForText, consoleSuite } from './support';
import { changeLicence } from './support/c2-insurer';

describe('console: a licence suspension seen by a provider', function () {
  this.timeout(600_000);
  const { people, run, newPage } = consoleSuite();
  let patientId = '';
  const practitionerId = `pr-c2l-${run}`;
  const licence = `LIC-${practitionerId}`;

  it('refuses the suspended physician on the page, shows it on verification, and allows again after reinstatement', async () => {
    const [physician, patient] = await Promise.all([
      people.licensedPhysician('providera', practitionerId),
      people.newPatient('providera', run),
    ]);
    patientId = patient.patientId;

    const board = await newPage('board');
    await signIn(board, 'board', 'officer1');
    await changeLicence(board, people, licence, 'suspension', {
      code: 'PENDING_INVESTIGATION',
      note: `complaint ${run} under review`,
    });
    await waitForText(board.getByRole('status'), 'Not valid on');
    await waitForText(board.locator('dd'), 'suspended');
    await screenshot(board, 'c2-board-licences');

    // The physician is refused, with the credential refusal shown in the form.
    const provider = await newPage('providera');
    await signIn(provider, 'providera', physician.enrollmentId, physician.password);
    await goTo(provider, 'Add a record');
    await addObservation(provider);
    const refusal = await waitForText(provider.getByRole('alert'), 'Credential not valid');
    await waitForText(refusal, /suspended/i);
    await screenshot(provider, 'c2-provider-record-refused');

    // Anyone signed in verifies the licence: suspended, and the history says who and why.
    await goTo(provider, 'Verify a licence');
    await verify(provider);
    await waitForText(provider.getByRole('status'), 'Not valid on');
    const history = provider.getByRole('table', { name: `History of licence ${licence}` });
    await waitForText(history.locator('tr'), 'issued');
    const why = await waitForText(history.locator('tr'), 'Pending investigation');
    // The board's note is private to the board: never in the history a provider reads.
    assert.ok(!((await why.textContent()) ?? '').includes(`complaint ${run}`));
    await screenshot(provider, 'c2-verify-licence-suspended');

    // Reinstated: the same record is now added.
    await changeLicence(board, people, licence, 'reinstatement');
    await waitForText(board.getByRole('status'), 'Valid on');
    await goTo(provider, 'Add a record');
    await addObservation(provider);
    await waitForText(provider.getByRole('status'), `added for ${patientId}`);
    await screenshot(provider, 'c2-provider-record-added');

    // The verification page on a phone: valid again, history with the reinstatement.
    const phone = await newPage('providera', PHONE);
    await signIn(phone, 'providera', physician.enrollmentId, physician.password);
    await goTo(phone, 'Verify a licence');
    await verify(phone);
    await waitForText(phone.getByRole('status'), 'Valid on');
    await waitForText(phone.locator('td'), 'reinstated');
    await screenshot(phone, 'c2-verify-licence-phone');
  });

  async function addObservation(page: Page): Promise<void> {
    const form = page.getByRole('form', { name: 'Add a record' });
    await form.getByLabel('Patient ID').fill(patientId);
    await form.getByLabel('What was observed').fill('heart rate');
    await form.getByLabel('Value').fill('72');
    await form.getByLabel('Unit').fill('beats/min');
    await form.getByRole('button', { name: 'Add record' }).click();
  }

  async function verify(page: Page): Promise<void> {
    const form = page.getByRole('form', { name: 'Verify a licence' });
    await form.getByLabel('Licence number').fill(licence);
    await form.getByLabel('Organisation').selectOption('ProviderAMSP');
    await form.getByRole('button', { name: 'Verify' }).click();
  }
});
