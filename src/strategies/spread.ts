/**
 * spread: even out the group's tasks over the values of a field.
 *
 * @module
 */
import type { InstanceState } from '../model/InstanceState';
import type { GroupTasksStrategy } from '../model/Strategy';

const made = new Map<string, GroupTasksStrategy>();

/**
 * Prefers instances in the bucket that holds the fewest tasks of the group.
 * `instanceId` and `host` make each instance its own bucket;
 * `attribute:NAME` buckets instances by that attribute's value, and the
 * instances without a value for it form one bucket of their own. Tasks count
 * on every instance of a bucket, whether that instance can take the task or
 * not.
 *
 * @param field - `instanceId`, `host` or `attribute:NAME`
 * @returns the strategy `spread(<field>)`; the same field always gives the same frozen value
 */
export function spread(field: string): GroupTasksStrategy {
  let strategy = made.get(field);
  if (strategy === undefined) {
    const name = `spread(${field})`;
    strategy = Object.freeze(field === 'instanceId' || field === 'host'
      ? { name, dependsOn: 'groupTasks' }
      : { name, dependsOn: 'groupTasks', bucketAttribute: field.slice('attribute:'.length) });
    made.set(field, strategy);
  }
  return strategy;
}

/**
 * The bucket of an instance when spreading by an attribute: the attribute's
 * value; instances without one (absent or `null`) share `undefined`. Both
 * engines bucket with this.
 *
 * @param instance - the instance
 * @param attribute - the attribute's name
 */
export function bucketOf(instance: Pick<InstanceState, 'attributes'>, attribute: string): string | undefined {
  return instance.attributes.get(attribute) ?? undefined;
}
