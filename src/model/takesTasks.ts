/**
 * Whether an instance can take tasks at all.
 *
 * @module
 */
import type { InstanceStatus } from './InstanceSpec';

/**
 * Whether an instance can take tasks at all: ACTIVE, with its agent
 * connected, as ECS requires before it looks at anything else.
 *
 * @param instance - its status and agent
 */
export function takesTasks(instance: { readonly status: InstanceStatus; readonly agentConnected: boolean }): boolean {
  return instance.status === 'ACTIVE' && instance.agentConnected;
}
