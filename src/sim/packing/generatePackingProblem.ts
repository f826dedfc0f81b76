/**
 * Seeded bin packing problems drawn the way the public benchmark sets were,
 * so that packing can be measured without downloading them.
 *
 *   uniform          Falkenauer's U: weights uniform in [20, 100], capacity 150
 *   triplets         Falkenauer's T: capacity 1000, items in triples that fill
 *                    an instance exactly; optimum n/3
 *   capraraToth1-10  Caprara and Toth's ten classes of two-dimensional vector
 *                    packing (Discrete Applied Mathematics 111, 2001), the
 *                    first dimension as cpu, the second as memory:
 *     1   both uniform in [100, 400], capacity 1000
 *     2   both uniform in [1, 1000], capacity 1000
 *     3   both uniform in [200, 800], capacity 1000
 *     4   both uniform in [50, 200], capacity 1000
 *     5   both uniform in [25, 100], capacity 1000
 *     6   both uniform in [20, 100], capacity 150
 *     7   cpu uniform in [20, 100], memory within 10 of it, capacity 150
 *     8   cpu uniform in [20, 100], memory in [110 - cpu, 130 - cpu], capacity 150
 *     9   as class 1, each capacity the resource's total spread evenly over
 *         the instances that the larger total needs at 1000 an instance, so
 *         that the volume bound leaves no slack on either resource
 *    10   triples that fill a capacity of 100 exactly on both resources: two
 *         items uniform in [25, 50] on each, the third what is left; optimum
 *         n/3
 *
 * Every kind's tasks come in a random order: a triplet kind's triples are
 * shuffled, so that placing in the problem's order does not find them.
 *
 * @module
 */
import { SeededRandom } from '../../random/SeededRandom';
import type { PackingProblem } from './PackingProblem';

const CAPRARA_TOTH_CLASSES = ['capraraToth1', 'capraraToth2', 'capraraToth3', 'capraraToth4', 'capraraToth5', 'capraraToth6', 'capraraToth7', 'capraraToth8', 'capraraToth9', 'capraraToth10'] as const;

/** The kinds {@link generatePackingProblem} draws. */
export const PACKING_KINDS = Object.freeze(['uniform', 'triplets', ...CAPRARA_TOTH_CLASSES] as const);

/** A kind of problem {@link generatePackingProblem} draws. */
export type PackingKind = (typeof PACKING_KINDS)[number];

type Draw = (low: number, high: number) => number;

/** Classes 1 to 6 and 9: both resources drawn alike and apart, from these ranges. */
const INDEPENDENT: Readonly<Partial<Record<PackingKind, { readonly low: number; readonly high: number; readonly capacity: number }>>> = {
  capraraToth1: { low: 100, high: 400, capacity: 1000 },
  capraraToth2: { low: 1, high: 1000, capacity: 1000 },
  capraraToth3: { low: 200, high: 800, capacity: 1000 },
  capraraToth4: { low: 50, high: 200, capacity: 1000 },
  capraraToth5: { low: 25, high: 100, capacity: 1000 },
  capraraToth6: { low: 20, high: 100, capacity: 150 },
  capraraToth9: { low: 100, high: 400, capacity: 1000 },
};

/**
 * Draws a problem of a kind, the same for the same seed.
 *
 * @param kind - the distribution (see the module's description)
 * @param tasks - how many tasks; for the triplet kinds (`triplets`,
 *   `capraraToth10`), a multiple of 3
 * @param seed - the seed
 * @param name - the problem's name; by default `<kind>-<tasks>-<seed>`
 * @returns the problem; for the triplet kinds with its optimum, tasks / 3
 * @throws RangeError for a count that is not a whole number from 0 to
 *   1,000,000, or not a multiple of 3 for a triplet kind
 *
 * @example
 * ```ts
 * const problem = generatePackingProblem('triplets', 60, 1);
 * problem.optimum; // 20
 * generatePackingProblem('capraraToth10', 60, 1).optimum; // 20
 * ```
 */
export function generatePackingProblem(kind: PackingKind, tasks: number, seed: number, name = `${kind}-${tasks}-${seed}`): PackingProblem {
  if (!Number.isInteger(tasks) || tasks < 0 || tasks > 1_000_000) throw new RangeError(`Give the number of tasks as a whole number from 0 to 1,000,000, not ${tasks}.`);
  const random = new SeededRandom(seed);
  const between: Draw = (low, high) => low + Math.floor(random.next() * (high - low + 1));
  const vector = (capacity: Readonly<Record<string, number>>, items: Record<string, number>[], optimum?: number): PackingProblem =>
    ({ name, resources: ['cpu', 'memory'], capacity, tasks: items, ...(optimum === undefined ? {} : { optimum }) });
  switch (kind) {
    case 'uniform':
      return { name, resources: ['memory'], capacity: { memory: 150 }, tasks: Array.from({ length: tasks }, () => ({ memory: between(20, 100) })) };
    case 'triplets': {
      const triples = tripletCount(kind, tasks);
      const weights = shuffled(Array.from({ length: triples }, () => falkenauerTriple(between)).flat(), random);
      return { name, resources: ['memory'], capacity: { memory: 1000 }, tasks: weights.map((memory) => ({ memory })), optimum: triples };
    }
    case 'capraraToth7':
    case 'capraraToth8': {
      const memoryOf = kind === 'capraraToth7' ? (cpu: number): number => between(cpu - 10, cpu + 10) : (cpu: number): number => between(110 - cpu, 130 - cpu);
      return vector({ cpu: 150, memory: 150 }, Array.from({ length: tasks }, () => {
        const cpu = between(20, 100);
        return { cpu, memory: memoryOf(cpu) };
      }));
    }
    case 'capraraToth10': {
      const triples = tripletCount(kind, tasks);
      const items = Array.from({ length: triples }, () => {
        const cpu = capraraTothTriple(between);
        const memory = capraraTothTriple(between);
        return cpu.map((amount, index) => ({ cpu: amount, memory: memory[index] as number }));
      }).flat();
      return vector({ cpu: 100, memory: 100 }, shuffled(items, random), triples);
    }
    default: {
      const { low, high, capacity } = INDEPENDENT[kind] as { readonly low: number; readonly high: number; readonly capacity: number };
      const items = Array.from({ length: tasks }, () => ({ cpu: between(low, high), memory: between(low, high) }));
      if (kind !== 'capraraToth9') return vector({ cpu: capacity, memory: capacity }, items);
      const total = (resource: 'cpu' | 'memory'): number => items.reduce((sum, item) => sum + item[resource], 0);
      const instances = Math.max(1, Math.ceil(Math.max(total('cpu'), total('memory')) / capacity));
      // Only a handful of tasks could leave an even share below the largest task; every task must fit an instance.
      const share = (resource: 'cpu' | 'memory'): number => items.reduce((most, item) => Math.max(most, item[resource]), Math.max(1, Math.ceil(total(resource) / instances)));
      return vector({ cpu: share('cpu'), memory: share('memory') }, items);
    }
  }
}

function tripletCount(kind: PackingKind, tasks: number): number {
  if (tasks % 3 !== 0) throw new RangeError(`Give ${kind} a multiple of 3 tasks, not ${tasks}: its items come in triples.`);
  return tasks / 3;
}

/**
 * Three weights that add up to 1000, each above 250, so that no instance
 * holds four: Falkenauer's rule, the first in [380, 490], the second up to
 * half of what is left.
 */
function falkenauerTriple(between: Draw): number[] {
  const first = between(380, 490);
  const second = between(251, Math.floor((1000 - first) / 2));
  return [first, second, 1000 - first - second];
}

/** Three weights that add up to 100: two in [25, 50] and what they leave, from 0 to 50. */
function capraraTothTriple(between: Draw): number[] {
  const first = between(25, 50);
  const second = between(25, 50);
  return [first, second, 100 - first - second];
}

/** A Fisher-Yates shuffle with the seeded generator. */
function shuffled<T>(items: T[], random: SeededRandom): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random.next() * (index + 1));
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
  return items;
}
