/**
 * "Who accessed my data" in the console, in a real browser against the real network: the
 * patient watches the page while ProviderA's physician reads a record (the read appears live,
 * not an emergency) and ProviderB's physician breaks the glass and reads it (marked as an
 * emergency, with the declared reason). Also takes the screenshots of the patient's and the
 * physician's other main pages, one of them at phone size.
 */
import assert from 'node:assert/strict';
import { clinicalValue } from '../support/people';
import {
  goTo,
  PHONE,
  screenshot,
  signIn,
  waitForText,
  type Credentials,
  consoleSuite,
} from './support';
import { committed, readRecord } from './support/steps';

describe('console: who accessed my data', function () {
  this.timeout(600_000);
  const { people, run, newPage } = consoleSuite();
  let patientId = '';
  const value = clinicalValue(run, 2);
  // The reason is a public code; the note is private to ProviderA, the registering provider.
  const note = `found collapsed at home ${run}`;
  let physicianA: Credentials;
  let physicianB: Credentials;
  let patient: Credentials & { patientId: string };
  let recordId: string;

  const open = async (org: 'providera' | 'providerb', who: Credentials, phone = false) => {
    const page = await newPage(org, phone ? PHONE : undefined);
    await signIn(page, org, who.enrollmentId, who.password);
    return page;
  };

  before(async () => {
    [physicianA, physicianB, patient] = await Promise.all([
      people.licensedPhysician('providera', `pr-a-l${run}`),
      people.licensedPhysician('providerb', `pr-b-l${run}`),
      people.newPatient('providera', run),
    ]);
    patientId = patient.patientId;
    recordId = await people.addRecord(physicianA, patientId, {
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'body temperature' },
      valueQuantity: { value, unit: 'Cel' },
    });
  });

  it("shows a provider's read live, and an emergency access marked as such", async () => {
    const own = await open('providera', patient);
    await goTo(own, 'Who accessed my data');
    await waitForText(own.locator('.page'), 'Nobody has read your data yet.');

    const doctor = await open('providera', physicianA);
    await readRecord(doctor, recordId);
    await waitForText(doctor.locator('.record-result'), String(value));
    const reads = own.getByRole('table', { name: 'Reads of my data, newest first' });
    const normal = await waitForText(reads.getByRole('row'), physicianA.enrollmentId);
    assert.match((await normal.textContent()) ?? '', /treatment.*No$/);

    const emergency = await open('providerb', physicianB);
    await goTo(emergency, 'Emergency access');
    const declare = emergency.getByRole('form', { name: 'Declare emergency access' });
    await declare.getByLabel('Patient ID').fill(patientId);
    await declare.getByLabel('Reason').selectOption('UNCONSCIOUS_PATIENT');
    await declare.getByLabel('Note (private)').fill(note);
    await screenshot(emergency, 'emergency-access');
    await declare.getByRole('button', { name: 'Declare emergency access' }).click();
    await committed(emergency, people, `Emergency access to ${patientId}`);
    await readRecord(emergency, recordId);
    await waitForText(emergency.locator('.record-result'), String(value));

    const marked = await waitForText(reads.getByRole('row'), physicianB.enrollmentId);
    assert.match((await marked.textContent()) ?? '', /Emergency/);
    const declared = own.getByRole('table', { name: 'Emergency accesses declared on me' });
    await own.reload();
    const row = await waitForText(declared.getByRole('row'), 'Unconscious or unresponsive patient');
    assert.ok(!((await row.textContent()) ?? '').includes(note), 'the note is not public');
    await waitForText(reads.getByRole('row'), physicianB.enrollmentId);
    await screenshot(own, 'my-access-log');
  });

  it("the patient's other pages: records (opening one), erasure, and the access log at phone size", async () => {
    const own = await open('providera', patient);
    await goTo(own, 'My records');
    await waitForText(
      own.getByRole('table', { name: `Records of ${patientId}` }).getByRole('row'),
      recordId,
    );
    await screenshot(own, 'my-records');
    await own.getByRole('button', { name: `Open record ${recordId}` }).click();
    const read = own.getByRole('form', { name: 'Read a record' });
    assert.equal(await read.getByLabel('Record ID').inputValue(), recordId);
    await read.getByRole('button', { name: 'Read record' }).click();
    await waitForText(own.locator('.record-result'), String(value));
    await goTo(own, 'Request erasure');
    await waitForText(own.locator('.facts'), 'ProviderAMSP');
    await screenshot(own, 'request-erasure');

    const phone = await open('providera', patient, true);
    // At phone width the navigation folds behind the Menu button.
    const nav = phone.getByRole('navigation', { name: 'Pages' });
    assert.equal(await nav.isVisible(), false);
    await phone.getByRole('button', { name: 'Menu' }).click();
    await nav.getByRole('link', { name: 'Who accessed my data' }).waitFor();
    await screenshot(phone, 'menu-phone');
    await goTo(phone, 'Who accessed my data');
    await waitForText(
      phone.getByRole('table', { name: 'Reads of my data, newest first' }),
      'Emergency',
    );
    await screenshot(phone, 'my-access-log-phone');
  });

  it("the physician's pages: a record added as JSON, the patient found, a claim submitted", async () => {
    const doctor = await open('providera', physicianA);
    await goTo(doctor, 'Add a record');
    const add = doctor.getByRole('form', { name: 'Add a record' });
    await add.getByLabel('Patient ID').fill(patientId);
    await add.getByLabel('Kind of record').selectOption('json');
    const json = add.getByLabel('FHIR resource (JSON)');
    await json.fill('{"resourceType": "Condition",');
    await add.getByRole('button', { name: 'Add record' }).click();
    await waitForText(add.locator('.field-error'), 'is not valid JSON');
    await json.fill(JSON.stringify({ resourceType: 'Condition', code: { text: 'influenza' } }));
    await add.getByRole('button', { name: 'Add record' }).click();
    await committed(doctor, people, `added for ${patientId}`);

    await goTo(doctor, 'Find a patient');
    const find = doctor.getByRole('form', { name: 'Find a patient' });
    await find.getByLabel('Patient ID').fill(patientId);
    await find.getByRole('button', { name: 'Find patient' }).click();
    const records = doctor.getByRole('table', { name: `Records of ${patientId}` });
    await waitForText(records.getByRole('row'), recordId);
    await waitForText(records.getByRole('row'), 'Condition');
    await screenshot(doctor, 'find-patient');
    await doctor.getByRole('button', { name: 'Submit a claim' }).click();
    const claim = doctor.getByRole('form', { name: 'Submit a claim' });
    const claimId = `clm-l${run}`;
    await claim.getByLabel('Claim ID').fill(claimId);
    assert.equal(await claim.getByLabel('Patient ID').inputValue(), patientId);
    await claim.getByLabel('Diagnosis codes').fill('J10.1');
    await claim.getByLabel('Line 1 service code').fill('99213');
    await claim.getByLabel('Line 1 charge (USD)').fill('180.00');
    await claim.getByRole('button', { name: 'Submit claim' }).click();
    // No plan covers this patient: adjudication denies the claim at once.
    await committed(doctor, people, `Claim ${claimId} submitted: denied.`);
    const detail = doctor.locator('.claim-detail');
    await waitForText(detail, 'Charged');
    assert.match((await detail.textContent()) ?? '', /\$180\.00/);
    await waitForText(doctor.getByRole('table', { name: 'Claims of my organisation' }), claimId);
    await screenshot(doctor, 'claims');
  });
});
