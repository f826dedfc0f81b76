/**
 * The cluster's records alone, on the fleet sizes given: what a start and a
 * stop cost with no engine listening, the floor under every placement.
 *
 *   node --expose-gc --import tsx bench/stateFloor.ts 1000 100000
 */
import { runStateFloor } from './stateFloorCase';
import { stateFloorTable } from './tables';

const sizes = process.argv.slice(2).map(Number);
if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  console.error('Give fleet sizes, as whole numbers: node --expose-gc --import tsx bench/stateFloor.ts 1000 100000');
  process.exit(2);
}
console.log(stateFloorTable(sizes.map((size) => runStateFloor(size, 100_000))));
