import { describe, expect, it } from 'vitest';
import { attributes, chartSvg, fitText, num, text, textWidth, title } from './svg';

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
    expect(svg).toBe('<svg class="chart" data-chart="zones" role="img" aria-label="x" width="101" height="1" viewBox="0 0 101 1"></svg>');
  });

  it('shorten a label to fit, with an ellipsis, and leave one that fits', () => {
    expect(fitText('m5.large', 200, 11)).toBe('m5.large');
    const cut = fitText('DistinctInstance placement constraint unsatisfied.', 120, 12, true);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 12, true)).toBeLessThanOrEqual(120);
    expect(fitText('anything', 0, 12)).toBe('…');
  });
});
