import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/sim/report/renderReportHtml';
import type { SimulationReport } from '../../src/sim/SimulationReport';
import { CHROMIUM_MISSING, chromiumAvailable, launchChromium, openPage } from '../support/chromium/chromium';
import { compareNatural } from '../../src/sim/report/compareNatural';
import { CHARTS } from './pageChecks';
import { measurePageLayout, type PageLayout } from './pageLayout';
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

  // Running the simulation takes a few hundred milliseconds: two tests share one run.
  let shared: SimulationReport | undefined;
  const realistic = (): SimulationReport => (shared ??= realisticReport());

  function writePage(name: string, html: string): string {
    const file = join(dir, name);
    writeFileSync(file, html);
    return pathToFileURL(file).href;
  }

  it('draws every chart, one visible cell per instance and bars of positive size, with no error and no request', async () => {
    const report = realistic();
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

  it('reads on a 400 px phone and a 1400 px screen: no sideways page, text of 10 px or more, nothing clipped or broken per character', async () => {
    const report = realistic();
    const commandLine = ['task-placement', 'simulate', '--report', 'my report.html'];
    const html = renderReportHtml(report, { version: '0.1.0', generatedAt: '2026-12-06T15:32:00Z', commandLine });
    const { page, problems } = await openPage(browser, writePage('widths.html', html));
    const types = [...new Set(report.instances.map((instance) => instance.type))].sort(compareNatural);
    const zones = report.scenario.zones;
    const layouts: Record<number, PageLayout> = {};
    for (const width of [400, 1400]) {
      await page.setViewportSize({ width, height: 900 });
      const layout = await page.evaluate(measurePageLayout);
      layouts[width] = layout;
      expect(layout.viewport, `${width}`).toBe(width);
      expect(layout.scrollWidth, `page width at ${width} px`).toBeLessThanOrEqual(width);
      expect(layout.texts, `${width}`).toBeGreaterThan(300);
      expect(layout.smallTexts, `text under 10 px at ${width} px`).toEqual([]);
      expect(layout.clippedLabels, `labels clipped at ${width} px`).toEqual([]);
      expect(layout.reasons.length, `${width}`).toBeGreaterThan(0);
      for (const reason of layout.reasons) {
        expect(reason.lines, `${reason.text} at ${width} px`).toBeLessThanOrEqual(reason.words);
        expect(reason.width, `${reason.text} at ${width} px`).toBeGreaterThan(60);
      }
      expect(layout.footer, `${width}`).toContain('task-placement 0.1.0 simulation report, generated 2026-12-06 15:32 UTC');
      expect(layout.footer, `${width}`).toContain("Command: task-placement simulate --report 'my report.html'");
      expect(layout.panels.map((panel) => panel.zone), `${width}`).toEqual(zones);
      const first = layout.panels[0];
      expect(first?.rows.map((row) => row.type), `${width}`).toEqual(types);
      for (const panel of layout.panels) expect(panel.rows, `rows of ${panel.zone} at ${width} px`).toEqual(first?.rows);
    }
    // On the phone the zones stand one above the other; on the wide screen side by side.
    expect(new Set(layouts[400]?.panels.map((panel) => panel.left)).size).toBe(1);
    expect(new Set(layouts[1400]?.panels.map((panel) => panel.top)).size).toBe(1);
    expect(problems).toEqual({ errors: [], requests: [], failed: [] });
    await page.close();
  });
});
