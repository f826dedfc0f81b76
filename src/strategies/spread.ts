/**
 * spread: even out the group's tasks over the values of a field.
 *
 * @module
 */
import type { InstanceState } from '../model/InstanceState';
import type { GroupTasksStrategy } from '../model/Strategy';
import { countingKey, describeSelector, type TaskSelector } from '../model/TaskSelector';
import { fieldAttribute } from '../model/fieldAttribute';

const made = new Map<string, GroupTasksStrategy>();
/** The field of each strategy {@link spread} made, so that what reads a chain can name what is spread over. */
const fields = new WeakMap<GroupTasksStrategy, string>();

/**
 * Prefers instances in the bucket that holds the fewest tasks of the group.
 * `instanceId` and `host` make each instance its own bucket;
 * `attribute:NAME` buckets instances by that attribute's value, and the
 * instances without a value for it form one bucket of their own. Tasks count
 * on every instance of a bucket, whether that instance can take the task or
 * not. With a task selector, only the group's tasks it selects count (an
 * extension beside ECS): a rollout spreads its new revision's tasks.
 *
 * @param field - `instanceId`, `host` or `attribute:NAME`
 * @param taskSelector - the tasks of the group to count; all of them when absent
 * @returns the strategy `spread(<field>)`, or `spread(<field>, revision 8)`
 *   with a selector; the same field and selector always give the same frozen value
 *
 * @category Strategies
 */
export function spread(field: string, taskSelector?: TaskSelector): GroupTasksStrategy {
  const key = taskSelector === undefined ? field : countingKey(field, taskSelector);
  let strategy = made.get(key);
  if (strategy === undefined) {
    const name = taskSelector === undefined ? `spread(${field})` : `spread(${field}, ${describeSelector(taskSelector)})`;
    const attribute = fieldAttribute(field);
    const bucket = attribute === undefined ? {} : { bucketAttribute: attribute };
    const selected = taskSelector === undefined ? {} : { taskSelector: Object.freeze({ ...taskSelector }) };
    strategy = Object.freeze({ name, dependsOn: 'groupTasks', ...bucket, ...selected } satisfies GroupTasksStrategy);
    made.set(key, strategy);
    // The testing kit's model knows spread without a selector only; one with a selector is not ECS's spread.
    if (taskSelector === undefined) fields.set(strategy, field);
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
