/**
 * `task-placement scale-in`: which of a service's running tasks ECS would
 * stop when the service scales in, and why each.
 *
 * @module
 */
import { describeScaleInReason } from '../cluster/describeScaleInReason';
import type { ScaleInChoice } from '../cluster/ScaleInChoice';
import { parseStrategyNotation } from '../ecs/placementNotation';
import { shortId } from '../ecs/shortId';
import type { InstanceInfo } from '../model/InstanceInfo';
import type { ScaleInRequest } from '../model/ScaleInRequest';
import { UsageError } from './CliIo';
import type { Command } from './Command';
import { formatTable } from './formatTable';
import { loadEcsCluster } from './loadEcsCluster';
import { outputFormat, parseOptions, refusePositionals, wholeNumberOption } from './parseOptions';
import { reportedAt } from './reportedAt';
import { visible, visibleJson } from './visible';
import { wrapText } from './wrapText';

const HELP = `Usage: task-placement scale-in --instances FILE --tasks FILE --service NAME --count N [options]

Says which running tasks of a service ECS would stop if the service scaled
in by N tasks, in the order it would stop them, and why each: the level of
the placement strategy that picked it. spread stops tasks from the bucket
(zone, instance, attribute value) holding the most of the service's tasks,
binpack the task whose instance would have the most left once it stops,
random a task drawn from the seed; ties go to the newest task. Nothing is
stopped in the account.

Options:
  --instances FILE   output of 'aws ecs describe-container-instances' (required)
  --tasks FILE       output of 'aws ecs describe-tasks' for the running tasks
                     (required: the tasks to choose from)
  --service NAME     the service scaled in (group service:NAME)
  --group G          or the task group, for tasks that are not a service's
  --count N          how many tasks to stop (required), at most 100,000
  --strategy LIST    the service's placement strategy, e.g.
                     'spread(attribute:ecs.availability-zone),binpack(memory)'
                     (default: spread over zones then instances for a
                     service, random for a group, as in ECS)
  --protected ARN    a task with scale-in protection, never stopped; repeat
                     for several
  --seed N           seed of the random strategy (default 1)
  --output FORMAT    'json' (default) or 'table'
  -h, --help         show this help

Exit status: 0 when N tasks were chosen, 1 when the service had fewer that
could be stopped (every one of them is chosen; the answer is printed), 2 for
bad input or a file that cannot be read (a message on stderr, nothing on
stdout).`;

const OPTIONS = {
  instances: { type: 'string' },
  tasks: { type: 'string' },
  service: { type: 'string' },
  group: { type: 'string' },
  count: { type: 'string' },
  strategy: { type: 'string' },
  protected: { type: 'string', multiple: true },
  seed: { type: 'string' },
  output: { type: 'string' },
} as const;

/** The most tasks one command chooses, as for `place`: the answer lists each. */
const MAX_TASKS = 100_000;

/** The scale-in command. */
export const scaleInCommand: Command = {
  summary: 'which running tasks of a service ECS would stop when it scales in',
  help: HELP,
  run(args, io) {
    const { values, positionals } = parseOptions('scale-in', args, OPTIONS);
    refusePositionals('scale-in', positionals);
    const output = outputFormat(values.output);
    if (values.tasks === undefined) throw new UsageError("--tasks is required: the output of 'aws ecs describe-tasks' for the running tasks. Run 'task-placement scale-in --help' for the options.");
    if (values.service !== undefined && values.group !== undefined) throw new UsageError("give --service or --group, not both: a service's tasks are always in the group service:NAME.");
    if (values.service === undefined && values.group === undefined) throw new UsageError("give --service NAME (or --group G). Run 'task-placement scale-in --help' for the options.");
    if (values.count === undefined) throw new UsageError("--count is required: how many tasks to stop. Run 'task-placement scale-in --help' for the options.");
    const count = wholeNumberOption('--count', values.count, 1, MAX_TASKS);
    const { cluster } = loadEcsCluster(io, { instances: values.instances, tasks: values.tasks, seed: values.seed }, 'scale-in');
    const text = values.strategy;
    const request: ScaleInRequest = {
      count,
      ...(values.service === undefined ? {} : { service: values.service }),
      ...(values.group === undefined ? {} : { group: values.group }),
      ...(text === undefined ? {} : { placementStrategy: reportedAt('--strategy', () => parseStrategyNotation(text)) }),
      ...(values.protected === undefined ? {} : { protectedTasks: values.protected }),
    };
    const choice = reportedAt('the scale-in asked for', () => cluster.chooseTasksToStop(request));
    const instances = cluster.instances();
    io.out(output === 'json' ? visibleJson(toJson(choice, instances)) : `${formatChoice(choice, instances, io.columns)}\n`);
    return choice.complete ? 0 : 1;
  },
};

const zoneOf = (instances: ReadonlyMap<string, InstanceInfo>, id: string): string | undefined => instances.get(id)?.attributes['ecs.availability-zone'] ?? undefined;

/** The choice in ECS's names (ARNs), each reason with its words. */
function toJson(choice: ScaleInChoice, instances: readonly InstanceInfo[]): unknown {
  const byId = new Map(instances.map((instance) => [instance.id, instance]));
  return {
    group: choice.group,
    requested: choice.requested,
    complete: choice.complete,
    protectedTasks: choice.protectedTasks,
    strategies: choice.strategies,
    tasks: choice.tasks.map((task) => {
      const zone = zoneOf(byId, task.instanceId);
      return {
        taskArn: task.taskId,
        containerInstanceArn: task.instanceId,
        ...(zone === undefined ? {} : { availabilityZone: zone }),
        reasons: task.reasons.map((reason) => ({ ...reason, description: describeScaleInReason(reason) })),
      };
    }),
  };
}

function formatChoice(choice: ScaleInChoice, instances: readonly InstanceInfo[], width: number): string {
  const byId = new Map(instances.map((instance) => [instance.id, instance]));
  const wrap = (line: string): string => wrapText(visible(line), width).join('\n');
  const shortfall = choice.complete ? '' : ` (asked for ${choice.requested}; the group has no more that can be stopped)`;
  const protectedNote = choice.protectedTasks === 0 ? '' : ` ${choice.protectedTasks} protected ${choice.protectedTasks === 1 ? 'task stays' : 'tasks stay'}.`;
  const heading = wrap(`Stop ${choice.tasks.length} ${choice.tasks.length === 1 ? 'task' : 'tasks'} of group ${choice.group}${shortfall}, following ${choice.strategies.join(', ')}.${protectedNote}`);
  if (choice.tasks.length === 0) return heading;
  const rows = choice.tasks.map((task, index) => [
    String(index + 1),
    shortId(task.taskId),
    shortId(task.instanceId),
    zoneOf(byId, task.instanceId) ?? '-',
    task.reasons.map(describeScaleInReason).join('; '),
  ]);
  const columns = [{ heading: '#', align: 'right' as const }, { heading: 'TASK' }, { heading: 'INSTANCE' }, { heading: 'ZONE' }, { heading: 'WHY' }];
  return `${heading}\n\n${formatTable(columns, rows, width)}`;
}
