import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/Cluster';
import type { PlacementRequest } from '../../src/model/PlacementRequest';

const DOC = readFileSync(join(import.meta.dirname, '../../docs/placement.md'), 'utf8');
const section = DOC.slice(DOC.indexOf('### Preferences'), DOC.indexOf('### Your own strategy'));

// The example of the Preferences section, as it is written there.
function exampleCluster(engine: 'indexed' | 'reference'): Cluster {
  const ports = { tcp: [], udp: [] };
  return new Cluster({
    engine,
    instances: [
      { id: 'od-1', resources: { cpu: 4096, memory: 8192 }, attributes: { lifecycle: 'on-demand' } },
      { id: 'spot-1', resources: { cpu: 4096, memory: 8192 }, attributes: { lifecycle: 'spot' } },
      { id: 'spot-2', resources: { cpu: 4096, memory: 8192 }, attributes: { lifecycle: 'spot' } },
    ],
    tasks: [{ taskId: 'batch-1', instanceId: 'spot-1', group: 'batch', resources: { memory: 2048 }, ports }],
  });
}
const web = {
  task: { family: 'web', resources: { memory: 2048 } },
  service: 'web',
  placementStrategy: [
    { type: 'prefer', expression: 'attribute:lifecycle == spot', weight: 50 },
    { type: 'binpack', field: 'memory' },
    { type: 'prefer', expression: 'task:group == batch', weight: -30 },
  ],
} satisfies PlacementRequest;

describe('docs/placement.md, preferences', () => {
  it('shows the cluster, the request and the calls this test runs', () => {
    const example = [...section.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '').find((block) => block.includes('spot-2')) ?? '';
    for (const line of [
      "    { id: 'od-1', resources: { cpu: 4096, memory: 8192 }, attributes: { lifecycle: 'on-demand' } },",
      "    { id: 'spot-1', resources: { cpu: 4096, memory: 8192 }, attributes: { lifecycle: 'spot' } },",
      "    { id: 'spot-2', resources: { cpu: 4096, memory: 8192 }, attributes: { lifecycle: 'spot' } },",
      "  tasks: [{ taskId: 'batch-1', instanceId: 'spot-1', group: 'batch', resources: { memory: 2048 }, ports }],",
      "  task: { family: 'web', resources: { memory: 2048 } },",
      "    { type: 'prefer', expression: 'attribute:lifecycle == spot', weight: 50 },",
      "    { type: 'binpack', field: 'memory' },",
      "    { type: 'prefer', expression: 'task:group == batch', weight: -30 },",
      "// ['prefer(attribute:lifecycle == spot weight 50; task:group == batch weight -30)', 'binpack(memory)']",
      '// keys: od-1 0, spot-1 -20 (50 - 30), spot-2 -50',
      "cluster.place({ ...web, count: 5 }).placements.map((p) => p.instanceId);",
      "// ['spot-2', 'spot-2', 'spot-2', 'spot-2', 'spot-1']",
    ]) expect(example).toContain(line);
  });

  it.each(['indexed', 'reference'] as const)('explains and places as the page says (%s engine)', (engine) => {
    const cluster = exampleCluster(engine);
    const explanation = cluster.explain(web);
    expect(explanation.strategies).toEqual(['prefer(attribute:lifecycle == spot weight 50; task:group == batch weight -30)', 'binpack(memory)']);
    expect(explanation.instances.map((instance) => [instance.instanceId, instance.keys[0]])).toEqual([['od-1', 0], ['spot-1', -20], ['spot-2', -50]]);
    expect(cluster.place({ ...web, count: 5 }).placements.map((p) => p.instanceId)).toEqual(['spot-2', 'spot-2', 'spot-2', 'spot-2', 'spot-1']);
  });

  it.each(['indexed', 'reference'] as const)('places as binpack alone would not: binpack alone chooses spot-1 (%s engine)', (engine) => {
    const binpacked = exampleCluster(engine).place({ ...web, placementStrategy: [{ type: 'binpack', field: 'memory' }] });
    expect(binpacked.placements.map((p) => p.instanceId)).toEqual(['spot-1']);
  });
});
