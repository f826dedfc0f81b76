/**
 * Every field of the ECS shapes a request is read from, as the ECS API
 * reference and the AWS SDK for JavaScript v3 (`@aws-sdk/client-ecs`
 * 3.1178) list them. The readers use a few; the others are known and
 * ignored, and anything else is refused.
 *
 * @module
 */

/** The fields of a RunTask request. */
export const RUN_TASK_REQUEST_FIELDS: readonly string[] = [
  'capacityProviderStrategy', 'clientToken', 'cluster', 'count', 'enableECSManagedTags', 'enableExecuteCommand', 'group',
  'launchType', 'networkConfiguration', 'overrides', 'placementConstraints', 'placementStrategy', 'platformVersion',
  'propagateTags', 'referenceId', 'startedBy', 'tags', 'taskDefinition', 'volumeConfigurations',
];

/** The fields of a CreateService request. */
export const CREATE_SERVICE_REQUEST_FIELDS: readonly string[] = [
  'availabilityZoneRebalancing', 'capacityProviderStrategy', 'clientToken', 'cluster', 'deploymentConfiguration',
  'deploymentController', 'desiredCount', 'enableECSManagedTags', 'enableExecuteCommand', 'gatewayConnectors',
  'healthCheckGracePeriodSeconds', 'launchType', 'loadBalancers', 'monitoring', 'networkConfiguration',
  'placementConstraints', 'placementStrategy', 'platformVersion', 'propagateTags', 'role', 'schedulingStrategy',
  'serviceConnectConfiguration', 'serviceName', 'serviceRegistries', 'tags', 'taskDefinition', 'volumeConfigurations',
  'vpcLatticeConfigurations',
];

/** The fields of an UpdateService request, whose `service` is the service's name or ARN. */
export const UPDATE_SERVICE_REQUEST_FIELDS: readonly string[] = [
  'availabilityZoneRebalancing', 'capacityProviderStrategy', 'cluster', 'deploymentConfiguration', 'deploymentController',
  'desiredCount', 'enableECSManagedTags', 'enableExecuteCommand', 'forceNewDeployment', 'gatewayConnectors',
  'healthCheckGracePeriodSeconds', 'loadBalancers', 'monitoring', 'networkConfiguration', 'placementConstraints',
  'placementStrategy', 'platformVersion', 'propagateTags', 'service', 'serviceConnectConfiguration', 'serviceRegistries',
  'taskDefinition', 'volumeConfigurations', 'vpcLatticeConfigurations',
];

/** The fields of a service as DescribeServices, CreateService and UpdateService describe it. */
export const SERVICE_FIELDS: readonly string[] = [
  'availabilityZoneRebalancing', 'capacityProviderStrategy', 'clusterArn', 'createdAt', 'createdBy', 'currentServiceDeployment',
  'currentServiceRevisions', 'deploymentConfiguration', 'deploymentController', 'deployments', 'desiredCount',
  'enableECSManagedTags', 'enableExecuteCommand', 'events', 'healthCheckGracePeriodSeconds', 'launchType', 'loadBalancers',
  'networkConfiguration', 'pendingCount', 'placementConstraints', 'placementStrategy', 'platformFamily', 'platformVersion',
  'propagateTags', 'resourceManagementType', 'roleArn', 'runningCount', 'schedulingStrategy', 'serviceArn', 'serviceName',
  'serviceRegistries', 'status', 'tags', 'taskDefinition', 'taskSets',
];

/** The fields of the responses that wrap one service: CreateService, UpdateService and DeleteService. */
export const SERVICE_RESPONSE_FIELDS: readonly string[] = ['service', '$metadata'];

/** The fields of a DescribeServices response (`$metadata` is what the AWS SDK adds to every response). */
export const DESCRIBE_SERVICES_RESPONSE_FIELDS: readonly string[] = ['services', 'failures', '$metadata'];

/** The fields of a RunTask request's `overrides`. */
export const TASK_OVERRIDE_FIELDS: readonly string[] = [
  'containerOverrides', 'cpu', 'ephemeralStorage', 'executionRoleArn', 'inferenceAcceleratorOverrides', 'memory', 'taskRoleArn',
];

/** The fields of one of `overrides.containerOverrides`. */
export const CONTAINER_OVERRIDE_FIELDS: readonly string[] = [
  'command', 'cpu', 'environment', 'environmentFiles', 'memory', 'memoryReservation', 'name', 'resourceRequirements',
];
