/**
 * The `place` command's table: where the tasks went, what was not placed and
 * why, in ECS's words.
 *
 * @module
 */
import type { InstanceInfo } from '../model/InstanceInfo';
import { shortId } from '../ecs/shortId';
import type { PlacementResult } from '../placement/PlacementResult';
import { formatTable } from './formatTable';
import type { PlaceResponse } from './PlaceResponse';
import { visible } from './visible';
import { wrapText } from './wrapText';

/** What the table shows. */
export interface PlacementView {
  /** The response printed as JSON otherwise. */
  readonly response: PlaceResponse;
  /** The result behind it, for the diagnoses. */
  readonly result: PlacementResult;
  /** The tasks' group, such as `service:web`. */
  readonly group: string;
  /** The task definition, as the response names it. */
  readonly taskDefinition: string;
  /** The cluster's instances, for the zone and instance type of each placement. */
  readonly instances: readonly InstanceInfo[];
}

/**
 * Renders a placement for people, with lines of at most `width` characters
 * (longer text wraps) and every invisible character escaped.
 *
 * @param view - the response, the result and the cluster
 * @param width - the terminal's width
 * @returns the text, without a trailing newline
 */
export function formatPlacement(view: PlacementView, width: number): string {
  const { response, result, group, taskDefinition } = view;
  const total = response.tasks.length + response.failures.length;
  const wrap = (text: string, first = '', rest = first): string => wrapText(visible(text), width, first, rest).join('\n');
  const sections = [wrap(`Placed ${response.tasks.length} of ${total} ${total === 1 ? 'task' : 'tasks'} of group ${group} (task definition ${taskDefinition}).`)];
  if (response.tasks.length > 0) sections.push(placedTable(view, width));
  if (response.failures.length > 0) {
    sections.push(failureTable(response, width));
    const summaries = new Set(result.failures.map((failure) => failure.diagnosis.summary));
    sections.push([...summaries].map((summary) => wrap(summary, 'Why: ', '     ')).join('\n'));
  }
  if (response.events !== undefined && response.events.length > 0) {
    sections.push(['Service event:', ...response.events.map((event) => wrap(event.message, '  '))].join('\n'));
  }
  return sections.join('\n\n');
}

function placedTable({ response, instances }: PlacementView, width: number): string {
  const byId = new Map(instances.map((instance) => [instance.id, instance]));
  // The provider column only when a task has one: most fleets have no capacity providers, and a column of blanks costs width.
  const providers = response.tasks.some((task) => task.capacityProviderName !== undefined);
  const rows = response.tasks.map((task) => {
    const instance = byId.get(task.containerInstanceArn);
    const row = [
      shortId(task.taskArn),
      shortId(task.containerInstanceArn),
      instance?.ec2InstanceId ?? '',
      task.availabilityZone ?? '',
      instance?.attributes['ecs.instance-type'] ?? '',
    ];
    return providers ? [...row, task.capacityProviderName ?? ''] : row;
  });
  const headings = [{ heading: 'TASK' }, { heading: 'CONTAINER INSTANCE' }, { heading: 'EC2 INSTANCE' }, { heading: 'ZONE' }, { heading: 'INSTANCE TYPE' }];
  return formatTable(providers ? [...headings, { heading: 'CAPACITY PROVIDER' }] : headings, rows, width);
}

/** Failures alike are one row, with how many tasks they stand for. */
function failureTable(response: PlaceResponse, width: number): string {
  const rows = new Map<string, [number, string, string]>();
  for (const failure of response.failures) {
    const key = `${failure.reason}\n${failure.detail}`;
    const row = rows.get(key);
    if (row === undefined) rows.set(key, [1, failure.reason, failure.detail]);
    else row[0] += 1;
  }
  return formatTable(
    [{ heading: 'NOT PLACED', align: 'right' }, { heading: 'REASON' }, { heading: 'DETAIL' }],
    [...rows.values()].map(([count, reason, detail]) => [String(count), reason, detail]),
    width,
  );
}
