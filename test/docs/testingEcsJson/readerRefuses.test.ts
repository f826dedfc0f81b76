import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeContainerInstancesResponse, runTaskRequest } from '../../../src/arbitraries/index';
import { fromDescribeContainerInstances, fromRunTaskRequest, readTaskDefinition } from '../../../src/ecs/index';

/** Where and why a reader refused a document, or `accepted`. */
function verdict(read: () => unknown): string {
  try {
    read();
    return 'accepted';
  } catch (error) {
    const { code, path } = error as { code: string; path: string };
    return `${code} at ${path}`;
  }
}

it('reads every valid response, and refuses each broken one where it is broken', () => {
  fc.assert(
    fc.property(describeContainerInstancesResponse({ validity: 'mixed' }), ({ value, fault }) => {
      const expected = fault === undefined ? 'accepted' : `${fault.code} at ${fault.path}`;
      expect(verdict(() => fromDescribeContainerInstances(value))).toBe(expected);
    }),
  );
});

it('refuses a RunTask request for more tasks than ECS starts at once', () => {
  fc.assert(
    fc.property(runTaskRequest({ validity: 'invalid', faults: ['count_above_limit'] }), ({ value, taskDefinition }) => {
      expect(verdict(() => fromRunTaskRequest(value, readTaskDefinition(taskDefinition)))).toBe('invalid_count at count');
    }),
  );
});
