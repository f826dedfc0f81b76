/**
 * Restoring a cluster alone, from instance specs and tasks and from the
 * cluster's own snapshot, on the fleet sizes given (three tasks each):
 *
 *   node --expose-gc --import tsx bench/restore.ts 100000
 *
 * Each size is restored three times; the fastest of each kind is printed.
 * It uses only the public API, so this file and registrationCase.ts can be
 * copied into a checkout of an earlier version to measure it the same way.
 */
import { runRestoreCase } from './registrationCase';

const sizes = process.argv.slice(2).map(Number);
if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  console.error('Give fleet sizes, as whole numbers: node --expose-gc --import tsx bench/restore.ts 100000');
  process.exit(2);
}
for (const size of sizes) {
  const runs = [0, 1, 2].map(() => runRestoreCase(size, 3));
  const fastest = (pick: (row: (typeof runs)[number]) => number): string => Math.min(...runs.map(pick)).toFixed(2);
  console.log(`${size.toLocaleString('en-US')} instances, ${(size * 3).toLocaleString('en-US')} tasks: ${fastest((row) => row.seconds)} s from specs, ${fastest((row) => row.snapshotSeconds)} s from a snapshot (fastest of three)`);
}
