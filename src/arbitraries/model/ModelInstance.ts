/**
 * One instance of the placement model: what was registered, and what its
 * tasks hold, kept by the model itself rather than read from the engine.
 *
 * @module
 */
import type { InstanceInfo } from '../../model/InstanceInfo';
import type { InstanceView } from '../../query/InstanceView';

/** One instance of the model: what was registered, and what its tasks hold. */
export class ModelInstance {
  readonly id: string;
  readonly attributes: ReadonlyMap<string, string | null>;
  private readonly remaining: Map<string, number>;
  readonly tcpInUse = new Set<number>();
  readonly udpInUse = new Set<number>();
  readonly groups = new Map<string, number>();
  /** Its tasks and its untracked tasks, which count as ECS counts them but hold nothing. */
  running: number;

  /** @param info - the instance as the snapshot reports it; only what was registered, and its untracked tasks, are read */
  constructor(readonly info: InstanceInfo) {
    this.id = info.id;
    this.running = info.untrackedTasks ?? 0;
    this.attributes = new Map(Object.entries(info.attributes));
    this.remaining = new Map(Object.entries(info.registeredResources));
  }

  /** What is left of a resource; one the instance does not list is 0. */
  remainingOf(resource: string): number {
    return this.remaining.get(resource) ?? 0;
  }

  /** Whether the agent reserves a port. */
  reserves(protocol: 'tcp' | 'udp', port: number): boolean {
    return this.info.reservedPorts[protocol].includes(port);
  }

  /** Takes what a task holds. */
  hold(resources: Iterable<readonly [string, number]>, ports: { readonly tcp: readonly number[]; readonly udp: readonly number[] }, group: string): void {
    for (const [resource, amount] of resources) this.remaining.set(resource, this.remainingOf(resource) - amount);
    for (const port of ports.tcp) this.tcpInUse.add(port);
    for (const port of ports.udp) this.udpInUse.add(port);
    this.groups.set(group, (this.groups.get(group) ?? 0) + 1);
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
