/**
 * The Place panel's answer: where each task goes, and for those that do
 * not, ECS's reason, the sentence ECS's event would end with, and the
 * diagnosis of every instance.
 *
 * @module
 */
import type { PlacementFailure, PlacementRequest, PlacementResult } from '../../src/index';
import { element, present, table } from './element';
import { instanceCells } from './instanceCells';
import type { Fleet } from './loadFleet';

/** What the page does when a row asks for an explanation. */
type ExplainRequest = (taskNumber: number, instanceId: string | undefined) => void;

/** Where the answer goes. */
interface PlaceOutputs {
  /** The one-line summary, read out as it changes. */
  readonly summary: HTMLElement;
  /** The placements and failures. */
  readonly details: HTMLElement;
}

/**
 * Places the request on a fresh cluster of the fleet and shows the result.
 *
 * @param fleet - the fleet
 * @param request - the request
 * @param outputs - where to show it
 * @param explain - called when a row's button asks why
 * @returns the result, for the page to explain its first failure
 */
export function renderPlacement(fleet: Fleet, request: PlacementRequest, outputs: PlaceOutputs, explain: ExplainRequest): PlacementResult {
  const cluster = fleet.cluster();
  const result = cluster.place(request);
  const infos = new Map(cluster.instances().map((info) => [info.id, info]));
  const count = request.count ?? 1;
  outputs.summary.setAttribute('data-placed', String(result.placements.length));
  outputs.summary.setAttribute('data-failed', String(result.failures.length));
  outputs.summary.textContent = `Placed ${result.placements.length} of ${count} task${count === 1 ? '' : 's'}${result.failures.length === 0 ? '.' : `; ${result.failures.length} not placed.`}`;
  const rows = result.placements.map((placement, index) => {
    const info = infos.get(placement.instanceId);
    const [id, zone, type] = info === undefined ? [placement.instanceId, '', ''] : instanceCells(info);
    const button = element('button', { type: 'button', class: 'link', 'aria-label': `Why ${placement.taskId} went to ${id}` }, [id]);
    button.addEventListener('click', () => explain(index + 1, placement.instanceId));
    return element('tr', { 'data-task': placement.taskId, 'data-instance': placement.instanceId }, [
      element('td', {}, [placement.taskId]), element('td', {}, [button]), element('td', {}, [zone]), element('td', {}, [type]),
    ]);
  });
  outputs.details.replaceChildren(...present(
    result.placements.length === 0 ? element('p', {}, ['No task was placed.']) : table('Placements', ['Task', 'Instance', 'Zone', 'Type'], rows),
    failures(result, explain),
  ));
  return result;
}

function failures(result: PlacementResult, explain: ExplainRequest): HTMLElement | null {
  if (result.failures.length === 0) return null;
  // Tasks that fail for the same cause share one failure object; a run of them is one entry.
  const runs: { failure: PlacementFailure; first: number; count: number }[] = [];
  result.failures.forEach((failure, index) => {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.failure === failure) last.count += 1;
    else runs.push({ failure, first: result.placements.length + index + 1, count: 1 });
  });
  return element('div', { id: 'failures' }, [
    element('h3', {}, ['Not placed']),
    element('ul', { class: 'failures' }, runs.map(({ failure, first, count }) => {
      const button = failure.instanceId === undefined ? null : element('button', { type: 'button' }, [`Explain task ${first}`]);
      button?.addEventListener('click', () => explain(first, failure.instanceId));
      return element('li', { 'data-reason': failure.reason, 'data-count': String(count) }, [
        element('p', {}, [`${count} task${count === 1 ? '' : 's'} from task ${first}: `, element('code', { class: 'reason' }, [failure.reason])]),
        element('p', {}, [failure.detail]),
        element('p', { class: 'diagnosis' }, ['Why: ', failure.diagnosis.summary]),
        button,
      ]);
    })),
  ]);
}
