import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/Cluster';
import type { MoveStep } from '../../src/cluster/DrainPlan';
import { consoleExamples, runExample } from './consoleExamples';

const page = readFileSync(new URL('../../docs/lifecycle.md', import.meta.url), 'utf8');
const section = page.slice(page.indexOf('## Consolidation and drain plans'));
const examples = consoleExamples(section).filter((example) => example.args[0] === 'plan-drain' || example.args[0] === 'plan-consolidation');

describe('docs/lifecycle.md, consolidation and drain plans', () => {
  it('has a Consolidation and drain plans section with ECS\'s source and a plan-drain command', () => {
    expect(page).toContain('## Consolidation and drain plans');
    expect(section).toContain('https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-draining.html');
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
      { id: 'b2', resources: { cpu: 4096, memory: 8192 }, attributes: zone('us-east-1b') },
    ] });
    const web = { service: 'web', task: { family: 'web', resources: { cpu: 256, memory: 512 } } };
    cluster.place({ ...web, count: 6 });
    cluster.place({ group: 'cron', task: { family: 'cron', resources: { memory: 256 } }, placementStrategy: [{ type: 'binpack', field: 'memory' }] });
    expect(cluster.tasks().map((task) => task.instanceId)).toEqual(['a1', 'b1', 'a2', 'b2', 'a1', 'b1', 'a1']);

    const shown = (value: unknown): string => JSON.stringify(value).replaceAll('","', "', '").replaceAll('"', "'");
    const steps = (list: readonly MoveStep[]) => list.map((step) => `${step.action} ${'taskId' in step ? `${step.taskId} on ` : ''}${step.instanceId}`);
    const drain = cluster.planDrain({ instanceId: 'a1', services: [web] });
    const packed = { ...web, placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }] } as const;
    const spread = cluster.planConsolidation({ services: [web] }).instancesFreed;
    const plan = cluster.planConsolidation({ services: [packed] });
    const results = [
      shown(steps(drain.steps)),
      shown(drain.left.map(({ taskId, group, why }) => `${taskId} (${group}) stays: ${why.code}`)),
      shown(spread),
      shown(plan.instancesFreed),
      shown(steps(plan.steps)),
    ];
    expect(results).toEqual([
      "['drain a1', 'start task-8 on a2', 'start task-9 on b2', 'stop task-1 on a1', 'stop task-5 on a1']",
      "['task-7 (cron) stays: standalone']",
      '[]',
      "['b2', 'a2']",
      "['drain b2', 'start task-8 on b1', 'stop task-4 on b2', 'drain a2', 'start task-9 on a1', 'stop task-3 on a2']",
    ]);
    for (const result of results) expect(section).toContain(`// ${result}`);

    for (const step of plan.steps) {
      if (step.action === 'drain') cluster.updateInstance(step.instanceId, { status: 'DRAINING' });
      else if (step.action === 'start') cluster.place(step.request);
      else cluster.stopTask(step.taskId);
    }
    expect(cluster.tasks().filter((task) => task.group === 'service:web').map((task) => task.instanceId).sort()).toEqual(['a1', 'a1', 'a1', 'b1', 'b1', 'b1']);
  });
});
