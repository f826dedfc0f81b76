import { describe, expect, it } from 'vitest';
import { attributes, chartSvg, fitText, num, text, textWidth, title, wrapText } from './svg';

describe('svg helpers', () => {
  it('write coordinates with at most two decimals and never NaN', () => {
    expect([1, 1.005, 2.3456, -0, Number.NaN, Number.NEGATIVE_INFINITY].map(num)).toEqual(['1', '1', '2.35', '0', '0', '0']);
  });

  it('escape attribute values and text content', () => {
    expect(attributes({ 'aria-label': `a"b<c`, x: 1.234, skipped: undefined })).toBe(' aria-label="a&quot;b&lt;c" x="1.23"');
    expect(text({ x: 0 }, '<b>')).toBe('<text x="0">&lt;b&gt;</text>');
    expect(title('a & b')).toBe('<title>a &amp; b</title>');
  });

  it('write a chart root without a namespace URL, with its name, role and label', () => {
    const svg = chartSvg({ chart: 'zones', width: 100.4, height: Number.NaN, label: 'x' }, '');
    expect(svg).toBe('<svg class="chart" data-chart="zones" role="img" aria-label="x" width="101" height="1"></svg>');
  });

  it('write a fluid chart without a width, and a grid with its layouts in its style', () => {
    expect(chartSvg({ chart: 'zones', width: 100, height: 50, label: 'x', layout: 'fluid' }, '')).toBe('<svg class="chart fluid" data-chart="zones" role="img" aria-label="x" height="50"></svg>');
    expect(chartSvg({ chart: 'heatmap', width: 100, height: 50, label: 'x', layout: 'grid', style: '--w1:10px' }, '')).toBe(
      '<svg class="chart grid" data-chart="heatmap" role="img" aria-label="x" width="100" height="50" style="--w1:10px"></svg>',
    );
  });

  it('shorten a label to fit, with an ellipsis, and leave one that fits', () => {
    expect(fitText('m5.large', 200, 11)).toBe('m5.large');
    const cut = fitText('DistinctInstance placement constraint unsatisfied.', 120, 12, true);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 12, true)).toBeLessThanOrEqual(120);
    expect(fitText('anything', 0, 12)).toBe('…');
  });

  it('break a label at spaces to fit, shortening only what does not fit in the lines allowed', () => {
    expect(wrapText('RESOURCE:PORTS', 200, 12, true)).toEqual(['RESOURCE:PORTS']);
    const lines = wrapText('DistinctInstance placement constraint unsatisfied.', 200, 12, true);
    expect(lines).toEqual(['DistinctInstance placement', 'constraint unsatisfied.']);
    for (const line of lines) expect(textWidth(line, 12, true)).toBeLessThanOrEqual(200);
    const cut = wrapText('one two three four five six seven eight nine ten', 60, 12, false, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]?.endsWith('…')).toBe(true);
    expect(wrapText('', 60, 12)).toEqual(['']);
  });
});
