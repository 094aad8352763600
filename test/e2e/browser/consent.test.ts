/**
 * The consent story in the console, in a real browser against the real network: ProviderA's
 * registrar registers a patient (a refused field first) and ProviderA's physician files a
 * record with the form; ProviderB's physician is refused that record; the patient grants
 * ProviderB consent in ProviderA's console and the physician reads it; the patient revokes (a
 * second tab of the patient sees it live) and the physician is refused again. At the end of
 * the story the registrar erases the patient at their request.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { clinicalValue, person } from '../support/people';
import { goTo, screenshot, signIn, waitForText, type Credentials, consoleSuite } from './support';
import { committed, readRecord, refusal, refusedField } from './support/steps';

describe('console: consent', function () {
  this.timeout(600_000);
  const { people, run, newPage } = consoleSuite();
  /** Made by the chaincode at registration, read from the console's answer. */
  let patientId = '';
  const value = clinicalValue(run, 1);
  let physicianA: Credentials;
  let physicianB: Credentials;
  let recordId = '';

  before(async () => {
    [physicianA, physicianB] = await Promise.all([
      people.licensedPhysician('providera', `pr-a-c${run}`),
      people.licensedPhysician('providerb', `pr-b-c${run}`),
    ]);
  });

  it("a registrar registers the patient in ProviderA's console", async () => {
    const page = await newPage('providera');
    await screenshot(page, 'login');
    await signIn(page, 'providera', 'registrar1');
    await goTo(page, 'Register a patient');
    const who = person(run);
    const form = page.getByRole('form', { name: 'Register a patient' });
    // No pseudonym to type: the ledger makes it.
    assert.equal(await form.getByLabel('Patient ID').count(), 0);
    await form.getByLabel('Medical record number').fill(who.mrn);
    await form.getByLabel('Given name').fill(who.givenName);
    await form.getByLabel('Family name').fill(who.familyName);
    await form.getByLabel('Birth date').fill(who.birthDate);
    // A refused field is marked, and its reason shown next to it.
    await form.getByLabel('Phone').fill('call the ward');
    await form.getByRole('button', { name: 'Register patient' }).click();
    await refusedField(form, 'Phone', /must/);
    await screenshot(page, 'register-patient-invalid');
    await form.getByLabel('Phone').fill('');
    await screenshot(page, 'register-patient');
    await form.getByRole('button', { name: 'Register patient' }).click();
    const text = await committed(page, people, /Patient pat-[0-9a-f]{32} registered\./);
    patientId = /pat-[0-9a-f]{32}/.exec(text)?.[0] ?? '';
    assert.match(patientId, /^pat-[0-9a-f]{32}$/);
    await page.context().close();
  });

  it("ProviderA's physician adds an observation with the form", async () => {
    const page = await newPage('providera');
    await signIn(page, 'providera', physicianA.enrollmentId, physicianA.password);
    await goTo(page, 'Add a record');
    const form = page.getByRole('form', { name: 'Add a record' });
    await form.getByLabel('Patient ID').fill(patientId);
    await form.getByLabel('Kind of record').selectOption('Observation');
    await form.getByLabel('What was observed').fill('heart rate');
    await form.getByLabel('Value').fill(String(value));
    await form.getByLabel('Unit').fill('beats/min');
    await screenshot(page, 'add-record');
    await form.getByRole('button', { name: 'Add record' }).click();
    const text = await committed(page, people, `added for ${patientId}`);
    recordId = /rec-[A-Za-z0-9]+/.exec(text)?.[0] ?? '';
    assert.match(recordId, /^rec-/);
    await page.context().close();
  });

  it('ProviderB is refused, reads after the consent, and is refused after the revocation', async () => {
    const patient = await people.newUser('providera', patientId, { role: 'patient', patientId });
    const provider = await newPage('providerb');
    await signIn(provider, 'providerb', physicianB.enrollmentId, physicianB.password);
    await readRecord(provider, recordId);
    assert.match(await refusal(provider, 'Read a record'), /Refused: .*consent/);
    await screenshot(provider, 'read-record-refused');

    const own = await newPage('providera');
    const watcher = await newPage('providera');
    await signIn(own, 'providera', patient.enrollmentId, patient.password);
    await signIn(watcher, 'providera', patient.enrollmentId, patient.password);
    await goTo(watcher, 'My consents');
    await goTo(own, 'My consents');
    const grant = own.getByRole('form', { name: 'Grant consent' });
    await grant.getByLabel('Organisation').selectOption('ProviderBMSP');
    await grant.getByLabel('Purpose').selectOption('treatment');
    await grant.getByRole('button', { name: 'Grant consent' }).click();
    await committed(own, people, 'Consent granted.');
    await waitForText(
      own.getByRole('table', { name: 'Consents' }).getByRole('row'),
      /ProviderBMSP.*active/,
    );
    await screenshot(own, 'my-consents');

    await readRecord(provider, recordId);
    await waitForText(provider.locator('.record-result'), String(value));
    await screenshot(provider, 'read-record');

    await own.getByRole('button', { name: 'Revoke consent to ProviderBMSP' }).click();
    await committed(own, people, 'Consent to ProviderBMSP revoked.');
    await waitForText(watcher.locator('.live-note'), 'Updated live: a consent was revoked');
    await waitForText(
      watcher.getByRole('table', { name: 'Consents' }).getByRole('row'),
      /ProviderBMSP.*revoked/,
    );

    await readRecord(provider, recordId);
    assert.match(await refusal(provider, 'Read a record'), /Refused: .*consent/);
    assert.equal(await provider.locator('.record-result').textContent(), '');
    await closeAll(provider, own, watcher);
  });

  it('the registrar erases the patient at their request; the patient sees "erased"', async () => {
    const page = await newPage('providera');
    await signIn(page, 'providera', 'registrar1');
    await goTo(page, 'Erase a patient');
    const check = page.getByRole('form', { name: 'Check who must endorse an erasure' });
    await check.getByLabel('Patient ID').fill(patientId);
    await check.getByRole('button', { name: 'Check endorsers' }).click();
    await waitForText(page.locator('.page'), `Erasing ${patientId} needs the endorsement of`);
    const erase = page.getByRole('form', { name: `Erase ${patientId}` });
    await erase.getByRole('button', { name: `Erase ${patientId}` }).click();
    await waitForText(erase.locator('.field-error'), 'confirm');
    await erase.getByLabel('The patient asked for erasure and I checked their identity').check();
    await erase.getByRole('button', { name: `Erase ${patientId}` }).click();
    await committed(page, people, `The data of ${patientId} was erased.`);
    await screenshot(page, 'erase-patient');
    await page.context().close();

    const patient = await people.newUser('providera', `${patientId}x`, {
      role: 'patient',
      patientId,
    });
    const own = await newPage('providera');
    await signIn(own, 'providera', patient.enrollmentId, patient.password);
    await goTo(own, 'Request erasure');
    await waitForText(own.locator('.facts'), 'erased');
    await own.context().close();
  });
});

async function closeAll(...pages: Page[]): Promise<void> {
  for (const page of pages) await page.context().close();
}
