/**
 * The Query panel's answer: the canonical form of the expression, or its
 * error with a caret; and which instances match, as a count, a breakdown by
 * zone and type, and a table.
 *
 * @module
 */
import { type Cluster, type InstanceInfo, parseQuery, printQuery } from '../../src/index';
import { element, present, table } from './element';
import { instanceCells, TYPE, ZONE } from './instanceCells';
import { renderError } from './renderError';

/** Rows beyond this are counted, not drawn: a table of thousands helps nobody and slows every keystroke. */
const MAX_ROWS = 200;

/** Where the answer goes. */
interface QueryOutputs {
  /** The error, empty when the expression parses. */
  readonly error: HTMLElement;
  /** The one-line count, read out as it changes. */
  readonly count: HTMLElement;
  /** The canonical form, the breakdown and the table. */
  readonly details: HTMLElement;
}

/**
 * Evaluates the expression on the fleet and shows the answer.
 *
 * @param cluster - the fleet
 * @param expression - what was typed
 * @param outputs - where to show it
 */
export function renderQuery(cluster: Cluster, expression: string, outputs: QueryOutputs): void {
  const instances = cluster.instances();
  if (expression.trim() === '') {
    outputs.error.replaceChildren();
    outputs.count.removeAttribute('data-count');
    outputs.count.textContent = `Type an expression to select among the ${instances.length} instances.`;
    outputs.details.replaceChildren();
    return;
  }
  let canonical: string;
  let matching: InstanceInfo[];
  try {
    canonical = printQuery(parseQuery(expression));
    matching = cluster.listInstances(expression);
  } catch (error) {
    outputs.error.replaceChildren(renderError(error));
    outputs.count.removeAttribute('data-count');
    outputs.count.textContent = 'No answer while the expression does not parse.';
    outputs.details.replaceChildren();
    return;
  }
  outputs.error.replaceChildren();
  outputs.count.setAttribute('data-count', String(matching.length));
  outputs.count.textContent = `${matching.length} of ${instances.length} instances match.`;
  const rows = matching.slice(0, MAX_ROWS).map((info) => {
    const free = (resource: string): string => `${info.remainingResources[resource] ?? 0}/${info.registeredResources[resource] ?? 0}`;
    return element('tr', {}, [...instanceCells(info), info.status, info.runningTasksCount, free('cpu'), free('memory')].map((text) => element('td', {}, [text])));
  });
  outputs.details.replaceChildren(...present(
    element('h3', {}, ['Parse tree, printed in canonical form']),
    element('pre', { id: 'query-tree', class: 'tree' }, [canonical]),
    element('div', { class: 'breakdowns' }, [breakdown('By zone', matching, ZONE), breakdown('By instance type', matching, TYPE)]),
    matching.length === 0
      ? element('p', {}, ['No instance matches.'])
      : table('Matching instances', ['Instance', 'Zone', 'Type', 'Status', 'Tasks', 'CPU free', 'Memory free (MiB)'], rows),
    matching.length > MAX_ROWS ? element('p', { class: 'note' }, [`The first ${MAX_ROWS} of ${matching.length} are shown.`]) : null,
  ));
}

function breakdown(caption: string, matching: readonly InstanceInfo[], attribute: string): HTMLElement {
  const counts = new Map<string, number>();
  for (const info of matching) {
    const value = info.attributes[attribute] ?? '—';
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const sorted = [...counts].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  return table(caption, [caption === 'By zone' ? 'Zone' : 'Instance type', 'Matching'], sorted.map(([value, count]) => element('tr', {}, [element('td', {}, [value]), element('td', { class: 'number' }, [count])])));
}
