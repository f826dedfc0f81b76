/**
 * spread: even out the group's tasks over the values of a field.
 *
 * @module
 */
import type { InstanceState } from '../model/InstanceState';
import type { GroupTasksStrategy } from '../model/Strategy';

const made = new Map<string, GroupTasksStrategy>();
/** The field of each strategy {@link spread} made, so that what reads a chain can name what is spread over. */
const fields = new WeakMap<GroupTasksStrategy, string>();

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
 *
 * @category Strategies
 */
export function spread(field: string): GroupTasksStrategy {
  let strategy = made.get(field);
  if (strategy === undefined) {
    const name = `spread(${field})`;
    strategy = Object.freeze(field === 'instanceId' || field === 'host'
      ? { name, dependsOn: 'groupTasks' }
      : { name, dependsOn: 'groupTasks', bucketAttribute: field.slice('attribute:'.length) });
    made.set(field, strategy);
    fields.set(strategy, field);
  }
  return strategy;
}

/**
 * The field a strategy spreads over, when it is one {@link spread} made.
 *
 * @param strategy - any strategy of a chain
 * @returns the field, or undefined for any other strategy
 */
export function spreadFieldOf(strategy: object): string | undefined {
  return fields.get(strategy as GroupTasksStrategy);
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
