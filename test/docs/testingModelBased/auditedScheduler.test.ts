import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { Cluster, DeregisterOptions, InstancePatch, InstanceSpec, PlacementRequest } from '../../../src/index';
import { clusterCommands, clusterModelRun } from '../../../src/arbitraries/index';

/** My scheduler: it drives a cluster and keeps an audit log of every change. */
class AuditedScheduler {
  readonly log: string[] = [];

  constructor(private readonly cluster: Cluster) {}

  registerInstance(spec: InstanceSpec) {
    this.log.push(`register ${spec.id}`);
    this.cluster.registerInstance(spec);
  }

  deregisterInstance(id: string, options: DeregisterOptions) {
    this.log.push(`deregister ${id}`);
    return this.cluster.deregisterInstance(id, options);
  }

  updateInstance(id: string, patch: InstancePatch) {
    this.log.push(`update ${id}`);
    return this.cluster.updateInstance(id, patch);
  }

  place(request: PlacementRequest) {
    const result = this.cluster.place(request);
    this.log.push(`placed ${result.placements.length} task(s)`);
    return result;
  }

  stopTask(taskId: string) {
    this.log.push(`stop ${taskId}`);
    return this.cluster.stopTask(taskId);
  }
}

describe('my scheduler', () => {
  it('keeps the cluster as the model says, and every placement lawful, whatever it is asked', () => {
    fc.assert(
      fc.property(clusterCommands(), (commands) => clusterModelRun(commands, { wrap: (cluster) => new AuditedScheduler(cluster) })),
    );
  });
});
