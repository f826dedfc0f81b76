import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { validateAttributes } from './validateAttributes';
import { runs } from '../../../test/support/runs';

// Few names and values, so that sets repeat, reorder and differ by one entry.
const attributeSet = fc.uniqueArray(fc.tuple(fc.constantFrom('zone', 'type', 'stack', 'rack', 'ecs.capability.x'), fc.constantFrom<string | null>('a', 'b', 'c', null)), {
  selector: ([name]) => name,
  maxLength: 5,
});

describe('validateAttributes', () => {
  test.prop([fc.array(attributeSet, { minLength: 1, maxLength: 40 })], { numRuns: runs(200) })(
    'gives back the entries in their order, one map for equal sets, another for any difference',
    (sets) => {
      const maps = sets.map((entries) => validateAttributes(Object.fromEntries(entries), 'attributes'));
      sets.forEach((entries, k) => {
        expect([...(maps[k] as ReadonlyMap<string, string | null>)]).toEqual(entries);
        sets.forEach((other, j) => {
          const equal = JSON.stringify(entries) === JSON.stringify(other);
          expect(maps[k] === maps[j]).toBe(equal);
        });
      });
    },
  );

  it('stays right past the number of sets it keeps', () => {
    const maps = Array.from({ length: 10_000 }, (_, k) => validateAttributes({ serial: `s${k}`, stack: 'prod' }, 'attributes'));
    maps.forEach((map, k) => expect([...map]).toEqual([['serial', `s${k}`], ['stack', 'prod']]));
    expect(validateAttributes({ serial: 's9999', stack: 'prod' }, 'attributes')).toBe(maps[9_999]);
  });
});
