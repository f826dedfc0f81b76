import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { BAD_NUMBERS, CHARTS, chartNames, foreignTags, heatmapCells, occurrences } from '../../../test/report/pageChecks';
import { simulationReport } from '../../../test/report/reportArbitraries';
import { escapeHtml } from './escapeHtml';
import { renderReportHtml } from './renderReportHtml';
import { runs } from '../../../test/support/runs';

describe('renderReportHtml on any report', () => {
  test.prop([simulationReport], { numRuns: runs(200) })('writes a sound, self-contained page with every chart and one cell per instance', (report) => {
    const html = renderReportHtml(report);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script/i);
    for (const word of BAD_NUMBERS) expect(html).not.toContain(word);
    expect(foreignTags(html)).toEqual([]);
    expect(chartNames(html)).toEqual([...CHARTS]);
    expect(heatmapCells(html)).toBe(report.instances.length);
    expect(occurrences(html, '<svg')).toBe(occurrences(html, '</svg>'));
  });

  test.prop([simulationReport], { numRuns: runs(200) })('shows each service name escaped in the table', (report) => {
    const html = renderReportHtml(report);
    for (const service of report.services) expect(html).toContain(`<tr><th scope="row">${escapeHtml(service.name)}</th>`);
  });

  test.prop([fc.string({ maxLength: 40 })])('escapes text so no character can end an element or an attribute', (text) => {
    expect(escapeHtml(text)).not.toMatch(/[<>"']/);
    expect(escapeHtml(text).replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
  });
});
