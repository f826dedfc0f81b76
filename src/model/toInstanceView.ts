/**
 * From the snapshot the cluster reports to the view the query language reads.
 *
 * @module
 */
import type { InstanceView } from '../query/InstanceView';
import type { InstanceInfo } from './InstanceInfo';
import { PlacementInputError } from './PlacementInputError';
import { expectBoolean, expectNumber, expectString, readEntries } from './validation/fields';
import { keyPath } from './validation/paths';
import { validateDate } from './validation/validateDate';

/**
 * Converts an {@link InstanceInfo}, as `cluster.instances()` and
 * `cluster.listInstances()` return it, into the {@link InstanceView} that
 * {@link evaluateQuery} reads: attributes and task groups become Maps, and
 * the ISO 8601 registration time becomes milliseconds since the epoch.
 *
 * @remarks
 * The view is a copy: later placements change neither it nor the snapshot
 * it came from. A query evaluated on it gives the answer `listInstances`
 * gives for the same instance at the time of the snapshot.
 *
 * @param info - an instance snapshot
 * @returns the view of it that queries read
 * @throws {@link PlacementInputError} `invalid_type` or `invalid_date` when
 *   `info` does not have the shape of an {@link InstanceInfo}
 *
 * @example
 * ```ts
 * const cluster = new Cluster({ instances: [
 *   { id: 'a', resources: { cpu: 2048, memory: 4096 }, attributes: { stack: 'prod' }, registeredAt: '2018-06-18T22:28:28.500Z' },
 *   { id: 'b', resources: { cpu: 2048, memory: 4096 }, attributes: { stack: 'dev' } },
 * ] });
 * const query = parseQuery('attribute:stack == prod and registeredAt == 2018-06-18T22:28:28Z');
 * const matching = cluster.instances().filter((info) => evaluateQuery(query, toInstanceView(info)));
 * matching.map((info) => info.id); // ['a']
 * ```
 *
 * @category Cluster
 */
export function toInstanceView(info: InstanceInfo): InstanceView {
  const fields = new Map(readEntries(info, 'info'));
  const optional = <T>(key: string, read: (value: unknown, path: string) => T): T | undefined => {
    const value = fields.get(key);
    return value === undefined ? undefined : read(value, keyPath('info', key));
  };
  return {
    id: expectString(fields.get('id'), 'info.id'),
    ec2InstanceId: optional('ec2InstanceId', expectString),
    attributes: new Map(readEntries(fields.get('attributes'), 'info.attributes').map(([name, value]) => [name, attributeValue(value, keyPath('info.attributes', name))])),
    agentConnected: expectBoolean(fields.get('agentConnected'), 'info.agentConnected'),
    agentVersion: optional('agentVersion', expectString),
    registeredAt: optional('registeredAt', validateDate),
    runningTasksCount: expectNumber(fields.get('runningTasksCount'), 'info.runningTasksCount'),
    taskGroups: new Map(readEntries(fields.get('taskGroups'), 'info.taskGroups').map(([group, count]) => [group, expectNumber(count, keyPath('info.taskGroups', group))])),
  };
}

function attributeValue(value: unknown, path: string): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') throw new PlacementInputError('invalid_type', path, 'Give an attribute value as a string, or null for an attribute without a value.');
  return value;
}
