/**
 * Chromium for the browser tests: Debian's package (`apt-get install -y chromium fonts-noto-cjk`, as
 * .ci/run does) driven by playwright-core, which cannot download a browser on this network.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

/**
 * Runs `use` on a page the size of a phone (390 × 844) in a browser of its own, closed afterwards;
 * `errors` collects the page's uncaught script errors.
 */
export async function onPhone(use: (page: Page, errors: string[]) => Promise<void>): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await use(page, errors);
  } finally {
    await browser.close();
  }
}
