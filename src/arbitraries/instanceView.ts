/**
 * Instances as the query language sees them, drawn from the words
 * expressions are made of.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { InstanceView } from '../query/InstanceView';
import { parseQueryDate } from '../query/parseQueryDate';
import { resolveVocabulary, type QueryVocabulary, type ResolvedVocabulary } from './QueryConstraints';
import { where } from './internal/readConstraints';

/** Values an instance may have that no expression of the vocabulary names, so that comparisons also fail. */
const STRANGER = 'unlisted';

function attributesOf(vocabulary: ResolvedVocabulary): fc.Arbitrary<Map<string, string | null>> {
  const names = Object.keys(vocabulary.attributes);
  if (names.length === 0) return fc.constant(new Map());
  const valueOf = (name: string): fc.Arbitrary<string | null> => fc.constantFrom<string | null>(null, ...(vocabulary.attributes[name] ?? []), STRANGER);
  return fc
    .uniqueArray(fc.constantFrom(...names), { maxLength: names.length })
    .chain((present) => fc.tuple(...present.map((name) => valueOf(name).map((value) => [name, value] as const))))
    .map((entries) => new Map(entries));
}

function groupsOf(vocabulary: ResolvedVocabulary): fc.Arbitrary<Map<string, number>> {
  if (vocabulary.groups.length === 0) return fc.constant(new Map());
  return fc
    .dictionary(fc.constantFrom(...vocabulary.groups), fc.integer({ min: 1, max: 3 }), { maxKeys: Math.min(3, vocabulary.groups.length) })
    .map((groups) => new Map(Object.entries(groups)));
}

function optionalOf<T>(values: readonly T[]): fc.Arbitrary<T | undefined> {
  return values.length === 0 ? fc.constant(undefined) : fc.option(fc.constantFrom(...values), { nil: undefined });
}

/**
 * Generates the view of an instance that `evaluateQuery` reads:
 * attributes, agent state and version, EC2 id, registration time and the
 * task groups it runs, drawn from the same vocabulary as {@link query}, so
 * that an expression holds on some views and not on others. Attributes may
 * be absent, valueless or set to a value no expression names. Shrinks
 * towards a bare instance.
 *
 * @param constraints - the vocabulary; give {@link query} the same one
 * @returns an arbitrary of {@link InstanceView}s
 * @throws {@link ConstraintsError} naming `instanceView` when a constraint is unknown or refused by the parser
 *
 * @example
 * ```ts
 * fc.assert(fc.property(queryNode(), instanceView(), (tree, view) =>
 *   evaluateQuery({ kind: 'not', operand: tree, start: 0, end: 0 }, view) === !evaluateQuery(tree, view)));
 * ```
 */
export function instanceView(constraints: QueryVocabulary = {}): fc.Arbitrary<InstanceView> {
  const { vocabulary } = resolveVocabulary(constraints, where('instanceView'));
  const dates = vocabulary.dates.map((text) => parseQueryDate(text)).filter((time): time is number => time !== undefined);
  return fc
    .record({
      attributes: attributesOf(vocabulary),
      agentConnected: fc.boolean(),
      agentVersion: optionalOf(vocabulary.agentVersions),
      ec2InstanceId: optionalOf(vocabulary.ec2InstanceIds),
      // Exactly at a compared date, and an hour either side of it.
      registeredAt: optionalOf(dates.flatMap((time) => [time, time - 3_600_000, time + 3_600_000])),
      taskGroups: groupsOf(vocabulary),
    })
    .map(({ taskGroups, ...rest }): InstanceView => {
      let running = 0;
      for (const count of taskGroups.values()) running += count;
      return { id: 'view', ...rest, taskGroups, runningTasksCount: running };
    });
}
