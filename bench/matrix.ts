/**
 * The placement matrix of `npm run bench` for the default engine alone, on
 * the fleet sizes given:
 *
 *   node --expose-gc --import tsx bench/matrix.ts 1000 10000 100000
 *
 * Copied with tables.ts into a checkout of an earlier version, it measures
 * that version the same way, so that two versions can be compared on one
 * machine.
 */
import { FULL_PLAN } from './placementMatrix';
import { runPlacementMatrix, type MatrixRow } from './runPlacementMatrix';
import { matrixTable } from './tables';

const sizes = process.argv.slice(2).map(Number);
if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  console.error('Give fleet sizes, as whole numbers: node --expose-gc --import tsx bench/matrix.ts 1000 10000');
  process.exit(2);
}
const rows: MatrixRow[] = [];
runPlacementMatrix({ ...FULL_PLAN, sizes, engines: ['indexed'] }, (row) => {
  if (!('buildMs' in row)) rows.push(row);
}, () => undefined);
console.log(matrixTable(rows));
