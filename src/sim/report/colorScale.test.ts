import { describe, expect, it } from 'vitest';
import { categoricalColor, viridis, viridisStops } from './colorScale';

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('viridis', () => {
  it('runs from dark purple to yellow', () => {
    expect(viridis(0)).toBe('#440154');
    expect(viridis(0.5)).toBe('#21918c');
    expect(viridis(1)).toBe('#fde725');
  });

  it('clamps values out of range and maps a value that is not finite to 0', () => {
    expect(viridis(-3)).toBe(viridis(0));
    expect(viridis(7)).toBe(viridis(1));
    expect(viridis(Number.NaN)).toBe(viridis(0));
    expect(viridis(Number.POSITIVE_INFINITY)).toBe(viridis(0));
  });

  it('gets lighter as utilization rises, so it reads in greyscale and with colour-vision deficiencies', () => {
    const samples = Array.from({ length: 21 }, (_, index) => luminance(viridis(index / 20)));
    for (let index = 1; index < samples.length; index += 1) expect(samples[index]).toBeGreaterThan(samples[index - 1] ?? 0);
  });

  it('gives gradient stops from 0 to 1', () => {
    const stops = viridisStops();
    expect(stops[0]).toEqual({ offset: 0, color: '#440154' });
    expect(stops.at(-1)).toEqual({ offset: 1, color: '#fde725' });
  });
});

describe('categoricalColor', () => {
  it('gives distinct colours and cycles past the palette', () => {
    const first = Array.from({ length: 8 }, (_, index) => categoricalColor(index));
    expect(new Set(first).size).toBe(8);
    expect(categoricalColor(8)).toBe(categoricalColor(0));
    expect(categoricalColor(Number.NaN)).toBe(categoricalColor(0));
  });
});
