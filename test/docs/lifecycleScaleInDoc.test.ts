import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/Cluster';
import { describeScaleInReason } from '../../src/cluster/describeScaleInReason';
import { consoleExamples, runExample } from './consoleExamples';

const page = readFileSync(new URL('../../docs/lifecycle.md', import.meta.url), 'utf8');
const section = page.slice(page.indexOf('## Scale-in'));
const examples = consoleExamples(section).filter((example) => example.args[0] === 'scale-in');

describe('docs/lifecycle.md, scale-in', () => {
  it('has a Scale-in section with a scale-in command', () => {
    expect(page).toContain('## Scale-in');
    expect(examples.length).toBeGreaterThanOrEqual(1);
  });

  it.each(examples.map((example) => [example.command, example] as const))('prints what the page shows for: task-placement %s', (_command, example) => {
    expect(runExample(example.args)).toBe(example.output);
  });

  // The library example of the section, as it is written there.
  it.each(['reference', 'indexed'] as const)('chooses what the example says on the %s engine', (engine) => {
    const zones = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
    const cluster = new Cluster({
      engine,
      instances: Array.from({ length: 6 }, (_, index) => ({
        id: `i-${index + 1}`,
        resources: { cpu: 4096, memory: 8192 },
        attributes: { 'ecs.availability-zone': zones[index % 3] as string },
      })),
    });
    const web = { family: 'web', resources: { memory: 512 } };
    cluster.place({ task: web, count: 6, service: 'web' });
    cluster.place({ task: web, count: 3, service: 'web', placementStrategy: [{ type: 'binpack', field: 'memory' }] });

    const choice = cluster.chooseTasksToStop({ service: 'web', count: 2 });
    expect(choice.tasks.map((task) => task.taskId)).toEqual(['task-9', 'task-8']);
    expect(choice.tasks[0]?.reasons.map(describeScaleInReason)).toEqual([
      "spread(attribute:ecs.availability-zone): zone us-east-1a held 5 of the group's 9 tasks, the most",
      "spread(instanceId): instance i-1 held 4 of the group's 9 tasks, the most",
      'the newest of the 4 tasks the chain left tied',
    ]);
    expect(cluster.stopTasks(choice).map((task) => task.taskId)).toEqual(['task-9', 'task-8']);
  });
});
