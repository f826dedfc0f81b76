/**
 * Task definitions, as registered with or described by ECS, read into the
 * task placement sees.
 *
 * @module
 */
import type { RequiredAttribute } from '../model/RequiredAttribute';
import type { MemberOfConstraint, TaskSpec } from '../model/TaskSpec';
import { indexPath } from '../model/validation/paths';
import { validateAttributeName, validateRequiredAttribute } from '../model/validation/validateAttributes';
import { validateConstraints } from '../model/validation/validateConstraints';
import { validateName } from '../model/validation/validateName';
import { validateTaskSpec } from '../model/validation/validateTaskSpec';
import type { EcsTaskDefinition } from './EcsTaskDefinition';
import { ecsError, expected, optional, readArray, readRecord, readString, required, type JsonRecord } from './json';
import { readContainers, type ContainerNeeds } from './readContainers';
import { NETWORK_MODES, type NetworkMode } from './readPortMappings';
import { readRuntimePlatform } from './readRuntimePlatform';
import { readCpu, readMemory } from './taskSize';

/**
 * Reads a task definition: a RegisterTaskDefinition input, or the output of
 * `aws ecs describe-task-definition` or `register-task-definition` (the
 * `{ taskDefinition: {...} }` wrapper is optional), as the AWS CLI prints it
 * or as the AWS SDK for JavaScript v3 returns it (Dates, `$metadata`).
 *
 * @remarks
 * What the task reserves, as ECS counts it:
 *
 * - `cpu`: the task-level `cpu` when given (CPU units, or vCPUs such as
 *   `"1 vCPU"`, 1024 units each), else the sum of the containers' `cpu`
 *   (a container without one counts 0);
 * - `memory`: the task-level `memory` when given (MiB, or GB such as
 *   `"2 GB"`, 1024 MiB each), else the sum over containers of
 *   `memoryReservation`, or `memory` when a container has no reservation;
 * - `gpu`: the sum of the containers' `GPU` resource requirements (a
 *   value of `ALL`, every GPU of the instance, is refused as unsupported);
 * - ports: static host ports by network mode:
 *   a bridge `hostPort` above 0, a host-mode `containerPort`; dynamic ports
 *   and awsvpc ports take none of the instance's ports;
 * - `requiresAttributes`: each name, with its `value` when it has one (the
 *   instance's attribute must then have that value; `targetType` names the
 *   container instance, the only kind ECS has);
 * - `runtimePlatform`: required attributes with values, `cpuArchitecture`
 *   as `ecs.cpu-architecture` (`x86_64`, `arm64`), `LINUX` as `ecs.os-type`
 *   `linux`, a Windows family as `ecs.os-family` (see the ECS interop guide);
 * - `compatibilities`, when the document has them (ECS's output does): the
 *   launch types ECS validated the definition for, which a request's launch
 *   type must be among;
 * - `placementConstraints`: memberOf only; ECS refuses distinctInstance in
 *   a task definition, and so does this function.
 *
 * The containers' names, images, sizes and static host ports are kept in
 * `containers`, for the tasks of {@link toRunTaskResponse}.
 *
 * @param json - the parsed JSON document
 * @returns the task and its identity
 * @throws {@link task-placement!PlacementInputError} with the JSON path of the first fault,
 *   such as `taskDefinition.containerDefinitions[0].memory`
 */
export function readTaskDefinition(json: unknown): EcsTaskDefinition {
  const [definition, path] = unwrap(json);
  const family = required(definition, 'family', path, (value, at) => validateName(value, at, 'family'), 'every task definition has a family');
  const networkMode = optional(definition, 'networkMode', path, readNetworkMode) ?? 'bridge';
  const containers = required(definition, 'containerDefinitions', path, (value, at) => readContainers(value, at, networkMode), 'every task definition has containers');
  const revision = optional(definition, 'revision', path, readRevision);
  const taskDefinitionArn = optional(definition, 'taskDefinitionArn', path, readString);
  const compatibilities = optional(definition, 'compatibilities', path, readCompatibilities);
  const task = taskSpec(definition, path, family, containers, revision);
  validateTaskSpec(task, path);
  return {
    task,
    family,
    ...(revision === undefined ? {} : { revision }),
    ...(taskDefinitionArn === undefined ? {} : { taskDefinitionArn }),
    ...(compatibilities === undefined ? {} : { compatibilities }),
    networkMode,
    containers: containers.containers,
  };
}

/**
 * Reads a task definition into the task placement sees; see
 * {@link readTaskDefinition} for what is read and how.
 *
 * @param json - the parsed JSON document
 * @returns the task spec
 * @throws {@link task-placement!PlacementInputError} with the JSON path of the first fault
 *
 * @example
 * ```ts
 * fromTaskDefinition({
 *   family: 'web', cpu: '0.5 vCPU', memory: '1 GB',
 *   containerDefinitions: [{ name: 'nginx', portMappings: [{ containerPort: 80, hostPort: 80 }] }],
 * });
 * // { family: 'web', resources: { cpu: 512, memory: 1024 }, ports: { tcp: [80] } }
 * ```
 */
export function fromTaskDefinition(json: unknown): TaskSpec {
  return readTaskDefinition(json).task;
}

function unwrap(json: unknown): [JsonRecord, string] {
  const document = readRecord(json, '');
  if (document.containerDefinitions === undefined && document.taskDefinition !== undefined) {
    return [readRecord(document.taskDefinition, 'taskDefinition'), 'taskDefinition'];
  }
  return [document, ''];
}

function taskSpec(definition: JsonRecord, path: string, family: string, containers: ContainerNeeds, revision: number | undefined): TaskSpec {
  const cpu = optional(definition, 'cpu', path, readCpu) ?? containers.cpu;
  const memory = optional(definition, 'memory', path, readMemory) ?? containers.memory;
  if (memory === undefined) {
    throw ecsError(containers.memoryMissingAt ?? path, 'expected memory or memoryReservation in this container, as ECS requires when the task sets no task-level memory');
  }
  const tcp = [...containers.ports.tcp.keys()];
  const udp = [...containers.ports.udp.keys()];
  const requiresAttributes = withoutRepeats([
    ...optional(definition, 'requiresAttributes', path, readRequiredAttributes) ?? [],
    ...optional(definition, 'runtimePlatform', path, readRuntimePlatform) ?? [],
  ]);
  const placementConstraints = optional(definition, 'placementConstraints', path, readConstraints) ?? [];
  return {
    family,
    // A registered definition's revision: a task selector can count the tasks of one revision.
    ...(revision === undefined ? {} : { revision }),
    resources: { cpu, memory, ...(containers.gpu > 0 ? { gpu: containers.gpu } : {}) },
    ...(tcp.length + udp.length > 0 ? { ports: { ...(tcp.length > 0 ? { tcp } : {}), ...(udp.length > 0 ? { udp } : {}) } } : {}),
    ...(requiresAttributes.length > 0 ? { requiresAttributes } : {}),
    ...(placementConstraints.length > 0 ? { placementConstraints } : {}),
  };
}

function readNetworkMode(value: unknown, path: string): NetworkMode {
  const mode = NETWORK_MODES.find((known) => known === value);
  if (mode === undefined) throw expected(`one of ${NETWORK_MODES.join(', ')}`, value, path);
  return mode;
}

function readRevision(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw expected('a revision number of at least 1', value, path);
  return value;
}

function readRequiredAttributes(value: unknown, path: string): RequiredAttribute[] {
  return readArray(value, path).map((item, index) => {
    const itemPath = indexPath(path, index);
    const attribute = readRecord(item, itemPath);
    const name = required(attribute, 'name', itemPath, validateAttributeName);
    // ECS prints an attribute without a value with "value": null; targetType and targetId are not placement's.
    if (attribute.value === undefined || attribute.value === null) return { name };
    return validateRequiredAttribute({ name, value: attribute.value }, itemPath);
  });
}

/**
 * Each requirement once, a name alone as a string (as the library writes
 * it) and one with a value as `{ name, value }`: a task definition's own
 * list and its runtime platform may both name `ecs.cpu-architecture`.
 */
function withoutRepeats(requirements: readonly RequiredAttribute[]): (string | RequiredAttribute)[] {
  const byKey = new Map<string, string | RequiredAttribute>();
  for (const { name, value } of requirements) {
    // Names and values hold no control characters (validated), so the separator cannot be forged.
    const key = value === undefined ? name : `${name}\u0000${value}`;
    if (!byKey.has(key)) byKey.set(key, value === undefined ? name : { name, value });
  }
  return [...byKey.values()];
}

/** The launch types ECS validated the definition for, as DescribeTaskDefinition lists them. */
function readCompatibilities(value: unknown, path: string): readonly string[] {
  return Object.freeze(readArray(value, path).map((item, index) => readString(item, indexPath(path, index))));
}

function readConstraints(value: unknown, path: string): MemberOfConstraint[] {
  // The library's own rules, at the document's paths: memberOf only, at most 10.
  return validateConstraints(value, path, { allowDistinctInstance: false, alreadyCounted: 0 }).flatMap((constraint) =>
    constraint.type === 'memberOf' ? [{ type: 'memberOf' as const, expression: constraint.expression }] : []);
}
