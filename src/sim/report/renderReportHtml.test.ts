import { describe, expect, it } from 'vitest';
import { BAD_NUMBERS, CHARTS, chartMarkup, chartNames, foreignTags, heatmapCells, occurrences } from '../../../test/report/pageChecks';
import { makeInstance, makeReport, makeService, realisticReport } from '../../../test/report/reportFixtures';
import { PlacementInputError } from '../../model/PlacementInputError';
import type { SimulationReport } from '../SimulationReport';
import { escapeHtml } from './escapeHtml';
import { renderReportHtml } from './renderReportHtml';

const HOSTILE = `<b>&"x'`;

function expectSoundPage(html: string, report: SimulationReport): void {
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(html).not.toMatch(/https?:\/\//);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/\burl\((?!#)/);
  for (const word of BAD_NUMBERS) expect(html).not.toContain(word);
  expect(foreignTags(html)).toEqual([]);
  expect(chartNames(html)).toEqual([...CHARTS]);
  expect(heatmapCells(html)).toBe(report.instances.length);
  expect(occurrences(html, '<svg')).toBe(occurrences(html, '</svg>'));
}

describe('renderReportHtml', () => {
  const report = realisticReport();
  const html = renderReportHtml(report);

  it('writes a complete page that loads nothing: no URL, no script, no external style', () => {
    expectSoundPage(html, report);
    expect(html).not.toMatch(/<link|<img|<iframe|@import|@font-face/i);
  });

  it('draws each chart once, as an SVG image with a label, inside a captioned figure', () => {
    for (const chart of CHARTS) {
      const svg = chartMarkup(html, chart);
      expect(svg).toMatch(/^<svg class="chart(?: fluid| grid)?" data-chart="[a-z-]+" role="img" aria-label="[^"]+"/);
      // A viewBox would let the browser shrink the chart, and its text with it, on a narrow screen.
      expect(svg).not.toContain('viewBox');
      expect(html).toContain(`<figure class="card" id="${chart}"><figcaption><h2>`);
    }
  });

  it('shows the header: scenario, seed, instances, zones, placements, speed, packing and utilization', () => {
    expect(html).toContain('<h1>Mixed fleet, 300 instances</h1>');
    expect(html).toContain('Seed <strong>42</strong>');
    expect(html).toContain('3 zones: us-east-1a, us-east-1b, us-east-1c');
    for (const label of ['Placements', 'Placements per second', 'Instances used', 'Packing ratio', 'Peak heap']) expect(html).toContain(`<dt>${label}</dt>`);
    expect(html).toMatch(/lower bound \d+ \(fractional; cpu \d+, memory \d+\)/);
    expect(html).toMatch(/<span class="meter-name">cpu<\/span>[\s\S]*<span class="meter-name">memory<\/span>/);
  });

  it('draws one heat map cell per instance', () => {
    expect(heatmapCells(html)).toBe(300);
  });

  it('lists every service in the table and every failure reason in the chart', () => {
    for (const service of report.services) expect(html).toContain(`<tr><th scope="row">${service.name}</th>`);
    for (const reason of Object.keys(report.metrics.failuresByReason)) expect(chartMarkup(html, 'failures')).toContain(escapeHtml(reason));
    expect(html).toContain('First failure per service');
  });

  it('escapes every string from the report, wherever it appears', () => {
    const hostile = makeReport({
      name: HOSTILE,
      zones: [HOSTILE],
      instances: [makeInstance(HOSTILE, { zone: HOSTILE, type: HOSTILE, status: HOSTILE })],
      services: [
        makeService(HOSTILE, {
          strategies: [HOSTILE],
          constraints: [HOSTILE],
          failures: { [HOSTILE]: 2 },
          firstFailure: HOSTILE,
          byZone: { [HOSTILE]: 1 },
        }),
      ],
      metrics: { failuresByReason: { [HOSTILE]: 2 }, utilization: { [HOSTILE]: 0.5 }, stranded: { [HOSTILE]: 3 }, lowerBound: { instances: 1, byResource: { [HOSTILE]: 1 }, method: 'homogeneous' } },
    });
    const page = renderReportHtml(hostile);
    expect(page).not.toContain(HOSTILE);
    expect(page).not.toContain('<b>');
    expect(occurrences(page, escapeHtml(HOSTILE))).toBeGreaterThanOrEqual(10);
    expectSoundPage(page, hostile);
  });

  it('renders a report with no instances, no services and no failures without a bad number', () => {
    const empty = makeReport({
      zones: [],
      instances: [],
      services: [],
      metrics: {
        lowerBound: { instances: 0, byResource: {}, method: 'homogeneous' },
        instancesUsed: 0,
        packingRatio: null,
        utilization: { cpu: Number.NaN, memory: Number.NaN },
        stranded: {},
        failuresByReason: {},
      },
      timing: { placements: 0, elapsedMs: 0, placementsPerSecond: Number.NaN },
    });
    const page = renderReportHtml(empty);
    expectSoundPage(page, empty);
    expect(page).toContain('No instances in this report.');
    expect(page).toContain('No services in this report.');
    expect(page).toContain('No failed placements');
    expect(page).toContain('No ACTIVE instances.');
  });

  it('renders a single zone, infinite speed and an impossible ratio as readable text', () => {
    const oneZone = makeReport({
      instances: Array.from({ length: 5 }, (_, index) => makeInstance(`i-${index}`, { memory: index / 4, cpu: 1 - index / 4 })),
      metrics: { packingRatio: Number.POSITIVE_INFINITY, utilization: { cpu: Number.POSITIVE_INFINITY } },
      timing: { placements: 5, elapsedMs: 0, placementsPerSecond: Number.POSITIVE_INFINITY },
    });
    const page = renderReportHtml(oneZone);
    expectSoundPage(page, oneZone);
    expect(page).toContain('1 zone: us-east-1a');
    expect(page).toContain('<dt>Placements per second</dt><dd>—</dd>');
  });

  it('says which services fell short, in words as well as colour', () => {
    const short = renderReportHtml(makeReport({ services: [makeService('api', { desiredCount: 10, running: 7 })] }));
    expect(short).toContain('7<span class="short">3 short</span>');
  });

  it('is deterministic: the same report gives the same page', () => {
    expect(renderReportHtml(realisticReport())).toBe(html);
  });
});

describe('renderReportHtml options', () => {
  const report = makeReport();
  const footerOf = (html: string): string => /<footer>[\s\S]*<\/footer>/.exec(html)?.[0] ?? '';

  it('puts the version, the date in UTC to the minute and the quoted command line in the footer', () => {
    const html = renderReportHtml(report, {
      version: '1.2.3',
      generatedAt: '2026-12-06T17:05:42+02:00',
      commandLine: ['task-placement', 'simulate', 'my scenario.json', '--report', 'r.html'],
    });
    expect(footerOf(html)).toBe(
      '<footer><p>task-placement <span class="version">1.2.3</span> simulation report, generated <span class="generated">2026-12-06 15:05 UTC</span></p>' +
        `<p>Command: <code class="command-line">task-placement simulate &#39;my scenario.json&#39; --report r.html</code></p></footer>`,
    );
    expectSoundPage(html, report);
  });

  it('takes a Date as well as an ISO string, and leaves out what is not given', () => {
    expect(footerOf(renderReportHtml(report, { generatedAt: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) }))).toBe(
      '<footer><p>task-placement simulation report, generated <span class="generated">2026-01-02 03:04 UTC</span></p></footer>',
    );
    expect(footerOf(renderReportHtml(report))).toBe('<footer><p>task-placement simulation report</p></footer>');
    expect(renderReportHtml(report, {})).toBe(renderReportHtml(report));
  });

  it('escapes the command line and the version like every other text, control characters shown as escapes', () => {
    const html = renderReportHtml(report, { version: HOSTILE, commandLine: ['task-placement', 'simulate', HOSTILE, 'a\nb'] });
    expect(html).not.toContain(HOSTILE);
    expect(footerOf(html)).toContain(`<span class="version">${escapeHtml(HOSTILE)}</span>`);
    expect(footerOf(html)).toContain(`simulate ${escapeHtml(`'<b>&"x'\\'''`)} $&#39;a\\nb&#39;</code>`);
    expectSoundPage(html, report);
  });

  it('gives the same page for the same report and options', () => {
    const options = { version: '0.1.0', generatedAt: '2026-12-06T15:32:00Z', commandLine: ['task-placement', 'simulate'] } as const;
    expect(renderReportHtml(realisticReport(), options)).toBe(renderReportHtml(realisticReport(), options));
  });

  it('refuses bad options with a PlacementInputError naming the field', () => {
    const bad = (options: unknown): unknown => {
      try {
        renderReportHtml(report, options as Parameters<typeof renderReportHtml>[1]);
      } catch (error) {
        return error instanceof PlacementInputError ? [error.code, error.path] : error;
      }
      return 'no error';
    };
    expect(bad(null)).toEqual(['invalid_type', 'options']);
    expect(bad({ versions: '1' })).toEqual(['unknown_field', 'options.versions']);
    expect(bad({ version: 1 })).toEqual(['invalid_type', 'options.version']);
    expect(bad({ version: ' ' })).toEqual(['invalid_option', 'options.version']);
    expect(bad({ generatedAt: new Date(Number.NaN) })).toEqual(['invalid_date', 'options.generatedAt']);
    expect(bad({ generatedAt: 'yesterday' })).toEqual(['invalid_date', 'options.generatedAt']);
    expect(bad({ generatedAt: 1_700_000_000_000 })).toEqual(['invalid_type', 'options.generatedAt']);
    expect(bad({ commandLine: 'task-placement simulate' })).toEqual(['invalid_type', 'options.commandLine']);
    expect(bad({ commandLine: [] })).toEqual(['invalid_option', 'options.commandLine']);
    expect(bad({ commandLine: ['task-placement', 2] })).toEqual(['invalid_type', 'options.commandLine[1]']);
  });
});
