/**
 * Checks that what {@link evaluateQuery} is given as an instance is an
 * {@link InstanceView}, so that a wrong value is a {@link QueryError} that
 * says what to give instead, not a TypeError or a silently wrong answer. The
 * likeliest wrong value is an `InstanceInfo` from `cluster.instances()`,
 * whose attributes and task groups are plain objects and whose registration
 * time is text; the messages point to `toInstanceView`, which converts one.
 *
 * @module
 */
import { describeValue } from './describeValue';
import type { InstanceView } from './InstanceView';
import { QueryError } from './QueryError';

const CONVERT = 'To evaluate an InstanceInfo, such as one from cluster.instances(), convert it with toInstanceView(info).';

/**
 * Checks the fields of an instance view that queries read, cheaply enough
 * to run on every evaluation: values inside its maps are checked as they are
 * read (see {@link wrongAttributeValue} and {@link wrongTaskGroup}).
 *
 * @param instance - the value given as an instance
 * @throws {@link QueryError} `not_an_instance_view` when a field has the wrong type
 */
export function checkInstanceView(instance: unknown): asserts instance is InstanceView {
  if (typeof instance !== 'object' || instance === null) {
    fail(`evaluateQuery reads an InstanceView (attributes, agent, tasks of one instance), not ${describeValue(instance)}.`);
  }
  const { attributes, taskGroups, agentConnected, runningTasksCount, registeredAt, agentVersion, ec2InstanceId } = instance as Readonly<Record<string, unknown>>;
  // Only the methods the evaluator calls, so that any ReadonlyMap will do; written out, since this runs on every evaluation.
  const attributeMap = attributes as Partial<ReadonlyMap<string, unknown>> | null | undefined;
  if (typeof attributeMap?.get !== 'function' || typeof attributeMap.has !== 'function') fail(notAMap('attributes', attributes, 'attribute name to value (or null)'));
  const groupMap = taskGroups as Partial<ReadonlyMap<string, unknown>> | null | undefined;
  if (typeof groupMap?.values !== 'function' || typeof groupMap[Symbol.iterator] !== 'function') fail(notAMap('taskGroups', taskGroups, 'task group to the number of its tasks'));
  if (typeof agentConnected !== 'boolean') fail(`instance.agentConnected is ${describeValue(agentConnected)}; it is true or false.`);
  if (typeof runningTasksCount !== 'number' || !Number.isSafeInteger(runningTasksCount) || runningTasksCount < 0) {
    fail(`instance.runningTasksCount is ${shown(runningTasksCount)}; it is a number of tasks, a whole number from 0.`);
  }
  if (registeredAt !== undefined && (typeof registeredAt !== 'number' || !Number.isFinite(registeredAt))) {
    const hint = typeof registeredAt === 'string' ? ` ${CONVERT}` : '';
    fail(`instance.registeredAt is ${shown(registeredAt)}, but an InstanceView holds the registration time in milliseconds since the epoch.${hint}`);
  }
  if (agentVersion !== undefined && typeof agentVersion !== 'string') fail(`instance.agentVersion is ${describeValue(agentVersion)}; it is text such as '1.14.5'.`);
  if (ec2InstanceId !== undefined && typeof ec2InstanceId !== 'string') fail(`instance.ec2InstanceId is ${describeValue(ec2InstanceId)}; it is text such as 'i-0abc'.`);
}

/**
 * The error for an attribute whose value, read from an instance view's map,
 * is neither text nor `null`.
 *
 * @param name - the attribute
 * @param value - its value
 * @returns the error to throw
 */
export function wrongAttributeValue(name: string, value: unknown): QueryError {
  return error(`instance.attributes.get('${name}') is ${describeValue(value)}; attribute values are text, or null for an attribute without a value.`);
}

/**
 * The error for an entry of an instance view's task groups that is not a
 * group name and a count.
 *
 * @param group - the key
 * @param count - the value
 * @returns the error to throw
 */
export function wrongTaskGroup(group: unknown, count: unknown): QueryError {
  return error(`instance.taskGroups has ${describeValue(group)} to ${describeValue(count)}; it maps each task group's name to the number of its tasks.`);
}

function notAMap(field: string, value: unknown, what: string): string {
  const plain = typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value));
  return plain
    ? `instance.${field} is a plain object, but an InstanceView holds its ${field} in a Map. ${CONVERT}`
    : `instance.${field} is ${describeValue(value)}, but an InstanceView holds a Map of ${what}.`;
}

/** Numbers are shown, since NaN or -1 is the fault; anything else by its type. */
function shown(value: unknown): string {
  return typeof value === 'number' ? String(value) : describeValue(value);
}

function error(summary: string): QueryError {
  return new QueryError('not_an_instance_view', summary, '', 0);
}

function fail(summary: string): never {
  throw error(summary);
}
