import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from './parseIsoDate';
import { runs } from '../../test/support/runs';

describe('parseIsoDate', () => {
  it.each<[string, number]>([
    ['2018-06-18', Date.UTC(2018, 5, 18)],
    ['2018-06-18T22:28', Date.UTC(2018, 5, 18, 22, 28)],
    ['2018-06-18T22:28:28', Date.UTC(2018, 5, 18, 22, 28, 28)],
    ['2018-06-18T22:28:28Z', Date.UTC(2018, 5, 18, 22, 28, 28)],
    ['2018-06-18T22:28:28+00:00', Date.UTC(2018, 5, 18, 22, 28, 28)],
    ['2018-06-18T22:28:28.123-07:00', Date.UTC(2018, 5, 19, 5, 28, 28, 123)],
    ['2018-06-18T22:28:28.5+05:30', Date.UTC(2018, 5, 18, 16, 58, 28, 500)],
    ['2018-06-18T22:28:28.123456789Z', Date.UTC(2018, 5, 18, 22, 28, 28, 123)],
    ['2018-06-18T22:28-01:00', Date.UTC(2018, 5, 18, 23, 28)],
    ['2016-02-29', Date.UTC(2016, 1, 29)],
    ['2000-02-29', Date.UTC(2000, 1, 29)],
    ['0099-01-01', -59_042_995_200_000],
  ])('reads %s', (text, expected) => {
    expect(parseIsoDate(text)).toBe(expected);
  });

  test.prop([fc.date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true })], { numRuns: runs(300) })(
    'reads what toISOString writes, alike in its own form and with the zone written out',
    (date) => {
      const text = date.toISOString();
      expect(parseIsoDate(text)).toBe(date.getTime());
      expect(parseIsoDate(text.replace('Z', '+00:00'))).toBe(date.getTime());
    },
  );

  it.each(['2018-06-18T22:28:28.123+', '2018-02-29T00:00:00.000Z', '2018-06-18T24:00:00.000Z', '2018-06-18T22:28:28.12xZ', '2018-06-18 22:28:28.123Z'])(
    'refuses %j, which has the length of toISOString\'s form',
    (text) => {
      expect(parseIsoDate(text)).toBeUndefined();
    },
  );

  it.each([
    '', '2018', '2018-06', '2018-6-18', '18-06-18', '2018-06-18T', '2018-06-18T22', '2018-06-18T22:28:28.',
    '2018-06-18Z', '2018-06-18t22:28:28', '2018-06-18T22:28:28z', '2018-06-18T22:28:28+0700', '2018-06-18T22:28:28+07',
    '2018-13-01', '2018-00-01', '2018-02-29', '1900-02-29', '2018-04-31', '2018-06-00', '2018-06-18T24:00',
    '2018-06-18T23:60', '2018-06-18T23:59:60', '2018-06-18T22:28:28+24:00', '2018-06-18T22:28:28+01:60', ' 2018-06-18',
  ])('refuses %j', (text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });
});
