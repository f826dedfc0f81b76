/**
 * `task-placement plan-drain`: what draining a container instance would do
 * to the tasks on it.
 *
 * @module
 */
import type { DrainPlan } from '../cluster/DrainPlan';
import { shortId } from '../ecs/shortId';
import { UsageError } from './CliIo';
import type { Command } from './Command';
import { describeTaskLeft, formatMoveSteps, moveStepsJson } from './formatMoveSteps';
import { formatTable } from './formatTable';
import { loadEcsCluster } from './loadEcsCluster';
import { loadServicePlacements, SERVICE_OPTIONS_HELP } from './loadServicePlacements';
import { outputFormat, parseOptions, refusePositionals } from './parseOptions';
import { reportedAt } from './reportedAt';
import { resolveInstance } from './resolveInstance';
import { visibleJson } from './visible';

const HELP = `Usage: task-placement plan-drain --instances FILE --tasks FILE --container-instance ARN --service NAME=FILE... [options]

Plans what setting a container instance to DRAINING would do, as ECS's
service scheduler does it: each task of a described service on the instance
is started on another instance, placed as ECS would place the service's task,
then stopped; standalone tasks stay, as ECS leaves them. Tasks that find no
room are named, with the reason of the closest matching instance. Nothing is
drained, started or stopped in the account.

Options:
  --instances FILE        output of 'aws ecs describe-container-instances' (required)
  --tasks FILE            output of 'aws ecs describe-tasks' for the running tasks
  --container-instance ARN
                          the instance to drain: its ARN, or the id after the
                          last '/' (required)
${SERVICE_OPTIONS_HELP}
  --seed N                seed of the random choices (default 1)
  --output FORMAT         'json' (default) or 'table'
  -h, --help              show this help

Exit status: 0 when every service task on the instance finds a place
elsewhere, 1 when one does not (no room, or its service is not described; the
plan is printed), 2 for bad input or a file that cannot be read (a message on
stderr, nothing on stdout).`;

const OPTIONS = {
  instances: { type: 'string' },
  tasks: { type: 'string' },
  'container-instance': { type: 'string' },
  service: { type: 'string', multiple: true },
  group: { type: 'string', multiple: true },
  strategy: { type: 'string', multiple: true },
  constraint: { type: 'string', multiple: true },
  seed: { type: 'string' },
  output: { type: 'string' },
} as const;

/** The plan-drain command. */
export const planDrainCommand: Command = {
  summary: 'plan what draining a container instance would do to its tasks',
  help: HELP,
  run(args, io) {
    const { values, positionals } = parseOptions('plan-drain', args, OPTIONS);
    refusePositionals('plan-drain', positionals);
    const output = outputFormat(values.output);
    const { cluster } = loadEcsCluster(io, { instances: values.instances, tasks: values.tasks, seed: values.seed }, 'plan-drain');
    const given = values['container-instance'];
    if (given === undefined) throw new UsageError("--container-instance is required: the instance to drain. Run 'task-placement plan-drain --help' for the options.");
    const instanceId = resolveInstance(cluster.instances().map((instance) => instance.id), given);
    const services = loadServicePlacements(io, values, 'plan-drain');
    const plan = reportedAt('the services as given', () => cluster.planDrain({ instanceId, services }));
    io.out(output === 'json' ? visibleJson({ ...plan, steps: moveStepsJson(plan.steps) }) : `${formatPlan(plan, io.columns)}\n`);
    return plan.complete ? 0 : 1;
  },
};

function formatPlan(plan: DrainPlan, columns: number): string {
  const moved = plan.moved === 1 ? '1 task moves' : `${plan.moved} tasks move`;
  const lines = [`Draining ${shortId(plan.instanceId)}: ${moved}${plan.complete ? '' : '; some service tasks cannot'}.`];
  if (plan.steps.length > 0) lines.push('', formatMoveSteps(plan.steps, columns));
  if (plan.left.length > 0) {
    lines.push('', formatTable([{ heading: 'STAYS' }, { heading: 'GROUP' }, { heading: 'WHY' }], plan.left.map((task) => [shortId(task.taskId), task.group, describeTaskLeft(task)]), columns));
  }
  if (plan.untrackedTasks > 0) lines.push('', `${plan.untrackedTasks} untracked task(s) stay as well.`);
  return lines.join('\n');
}
