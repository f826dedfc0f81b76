/**
 * spread: even out the group's tasks over the values of a field.
 *
 * @module
 */
import type { InstanceState } from '../model/InstanceState';
import { markBuiltIn } from './builtInStrategy';
import type { Strategy } from './Strategy';

/**
 * Prefers instances in the bucket that holds the fewest tasks of the group.
 * `instanceId` and `host` make each instance its own bucket;
 * `attribute:NAME` buckets instances by that attribute's value, and the
 * instances without a value for it form one bucket of their own. Tasks count
 * on every instance of a bucket, whether that instance can take the task or
 * not.
 *
 * @param field - `instanceId`, `host` or `attribute:NAME`
 * @returns the strategy `spread(<field>)`
 */
export function spread(field: string): Strategy {
  const bucketOf = bucketFunction(field);
  const strategy: Strategy = {
    name: `spread(${field})`,
    rank: ({ instances, group }) => {
      const counts = new Map<string | undefined, number>();
      for (const instance of instances) {
        const bucket = bucketOf(instance);
        counts.set(bucket, (counts.get(bucket) ?? 0) + (instance.taskGroups.get(group) ?? 0));
      }
      return (instance) => counts.get(bucketOf(instance)) ?? 0;
    },
  };
  return markBuiltIn(strategy, { kind: 'spread', field });
}

/** The bucket of an instance: its id, or its attribute's value (`undefined` when it has none). */
function bucketFunction(field: string): (instance: InstanceState) => string | undefined {
  if (field === 'instanceId' || field === 'host') return (instance) => instance.id;
  const name = field.slice('attribute:'.length);
  return (instance) => instance.attributes.get(name) ?? undefined;
}
