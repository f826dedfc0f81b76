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
  const attribute = field === 'instanceId' || field === 'host' ? undefined : field.slice('attribute:'.length);
  const bucket = attribute === undefined
    ? (instance: InstanceState): string | undefined => instance.id
    : (instance: InstanceState): string | undefined => bucketOf(instance, attribute);
  const strategy: Strategy = {
    name: `spread(${field})`,
    rank: ({ instances, group }) => {
      const counts = new Map<string | undefined, number>();
      for (const instance of instances) {
        const key = bucket(instance);
        counts.set(key, (counts.get(key) ?? 0) + (instance.taskGroups.get(group) ?? 0));
      }
      return (instance) => counts.get(bucket(instance)) ?? 0;
    },
  };
  return markBuiltIn(strategy, { kind: 'spread', attribute });
}

/**
 * The bucket of an instance when spreading by an attribute: the attribute's
 * value; instances without one (absent or `null`) share `undefined`. Both
 * engines bucket with this.
 *
 * @param instance - the instance
 * @param attribute - the attribute's name
 */
export function bucketOf(instance: InstanceState, attribute: string): string | undefined {
  return instance.attributes.get(attribute) ?? undefined;
}
