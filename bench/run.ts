/**
 * `npm run bench`: measures the library and prints markdown tables, and
 * writes them as JSON to bench/results/latest.json.
 * `npm run bench -- --quick` runs a small version of the same cases.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { runMemoryCase } from './memoryCase';
import { FULL_PLAN, QUICK_PLAN } from './placementMatrix';
import { runQueryBench } from './query.bench';
import { runPlacementMatrix, type FleetRow, type MatrixRow } from './runPlacementMatrix';
import { fleetTable, growthTable, matrixTable, speedupTable } from './tables';

const quick = process.argv.includes('--quick');
const plan = quick ? QUICK_PLAN : FULL_PLAN;
const queryFleet = quick ? 10_000 : 100_000;
const machine = {
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown CPU',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
};

console.log(`# task-placement benchmarks${quick ? ' (quick)' : ''}\n`);
console.log(`Node ${machine.node}, ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB\n`);

const queries = runQueryBench(queryFleet, quick ? 3 : 15);
console.log(`## Query: parse, then evaluate over ${queryFleet.toLocaleString('en-US')} instances (median)\n`);
console.log('| expression | matched | parse (µs) | parse + evaluate (ms) | ns per instance |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const row of queries) {
  console.log(`| \`${row.expression}\` | ${row.matched} | ${row.parseMicroseconds.toFixed(1)} | ${row.evaluateMilliseconds.toFixed(2)} | ${row.nanosecondsPerInstance.toFixed(0)} |`);
}

const fleets: FleetRow[] = [];
const cases: MatrixRow[] = [];
runPlacementMatrix(plan, (row) => {
  if ('buildMs' in row) fleets.push(row);
  else cases.push(row);
  if (process.stderr.isTTY) process.stderr.write(`\r\u001b[K${fleets.length} fleets, ${cases.length} cases measured`);
});
if (process.stderr.isTTY) process.stderr.write('\r\u001b[K');

console.log(`\n## Placement: ${plan.sizes.map((size) => size.toLocaleString('en-US')).join(', ')} instances\n`);
console.log(`Each case places up to ${plan.maxPlacements} tasks (256 CPU units, 512 MiB) in requests growing from 1 to 100 tasks, for at most ${plan.budgetMs} ms, on a fresh fleet of that size, ${plan.repeats} times for the default engine (the fastest run is shown); the reference engine runs once, up to ${plan.referenceUpTo.toLocaleString('en-US')} instances.\n`);
console.log(fleetTable(fleets));
console.log(`\n${matrixTable(cases)}`);
console.log(`\n### Default engine against the reference engine\n\n${speedupTable(cases)}`);
console.log(`\n### Time per placement from the smallest fleet to the largest (default engine)\n\n${growthTable(cases)}`);

const memorySize = quick ? 20_000 : 1_000_000;
const memory = runMemoryCase(memorySize);
console.log(`\n## Memory: ${memorySize.toLocaleString('en-US')} instances holding ${memory.tasks.toLocaleString('en-US')} tasks\n`);
console.log('| instances | tasks | heap with the fleet (MiB) | heap with every task (MiB) | build (s) | place (s) |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
console.log(`| ${memory.instances.toLocaleString('en-US')} | ${memory.tasks.toLocaleString('en-US')} | ${memory.fleetHeapMiB.toFixed(0)} | ${memory.loadedHeapMiB.toFixed(0)} | ${memory.buildSeconds.toFixed(1)} | ${memory.placeSeconds.toFixed(1)} |`);

const results = join(import.meta.dirname, 'results');
mkdirSync(results, { recursive: true });
writeFileSync(join(results, quick ? 'quick.json' : 'latest.json'), `${JSON.stringify({ date: new Date().toISOString(), quick, machine, queries, fleets, cases, memory }, null, 2)}\n`);
