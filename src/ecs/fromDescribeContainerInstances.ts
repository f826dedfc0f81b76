/**
 * DescribeContainerInstances output, read into instance specs and the
 * capacity their tasks hold.
 *
 * @module
 */
import type { InstanceSpec } from '../model/InstanceSpec';
import { indexPath, keyPath } from '../model/validation/paths';
import { validateAgentVersion } from '../model/validation/validateAgentVersion';
import { validateId } from '../model/validation/validateId';
import { validateInstanceSpec } from '../model/validation/validateInstanceSpec';
import { validateStatus } from '../model/validation/validateStatus';
import type { EcsInstance, HeldCapacity } from './EcsInstance';
import { ecsError, optional, readArray, readBoolean, readRecord, readResponseList, readString, readWholeNumber, required, type JsonRecord } from './json';
import { readAttributeList } from './readAttributeList';
import { CAPACITY_PROVIDER_ATTRIBUTE } from '../model/capacityProviderAttribute';
import { capacityProviderAttributes, readCapacityProviderName } from './readCapacityProviderStrategy';
import { readRegisteredAt } from './readRegisteredAt';
import { readResourceList, type ResourceList } from './readResourceList';

/** ECS's limit on the ports an instance reserves, TCP and UDP together. */
const MAX_RESERVED_PORTS = 100;

/**
 * Reads the output of `aws ecs describe-container-instances`.
 *
 * @remarks
 * Accepts the whole response (`{ containerInstances, failures }`; the
 * failures, instances ECS could not describe, are ignored), as the AWS CLI
 * prints it or as the AWS SDK for JavaScript v3 returns it (`$metadata`,
 * members set to `undefined`), or a bare array of container instances.
 * Fields the reader does not use are skipped, as ECS adds fields over time.
 * For each instance:
 *
 * - `containerInstanceArn` becomes the id; `ec2InstanceId`, `status`,
 *   `agentConnected`, `versionInfo.agentVersion` and `registeredAt` (an ISO
 *   string, epoch seconds, or a `Date` as the AWS SDK for JavaScript gives
 *   it) are kept;
 * - `registeredResources` become the resources (`CPU`, `MEMORY`, `GPU` and
 *   any other numeric resource, whole amounts only) and the agent-reserved
 *   ports (`PORTS`, `PORTS_UDP`);
 * - `remainingResources` say what tasks hold: registered minus remaining,
 *   and the ports listed as in use beyond the reserved ones;
 * - without a `GPU` resource, the GPUs of `platformDevices` (type `GPU`) are
 *   counted, all of them free;
 * - `attributes` become a map, `null` for an attribute without a value;
 * - `capacityProviderName` is kept, and recorded among the attributes as
 *   {@link CAPACITY_PROVIDER_ATTRIBUTE} (for a name of at most 128
 *   characters, an attribute value's limit), so that a request's capacity
 *   provider strategy can keep its tasks on the providers it names.
 *
 * Every instance is checked before anything is returned.
 *
 * @param json - the parsed JSON document
 * @returns the instances in the order given
 * @throws {@link task-placement!PlacementInputError} with the JSON path of the first fault,
 *   such as `containerInstances[3].registeredResources[1].integerValue`
 *
 * @example
 * ```ts
 * const [instance] = fromDescribeContainerInstances(JSON.parse(text));
 * instance.spec.resources; // { cpu: 1024, memory: 995 }
 * instance.held;           // { resources: {}, ports: { tcp: [], udp: [] } }
 * ```
 */
export function fromDescribeContainerInstances(json: unknown): EcsInstance[] {
  const [list, path] = readResponseList(json, 'containerInstances', 'a DescribeContainerInstances response lists its instances there');
  const seen = new Map<string, number>();
  return list.map((item, index) => {
    const itemPath = indexPath(path, index);
    const instance = readContainerInstance(item, itemPath);
    const earlier = seen.get(instance.spec.id);
    if (earlier !== undefined) {
      throw ecsError(keyPath(itemPath, 'containerInstanceArn'), `expected each container instance once, but this one is also ${indexPath(path, earlier)}`, 'duplicate_instance');
    }
    seen.set(instance.spec.id, index);
    return instance;
  });
}

function readContainerInstance(value: unknown, path: string): EcsInstance {
  const record = readRecord(value, path);
  const id = required(record, 'containerInstanceArn', path, (given, at) => validateId(given, at, 1600));
  const registered = required(record, 'registeredResources', path, readResourceList);
  const remaining = optional(record, 'remainingResources', path, readResourceList) ?? registered;
  const platformGpus = optional(record, 'platformDevices', path, countGpus);
  const capacityProviderName = optional(record, 'capacityProviderName', path, readCapacityProviderName);
  const spec = instanceSpec(record, path, id, withPlatformGpus(registered, platformGpus), capacityProviderName);
  validateInstanceSpec(spec, path);
  const runningTasksCount = optional(record, 'runningTasksCount', path, readWholeNumber) ?? 0;
  // Untracked tasks cost nothing per task, but a count no instance could run is not ECS's output: refused rather than believed.
  const memory = registered.amounts.memory ?? 0;
  if (runningTasksCount > memory) {
    throw ecsError(keyPath(path, 'runningTasksCount'), `expected at most ${memory} running tasks: on EC2 every task reserves at least 1 MiB of its instance's memory, and this instance registers ${memory} MiB`);
  }
  return {
    spec,
    held: heldCapacity(registered, remaining),
    runningTasksCount,
    pendingTasksCount: optional(record, 'pendingTasksCount', path, readWholeNumber) ?? 0,
    ...(capacityProviderName === undefined ? {} : { capacityProviderName }),
  };
}

function instanceSpec(record: JsonRecord, path: string, id: string, registered: ResourceList, capacityProviderName: string | undefined): InstanceSpec {
  const { cpu, memory } = registered.amounts;
  if (cpu === undefined) throw ecsError(keyPath(path, 'registeredResources'), 'expected a CPU resource, as the ECS agent registers');
  if (memory === undefined) throw ecsError(keyPath(path, 'registeredResources'), 'expected a MEMORY resource, as the ECS agent registers');
  if (registered.tcp.length + registered.udp.length > MAX_RESERVED_PORTS) {
    throw ecsError(registered.portsPath, `expected at most ${MAX_RESERVED_PORTS} reserved ports (PORTS and PORTS_UDP together), as ECS allows`, 'too_many_reserved_ports');
  }
  const ec2InstanceId = optional(record, 'ec2InstanceId', path, (given, at) => validateId(given, at, 255));
  const status = optional(record, 'status', path, validateStatus);
  const agentConnected = optional(record, 'agentConnected', path, readBoolean);
  const agentVersion = optional(record, 'versionInfo', path, readAgentVersion);
  const registeredAt = optional(record, 'registeredAt', path, readRegisteredAt);
  const attributes = optional(record, 'attributes', path, readAttributeList) ?? {};
  if (capacityProviderName !== undefined && CAPACITY_PROVIDER_ATTRIBUTE in attributes) {
    throw ecsError(keyPath(path, 'attributes'), `expected no attribute ${CAPACITY_PROVIDER_ATTRIBUTE}: the library records the instance's capacityProviderName under that name`);
  }
  return {
    id,
    ...(ec2InstanceId === undefined ? {} : { ec2InstanceId }),
    resources: { ...registered.amounts, cpu, memory },
    reservedPorts: { tcp: [...registered.tcp], udp: [...registered.udp] },
    // Into the reader's own map, which has no prototype: an attribute may be named like an Object member.
    attributes: Object.assign(attributes, capacityProviderAttributes(capacityProviderName)),
    ...(status === undefined ? {} : { status }),
    ...(agentConnected === undefined ? {} : { agentConnected }),
    ...(agentVersion === undefined ? {} : { agentVersion }),
    ...(registeredAt === undefined ? {} : { registeredAt }),
  };
}

function readAgentVersion(value: unknown, path: string): string | undefined {
  return optional(readRecord(value, path), 'agentVersion', path, validateAgentVersion);
}

function countGpus(value: unknown, path: string): number {
  let gpus = 0;
  readArray(value, path).forEach((item, index) => {
    const itemPath = indexPath(path, index);
    if (required(readRecord(item, itemPath), 'type', itemPath, readString) === 'GPU') gpus += 1;
  });
  return gpus;
}

/** GPUs from `platformDevices` count only when no GPU resource is registered. */
function withPlatformGpus(registered: ResourceList, platformGpus: number | undefined): ResourceList {
  if (platformGpus === undefined || platformGpus === 0 || registered.amounts.gpu !== undefined) return registered;
  return { ...registered, amounts: { ...registered.amounts, gpu: platformGpus } };
}

function heldCapacity(registered: ResourceList, remaining: ResourceList): HeldCapacity {
  const resources: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [name, left] of Object.entries(remaining.amounts)) {
    const total = registered.amounts[name];
    const at = remaining.amountPaths[name] ?? remaining.portsPath;
    if (total === undefined) throw ecsError(at, `expected only resources that registeredResources lists, but it has no ${name.toUpperCase()}`);
    if (left > total) throw ecsError(at, `expected at most the ${total} registered, got ${left} remaining`);
    if (total > left) resources[name] = total - left;
  }
  // A resource remainingResources leaves out is taken as wholly free.
  const beyond = (inUse: readonly number[], reserved: readonly number[]): number[] => inUse.filter((port) => !reserved.includes(port));
  return { resources, ports: { tcp: beyond(remaining.tcp, registered.tcp), udp: beyond(remaining.udp, registered.udp) } };
}
