import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/sim/report/renderReportHtml';
import { CHROMIUM_MISSING, chromiumAvailable, launchChromium, openPage } from '../support/chromium/chromium';
import { CHARTS } from './pageChecks';
import { largeFleet, makeReport, realisticReport } from './reportFixtures';

// On CI the browser tests must run (without Chromium they fail there, launching it); elsewhere a missing Chromium
// skips them, saying so and how to run them.
const required = process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false';
if (!chromiumAvailable && !required) console.warn(`\n*** Skipping the report's browser tests: ${CHROMIUM_MISSING}. Install it (apt-get install chromium) and run npm test again to run them. ***\n`);

// Starting a browser and drawing 10,000 cells takes seconds, not milliseconds.
const TIMEOUT = 60_000;

interface Box {
  readonly width: number;
  readonly height: number;
}

describe.skipIf(!chromiumAvailable && !required)(`the report page in headless Chromium (skipped when ${CHROMIUM_MISSING})`, { timeout: TIMEOUT }, () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'task-placement-report-'));
    browser = await launchChromium();
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }, TIMEOUT);

  function writePage(name: string, html: string): string {
    const file = join(dir, name);
    writeFileSync(file, html);
    return pathToFileURL(file).href;
  }

  it('draws every chart, one visible cell per instance and bars of positive size, with no error and no request', async () => {
    const report = realisticReport();
    const url = writePage('report.html', renderReportHtml(report));
    const { page, problems } = await openPage(browser, url);

    for (const chart of CHARTS) {
      const box = await page.locator(`svg[data-chart="${chart}"]`).boundingBox();
      expect(box, chart).not.toBeNull();
      expect(box?.width, chart).toBeGreaterThan(100);
      expect(box?.height, chart).toBeGreaterThan(30);
    }

    const cells = await page.locator('svg[data-chart="heatmap"] g.cell').evaluateAll((nodes) =>
      nodes.map((node) => {
        const box = node.getBoundingClientRect();
        return { width: box.width, height: box.height };
      }),
    );
    expect(cells).toHaveLength(report.instances.length);
    expect(cells.filter((cell: Box) => cell.width > 0 && cell.height > 0)).toHaveLength(report.instances.length);

    for (const chart of ['zones', 'free-capacity', 'failures']) {
      const bars: Box[] = await page.locator(`svg[data-chart="${chart}"] rect.bar`).evaluateAll((nodes) =>
        nodes.map((node) => {
          const box = node.getBoundingClientRect();
          return { width: box.width, height: box.height };
        }),
      );
      expect(bars.length, chart).toBeGreaterThan(0);
      for (const bar of bars) {
        expect(bar.width, chart).toBeGreaterThan(0);
        expect(bar.height, chart).toBeGreaterThan(0);
      }
    }

    // Each cell's tooltip is its SVG title, which the browser parsed as text.
    const titles = await page.locator('svg[data-chart="heatmap"] g.cell > title').allTextContents();
    expect(new Set(titles.map((text) => text.split('\n')[0]))).toEqual(new Set(report.instances.map((instance) => instance.id)));

    const screenshot = join(dir, 'report.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    const png = readFileSync(screenshot);
    expect(statSync(screenshot).size).toBeGreaterThan(10_000);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

    expect(problems).toEqual({ errors: [], requests: [], failed: [] });
    await page.close();
  });

  it('shows hostile names as text, not markup', async () => {
    const hostile = `<img src=x onerror="document.title='owned'">&`;
    const report = realisticReport(30);
    const url = writePage('hostile.html', renderReportHtml({ ...report, scenario: { ...report.scenario, name: hostile } }));
    const { page, problems } = await openPage(browser, url);
    expect(await page.locator('h1').textContent()).toBe(hostile);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.title()).toBe(`Placement report: ${hostile}`);
    expect(problems).toEqual({ errors: [], requests: [], failed: [] });
    await page.close();
  });

  it('draws a heat map of 10,000 instances', async () => {
    const instances = largeFleet(10_000);
    const url = writePage('large.html', renderReportHtml(makeReport({ instances, zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'] })));
    const { page, problems } = await openPage(browser, url);
    const box = await page.locator('svg[data-chart="heatmap"]').boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    expect(box?.height).toBeGreaterThan(100);
    expect(await page.locator('svg[data-chart="heatmap"] g.cell').count()).toBe(10_000);
    expect(problems).toEqual({ errors: [], requests: [], failed: [] });
    await page.close();
  });
});
