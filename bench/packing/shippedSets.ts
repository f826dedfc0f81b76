/**
 * The packing sets shipped in bench/packing, as seeds and sizes: small
 * problems of each kind, in the public formats; Caprara and Toth's classes
 * at their two smallest sizes.
 */
import { generatePackingProblem, type PackingKind } from '../../src/sim/packing/generatePackingProblem';
import { writePackingFile } from '../../src/sim/packing/writePackingFile';

/** One shipped file: where it goes and what it holds. */
interface ShippedFile {
  readonly folder: string;
  readonly file: string;
  readonly problem: { readonly text: string };
}

const CAPRARA_TOTH = Array.from({ length: 10 }, (_, index) => {
  const number = String(index + 1).padStart(2, '0');
  const kind = `capraraToth${index + 1}` as PackingKind;
  return { kind, folder: `caprara-toth-${number}`, prefix: `ct${number}_`, tasks: index === 9 ? [24, 51] : [25, 50] };
});

const PLAN: readonly { readonly kind: PackingKind; readonly folder: string; readonly prefix: string; readonly tasks: readonly number[] }[] = [
  { kind: 'uniform', folder: 'uniform', prefix: 'u', tasks: [120, 120, 120, 250] },
  { kind: 'triplets', folder: 'triplets', prefix: 't', tasks: [60, 60, 60, 120] },
  ...CAPRARA_TOTH,
];

/** Every shipped file, in the order the plan lists them; seeds count from 1 within each kind. */
export const SHIPPED_PACKING_SETS: readonly ShippedFile[] = PLAN.flatMap(({ kind, folder, prefix, tasks }) => tasks.map((count, index) => {
  const problem = generatePackingProblem(kind, count, index + 1);
  const optimum = problem.optimum === undefined ? '' : `.opt${problem.optimum}`;
  const extension = problem.resources.length === 1 ? 'bpp' : 'vbp';
  return { folder, file: `${prefix}${count}_${String(index).padStart(2, '0')}${optimum}.${extension}`, problem: { text: writePackingFile(problem) } };
}));
