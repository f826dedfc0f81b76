/**
 * How drain and consolidation plans read at the command line: their steps
 * as JSON and as a table, and why a task stays, in words.
 *
 * @module
 */
import type { MoveStep, TaskLeft } from '../cluster/DrainPlan';
import { shortId } from '../ecs/shortId';
import { describeRejection } from '../placement/describeRejection';
import { formatTable } from './formatTable';

/** The steps as JSON: each start without its request (the group's placement, repeated), instances by ARN. */
export function moveStepsJson(steps: readonly MoveStep[]): unknown[] {
  return steps.map((step) => {
    switch (step.action) {
      case 'drain':
        return { action: 'drain', containerInstanceArn: step.instanceId };
      case 'start':
        return { action: 'start', group: step.group, containerInstanceArn: step.instanceId, taskId: step.taskId, replaces: step.replaces };
      case 'stop':
        return { action: 'stop', group: step.group, containerInstanceArn: step.instanceId, taskId: step.taskId };
    }
  });
}

/** The steps as a table, numbered; instances and tasks by their short ids. */
export function formatMoveSteps(steps: readonly MoveStep[], columns: number): string {
  return formatTable(
    [{ heading: 'STEP', align: 'right' }, { heading: 'ACTION' }, { heading: 'GROUP' }, { heading: 'TASK' }, { heading: 'CONTAINER INSTANCE' }],
    steps.map((step, index) => [
      String(index + 1), step.action, step.action === 'drain' ? '' : step.group,
      step.action === 'drain' ? '' : step.action === 'start' ? `${step.taskId} (replaces ${shortId(step.replaces)})` : shortId(step.taskId),
      shortId(step.instanceId),
    ]),
    columns,
  );
}

/** Why a task stays, as a clause: `it is a standalone task, which draining leaves`. */
export function describeTaskLeft(task: TaskLeft): string {
  const { why } = task;
  switch (why.code) {
    case 'standalone':
      return 'it is a standalone task, which draining leaves running';
    case 'undescribed':
      return `no --service or --group describes its group ${task.group}, so it is not moved`;
    case 'no_room':
      return why.instanceId === undefined || why.rejection === undefined
        ? `no container instance can take it (${why.reason})`
        : `no container instance can take it: the closest matching one, ${shortId(why.instanceId)}, ${describeRejection(why.rejection, false)} (${why.reason})`;
    case 'spread_worse':
      return `it would make ${shortId(why.instanceId)} hold ${why.tasks} tasks of ${task.group}, more than the ${why.most} any instance held, against ${why.strategy}`;
    case 'breaks_constraint':
      return `on ${shortId(why.instanceId)} it would break ${why.constraint} of the tasks of ${why.brokenGroup} there`;
    case 'breaks_domain_constraint':
      return `emptying the instance would leave ${why.domain} holding ${why.tasks} tasks counted by ${why.constraint} of ${why.brokenGroup}, more than the ${why.most} it allows`;
  }
}
