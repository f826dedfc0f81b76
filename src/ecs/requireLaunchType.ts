/**
 * Whether ECS would run a task definition with a request's launch type on
 * the container instances placement chooses among.
 *
 * @module
 */
import type { EcsTaskDefinition } from './EcsTaskDefinition';
import { ecsError } from './json';

/** The launch types whose tasks run on container instances: the only ones placement places. */
const INSTANCE_LAUNCH_TYPES = ['EC2', 'EXTERNAL'] as const;

/**
 * Refuses a task definition that ECS would not run with the launch type
 * asked for, as RunTask and CreateService refuse it (`InvalidParameterException:
 * Task definition does not support launch_type EC2.`).
 *
 * @remarks
 * ECS decides by the definition's `compatibilities`: the launch types it
 * validated the definition for when it was registered, which
 * DescribeTaskDefinition lists. They are not its `requiresCompatibilities`:
 * ECS validates every definition for EC2 too, so one registered with
 * `requiresCompatibilities: ["FARGATE"]` is described with
 * `compatibilities: ["EC2", "FARGATE"]` and runs on EC2 instances as well,
 * unless it uses what only Fargate has. A definition read from a
 * RegisterTaskDefinition input has no `compatibilities`, since ECS has not
 * validated it yet, and is taken as it would be registered: runnable on EC2.
 *
 * @param taskDefinition - from {@link readTaskDefinition}
 * @param launchType - the request's `launchType`; `undefined` when it names
 *   none (a capacity provider strategy, or the cluster's default), when
 *   either launch type of container instances will do
 * @param path - the request's field that asks for the launch type, or the
 *   request itself, for the error
 * @throws {@link task-placement!PlacementInputError} `incompatible_launch_type` when
 *   the definition's `compatibilities` do not include the launch type (or,
 *   with none asked for, any launch type of container instances)
 */
export function requireLaunchType(taskDefinition: EcsTaskDefinition, launchType: 'EC2' | 'EXTERNAL' | undefined, path: string): void {
  const { compatibilities } = taskDefinition;
  if (compatibilities === undefined) return;
  const wanted: readonly string[] = launchType === undefined ? INSTANCE_LAUNCH_TYPES : [launchType];
  if (wanted.some((type) => compatibilities.includes(type))) return;
  const name = taskDefinition.taskDefinitionArn ?? taskDefinition.family;
  const validated = compatibilities.length === 0 ? 'no launch type' : compatibilities.join(', ');
  throw ecsError(
    path,
    `Task definition does not support launch_type ${launchType ?? 'EC2'}: ECS validated ${name} for ${validated} only (its compatibilities), `
      + `and placement chooses among container instances; register a revision with ${launchType ?? 'EC2'} in requiresCompatibilities`,
    'incompatible_launch_type',
  );
}
