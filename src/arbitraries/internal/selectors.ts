/**
 * Task revisions and task selectors, drawn on request: the options `task`
 * reads to give tasks a revision, and those `strategyChain` and
 * `constraint` read to give a spread, spreadLimit or atMost a
 * `taskSelector`.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { TaskSelector } from '../../model/TaskSelector';
import { acceptRequest, requestString } from './accepted';
import { fail, integerItem, list, rate, type Fields, type Where } from './readConstraints';
import { CROSS_SHRINK, sometimes } from './sometimes';

/** The keys of the selector options. */
export const SELECTOR_KEYS = ['taskSelectorRate', 'selectorFamilies', 'selectorRevisions'] as const;

/** fast-check weights are whole numbers: a chance is spread over this many. */
const SCALE = 1000;

/** Reads a list of task definition revisions, each a whole number of at least 1 that the library accepts on a task. */
export function revisionList(at: Where, fields: Fields, name: string): readonly number[] {
  const read = integerItem(at, 1, Number.MAX_SAFE_INTEGER);
  return list(at, fields, name, [], (value, label) => {
    const revision = read(value, label);
    acceptRequest(at, label, revision, { task: { resources: {}, revision } });
    return revision;
  });
}

/**
 * Reads `taskSelectorRate`, `selectorFamilies` and `selectorRevisions`:
 * `undefined` when no selector is ever drawn (the default), so the caller
 * keeps the arbitrary it always had; else a selector with chance
 * `taskSelectorRate`, else none. `selecting` says whether anything the
 * options ask for may carry a selector, and `why` why not.
 */
export function readSelectors(at: Where, fields: Fields, selecting: boolean, why: string): fc.Arbitrary<TaskSelector | undefined> | undefined {
  const families = list(at, fields, 'selectorFamilies', [], requestString(at, (family) => ({ task: { resources: {} }, placementStrategy: [{ type: 'spread', field: 'instanceId', taskSelector: { family } }] })));
  const revisions = revisionList(at, fields, 'selectorRevisions');
  const selectorRate = rate(at, fields, 'taskSelectorRate', 0);
  if (!fields.has('taskSelectorRate')) {
    for (const name of ['selectorFamilies', 'selectorRevisions']) if (fields.has(name)) fail(at, name, 'is given, but taskSelectorRate is not: no task selector is drawn');
    return undefined;
  }
  if (families.length + revisions.length === 0) fail(at, 'taskSelectorRate', 'is given, but neither selectorFamilies nor selectorRevisions is: a task selector needs a family or a revision to select');
  if (!selecting) fail(at, 'taskSelectorRate', `is given, but ${why}`);
  if (Math.round(selectorRate * SCALE) === 0) return undefined;
  return sometimes(selectorOf(families, revisions), selectorRate, undefined);
}

/** A selector of one revision, one family, or both; shrinks towards the first revision alone (or the first family, without revisions). */
function selectorOf(families: readonly string[], revisions: readonly number[]): fc.Arbitrary<TaskSelector> {
  const byRevision = revisions.length === 0 ? [] : [fc.constantFrom(...revisions).map((revision): TaskSelector => ({ revision }))];
  const byFamily = families.length === 0 ? [] : [fc.constantFrom(...families).map((family): TaskSelector => ({ family }))];
  const byBoth = families.length === 0 || revisions.length === 0
    ? []
    : [fc.tuple(fc.constantFrom(...families), fc.constantFrom(...revisions)).map(([family, revision]): TaskSelector => ({ family, revision }))];
  const shapes = [...byRevision, ...byFamily, ...byBoth];
  const [only] = shapes;
  if (shapes.length === 1 && only !== undefined) return only;
  return fc.oneof(CROSS_SHRINK, ...shapes);
}
