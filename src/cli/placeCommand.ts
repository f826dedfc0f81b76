/**
 * `task-placement place`: where ECS would put a task definition's tasks on
 * the container instances described, and why not where it cannot.
 *
 * @module
 */
import type { EcsTaskDefinition } from '../ecs/EcsTaskDefinition';
import { parseConstraintNotation, parseStrategyNotation } from '../ecs/placementNotation';
import { serviceEventMessage } from '../ecs/serviceEventMessage';
import { taskDefinitionName } from '../ecs/taskDefinitionName';
import { toRunTaskResponse } from '../ecs/toRunTaskResponse';
import type { PlaceResponse } from './PlaceResponse';
import type { PlacementRequest } from '../model/PlacementRequest';
import { resolveGroup } from '../model/validation/resolveGroup';
import type { PlacementResult } from '../placement/PlacementResult';
import { UsageError } from './CliIo';
import { formatPlacement } from './formatPlacement';
import { loadEcsCluster, type LoadedCluster } from './loadEcsCluster';
import { loadPlacementRequest } from './loadPlacementRequest';
import type { Command } from './Command';
import { outputFormat, parseOptions, refusePositionals, wholeNumberOption, type OptionValues } from './parseOptions';
import { reportedAt } from './reportedAt';
import { visibleJson } from './visible';

const HELP = `Usage: task-placement place --instances FILE --task-definition FILE [options]
       task-placement place --instances FILE --request TEMPLATE [options]

Places the tasks of a task definition on the container instances of a
DescribeContainerInstances response, as ECS would, and prints the answer in
the shape of ECS's RunTask response: the tasks placed, with their container
instance, and one failure per task not placed, with the reason ECS gives
(RESOURCE:MEMORY, RESOURCE:PORTS, AGENT, ...), the closest matching container
instance as 'arn', and a detail with the numbers. For a service the JSON also
has 'events': the service event ECS would record for each failure.

Capacity that running tasks hold (registered minus remaining resources, ports
in use) is taken as held. Nothing is placed in the account.

Options:
  --instances FILE        output of 'aws ecs describe-container-instances' (required)
  --task-definition FILE  a task definition: 'aws ecs describe-task-definition'
                          output or a RegisterTaskDefinition input (required,
                          unless a --request template or Terraform JSON
                          defines it)
  --tasks FILE            output of 'aws ecs describe-tasks' for the running
                          tasks: their groups then count for spread,
                          distinctInstance and task:group
  --request FILE          a RunTask, CreateService or UpdateService request
                          (cli-input-json), 'aws ecs describe-services' output
                          for one service, a CloudFormation template in JSON
                          ('aws cloudformation get-template --query
                          TemplateBody'), or 'terraform show -json' output of
                          a state or a saved plan; a template or Terraform's
                          JSON may define the task definition itself, and
                          then --task-definition is optional (given, it
                          replaces the document's)
  --resource ID           the service to read when the --request template or
                          Terraform JSON has several: its logical id
                          (WebService) or address (aws_ecs_service.web)
  --count N               tasks to place, at most 100,000 (default: the
                          request's count or desiredCount, else 1); beyond
                          the 10 a RunTask request may ask for
  --service NAME          place for service NAME (group service:NAME)
  --group G               place standalone tasks of task group G
  --strategy LIST         e.g. 'spread(attribute:ecs.availability-zone),binpack(memory)'
                          or 'random'
  --constraint C          'distinctInstance' or 'memberOf(EXPRESSION)'; repeat
                          for several
  --seed N                seed of the random strategy (default 1)
  --output FORMAT         'json' (default) or 'table'
  -h, --help              show this help

Flags override the request file: --count replaces its count, --service or
--group replaces its service or group, --strategy replaces its whole
placementStrategy and the --constraint options replace its whole
placementConstraints. The task definition's own constraints always apply,
and so does its capacity provider strategy: base and weights share the
tasks, each placed on its provider's instances only. A service scaled to
zero (desiredCount 0) places nothing.
Without a strategy a service spreads over Availability Zones then instances,
and standalone tasks are placed at random, as in ECS.

The table wraps to the terminal's width (100 columns when the output is not
a terminal); it has a capacity provider column when a placed task's instance
belongs to one.

Exit status: 0 when every task was placed, 1 when some or none were (the
result is printed), 2 for bad input, a file that cannot be read, or a call
ECS would refuse, such as a RunTask on a cluster without container instances
(a message on stderr, nothing on stdout).`;

const OPTIONS = {
  instances: { type: 'string' },
  'task-definition': { type: 'string' },
  tasks: { type: 'string' },
  request: { type: 'string' },
  resource: { type: 'string' },
  count: { type: 'string' },
  service: { type: 'string' },
  group: { type: 'string' },
  strategy: { type: 'string' },
  constraint: { type: 'string', multiple: true },
  seed: { type: 'string' },
  output: { type: 'string' },
} as const;

type PlaceOptions = OptionValues<typeof OPTIONS>;

/**
 * The most tasks one command places. The library takes up to 10,000,000 for
 * simulations, but here each unplaced task is a failure in the answer:
 * a million of them take gigabytes and more do not fit in one JSON text.
 * ECS itself places at most 10 per RunTask call.
 */
const MAX_TASKS = 100_000;

const NOTHING_PLACED: PlacementResult = Object.freeze({ placements: Object.freeze([]), failures: Object.freeze([]) });

/** The place command. */
export const placeCommand: Command = {
  summary: 'place a task definition on the container instances ECS describes',
  help: HELP,
  run(args, io) {
    const { values, positionals } = parseOptions('place', args, OPTIONS);
    refusePositionals('place', positionals);
    const output = outputFormat(values.output);
    const fleet = loadEcsCluster(io, { instances: values.instances, tasks: values.tasks, seed: values.seed }, 'place');
    const { cluster } = fleet;
    const count = values.count === undefined ? undefined : wholeNumberOption('--count', values.count, 1, MAX_TASKS);
    const loaded = loadPlacementRequest(io, {
      request: values.request, taskDefinition: values['task-definition'], resource: values.resource, count, service: values.service,
    });
    const { taskDefinition } = loaded;
    const request = withFlags(loaded.request, values);
    const { result, response } = place(fleet, values.instances ?? '--instances', request, taskDefinition);
    if (output === 'json') io.out(visibleJson(response));
    else {
      const view = { response, result, group: groupOf(request), taskDefinition: taskDefinitionName(taskDefinition), instances: cluster.instances() };
      io.out(`${formatPlacement(view, io.columns)}\n`);
    }
    return response.failures.length === 0 ? 0 : 1;
  },
};

function place(fleet: LoadedCluster, instancesFile: string, request: PlacementRequest, taskDefinition: EcsTaskDefinition): { result: PlacementResult; response: PlaceResponse } {
  const { cluster, containerInstances } = fleet;
  if ((request.count ?? 1) > MAX_TASKS) {
    throw new UsageError(`The request asks for ${(request.count ?? 1).toLocaleString('en-US')} tasks; place takes at most ${MAX_TASKS.toLocaleString('en-US')} at a time. Give --count N for fewer.`);
  }
  // The request combines files and flags; what is left to refuse is the combination.
  // A service scaled to zero asks for no task: ECS places nothing, and reports no failure.
  const result = request.count === 0 ? NOTHING_PLACED : reportedAt('the request as combined from the files and flags', () => cluster.place(request));
  // ECS refuses a RunTask call on a cluster without container instances: the fault is in the instances file.
  const response = reportedAt(instancesFile, () => toRunTaskResponse(result, { request, taskDefinition, instances: cluster.instances(), containerInstances }));
  const { service } = request;
  if (service === undefined) return { result, response };
  const messages = new Set(result.failures.map((failure) => serviceEventMessage(service, failure)));
  return { result, response: { ...response, events: [...messages].map((message) => ({ message })) } };
}

function groupOf(request: PlacementRequest): string {
  return resolveGroup({ service: request.service, group: request.group, family: request.task.family });
}

function withFlags(request: PlacementRequest, values: PlaceOptions): PlacementRequest {
  if (values.service !== undefined && values.group !== undefined) {
    throw new UsageError("give --service or --group, not both: a service's tasks are always in the group service:NAME.");
  }
  const { service: _service, group: _group, ...standalone } = request;
  let result: PlacementRequest = request;
  if (values.service !== undefined) result = { ...standalone, service: values.service };
  if (values.group !== undefined) result = { ...standalone, group: values.group };
  if (values.strategy !== undefined) {
    const text = values.strategy;
    result = { ...result, placementStrategy: reportedAt('--strategy', () => parseStrategyNotation(text)) };
  }
  if (values.constraint !== undefined) {
    result = { ...result, placementConstraints: values.constraint.map((text) => reportedAt('--constraint', () => parseConstraintNotation(text))) };
  }
  return result;
}
