/**
 * A placement result in the shape of ECS's RunTask response.
 *
 * @module
 */
import type { InstanceInfo } from '../model/InstanceInfo';
import type { PlacementRequest } from '../model/PlacementRequest';
import { PlacementInputError } from '../model/PlacementInputError';
import { describeValue } from '../model/validation/describeValue';
import { expectArray, expectString, isRecord } from '../model/validation/fields';
import { indexPath, keyPath } from '../model/validation/paths';
import { resolveGroup } from '../model/validation/resolveGroup';
import { validatePlacementRequest } from '../model/validation/validatePlacementRequest';
import type { PlacementResult } from '../placement/PlacementResult';
import type { EcsTaskDefinition } from './EcsTaskDefinition';
import { shortId } from './shortId';
import { taskDefinitionName } from './taskDefinitionName';

/** A task as RunTask returns it, with the fields placement decides. */
export interface EcsTask {
  /** The task's ARN: the container instance's ARN with `task/` and the task id in place of the instance part. */
  readonly taskArn: string;
  /** The cluster's ARN, when the container instance ARN names the cluster. */
  readonly clusterArn?: string;
  /** The container instance the task was placed on. */
  readonly containerInstanceArn: string;
  /** The task definition's ARN, or `family:revision`, or the family. */
  readonly taskDefinitionArn: string;
  /** The task's group, such as `service:web`. */
  readonly group: string;
  /** Always `PENDING`: a task just placed. */
  readonly lastStatus: 'PENDING';
  /** Always `RUNNING`. */
  readonly desiredStatus: 'RUNNING';
  /** Always `EC2`: placement on container instances. */
  readonly launchType: 'EC2';
  /** The instance's `ecs.availability-zone` attribute, when it has one. */
  readonly availabilityZone?: string;
  /** CPU units the task reserves, as a string as ECS writes it. */
  readonly cpu: string;
  /** MiB the task reserves, as a string as ECS writes it. */
  readonly memory: string;
}

/** A task not placed, as RunTask reports it. */
export interface EcsFailure {
  /** The closest matching container instance's ARN; absent when the cluster has none. */
  readonly arn?: string;
  /** ECS's reason, such as `RESOURCE:MEMORY`. */
  readonly reason: string;
  /** The closest instance's rejection in words, with numbers; the instance by its short id. */
  readonly detail: string;
}

/** The RunTask response: the tasks placed and one failure per task not placed. */
export interface RunTaskResponse {
  /** Tasks placed, in the order they were placed. */
  readonly tasks: readonly EcsTask[];
  /** One entry per task not placed. */
  readonly failures: readonly EcsFailure[];
}

/** What {@link toRunTaskResponse} needs besides the result. */
export interface RunTaskContext {
  /** The request that was placed: its task and group. */
  readonly request: PlacementRequest;
  /** The task definition, for `taskDefinitionArn`; without it the task's family stands in. */
  readonly taskDefinition?: EcsTaskDefinition;
  /** The cluster's instances (`cluster.instances()`), for each task's `availabilityZone`. */
  readonly instances?: readonly InstanceInfo[];
}

/**
 * Turns a placement result into RunTask's response.
 *
 * @remarks
 * ECS invents task ARNs at placement; here a task's ARN is its container
 * instance's ARN with `task/` in place of `container-instance/` and the
 * library's task id (`task-7`) as the last part, so that it is stable and
 * names the cluster the way the instance does. A failure's `arn` is the
 * closest matching container instance, as ECS reports it.
 *
 * @param result - what {@link index!Cluster.place} returned
 * @param context - the request, and optionally the task definition and the instances
 * @returns the response
 * @throws {@link index!PlacementInputError} `invalid_type` (or what
 *   validating the request throws) for arguments of the wrong shape, such
 *   as a `null` result, with the path of the first fault
 *
 * @example
 * ```ts
 * const result = cluster.place(request);
 * const response = toRunTaskResponse(result, { request, taskDefinition, instances: cluster.instances() });
 * response.tasks[0].lastStatus; // 'PENDING'
 * ```
 */
export function toRunTaskResponse(result: PlacementResult, context: RunTaskContext): RunTaskResponse {
  checkArguments(result, context);
  const { request, taskDefinition, instances = [] } = context;
  const group = resolveGroup({ service: request.service, group: request.group, family: request.task.family ?? taskDefinition?.family });
  const zones = new Map(instances.map((instance) => [instance.id, instance.attributes['ecs.availability-zone'] ?? undefined]));
  const definition = taskDefinition === undefined ? (request.task.family ?? 'default') : taskDefinitionName(taskDefinition);
  const tasks = result.placements.map(({ taskId, instanceId }): EcsTask => {
    const zone = zones.get(instanceId);
    return {
      ...arnsOf(instanceId, taskId),
      containerInstanceArn: instanceId,
      taskDefinitionArn: definition,
      group,
      lastStatus: 'PENDING',
      desiredStatus: 'RUNNING',
      launchType: 'EC2',
      ...(zone === undefined ? {} : { availabilityZone: zone }),
      cpu: String(request.task.resources.cpu ?? 0),
      memory: String(request.task.resources.memory ?? 0),
    };
  });
  const failures = result.failures.map(({ instanceId, reason, detail }): EcsFailure => ({
    ...(instanceId === undefined ? {} : { arn: instanceId }),
    reason,
    // The ARN is in `arn`; the sentence names the instance as ECS's events do.
    detail: instanceId === undefined ? detail : detail.split(instanceId).join(shortId(instanceId)),
  }));
  return { tasks, failures };
}

/** Callers in plain JavaScript get a typed error for a result or context of the wrong shape, not a TypeError half-way. */
function checkArguments(result: unknown, context: unknown): void {
  if (!isRecord(result)) throw new PlacementInputError('invalid_type', 'result', `Give the result of Cluster.place, not ${describeValue(result)}.`);
  const placements = expectArray(result['placements'], 'result.placements');
  placements.forEach((placement, index) => {
    const path = indexPath('result.placements', index);
    if (!isRecord(placement)) throw new PlacementInputError('invalid_type', path, `Give a placement as Cluster.place returns it, not ${describeValue(placement)}.`);
    expectString(placement['taskId'], keyPath(path, 'taskId'));
    expectString(placement['instanceId'], keyPath(path, 'instanceId'));
  });
  expectArray(result['failures'], 'result.failures').forEach((failure, index) => {
    const path = indexPath('result.failures', index);
    if (!isRecord(failure)) throw new PlacementInputError('invalid_type', path, `Give a failure as Cluster.place returns it, not ${describeValue(failure)}.`);
    expectString(failure['reason'], keyPath(path, 'reason'));
    expectString(failure['detail'], keyPath(path, 'detail'));
    if (failure['instanceId'] !== undefined) expectString(failure['instanceId'], keyPath(path, 'instanceId'));
  });
  if (!isRecord(context)) throw new PlacementInputError('invalid_type', 'context', `Give the context as { request, taskDefinition?, instances? }, not ${describeValue(context)}.`);
  validatePlacementRequest(context['request'], 'context.request');
  if (context['taskDefinition'] !== undefined && !isRecord(context['taskDefinition'])) {
    throw new PlacementInputError('invalid_type', 'context.taskDefinition', `Give the task definition as readTaskDefinition returns it, not ${describeValue(context['taskDefinition'])}.`);
  }
  if (context['instances'] === undefined) return;
  expectArray(context['instances'], 'context.instances').forEach((instance, index) => {
    const path = indexPath('context.instances', index);
    if (!isRecord(instance) || !isRecord(instance['attributes'])) throw new PlacementInputError('invalid_type', path, `Give the instances as cluster.instances() returns them, not ${describeValue(instance)}.`);
    expectString(instance['id'], keyPath(path, 'id'));
  });
}

const INSTANCE_ARN = /^(arn:[^:]+:ecs:[^:]*:[^:]*:)container-instance\/(?:([^/]+)\/)?[^/]+$/;

/** A task's ARN and its cluster's, when the instance's ARN names the cluster (new-style ARNs: `…:container-instance/CLUSTER/ID`). */
function arnsOf(instanceId: string, taskId: string): Pick<EcsTask, 'taskArn' | 'clusterArn'> {
  const match = INSTANCE_ARN.exec(instanceId);
  if (match === null) return { taskArn: taskId };
  const [, prefix, cluster] = match;
  if (cluster === undefined) return { taskArn: `${prefix}task/${taskId}` };
  return { taskArn: `${prefix}task/${cluster}/${taskId}`, clusterArn: `${prefix}cluster/${cluster}` };
}
