/**
 * The scheduler workload alone, on the fleet sizes given:
 *
 *   node --import tsx bench/scheduler.ts 1000 10000 100000
 *
 * It uses only the public API, so this file and schedulerWorkload.ts can be
 * copied into a checkout of an earlier version to measure it the same way.
 */
import { FULL_SCHEDULER, runSchedulerWorkload, type SchedulerRow } from './schedulerWorkload';
import { schedulerChainTable, schedulerTable } from './tables';

const sizes = process.argv.slice(2).map(Number);
if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  console.error('Give fleet sizes, as whole numbers: node --import tsx bench/scheduler.ts 1000 10000');
  process.exit(2);
}
const rows: SchedulerRow[] = sizes.map((size) => runSchedulerWorkload(size, FULL_SCHEDULER));
console.log(schedulerTable(rows));
for (const row of rows) console.log(`\n${row.size.toLocaleString('en-US')} instances, by chain:\n\n${schedulerChainTable(row)}`);
