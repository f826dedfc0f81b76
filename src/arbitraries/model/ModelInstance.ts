/**
 * One instance of the placement model: what was registered, and what its
 * tasks hold, kept by the model itself rather than read from the engine.
 *
 * @module
 */
import type { InstanceInfo } from '../../model/InstanceInfo';
import type { InstanceView } from '../../query/InstanceView';

const NO_PORTS: ReadonlySet<number> = new Set();
const NO_GROUPS: ReadonlyMap<string, number> = new Map();

/**
 * One instance of the model: what was registered, and what its tasks hold.
 * Most instances of a large fleet are never placed on, so what its tasks
 * hold is only kept once it has some, and the registered fields are read
 * where the snapshot holds them: the model is built once per check.
 */
export class ModelInstance {
  readonly id: string;
  private heldBy: Map<string, number> | undefined;
  private tcp: Set<number> | undefined;
  private udp: Set<number> | undefined;
  private groupCounts: Map<string, number> | undefined;
  /** Its tasks by group, then by family and revision, for task selectors; kept only for tasks with a family or a revision. */
  private labelled: Map<string, Map<string, { readonly family: string | undefined; readonly revision: number | undefined; tasks: number }>> | undefined;
  private attributeMap: ReadonlyMap<string, string | null> | undefined;
  /** Its tasks and its untracked tasks, which count as ECS counts them but hold nothing. */
  running: number;

  /** @param info - the instance as the snapshot reports it; only what was registered, and its untracked tasks, are read */
  constructor(readonly info: InstanceInfo) {
    this.id = info.id;
    this.running = info.untrackedTasks ?? 0;
  }

  /** Its attributes, a valueless one mapped to `null`. */
  get attributes(): ReadonlyMap<string, string | null> {
    this.attributeMap ??= new Map(Object.entries(this.info.attributes));
    return this.attributeMap;
  }

  /** The value of one attribute: `null` when it has none, `undefined` when the instance lacks it. */
  attribute(name: string): string | null | undefined {
    return Object.hasOwn(this.info.attributes, name) ? this.info.attributes[name] : undefined;
  }

  /** TCP ports its tasks bind. */
  get tcpInUse(): ReadonlySet<number> {
    return this.tcp ?? NO_PORTS;
  }

  /** UDP ports its tasks bind. */
  get udpInUse(): ReadonlySet<number> {
    return this.udp ?? NO_PORTS;
  }

  /** Its tasks per group. */
  get groups(): ReadonlyMap<string, number> {
    return this.groupCounts ?? NO_GROUPS;
  }

  /** What is left of a resource; one the instance does not list is 0. */
  remainingOf(resource: string): number {
    const registered = Object.hasOwn(this.info.registeredResources, resource) ? this.info.registeredResources[resource] ?? 0 : 0;
    return registered - (this.heldBy?.get(resource) ?? 0);
  }

  /** Whether the agent reserves a port. */
  reserves(protocol: 'tcp' | 'udp', port: number): boolean {
    return this.info.reservedPorts[protocol].includes(port);
  }

  /**
   * Its tasks of a group that a selector selects: of the selector's family,
   * when it gives one, and of its revision, when it gives one.
   */
  selected(group: string, selector: { readonly family: string | undefined; readonly revision: number | undefined }): number {
    let tasks = 0;
    for (const tally of this.labelled?.get(group)?.values() ?? []) {
      if ((selector.family === undefined || selector.family === tally.family) && (selector.revision === undefined || selector.revision === tally.revision)) tasks += tally.tasks;
    }
    return tasks;
  }

  /** Takes what a task holds; its family and revision, when it has them, are what selectors read. */
  hold(
    resources: Iterable<readonly [string, number]>, ports: { readonly tcp: readonly number[]; readonly udp: readonly number[] }, group: string,
    family?: string, revision?: number,
  ): void {
    const held = (this.heldBy ??= new Map());
    for (const [resource, amount] of resources) held.set(resource, (held.get(resource) ?? 0) + amount);
    if (ports.tcp.length > 0) {
      const tcp = (this.tcp ??= new Set());
      for (const port of ports.tcp) tcp.add(port);
    }
    if (ports.udp.length > 0) {
      const udp = (this.udp ??= new Set());
      for (const port of ports.udp) udp.add(port);
    }
    const groups = (this.groupCounts ??= new Map());
    groups.set(group, (groups.get(group) ?? 0) + 1);
    if (family !== undefined || revision !== undefined) {
      const byLabel = (this.labelled ??= new Map());
      let tallies = byLabel.get(group);
      if (tallies === undefined) byLabel.set(group, (tallies = new Map()));
      const label = `${family ?? ''}\u0000${revision ?? ''}`;
      const tally = tallies.get(label);
      if (tally === undefined) tallies.set(label, { family, revision, tasks: 1 });
      else tally.tasks += 1;
    }
    this.running += 1;
  }

  /** The instance as the query language sees it now. */
  view(): InstanceView {
    return {
      id: this.id,
      ec2InstanceId: this.info.ec2InstanceId,
      attributes: this.attributes,
      agentConnected: this.info.agentConnected,
      agentVersion: this.info.agentVersion,
      registeredAt: this.info.registeredAt === undefined ? undefined : Date.parse(this.info.registeredAt),
      runningTasksCount: this.running,
      taskGroups: this.groups,
    };
  }
}
