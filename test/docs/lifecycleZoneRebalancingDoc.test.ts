import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/Cluster';
import { consoleExamples, runExample } from './consoleExamples';

const page = readFileSync(new URL('../../docs/lifecycle.md', import.meta.url), 'utf8');
const section = page.slice(page.indexOf('## Zone rebalancing'));
const examples = consoleExamples(section).filter((example) => example.args[0] === 'rebalance-zones');

describe('docs/lifecycle.md, zone rebalancing', () => {
  it('has a Zone rebalancing section with ECS\'s source and a rebalance-zones command', () => {
    expect(page).toContain('## Zone rebalancing');
    expect(section).toContain('https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-rebalancing.html');
    expect(examples.length).toBeGreaterThanOrEqual(1);
  });

  it.each(examples.map((example) => [example.command, example] as const))('prints what the page shows for: task-placement %s', (_command, example) => {
    expect(runExample(example.args)).toBe(example.output);
  });

  // The library example of the section, as it is written there; each result must be the comment the page gives it.
  it.each(['reference', 'indexed'] as const)('plans what the example says on the %s engine', (engine) => {
    const zone = (name: string) => ({ 'ecs.availability-zone': name });
    const cluster = new Cluster({ engine, instances: [
      { id: 'a1', resources: { cpu: 4096, memory: 8192 }, attributes: zone('us-east-1a') },
      { id: 'a2', resources: { cpu: 4096, memory: 8192 }, attributes: zone('us-east-1a') },
      { id: 'b1', resources: { cpu: 4096, memory: 8192 }, attributes: zone('us-east-1b') },
      { id: 'c1', resources: { cpu: 4096, memory: 768 }, attributes: zone('us-east-1c') },
    ] });
    const task = { family: 'web', resources: { cpu: 256, memory: 512 } };
    cluster.place({ service: 'web', task, count: 6, placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone != us-east-1c' }] });

    const plan = cluster.planZoneRebalance({ service: 'web', task });
    const shown = (value: unknown): string => JSON.stringify(value).replaceAll('","', "', '").replaceAll('"', "'");
    const results = [
      shown(plan.status),
      shown(plan.zones.map(({ zone, before, target, after }) => `${zone} ${before} -> ${after} (target ${target})`)),
      shown(plan.steps.map((step) => `${step.action} ${step.taskId} on ${step.instanceId}`)),
      shown(plan.blocked.map(({ zone, missing, reason }) => `${zone} lacks ${missing}: ${reason}`)),
    ];
    expect(results).toEqual([
      "'blocked'",
      "['us-east-1a 3 -> 2 (target 2)', 'us-east-1b 3 -> 3 (target 2)', 'us-east-1c 0 -> 1 (target 2)']",
      "['start task-7 on c1', 'stop task-5 on a1']",
      "['us-east-1c lacks 1: RESOURCE:MEMORY']",
    ]);
    for (const result of results) expect(section).toContain(`// ${result}`);

    for (const step of plan.steps) {
      if (step.action === 'start') cluster.place(step.request);
      else cluster.stopTask(step.taskId);
    }
    expect(cluster.tasks().map((t) => t.instanceId).sort()).toEqual(['a1', 'a2', 'b1', 'b1', 'b1', 'c1']);
  });
});
