import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlayground } from '../../playground/build.mjs';
import { Cluster, evaluateQuery, parseQuery, printQuery, QueryError, toInstanceView, type PlacementRequest } from '../../src/index';
import { generateFleet } from '../../src/sim/index';
import { CHROMIUM_MISSING, chromiumAvailable, launchChromium, openPage, type PageProblems } from '../support/chromium/chromium';
import { measurePageLayout } from '../report/pageLayout';

// On CI the browser test must run (without Chromium it fails there, launching it); elsewhere a missing Chromium
// skips it, saying so and how to run it.
const required = process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false';
if (!chromiumAvailable && !required) console.warn(`\n*** Skipping the playground's browser test: ${CHROMIUM_MISSING}. Install it (apt-get install chromium) and run npm test again to run it. ***\n`);

// Bundling and starting a browser take seconds, not milliseconds.
const TIMEOUT = 60_000;
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// The question the test asks the page, and the library, alike.
const FLEET = { size: 30, seed: 7 };
const VALID = 'attribute:ecs.instance-type =~ m5.* or (attribute:lifecycle == spot and runningTasksCount == 0)';
const INVALID = 'attribute:stack == prod and runningTasksCount =~ 1';
const TASK = { family: 'web', resources: { cpu: 512, memory: 1024 } };
const STRATEGIES = 'spread(attribute:ecs.availability-zone),binpack(memory)';
const REQUEST: PlacementRequest = {
  task: TASK,
  count: 40,
  service: 'web',
  placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
  placementConstraints: [{ type: 'distinctInstance' }],
};

interface Shown {
  readonly matches: string | null;
  readonly tree: string;
  readonly placements: { taskId: string; instanceId: string }[];
  readonly failures: { reason: string; count: number }[];
}

async function shown(page: Page): Promise<Shown> {
  return {
    matches: await page.locator('#query-count').getAttribute('data-count'),
    tree: (await page.locator('#query-tree').textContent()) ?? '',
    placements: await page.locator('#place-details tr[data-task]').evaluateAll((rows) =>
      rows.map((row) => ({ taskId: row.getAttribute('data-task') ?? '', instanceId: row.getAttribute('data-instance') ?? '' }))),
    failures: await page.locator('#failures li[data-reason]').evaluateAll((items) =>
      items.map((item) => ({ reason: item.getAttribute('data-reason') ?? '', count: Number(item.getAttribute('data-count')) }))),
  };
}

describe.skipIf(!chromiumAvailable && !required)(`the playground page in headless Chromium (skipped when ${CHROMIUM_MISSING})`, { timeout: TIMEOUT }, () => {
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;
  let file: string;

  beforeAll(async () => {
    // A fresh clone has no dist: the test builds the page it drives.
    [file, browser] = await Promise.all([buildPlayground(), launchChromium()]);
    ({ page, problems } = await openPage(browser, pathToFileURL(file).href));
    await page.setViewportSize({ width: 1400, height: 900 });
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  }, TIMEOUT);

  it('answers a query, an error, a placement and an explanation as the library does, and gives them back from its link', async () => {
    const fleet = generateFleet(FLEET);
    const views = new Cluster({ instances: fleet }).instances().map(toInstanceView);
    const valid = parseQuery(VALID);
    const expectedMatches = views.filter((view) => evaluateQuery(valid, view)).length;
    const expectedResult = new Cluster({ instances: fleet }).place(REQUEST);
    let fault: QueryError | undefined;
    try {
      parseQuery(INVALID);
    } catch (error) {
      if (error instanceof QueryError) fault = error;
    }
    // The question must have both answers: some tasks placed, some not.
    expect(expectedResult.placements.length).toBeGreaterThan(0);
    expect(expectedResult.failures.length).toBeGreaterThan(0);
    expect(fault?.code).toBe('operator_not_allowed');

    // The fleet.
    await page.locator('#source-generated').check();
    await page.locator('#fleet-size').fill(String(FLEET.size));
    await page.locator('#fleet-seed').fill(String(FLEET.seed));
    await expect.poll(() => page.locator('#fleet-status').textContent()).toContain(`${FLEET.size} instances (seed ${FLEET.seed})`);

    // An expression that does not parse: its code, and the caret under the fault's column.
    await page.locator('#expression').fill(INVALID);
    const error = page.locator('#query-error .error');
    expect(await error.getAttribute('data-code')).toBe('operator_not_allowed');
    const caretLines = ((await error.locator('pre.caret').textContent()) ?? '').split('\n');
    expect(caretLines[0]).toBe(INVALID);
    expect(caretLines[1]?.indexOf('^')).toBe(fault?.start);
    expect(caretLines[1]?.trim()).toBe('^'.repeat((fault?.end ?? 0) - (fault?.start ?? 0)));
    expect(await error.locator('mark').textContent()).toBe('=~');
    expect(await page.locator('#expression').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#query-count').getAttribute('data-count')).toBeNull();

    // A valid one: the canonical form and the match count the library gives.
    await page.locator('#expression').fill(VALID);
    expect(await page.locator('#query-error').textContent()).toBe('');
    expect(await page.locator('#query-count').getAttribute('data-count')).toBe(String(expectedMatches));
    expect(await page.locator('#query-tree').textContent()).toBe(printQuery(valid));

    // A service, placed: the placements and failures the library gives.
    await page.locator('#task-text').fill(JSON.stringify(TASK));
    await page.locator('#service').fill('web');
    await page.locator('#strategies').fill(STRATEGIES);
    await page.locator('#constraints').fill('distinctInstance');
    await page.locator('#count').fill(String(REQUEST.count));
    expect(await page.locator('#place-error').textContent()).toBe('');
    const before = await shown(page);
    expect(before.placements).toEqual(expectedResult.placements);
    expect(before.failures.reduce((sum, failure) => sum + failure.count, 0)).toBe(expectedResult.failures.length);
    expect(before.failures[0]?.reason).toBe(expectedResult.failures[0]?.reason);
    expect(before.failures[0]?.reason).toBe('DistinctInstance placement constraint unsatisfied.');
    expect(await page.locator('#failures .diagnosis').first().textContent()).toContain(expectedResult.failures[0]?.diagnosis.summary);

    // The explanation of an instance, from the keyboard: a placement's button, then a row of the explanation table.
    const first = expectedResult.placements[0];
    await page.locator(`#place-details tr[data-task="${first?.taskId}"] button`).focus();
    await page.keyboard.press('Enter');
    const detail = page.locator('#explain-detail');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('explain-heading');
    expect(await detail.locator('[data-why]').getAttribute('data-why')).toBe('chosen');
    const explanation = new Cluster({ instances: fleet }).explain({ ...REQUEST, count: 1 });
    expect(explanation.chosenInstanceId).toBe(first?.instanceId);
    const rejected = explanation.instances.find((entry) => entry.outcome === 'rejected');
    await page.locator(`#explain-instances tr[data-instance="${rejected?.instanceId}"] button`).focus();
    await page.keyboard.press('Enter');
    expect(await detail.locator('[data-why]').getAttribute('data-why')).toBe('rejected');
    expect(await detail.locator('[data-why]').textContent()).toContain(rejected?.reason);
    expect(await detail.locator('td').allTextContents()).toEqual(explanation.strategies.flatMap((strategy, index) => {
      const key = rejected?.keys[index];
      return [strategy, key === undefined ? 'not reached' : String(key)];
    }));

    // Both widths: no sideways page, no text too small to read; and the pictures the README shows.
    const layouts: Record<number, { columns: number }> = {};
    for (const width of [1400, 400]) {
      await page.setViewportSize({ width, height: 900 });
      const layout = await page.evaluate(measurePageLayout);
      expect(layout.viewport, `${width}`).toBe(width);
      expect(layout.scrollWidth, `page width at ${width} px`).toBeLessThanOrEqual(width);
      expect(layout.smallTexts, `text under 10 px at ${width} px`).toEqual([]);
      const lefts = await page.locator('main > section').evaluateAll((sections) => sections.map((section) => Math.round(section.getBoundingClientRect().left)));
      layouts[width] = { columns: new Set(lefts).size };
      // The first screenful, as a visitor sees it: the README shows it, and the package ships it, so not the whole page.
      await page.evaluate(() => window.scrollTo(0, 0));
      const screenshot = join(dirname(file), `playground-${width}.png`);
      await page.screenshot({ path: screenshot });
      if (process.env['UPDATE_SCREENSHOTS'] === '1') {
        mkdirSync(join(root, 'docs', 'images'), { recursive: true });
        copyFileSync(screenshot, join(root, 'docs', 'images', `playground-${width}.png`));
      }
    }
    expect(layouts[1400]?.columns).toBe(3);
    expect(layouts[400]?.columns).toBe(1);

    // The link: a reload from the fragment gives back every input and every answer.
    await page.setViewportSize({ width: 1400, height: 900 });
    expect(new URL(page.url()).hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    await page.reload({ waitUntil: 'load' });
    expect(await page.locator('#source-generated').isChecked()).toBe(true);
    expect(await page.locator('#fleet-size').inputValue()).toBe(String(FLEET.size));
    expect(await page.locator('#fleet-seed').inputValue()).toBe(String(FLEET.seed));
    expect(await page.locator('#expression').inputValue()).toBe(VALID);
    expect(JSON.parse(await page.locator('#task-text').inputValue())).toEqual(TASK);
    expect(await page.locator('#service').inputValue()).toBe('web');
    expect(await page.locator('#count').inputValue()).toBe(String(REQUEST.count));
    expect(await page.locator('#strategies').inputValue()).toBe(STRATEGIES);
    expect(await page.locator('#constraints').inputValue()).toBe('distinctInstance');
    expect(await shown(page)).toEqual(before);

    expect(problems).toEqual({ errors: [], requests: [], failed: [] });
  });
});
