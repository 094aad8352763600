/**
 * What every console test file starts with: the network, the people its run makes, a run ID,
 * and one headless browser, opened before the file's tests and closed after them (closing the
 * browser closes every page opened in it). Call it at the top of the describe().
 */
import type { Browser, Page } from 'playwright-core';
import type { OrgName } from '../../support/network';
import { TestNetwork } from '../../support/network';
import { launchBrowser, openConsole, type Viewport } from './browser';
import { People, runId } from './people';

export interface ConsoleSuite {
  readonly people: People;
  readonly run: string;
  /** A new page (its own context) at ORG's console. */
  newPage(org: OrgName, viewport?: Viewport): Promise<Page>;
}

export function consoleSuite(): ConsoleSuite {
  const net = new TestNetwork();
  const people = new People(net);
  let browser: Browser | undefined;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    people.close();
    net.close();
  });
  return {
    people,
    run: runId(),
    newPage(org, viewport) {
      if (!browser) throw new Error('the browser starts in the suite before() hook');
      return openConsole(browser, org, viewport);
    },
  };
}
