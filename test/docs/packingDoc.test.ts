import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackingFolder, runPackingCase } from '../../bench/packingCase';
import { packingTable } from '../../bench/tables';
import { Cluster, type PackScorer } from '../../src/index';
import { INSTANCE_TYPES, planFleet } from '../../src/sim/index';

const DOC = readFileSync(join(import.meta.dirname, '../../docs/packing.md'), 'utf8');

/** The example's cluster, as the page builds it. */
function exampleCluster(engine: 'indexed' | 'reference'): Cluster {
  const ports = { tcp: [], udp: [] };
  return new Cluster({
    engine,
    instances: [
      { id: 'i-a', resources: { cpu: 2048, memory: 4096 } },
      { id: 'i-b', resources: { cpu: 4096, memory: 16384 } },
      { id: 'i-c', resources: { cpu: 8192, memory: 8192 } },
    ],
    tasks: [
      { taskId: 'batch-1', instanceId: 'i-c', group: 'family:batch', resources: { cpu: 6144, memory: 2048 }, ports },
      { taskId: 'batch-2', instanceId: 'i-b', group: 'family:batch', resources: { cpu: 1024, memory: 8192 }, ports },
    ],
  });
}
const web = { family: 'web', resources: { cpu: 1024, memory: 2048 } };

/** The rows of the example's table: scorer, the three keys, the instance chosen. */
const rows = [...DOC.matchAll(/^\| `(\w+)` \| (-?[\d.]+) \| (-?[\d.]+) \| (-?[\d.]+) \| (i-\w) \|$/gm)].map((match) => ({
  scorer: match[1] as PackScorer,
  keys: [Number(match[2]), Number(match[3]), Number(match[4])],
  chosen: match[5],
}));

describe('docs/packing.md', () => {
  it('shows the cluster, the task and the call this test runs, and a row for each of the five scorers', () => {
    const example = [...DOC.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '').find((block) => block.includes('batch-1')) ?? '';
    for (const line of [
      "    { id: 'i-a', resources: { cpu: 2048, memory: 4096 } },",
      "    { id: 'i-b', resources: { cpu: 4096, memory: 16384 } },",
      "    { id: 'i-c', resources: { cpu: 8192, memory: 8192 } },",
      "    { taskId: 'batch-1', instanceId: 'i-c', group: 'family:batch', resources: { cpu: 6144, memory: 2048 }, ports },",
      "    { taskId: 'batch-2', instanceId: 'i-b', group: 'family:batch', resources: { cpu: 1024, memory: 8192 }, ports },",
      "const web = { family: 'web', resources: { cpu: 1024, memory: 2048 } };",
    ]) expect(example).toContain(line);
    expect(rows.map((row) => row.scorer)).toEqual(['dotProduct', 'bestFit', 'mostAllocated', 'leastAllocated', 'balanced']);
  });

  it.each(['indexed', 'reference'] as const)('gives the keys and the choices of the table (%s engine)', (engine) => {
    for (const row of rows) {
      const explanation = exampleCluster(engine).explain({ task: web, placementStrategy: [{ type: 'pack', resources: ['cpu', 'memory'], scorer: row.scorer }] });
      const keys = explanation.instances.map((instance) => instance.keys[0] ?? Number.NaN);
      // The page rounds to four places.
      keys.forEach((key, index) => expect(Math.abs(key - (row.keys[index] as number)), `${row.scorer} on ${explanation.instances[index]?.instanceId ?? ''}`).toBeLessThan(5e-5));
      expect(explanation.chosenInstanceId).toBe(row.chosen);
      const placed = exampleCluster(engine).place({ task: web, placementStrategy: [{ type: 'pack', resources: ['cpu', 'memory'], scorer: row.scorer }] });
      expect(placed.placements.map((placement) => placement.instanceId)).toEqual([row.chosen]);
    }
  });

  it('shows the table that the bench prints for the sets in bench/packing', () => {
    expect(DOC).toContain(packingTable(runPackingCase(readPackingFolder(join(import.meta.dirname, '../../bench/packing')))));
  });

  it.each(['indexed', 'reference'] as const)('gives what the batch example says (%s engine)', (engine) => {
    for (const line of [
      "const bins = [1, 2, 3, 4].map((n) => ({ id: `bin-${n}`, resources: { cpu: 0, memory: 10 } }));",
      "  ({ task: { resources: { memory } }, count, group: 'items', placementStrategy: [{ type: 'binpack', field: 'memory' }] });",
      "new Cluster({ instances: bins }).placeBatch([item(3, 2), item(7, 2)], { order: 'given' });",
      '// instancesUsed: 3 (3+3, 7, 7), lowerBound: 2',
      '// instancesUsed: 2 (7+3, 7+3), lowerBound: 2, method: \'largestFirst\'',
    ]) expect(DOC).toContain(line);
    const bins = [1, 2, 3, 4].map((n) => ({ id: `bin-${n}`, resources: { cpu: 0, memory: 10 } }));
    const item = (memory: number, count: number) =>
      ({ task: { resources: { memory } }, count, group: 'items', placementStrategy: [{ type: 'binpack' as const, field: 'memory' }] });
    expect(new Cluster({ instances: bins, engine }).placeBatch([item(3, 2), item(7, 2)], { order: 'given' })).toMatchObject({ instancesUsed: 3, lowerBound: 2, method: 'given' });
    expect(new Cluster({ instances: bins, engine }).placeBatch([item(3, 2), item(7, 2)])).toMatchObject({ instancesUsed: 2, lowerBound: 2, method: 'largestFirst' });
  });

  it('gives what the fleet example says', () => {
    for (const line of [
      "const types = INSTANCE_TYPES.filter((type) => ['m5.large', 'm5.xlarge'].includes(type.name));",
      "planFleet([{ task: { resources: { cpu: 512, memory: 3072 } }, count: 40, service: 'api' }], types);",
      '// m5.large: 20 instances, bound 20 (two tasks fit its 7,608 MiB); m5.xlarge: 8, bound 8 (five fit its 15,472 MiB): best m5.xlarge',
    ]) expect(DOC).toContain(line);
    const types = INSTANCE_TYPES.filter((type) => ['m5.large', 'm5.xlarge'].includes(type.name));
    const plan = planFleet([{ task: { resources: { cpu: 512, memory: 3072 } }, count: 40, service: 'api' }], types);
    expect(plan.byType.map(({ instanceType, instances, lowerBound }) => [instanceType, instances, lowerBound])).toEqual([['m5.large', 20, 20], ['m5.xlarge', 8, 8]]);
    expect(plan.best?.instanceType).toBe('m5.xlarge');
  });
});
