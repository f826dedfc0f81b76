/**
 * task-placement: Amazon ECS task placement, reproduced exactly and explained.
 *
 * @module task-placement
 */
export * from './query/index';

export { Cluster, type ClusterOptions, type ClusterSnapshot, type Deregistration, type DeregisterOptions } from './cluster/Cluster';
export type { InstanceInfo } from './model/InstanceInfo';
export type { ZoneRebalanceRequest } from './model/ZoneRebalanceRequest';
export type {
  BlockedZone, ZoneRebalanceIneligibility, ZoneRebalancePlan, ZoneRebalanceStart, ZoneRebalanceStatus, ZoneRebalanceStep, ZoneRebalanceStop, ZoneTasks,
} from './cluster/ZoneRebalancePlan';
export type { ServicePlacement } from './model/ServicePlacement';
export type { DrainRequest } from './model/DrainRequest';
export type { ConsolidationRequest } from './model/ConsolidationRequest';
export type { DrainInstanceStep, DrainPlan, MoveStart, MoveStep, MoveStop, TaskLeft, TaskLeftReason } from './cluster/DrainPlan';
export type { ConsolidationPlan, InstanceNotFreed, NotFreedReason } from './cluster/ConsolidationPlan';
export type { TaskInfo } from './model/TaskInfo';
export type { ScaleInRequest } from './model/ScaleInRequest';
export type { ScaleInChoice, ScaleInReason, TaskToStop } from './cluster/ScaleInChoice';
export { describeScaleInReason } from './cluster/describeScaleInReason';
export type { DeploymentRequest, DeploymentRevision } from './model/DeploymentRequest';
export type {
  DeploymentBlock, DeploymentLimited, DeploymentNoRoom, DeploymentPlan, DeploymentProtected, DeploymentRound, DeploymentStart, DeploymentStatus,
  DeploymentStep, DeploymentStop,
} from './cluster/DeploymentPlan';
export { describeDeploymentBlock } from './cluster/describeDeploymentBlock';

export { INSTANCE_STATUSES, type InstancePatch, type InstanceSpec, type InstanceStatus, type Ports, type Resources } from './model/InstanceSpec';
export type { InstanceState, PortSets } from './model/InstanceState';
export type { InstanceView } from './query/InstanceView';
export { toInstanceView } from './model/toInstanceView';
export { PlacementInputError, type PlacementInputErrorCode } from './model/PlacementInputError';
export type {
  AtMostConstraint, DistinctInstanceConstraint, PlacementConstraint, PlacementRequest, PlacementStrategy, PlacementStrategyType,
  RequestConstraint, SpreadLimitConstraint,
} from './model/PlacementRequest';
export { PACK_SCORERS, type PackScorer, type PackStrategy } from './model/PackStrategy';
export type { PreferStrategy } from './model/PreferStrategy';
export { BATCH_ORDERS, type BatchMethod, type BatchOrder, type BatchPlacementOptions } from './model/BatchPlacementOptions';
export type { BatchPlacementResult } from './placement/BatchPlacementResult';
export type { CapacityOptions } from './model/CapacityOptions';
export type { ListInstancesOptions } from './model/ListInstancesOptions';
export type { AttributeCapacity, CapacityAnswer, InstanceTypeCapacity } from './cluster/CapacityAnswer';
export type { DaemonOptions } from './model/DaemonOptions';
export type { DaemonPlacementResult, DaemonSkip } from './cluster/DaemonPlacementResult';
export type { PortLists, TaskRequirements } from './model/TaskRequirements';
export type { MemberOfConstraint, TaskSpec } from './model/TaskSpec';
export type { TaskSelector } from './model/TaskSelector';
export type { CapacityProviderStrategyItem } from './model/CapacityProviderStrategyItem';
export { CAPACITY_PROVIDER_ATTRIBUTE } from './model/capacityProviderAttribute';
export type { RequiredAttribute } from './model/RequiredAttribute';

export type { Diagnosis, DiagnosisEntry } from './placement/Diagnosis';
export type { EngineName } from './model/EngineName';
export type { Explanation, InstanceExplanation } from './placement/Explanation';
export type { Placement, PlacementFailure, PlacementResult } from './placement/PlacementResult';
export { ecsReason, isResolvable, type Rejection, type RejectionCode } from './model/Rejection';

export { binpack } from './strategies/binpack';
export { random } from './strategies/random';
export { spread } from './strategies/spread';
export type {
  DrawStrategy, GroupTasksStrategy, InstanceStrategy, OpaqueStrategy, Strategy, StrategyContext, StrategyDependency,
} from './model/Strategy';
