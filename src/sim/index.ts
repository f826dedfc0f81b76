/**
 * task-placement/sim: seeded simulated fleets and workloads, packing and
 * spread metrics, whole simulation runs with their reports, and the public
 * bin packing formats with their lower bounds.
 *
 * @module task-placement/sim
 */
export type { ChurnOptions, FleetOptions, InstanceFamily, Scenario, ServiceScenario } from './Scenario';
export type {
  FleetMetrics, InstanceUsage, LowerBound, ServiceReport, SimulationReport, Timing,
} from './SimulationReport';

export { INSTANCE_FAMILIES, INSTANCE_TYPES, type InstanceArchitecture, type InstanceType } from './instanceTypes';
export { ECS_RESERVED_MEMORY, instanceResources, OS_MEMORY_PERCENT, type InstanceResources } from './instanceResources';

export { generateFleet } from './generateFleet';
export { streamFleet } from './streamFleet';

export { generateWorkload } from './generateWorkload';
export type { TaskSizeDistribution, WorkloadOptions } from './workload/WorkloadOptions';

export { failuresByReason } from './metrics/failuresByReason';
export { fleetMetrics } from './metrics/fleetMetrics';
export { instancesUsed } from './metrics/instancesUsed';
export { lowerBound } from './metrics/lowerBound';
export { spreadSkew } from './metrics/spreadSkew';
export { strandedCapacity } from './metrics/strandedCapacity';
export { utilization } from './metrics/utilization';

export type { PackingProblem } from './packing/PackingProblem';
export { readPackingFile } from './packing/readPackingFile';
export { packingBounds, type PackingBounds } from './packing/packingBounds';
export { packProblem, type PackProblemOptions } from './packing/packProblem';
export { generatePackingProblem, PACKING_KINDS, type PackingKind } from './packing/generatePackingProblem';
export { writePackingFile } from './packing/writePackingFile';
export { planFleet, type FleetPlanAnswer, type PlanFleetOptions, type TypePlan } from './packing/planFleet';

export { readNodeListFile, readTraceFile, type TraceTask } from './trace/readTraceFile';
export { replayTrace, type TraceReplay, type TraceReplayOptions, type TraceSample } from './trace/replayTrace';

export { runSimulation } from './runSimulation';
export type { RunOptions, SimulationPhase } from './run/RunOptions';

export { validateScenario } from './validateScenario';
export { DEFAULT_SCENARIO } from './defaultScenario';
export { renderReportHtml } from './report/renderReportHtml';
export { renderReplayHtml } from './report/renderReplayHtml';
