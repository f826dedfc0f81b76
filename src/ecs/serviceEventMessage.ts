/**
 * The service event ECS writes when it cannot place a service's task.
 *
 * @module
 */
import { NO_INSTANCES } from '../placement/failureFrom';
import type { PlacementFailure } from '../placement/PlacementResult';
import { shortId } from './shortId';

const HEAD = 'was unable to place a task because no container instance met all of its requirements.';
const TAIL = 'For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.';
const RESOURCE_WORDS: Readonly<Record<string, string>> = { CPU: 'CPU units', MEMORY: 'memory', GPU: 'GPU' };

/**
 * The message of the service event ECS records when a service's task cannot
 * be placed, as `aws ecs describe-services` shows it in `events[].message`.
 *
 * @remarks
 * The closest matching container instance is named by its short id (the
 * part of its ARN after the last `/`), as ECS does. By reason:
 *
 * - `RESOURCE:CPU`: `… has insufficient CPU units available.`
 * - `RESOURCE:MEMORY`: `… has insufficient memory available.`
 * - `RESOURCE:GPU` and other resources: `… has insufficient GPU available.`
 *   (ECS documents no wording for these; this follows the other two)
 * - `RESOURCE:PORTS`, `RESOURCE:PORTS_UDP`: `… is already using a port required by your task.`
 * - `ATTRIBUTE`: `… is missing an attribute required by your task.`
 * - `AGENT` and the constraint reasons: `… encountered error "REASON".`
 * - no instances at all: `Reason: No Container Instances were found in your cluster.`
 * - a capacity provider without instances, or without ACTIVE ones:
 *   `Reason: EMPTY CAPACITY PROVIDER.`, `Reason: NO ACTIVE INSTANCES.` (ECS
 *   documents these reasons for the task; the event's wording is this
 *   library's)
 *
 * @param serviceName - the service
 * @param failure - a failure of {@link task-placement!Cluster.place} (its `reason` and `instanceId`)
 * @returns the message
 *
 * @example
 * ```ts
 * serviceEventMessage('web', { reason: 'RESOURCE:MEMORY', instanceId: 'arn:aws:ecs:us-east-1:123456789012:container-instance/prod/8f9e' });
 * // 'service web was unable to place a task because no container instance met all of its requirements.
 * //  The closest matching container-instance 8f9e has insufficient memory available.
 * //  For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.'
 * ```
 */
export function serviceEventMessage(serviceName: string, failure: Pick<PlacementFailure, 'reason' | 'instanceId'>): string {
  const { reason, instanceId } = failure;
  if (instanceId === undefined) {
    const why = reason === NO_INSTANCES || reason.endsWith('.') ? reason : `${reason}.`;
    return `service ${serviceName} ${HEAD} Reason: ${why} ${TAIL}`;
  }
  return `service ${serviceName} ${HEAD} The closest matching container-instance ${shortId(instanceId)} ${closestMatch(reason)} ${TAIL}`;
}

function closestMatch(reason: string): string {
  if (reason === 'RESOURCE:PORTS' || reason === 'RESOURCE:PORTS_UDP') return 'is already using a port required by your task.';
  if (reason.startsWith('RESOURCE:')) {
    const resource = reason.slice('RESOURCE:'.length);
    return `has insufficient ${RESOURCE_WORDS[resource] ?? resource} available.`;
  }
  if (reason === 'ATTRIBUTE') return 'is missing an attribute required by your task.';
  return `encountered error "${reason}".`;
}
