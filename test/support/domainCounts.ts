/**
 * Domains and their tasks as the laws of spreadLimit and atMost read them,
 * written apart from the library's census: from a snapshot, and then task by
 * task from the placements that follow it.
 */
import type { ClusterSnapshot } from '../../src/cluster/Cluster';
import type { InstanceInfo } from '../../src/model/InstanceInfo';
import type { TaskSelector } from '../../src/model/TaskSelector';

/** Whether a selector (none: every task) selects a task of this family and revision, read as the guide says. */
export function selects(selector: TaskSelector | undefined, task: { readonly family?: string | undefined; readonly revision?: number | undefined }): boolean {
  if (selector === undefined) return true;
  return (selector.family === undefined || selector.family === task.family) && (selector.revision === undefined || selector.revision === task.revision);
}

/** The domain of an instance for a field: its id, or its attribute's value (none when absent or without one). */
function domainIn(instance: InstanceInfo, field: string): string | undefined {
  if (field === 'instanceId') return instance.id;
  return instance.attributes[field.slice('attribute:'.length)] ?? undefined;
}

/** Tasks of the counted groups by domain, kept current as placements are replayed. */
export class DomainCounts {
  private readonly counts = new Map<string, number>();
  private readonly byId: Map<string, InstanceInfo>;

  /** Counts the snapshot's tasks of `groups` (those `selector` selects, when given). */
  constructor(private readonly snapshot: ClusterSnapshot, private readonly field: string, groups: readonly string[], selector?: TaskSelector) {
    this.byId = new Map(snapshot.instances.map((instance) => [instance.id, instance]));
    for (const task of snapshot.tasks) if (groups.includes(task.group) && selects(selector, task)) this.add(task.instanceId);
  }

  /** The domain of an instance, by id. */
  domainOf(instanceId: string): string | undefined {
    return domainIn(this.byId.get(instanceId) as InstanceInfo, this.field);
  }

  /** Tasks counted in a domain. */
  tasksIn(domain: string): number {
    return this.counts.get(domain) ?? 0;
  }

  /** One more task counted on an instance. */
  add(instanceId: string): void {
    const domain = this.domainOf(instanceId);
    if (domain !== undefined) this.counts.set(domain, this.tasksIn(domain) + 1);
  }

  /**
   * The fewest tasks in an eligible domain: the listed ones, or those of the
   * ACTIVE instances with a connected agent (the laws' tasks require
   * nothing else); 0 below `minDomains` of them.
   */
  minimum(minDomains = 1, listed?: readonly string[]): number {
    const eligible = listed ?? [...new Set(this.snapshot.instances
      .filter((instance) => instance.status === 'ACTIVE' && instance.agentConnected)
      .flatMap((instance) => domainIn(instance, this.field) ?? []))];
    if (eligible.length < minDomains) return 0;
    return Math.min(...eligible.map((domain) => this.tasksIn(domain)));
  }
}
