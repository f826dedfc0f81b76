/**
 * Counting how many more copies of a task fit, instance by instance.
 *
 * Copies on one instance change only that instance (its resources, ports,
 * tasks and groups), and every check reads only the instance it checks, so
 * the instances are independent: the copies that fit in all are the sum of
 * those that fit on each, and placing them in any order, by any strategy,
 * places exactly that many. On one instance, the copies that fit are found
 * by starting them there one by one, as placement would, until the checks
 * refuse one; when the checks read nothing that a copy changes but
 * resources (no constraint beyond attributes, no static port), the count is
 * the least, over the task's resources, of what remains over what a copy
 * reserves, and nothing is started.
 *
 * @module
 */
import { checkInstance } from '../placement/checkInstance';
import type { PlacementPlan } from '../placement/planPlacement';
import type { ClusterState } from '../state/ClusterState';
import type { InstanceRecord } from '../state/InstanceRecord';
import type { CapacityAnswer } from './CapacityAnswer';

const INSTANCE_TYPE = 'ecs.instance-type';

/**
 * Counts the copies of one request's task that fit now; changes nothing.
 *
 * @param state - the cluster
 * @param plan - one copy's plan
 * @param attribute - the attribute to count by besides the instance type
 */
export function countCapacity(state: ClusterState, plan: PlacementPlan, attribute: string): CapacityAnswer {
  const byType = new Map<string | null, number>();
  const byValue = new Map<string | null, number>();
  let total = 0;
  const startsCopies = plan.task.ports.tcp.length + plan.task.ports.udp.length > 0 || plan.constraints.some((constraint) => constraint.dependsOn !== 'attributes');
  for (const record of state.instances()) {
    const copies = startsCopies ? startedCopies(state, record, plan) : arithmeticCopies(record, plan);
    if (copies === 0) continue;
    total += copies;
    const type = record.attributes.get(INSTANCE_TYPE) ?? null;
    const value = record.attributes.get(attribute) ?? null;
    byType.set(type, (byType.get(type) ?? 0) + copies);
    byValue.set(value, (byValue.get(value) ?? 0) + copies);
  }
  return {
    total,
    byInstanceType: sorted(byType).map(([instanceType, copies]) => ({ instanceType, copies })),
    attribute,
    byAttribute: sorted(byValue).map(([value, copies]) => ({ value, copies })),
  };
}

/** What remains over what a copy reserves, the least over the task's resources; 0 when the checks refuse the first copy. */
function arithmeticCopies(record: InstanceRecord, plan: PlacementPlan): number {
  if (checkInstance(record, plan).rejection !== undefined) return 0;
  let copies = Infinity;
  for (const [resource, amount] of Object.entries(plan.task.resources)) copies = Math.min(copies, Math.floor((record.remainingResources[resource] ?? 0) / amount));
  return copies;
}

/** Starts copies on the instance until its checks refuse one, then stops them again. */
function startedCopies(state: ClusterState, record: InstanceRecord, plan: PlacementPlan): number {
  // No more can fit than the resources allow: the loop ends there at the latest.
  const most = arithmeticCopies(record, plan);
  if (most <= 1) return most;
  return state.tentatively(() => {
    let copies = 0;
    while (copies < most && checkInstance(record, plan).rejection === undefined) {
      state.startTask(record, plan.task, plan.group);
      copies += 1;
    }
    return copies;
  }, () => false);
}

/** The counts, the largest first, then by key, null last. */
function sorted(counts: Map<string | null, number>): [string | null, number][] {
  return [...counts].sort(([a, x], [b, y]) => y - x || (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
}
