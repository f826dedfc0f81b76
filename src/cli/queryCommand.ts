/**
 * `task-placement query`: the container instances a cluster query expression
 * selects, like `aws ecs list-container-instances --filter`.
 *
 * @module
 */
import type { InstanceInfo } from '../model/InstanceInfo';
import { shortId } from '../ecs/shortId';
import { INSTANCE_STATUSES, type InstanceStatus } from '../model/InstanceSpec';
import { UsageError } from './CliIo';
import { formatTable } from './formatTable';
import { loadEcsCluster } from './loadEcsCluster';
import type { Command } from './Command';
import { outputFormat, parseOptions } from './parseOptions';
import { visible, visibleJson } from './visible';
import { wrapText } from './wrapText';

const HELP = `Usage: task-placement query EXPRESSION --instances FILE [options]

Prints the container instances for which a cluster query language expression
holds, like 'aws ecs list-container-instances --filter EXPRESSION': as JSON
{"containerInstanceArns": [...]} by default, or as a table. A bad expression
prints where it is wrong, with a caret under the fault.

As in ECS, instances of every status but INACTIVE are listed unless --status
says which one.

Options:
  --instances FILE   output of 'aws ecs describe-container-instances' (required)
  --tasks FILE       output of 'aws ecs describe-tasks', so that task:group sees
                     the groups of the running tasks
  --status STATUS    only instances of this status: ACTIVE, DRAINING,
                     REGISTERING, DEREGISTERING, REGISTRATION_FAILED or INACTIVE
  --output FORMAT    'json' (default) or 'table'
  -h, --help         show this help

Examples:
  task-placement query 'attribute:ecs.instance-type =~ m5.*' --instances describe.json
  task-placement query 'runningTasksCount == 0 and agentConnected == true' --instances describe.json --output table

The table wraps to the terminal's width (100 columns when the output is not
a terminal).

Exit status: 0 when the expression was evaluated (even if nothing matches),
2 for bad input or a file that cannot be read (a message on stderr, nothing
on stdout).`;

const OPTIONS = {
  instances: { type: 'string' },
  tasks: { type: 'string' },
  status: { type: 'string' },
  output: { type: 'string' },
} as const;

/** The query command. */
export const queryCommand: Command = {
  summary: "list the container instances a cluster query expression selects (ECS's --filter)",
  help: HELP,
  run(args, io) {
    const { values, positionals } = parseOptions('query', args, OPTIONS);
    const [expression, ...extra] = positionals;
    if (expression === undefined || extra.length > 0) {
      throw new UsageError(`query takes one expression, in quotes, such as 'attribute:ecs.availability-zone == us-east-1a'; got ${positionals.length}. Run 'task-placement query --help' for the options.`);
    }
    const output = outputFormat(values.output);
    const status = values.status === undefined ? undefined : statusOption(values.status);
    const { cluster } = loadEcsCluster(io, { instances: values.instances, tasks: values.tasks }, 'query');
    const matching = cluster.listInstances(expression, status === undefined ? undefined : { status });
    io.out(output === 'json'
      ? visibleJson({ containerInstanceArns: matching.map((instance) => instance.id) })
      : `${formatInstances(matching, cluster.instances().length, expression, io.columns)}\n`);
    return 0;
  },
};

function statusOption(text: string): InstanceStatus {
  const status = INSTANCE_STATUSES.find((known) => known === text);
  if (status === undefined) throw new UsageError(`--status is one of ${INSTANCE_STATUSES.join(', ')}, not '${visible(text)}'.`);
  return status;
}

function formatInstances(instances: readonly InstanceInfo[], total: number, expression: string, width: number): string {
  const head = (end: string): string => wrapText(`${instances.length} of ${total} container instances match ${visible(expression)}${end}`, width).join('\n');
  if (instances.length === 0) return head('');
  const free = (instance: InstanceInfo, resource: string): string =>
    `${instance.remainingResources[resource] ?? 0}/${instance.registeredResources[resource] ?? 0}`;
  const rows = instances.map((instance) => [
    shortId(instance.id),
    instance.ec2InstanceId ?? '',
    instance.status,
    instance.agentConnected ? 'yes' : 'no',
    instance.attributes['ecs.availability-zone'] ?? '',
    instance.attributes['ecs.instance-type'] ?? '',
    String(instance.runningTasksCount),
    free(instance, 'cpu'),
    free(instance, 'memory'),
  ]);
  const table = formatTable([
    { heading: 'CONTAINER INSTANCE' }, { heading: 'EC2 INSTANCE' }, { heading: 'STATUS' }, { heading: 'AGENT' },
    { heading: 'ZONE' }, { heading: 'INSTANCE TYPE' }, { heading: 'TASKS', align: 'right' },
    { heading: 'CPU FREE (UNITS)', align: 'right' }, { heading: 'MEMORY FREE (MIB)', align: 'right' },
  ], rows, width);
  return `${head(':')}\n\n${table}`;
}
