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
      // The shared maps are forgotten all at once when there are too many, and test files share this module with
      // every file run before them in the worker: a probe kept across the run says whether that happened meanwhile.
      const probe = (): ReadonlyMap<string, string | null> => validateAttributes({ 'probe.kept': 'yes' }, 'attributes');
      const before = probe();
      const maps = sets.map((entries) => validateAttributes(Object.fromEntries(entries), 'attributes'));
      const kept = probe() === before;
      sets.forEach((entries, k) => {
        expect([...(maps[k] as ReadonlyMap<string, string | null>)]).toEqual(entries);
        sets.forEach((other, j) => {
          const equal = JSON.stringify(entries) === JSON.stringify(other);
          // Different sets never share a map; equal ones do unless the shared maps were forgotten in between.
          if (!equal || kept) expect(maps[k] === maps[j]).toBe(equal);
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
