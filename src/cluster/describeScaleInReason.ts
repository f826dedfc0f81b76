/**
 * The words of a scale-in reason.
 *
 * @module
 */
import { resourceUnit } from '../model/resourceUnit';
import type { ScaleInReason } from './ScaleInChoice';

/**
 * Says a {@link ScaleInReason} in one line, for people; programs read its `code`.
 *
 * @example
 * ```ts
 * describeScaleInReason({ code: 'most_in_bucket', strategy: 'spread(attribute:ecs.availability-zone)',
 *   attribute: 'ecs.availability-zone', bucket: 'us-east-1a', tasks: 4, groupTasks: 9 });
 * // "spread(attribute:ecs.availability-zone): zone us-east-1a held 4 of the group's 9 tasks, the most"
 * ```
 *
 * @param reason - the reason
 * @returns the sentence
 *
 * @category Results
 */
export function describeScaleInReason(reason: ScaleInReason): string {
  switch (reason.code) {
    case 'most_in_bucket':
      return `${reason.strategy}: ${bucketName(reason.attribute, reason.bucket)} held ${reason.tasks} of the group's ${reason.groupTasks} tasks, the most`;
    case 'most_on_instance':
      return `${reason.strategy}: instance ${reason.instanceId} held ${reason.tasks} of the group's ${reason.groupTasks} tasks, the most`;
    case 'most_remaining':
      return `${reason.strategy}: its instance would have ${reason.remaining} ${resourceUnit(reason.field)} left once it stops, the most`;
    case 'least_preferred':
      return `${reason.strategy}: its instance would meet preferences weighing ${reason.weight} once it stops, the least`;
    case 'highest_key':
      return `${reason.strategy}: its instance would give the key ${reason.key} once it stops, the highest`;
    case 'drawn':
      return `${reason.strategy}: drawn from ${reason.candidates} tasks`;
    case 'newest':
      return `the newest of the ${reason.candidates} tasks the chain left tied`;
    case 'last_candidate':
      return 'the only task of the group left to stop';
  }
}

function bucketName(attribute: string, bucket: string | null): string {
  if (bucket === null) return `the instances without ${attribute}`;
  return attribute === 'ecs.availability-zone' ? `zone ${bucket}` : `${attribute} ${bucket}`;
}
