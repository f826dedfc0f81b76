/**
 * The packing sets shipped in bench/packing, as seeds and sizes: small
 * problems of each kind, in the public formats.
 */
import { generatePackingProblem, type PackingKind } from '../../src/sim/packing/generatePackingProblem';
import { writePackingFile } from '../../src/sim/packing/writePackingFile';

/** One shipped file: where it goes and what it holds. */
interface ShippedFile {
  readonly folder: string;
  readonly file: string;
  readonly problem: { readonly text: string };
}

const PLAN: readonly { readonly kind: PackingKind; readonly folder: string; readonly prefix: string; readonly tasks: readonly number[] }[] = [
  { kind: 'uniform', folder: 'uniform', prefix: 'u', tasks: [120, 120, 120, 250] },
  { kind: 'triplets', folder: 'triplets', prefix: 't', tasks: [60, 60, 60, 120] },
  { kind: 'vectorIndependent', folder: 'vector-independent', prefix: 'vi', tasks: [100, 100] },
  { kind: 'vectorCorrelated', folder: 'vector-correlated', prefix: 'vc', tasks: [100, 100] },
  { kind: 'vectorAntiCorrelated', folder: 'vector-anticorrelated', prefix: 'va', tasks: [100, 100] },
  { kind: 'vectorTriplets', folder: 'vector-triplets', prefix: 'vt', tasks: [99, 99] },
];

/** Every shipped file, in the order the plan lists them; seeds count from 1 within each kind. */
export const SHIPPED_PACKING_SETS: readonly ShippedFile[] = PLAN.flatMap(({ kind, folder, prefix, tasks }) => tasks.map((count, index) => {
  const problem = generatePackingProblem(kind, count, index + 1);
  const optimum = problem.optimum === undefined ? '' : `.opt${problem.optimum}`;
  const extension = problem.resources.length === 1 ? 'bpp' : 'vbp';
  return { folder, file: `${prefix}${count}_${String(index).padStart(2, '0')}${optimum}.${extension}`, problem: { text: writePackingFile(problem) } };
}));
