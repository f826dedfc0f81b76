/**
 * What {@link instance} and {@link fleet} may generate.
 *
 * @module
 */
import {
  AGENT_RESERVED_TCP_PORTS, AGENT_VERSIONS, CAPABILITIES, CUSTOM_ATTRIBUTES, CUSTOM_RESOURCES, DEFAULT_INSTANCE_TYPES,
  EXTRA_RESERVED_TCP_PORTS, EXTRA_RESERVED_UDP_PORTS, ZONES, type InstanceTypeSpec,
} from './defaults';
import { acceptInstance, instanceString } from './internal/accepted';
import {
  fail, integerItem, list, listItem, rate, readFields, record, show, stringItem, type Fields, type ItemReader, type Where,
} from './internal/readConstraints';

/** What {@link instance} and {@link fleet} may generate. Each list's first entry is the one counter-examples shrink to. */
export interface InstanceConstraints {
  /**
   * Values of `ecs.availability-zone`.
   * @defaultValue `['us-east-1a', 'us-east-1b', 'us-east-1c']`
   */
  readonly zones?: readonly string[];
  /**
   * Instance types, with the resources each registers.
   * @defaultValue {@link DEFAULT_INSTANCE_TYPES}
   */
  readonly instanceTypes?: readonly InstanceTypeSpec[];
  /**
   * Custom resources by name, with the amounts an instance may register.
   * @defaultValue `{ eni: [2, 1, 3, 0] }`
   */
  readonly customResources?: Readonly<Record<string, readonly number[]>>;
  /**
   * The chance that an instance registers each custom resource.
   * @defaultValue `0.5`
   */
  readonly customResourceRate?: number;
  /**
   * Capability attributes (attributes without a value); each instance has any subset.
   * @defaultValue `['ecs.capability.task-eni', 'ecs.capability.execution-role-awslogs']`
   */
  readonly capabilities?: readonly string[];
  /**
   * Custom attributes, with the values each may take (`null`: present without a value); an instance may also lack each one.
   * @defaultValue `{ stack: ['prod', 'dev'] }`
   */
  readonly customAttributes?: Readonly<Record<string, readonly (string | null)[]>>;
  /**
   * Container agent versions.
   * @defaultValue `['1.86.3', '1.81.0', '1.70.2']`
   */
  readonly agentVersions?: readonly string[];
  /**
   * TCP ports every instance reserves.
   * @defaultValue `[22, 2375, 2376, 51678, 51679]`, the ECS agent's `ECS_RESERVED_PORTS`
   */
  readonly reservedTcpPorts?: readonly number[];
  /**
   * TCP ports an instance may reserve besides, which tasks want too.
   * @defaultValue `[80, 443, 8080]`
   */
  readonly extraReservedTcpPorts?: readonly number[];
  /**
   * UDP ports an instance may reserve.
   * @defaultValue `[53]`
   */
  readonly extraReservedUdpPorts?: readonly number[];
  /**
   * The chance that an instance reserves some extra TCP ports, and, apart, some UDP ports.
   * @defaultValue `0.25`
   */
  readonly extraReservedPortRate?: number;
  /**
   * The chance that an instance is `DRAINING`.
   * @defaultValue `0.1`
   */
  readonly drainingRate?: number;
  /**
   * The chance that an instance is `REGISTERING`, `DEREGISTERING`, `REGISTRATION_FAILED` or `INACTIVE`.
   * @defaultValue `0.05`, or what `drainingRate` leaves when that is less
   */
  readonly otherStatusRate?: number;
  /**
   * The chance that an instance's agent is disconnected.
   * @defaultValue `0.1`
   */
  readonly disconnectedRate?: number;
  /**
   * The chance that an instance runs 1 to 3 untracked tasks (tasks ECS
   * counts that the cluster does not track, as a cluster read from ECS has):
   * they add to `runningTasksCount` but to no task group.
   * @defaultValue `0`, none, as a cluster built by placing alone has
   */
  readonly untrackedTaskRate?: number;
}

/** {@link InstanceConstraints} with every default filled in. */
export type ResolvedInstance = Required<InstanceConstraints>;

/** The keys of {@link InstanceConstraints}. */
export const INSTANCE_KEYS: readonly string[] = [
  'zones', 'instanceTypes', 'customResources', 'customResourceRate', 'capabilities', 'customAttributes', 'agentVersions',
  'reservedTcpPorts', 'extraReservedTcpPorts', 'extraReservedUdpPorts', 'extraReservedPortRate', 'drainingRate',
  'otherStatusRate', 'disconnectedRate', 'untrackedTaskRate',
];

const BASE = { id: 'probe', resources: { cpu: 1024, memory: 1024 } } as const;

/** Reads and checks {@link InstanceConstraints} (also inside a fleet's); every value is tried on the library. */
export function resolveInstance(value: unknown, at: Where): ResolvedInstance {
  const fields = readFields(at, value, INSTANCE_KEYS);
  const port = integerItem(at, 1, 65535);
  const drainingRate = rate(at, fields, 'drainingRate', 0.1);
  const resolved: ResolvedInstance = {
    zones: list(at, fields, 'zones', ZONES, instanceString(at, (zone) => ({ ...BASE, attributes: { 'ecs.availability-zone': zone } }))),
    instanceTypes: readTypes(at, fields),
    customResources: readCustomResources(at, fields),
    customResourceRate: rate(at, fields, 'customResourceRate', 0.5),
    capabilities: list(at, fields, 'capabilities', CAPABILITIES, instanceString(at, (name) => ({ ...BASE, attributes: { [name]: null } })), 0),
    customAttributes: readCustomAttributes(at, fields),
    agentVersions: list(at, fields, 'agentVersions', AGENT_VERSIONS, instanceString(at, (agentVersion) => ({ ...BASE, agentVersion }))),
    reservedTcpPorts: list(at, fields, 'reservedTcpPorts', AGENT_RESERVED_TCP_PORTS, port, 0),
    extraReservedTcpPorts: list(at, fields, 'extraReservedTcpPorts', EXTRA_RESERVED_TCP_PORTS, port, 0),
    extraReservedUdpPorts: list(at, fields, 'extraReservedUdpPorts', EXTRA_RESERVED_UDP_PORTS, port, 0),
    extraReservedPortRate: rate(at, fields, 'extraReservedPortRate', 0.25),
    drainingRate,
    // A draining rate near 1 leaves less room for the other statuses by default, rather than an error.
    otherStatusRate: rate(at, fields, 'otherStatusRate', Math.min(0.05, 1 - drainingRate)),
    disconnectedRate: rate(at, fields, 'disconnectedRate', 0.1),
    untrackedTaskRate: rate(at, fields, 'untrackedTaskRate', 0),
  };
  if (resolved.drainingRate + resolved.otherStatusRate > 1) {
    fail(at, 'drainingRate', `plus ${at.path}otherStatusRate must be at most 1, got ${resolved.drainingRate} + ${resolved.otherStatusRate}`);
  }
  // The most an instance can reserve must still be accepted (the library allows 100 ports, TCP and UDP together).
  const tcp = [...new Set([...resolved.reservedTcpPorts, ...resolved.extraReservedTcpPorts])];
  acceptInstance(at, 'reservedTcpPorts', tcp.length, { ...BASE, reservedPorts: { tcp, udp: resolved.extraReservedUdpPorts } });
  return resolved;
}

function readTypes(at: Where, fields: Fields): readonly InstanceTypeSpec[] {
  const types = list(at, fields, 'instanceTypes', DEFAULT_INSTANCE_TYPES, (item, label) => {
    if (item === null || typeof item !== 'object') return fail(at, label, `must be an instance type object, got ${show(item)}`);
    const type = item as InstanceTypeSpec;
    const { name, cpu, memory, gpu, architecture } = type;
    if (typeof name !== 'string') fail(at, `${label}.name`, `must be a string, got ${show(name)}`);
    acceptInstance(at, label, item, {
      id: 'probe',
      resources: { cpu, memory, ...(gpu === undefined ? {} : { gpu }) },
      attributes: { 'ecs.instance-type': name, 'ecs.cpu-architecture': architecture ?? 'x86_64' },
    });
    return type;
  });
  const names = new Set<string>();
  types.forEach(({ name }, index) => {
    if (names.has(name)) fail(at, `instanceTypes[${index}].name`, `repeats ${show(name)}`);
    names.add(name);
  });
  return types;
}

function readCustomResources(at: Where, fields: Fields): Readonly<Record<string, readonly number[]>> {
  const custom = record(at, fields, 'customResources', CUSTOM_RESOURCES, listItem(at, integerItem(at, 0, 2 ** 31)));
  for (const name of Object.keys(custom)) {
    if (['cpu', 'memory', 'gpu'].includes(name)) fail(at, 'customResources', `must not list the built-in resource ${name}`);
    acceptInstance(at, `customResources[${JSON.stringify(name)}]`, name, { ...BASE, resources: { ...BASE.resources, [name]: 1 } });
  }
  return custom;
}

function readCustomAttributes(at: Where, fields: Fields): Readonly<Record<string, readonly (string | null)[]>> {
  const valueOf: ItemReader<string | null> = (item, label) => (item === null ? null : stringItem(at)(item, label));
  const custom = record(at, fields, 'customAttributes', CUSTOM_ATTRIBUTES, listItem(at, valueOf));
  for (const [name, values] of Object.entries(custom)) {
    values.forEach((value, index) => acceptInstance(at, `customAttributes[${JSON.stringify(name)}][${index}]`, value, { ...BASE, attributes: { [name]: value } }));
  }
  return custom;
}
