/**
 * The words of a blocked deployment.
 *
 * @module
 */
import { failureDetail } from '../placement/describeRejection';
import type { DeploymentBlock } from './DeploymentPlan';

/**
 * Says why a deployment is blocked, as ECS's service event says it, with the
 * numbers ECS leaves out; programs read the block's `code`.
 *
 * @example
 * ```ts
 * describeDeploymentBlock({ code: 'limits', running: 4, upperLimit: 4, healthy: 4, lowerLimit: 4 }, 'web');
 * // 'service web was unable to stop or start tasks during a deployment because of the service deployment configuration
 * //  (4 tasks running, and the upper limit is 4; 4 healthy, and the lower limit is 4). Update the minimumHealthyPercent or maximumPercent value and try again.'
 * ```
 *
 * @param block - the plan's `blocked`
 * @param service - the service deployed
 * @returns the sentences
 *
 * @category Results
 */
export function describeDeploymentBlock(block: DeploymentBlock, service: string): string {
  switch (block.code) {
    case 'no_room': {
      const lacking = `${block.missing} new ${block.missing === 1 ? 'task is' : 'tasks are'} still missing.`;
      if (block.instanceId === undefined || block.rejection === undefined) {
        return `service ${service} was unable to place a task: ${block.reason} ${lacking}`;
      }
      return `service ${service} was unable to place a task because no container instance met all of its requirements. ${failureDetail(block.rejection, block.instanceId)} ${lacking}`;
    }
    case 'limits':
      return `service ${service} was unable to stop or start tasks during a deployment because of the service deployment configuration`
        + ` (${block.running} ${block.running === 1 ? 'task' : 'tasks'} running, and the upper limit is ${block.upperLimit};`
        + ` ${block.healthy} healthy, and the lower limit is ${block.lowerLimit}). Update the minimumHealthyPercent or maximumPercent value and try again.`;
    case 'protected_tasks': {
      const [first] = block.tasks;
      const which = block.tasks.length === 1 ? `task ${first ?? ''}, which has` : `tasks ${block.tasks.join(', ')}, which have`;
      return `service ${service} cannot stop its old ${which} scale-in protection; the deployment waits until the protection is removed or expires.`;
    }
  }
}
