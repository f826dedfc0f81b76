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
import { validateDate } from '../model/validation/validateDate';
import { NO_INSTANCES } from '../placement/failureFrom';
import type { PlacementResult } from '../placement/PlacementResult';
import type { EcsInstance } from './EcsInstance';
import type { EcsNetworkBinding } from './EcsNetworkBinding';
import type { EcsContainerDefinition, EcsTaskDefinition } from './EcsTaskDefinition';
import { shortId } from './shortId';
import { taskDefinitionName } from './taskDefinitionName';
import { validateEcsRequest } from './validateEcsRequest';

/**
 * A container of a task as RunTask returns it, with what the task definition
 * says of it.
 */
export interface EcsContainer {
  /** The container's name, when the task definition gives one. */
  readonly name?: string;
  /** Its image, when the task definition gives one. */
  readonly image?: string;
  /** The task's ARN. */
  readonly taskArn: string;
  /** Always `PENDING`: a container of a task just placed. */
  readonly lastStatus: 'PENDING';
  /**
   * The ports the container binds on its instance that its task definition
   * fixes (a bridge-mode `hostPort` above 0, a host-mode `containerPort`);
   * absent when it fixes none. ECS adds dynamic ports, and its `bindIP`,
   * once the agent has started the container.
   */
  readonly networkBindings?: EcsNetworkBinding[];
  /** CPU units, as a string as ECS writes it, when the task definition gives them. */
  readonly cpu?: string;
  /** The hard memory limit in MiB, as a string, when given. */
  readonly memory?: string;
  /** The soft memory limit in MiB, as a string, when given. */
  readonly memoryReservation?: string;
}

/**
 * A task as RunTask returns it, with the fields placement decides and those
 * the request, the task definition and the instance tell.
 */
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
  /** The instance's capacity provider, when {@link RunTaskContext.containerInstances} names one. */
  readonly capacityProviderName?: string;
  /** The instance's `ecs.availability-zone` attribute, when it has one. */
  readonly availabilityZone?: string;
  /**
   * The task's attributes as RunTask gives them: `ecs.cpu-architecture`,
   * from the instance's attribute of that name, when it has one.
   */
  readonly attributes?: {
    /** The attribute's name, `ecs.cpu-architecture`. */
    readonly name: string;
    /** Its value, such as `x86_64` or `arm64`. */
    readonly value: string;
  }[];
  /** The task definition's containers, when the context gives the task definition. */
  readonly containers?: EcsContainer[];
  /** CPU units the task reserves, as a string as ECS writes it. */
  readonly cpu: string;
  /** MiB the task reserves, as a string as ECS writes it. */
  readonly memory: string;
  /** When the task was created: {@link RunTaskContext.createdAt}, when given. */
  readonly createdAt?: Date;
  /** Always 1: ECS counts a task's changes from 1, its creation. */
  readonly version: 1;
}

/** A task not placed, as RunTask reports it. */
export interface EcsFailure {
  /**
   * The closest matching container instance's ARN; absent for a service's
   * task in a cluster without container instances.
   */
  readonly arn?: string;
  /** ECS's reason, such as `RESOURCE:MEMORY`. */
  readonly reason: string;
  /** The closest instance's rejection in words, with numbers; the instance by its short id. */
  readonly detail: string;
}

/**
 * The RunTask response: the tasks placed and one failure per task not
 * placed. It is RunTask's output as the AWS SDK for JavaScript v3 types it
 * (`RunTaskCommandOutput` of `@aws-sdk/client-ecs`) but for the transport's
 * `$metadata`: its lists are the SDK's mutable `Task[]` and `Failure[]`.
 */
export interface RunTaskResponse {
  /** Tasks placed, in the order they were placed. */
  readonly tasks: EcsTask[];
  /** One entry per task not placed. */
  readonly failures: EcsFailure[];
}

/** What {@link toRunTaskResponse} needs besides the result. */
export interface RunTaskContext {
  /** The request that was placed: its task and group. */
  readonly request: PlacementRequest;
  /** The task definition, for `taskDefinitionArn` and the tasks' `containers`; without it the task's family stands in, and tasks list no containers. */
  readonly taskDefinition?: EcsTaskDefinition;
  /** The cluster's instances (`cluster.instances()`), for each task's `availabilityZone` and `ecs.cpu-architecture` attribute. */
  readonly instances?: readonly InstanceInfo[];
  /** The container instances as {@link fromDescribeContainerInstances} read them, for each task's `capacityProviderName`. */
  readonly containerInstances?: readonly EcsInstance[];
  /**
   * When the tasks were created, for their `createdAt`; without it tasks
   * have none, since the library keeps no clock of its own and the same
   * placement gives the same answer.
   */
  readonly createdAt?: Date;
}

/**
 * Turns a placement result into RunTask's response.
 *
 * @remarks
 * ECS invents task ARNs at placement; here a task's ARN is its container
 * instance's ARN with `task/` in place of `container-instance/` and the
 * library's task id (`task-7`) as the last part, so that it is stable and
 * names the cluster the way the instance does. Each task also carries what
 * RunTask returns and the context tells: its attributes (the instance's
 * `ecs.cpu-architecture`), capacity provider, zone, containers (name, image,
 * sizes and the host ports the task definition fixes), `createdAt` when
 * given, and `version` 1. Nothing ECS invents at random (container ARNs,
 * dynamic ports) is made up.
 *
 * A failure's `arn` is the closest matching container instance, as ECS
 * reports it.
 *
 * On a cluster without container instances ECS refuses RunTask itself: the
 * AWS SDK's call throws `InvalidParameterException: No Container Instances
 * were found in your cluster.` So does this, for a request that is not a
 * service's, with a {@link task-placement!PlacementInputError} of code
 * `no_container_instances` whose message starts with ECS's: when the result
 * says the cluster has no instance, or when every one of `instances` is
 * `INACTIVE` (deregistered: ECS lists every other status among a cluster's
 * instances, and a `DRAINING` one, or one whose agent is disconnected, gets
 * a failure, `AGENT`). A service's scheduler records the event instead
 * (`Reason: No Container Instances were found in your cluster.`, see
 * {@link serviceEventMessage}), so for a request with a `service` the
 * answer keeps the failure, with ECS's sentence and no `arn`.
 *
 * The response is the SDK's `RunTaskCommandOutput` without `$metadata`.
 * `createdAt` is a `Date`, as the SDK gives it; `JSON.stringify` writes it
 * as an ISO 8601 string (`2025-03-04T12:00:00.000Z`), as the AWS CLI v2
 * prints timestamps.
 *
 * @param result - what {@link task-placement!Cluster.place} returned
 * @param context - the request, and optionally the task definition, the
 *   instances, the container instances and the time of creation
 * @returns the response
 * @throws {@link task-placement!PlacementInputError} `no_container_instances`
 *   where ECS refuses RunTask for a cluster without container instances;
 *   `invalid_type` (or what validating the request throws) for arguments of
 *   the wrong shape, such as a `null` result, with the path of the first
 *   fault; `invalid_date` for a `createdAt` that holds no time
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
  const { request, taskDefinition, instances = [], containerInstances = [], createdAt } = context;
  if (request.service === undefined && result.placements.length === 0 && noContainerInstances(result, context.instances)) {
    throw new PlacementInputError(
      'no_container_instances', '',
      `InvalidParameterException: ${NO_INSTANCES} ECS refuses the RunTask call so when no container instance is registered in the cluster (none is given, or every one is INACTIVE), and starts no task: register container instances first`,
    );
  }
  const group = resolveGroup({ service: request.service, group: request.group, family: request.task.family ?? taskDefinition?.family });
  const attributes = new Map(instances.map((instance) => [instance.id, instance.attributes]));
  const capacityProviders = new Map(containerInstances.map((instance) => [instance.spec.id, instance.capacityProviderName]));
  const definition = taskDefinition === undefined ? (request.task.family ?? 'default') : taskDefinitionName(taskDefinition);
  const time = createdAt === undefined ? undefined : validateDate(createdAt, 'context.createdAt');
  const tasks = result.placements.map(({ taskId, instanceId }): EcsTask => {
    const arns = arnsOf(instanceId, taskId);
    const zone = attributes.get(instanceId)?.['ecs.availability-zone'] ?? undefined;
    const architecture = attributes.get(instanceId)?.['ecs.cpu-architecture'] ?? undefined;
    const capacityProviderName = capacityProviders.get(instanceId);
    return {
      ...arns,
      containerInstanceArn: instanceId,
      taskDefinitionArn: definition,
      group,
      lastStatus: 'PENDING',
      desiredStatus: 'RUNNING',
      launchType: 'EC2',
      ...(capacityProviderName === undefined ? {} : { capacityProviderName }),
      ...(zone === undefined ? {} : { availabilityZone: zone }),
      ...(architecture === undefined ? {} : { attributes: [{ name: 'ecs.cpu-architecture', value: architecture }] }),
      ...(taskDefinition?.containers === undefined ? {} : { containers: taskDefinition.containers.map((container) => containerOf(container, arns.taskArn)) }),
      cpu: String(request.task.resources.cpu ?? 0),
      memory: String(request.task.resources.memory ?? 0),
      // A Date of its own per task: the answer's objects are the caller's to change.
      ...(time === undefined ? {} : { createdAt: new Date(time) }),
      version: 1,
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

/** Whether ECS would find no container instance in the cluster: none at all, or only deregistered ones. */
function noContainerInstances(result: PlacementResult, instances: readonly InstanceInfo[] | undefined): boolean {
  if (result.failures.some((failure) => failure.instanceId === undefined && failure.reason === NO_INSTANCES)) return true;
  return instances !== undefined && instances.every((instance) => instance.status === 'INACTIVE');
}

function containerOf(container: EcsContainerDefinition, taskArn: string): EcsContainer {
  const { name, image, cpu, memory, memoryReservation, networkBindings } = container;
  return {
    ...(name === undefined ? {} : { name }),
    ...(image === undefined ? {} : { image }),
    taskArn,
    lastStatus: 'PENDING',
    ...(networkBindings.length === 0 ? {} : { networkBindings: networkBindings.map((binding) => ({ ...binding })) }),
    ...(cpu === undefined ? {} : { cpu: String(cpu) }),
    ...(memory === undefined ? {} : { memory: String(memory) }),
    ...(memoryReservation === undefined ? {} : { memoryReservation: String(memoryReservation) }),
  };
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
  validateEcsRequest(context['request'], 'context.request');
  if (context['taskDefinition'] !== undefined && !isRecord(context['taskDefinition'])) {
    throw new PlacementInputError('invalid_type', 'context.taskDefinition', `Give the task definition as readTaskDefinition returns it, not ${describeValue(context['taskDefinition'])}.`);
  }
  if (context['createdAt'] !== undefined) {
    if (!(context['createdAt'] instanceof Date)) throw new PlacementInputError('invalid_type', 'context.createdAt', `Give the time the tasks were created as a Date, not ${describeValue(context['createdAt'])}.`);
    validateDate(context['createdAt'], 'context.createdAt');
  }
  if (context['instances'] !== undefined) {
    expectArray(context['instances'], 'context.instances').forEach((instance, index) => {
      const path = indexPath('context.instances', index);
      if (!isRecord(instance) || !isRecord(instance['attributes'])) throw new PlacementInputError('invalid_type', path, `Give the instances as cluster.instances() returns them, not ${describeValue(instance)}.`);
      expectString(instance['id'], keyPath(path, 'id'));
    });
  }
  if (context['containerInstances'] !== undefined) {
    expectArray(context['containerInstances'], 'context.containerInstances').forEach((instance, index) => {
      const path = indexPath('context.containerInstances', index);
      if (!isRecord(instance) || !isRecord(instance['spec'])) throw new PlacementInputError('invalid_type', path, `Give the container instances as fromDescribeContainerInstances returns them, not ${describeValue(instance)}.`);
      expectString(instance['spec']['id'], keyPath(keyPath(path, 'spec'), 'id'));
      if (instance['capacityProviderName'] !== undefined) expectString(instance['capacityProviderName'], keyPath(path, 'capacityProviderName'));
    });
  }
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
