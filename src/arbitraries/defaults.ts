/**
 * The realistic vocabularies the arbitraries draw from by default. They are
 * small on purpose: generated tasks, instances and expressions meet often,
 * so a property sees resources run out, ports collide and expressions hold
 * on some instances and not on others.
 *
 * @module
 */
import type { InstancePatch } from '../model/InstanceSpec';

/**
 * An EC2 instance type as the ECS agent registers it.
 *
 * @example
 * ```ts
 * const p3: InstanceTypeSpec = { name: 'p3.2xlarge', cpu: 8192, memory: 60_864, gpu: 1 };
 * fleet({ instanceTypes: [...DEFAULT_INSTANCE_TYPES, p3] });
 * ```
 */
export interface InstanceTypeSpec {
  /** The API name, such as `m5.large`; also the `ecs.instance-type` attribute. */
  readonly name: string;
  /** CPU units registered: 1024 per vCPU. */
  readonly cpu: number;
  /** Memory registered, in MiB. */
  readonly memory: number;
  /** GPUs registered; absent for a type without any. */
  readonly gpu?: number;
  /**
   * The `ecs.cpu-architecture` attribute.
   * @defaultValue `'x86_64'`
   */
  readonly architecture?: 'x86_64' | 'arm64';
}

/**
 * The instance types fleets are drawn from by default, from 1 GiB to 16 GiB,
 * one with a GPU and one Graviton. Memory is what the agent registers with
 * `ECS_RESERVED_MEMORY=256`: the nominal MiB less the kernel's 4%, less 256
 * (a t3.medium registers 3676 MiB, as in `task-placement/sim`). The first is
 * the one counter-examples shrink to.
 */
export const DEFAULT_INSTANCE_TYPES: readonly InstanceTypeSpec[] = Object.freeze([
  { name: 't3.medium', cpu: 2048, memory: 3676 },
  { name: 't3.micro', cpu: 2048, memory: 727 },
  { name: 't3.small', cpu: 2048, memory: 1710 },
  { name: 'c5.large', cpu: 2048, memory: 3676 },
  { name: 'm5.large', cpu: 2048, memory: 7608 },
  { name: 'c5.xlarge', cpu: 4096, memory: 7608 },
  { name: 'r5.large', cpu: 2048, memory: 15472 },
  { name: 'g4dn.xlarge', cpu: 4096, memory: 15472, gpu: 1 },
  { name: 'm6g.medium', cpu: 1024, memory: 3676, architecture: 'arm64' },
]);

/** Three zones of one region. */
export const ZONES: readonly string[] = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
/** Capability attributes (attributes without a value) the agent registers. */
export const CAPABILITIES: readonly string[] = ['ecs.capability.task-eni', 'ecs.capability.execution-role-awslogs'];
/** A custom attribute, as `aws ecs put-attributes` sets it. */
export const CUSTOM_ATTRIBUTES: Readonly<Record<string, readonly (string | null)[]>> = { stack: ['prod', 'dev'] };
/** Container agent versions. */
export const AGENT_VERSIONS: readonly string[] = ['1.86.3', '1.81.0', '1.70.2'];
/** Free elastic network interfaces, the custom resource awsvpc tasks use. */
export const CUSTOM_RESOURCES: Readonly<Record<string, readonly number[]>> = { eni: [2, 1, 3, 0] };
/** The ports the ECS agent reserves by default (`ECS_RESERVED_PORTS`). */
export const AGENT_RESERVED_TCP_PORTS: readonly number[] = [22, 2375, 2376, 51678, 51679];
/** Ports an operator may add to `ECS_RESERVED_PORTS`, which tasks also want. */
export const EXTRA_RESERVED_TCP_PORTS: readonly number[] = [80, 443, 8080];
/** UDP ports an operator may add to `ECS_RESERVED_PORTS_UDP`. */
export const EXTRA_RESERVED_UDP_PORTS: readonly number[] = [53];
/** Registration times are drawn from 2024, to the second. */
export const REGISTERED_FROM = Date.UTC(2024, 0, 1);
/** The end (exclusive) of the registration window. */
export const REGISTERED_UNTIL = Date.UTC(2025, 0, 1);

/** Task definition families. */
export const FAMILIES: readonly string[] = ['web', 'worker', 'batch'];
/** CPU units a task reserves: 0 reserves none. */
export const TASK_CPU: readonly number[] = [256, 0, 128, 512, 1024, 2048];
/** MiB a task reserves. */
export const TASK_MEMORY: readonly number[] = [512, 128, 256, 1024, 2048];
/** GPUs a task asks for. */
export const TASK_GPU: readonly number[] = [1];
/** Custom resources a task reserves. */
export const TASK_CUSTOM: Readonly<Record<string, readonly number[]>> = { eni: [1] };
/** Static TCP host ports; 0 is a dynamic port and takes none. */
export const TASK_TCP_PORTS: readonly number[] = [80, 8080, 443, 0];
/** Static UDP host ports. */
export const TASK_UDP_PORTS: readonly number[] = [53];
/** Attributes a task may require a value of, with the values: the CPU architectures of the default instance types. */
export const TASK_REQUIRED_VALUES: Readonly<Record<string, readonly string[]>> = { 'ecs.cpu-architecture': ['x86_64', 'arm64'] };

/** Services that requests belong to. */
export const SERVICES: readonly string[] = ['web', 'api'];
/** Task groups of standalone requests. */
export const GROUPS: readonly string[] = ['batch-jobs', 'nightly'];
/** Resources to binpack on. */
export const BINPACK_FIELDS: readonly string[] = ['memory', 'cpu', 'gpu', 'eni'];
/** Fields to spread over. */
export const SPREAD_FIELDS: readonly string[] = ['attribute:ecs.availability-zone', 'instanceId', 'host', 'attribute:ecs.instance-type'];

/** Changes people make to running instances: drain, reactivate, lose the agent, relabel. */
export const INSTANCE_PATCHES: readonly InstancePatch[] = [
  { status: 'DRAINING' },
  { status: 'ACTIVE' },
  { agentConnected: false },
  { agentConnected: true },
  { attributes: { stack: 'dev' } },
  { removeAttributes: ['stack'] },
];

/** Attributes queries compare, with values instances have (and `us-east-1d`, which none has). */
export const QUERY_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  'ecs.availability-zone': [...ZONES, 'us-east-1d'],
  'ecs.instance-type': ['t3.medium', 'm5.large', 'g4dn.xlarge', 't3.micro'],
  'ecs.os-type': ['linux', 'windows'],
  'ecs.cpu-architecture': ['x86_64', 'arm64'],
  stack: ['prod', 'dev'],
  'ecs.capability.task-eni': [],
};
/** Task groups queries compare, from the default services, families and groups. */
export const QUERY_GROUPS: readonly string[] = ['service:web', 'service:api', 'family:web', 'family:worker', 'batch-jobs'];
/** Agent versions queries compare, around the default ones and across a 1.9 / 1.10 boundary. */
export const QUERY_AGENT_VERSIONS: readonly string[] = ['1.70.2', '1.81.0', '1.9.9', '1.10.0'];
/** Dates in the four forms ECS lists, inside the registration window. */
export const QUERY_DATES: readonly string[] = ['2024-06-15', '2024-03-01T12:00:00Z', '2024-09-01T08:30:00', '2024-10-01T00:00:00+02:00'];
/** EC2 instance ids in the form the fleets use. */
export const QUERY_EC2_INSTANCE_IDS: readonly string[] = ['i-00000000000000001', 'i-0000000000000000a'];
/** Task counts `runningTasksCount` compares. */
export const QUERY_TASK_COUNTS: readonly number[] = [0, 1, 2, 3];
/** Java-style patterns for `=~` and `!~`, whole-value matches. */
export const QUERY_PATTERNS: readonly string[] = ['t3\\..*', 'us-east-1[ab]', '.*', 'service:.*', '(m5|c5)\\.x?large', 'i-0+[1-9a-f]'];
