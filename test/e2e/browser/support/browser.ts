/**
 * Headless Chromium for the console tests: Debian's /usr/bin/chromium driven by
 * playwright-core (no browser download), one browser per test file and one context per person
 * (each has its own sessionStorage, so two people can be signed in side by side).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { OrgName } from '../../support/network';
import { gatewayUrl, passwordOf, SCREENSHOTS } from './gateways';

export const CHROMIUM = process.env.HEALTHLEDGER_CHROMIUM ?? '/usr/bin/chromium';

/** Generous: a write waits for a block on a 2-core machine shared with other networks. */
export const UI_TIMEOUT_MS = 60_000;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

export const PHONE: Viewport = { width: 375, height: 740 };
export const DESKTOP: Viewport = { width: 1280, height: 860 };

/** A new page (in its own context) at ORG's console. The gateway's certificate comes from the
 * organisation's CA, which the browser does not know: the test trusts it by ignoring the error. */
export async function openConsole(
  browser: Browser,
  org: OrgName,
  viewport: Viewport = DESKTOP,
): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  const page = await context.newPage();
  await page.goto(`${gatewayUrl(org)}/console/`);
  return page;
}

/** Signs in through the login form and waits for the header and the live event stream. */
export async function signIn(
  page: Page,
  org: OrgName,
  enrollmentId: string,
  password = passwordOf(org, enrollmentId),
): Promise<void> {
  await page.getByLabel('Enrolment ID').fill(enrollmentId);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await waitForText(page.locator('.who'), enrollmentId);
  await waitForText(page.locator('.live'), 'Live updates: on');
}

/** Opens the page of the navigation named TITLE and waits for its heading. */
export async function goTo(page: Page, title: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Pages' });
  if (!(await nav.isVisible())) await page.getByRole('button', { name: 'Menu' }).click();
  await nav.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** Waits until an element of LOCATOR shows TEXT (polling, no fixed sleep); returns it. */
export async function waitForText(
  locator: Locator,
  text: string | RegExp,
  timeout = UI_TIMEOUT_MS,
): Promise<Locator> {
  const found = locator.filter({ hasText: text }).first();
  await found.waitFor({ state: 'visible', timeout });
  return found;
}

/** Saves a full-page PNG to artifacts/screenshots/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The block a success notice says the write landed in (data-block). */
export async function blockOf(notice: Locator): Promise<number> {
  const block = Number(await notice.getAttribute('data-block'));
  if (!Number.isInteger(block) || block < 0) throw new Error('the notice names no block');
  return block;
}
