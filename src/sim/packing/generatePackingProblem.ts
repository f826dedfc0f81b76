/**
 * Seeded bin packing problems drawn the way the public benchmark sets were,
 * so that packing can be measured without downloading them.
 *
 *   uniform             Falkenauer's U: weights uniform in [20, 100], capacity 150
 *   triplets            Falkenauer's T: capacity 1000, items in triples that fill
 *                       an instance exactly; optimum n/3
 *   vectorIndependent   cpu and memory each uniform in [20, 100], capacity 150 each
 *   vectorCorrelated    memory within 10 of cpu, cpu uniform in [20, 100]
 *   vectorAntiCorrelated  memory = 120 - cpu, within 10, cpu uniform in [20, 100]
 *   vectorTriplets      triples that fill an instance exactly on both resources;
 *                       optimum n/3
 *
 * The vector kinds follow the shapes of Caprara and Toth's two-dimensional
 * classes (independent, correlated and anti-correlated dimensions, and a
 * triplet class) with weights of the one-dimensional sets; they are not
 * copies of those classes.
 *
 * @module
 */
import { SeededRandom } from '../../random/SeededRandom';
import type { PackingProblem } from './PackingProblem';

/** The kinds {@link generatePackingProblem} draws. */
export const PACKING_KINDS = Object.freeze(['uniform', 'triplets', 'vectorIndependent', 'vectorCorrelated', 'vectorAntiCorrelated', 'vectorTriplets'] as const);

/** A kind of problem {@link generatePackingProblem} draws. */
export type PackingKind = (typeof PACKING_KINDS)[number];

/**
 * Draws a problem of a kind, the same for the same seed.
 *
 * @param kind - the distribution (see the module's description)
 * @param tasks - how many tasks; for the triplet kinds, a multiple of 3
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
 * ```
 */
export function generatePackingProblem(kind: PackingKind, tasks: number, seed: number, name = `${kind}-${tasks}-${seed}`): PackingProblem {
  if (!Number.isInteger(tasks) || tasks < 0 || tasks > 1_000_000) throw new RangeError(`Give the number of tasks as a whole number from 0 to 1,000,000, not ${tasks}.`);
  const random = new SeededRandom(seed);
  const between = (low: number, high: number): number => low + Math.floor(random.next() * (high - low + 1));
  switch (kind) {
    case 'uniform':
      return { name, resources: ['memory'], capacity: { memory: 150 }, tasks: Array.from({ length: tasks }, () => ({ memory: between(20, 100) })) };
    case 'triplets': {
      const triples = tripletCount(kind, tasks);
      const weights = shuffled(Array.from({ length: triples }, () => triple(between)).flat(), random);
      return { name, resources: ['memory'], capacity: { memory: 1000 }, tasks: weights.map((memory) => ({ memory })), optimum: triples };
    }
    case 'vectorTriplets': {
      const triples = tripletCount(kind, tasks);
      const items = Array.from({ length: triples }, () => {
        const cpu = triple(between);
        const memory = triple(between);
        return cpu.map((amount, index) => ({ cpu: amount, memory: memory[index] as number }));
      }).flat();
      return { name, resources: ['cpu', 'memory'], capacity: { cpu: 1000, memory: 1000 }, tasks: shuffled(items, random), optimum: triples };
    }
    default: {
      const memoryOf: Readonly<Record<typeof kind, (cpu: number) => number>> = {
        vectorIndependent: () => between(20, 100),
        vectorCorrelated: (cpu) => clamp(cpu + between(-10, 10)),
        vectorAntiCorrelated: (cpu) => clamp(120 - cpu + between(-10, 10)),
      };
      return {
        name,
        resources: ['cpu', 'memory'],
        capacity: { cpu: 150, memory: 150 },
        tasks: Array.from({ length: tasks }, () => {
          const cpu = between(20, 100);
          return { cpu, memory: memoryOf[kind](cpu) };
        }),
      };
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
function triple(between: (low: number, high: number) => number): number[] {
  const first = between(380, 490);
  const second = between(251, Math.floor((1000 - first) / 2));
  return [first, second, 1000 - first - second];
}

function clamp(amount: number): number {
  return Math.min(100, Math.max(20, amount));
}

/** A Fisher-Yates shuffle with the seeded generator. */
function shuffled<T>(items: T[], random: SeededRandom): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random.next() * (index + 1));
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
  return items;
}
