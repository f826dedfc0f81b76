/**
 * Placement constraints, as people write them: the library's notation, ECS's
 * JSON, and the AWS CLI's shorthand.
 *
 * @module
 */
import type { PlacementConstraint } from '../../src/index';
import { fromPlacementFields, parseConstraintNotation } from '../../src/ecs/index';

/**
 * Reads the constraints.
 *
 * @remarks
 * - one per line in the library's notation: `distinctInstance`,
 *   `memberOf(attribute:stack == prod)`;
 * - ECS's JSON, an array: `[{"type":"memberOf","expression":"..."}]`;
 * - one per line in the AWS CLI's `--placement-constraints` shorthand:
 *   `type=memberOf,expression="attribute:stack == prod"` (the expression is
 *   the rest of the line, its outer quotes dropped) or
 *   `type=distinctInstance`.
 *
 * Every form is checked by the library's rules; a memberOf expression that
 * does not parse is an `invalid_expression` error whose `cause` is the
 * `QueryError` with its position.
 *
 * @param text - what was typed
 * @returns the constraints, empty for empty text
 * @throws the library's `PlacementInputError`, or a `SyntaxError` for bad JSON
 */
export function readConstraints(text: string): PlacementConstraint[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('[')) return fromPlacementFields({ placementConstraints: JSON.parse(trimmed) as never }).placementConstraints ?? [];
  const lines = trimmed.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return lines.map((line) => (/^type\s*=/.test(line) ? readShorthandLine(line) : parseConstraintNotation(line)));
}

function readShorthandLine(line: string): PlacementConstraint {
  const match = /^type\s*=\s*([A-Za-z]*)\s*(?:,\s*expression\s*=\s*(.*))?$/s.exec(line);
  const type = match?.[1] ?? line;
  const raw = match?.[2]?.trim();
  // The shell would have taken the quotes off; people paste the line with them.
  const expression = raw !== undefined && raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw.endsWith(raw[0]) ? raw.slice(1, -1) : raw;
  const [constraint] = fromPlacementFields({ placementConstraints: [{ type, ...(expression === undefined ? {} : { expression }) }] }).placementConstraints ?? [];
  if (constraint === undefined) throw new Error(`Cannot read ${JSON.stringify(line)} as a constraint.`);
  return constraint;
}
