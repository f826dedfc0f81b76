/**
 * Compact printers for generated values, attached as fast-check's
 * `toStringMethod`, so that a counter-example reads as a line per instance
 * rather than a page of JSON. The printer is not enumerable: equality,
 * spreading and JSON see the plain value.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { InstanceSpec } from '../../model/InstanceSpec';
import type { PlacementRequest, RequestConstraint } from '../../model/PlacementRequest';
import type { TaskSelector } from '../../model/TaskSelector';
import type { TaskSpec } from '../../model/TaskSpec';
import type { ClusterScenario, HistoryStep } from '../ClusterScenario';

/** `value`, printed by `print` in fast-check's reports. */
export function withPrinter<T extends object>(value: T, print: (value: T) => string): T {
  Object.defineProperty(value, fc.toStringMethod, { value: () => print(value), enumerable: false });
  return value;
}

/** The attributes ECS sets, which the printer shows apart or not at all. */
const SET_BY_ECS = new Set(['ecs.availability-zone', 'ecs.instance-type', 'ecs.os-type', 'ecs.cpu-architecture']);

function amounts(resources: Readonly<Record<string, number | undefined>>): string {
  return Object.entries(resources).flatMap(([name, amount]) => (amount === undefined ? [] : [`${name}=${amount}`])).join(' ');
}

/**
 * An instance on one line: id, type, zone, resources, then only what
 * differs from a plain instance (ports beyond `defaultTcp`, attributes,
 * status, agent).
 */
export function printInstance(spec: InstanceSpec, defaultTcp: readonly number[]): string {
  const attributes = spec.attributes ?? {};
  const extraTcp = (spec.reservedPorts?.tcp ?? []).filter((port) => !defaultTcp.includes(port));
  const parts = [
    `${spec.id} ${String(attributes['ecs.instance-type'])} ${String(attributes['ecs.availability-zone'])}`,
    amounts(spec.resources),
    ...(attributes['ecs.cpu-architecture'] === 'arm64' ? ['arm64'] : []),
    ...(extraTcp.length === 0 ? [] : [`tcp=${extraTcp.join(',')}`]),
    ...((spec.reservedPorts?.udp ?? []).length === 0 ? [] : [`udp=${(spec.reservedPorts?.udp ?? []).join(',')}`]),
    ...Object.entries(attributes).filter(([name]) => !SET_BY_ECS.has(name)).map(([name, value]) => (value === null ? name.replace(/^ecs\.capability\./, 'cap:') : `${name}=${value}`)),
    ...(spec.status === undefined ? [] : [spec.status]),
    ...(spec.agentConnected === false ? ['disconnected'] : []),
    ...(spec.untrackedTasks === undefined ? [] : [`untracked=${spec.untrackedTasks}`]),
    `agent ${spec.agentVersion ?? '?'}`,
    `at ${spec.registeredAt ?? '?'}`,
  ];
  return `<${parts.filter((part) => part !== '').join(' ')}>`;
}

function printTask(task: TaskSpec): string {
  const ports = task.ports;
  return [
    `${task.family ?? '(no family)'}${task.revision === undefined ? '' : `:${task.revision}`}`,
    amounts(task.resources),
    ...((ports?.tcp ?? []).length === 0 ? [] : [`tcp=${(ports?.tcp ?? []).join(',')}`]),
    ...((ports?.udp ?? []).length === 0 ? [] : [`udp=${(ports?.udp ?? []).join(',')}`]),
    ...(task.requiresAttributes ?? []).map((required) => `requires ${typeof required === 'string' ? required : `${required.name}=${required.value}`}`),
    ...(task.placementConstraints ?? []).map((constraint) => `memberOf(${constraint.expression})`),
  ].filter((part) => part !== '').join(' ');
}

/** A task selector: `family web revision 8`; nothing without one. */
function printSelector(selector: TaskSelector | undefined): string {
  if (selector === undefined) return '';
  return [selector.family === undefined ? '' : `family ${selector.family}`, selector.revision === undefined ? '' : `revision ${selector.revision}`].filter((part) => part !== '').join(' ');
}

/** A constraint as the library names it in diagnoses: `memberOf(...)`, `spreadLimit(attribute:ecs.availability-zone, maxSkew 1)`. */
function printConstraint(constraint: RequestConstraint): string {
  const groups = (listed: readonly string[] | undefined) => (listed === undefined ? '' : `groups ${listed.join(' ')}`);
  switch (constraint.type) {
    case 'memberOf':
      return `memberOf(${constraint.expression})`;
    case 'distinctInstance':
      return constraint.groups === undefined ? 'distinctInstance' : `distinctInstance(${groups(constraint.groups)})`;
    case 'atMost':
      return `atMost(${[String(constraint.count), constraint.field, groups(constraint.groups), printSelector(constraint.taskSelector)].filter((part) => part !== '').join(', ')})`;
    case 'spreadLimit':
      return `spreadLimit(${[
        constraint.field,
        `maxSkew ${constraint.maxSkew}`,
        constraint.minDomains === undefined ? '' : `minDomains ${constraint.minDomains}`,
        constraint.domains === undefined ? '' : `domains ${constraint.domains.join(' ')}`,
        printSelector(constraint.taskSelector),
      ].filter((part) => part !== '').join(', ')})`;
  }
}

/** A request on one line: count, task, group, strategy chain and constraints. */
export function printRequest(request: PlacementRequest): string {
  const chain = (request.placementStrategy ?? []).map((strategy) => {
    if (!('type' in strategy)) return strategy.name;
    if (strategy.type === 'pack') return `pack(${strategy.scorer}: ${strategy.resources.join(', ')})`;
    if (strategy.type === 'prefer') return `prefer(${strategy.expression} weight ${strategy.weight})`;
    if (strategy.field === undefined) return strategy.type;
    return strategy.taskSelector === undefined ? `${strategy.type}(${strategy.field})` : `${strategy.type}(${strategy.field}, ${printSelector(strategy.taskSelector)})`;
  });
  const constraints = (request.placementConstraints ?? []).map(printConstraint);
  const parts = [
    `${request.count === undefined ? '' : `${request.count}x `}${printTask(request.task)}`,
    ...(request.service === undefined ? [] : [`service:${request.service}`]),
    ...(request.group === undefined ? [] : [`group:${request.group}`]),
    ...(chain.length === 0 ? [] : [`strategy ${chain.join(' > ')}`]),
    ...constraints,
  ];
  return `<place ${parts.join(' | ')}>`;
}

function printStep(step: HistoryStep): string {
  switch (step.kind) {
    case 'place':
      return printRequest(step.request);
    case 'stop':
      return `<stop #${step.pick}>`;
    case 'update':
      return `<update #${step.pick} ${JSON.stringify(step.patch)}>`;
  }
}

/** A cluster scenario: its seed, its instances (each printed by its own printer) and its history, a line each. */
export function printScenario(scenario: ClusterScenario): string {
  const lines = [
    `cluster seed=${scenario.seed}`,
    ...scenario.instances.map((spec) => `  ${fc.stringify(spec)}`),
    ...(scenario.history.length === 0 ? [] : ['  then', ...scenario.history.map((step) => `  ${printStep(step)}`)]),
  ];
  return lines.join('\n');
}
