import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isoSeconds } from './isoSeconds';
import { hex8, permute32 } from './permute32';
import { weightedPicker } from '../weightedPicker';

describe('permute32', () => {
  test.prop([fc.integer({ min: 0, max: 0xffff_ffff }), fc.integer({ min: 0, max: 0xffff_fff0 }), fc.integer({ min: 1, max: 15 })])(
    'never maps two indexes to one value', (key, index, gap) => {
      expect(permute32(index, key)).not.toBe(permute32(index + gap, key));
    },
  );

  it('gives 100,000 distinct ids for consecutive indexes', () => {
    const ids = new Set<number>();
    for (let index = 0; index < 100_000; index += 1) ids.add(permute32(index, 0x1234_5678));
    expect(ids.size).toBe(100_000);
  });

  test.prop([fc.integer({ min: 0, max: 0xffff_ffff })])('hex8 prints eight hex digits of the value', (value) => {
    expect(hex8(value)).toBe(value.toString(16).padStart(8, '0'));
  });
});

describe('isoSeconds', () => {
  const firstDay = Date.UTC(2024, 11, 3);
  test.prop([fc.integer({ min: 0, max: 400 * 86_400 })])('formats as toISOString does', (seconds) => {
    const time = firstDay + seconds * 1000;
    expect(isoSeconds(firstDay)(time)).toBe(new Date(time).toISOString());
  });
});

describe('weightedPicker', () => {
  it('maps uniform numbers to indexes by weight and never to a zero weight', () => {
    const pick = weightedPicker([0, 3, 0, 1, 0]);
    expect([0, 0.5, 0.74, 0.75, 0.99, 0.999_999_999].map(pick)).toEqual([1, 1, 1, 3, 3, 3]);
  });
});
