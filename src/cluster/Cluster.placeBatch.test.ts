import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../../test/support/inputErrorOf';
import { Cluster } from './Cluster';

const bins = (count: number, memory: number): { id: string; resources: { cpu: number; memory: number } }[] =>
  Array.from({ length: count }, (_, index) => ({ id: `bin-${index + 1}`, resources: { cpu: 0, memory } }));
const item = (memory: number, count = 1): { task: { resources: { memory: number } }; count: number; group: string; placementStrategy: { type: 'binpack'; field: 'memory' }[] } =>
  ({ task: { resources: { memory } }, count, group: 'items', placementStrategy: [{ type: 'binpack', field: 'memory' }] });

describe.each(['indexed', 'reference'] as const)('Cluster.placeBatch (%s engine)', (engine) => {
  it('places the largest tasks first, and so packs onto fewer instances than the given order', () => {
    // Given order, Best Fit: 3 and 3 share bin 1, then each 7 needs its own: 3 instances. Largest first: 7+3, 7+3: 2.
    const requests = [item(3, 2), item(7, 2)];
    const given = new Cluster({ instances: bins(4, 10), engine }).placeBatch(requests, { order: 'given' });
    expect(given).toMatchObject({ instancesUsed: 3, lowerBound: 2, method: 'given' });
    const cluster = new Cluster({ instances: bins(4, 10), engine });
    const batch = cluster.placeBatch(requests);
    expect(batch).toMatchObject({ instancesUsed: 2, lowerBound: 2, method: 'largestFirst', complete: true });
    // Results per request, in the order given; the 7s were placed first, so their task ids come first.
    expect(batch.results).toEqual([
      { placements: [{ taskId: 'task-3', instanceId: 'bin-1' }, { taskId: 'task-4', instanceId: 'bin-2' }], failures: [] },
      { placements: [{ taskId: 'task-1', instanceId: 'bin-1' }, { taskId: 'task-2', instanceId: 'bin-2' }], failures: [] },
    ]);
    expect(cluster.tasks()).toHaveLength(4);
  });

  it('bounds instances all alike by the tasks that cannot share one, and a mixed fleet by volume', () => {
    // Two tasks of 8 CPU and 1 MiB, two of 3 and 8, on instances of 10 and 10: no two share an instance, though 22 of CPU
    // would fit on 3 by volume.
    const request = (cpu: number, memory: number) => ({ task: { resources: { cpu, memory } }, count: 2, group: 'apart' });
    const alike = Array.from({ length: 5 }, (_, index) => ({ id: `i-${index + 1}`, resources: { cpu: 10, memory: 10 } }));
    expect(new Cluster({ instances: alike, engine }).placeBatch([request(8, 1), request(3, 8)])).toMatchObject({ instancesUsed: 4, lowerBound: 4 });
    // One instance larger: the bounds of identical instances no longer hold, and the volume bound is what is left.
    const mixed = [...alike.slice(0, 4), { id: 'big', resources: { cpu: 40, memory: 40 } }];
    expect(new Cluster({ instances: mixed, engine }).placeBatch([request(8, 1), request(3, 8)])).toMatchObject({ lowerBound: 1 });
  });

  it('fills instances with the tasks that fill them exactly, where no order of Best Fit does', () => {
    // Best Fit: 3+3+3, 3+4, 4; Best Fit Decreasing: 4+4, 3+3+3, 3: three instances either way (the given order kept on the tie). Filling each: 4+3+3 twice: two.
    const requests = [item(3, 4), item(4, 2)];
    expect(new Cluster({ instances: bins(6, 10), engine }).placeBatch(requests, { fill: false })).toMatchObject({ instancesUsed: 3, method: 'given' });
    const cluster = new Cluster({ instances: bins(6, 10), engine });
    const batch = cluster.placeBatch(requests);
    expect(batch).toMatchObject({ instancesUsed: 2, lowerBound: 2, method: 'fill', complete: true });
    expect(batch.results.map((result) => result.placements.map((placement) => placement.instanceId))).toEqual([['bin-1', 'bin-1', 'bin-2', 'bin-2'], ['bin-1', 'bin-2']]);
    expect(cluster.snapshot().instances.map((instance) => instance.remainingResources['memory'])).toEqual([0, 0, 10, 10, 10, 10]);
  });

  it('fills only where every check and constraint of the task allows', () => {
    const instances = [
      { id: 'a', resources: { cpu: 0, memory: 10 }, attributes: { tier: 'cold' } },
      { id: 'b', resources: { cpu: 0, memory: 10 }, attributes: { tier: 'hot' } },
      { id: 'c', resources: { cpu: 0, memory: 10 }, attributes: { tier: 'hot' } },
    ];
    const spread = { ...item(5, 2), group: 'spread', placementConstraints: [{ type: 'distinctInstance' as const }] };
    const hot = { ...item(5, 1), group: 'hot', placementConstraints: [{ type: 'memberOf' as const, expression: 'attribute:tier == hot' }] };
    const cluster = new Cluster({ instances, engine });
    const batch = cluster.placeBatch([spread, hot, item(5, 1)]);
    const where = batch.results.map((result) => result.placements.map((placement) => placement.instanceId));
    // The two tasks of `spread` on two instances, `hot` on a hot one: no instance holds two tasks of spread, none of hot is cold.
    expect(new Set(where[0]).size).toBe(2);
    expect(['b', 'c']).toContain(where[1]?.[0]);
    expect(batch.instancesUsed).toBe(2);
  });

  it('stops the fill at its time limit, and says so', () => {
    const cluster = new Cluster({ instances: bins(40, 1000), engine });
    const requests = Array.from({ length: 40 }, (_, index) => item(251 + ((index * 37) % 240)));
    const batch = cluster.placeBatch(requests, { timeLimitMs: 0 });
    // However soon the fill was cut, every task is placed, and only a kept fill can be incomplete.
    expect(batch.results.every((result) => result.placements.length === 1)).toBe(true);
    expect(batch.complete || batch.method === 'fill').toBe(true);
    expect(cluster.placeBatch([], { timeLimitMs: 600_000 })).toMatchObject({ complete: true });
  });

  it('keeps the given order when largest first does no better, and reports failures per request', () => {
    const cluster = new Cluster({ instances: bins(1, 10), engine });
    const batch = cluster.placeBatch([item(5), item(6), item(5)]);
    expect(batch.method).toBe('given');
    expect(batch.results.map((result) => [result.placements.length, result.failures.map((failure) => failure.reason)])).toEqual([[1, []], [0, ['RESOURCE:MEMORY']], [1, []]]);
  });

  it('places nothing for an empty batch', () => {
    const cluster = new Cluster({ instances: bins(2, 10), engine });
    expect(cluster.placeBatch([])).toEqual({ results: [], instancesUsed: 0, lowerBound: 0, method: 'given', complete: true });
  });

  it('refuses bad input with a code and a path, and changes nothing', () => {
    const cluster = new Cluster({ instances: bins(2, 10), engine });
    expect(inputErrorOf(() => cluster.placeBatch('items' as never))).toEqual({ code: 'invalid_type', path: 'requests' });
    expect(inputErrorOf(() => cluster.placeBatch([item(1), { task: { resources: { memory: -1 } } }]))).toEqual({ code: 'invalid_resource', path: 'requests[1].task.resources.memory' });
    expect(inputErrorOf(() => cluster.placeBatch([{ ...item(1), capacityProviderStrategy: [{ capacityProvider: 'spot', weight: 1 }] }]))).toEqual({ code: 'invalid_option', path: 'requests[0].capacityProviderStrategy' });
    expect(inputErrorOf(() => cluster.placeBatch([item(1)], { order: 'smallestFirst' } as never))).toEqual({ code: 'invalid_option', path: 'options.order' });
    expect(inputErrorOf(() => cluster.placeBatch([item(1)], { ordre: 'given' } as never))).toEqual({ code: 'unknown_field', path: 'options.ordre' });
    expect(inputErrorOf(() => cluster.placeBatch([item(1)], { fill: 'yes' } as never))).toEqual({ code: 'invalid_option', path: 'options.fill' });
    expect(inputErrorOf(() => cluster.placeBatch([item(1)], { timeLimitMs: -1 }))).toEqual({ code: 'invalid_option', path: 'options.timeLimitMs' });
    expect(inputErrorOf(() => cluster.placeBatch([item(1)], { timeLimitMs: 600_001 }))).toEqual({ code: 'invalid_option', path: 'options.timeLimitMs' });
    expect(inputErrorOf(() => cluster.placeBatch([item(1)], { timeLimitMs: Number.NaN }))).toEqual({ code: 'invalid_option', path: 'options.timeLimitMs' });
    expect(inputErrorOf(() => cluster.placeBatch(Array.from({ length: 10_001 }, () => item(1))))).toEqual({ code: 'invalid_count', path: 'requests' });
    expect(cluster.tasks()).toEqual([]);
  });

  it('undoes the whole batch when a strategy of the caller throws half-way', () => {
    const cluster = new Cluster({ instances: bins(2, 10), engine });
    let calls = 0;
    const failing = { name: 'failsLater', rank: () => { calls += 1; if (calls > 1) throw new Error('no more'); return () => 0; } };
    expect(() => cluster.placeBatch([item(1, 2), { ...item(1, 2), placementStrategy: [failing] }], { order: 'given' })).toThrow('no more');
    expect(cluster.tasks()).toEqual([]);
  });
});
