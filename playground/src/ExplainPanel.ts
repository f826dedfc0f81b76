/**
 * The explanation of one task's decision, instance by instance: which was
 * chosen, which were candidates and which strategy ranked them out, which
 * were rejected and why, and each strategy's key.
 *
 * @module
 */
import type { Explanation, InstanceExplanation, InstanceInfo, PlacementRequest, Rejection } from '../../src/index';
import { element, present, table } from './element';
import { instanceCells } from './instanceCells';
import type { Fleet } from './loadFleet';

/** Rows beyond this are left out of the table (the one selected always shows). */
const MAX_ROWS = 200;

const OUTCOME_ORDER: Record<InstanceExplanation['outcome'], number> = { chosen: 0, candidate: 1, rejected: 2 };

/** Where the panel draws. */
interface ExplainOutputs {
  /** The decision's summary: strategies, constraints, where the task goes. */
  readonly summary: HTMLElement;
  /** The table of instances. */
  readonly instances: HTMLElement;
  /** The selected instance's account. */
  readonly detail: HTMLElement;
}

/** The explanation panel; it keeps the last decision so that selecting a row does not recompute it. */
export class ExplainPanel {
  private explanation: Explanation | undefined;
  private infos = new Map<string, InstanceInfo>();
  private taskNumber = 1;

  /** @param outputs - where to draw */
  constructor(private readonly outputs: ExplainOutputs) {}

  /**
   * Explains the decision for one task of the request: the tasks before it
   * are placed on a fresh cluster first, so the state is the one that task
   * met, and `explain` then says what the library decides for it.
   *
   * @param fleet - the fleet
   * @param request - the request
   * @param taskNumber - which task, from 1
   * @param selected - the instance to show in detail; by default the chosen one
   */
  show(fleet: Fleet, request: PlacementRequest, taskNumber: number, selected?: string): void {
    const cluster = fleet.cluster();
    if (taskNumber > 1) cluster.place({ ...request, count: taskNumber - 1 });
    const explanation = cluster.explain({ ...request, count: 1 });
    this.explanation = explanation;
    this.taskNumber = taskNumber;
    this.infos = new Map(cluster.instances().map((info) => [info.id, info]));
    const chosen = explanation.chosenInstanceId;
    this.outputs.summary.replaceChildren(
      element('p', {}, [
        `Task ${taskNumber} of group `, element('code', {}, [explanation.group]), ': ',
        chosen === undefined ? 'no instance can take it. ' : `goes to ${instanceCells(this.info(chosen))[0]}. `,
        explanation.diagnosis.summary,
      ]),
      element('p', {}, [
        'Strategies: ', element('code', {}, [explanation.strategies.join(', ') || 'none']),
        '. Constraints: ', element('code', {}, [explanation.constraints.join(', ') || 'none']), '.',
      ]),
    );
    const sorted = [...explanation.instances].sort((a, b) => OUTCOME_ORDER[a.outcome] - OUTCOME_ORDER[b.outcome] || compareKeys(a.keys, b.keys));
    const shown = sorted.slice(0, MAX_ROWS);
    const target = selected ?? chosen ?? sorted[0]?.instanceId;
    const extra = sorted.slice(MAX_ROWS).find((entry) => entry.instanceId === target);
    if (extra !== undefined) shown.push(extra);
    const rows = shown.map((entry) => {
      const [id, zone, type] = instanceCells(this.info(entry.instanceId));
      const button = element('button', { type: 'button', class: 'link', 'aria-label': `Explain ${id} for task ${taskNumber}` }, [id]);
      button.addEventListener('click', () => this.select(entry.instanceId, false));
      return element('tr', { 'data-instance': entry.instanceId, 'data-outcome': entry.outcome }, [
        element('td', {}, [button]), element('td', {}, [zone]), element('td', {}, [type]),
        element('td', { class: `outcome ${entry.outcome}` }, [entry.outcome]),
        element('td', {}, [entry.keys.join(', ')]),
        element('td', {}, [entry.reason ?? entry.outrankedBy ?? '']),
      ]);
    });
    this.outputs.instances.replaceChildren(...present(
      table(`Every instance for task ${taskNumber}`, ['Instance', 'Zone', 'Type', 'Outcome', 'Keys', 'Why not'], rows),
      sorted.length > shown.length ? element('p', { class: 'note' }, [`${shown.length} of ${sorted.length} instances are shown: the chosen one, the candidates, then the rejected.`]) : null,
    ));
    if (target === undefined) this.outputs.detail.replaceChildren(element('p', {}, ['The cluster has no instances.']));
    else this.select(target, false);
  }

  /**
   * Shows one instance's account of the decision.
   *
   * @param instanceId - the instance
   * @param focus - whether to move the keyboard focus to the account (when
   *   the request came from elsewhere on the page)
   */
  select(instanceId: string, focus: boolean): void {
    const entry = this.explanation?.instances.find((candidate) => candidate.instanceId === instanceId);
    if (this.explanation === undefined || entry === undefined) return;
    for (const row of this.outputs.instances.querySelectorAll('tr[data-instance]')) {
      const current = row.getAttribute('data-instance') === instanceId;
      row.classList.toggle('selected', current);
      row.querySelector('button')?.setAttribute('aria-pressed', String(current));
    }
    const info = this.info(instanceId);
    const [id, zone, type] = instanceCells(info);
    const heading = element('h4', { tabindex: '-1', id: 'explain-heading' }, [`${id} for task ${this.taskNumber}: ${entry.outcome}`]);
    const strategies = this.explanation.strategies;
    const keyRows = strategies.map((strategy, index) =>
      element('tr', {}, [element('td', {}, [strategy]), element('td', { class: 'number' }, [entry.keys[index] === undefined ? 'not reached' : String(entry.keys[index])])]));
    this.outputs.detail.replaceChildren(...present(
      heading,
      element('p', {}, [`${info.id} · ${zone} · ${type} · ${info.status}${info.agentConnected ? '' : ', agent disconnected'} · ${info.runningTasksCount} running tasks`]),
      element('p', { 'data-why': entry.outcome }, [why(entry, this.explanation)]),
      entry.rejection === undefined ? null : element('p', {}, ['Rejection: ', element('code', {}, [describe(entry.rejection)])]),
      strategies.length === 0 ? null : table("Each strategy's key (lower is better)", ['Strategy', 'Key'], keyRows),
    ));
    if (focus) heading.focus();
  }

  private info(instanceId: string): InstanceInfo {
    const info = this.infos.get(instanceId);
    if (info === undefined) throw new Error(`No instance ${instanceId} in the explained cluster.`);
    return info;
  }
}

function why(entry: InstanceExplanation, explanation: Explanation): string {
  if (entry.outcome === 'chosen') {
    return explanation.strategies.length === 0
      ? 'Chosen: it passed every check, and no strategy was applied.'
      : `Chosen: it passed all ${entry.passed} checks and had the lowest key of every strategy that still had a choice to make.`;
  }
  if (entry.outcome === 'candidate') return `A candidate: it passed all ${entry.passed} checks, but ${entry.outrankedBy ?? 'the strategies'} preferred another instance.`;
  return `Rejected after passing ${entry.passed} check${entry.passed === 1 ? '' : 's'}: ${entry.reason ?? 'a check failed'}.`;
}

// The rejection as data, in one line: the code and what it carries.
function describe(rejection: Rejection): string {
  const { code, ...rest } = rejection as Rejection & Record<string, unknown>;
  const fields = Object.entries(rest).map(([name, value]) => `${name} ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return [code, ...fields].join(', ');
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let at = 0; at < Math.min(a.length, b.length); at += 1) {
    const difference = (a[at] ?? 0) - (b[at] ?? 0);
    if (difference !== 0) return difference;
  }
  return b.length - a.length;
}
