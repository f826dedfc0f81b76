/**
 * Fitting a request to chosen instances, so that each of them can take one
 * of its tasks: the construction behind feasible cases and `withRoom`.
 *
 * @module
 */
import type { InstanceSpec } from '../../model/InstanceSpec';
import type { RequestConstraint } from '../../model/PlacementRequest';
import type { RequiredAttribute } from '../../model/RequiredAttribute';
import type { MemberOfConstraint, TaskSpec } from '../../model/TaskSpec';
import { evaluateQuery } from '../../query/evaluateQuery';
import type { InstanceView } from '../../query/InstanceView';
import { parseQuery } from '../../query/parseQuery';
import type { GeneratedPlacementRequest } from '../placementRequest';

/** ECS lets one instance reserve this many host ports, TCP and UDP together. */
const MAX_RESERVED_PORTS = 100;
/** Resources a task always lists, even at 0. */
const ALWAYS_LISTED = ['cpu', 'memory'];

/** An instance as registered, as the query language sees it before any task runs. */
function viewOf(spec: InstanceSpec): InstanceView {
  return {
    id: spec.id,
    ec2InstanceId: spec.ec2InstanceId,
    attributes: new Map(Object.entries(spec.attributes ?? {})),
    agentConnected: spec.agentConnected ?? true,
    agentVersion: spec.agentVersion,
    registeredAt: spec.registeredAt === undefined ? undefined : new Date(spec.registeredAt).getTime(),
    runningTasksCount: spec.untrackedTasks ?? 0,
    taskGroups: new Map(),
  };
}

function holdsOn(expression: string, views: readonly InstanceView[]): boolean {
  const query = parseQuery(expression);
  return views.every((view) => evaluateQuery(query, view));
}

function satisfies(spec: InstanceSpec, required: string | RequiredAttribute): boolean {
  const attributes = spec.attributes ?? {};
  if (typeof required === 'string') return Object.hasOwn(attributes, required);
  return Object.hasOwn(attributes, required.name) && attributes[required.name] === required.value;
}

/**
 * The task cut down to what every host can give it: each resource to the
 * least any host registered (a custom resource or GPU none has is left
 * out), no port a host reserves, only the required attributes and memberOf
 * expressions every host satisfies. Hosts must be ACTIVE with a connected
 * agent; the caller sees to that.
 */
function fitTask(task: TaskSpec, hosts: readonly InstanceSpec[], views: readonly InstanceView[] = hosts.map(viewOf)): TaskSpec {
  const resources: Record<string, number> = {};
  for (const [name, amount] of Object.entries(task.resources)) {
    if (amount === undefined) continue;
    const least = Math.min(amount, ...hosts.map((host) => host.resources[name] ?? 0));
    if (least > 0 || ALWAYS_LISTED.includes(name)) resources[name] = least;
  }
  const free = (protocol: 'tcp' | 'udp') => (task.ports?.[protocol] ?? []).filter((port) => port === 0 || hosts.every((host) => !(host.reservedPorts?.[protocol] ?? []).includes(port)));
  let tcp = free('tcp');
  let udp = free('udp');
  const mostReserved = Math.max(0, ...hosts.map((host) => (host.reservedPorts?.tcp ?? []).length + (host.reservedPorts?.udp ?? []).length));
  if (mostReserved + tcp.filter((port) => port !== 0).length + udp.length > MAX_RESERVED_PORTS) {
    tcp = [];
    udp = [];
  }
  const required = (task.requiresAttributes ?? []).filter((attribute) => hosts.every((host) => satisfies(host, attribute)));
  const memberOf = (task.placementConstraints ?? []).filter((constraint) => holdsOn(constraint.expression, views));
  return taskWith(task, { resources, tcp, udp, required, memberOf });
}

/** The task with its parts replaced, leaving out the optional ones that are empty, as the task arbitrary does. */
export function taskWith(
  task: TaskSpec,
  parts: { resources: TaskSpec['resources']; tcp: readonly number[]; udp: readonly number[]; required: readonly (string | RequiredAttribute)[]; memberOf: readonly MemberOfConstraint[] },
): TaskSpec {
  return {
    ...(task.family === undefined ? {} : { family: task.family }),
    resources: parts.resources,
    ...(parts.tcp.length + parts.udp.length === 0 ? {} : { ports: { tcp: [...parts.tcp], udp: [...parts.udp] } }),
    ...(parts.required.length === 0 ? {} : { requiresAttributes: [...parts.required] }),
    ...(parts.memberOf.length === 0 ? {} : { placementConstraints: [...parts.memberOf] }),
  };
}

/**
 * Whether a request's constraint still lets each host take a task of the
 * request whatever the others took: a memberOf that holds on every host; a
 * distinctInstance, an atMost or a spreadLimit over instances (the hosts run
 * no task, and while a host is empty the emptiest instance holds none, so an
 * empty host always has room under them). Not a spreadLimit or an atMost
 * over an attribute: they tie the hosts of a domain together, and a host
 * without the attribute takes nothing.
 */
function keepsEachHost(constraint: RequestConstraint, views: readonly InstanceView[]): boolean {
  switch (constraint.type) {
    case 'memberOf':
      return holdsOn(constraint.expression, views);
    case 'distinctInstance':
      return true;
    case 'atMost':
    case 'spreadLimit':
      return constraint.field === 'instanceId';
  }
}

/**
 * The request fitted to `hosts`: its task by {@link fitTask}, only the
 * constraints that leave every host room for a task ({@link keepsEachHost}),
 * and at most `maxCount` tasks. Each host can then take one of its tasks,
 * and a task placed on one never takes another's room, so `count` hosts
 * place every task whatever the chain: while tasks are left, a host is
 * still empty. Hosts run no task; the caller sees to that.
 */
export function fitRequest(request: GeneratedPlacementRequest, hosts: readonly InstanceSpec[], maxCount: number): GeneratedPlacementRequest {
  const views = hosts.map(viewOf);
  const constraints = (request.placementConstraints ?? []).filter((constraint) => keepsEachHost(constraint, views));
  const { placementConstraints: _dropped, count, ...rest } = request;
  return {
    ...rest,
    task: fitTask(request.task, hosts, views),
    ...(count === undefined ? {} : { count: Math.min(count, maxCount) }),
    ...(constraints.length === 0 ? {} : { placementConstraints: constraints }),
  };
}
