// Compiled by `npm run typecheck` (tsconfig.json includes test/), never run:
// the library's ECS shapes against the AWS SDK for JavaScript v3's own types.
// If either side drifts, this file stops compiling; each @ts-expect-error
// shows that the comparison bites.
import type {
  CreateServiceCommandInput,
  PlacementConstraint,
  PlacementStrategy,
  RunTaskCommandInput,
  RunTaskCommandOutput,
} from '@aws-sdk/client-ecs';
import type { Cluster } from '../../src/cluster/Cluster';
import { fromPlacementFields, type EcsTask, type RunTaskResponse } from '../../src/ecs/index';
import type { PlacementResult } from '../../src/placement/PlacementResult';

declare const cluster: Cluster;
declare const placementStrategy: PlacementStrategy[];
declare const placementConstraints: PlacementConstraint[];
declare const runTask: RunTaskCommandInput;
declare const createService: CreateServiceCommandInput;
declare const response: RunTaskResponse;
const task = { family: 'web', resources: { cpu: 256, memory: 512 } };

// The SDK's placement arrays go into Cluster.place through the one-line helper, without a cast.
export const placed: PlacementResult = cluster.place({ task, count: 2, ...fromPlacementFields({ placementStrategy, placementConstraints }) });
export const fromRunTask: PlacementResult = cluster.place({ task, ...fromPlacementFields(runTask) });
export const fromService: PlacementResult = cluster.place({ task, service: 'web', ...fromPlacementFields(createService) });

// Not as they are: the SDK types every member as optional, the library says what ECS requires.
// @ts-expect-error PlacementStrategy.type is optional in the SDK, required by the library
export const unchecked: PlacementResult = cluster.place({ task, placementStrategy });

// The answer is RunTask's output but for the transport's $metadata.
export const output: Omit<RunTaskCommandOutput, '$metadata'> = response;
// @ts-expect-error $metadata belongs to the SDK's transport, not to RunTask's answer
export const withMetadata: RunTaskCommandOutput = response;

// Lists the SDK can push to: a readonly list of tasks would not do.
declare const frozenTasks: readonly EcsTask[];
// @ts-expect-error the SDK's Task[] is mutable; a readonly list is not one
export const readonlyTasks: Omit<RunTaskCommandOutput, '$metadata'> = { tasks: frozenTasks, failures: [] };
