/**
 * The census of a request's domain constraints, taken before a task's
 * checks: the tasks they count, domain by domain, and the emptiest eligible
 * domain.
 *
 * @module
 */
import type { Constraint, DomainCensus } from '../constraints/Constraint';
import { countedTasks, domainOf, isDomainConstraint, type DomainConstraint } from '../constraints/DomainConstraint';
import type { InstanceState } from '../model/InstanceState';
import { takesTasks } from '../model/takesTasks';
import { hasAttribute, type CheckPlan } from './checkInstance';

/**
 * A plan ready to check instances for its next task: the plan itself when it
 * has no domain constraint, else the plan with the census of each, taken
 * from every registered instance as they stand.
 *
 * @param plan - the request's checks
 * @param instances - every registered instance, in registration order
 * @returns the plan to pass to `checkInstance` for this task
 */
export function withCensus<P extends CheckPlan>(plan: P, instances: readonly InstanceState[]): P {
  let census: Map<Constraint, DomainCensus> | undefined;
  for (const constraint of plan.constraints) {
    if (!isDomainConstraint(constraint)) continue;
    census ??= new Map();
    census.set(constraint, takeCensus(constraint, plan, instances));
  }
  return census === undefined ? plan : { ...plan, census };
}

/**
 * Whether an instance's domain is eligible: it could take a task if it had
 * room. ACTIVE with its agent connected, with the task's required
 * attributes, meeting the memberOf expressions that read only attributes
 * (Kubernetes counts the domains of the nodes that match a pod's node
 * affinity, whatever their free resources).
 *
 * @param instance - the instance
 * @param plan - the request's checks
 */
function inEligibleDomain(instance: InstanceState, plan: CheckPlan): boolean {
  if (!takesTasks(instance)) return false;
  for (const required of plan.task.requiresAttributes) if (!hasAttribute(instance, required)) return false;
  for (const constraint of plan.constraints) {
    if (constraint.dependsOn === 'attributes' && constraint.check(instance, plan) !== undefined) return false;
  }
  return true;
}

function takeCensus(constraint: DomainConstraint, plan: CheckPlan, instances: readonly InstanceState[]): DomainCensus {
  const { attribute, groups, domains, minDomains, taskSelector } = constraint;
  const counts = new Map<string, number>();
  for (const instance of instances) {
    const domain = domainOf(instance, attribute);
    const tasks = countedTasks(instance, plan.group, groups, taskSelector);
    if (domain !== undefined && tasks > 0) counts.set(domain, (counts.get(domain) ?? 0) + tasks);
  }
  const tasksIn = (domain: string): number => counts.get(domain) ?? 0;
  if (!constraint.needsMinimum) return { tasksIn, minimum: 0, emptiest: undefined };
  // Listed domains are the eligible ones, with or without instances; else those of the instances that could take the task.
  const eligible: string[] = domains === undefined ? [] : [...domains];
  if (domains === undefined) {
    const seen = new Set<string>();
    for (const instance of instances) {
      const domain = domainOf(instance, attribute);
      if (domain === undefined || seen.has(domain) || !inEligibleDomain(instance, plan)) continue;
      seen.add(domain);
      eligible.push(domain);
    }
  }
  if (eligible.length < minDomains) return { tasksIn, minimum: 0, emptiest: undefined };
  // Instances come in registration order, so among instances the first emptiest is the earliest registered; among values, the least.
  let emptiest = eligible[0] as string;
  for (const domain of eligible) {
    const tasks = tasksIn(domain);
    const least = tasksIn(emptiest);
    if (tasks < least || (tasks === least && attribute !== undefined && domain < emptiest)) emptiest = domain;
  }
  return { tasksIn, minimum: tasksIn(emptiest), emptiest };
}
