/**
 * The mutable state of one registered instance.
 *
 * @module
 */
import type { InstanceStatus } from '../model/InstanceSpec';
import type { InstanceState, PortSets } from '../model/InstanceState';
import type { NormalizedInstance, NormalizedPatch } from '../model/NormalizedInstance';
import { resourceRecord } from '../model/resourceRecord';
import type { PortLists } from '../model/TaskRequirements';
import type { InstanceInfo } from '../model/InstanceInfo';
import type { TaskRecord } from './TaskRecord';

const NO_PORTS: PortSets = Object.freeze({ tcp: new Set<number>(), udp: new Set<number>() });
const NO_GROUPS: ReadonlyMap<string, number> = new Map();
const portSets = new WeakMap<PortLists, PortSets>();
/**
 * What snapshots show of the values instances share and nobody writes
 * (attributes, registered resources, reserved ports): one frozen object per
 * value, so that a snapshot of a large fleet holds a few dozen of each
 * rather than one per instance, and restoring from it validates each once.
 */
const shownAttributes = new WeakMap<ReadonlyMap<string, string | null>, Readonly<Record<string, string | null>>>();
const shownResources = new WeakMap<Readonly<Record<string, number>>, Readonly<Record<string, number>>>();
const shownPorts = new WeakMap<PortSets, PortLists>();

/**
 * One instance's state, kept current as tasks start and stop. Placement reads
 * it through the read-only {@link InstanceState} view.
 *
 * @remarks
 * Built to stay small for fleets of a million instances: registered
 * resources, reserved ports and attributes are shared with every instance
 * registered from the same frozen objects (an update copies before it
 * writes), and ports in use and task groups exist only once the instance
 * runs a task. Its tasks are linked through the task records themselves,
 * oldest first, so an idle instance holds no list.
 */
export class InstanceRecord implements InstanceState {
  readonly id: string;
  readonly ec2InstanceId: string | undefined;
  readonly registeredAt: number | undefined;
  /** Rewritten only when the cluster closes the gaps left by deregistered instances, keeping the order. */
  registrationOrder: number;
  readonly registeredResources: Readonly<Record<string, number>>;
  readonly reservedPorts: PortSets;
  readonly remainingResources: Record<string, number>;
  status: InstanceStatus;
  agentConnected: boolean;
  agentVersion: string | undefined;
  attributes: ReadonlyMap<string, string | null>;
  portsInUse: PortSets = NO_PORTS;
  taskGroups: ReadonlyMap<string, number> = NO_GROUPS;
  /** Tasks ECS counts on the instance that the cluster does not track: in {@link InstanceRecord.runningTasksCount}, in no group. */
  untrackedTasks: number;
  /** The tracked tasks and the untracked ones. */
  runningTasksCount: number;
  /** The oldest running task, the head of the list {@link TaskRecord.nextOnInstance} links. */
  firstTask: TaskRecord | undefined = undefined;
  private lastTask: TaskRecord | undefined = undefined;

  /**
   * @param spec - the validated spec; its objects are shared, never written
   * @param registrationOrder - position in registration order
   */
  constructor(spec: NormalizedInstance, registrationOrder: number) {
    this.id = spec.id;
    this.ec2InstanceId = spec.ec2InstanceId;
    this.registeredAt = spec.registeredAt;
    this.registrationOrder = registrationOrder;
    this.registeredResources = spec.resources;
    this.reservedPorts = sharedPortSets(spec.reservedPorts);
    this.remainingResources = resourceRecord(spec.resources);
    this.status = spec.status;
    this.agentConnected = spec.agentConnected;
    this.agentVersion = spec.agentVersion;
    this.attributes = spec.attributes;
    this.untrackedTasks = spec.untrackedTasks ?? 0;
    this.runningTasksCount = this.untrackedTasks;
  }

  /** Applies a validated patch; attributes are copied, never written in place, since they may be shared. */
  apply(patch: NormalizedPatch): void {
    if (patch.status !== undefined) this.status = patch.status;
    if (patch.agentConnected !== undefined) this.agentConnected = patch.agentConnected;
    if (patch.agentVersion !== undefined) this.agentVersion = patch.agentVersion;
    if (patch.untrackedTasks !== undefined) {
      this.runningTasksCount += patch.untrackedTasks - this.untrackedTasks;
      this.untrackedTasks = patch.untrackedTasks;
    }
    if (patch.attributes === undefined && patch.removeAttributes === undefined) return;
    const attributes = new Map(this.attributes);
    for (const [name, value] of patch.attributes ?? []) attributes.set(name, value);
    for (const name of patch.removeAttributes ?? []) attributes.delete(name);
    this.attributes = attributes;
  }

  /** Reserves a task's resources and ports on this instance, and links it last. */
  addTask(task: TaskRecord): void {
    task.previousOnInstance = this.lastTask;
    if (this.lastTask === undefined) this.firstTask = task;
    else this.lastTask.nextOnInstance = task;
    this.lastTask = task;
    this.reserve(task.resources, -1);
    if (task.ports.tcp.length > 0 || task.ports.udp.length > 0) {
      const ports = this.ownPorts();
      for (const port of task.ports.tcp) ports.tcp.add(port);
      for (const port of task.ports.udp) ports.udp.add(port);
    }
    const groups = this.ownGroups();
    groups.set(task.group, (groups.get(task.group) ?? 0) + 1);
    this.runningTasksCount += 1;
  }

  /** Releases what {@link InstanceRecord.addTask} reserved, and unlinks the task. */
  removeTask(task: TaskRecord): void {
    if (task.previousOnInstance === undefined) this.firstTask = task.nextOnInstance;
    else task.previousOnInstance.nextOnInstance = task.nextOnInstance;
    if (task.nextOnInstance === undefined) this.lastTask = task.previousOnInstance;
    else task.nextOnInstance.previousOnInstance = task.previousOnInstance;
    task.previousOnInstance = undefined;
    task.nextOnInstance = undefined;
    this.reserve(task.resources, 1);
    if (task.ports.tcp.length > 0 || task.ports.udp.length > 0) {
      const ports = this.ownPorts();
      for (const port of task.ports.tcp) ports.tcp.delete(port);
      for (const port of task.ports.udp) ports.udp.delete(port);
    }
    const groups = this.ownGroups();
    const left = (groups.get(task.group) ?? 0) - 1;
    if (left > 0) groups.set(task.group, left);
    else groups.delete(task.group);
    this.runningTasksCount -= 1;
  }

  /**
   * The tasks each task selector selects here, counted from the instance's
   * own list of tasks when asked: only requests with a `taskSelector` read
   * it, so no instance keeps these counts (a million busy instances would
   * pay for them in memory, and every placement in time).
   */
  get selectedTasks(): ReadonlyMap<string, number> {
    let counts: Map<string, number> | undefined;
    for (let task = this.firstTask; task !== undefined; task = task.nextOnInstance) {
      const keys = task.selectionKeys;
      if (keys.length === 0) continue;
      counts ??= new Map();
      for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts ?? NO_GROUPS;
  }

  /** The running task that binds a port, if one does. */
  taskBinding(protocol: 'tcp' | 'udp', port: number): TaskRecord | undefined {
    for (let task = this.firstTask; task !== undefined; task = task.nextOnInstance) if (task.ports[protocol].includes(port)) return task;
    return undefined;
  }

  /** Adds `sign` times each amount to what remains. */
  private reserve(resources: Readonly<Record<string, number>>, sign: 1 | -1): void {
    // Object.keys rather than for...in, which also walks the records' (empty) prototype chain and is several times slower.
    const names = Object.keys(resources);
    for (let index = 0; index < names.length; index += 1) {
      const name = names[index] as string;
      this.remainingResources[name] = (this.remainingResources[name] ?? 0) + sign * (resources[name] as number);
    }
  }

  /** A snapshot for callers: what tasks change is copied; attributes, registered resources and reserved ports are frozen objects shared by every snapshot of instances that share them. */
  toInfo(): InstanceInfo {
    // Assigned rather than spread: spreads are slow, and snapshots copy every instance.
    const info: { -readonly [K in keyof InstanceInfo]: InstanceInfo[K] } = {
      id: this.id,
      status: this.status,
      agentConnected: this.agentConnected,
      attributes: frozenFor(shownAttributes, this.attributes, () => Object.fromEntries(this.attributes)),
      registeredResources: frozenFor(shownResources, this.registeredResources, () => Object.assign({}, this.registeredResources)),
      remainingResources: Object.assign({}, this.remainingResources),
      reservedPorts: frozenFor(shownPorts, this.reservedPorts, () => ({ tcp: Object.freeze(sorted(this.reservedPorts.tcp)), udp: Object.freeze(sorted(this.reservedPorts.udp)) })),
      portsInUse: { tcp: sorted(this.portsInUse.tcp), udp: sorted(this.portsInUse.udp) },
      runningTasksCount: this.runningTasksCount,
      taskGroups: Object.fromEntries(this.taskGroups),
    };
    if (this.ec2InstanceId !== undefined) info.ec2InstanceId = this.ec2InstanceId;
    if (this.agentVersion !== undefined) info.agentVersion = this.agentVersion;
    if (this.registeredAt !== undefined) info.registeredAt = new Date(this.registeredAt).toISOString();
    if (this.untrackedTasks > 0) info.untrackedTasks = this.untrackedTasks;
    return info;
  }

  private ownPorts(): { readonly tcp: Set<number>; readonly udp: Set<number> } {
    if (this.portsInUse === NO_PORTS) this.portsInUse = { tcp: new Set(), udp: new Set() };
    return this.portsInUse as { readonly tcp: Set<number>; readonly udp: Set<number> };
  }

  private ownGroups(): Map<string, number> {
    if (this.taskGroups === NO_GROUPS) this.taskGroups = new Map();
    return this.taskGroups as Map<string, number>;
  }
}

/** One set pair per distinct port lists object, shared like the lists themselves. */
function sharedPortSets(lists: PortLists): PortSets {
  return frozenFor(portSets, lists, () => ({ tcp: new Set(lists.tcp), udp: new Set(lists.udp) }));
}

/** The frozen object kept for a shared value, made on first need. */
function frozenFor<K extends object, V extends object>(cache: WeakMap<K, V>, value: K, make: () => V): V {
  let object = cache.get(value);
  if (object === undefined) {
    object = Object.freeze(make());
    cache.set(value, object);
  }
  return object;
}

function sorted(ports: ReadonlySet<number>): number[] {
  return [...ports].sort((a, b) => a - b);
}
