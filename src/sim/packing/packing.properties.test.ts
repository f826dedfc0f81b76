import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { runs } from '../../../test/support/runs';
import { PACK_SCORERS } from '../../model/PackStrategy';
import type { PackingProblem } from './PackingProblem';
import { packingBounds } from './packingBounds';
import { packProblem } from './packProblem';

/** One-dimensional problems: capacity 10 to 100, up to `most` tasks no larger than it. */
const oneDimensional = (most: number): fc.Arbitrary<PackingProblem> => fc.integer({ min: 10, max: 100 }).chain((capacity) =>
  fc.array(fc.integer({ min: 0, max: capacity }), { maxLength: most }).map((weights) => ({
    name: 'generated', resources: ['memory'], capacity: { memory: capacity }, tasks: weights.map((memory) => ({ memory })),
  })));

/** Two-dimensional problems of up to `most` tasks. */
const twoDimensional = (most: number): fc.Arbitrary<PackingProblem> => fc.tuple(fc.integer({ min: 10, max: 60 }), fc.integer({ min: 10, max: 60 })).chain(([cpu, memory]) =>
  fc.array(fc.record({ cpu: fc.integer({ min: 0, max: cpu }), memory: fc.integer({ min: 0, max: memory }) }), { maxLength: most }).map((tasks) => ({
    name: 'generated', resources: ['cpu', 'memory'], capacity: { cpu, memory }, tasks,
  })));

/** The fewest instances that hold the tasks, on every resource, by trying every instance for every task (tasks sorted largest first prune the search). */
function optimum({ resources, capacity, tasks }: PackingProblem): number {
  const size = (task: Readonly<Record<string, number>>): number => resources.reduce((sum, resource) => sum + (task[resource] ?? 0) / (capacity[resource] as number), 0);
  const sorted = [...tasks].sort((a, b) => size(b) - size(a));
  let best = sorted.length;
  const loads: number[][] = [];
  const place = (index: number): void => {
    if (loads.length >= best) return;
    if (index === sorted.length) {
      best = loads.length;
      return;
    }
    const task = sorted[index] as Readonly<Record<string, number>>;
    const demand = resources.map((resource) => task[resource] ?? 0);
    const tried = new Set<string>();
    for (const load of loads) {
      const key = load.join();
      // Two instances loaded alike lead to the same packings.
      if (tried.has(key) || demand.some((amount, r) => (load[r] as number) + amount > (capacity[resources[r] as string] as number))) continue;
      tried.add(key);
      demand.forEach((amount, r) => { load[r] = (load[r] as number) + amount; });
      place(index + 1);
      demand.forEach((amount, r) => { load[r] = (load[r] as number) - amount; });
    }
    loads.push([...demand]);
    place(index + 1);
    loads.pop();
  };
  place(0);
  return best;
}

/** Best Fit, written plainly: each task to the fullest instance it fits, the earliest opened among equals, else a new one. */
function bestFit(problem: PackingProblem): number {
  const capacity = problem.capacity['memory'] as number;
  const loads: number[] = [];
  for (const task of problem.tasks) {
    const weight = task['memory'] ?? 0;
    let chosen = -1;
    for (let bin = 0; bin < loads.length; bin += 1) {
      if ((loads[bin] as number) + weight <= capacity && (chosen < 0 || (loads[bin] as number) > (loads[chosen] as number))) chosen = bin;
    }
    if (chosen < 0) loads.push(weight);
    else loads[chosen] = (loads[chosen] as number) + weight;
  }
  return loads.filter((load) => load > 0).length + (loads.some((load) => load === 0) && loads.every((load) => load === 0) ? 1 : 0);
}

describe('packingBounds', () => {
  test.prop([twoDimensional(8)], { numRuns: runs(200) })('on two resources, every bound is at most the optimum, found by trying every packing', (problem) => {
    const { l1, l2, surrogate, cardinality, conflict, best } = packingBounds(problem);
    const fewest = optimum(problem);
    expect(l1).toBeLessThanOrEqual(l2);
    expect(l2).toBeLessThanOrEqual(surrogate);
    expect(surrogate).toBeLessThanOrEqual(fewest);
    expect(cardinality).toBeLessThanOrEqual(fewest);
    expect(conflict).toBeLessThanOrEqual(fewest);
    expect(best).toBe(Math.max(surrogate, cardinality, conflict));
  });

  test.prop([oneDimensional(9)], { numRuns: runs(200) })('L1 <= L2 <= the optimum, found by trying every packing, and so are the cardinality and conflict bounds', (problem) => {
    const { l1, l2, surrogate, cardinality, conflict, best } = packingBounds(problem);
    const fewest = optimum(problem);
    expect(l1).toBeLessThanOrEqual(l2);
    expect(l2).toBeLessThanOrEqual(fewest);
    expect(surrogate).toBe(l2);
    expect(cardinality).toBeLessThanOrEqual(fewest);
    expect(conflict).toBeLessThanOrEqual(fewest);
    expect(best).toBe(Math.max(l2, cardinality, conflict));
  });

  test.prop([fc.oneof(oneDimensional(40), twoDimensional(40)), fc.constantFrom(...PACK_SCORERS)], { numRuns: runs(100) })(
    'no packing, online or in a batch, uses fewer instances than the best bound',
    (problem, scorer) => {
      const { best } = packingBounds(problem);
      expect(packProblem(problem, [{ type: 'binpack', field: 'memory' }])).toBeGreaterThanOrEqual(best);
      expect(packProblem(problem, [{ type: 'pack', resources: problem.resources, scorer }])).toBeGreaterThanOrEqual(best);
      expect(packProblem(problem, [{ type: 'pack', resources: problem.resources, scorer }], { batch: 'largestFirst' })).toBeGreaterThanOrEqual(best);
    },
  );
});

describe('packProblem', () => {
  test.prop([oneDimensional(60)], { numRuns: runs(150) })('with binpack on memory, uses as many instances as Best Fit written plainly', (problem) => {
    expect(packProblem(problem, [{ type: 'binpack', field: 'memory' }])).toBe(bestFit(problem));
  });
});
