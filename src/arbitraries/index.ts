/**
 * task-placement/arbitraries: fast-check arbitraries for everything the
 * library models, and checkers for the laws every placement keeps.
 * fast-check is this entry's peer dependency; the core never loads it.
 *
 * @module task-placement/arbitraries
 */
export { resources, type ResourcesConstraints } from './resources';
export { instance } from './instance';
export type { InstanceConstraints } from './InstanceConstraints';
export { DEFAULT_INSTANCE_TYPES, type InstanceTypeSpec } from './defaults';
export { fleet, type FleetConstraints } from './fleet';
export { task, type TaskConstraints } from './task';
export { query, queryNode } from './query';
export type { QueryConstraints, QuerySubjectKind, QueryVocabulary } from './QueryConstraints';
export { queryText, type QueryTextConstraints } from './queryText';
export { instanceView } from './instanceView';
export { constraint, type ConstraintConstraints, type GeneratedConstraint } from './constraint';
export { strategyChain, type StrategyChainConstraints } from './strategyChain';
export type { ChainStrategy, GeneratedStrategy } from './GeneratedStrategy';
export { placementRequest, type GeneratedPlacementRequest, type PlacementRequestConstraints } from './placementRequest';
export { cluster, type ClusterConstraints, type ClusterScenario, type HistoryStep } from './cluster';
export {
  placementCase, type PlacementCase, type PlacementCaseConstraints,
} from './placementCase';
export type { InfeasibleReason } from './InfeasibleReason';
export { buildCluster, type BuildClusterOptions } from './buildCluster';
export { statisticsLabels } from './statisticsLabels';

export {
  describeContainerInstancesResponse, type DescribeContainerInstancesConstraints, type DescribeContainerInstancesFault,
} from './ecs/describeContainerInstancesResponse';
export { taskDefinition, type TaskDefinitionConstraints, type TaskDefinitionFault, type TaskDefinitionForm } from './ecs/taskDefinition';
export { runTaskRequest, type RunTaskRequestConstraints, type RunTaskRequestFault } from './ecs/runTaskRequest';
export { createServiceRequest, type CreateServiceRequestConstraints, type CreateServiceRequestFault } from './ecs/createServiceRequest';
export type { RequestConstraints, RequestFault } from './ecs/requestCases';
export type { EcsFault, EcsJsonCase, EcsJsonObject, EcsJsonValidity, EcsRequestCase } from './ecs/EcsJsonCase';

export { clusterCommands, type ClusterCommandsConstraints } from './commands/clusterCommands';
export type { ClusterCommandKind } from './commands/commandKinds';
export type { ClusterDriver, ClusterModel, ClusterReal, ModelInstance } from './commands/ClusterModel';
export { clusterModelRun, type ClusterModelRunOptions } from './commands/clusterModelRun';

export { ConstraintsError, type ConstraintsErrorCode } from './ConstraintsError';

export { checkPlacement } from './check/checkPlacement';
export type { CheckPlacementOptions } from './check/CheckPlacementOptions';
export { CheckOptionsError, type CheckOptionsErrorCode } from './check/CheckOptionsError';
export { CheckInputError, type CheckInputErrorCode } from './check/CheckInputError';
export { assertPlacement } from './check/assertPlacement';
export { checkSnapshot } from './check/checkSnapshot';
export { PlacementLawError } from './check/PlacementLawError';
export {
  formatViolations, type OtherViolation, type Overcommitted, type PlacementLaw, type PlacementViolation, type PortConflict,
  type PreferenceNotBest, type RejectedPlacement, type StrategyNotBest, type ViolationFacts,
} from './check/PlacementViolation';
