/**
 * `task-placement plan-deployment`: what ECS's rolling update would do to
 * deploy a new revision of a service on the container instances described.
 *
 * @module
 */
import { describeDeploymentBlock } from '../cluster/describeDeploymentBlock';
import type { DeploymentPlan } from '../cluster/DeploymentPlan';
import { parseConstraintNotation, parseStrategyNotation } from '../ecs/placementNotation';
import { shortId } from '../ecs/shortId';
import type { DeploymentRequest, DeploymentRevision } from '../model/DeploymentRequest';
import { UsageError } from './CliIo';
import type { Command } from './Command';
import { formatTable } from './formatTable';
import { loadEcsCluster } from './loadEcsCluster';
import { loadPlacementRequest } from './loadPlacementRequest';
import { outputFormat, parseOptions, refusePositionals, wholeNumberOption, type OptionValues } from './parseOptions';
import { reportedAt } from './reportedAt';
import { visible, visibleJson } from './visible';
import { wrapText } from './wrapText';

const HELP = `Usage: task-placement plan-deployment --instances FILE --tasks FILE --task-definition FILE --service NAME [options]
       task-placement plan-deployment --instances FILE --tasks FILE --request TEMPLATE [options]

Plans what ECS's rolling update would do to deploy a new revision of a
service on the container instances of a DescribeContainerInstances response:
rounds that start new tasks while the service's running tasks stay within
--maximum-percent of the desired count, each placed as ECS would place the
new task definition, then, once they would be running and healthy, stop old
tasks while its healthy tasks stay within --minimum-healthy-percent, each the
task a scale-in of the service would stop. A deployment that cannot go on
(no room for a new task, limits that allow no step, protected old tasks) is
said so, with why. Nothing is started or stopped in the account.

Options:
  --instances FILE        output of 'aws ecs describe-container-instances'
                          (required)
  --tasks FILE            output of 'aws ecs describe-tasks' for the running
                          tasks: the service's (group service:NAME) are the
                          old deployment
  --task-definition FILE  the new task definition (required, unless a
                          --request template or Terraform JSON defines it)
  --request FILE          the service's CreateService request, its
                          'aws ecs describe-services' output, a CloudFormation
                          template or Terraform's JSON, as 'place' reads them
  --resource ID           the service to read when the --request file has several
  --service NAME          the service (required unless the request names it)
  --strategy LIST         the service's strategies, e.g.
                          'spread(attribute:ecs.availability-zone),binpack(memory)'
  --constraint C          'distinctInstance' or 'memberOf(EXPRESSION)'; repeat
                          for several
  --desired-count N       the new tasks to run, at most 100,000 (default: the
                          --request file's desired count, else the number of
                          old tasks)
  --minimum-healthy-percent P
                          lower limit on healthy tasks, in percent of the
                          desired count, rounded up: 0 to 100 (default 100)
  --maximum-percent P     upper limit on running tasks, in percent of the
                          desired count, rounded down: at least 100 (default 200)
  --from ARN              a task of the old deployment; repeat for several
                          (default: every running task of the service)
  --protected ARN         a task with scale-in protection, never stopped;
                          repeat for several
  --seed N                seed of the random choices (default 1)
  --output FORMAT         'json' (default) or 'table'
  -h, --help              show this help

Exit status: 0 when the plan deploys the revision (desired count new tasks, no
old one), 1 when it cannot go on (the plan is printed, with why), 2 for bad
input or a file that cannot be read (a message on stderr, nothing on stdout).`;

const OPTIONS = {
  instances: { type: 'string' },
  tasks: { type: 'string' },
  'task-definition': { type: 'string' },
  request: { type: 'string' },
  resource: { type: 'string' },
  service: { type: 'string' },
  strategy: { type: 'string' },
  constraint: { type: 'string', multiple: true },
  'desired-count': { type: 'string' },
  'minimum-healthy-percent': { type: 'string' },
  'maximum-percent': { type: 'string' },
  from: { type: 'string', multiple: true },
  protected: { type: 'string', multiple: true },
  seed: { type: 'string' },
  output: { type: 'string' },
} as const;

/** The most new tasks one command plans, as for `place`: the answer lists each step. */
const MAX_TASKS = 100_000;

/** The plan-deployment command. */
export const planDeploymentCommand: Command = {
  summary: 'plan how ECS would roll a service out to a new revision',
  help: HELP,
  run(args, io) {
    const { values, positionals } = parseOptions('plan-deployment', args, OPTIONS);
    refusePositionals('plan-deployment', positionals);
    const output = outputFormat(values.output);
    const desired = values['desired-count'];
    const minimum = values['minimum-healthy-percent'];
    const maximum = values['maximum-percent'];
    const percents = {
      ...(desired === undefined ? {} : { desiredCount: wholeNumberOption('--desired-count', desired, 0, MAX_TASKS) }),
      ...(minimum === undefined ? {} : { minimumHealthyPercent: wholeNumberOption('--minimum-healthy-percent', minimum, 0, 100) }),
      ...(maximum === undefined ? {} : { maximumPercent: wholeNumberOption('--maximum-percent', maximum, 100) }),
    };
    const { cluster } = loadEcsCluster(io, { instances: values.instances, tasks: values.tasks, seed: values.seed }, 'plan-deployment');
    const loaded = loadPlacementRequest(io, {
      request: values.request, taskDefinition: values['task-definition'], resource: values.resource, count: undefined, service: values.service,
    });
    const service = values.service ?? loaded.request.service;
    if (service === undefined) throw new UsageError("--service is required: the service deployed. Run 'task-placement plan-deployment --help' for the options.");
    const oldTasks = values.from?.length ?? cluster.tasks().filter((task) => task.group === `service:${service}`).length;
    const request: DeploymentRequest = {
      service,
      to: revision(loaded.request, values),
      desiredCount: loaded.request.count ?? oldTasks,
      ...percents,
      ...(values.from === undefined ? {} : { from: values.from }),
      ...(values.protected === undefined ? {} : { protectedTasks: values.protected }),
    };
    const plan = reportedAt('the deployment as combined from the files and flags', () => cluster.planDeployment(request));
    io.out(output === 'json' ? visibleJson(jsonView(plan)) : `${formatPlan(plan, io.columns)}\n`);
    return plan.status === 'complete' ? 0 : 1;
  },
};

function revision(
  request: { readonly task: DeploymentRevision['task'] } & Pick<DeploymentRevision, 'placementStrategy' | 'placementConstraints'>,
  values: OptionValues<typeof OPTIONS>,
): DeploymentRevision {
  const text = values.strategy;
  const strategy = text === undefined ? request.placementStrategy : reportedAt('--strategy', () => parseStrategyNotation(text));
  const constraints = values.constraint === undefined
    ? request.placementConstraints
    : values.constraint.map((given) => reportedAt('--constraint', () => parseConstraintNotation(given)));
  return {
    task: request.task,
    ...(strategy === undefined ? {} : { placementStrategy: strategy }),
    ...(constraints === undefined ? {} : { placementConstraints: constraints }),
  };
}

/** The plan as JSON: each step without the start's request (the revision's, the same for every start), the block with words. */
function jsonView(plan: DeploymentPlan): unknown {
  const { blocked } = plan;
  return {
    ...plan,
    steps: plan.steps.map(({ action, round, instanceId, taskId }) => ({ action, round, containerInstanceArn: instanceId, taskId })),
    ...(blocked === undefined ? {} : { blocked: { ...blocked, detail: describeDeploymentBlock(blocked, plan.service) } }),
  };
}

function formatPlan(plan: DeploymentPlan, columns: number): string {
  const wrap = (line: string): string => wrapText(visible(line), columns).join('\n');
  const rounds = plan.rounds.length === 1 ? '1 round' : `${plan.rounds.length} rounds`;
  const outcome = plan.status === 'complete'
    ? `can be deployed in ${rounds}: ${plan.desiredCount} new ${plan.desiredCount === 1 ? 'task' : 'tasks'}, replacing ${plan.oldTasks} old.`
    : `cannot be deployed: after ${rounds}, ${plan.after.newTasks} of ${plan.desiredCount} new tasks run and ${plan.after.oldTasks} of ${plan.oldTasks} old tasks are left.`;
  const lines = [
    wrap(`Service ${plan.service} ${outcome}`),
    wrap(`Limits: at least ${plan.lowerLimit} healthy (minimumHealthyPercent ${plan.minimumHealthyPercent}), at most ${plan.upperLimit} running (maximumPercent ${plan.maximumPercent}).`),
  ];
  if (plan.outside > 0) lines.push(wrap(`${plan.outside} of its tasks are outside the deployment, and not counted.`));
  if (plan.rounds.length > 0) {
    lines.push('', formatTable(
      ['ROUND', 'STARTED', 'STOPPED', 'RUNNING', 'HEALTHY', 'OLD', 'NEW'].map((heading) => ({ heading, align: 'right' as const })),
      plan.rounds.map((round) => [round.round, round.started, round.stopped, round.running, round.healthy, round.oldTasks, round.newTasks].map(String)),
      columns,
    ));
    lines.push('', formatTable(
      [{ heading: 'STEP', align: 'right' }, { heading: 'ROUND', align: 'right' }, { heading: 'ACTION' }, { heading: 'TASK' }, { heading: 'CONTAINER INSTANCE' }],
      plan.steps.map((step, index) => [String(index + 1), String(step.round), step.action, shortId(step.taskId), shortId(step.instanceId)]),
      columns,
    ));
  }
  if (plan.blocked !== undefined) lines.push('', wrap(describeDeploymentBlock(plan.blocked, plan.service)));
  return lines.join('\n');
}
