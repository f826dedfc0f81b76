import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/Cluster';
import { describeDeploymentBlock } from '../../src/cluster/describeDeploymentBlock';
import { consoleExamples, runExample } from './consoleExamples';

const page = readFileSync(new URL('../../docs/lifecycle.md', import.meta.url), 'utf8');
const start = page.indexOf('## Rolling deployments');
const section = page.slice(start, page.indexOf('\n## ', start + 1));
const examples = consoleExamples(section).filter((example) => example.args[0] === 'plan-deployment');

describe('docs/lifecycle.md, rolling deployments', () => {
  it('has a Rolling deployments section just before Zone rebalancing, with ECS\'s sources and a plan-deployment command', () => {
    expect(start).toBeGreaterThan(0);
    expect(page.slice(start + section.length).trimStart().startsWith('## Zone rebalancing')).toBe(true);
    expect(section).toContain('https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html');
    expect(section).toContain('https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages-list.html');
    expect(section).toContain('**Decisions where ECS is silent:**');
    expect(examples.length).toBeGreaterThanOrEqual(1);
  });

  it.each(examples.map((example) => [example.command, example] as const))('prints what the page shows for: task-placement %s', (_command, example) => {
    expect(runExample(example.args)).toBe(example.output);
  });

  it('ends the sentence after the console example with what the command prints at 100 and 100', () => {
    const blocked = runExample(['plan-deployment', '--instances', 'fleet.json', '--tasks', 'describe-tasks.json', '--task-definition', 'web-task-definition.json', '--service', 'web', '--maximum-percent', '100', '--output', 'table']);
    expect(blocked.replace(/\s+/g, ' ')).toContain('service web was unable to stop or start tasks during a deployment because of the service deployment configuration');
    expect(section.replace(/\s+/g, ' ')).toContain('`service web was unable to stop or start tasks during a deployment because of the service deployment configuration`');
  });

  // The library example of the section, as it is written there; each result must be the comment the page gives it.
  it.each(['reference', 'indexed'] as const)('plans what the example says on the %s engine', (engine) => {
    const zone = (name: string) => ({ 'ecs.availability-zone': name });
    const cluster = new Cluster({ engine, instances: [
      { id: 'a1', resources: { cpu: 4096, memory: 2048 }, attributes: zone('us-east-1a') },
      { id: 'b1', resources: { cpu: 4096, memory: 2048 }, attributes: zone('us-east-1b') },
      { id: 'a2', resources: { cpu: 4096, memory: 2048 }, attributes: zone('us-east-1a') },
      { id: 'b2', resources: { cpu: 4096, memory: 2048 }, attributes: zone('us-east-1b') },
    ] });
    cluster.place({ service: 'web', task: { family: 'web', resources: { cpu: 256, memory: 1024 } }, count: 4 });
    const to = { task: { family: 'web', resources: { cpu: 256, memory: 1536 } } };

    const plan = cluster.planDeployment({ service: 'web', to, desiredCount: 4 });
    const half = cluster.planDeployment({ service: 'web', to, desiredCount: 4, minimumHealthyPercent: 50 });
    const shown = (value: unknown): string => JSON.stringify(value).replaceAll('","', "', '").replaceAll('"', "'");
    const results = [
      shown(plan.status),
      shown(plan.blocked === undefined ? undefined : describeDeploymentBlock(plan.blocked, plan.service)),
      shown(half.status),
      shown(half.rounds.map(({ round, started, stopped, running, healthy }) => `${round}: +${started} -${stopped}, ${running} running, ${healthy} healthy`)),
      shown(half.steps.map((step) => `${step.round} ${step.action} ${step.taskId} on ${step.instanceId}`)),
    ];
    expect(results).toEqual([
      "'blocked'",
      "'service web was unable to place a task because no container instance met all of its requirements. The closest matching container-instance a1 has insufficient memory available: the task needs 1536 MiB, 1024 remain. 4 new tasks are still missing.'",
      "'complete'",
      "['1: +0 -2, 4 running, 2 healthy', '2: +2 -2, 4 running, 2 healthy', '3: +2 -0, 4 running, 4 healthy']",
      "['1 stop task-4 on b2', '1 stop task-3 on a2', '2 start task-5 on a2', '2 start task-6 on b2', '2 stop task-2 on b1', '2 stop task-1 on a1', '3 start task-7 on a1', '3 start task-8 on b1']",
    ]);
    for (const result of results) expect(section).toContain(`// ${result}`);

    for (const step of half.steps) {
      if (step.action === 'start') cluster.place(step.request);
      else cluster.stopTask(step.taskId);
    }
    expect(cluster.tasks().map((task) => `${task.taskId} on ${task.instanceId}`)).toEqual(['task-5 on a2', 'task-6 on b2', 'task-7 on a1', 'task-8 on b1']);
  });
});
