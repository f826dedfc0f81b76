import { describe, expect, it } from 'vitest';
import { makeInstanceSpec } from '../../../test/support/makeInstanceSpec';
import { messageOf } from '../../../test/support/messageOf';
import { Cluster, type ClusterSnapshot } from '../../cluster/Cluster';
import { CAPACITY_PROVIDER_ATTRIBUTE } from '../../model/capacityProviderAttribute';
import type { PlacementRequest } from '../../model/PlacementRequest';
import type { PlacementResult } from '../../placement/PlacementResult';
import { assertPlacement } from './assertPlacement';
import { CheckOptionsError } from './CheckOptionsError';
import { checkPlacement } from './checkPlacement';

const spreadInstances: PlacementRequest = { task: { resources: { memory: 512 } }, group: 'g', count: 3, placementStrategy: [{ type: 'spread', field: 'instanceId' }] };

/** a holds one task of g and b none: spread over instances sends the tasks to b, then a (the earlier of a tie), then b. */
function spreadOnTwo(): { before: ClusterSnapshot; result: PlacementResult } {
  const cluster = new Cluster({ instances: [makeInstanceSpec('a'), makeInstanceSpec('b')] });
  cluster.place({ ...spreadInstances, count: 1 });
  const before = cluster.snapshot();
  const result = cluster.place(spreadInstances);
  expect(result.placements.map((placement) => placement.instanceId)).toEqual(['b', 'a', 'b']);
  return { before, result };
}

/** The result with its first task moved to a: what the engine did next no longer matches the state the model replays. */
function firstMovedToA(result: PlacementResult): PlacementResult {
  return { ...result, placements: result.placements.map((placement, index) => (index === 0 ? { ...placement, instanceId: 'a' } : placement)) };
}

describe('one bug, one cause', () => {
  it('marks what follows a diverging placement as its consequences', () => {
    const { before, result } = spreadOnTwo();
    const violations = checkPlacement(before, spreadInstances, firstMovedToA(result));
    expect(violations.map(({ law, step, consequence }) => [law, step, consequence])).toEqual([
      ['spread', 0, undefined],
      ['spread', 1, true],
    ]);
  });

  it('lists the causes first, and keeps laws the state does not decide as causes', () => {
    const { before, result } = spreadOnTwo();
    const movedResult = firstMovedToA(result);
    const takenId = before.tasks[0]?.taskId ?? '';
    // Task 2 reuses a running task's id: a bug of its own, whatever the state.
    const reused: PlacementResult = { ...movedResult, placements: movedResult.placements.map((placement, index) => (index === 2 ? { ...placement, taskId: takenId } : placement)) };
    expect(checkPlacement(before, spreadInstances, reused).map(({ law, step, consequence }) => [law, step, consequence])).toEqual([
      ['spread', 0, undefined],
      ['duplicateTaskId', 2, undefined],
      ['spread', 1, true],
    ]);
  });

  it('marks failures decided after a divergence as consequences', () => {
    const { before, result } = spreadOnTwo();
    const diagnosis = { instances: 2, available: 0, rejected: [], summary: '' };
    const failedLast: PlacementResult = { placements: firstMovedToA(result).placements.slice(0, 2), failures: [{ reason: 'RESOURCE:MEMORY', detail: '', diagnosis }] };
    expect(checkPlacement(before, spreadInstances, failedLast).map(({ law, step, consequence }) => [law, step, consequence])).toEqual([
      ['spread', 0, undefined],
      ['spread', 1, true],
      ['avoidableFailure', 2, true],
    ]);
  });

  it('stops at the first divergence when asked', () => {
    const { before, result } = spreadOnTwo();
    expect(checkPlacement(before, spreadInstances, firstMovedToA(result), { stopAtFirst: true }).map(({ law, step }) => [law, step])).toEqual([['spread', 0]]);
    expect(checkPlacement(before, spreadInstances, result, { stopAtFirst: true })).toEqual([]);
    expect(checkPlacement(before, spreadInstances, firstMovedToA(result), { stopAtFirst: false })).toHaveLength(2);
  });

  it('stops at the first divergence among capacity providers too, without miscounting the split', () => {
    const onProvider = (id: string): ReturnType<typeof makeInstanceSpec> => makeInstanceSpec(id, { attributes: { [CAPACITY_PROVIDER_ATTRIBUTE]: 'cp' } });
    const cluster = new Cluster({ instances: [onProvider('a'), onProvider('b')] });
    cluster.place({ ...spreadInstances, count: 1 });
    const request: PlacementRequest = { ...spreadInstances, capacityProviderStrategy: [{ capacityProvider: 'cp', weight: 1 }] };
    const before = cluster.snapshot();
    const result = cluster.place(request);
    expect(result.placements.map((placement) => placement.instanceId)).toEqual(['b', 'a', 'b']);
    expect(checkPlacement(before, request, result)).toEqual([]);
    expect(checkPlacement(before, request, firstMovedToA(result)).map(({ law, step, consequence }) => [law, step, consequence])).toEqual([
      ['spread', 0, undefined],
      ['spread', 1, true],
    ]);
    expect(checkPlacement(before, request, firstMovedToA(result), { stopAtFirst: true }).map(({ law, step }) => [law, step])).toEqual([['spread', 0]]);
  });

  it("marks what follows a divergence among capacity providers as consequences, the split's count too", () => {
    const onProvider = (id: string): ReturnType<typeof makeInstanceSpec> => makeInstanceSpec(id, { attributes: { [CAPACITY_PROVIDER_ATTRIBUTE]: 'cp' } });
    const cluster = new Cluster({ instances: [onProvider('a'), onProvider('b')] });
    const halfFull: PlacementRequest = { ...spreadInstances, task: { resources: { memory: 2048 } }, capacityProviderStrategy: [{ capacityProvider: 'cp', weight: 1 }] };
    cluster.place({ ...halfFull, count: 1 });
    const before = cluster.snapshot();
    const request = { ...halfFull, count: 4 };
    const result = cluster.place(request);
    expect([result.placements.map((placement) => placement.instanceId), result.failures.length]).toEqual([['b', 'a', 'b'], 1]);
    // Moved to a, the first task fills it: task 1 no longer fits there, b keeps room for the task that failed, and the split's count is off.
    expect(checkPlacement(before, request, firstMovedToA(result)).map(({ law, step, consequence }) => [law, step, consequence])).toEqual([
      ['spread', 0, undefined],
      ['resources', 1, true],
      ['avoidableFailure', 3, true],
      ['count', 3, true],
    ]);
    expect(checkPlacement(before, request, firstMovedToA(result), { stopAtFirst: true }).map(({ law, step }) => [law, step])).toEqual([['spread', 0]]);
  });

  it("says in assertPlacement's message how many consequences follow the first cause", () => {
    const { before, result } = spreadOnTwo();
    expect(messageOf(() => assertPlacement(before, spreadInstances, firstMovedToA(result)))).toBe([
      'The placement broke 1 law, and 1 consequence follows:',
      '[spread] task 0: placed on a with spread(instanceId) key 1, but b had key 0 (group g; candidates a, b)',
      '[spread, consequence] task 1: placed on a with spread(instanceId) key 2, but b had key 0 (group g; candidates a, b)',
    ].join('\n'));
    expect(messageOf(() => assertPlacement(before, spreadInstances, firstMovedToA(result), { stopAtFirst: true }))).toBe([
      'The placement broke 1 law:',
      '[spread] task 0: placed on a with spread(instanceId) key 1, but b had key 0 (group g; candidates a, b)',
    ].join('\n'));
  });
});

describe('checkPlacement options', () => {
  it.each<[string, unknown, string, string, string]>([
    ['options that are not an object', 3, 'not_an_object', '', 'checkPlacement: options must be an object, got number'],
    ['a misspelt option', { stopAtFirts: true }, 'unknown_option', 'stopAtFirts', 'checkPlacement: unknown option stopAtFirts (known: stopAtFirst)'],
    ['stopAtFirst of another kind', { stopAtFirst: 'yes' }, 'invalid_option', 'stopAtFirst', 'checkPlacement: stopAtFirst must be a boolean, got string'],
  ])('refuses %s with a typed error', (_name, options, code, option, message) => {
    const { before, result } = spreadOnTwo();
    let thrown: unknown;
    try {
      checkPlacement(before, spreadInstances, result, options as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CheckOptionsError);
    expect(thrown).toMatchObject({ code, option, message });
  });

  it('reads an option given as undefined as absent', () => {
    const { before, result } = spreadOnTwo();
    expect(checkPlacement(before, spreadInstances, result, { stopAtFirst: undefined } as never)).toEqual([]);
  });
});
