/**
 * Headless Chromium for tests that look at a page as a browser draws it.
 * Uses Debian's `chromium` package through playwright-core; no browser is
 * downloaded. Tests skip, saying why, on a machine without it.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Where Debian's package installs Chromium. */
const CHROMIUM_PATH = '/usr/bin/chromium';

/** Whether Chromium is installed here. */
export const chromiumAvailable: boolean = existsSync(CHROMIUM_PATH);

/** Why browser tests skip when Chromium is missing. */
export const CHROMIUM_MISSING = `${CHROMIUM_PATH} is missing (install Debian's chromium package; .ci/run does)`;

// Headless, and quiet: no sandbox (tests run as root), no GPU, and none of
// the background traffic (updates, sync, QUIC probes) that a test must not send.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts headless Chromium with a fresh temporary profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

/** What went wrong while a page loaded. */
export interface PageProblems {
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
  /** Requests for anything but the page itself. */
  readonly requests: string[];
  /** Requests that failed, the page's own included. */
  readonly failed: string[];
}

/**
 * Opens `url` in a new page, recording console errors, page errors, every
 * request other than `url` itself and every failed request.
 */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; problems: PageProblems }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: PageProblems = { errors: [], requests: [], failed: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(message.text());
  });
  page.on('pageerror', (error) => problems.errors.push(error.message));
  page.on('request', (request) => {
    if (request.url() !== url) problems.requests.push(request.url());
  });
  page.on('requestfailed', (request) => problems.failed.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`));
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}
