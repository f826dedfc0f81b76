/**
 * How unevenly a group's tasks are spread.
 *
 * @module
 */
import type { InstanceInfo } from '../../model/InstanceInfo';
import type { TaskInfo } from '../../model/TaskInfo';
import { PlacementInputError } from '../../model/PlacementInputError';

const ATTRIBUTE_PREFIX = 'attribute:';

/**
 * The difference between the most and the fewest tasks of `group` in any
 * bucket of `field`: 0 is a perfect spread.
 *
 * @remarks
 * Buckets are those of the ACTIVE instances, as the spread strategy sees
 * them: `instanceId` (or `host`) makes each instance its own bucket;
 * `attribute:NAME` buckets instances by that attribute's value, instances
 * without a value forming one bucket. A bucket with no task of the group
 * counts as 0. Tasks count on every instance of a bucket, ACTIVE or not; a
 * task in a bucket without any ACTIVE instance is left out, since no
 * placement could even it out. With no ACTIVE instance the skew is 0.
 *
 * @param instances - the instances, as `Cluster.instances` returns them
 * @param tasks - the running tasks, as `Cluster.tasks` returns them
 * @param group - the task group, such as `service:web`
 * @param field - `instanceId`, `host` or `attribute:NAME`
 * @returns max minus min of the group's tasks per bucket, at least 0
 * @throws `PlacementInputError` `invalid_strategy_field` at `field` for any other field
 * @example
 * ```ts
 * const { instances, tasks } = cluster.snapshot();
 * spreadSkew(instances, tasks, 'service:web', 'attribute:ecs.availability-zone'); // 1
 * ```
 */
export function spreadSkew(instances: readonly InstanceInfo[], tasks: readonly TaskInfo[], group: string, field: string): number {
  const bucketOf = bucketFunction(field);
  const counts = new Map<string | null | undefined, number>();
  for (const instance of instances) if (instance.status === 'ACTIVE') counts.set(bucketOf(instance), 0);
  if (counts.size === 0) return 0;
  const byId = new Map(instances.map((instance) => [instance.id, instance]));
  for (const task of tasks) {
    const instance = task.group === group ? byId.get(task.instanceId) : undefined;
    if (instance === undefined) continue;
    const bucket = bucketOf(instance);
    const count = counts.get(bucket);
    if (count !== undefined) counts.set(bucket, count + 1);
  }
  let most = -Infinity;
  let fewest = Infinity;
  for (const count of counts.values()) {
    most = Math.max(most, count);
    fewest = Math.min(fewest, count);
  }
  return most - fewest;
}

function bucketFunction(field: string): (instance: InstanceInfo) => string | null | undefined {
  if (field === 'instanceId' || field === 'host') return (instance) => instance.id;
  if (field.startsWith(ATTRIBUTE_PREFIX)) {
    const name = field.slice(ATTRIBUTE_PREFIX.length);
    // An attribute without a value and a missing attribute share one bucket, as in spread.
    return (instance) => instance.attributes[name] ?? undefined;
  }
  throw new PlacementInputError('invalid_strategy_field', 'field', "Measure skew by 'instanceId', 'host' or 'attribute:NAME'.");
}
