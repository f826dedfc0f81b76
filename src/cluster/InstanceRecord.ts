/**
 * The mutable state of one registered instance.
 *
 * @module
 */
import type { InstanceStatus } from '../model/InstanceSpec';
import type { InstanceState } from '../model/InstanceState';
import type { NormalizedInstance, NormalizedPatch } from '../model/NormalizedInstance';
import type { InstanceInfo } from './InstanceInfo';
import type { TaskInfo } from './TaskInfo';

/** Ports by protocol as mutable sets. */
interface MutablePortSets {
  readonly tcp: Set<number>;
  readonly udp: Set<number>;
}

/**
 * One instance's state, kept current as tasks start and stop. Placement reads
 * it through the read-only {@link InstanceState} view.
 */
export class InstanceRecord implements InstanceState {
  readonly id: string;
  readonly ec2InstanceId: string | undefined;
  readonly registeredAt: number | undefined;
  readonly registrationOrder: number;
  readonly registeredResources: Readonly<Record<string, number>>;
  readonly reservedPorts: { readonly tcp: ReadonlySet<number>; readonly udp: ReadonlySet<number> };
  status: InstanceStatus;
  agentConnected: boolean;
  agentVersion: string | undefined;
  readonly attributes: Map<string, string | null>;
  readonly remainingResources: Record<string, number>;
  readonly portsInUse: MutablePortSets;
  readonly taskGroups = new Map<string, number>();
  readonly taskIds = new Set<string>();
  runningTasksCount = 0;

  /**
   * @param spec - the validated spec
   * @param registrationOrder - position in registration order
   */
  constructor(spec: NormalizedInstance, registrationOrder: number) {
    this.id = spec.id;
    this.ec2InstanceId = spec.ec2InstanceId;
    this.registeredAt = spec.registeredAt;
    this.registrationOrder = registrationOrder;
    // Prototype-less, so a resource named like an Object member (`constructor`) reads as itself.
    this.registeredResources = Object.freeze(Object.assign(Object.create(null) as Record<string, number>, spec.resources));
    this.reservedPorts = { tcp: new Set(spec.reservedPorts.tcp), udp: new Set(spec.reservedPorts.udp) };
    this.status = spec.status;
    this.agentConnected = spec.agentConnected;
    this.agentVersion = spec.agentVersion;
    this.attributes = new Map(spec.attributes);
    this.remainingResources = Object.assign(Object.create(null) as Record<string, number>, spec.resources);
    this.portsInUse = { tcp: new Set(), udp: new Set() };
  }

  /** Applies a validated patch. */
  apply(patch: NormalizedPatch): void {
    if (patch.status !== undefined) this.status = patch.status;
    if (patch.agentConnected !== undefined) this.agentConnected = patch.agentConnected;
    if (patch.agentVersion !== undefined) this.agentVersion = patch.agentVersion;
    for (const [name, value] of patch.attributes ?? []) this.attributes.set(name, value);
    for (const name of patch.removeAttributes ?? []) this.attributes.delete(name);
  }

  /** Reserves a task's resources and ports on this instance. */
  addTask(task: TaskInfo): void {
    for (const [name, amount] of Object.entries(task.resources)) {
      this.remainingResources[name] = (this.remainingResources[name] ?? 0) - amount;
    }
    for (const port of task.ports.tcp) this.portsInUse.tcp.add(port);
    for (const port of task.ports.udp) this.portsInUse.udp.add(port);
    this.taskGroups.set(task.group, (this.taskGroups.get(task.group) ?? 0) + 1);
    this.taskIds.add(task.taskId);
    this.runningTasksCount += 1;
  }

  /** Releases what {@link InstanceRecord.addTask} reserved. */
  removeTask(task: TaskInfo): void {
    for (const [name, amount] of Object.entries(task.resources)) {
      this.remainingResources[name] = (this.remainingResources[name] ?? 0) + amount;
    }
    for (const port of task.ports.tcp) this.portsInUse.tcp.delete(port);
    for (const port of task.ports.udp) this.portsInUse.udp.delete(port);
    const left = (this.taskGroups.get(task.group) ?? 0) - 1;
    if (left > 0) this.taskGroups.set(task.group, left);
    else this.taskGroups.delete(task.group);
    this.taskIds.delete(task.taskId);
    this.runningTasksCount -= 1;
  }

  /** A snapshot for callers. */
  toInfo(): InstanceInfo {
    const info = {
      id: this.id,
      status: this.status,
      agentConnected: this.agentConnected,
      attributes: Object.fromEntries(this.attributes),
      registeredResources: { ...this.registeredResources },
      remainingResources: { ...this.remainingResources },
      reservedPorts: { tcp: sorted(this.reservedPorts.tcp), udp: sorted(this.reservedPorts.udp) },
      portsInUse: { tcp: sorted(this.portsInUse.tcp), udp: sorted(this.portsInUse.udp) },
      runningTasksCount: this.runningTasksCount,
      taskGroups: Object.fromEntries(this.taskGroups),
    };
    return {
      ...info,
      ...(this.ec2InstanceId === undefined ? {} : { ec2InstanceId: this.ec2InstanceId }),
      ...(this.agentVersion === undefined ? {} : { agentVersion: this.agentVersion }),
      ...(this.registeredAt === undefined ? {} : { registeredAt: new Date(this.registeredAt).toISOString() }),
    };
  }
}

function sorted(ports: ReadonlySet<number>): number[] {
  return [...ports].sort((a, b) => a - b);
}
