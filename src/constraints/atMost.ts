/**
 * atMost: at most N tasks of the group (and of the groups counted with it)
 * per instance or per value of an attribute.
 *
 * @module
 */
import { fieldAttribute } from '../model/fieldAttribute';
import type { Rejection } from '../model/Rejection';
import { describeSelector, type TaskSelector } from '../model/TaskSelector';
import type { Constraint } from './Constraint';
import { censusOf, countedTasks, type DomainConstraint } from './DomainConstraint';

/** An atMost as a request gives it, checked. */
export interface AtMostSpec {
  readonly count: number;
  readonly field: string;
  readonly groups: readonly string[];
  readonly taskSelector: TaskSelector | undefined;
}

/**
 * An atMost constraint. Over instances it reads only the instance's own
 * tasks (`instance`); over an attribute it reads the tasks of every
 * instance with the same value, from the census the engine takes for each
 * task (`groupTasks`), and an instance without the attribute gets no task.
 *
 * @param spec - the checked constraint
 * @returns the constraint
 */
export function atMost(spec: AtMostSpec): Constraint {
  const { count, field, groups, taskSelector } = spec;
  const name = `atMost(${count}, ${field}${groups.length > 0 ? `, groups ${groups.join(' ')}` : ''}${taskSelector === undefined ? '' : `, ${describeSelector(taskSelector)}`})`;
  if (field === 'instanceId') {
    return Object.freeze({
      name,
      dependsOn: 'instance',
      check: (instance, { group }): Rejection | undefined => {
        const tasks = countedTasks(instance, group, groups, taskSelector);
        return tasks < count ? undefined : { code: 'at_most', field, domain: instance.id, tasks, count };
      },
    } satisfies Constraint);
  }
  const attribute = fieldAttribute(field) as string;
  const outside = Object.freeze({ code: 'outside_domains', constraint: 'atMost', field } as const);
  const limit: DomainConstraint = Object.freeze({
    name,
    dependsOn: 'groupTasks',
    attribute,
    groups,
    taskSelector,
    domains: undefined,
    minDomains: 1,
    needsMinimum: false,
    mostTasks: () => count - 1,
    check: (instance, context): Rejection | undefined => {
      const domain = instance.attributes.get(attribute) ?? undefined;
      if (domain === undefined) return outside;
      const tasks = censusOf(limit, context.census).tasksIn(domain, instance);
      return tasks <= limit.mostTasks(0) ? undefined : { code: 'at_most', field, domain, tasks, count };
    },
  } satisfies DomainConstraint);
  return limit;
}
