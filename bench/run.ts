/**
 * `npm run bench`: measures the library and prints markdown tables.
 * `npm run bench -- --quick` runs a small version that finishes in seconds.
 */
import { cpus } from 'node:os';
import { runQueryBench } from './query.bench';

const quick = process.argv.includes('--quick');
const fleetSize = quick ? 10_000 : 100_000;
const rounds = quick ? 3 : 15;

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`# task-placement benchmarks\n\nNode ${process.version}, ${cpu}, ${cpus().length} cores${quick ? ' (quick run)' : ''}\n`);
console.log(`## Query: parse, then evaluate over ${fleetSize.toLocaleString('en-US')} instances (median of ${rounds})\n`);
console.log('| expression | matched | parse (µs) | parse + evaluate (ms) | ns per instance |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const row of runQueryBench(fleetSize, rounds)) {
  console.log(
    `| \`${row.expression}\` | ${row.matched} | ${row.parseMicroseconds.toFixed(1)} | ${row.evaluateMilliseconds.toFixed(2)} | ${row.nanosecondsPerInstance.toFixed(0)} |`,
  );
}
