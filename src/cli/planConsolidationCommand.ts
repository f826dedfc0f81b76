/**
 * `task-placement plan-consolidation`: which container instances could be
 * emptied by moving their tasks to the others.
 *
 * @module
 */
import type { ConsolidationPlan, NotFreedReason } from '../cluster/ConsolidationPlan';
import { shortId } from '../ecs/shortId';
import type { Command } from './Command';
import { describeTaskLeft, formatMoveSteps, moveStepsJson } from './formatMoveSteps';
import { formatTable } from './formatTable';
import { loadEcsCluster } from './loadEcsCluster';
import { loadServicePlacements, SERVICE_OPTIONS_HELP } from './loadServicePlacements';
import { outputFormat, parseOptions, refusePositionals, wholeNumberOption } from './parseOptions';
import { reportedAt } from './reportedAt';
import { resolveInstance } from './resolveInstance';
import { visibleJson } from './visible';

const HELP = `Usage: task-placement plan-consolidation --instances FILE --tasks FILE --service NAME=FILE... [options]

Plans which container instances could be emptied (drained, then terminated)
by moving their tasks to the other instances: each task moved is started
elsewhere, placed as ECS would place a task of its service or group, then
stopped. A move never breaks a constraint, keeps the task in the same
Availability Zone (and the same bucket of every other attribute its service
spreads over), never makes its service's spread over instances worse, and
never takes an idle instance into use. The search is greedy: the instances
with the fewest tasks are tried first. Only tasks of the services and groups
described move; an instance running any other task is not emptied. ECS has no
such operation; nothing is moved in the account.

Options:
  --instances FILE        output of 'aws ecs describe-container-instances' (required)
  --tasks FILE            output of 'aws ecs describe-tasks' for the running tasks
${SERVICE_OPTIONS_HELP}
  --keep ARN              an instance never to empty (it may still receive
                          tasks); its ARN or the id after the last '/'; repeat
                          for several
  --max-moves N           move at most N tasks
  --seed N                seed of the random choices (default 1)
  --output FORMAT         'json' (default) or 'table'
  -h, --help              show this help

Exit status: 0 when the plan empties at least one instance, 1 when it empties
none (the plan is printed, with why each instance stays), 2 for bad input or a
file that cannot be read (a message on stderr, nothing on stdout).`;

const OPTIONS = {
  instances: { type: 'string' },
  tasks: { type: 'string' },
  service: { type: 'string', multiple: true },
  group: { type: 'string', multiple: true },
  strategy: { type: 'string', multiple: true },
  constraint: { type: 'string', multiple: true },
  keep: { type: 'string', multiple: true },
  'max-moves': { type: 'string' },
  seed: { type: 'string' },
  output: { type: 'string' },
} as const;

/** The plan-consolidation command. */
export const planConsolidationCommand: Command = {
  summary: 'plan which container instances could be emptied by moving their tasks',
  help: HELP,
  run(args, io) {
    const { values, positionals } = parseOptions('plan-consolidation', args, OPTIONS);
    refusePositionals('plan-consolidation', positionals);
    const output = outputFormat(values.output);
    const maxMoves = values['max-moves'] === undefined ? undefined : wholeNumberOption('--max-moves', values['max-moves'], 0, 10_000_000);
    const { cluster } = loadEcsCluster(io, { instances: values.instances, tasks: values.tasks, seed: values.seed }, 'plan-consolidation');
    const ids = cluster.instances().map((instance) => instance.id);
    const keep = (values.keep ?? []).map((given) => resolveInstance(ids, given));
    const services = loadServicePlacements(io, values, 'plan-consolidation');
    const plan = reportedAt('the services as given', () => cluster.planConsolidation({ services, keep, ...(maxMoves === undefined ? {} : { maxMoves }) }));
    io.out(output === 'json'
      ? visibleJson({ ...plan, steps: moveStepsJson(plan.steps), notFreed: plan.notFreed.map((entry) => ({ ...entry, detail: describeNotFreed(entry.why) })) })
      : `${formatPlan(plan, io.columns)}\n`);
    return plan.instancesFreed.length > 0 ? 0 : 1;
  },
};

function describeNotFreed(why: NotFreedReason): string {
  switch (why.code) {
    case 'keep':
      return 'kept, as --keep asks';
    case 'not_active':
      return `its status is ${why.status}; only ACTIVE instances are emptied`;
    case 'untracked_tasks':
      return `it runs ${why.count} task(s) the --tasks file does not describe, which cannot move`;
    case 'received_tasks':
      return 'it receives tasks from an instance emptied before it';
    case 'max_moves':
      return `its ${why.tasks} task(s) would pass --max-moves (${why.movesLeft} move(s) left)`;
    case 'task_left':
      return `task ${shortId(why.task.taskId)} cannot move: ${describeTaskLeft(why.task)}`;
  }
}

function formatPlan(plan: ConsolidationPlan, columns: number): string {
  const { before, after } = plan.instancesWithTasks;
  const freed = plan.instancesFreed.length;
  const head = freed === 0
    ? `No instance can be emptied; ${before} run tasks.`
    : `${freed} instance(s) can be emptied by ${plan.moves} move(s): ${before} instances run tasks before, ${after} after.`;
  const lines = [head];
  if (plan.steps.length > 0) lines.push('', formatMoveSteps(plan.steps, columns));
  if (plan.notFreed.length > 0) {
    lines.push('', formatTable([{ heading: 'NOT EMPTIED' }, { heading: 'WHY' }], plan.notFreed.map((entry) => [shortId(entry.instanceId), describeNotFreed(entry.why)]), columns));
  }
  return lines.join('\n');
}
