/**
 * Steps the console tests share, written as a person would do them: fill the form by its
 * labels, press the button by its name, wait for what the page then shows.
 */
import type { Locator, Page } from 'playwright-core';
import { blockOf, goTo, waitForText } from './browser';
import type { People } from './people';

/** Reads RECORDID on the "Read a record" page; the alert or the record shown. */
export async function readRecord(
  page: Page,
  recordId: string,
  purpose = 'treatment',
): Promise<void> {
  await goTo(page, 'Read a record');
  const form = page.getByRole('form', { name: 'Read a record' });
  await form.getByLabel('Record ID').fill(recordId);
  await form.getByLabel('Purpose').selectOption(purpose);
  await form.getByRole('button', { name: 'Read record' }).click();
}

/** Waits for the success notice containing TEXT, then until every peer has its block. */
export async function committed(
  page: Page,
  people: People,
  text: string | RegExp,
): Promise<string> {
  const note = await waitForText(page.locator('.notice[data-block]'), text);
  await people.settle(await blockOf(note));
  return (await note.textContent()) ?? '';
}

/** The refusal alert of the form named FORMNAME, once it shows. */
export async function refusal(page: Page, formName: string): Promise<string> {
  const alert = await waitForText(
    page.getByRole('form', { name: formName }).getByRole('alert'),
    /./,
  );
  return (await alert.textContent()) ?? '';
}

/** Waits for the refusal TEXT in FORM and checks that it stands with the field labelled LABEL,
 * not only at the top of the form: the field is aria-invalid and described by the error. */
export async function refusedField(
  form: Locator,
  label: string,
  text: string | RegExp,
): Promise<void> {
  const error = await waitForText(form.getByRole('alert'), text);
  const field = form.getByLabel(label);
  if ((await field.getAttribute('aria-invalid')) !== 'true') {
    throw new Error(`"${label}" is not marked invalid`);
  }
  const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
  if (!describedBy.split(' ').includes(String(await error.getAttribute('id')))) {
    throw new Error(`the error does not describe "${label}"`);
  }
}
