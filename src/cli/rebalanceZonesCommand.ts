/**
 * `task-placement rebalance-zones`: what ECS's Availability Zone rebalancing
 * would do for a service on the container instances described.
 *
 * @module
 */
import { parseConstraintNotation, parseStrategyNotation } from '../ecs/placementNotation';
import type { ZoneRebalancePlan } from '../cluster/ZoneRebalancePlan';
import type { ZoneRebalanceRequest } from '../model/ZoneRebalanceRequest';
import { describeRejection } from '../placement/describeRejection';
import { UsageError } from './CliIo';
import type { Command } from './Command';
import { formatTable } from './formatTable';
import { loadEcsCluster } from './loadEcsCluster';
import { loadPlacementRequest } from './loadPlacementRequest';
import { outputFormat, parseOptions, refusePositionals, type OptionValues } from './parseOptions';
import { reportedAt } from './reportedAt';
import { visibleJson } from './visible';

const HELP = `Usage: task-placement rebalance-zones --instances FILE --tasks FILE --task-definition FILE --service NAME [options]
       task-placement rebalance-zones --instances FILE --tasks FILE --request TEMPLATE [options]

Plans what ECS's Availability Zone rebalancing would do for a service whose
running tasks are unevenly spread over the zones of the container instances
of a DescribeContainerInstances response: each zone's target (the tasks over
the zones, one more in as many zones as are left over), the tasks to start in
the zones short of it, each placed as ECS would place the service's task,
then as many tasks to stop in the zones above it. Zones where no instance can
take the task are named, with the reason of the closest matching instance.
Nothing is started or stopped in the account.

Options:
  --instances FILE        output of 'aws ecs describe-container-instances' (required)
  --tasks FILE            output of 'aws ecs describe-tasks' for the running
                          tasks: the service's tasks (group service:NAME) are
                          what is balanced
  --task-definition FILE  the service's task definition (required, unless a
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
  --seed N                seed of the random choices (default 1)
  --output FORMAT         'json' (default) or 'table'
  -h, --help              show this help

ECS rebalances only a service whose first strategy is spread over
attribute:ecs.availability-zone (or that names none), and not one constrained
on that attribute; for any other the plan says so and has no steps.

Exit status: 0 when the service is balanced or the plan balances it, 1 when
it cannot (a zone has no room, or ECS would not rebalance the service; the
plan is printed), 2 for bad input or a file that cannot be read (a message on
stderr, nothing on stdout).`;

const OPTIONS = {
  instances: { type: 'string' },
  tasks: { type: 'string' },
  'task-definition': { type: 'string' },
  request: { type: 'string' },
  resource: { type: 'string' },
  service: { type: 'string' },
  strategy: { type: 'string' },
  constraint: { type: 'string', multiple: true },
  seed: { type: 'string' },
  output: { type: 'string' },
} as const;

/** The rebalance-zones command. */
export const rebalanceZonesCommand: Command = {
  summary: 'plan how ECS would rebalance a service across Availability Zones',
  help: HELP,
  run(args, io) {
    const { values, positionals } = parseOptions('rebalance-zones', args, OPTIONS);
    refusePositionals('rebalance-zones', positionals);
    const output = outputFormat(values.output);
    const { cluster } = loadEcsCluster(io, { instances: values.instances, tasks: values.tasks, seed: values.seed }, 'rebalance-zones');
    const loaded = loadPlacementRequest(io, {
      request: values.request, taskDefinition: values['task-definition'], resource: values.resource, count: undefined, service: values.service,
    });
    const request = rebalanceRequest(loaded.request, values);
    const plan = reportedAt('the request as combined from the files and flags', () => cluster.planZoneRebalance(request));
    io.out(output === 'json' ? visibleJson(jsonView(plan)) : `${formatPlan(plan, io.columns)}\n`);
    return plan.status === 'balanced' || plan.status === 'complete' ? 0 : 1;
  },
};

function rebalanceRequest(
  request: { readonly task: ZoneRebalanceRequest['task']; readonly service?: string } & Pick<ZoneRebalanceRequest, 'placementStrategy' | 'placementConstraints'>,
  values: OptionValues<typeof OPTIONS>,
): ZoneRebalanceRequest {
  const service = values.service ?? request.service;
  if (service === undefined) throw new UsageError("--service is required: the service whose tasks are rebalanced. Run 'task-placement rebalance-zones --help' for the options.");
  const text = values.strategy;
  const strategy = text === undefined ? request.placementStrategy : reportedAt('--strategy', () => parseStrategyNotation(text));
  const constraints = values.constraint === undefined
    ? request.placementConstraints
    : values.constraint.map((given) => reportedAt('--constraint', () => parseConstraintNotation(given)));
  return {
    service, task: request.task,
    ...(strategy === undefined ? {} : { placementStrategy: strategy }),
    ...(constraints === undefined ? {} : { placementConstraints: constraints }),
  };
}

/** The plan as JSON: each start without its request (the service's, with one more constraint), each blocked zone with words. */
function jsonView(plan: ZoneRebalancePlan): unknown {
  return {
    ...plan,
    steps: plan.steps.map(({ action, zone, instanceId, taskId }) => ({ action, zone, containerInstanceArn: instanceId, taskId })),
    blocked: plan.blocked.map((zone) => ({ ...zone, detail: blockedDetail(zone) })),
  };
}

function blockedDetail(zone: ZoneRebalancePlan['blocked'][number]): string {
  const tasks = zone.missing === 1 ? 'task' : 'tasks';
  return `${zone.zone} lacks ${zone.missing} ${tasks}: its closest matching container instance ${zone.instanceId} ${describeRejection(zone.rejection, false)}.`;
}

const STATUS_WORDS: Record<ZoneRebalancePlan['status'], string> = {
  balanced: 'is balanced: no zone holds more than one task more than another',
  complete: 'can be balanced',
  blocked: 'cannot be balanced',
  ineligible: 'is not rebalanced by ECS',
};

const INELIGIBLE_WORDS = {
  first_strategy: 'its first strategy is not spread(attribute:ecs.availability-zone)',
  zone_constraint: 'a memberOf constraint names attribute:ecs.availability-zone',
} as const;

function formatPlan(plan: ZoneRebalancePlan, columns: number): string {
  const why = plan.ineligible === undefined ? '' : `: ${INELIGIBLE_WORDS[plan.ineligible]}`;
  const lines = [`Service ${plan.service} ${STATUS_WORDS[plan.status]}${why}.`, ''];
  lines.push(formatTable(
    [{ heading: 'ZONE' }, { heading: 'TASKS', align: 'right' }, { heading: 'TARGET', align: 'right' }, { heading: 'AFTER', align: 'right' }],
    plan.zones.map((zone) => [zone.zone, String(zone.before), String(zone.target), String(zone.after)]),
    columns,
  ));
  if (plan.outside > 0) lines.push('', `${plan.outside} of its tasks run outside these zones and are not moved.`);
  if (plan.steps.length > 0) {
    lines.push('', formatTable(
      [{ heading: 'STEP', align: 'right' }, { heading: 'ACTION' }, { heading: 'ZONE' }, { heading: 'TASK' }, { heading: 'CONTAINER INSTANCE' }],
      plan.steps.map((step, index) => [String(index + 1), step.action, step.zone, step.taskId, step.instanceId]),
      columns,
    ));
  }
  for (const zone of plan.blocked) lines.push('', blockedDetail(zone));
  return lines.join('\n');
}
