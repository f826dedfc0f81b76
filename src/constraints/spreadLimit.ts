/**
 * spreadLimit: a hard bound on how unevenly the group's tasks spread over
 * domains (Kubernetes' topology spread with `DoNotSchedule`).
 *
 * @module
 */
import { fieldAttribute } from '../model/fieldAttribute';
import type { Rejection } from '../model/Rejection';
import { describeSelector, type TaskSelector } from '../model/TaskSelector';
import { censusOf, domainOf, type DomainConstraint } from './DomainConstraint';

/** A spreadLimit as a request gives it, checked. */
export interface SpreadLimitSpec {
  readonly field: string;
  readonly maxSkew: number;
  readonly minDomains: number;
  readonly domains: readonly string[] | undefined;
  readonly taskSelector: TaskSelector | undefined;
}

/**
 * A spreadLimit constraint: a task may go to a domain only if, with it, the
 * domain holds at most `maxSkew` tasks more than the emptiest eligible
 * domain (which counts as empty while eligible domains are fewer than
 * `minDomains`). Instances outside every domain (without the attribute, or
 * with a value not listed) get no task.
 *
 * @param spec - the checked constraint
 * @returns the constraint; its check reads the census the engine takes for each task
 */
export function spreadLimit(spec: SpreadLimitSpec): DomainConstraint {
  const { field, maxSkew, minDomains, domains, taskSelector } = spec;
  const attribute = fieldAttribute(field);
  const outside = Object.freeze({ code: 'outside_domains', constraint: 'spreadLimit', field } as const);
  const listed = domains === undefined ? undefined : new Set(domains);
  const limit: DomainConstraint = Object.freeze({
    name: `spreadLimit(${field}, maxSkew ${maxSkew}${minDomains > 1 ? `, minDomains ${minDomains}` : ''}${domains === undefined ? '' : `, domains ${domains.join(' ')}`}${taskSelector === undefined ? '' : `, ${describeSelector(taskSelector)}`})`,
    dependsOn: 'groupTasks',
    attribute,
    groups: [],
    taskSelector,
    domains,
    minDomains,
    needsMinimum: true,
    mostTasks: (minimum) => minimum + maxSkew - 1,
    check: (instance, context): Rejection | undefined => {
      const domain = domainOf(instance, attribute);
      if (domain === undefined || (listed !== undefined && !listed.has(domain))) return outside;
      const census = censusOf(limit, context.census);
      const tasks = census.tasksIn(domain, instance);
      if (tasks <= limit.mostTasks(census.minimum)) return undefined;
      const rejection = { code: 'spread_limit', field, domain, tasks, minimum: census.minimum, maxSkew } as const;
      return census.emptiest === undefined ? rejection : { ...rejection, emptiest: census.emptiest };
    },
  } satisfies DomainConstraint);
  return limit;
}
