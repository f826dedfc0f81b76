/**
 * Task definitions, as registered with or described by ECS, read into the
 * task placement sees.
 *
 * @module
 */
import type { MemberOfConstraint, TaskSpec } from '../model/TaskSpec';
import { indexPath } from '../model/validation/paths';
import { validateAttributeName } from '../model/validation/validateAttributes';
import { validateConstraints } from '../model/validation/validateConstraints';
import { validateName } from '../model/validation/validateName';
import { validateTaskSpec } from '../model/validation/validateTaskSpec';
import type { EcsTaskDefinition } from './EcsTaskDefinition';
import { ecsError, expected, optional, readArray, readRecord, readString, required, type JsonRecord } from './json';
import { readContainers, type ContainerNeeds } from './readContainers';
import { NETWORK_MODES, type NetworkMode } from './readPortMappings';
import { readCpu, readMemory } from './taskSize';

/**
 * Reads a task definition: a RegisterTaskDefinition input, or the output of
 * `aws ecs describe-task-definition` or `register-task-definition` (the
 * `{ taskDefinition: {...} }` wrapper is optional).
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
 * - `requiresAttributes`: the names (values are not compared);
 * - `placementConstraints`: memberOf only; ECS refuses distinctInstance in
 *   a task definition, and so does this function.
 *
 * @param json - the parsed JSON document
 * @returns the task and its identity
 * @throws {@link index!PlacementInputError} with the JSON path of the first fault,
 *   such as `taskDefinition.containerDefinitions[0].memory`
 */
export function readTaskDefinition(json: unknown): EcsTaskDefinition {
  const [definition, path] = unwrap(json);
  const family = required(definition, 'family', path, (value, at) => validateName(value, at, 'family'), 'every task definition has a family');
  const networkMode = optional(definition, 'networkMode', path, readNetworkMode) ?? 'bridge';
  const containers = required(definition, 'containerDefinitions', path, (value, at) => readContainers(value, at, networkMode), 'every task definition has containers');
  const revision = optional(definition, 'revision', path, readRevision);
  const taskDefinitionArn = optional(definition, 'taskDefinitionArn', path, readString);
  const task = taskSpec(definition, path, family, containers);
  validateTaskSpec(task, path);
  return {
    task,
    family,
    ...(revision === undefined ? {} : { revision }),
    ...(taskDefinitionArn === undefined ? {} : { taskDefinitionArn }),
    networkMode,
  };
}

/**
 * Reads a task definition into the task placement sees; see
 * {@link readTaskDefinition} for what is read and how.
 *
 * @param json - the parsed JSON document
 * @returns the task spec
 * @throws {@link index!PlacementInputError} with the JSON path of the first fault
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

function taskSpec(definition: JsonRecord, path: string, family: string, containers: ContainerNeeds): TaskSpec {
  const cpu = optional(definition, 'cpu', path, readCpu) ?? containers.cpu;
  const memory = optional(definition, 'memory', path, readMemory) ?? containers.memory;
  if (memory === undefined) {
    throw ecsError(containers.memoryMissingAt ?? path, 'expected memory or memoryReservation in this container, as ECS requires when the task sets no task-level memory');
  }
  const tcp = [...containers.ports.tcp.keys()];
  const udp = [...containers.ports.udp.keys()];
  const requiresAttributes = optional(definition, 'requiresAttributes', path, readRequiredAttributes) ?? [];
  const placementConstraints = optional(definition, 'placementConstraints', path, readConstraints) ?? [];
  return {
    family,
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

function readRequiredAttributes(value: unknown, path: string): string[] {
  const names = readArray(value, path).map((item, index) => {
    const itemPath = indexPath(path, index);
    return required(readRecord(item, itemPath), 'name', itemPath, validateAttributeName);
  });
  return [...new Set(names)];
}

function readConstraints(value: unknown, path: string): MemberOfConstraint[] {
  // The library's own rules, at the document's paths: memberOf only, at most 10.
  return validateConstraints(value, path, { allowDistinctInstance: false, alreadyCounted: 0 }).flatMap((constraint) =>
    constraint.type === 'memberOf' ? [{ type: 'memberOf' as const, expression: constraint.expression }] : []);
}
