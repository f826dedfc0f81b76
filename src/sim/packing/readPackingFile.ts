/**
 * Reading the two public bin packing formats: BPPLIB's one-dimensional
 * files and VPSolver's vector files.
 *
 *   BPPLIB (.txt, .bpp)      VPSolver (.vbp)
 *   n                        d
 *   C                        C1 C2 ... Cd
 *   w1                       m
 *   ...                      w1 ... wd demand    (m item types)
 *   wn                       ...
 *
 * Numbers are separated by any whitespace; blank lines count for nothing.
 * A file whose name holds `opt<N>` (`t60_00.opt20.bpp`) states that N
 * instances hold its tasks at best.
 *
 * @module
 */
import { PlacementInputError } from '../../model/PlacementInputError';
import { parseDecimal } from '../validation/numbers';
import type { PackingProblem } from './PackingProblem';

/** The resources a problem of each number of dimensions is placed as. */
function resourcesFor(dimensions: number): string[] {
  if (dimensions === 1) return ['memory'];
  return ['cpu', 'memory', ...Array.from({ length: dimensions - 2 }, (_, index) => `resource${index + 3}`)];
}

/** The most dimensions read: more is far beyond the public sets (which have one or two) and more likely a misread file. */
const MOST_DIMENSIONS = 32;
/** The most tasks a file may give: every task gets an instance to fall back on, so a problem is a cluster of as many. */
const MOST_TASKS = 1_000_000;

/**
 * Reads one bin packing problem.
 *
 * @param text - the file's content
 * @param name - the file's name: it names the problem, chooses the format
 *   (`.vbp` is VPSolver's, anything else BPPLIB's) and may state the optimum
 *   (`opt<N>`)
 * @returns the problem, its tasks in the file's order (a VPSolver item type
 *   repeated as often as its demand says)
 * @throws {@link task-placement!PlacementInputError} `invalid_packing_file`,
 *   with the file's name and line as path, when a line is not what the format
 *   puts there, a count does not match, or a task is larger than the capacity
 *
 * @example
 * ```ts
 * const problem = readPackingFile('3\n10\n6\n5\n4\n', 'tiny.bpp');
 * // { name: 'tiny.bpp', resources: ['memory'], capacity: { memory: 10 }, tasks: [{ memory: 6 }, { memory: 5 }, { memory: 4 }] }
 * ```
 */
export function readPackingFile(text: string, name: string): PackingProblem {
  const lines = new Lines(text, name);
  const problem = name.toLowerCase().endsWith('.vbp') ? readVectors(lines) : readWeights(lines);
  lines.expectEnd();
  const optimum = /(?:^|[^a-z])opt(\d+)/i.exec(name)?.[1];
  return optimum === undefined ? { name, ...problem } : { name, ...problem, optimum: Number(optimum) };
}

type Problem = Omit<PackingProblem, 'name' | 'optimum'>;

function readWeights(lines: Lines): Problem {
  const count = lines.one('the number of items', (value) => Number.isInteger(value) && value >= 0 && value <= MOST_TASKS, `a whole number up to ${MOST_TASKS}`);
  const capacity = lines.one('the capacity', positive, 'a number above 0');
  const tasks = Array.from({ length: count }, (_, index) => {
    const weight = lines.one(`the weight of item ${index + 1}`, notNegative, 'a number of at least 0');
    if (weight > capacity) lines.fail(`item ${index + 1} weighs ${weight}, more than the capacity ${capacity}: no instance could hold it`);
    return { memory: weight };
  });
  return { resources: ['memory'], capacity: { memory: capacity }, tasks };
}

function readVectors(lines: Lines): Problem {
  const dimensions = lines.one('the number of dimensions', (value) => Number.isInteger(value) && value >= 1 && value <= MOST_DIMENSIONS, `a whole number from 1 to ${MOST_DIMENSIONS}`);
  const resources = resourcesFor(dimensions);
  const capacities = lines.row('the capacities', dimensions, positive, 'numbers above 0');
  const capacity = Object.fromEntries(resources.map((resource, index) => [resource, capacities[index] as number]));
  const types = lines.one('the number of item types', (value) => Number.isInteger(value) && value >= 0 && value <= MOST_TASKS, `a whole number up to ${MOST_TASKS}`);
  const tasks: Record<string, number>[] = [];
  for (let type = 0; type < types; type += 1) {
    const row = lines.row(`item type ${type + 1}: ${dimensions} weights, then its demand`, dimensions + 1, notNegative, 'numbers of at least 0');
    const demand = row[dimensions] as number;
    if (!Number.isInteger(demand)) lines.fail(`item type ${type + 1} has a demand of ${demand}; give a whole number of copies`);
    if (tasks.length + demand > MOST_TASKS) lines.fail(`the item types ask for more than ${MOST_TASKS} items in all`);
    resources.forEach((resource, index) => {
      if ((row[index] as number) > (capacities[index] as number)) lines.fail(`item type ${type + 1} needs ${row[index] as number} of ${resource}, more than the capacity ${capacities[index] as number}: no instance could hold it`);
    });
    const task = Object.fromEntries(resources.map((resource, index) => [resource, row[index] as number]));
    for (let copy = 0; copy < demand; copy += 1) tasks.push(task);
  }
  return { resources, capacity, tasks };
}

const positive = (value: number): boolean => value > 0 && Number.isFinite(value);
const notNegative = (value: number): boolean => value >= 0 && Number.isFinite(value);

/** The file's non-blank lines, read one at a time, each a row of numbers. */
class Lines {
  private readonly lines: string[];
  private index = 0;
  /** The line number (from 1) of the line last read, for errors. */
  private lineNumber = 0;

  constructor(text: string, private readonly name: string) {
    this.lines = text.split(/\r?\n/);
  }

  /** Reads a line holding one number. */
  one(what: string, valid: (value: number) => boolean, expected: string): number {
    return this.row(what, 1, valid, expected)[0] as number;
  }

  /** Reads a line holding `count` numbers. */
  row(what: string, count: number, valid: (value: number) => boolean, expected: string): number[] {
    const line = this.next();
    if (line === undefined) this.fail(`the file ends where ${what} should be`);
    const fields = line.trim().split(/\s+/);
    if (fields.length !== count) this.fail(`expected ${what} (${count === 1 ? 'one number' : `${count} numbers`}), found ${JSON.stringify(line.trim())}`);
    return fields.map((field) => {
      const value = parseDecimal(field);
      if (!valid(value)) this.fail(`expected ${what}, as ${expected}, found ${JSON.stringify(field)}`);
      return value;
    });
  }

  /** Refuses anything but blank lines after the problem. */
  expectEnd(): void {
    if (this.next() !== undefined) this.fail('expected the end of the file after the last item; the counts at its top say there is no more');
  }

  fail(message: string): never {
    throw new PlacementInputError('invalid_packing_file', `${this.name}:${this.lineNumber}`, `Line ${this.lineNumber} of ${this.name}: ${message}.`);
  }

  private next(): string | undefined {
    while (this.index < this.lines.length) {
      const line = this.lines[this.index] as string;
      this.index += 1;
      this.lineNumber = this.index;
      if (line.trim() !== '') return line;
    }
    // The line the file would need next: past a final line end, the empty last element stands for it.
    this.lineNumber = this.lines[this.lines.length - 1] === '' ? this.lines.length : this.lines.length + 1;
    return undefined;
  }
}
