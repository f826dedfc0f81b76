/**
 * task-placement/ecs: ECS's own JSON in and out. Read the output of
 * `aws ecs describe-container-instances`, task definitions, RunTask and
 * CreateService requests, and services as CloudFormation templates and
 * Terraform's JSON deploy them; answer in RunTask's response shape and in
 * the words of ECS's service events.
 *
 * @example
 * ```ts
 * import { clusterFromEcs, fromPlacementRequest, readTaskDefinition, serviceEventMessage, toRunTaskResponse } from 'task-placement/ecs';
 *
 * const cluster = clusterFromEcs(describeContainerInstancesJson);
 * const taskDefinition = readTaskDefinition(describeTaskDefinitionJson);
 * const request = fromPlacementRequest(createServiceJson, taskDefinition);
 * const result = cluster.place(request);
 * toRunTaskResponse(result, { request, taskDefinition, instances: cluster.instances() });
 * result.failures.map((failure) => serviceEventMessage('web', failure));
 * ```
 *
 * @module task-placement/ecs
 */
export type { EcsInstance, HeldCapacity } from './EcsInstance';
export { fromDescribeContainerInstances } from './fromDescribeContainerInstances';
export { fromDescribeTasks, type EcsRunningTask } from './fromDescribeTasks';
export { clusterFromEcs, ECS_EXISTING_GROUP, type EcsClusterOptions } from './clusterFromEcs';
export { CAPACITY_PROVIDER_ATTRIBUTE } from '../model/capacityProviderAttribute';

export type { EcsContainerDefinition, EcsTaskDefinition } from './EcsTaskDefinition';
export type { EcsNetworkBinding } from './EcsNetworkBinding';
export type { NetworkMode } from './readPortMappings';
export { fromTaskDefinition, readTaskDefinition } from './fromTaskDefinition';
export { readCpu, readMemory } from './taskSize';

export { fromCreateServiceRequest, fromPlacementRequest, fromRunTaskRequest, type EcsRequestOptions } from './fromPlacementRequest';
export { fromCloudFormation } from './fromCloudFormation';
export { fromTerraform } from './fromTerraform';
export type { EcsServiceRequest, EcsServiceRequestOptions } from './EcsServiceRequest';
export { fromPlacementFields, type EcsPlacementFields } from './fromPlacementFields';
export { parseConstraintNotation, parseStrategyNotation } from './placementNotation';

export { toRunTaskResponse, type EcsContainer, type EcsFailure, type EcsTask, type RunTaskContext, type RunTaskResponse } from './toRunTaskResponse';
export { serviceEventMessage } from './serviceEventMessage';
export { shortId } from './shortId';
