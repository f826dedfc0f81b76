/**
 * Fields of a request that ECS does not have: a misspelt setting, or a
 * document of another kind given as a request.
 *
 * @module
 */
import { PlacementInputError } from '../model/PlacementInputError';
import { keyPath } from '../model/validation/paths';
import { otherReaderHint } from './documentKind';
import type { JsonRecord } from './json';

/**
 * Refuses the fields of `record` that are not in `known`.
 *
 * @remarks
 * A request carries many fields placement ignores (tags, load balancers,
 * network configuration...), and those are ignored; but a field ECS does
 * not have is most often a misspelt one, `placementStrategies` for
 * `placementStrategy`, whose setting would be silently lost. When none of
 * the fields is known the document is of another kind altogether, and the
 * message says which when it can tell.
 *
 * @param record - the object read
 * @param path - its path
 * @param known - the fields of its ECS shape
 * @param shape - what it should be, for the message, such as `a RunTask request`
 * @throws {@link task-placement!PlacementInputError} `unknown_field` at the first
 *   unknown field, naming them all (at the object's path when none is known)
 */
export function refuseUnknownFields(record: JsonRecord, path: string, known: readonly string[], shape: string): void {
  // A field set to undefined is absent, as the AWS SDK's objects may have them.
  const fields = Object.keys(record).filter((field) => record[field] !== undefined);
  const unknown = fields.filter((field) => !known.includes(field));
  const [first] = unknown;
  if (first === undefined) return;
  if (unknown.length === fields.length) {
    throw new PlacementInputError('unknown_field', path, `expected ${shape}, but ECS has none of these fields: ${unknown.map((field) => withSuggestion(field, known)).join(', ')}.${otherReaderHint(record)}`);
  }
  const others = unknown.slice(1).map((field) => withSuggestion(field, known));
  const nor = others.length === 0 ? '' : `, nor ${others.join(', ')}`;
  const them = others.length === 0 ? 'it: a setting' : 'them: settings';
  throw new PlacementInputError('unknown_field', keyPath(path, first), `not a field of ${shape}${suggestion(first, known)}${nor}; correct or remove ${them} the reader does not know would otherwise be ignored`);
}

/**
 * Refuses `record` only when none of its fields is in `known`.
 *
 * @remarks
 * For ECS's own output, such as a service DescribeServices describes: ECS
 * adds fields to what it returns over time, so a field the reader does not
 * know there is a newer one, not a mistake; but an object with no field of
 * the shape is a document of another kind.
 *
 * @param record - the object read
 * @param path - its path
 * @param known - the fields of its ECS shape
 * @param shape - what it should be, for the message
 * @throws {@link task-placement!PlacementInputError} `unknown_field` at the object's
 *   path, naming its fields, when it has some and ECS's shape has none of them
 */
export function refuseForeignDocument(record: JsonRecord, path: string, known: readonly string[], shape: string): void {
  if (Object.keys(record).some((field) => record[field] !== undefined && known.includes(field))) return;
  refuseUnknownFields(record, path, known, shape);
}

function withSuggestion(field: string, known: readonly string[]): string {
  return `${field}${suggestion(field, known)}`;
}

/** The known field a name was meant to be when they differ only in case or a plural, such as `PlacementStrategies` for `placementStrategy`. */
function suggestion(field: string, known: readonly string[]): string {
  const stem = stemOf(field);
  const meant = known.find((name) => stemOf(name) === stem);
  return meant === undefined ? '' : ` (did you mean ${meant}?)`;
}

function stemOf(name: string): string {
  return name.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
}
