import { RegexSyntaxError } from './RegexSyntaxError';
import type { RegexNode } from './regexNode';

/**
 * The most instructions a compiled pattern may have, its final match
 * instruction included. Matching a value of n characters takes at most
 * (n + 1) x size steps, so this bounds every match: at most 256,000 steps
 * for the longest value in a valid cluster (a 255-character task group).
 * Every pattern of up to 499 characters without counted repetitions fits,
 * since no construct compiles to more than two instructions per character.
 */
export const MAX_PROGRAM_SIZE = 1000;

/**
 * Counts the instructions `compileProgram` will emit for a node, before any
 * are emitted, so that `((a{1000}){1000}){1000}` is refused without first
 * building a billion instructions.
 *
 * @param node - The node to measure.
 * @param limit - The most instructions the node may need.
 * @returns The exact instruction count of the node (the final match instruction excluded).
 * @throws RegexSyntaxError (`regex_too_large`) pointing at the innermost node over the limit.
 */
export function measureProgram(node: RegexNode, limit: number = MAX_PROGRAM_SIZE - 1): number {
  const size = measureNode(node, limit);
  if (size > limit) {
    throw new RegexSyntaxError(
      'regex_too_large',
      node.span.start,
      node.span.end,
      `This part of the pattern compiles to more than ${MAX_PROGRAM_SIZE} instructions, the most a pattern may have so that every match stays fast; use smaller repetition counts or fewer copies.`,
    );
  }
  return size;
}

function measureNode(node: RegexNode, limit: number): number {
  switch (node.kind) {
    case 'empty':
      return 0;
    case 'chars':
    case 'assert':
      return 1;
    case 'group':
      return measureProgram(node.body, limit);
    case 'concat':
      return node.items.reduce((sum, item) => sum + measureProgram(item, limit), 0);
    case 'alternate':
      return node.alternatives.reduce((sum, alt) => sum + measureProgram(alt, limit) + 2, -2);
    case 'repeat':
      return repeatSize(measureProgram(node.body, limit), node.min, node.max);
  }
}

/**
 * The instruction count of a repetition, matching the layouts in
 * `compileProgram`: `x*` is split + x + jump, `x{n,}` is n copies then a
 * split back, and each optional copy of `x{n,m}` adds a split.
 */
function repeatSize(body: number, min: number, max: number): number {
  if (max === Infinity) return min === 0 ? body + 2 : min * body + 1;
  return min * body + (max - min) * (body + 1);
}
