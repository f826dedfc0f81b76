/**
 * Packing bin packing problems with ECS's binpack and with each of pack's
 * scorers, online in the problems' order, and as one batch, against their
 * lower bounds.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { PACK_SCORERS, type PackStrategy } from '../src/model/PackStrategy';
import type { PlacementStrategy } from '../src/model/PlacementRequest';
import { generatePackingProblem, type PackingKind } from '../src/sim/packing/generatePackingProblem';
import type { PackingProblem } from '../src/sim/packing/PackingProblem';
import { packingBounds } from '../src/sim/packing/packingBounds';
import { packProblem, type PackProblemOptions } from '../src/sim/packing/packProblem';
import { readPackingFile } from '../src/sim/packing/readPackingFile';

/** A problem and the set it belongs to. */
export interface SetProblem {
  readonly set: string;
  readonly problem: PackingProblem;
}

/** One set's problems packed by each chain. */
export interface PackingRow {
  readonly set: string;
  readonly problems: number;
  readonly tasks: number;
  /** Problems whose optimum is known. */
  readonly withOptimum: number;
  /** The mean, over the set's problems, of each lower bound, in instances. */
  readonly bounds: { readonly l1: number; readonly l2: number; readonly best: number };
  /**
   * Per chain, in {@link packingChains} order: the mean of instances used over the best lower bound, over the optimum where
   * known, and over what the last chain (placeBatch with pack's bestFit) used, which is at least the optimum.
   */
  readonly chains: readonly { readonly chain: string; readonly overBound: number; readonly overOptimum: number | undefined; readonly overBatch: number }[];
}

/** ECS's binpack on memory, then each scorer on every resource of the problem, online; then placeBatch, largest first, with binpack and with pack's bestFit. */
function packingChains(problem: PackingProblem): { readonly name: string; readonly chain: readonly (PlacementStrategy | PackStrategy)[]; readonly options?: PackProblemOptions }[] {
  const binpack = [{ type: 'binpack', field: 'memory' } as const];
  const bestFit = [{ type: 'pack', resources: problem.resources, scorer: 'bestFit' } as const];
  return [
    { name: 'binpack(memory)', chain: binpack },
    ...PACK_SCORERS.map((scorer) => ({ name: `pack(${scorer})`, chain: [{ type: 'pack', resources: problem.resources, scorer } as const] })),
    { name: 'placeBatch binpack(memory)', chain: binpack, options: { batch: 'largestFirst' } },
    { name: 'placeBatch pack(bestFit)', chain: bestFit, options: { batch: 'largestFirst' } },
  ];
}

/**
 * Packs every problem with every chain and averages the ratios by set.
 *
 * @param problems - the problems, each with its set
 */
export function runPackingCase(problems: readonly SetProblem[]): PackingRow[] {
  const sets = new Map<string, PackingProblem[]>();
  for (const { set, problem } of problems) sets.set(set, [...(sets.get(set) ?? []), problem]);
  return [...sets].map(([set, members]) => {
    const sums = new Map<string, { overBound: number; overOptimum: number; overBatch: number }>();
    let withOptimum = 0;
    const bounds = { l1: 0, l2: 0, best: 0 };
    for (const problem of members) {
      const { l1, l2, best } = packingBounds(problem);
      bounds.l1 += l1 / members.length;
      bounds.l2 += l2 / members.length;
      bounds.best += best / members.length;
      if (problem.optimum !== undefined) withOptimum += 1;
      const packed = packingChains(problem).map(({ name, chain, options }) => ({ name, used: packProblem(problem, chain, options) }));
      const batch = packed[packed.length - 1]?.used ?? 0;
      for (const { name, used } of packed) {
        const sum = sums.get(name) ?? { overBound: 0, overOptimum: 0, overBatch: 0 };
        sum.overBound += best === 0 ? 1 : used / best;
        if (problem.optimum !== undefined) sum.overOptimum += problem.optimum === 0 ? 1 : used / problem.optimum;
        sum.overBatch += batch === 0 ? 1 : used / batch;
        sums.set(name, sum);
      }
    }
    return {
      set,
      problems: members.length,
      tasks: members.reduce((total, problem) => total + problem.tasks.length, 0),
      withOptimum,
      bounds,
      chains: [...sums].map(([chain, sum]) => ({
        chain,
        overBound: sum.overBound / members.length,
        overOptimum: withOptimum === members.length ? sum.overOptimum / withOptimum : undefined,
        overBatch: sum.overBatch / members.length,
      })),
    };
  });
}

/** Every `.bpp`, `.txt` and `.vbp` file under a folder; a file's set is the folder it is in, relative to `root`. */
export function readPackingFolder(root: string): SetProblem[] {
  const found: SetProblem[] = [];
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder).sort()) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) visit(path);
      else if (/\.(bpp|txt|vbp)$/i.test(entry)) found.push({ set: relative(root, folder) || basename(root), problem: readPackingFile(readFileSync(path, 'utf8'), entry) });
    }
  };
  visit(root);
  return found;
}

/** A set of generated problems: `seeds` problems of a kind at each size. */
export interface GeneratedSet {
  readonly set: string;
  readonly kind: PackingKind;
  readonly sizes: readonly number[];
  readonly seeds: number;
}

/**
 * The full run's problems: Falkenauer's U (120 to 1,000 tasks) and T (60 to
 * 501), five at each size, a set a size; and Caprara and Toth's ten classes
 * at their sizes (25 to 200 tasks; 24 to 201 for the triplet class), ten at
 * each, as they drew them, a set a class.
 */
export const FULL_PACKING_SETS: readonly GeneratedSet[] = [
  ...[120, 250, 500, 1000].map((tasks) => ({ set: `uniform ${tasks}`, kind: 'uniform' as const, sizes: [tasks], seeds: 5 })),
  ...[60, 120, 249, 501].map((tasks) => ({ set: `triplets ${tasks}`, kind: 'triplets' as const, sizes: [tasks], seeds: 5 })),
  ...Array.from({ length: 10 }, (_, index) => ({
    set: `capraraToth${index + 1}`,
    kind: `capraraToth${index + 1}` as PackingKind,
    sizes: index === 9 ? [24, 51, 99, 201] : [25, 50, 100, 200],
    seeds: 10,
  })),
];

/** Every set's problems; the seed names the size too, so that a problem is not the start of a larger one. */
export function generatedPackingSets(sets: readonly GeneratedSet[]): SetProblem[] {
  return sets.flatMap(({ set, kind, sizes, seeds }) => sizes.flatMap((tasks) =>
    Array.from({ length: seeds }, (_, seed) => ({ set, problem: generatePackingProblem(kind, tasks, tasks * 100 + seed + 1) }))));
}
