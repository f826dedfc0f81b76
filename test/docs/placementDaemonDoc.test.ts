import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/Cluster';

const page = readFileSync(new URL('../../docs/placement.md', import.meta.url), 'utf8');
const start = page.indexOf('## Daemon placement');
const section = page.slice(start, page.indexOf('\n## ', start + 1));

describe('docs/placement.md, daemon placement', () => {
  // The example of the section, as it is written there.
  it.each(['reference', 'indexed'] as const)('places, lists and skips what the example says on the %s engine', (engine) => {
    const cluster = new Cluster({
      engine,
      instances: [
        { id: 'i-1', resources: { cpu: 2048, memory: 4096 }, attributes: { 'ecs.os-type': 'linux' } },
        { id: 'i-2', resources: { cpu: 2048, memory: 4096 }, attributes: { 'ecs.os-type': 'linux' } },
        { id: 'i-3', resources: { cpu: 2048, memory: 4096 }, attributes: { 'ecs.os-type': 'linux' }, status: 'DRAINING' },
        { id: 'i-4', resources: { cpu: 2048, memory: 4096 }, attributes: { 'ecs.os-type': 'windows' } },
        { id: 'i-5', resources: { cpu: 2048, memory: 128 }, attributes: { 'ecs.os-type': 'linux' } },
      ],
    });
    const logs = { family: 'logs', resources: { cpu: 128, memory: 256 } };
    expect(cluster.place({ task: logs, service: 'logs' }).placements).toEqual([{ taskId: 'task-1', instanceId: 'i-1' }]);
    const result = cluster.placeDaemon(logs, {
      service: 'logs',
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux' }],
    });
    expect(result.group).toBe('service:logs');
    expect(result.placements).toEqual([{ taskId: 'task-2', instanceId: 'i-2' }]);
    expect(result.alreadyRunning).toEqual(['i-1']);
    expect(result.skipped.map(({ instanceId, reason, resolvable }) => `${instanceId} ${reason} (resolvable: ${resolvable})`)).toEqual([
      'i-3 AGENT (resolvable: false)',
      'i-4 MemberOf placement constraint unsatisfied. (resolvable: false)',
      'i-5 RESOURCE:MEMORY (resolvable: true)',
    ]);
    expect(cluster.placeDaemon(logs, { service: 'logs', placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux' }] }).placements).toEqual([]);
  });

  it('shows the example and its answer as the test runs them', () => {
    for (const line of [
      "cluster.place({ task: logs, service: 'logs' }); // task-1, on i-1",
      "// result.group: 'service:logs'",
      "// result.placements: [{ taskId: 'task-2', instanceId: 'i-2' }]",
      "// result.alreadyRunning: ['i-1']",
      '//   i-3 AGENT (resolvable: false), i-4 MemberOf placement constraint unsatisfied. (resolvable: false),',
      '//   i-5 RESOURCE:MEMORY (resolvable: true)',
    ]) expect(section).toContain(line);
  });
});
