/**
 * A scheduler's own layer over task-placement: services described in its
 * own terms, turned into placement requests.
 */
import type { Cluster, PlacementRequest, PlacementResult, TaskSpec } from 'task-placement';

/** A service as this scheduler's users describe it. */
export interface ServiceSpec {
  readonly name: string;
  readonly task: TaskSpec;
  readonly count: number;
  /** At most one task of the service per instance, so that losing an instance loses one task. */
  readonly oneTaskPerInstance?: boolean;
}

/** The request for a service: spread over zones, then pack memory within a zone. */
export function serviceRequest(spec: ServiceSpec): PlacementRequest {
  return {
    task: spec.task,
    count: spec.count,
    service: spec.name,
    placementStrategy: [
      { type: 'spread', field: 'attribute:ecs.availability-zone' },
      { type: 'binpack', field: 'memory' },
    ],
    ...(spec.oneTaskPerInstance === true ? { placementConstraints: [{ type: 'distinctInstance' }] } : {}),
  };
}

export function placeService(cluster: Cluster, spec: ServiceSpec): PlacementResult {
  return cluster.place(serviceRequest(spec));
}
