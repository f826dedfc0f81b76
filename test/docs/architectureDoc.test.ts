import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cluster, type InstanceStrategy } from '../../src/index';
import { makeInstanceSpec } from '../support/makeInstanceSpec';

const DOC = readFileSync(join(import.meta.dirname, '../../docs/architecture.md'), 'utf8');

// The strategy of "Writing a strategy the engine can index", as the page writes it.
const fewestTasks = Object.freeze<InstanceStrategy>({
  name: 'fewestTasks',
  dependsOn: 'instance',
  key: (instance) => instance.runningTasksCount,
});

describe('docs/architecture.md', () => {
  it('shows the strategy and the request this test runs', () => {
    const example = [...DOC.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '').find((block) => block.includes('fewestTasks'));
    expect(example).toContain(`const fewestTasks = Object.freeze<InstanceStrategy>({
  name: 'fewestTasks',
  dependsOn: 'instance',
  key: (instance) => instance.runningTasksCount,
});`);
    expect(example).toContain("cluster.place({ task, count: 3, placementStrategy: [fewestTasks, { type: 'binpack', field: 'memory' }] });");
  });

  it.each(['indexed', 'reference'] as const)('places on the instances with the fewest tasks, packing memory among them (%s engine)', (engine) => {
    const instances = [
      makeInstanceSpec('busy', { resources: { memory: 2048 } }),
      makeInstanceSpec('large', { resources: { memory: 8192 } }),
      makeInstanceSpec('small', { resources: { memory: 4096 } }),
    ];
    const task = { resources: { memory: 512 } };
    const cluster = new Cluster({ instances, engine });
    cluster.place({ task, group: 'other', placementStrategy: [{ type: 'binpack', field: 'memory' }] });
    const placed = cluster.place({ task, count: 3, placementStrategy: [fewestTasks, { type: 'binpack', field: 'memory' }] }).placements.map((placement) => placement.instanceId);
    expect(placed).toEqual(['small', 'large', 'busy']);
  });
});
