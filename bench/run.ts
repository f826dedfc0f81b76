/**
 * `npm run bench`: measures the library and prints markdown tables, and
 * writes them as JSON to bench/results/latest.json.
 * `npm run bench -- --quick` runs a small version of the same cases.
 * `npm run bench -- --packing DIR` packs every bin packing file under DIR
 * (BPPLIB's .bpp or .txt, VPSolver's .vbp) and prints that table alone;
 * `--packing` alone, the generated problems of the full run.
 * `npm run bench -- --constraints` prints the table of the constraints
 * beyond ECS alone, on fresh fleets of the full run's sizes; `--query`, the
 * query table alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { runCheckerCase, type CheckerRow } from './checkerCase';
import { runMemoryCase } from './memoryCase';
import { FULL_PACKING_SETS, generatedPackingSets, readPackingFolder, runPackingCase } from './packingCase';
import { constraintCaseDescription, runConstraintCases } from './constraintCase';
import { CHAINS, FULL_PLAN, PACK_CHAINS, QUICK_PLAN } from './placementMatrix';
import { runRegistrationRounds, runRestoreCase, type RegistrationRounds } from './registrationCase';
import { FULL_SCHEDULER, QUICK_SCHEDULER, runSchedulerWorkload, SCHEDULER_DESCRIPTION, type SchedulerRow } from './schedulerWorkload';
import { runSingleShapeCase, type SingleShapeRow } from './singleShapeCase';
import { runStateFloor } from './stateFloorCase';
import { runQueryBench } from './query.bench';
import { runPlacementMatrix, type FleetRow, type MatrixRow } from './runPlacementMatrix';
import { checkerTable, fleetTable, growthTable, matrixTable, packingGapTable, packingTable, registrationTable, schedulerChainTable, schedulerTable, singleShapeTable, speedupTable, stateFloorTable } from './tables';

const PACKING_INTRO = 'L1, L2 and the best bound: the mean, over the set, of each lower bound, in instances. Each problem packed on as many empty instances as it has tasks: online, task by task in its order, by ECS\'s binpack on memory (Best Fit on one resource) and by pack with each scorer on every resource of the problem; then as one batch (placeBatch, largest first, with its fill) with binpack and with pack\'s bestFit. Each cell is the mean, over the set, of instances used divided by the best lower bound (the largest of packingBounds: Martello and Toth\'s L2, the surrogate, cardinality and conflict bounds), and in brackets divided by the optimum where every problem of the set states it. A family\'s row is the mean over its sets.';

const PACKING_GAP_INTRO = 'Online packing over the batch: each online chain\'s instances divided by what placeBatch with pack\'s bestFit used, the mean over a family\'s problems. The optimum is at most the batch\'s count, so an online chain is at least this far above the optimum, however strong a lower bound.';

const packingAt = process.argv.indexOf('--packing');
if (packingAt >= 0) {
  // A folder after the flag packs its files; the flag alone packs the generated problems the full run packs.
  const folder = process.argv[packingAt + 1];
  const generated = folder === undefined || folder.startsWith('--');
  const problems = generated ? generatedPackingSets(FULL_PACKING_SETS) : readPackingFolder(folder);
  const rows = runPackingCase(problems);
  console.log(`## Packing: ${generated ? 'generated problems at the sizes of the public sets' : folder}\n\n${PACKING_INTRO}\n\n${packingTable(rows)}\n\n${PACKING_GAP_INTRO}\n\n${packingGapTable(rows)}`);
  process.exit(0);
}

const constraintsOnly = process.argv.includes('--constraints');
const queryOnly = process.argv.includes('--query');
const quick = process.argv.includes('--quick');
const plan = quick ? QUICK_PLAN : FULL_PLAN;
const queryFleet = quick ? 2_000 : 100_000;
const machine = {
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown CPU',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
};

console.log(`# task-placement benchmarks${quick ? ' (quick)' : ''}\n`);
console.log(`Node ${machine.node}, ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB\n`);
if (constraintsOnly) {
  printConstraintTable();
  process.exit(0);
}

const queries = runQueryBench(queryFleet, quick ? 3 : 15);
console.log(`## Query: parse, then evaluate over ${queryFleet.toLocaleString('en-US')} instances (median)\n`);
console.log('| expression | matched | parse (µs) | parse + evaluate (ms) | ns per instance |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const row of queries) {
  console.log(`| \`${row.expression}\` | ${row.matched} | ${row.parseMicroseconds.toFixed(1)} | ${row.evaluateMilliseconds.toFixed(2)} | ${row.nanosecondsPerInstance.toFixed(0)} |`);
}
if (queryOnly) process.exit(0);

const scheduler: SchedulerRow[] = [];
for (const size of plan.sizes) {
  scheduler.push(runSchedulerWorkload(size, quick ? QUICK_SCHEDULER : FULL_SCHEDULER));
  progress(`scheduler workload at ${size.toLocaleString('en-US')} instances`);
}
console.log(`\n## Scheduler workload: ${plan.sizes.map((size) => size.toLocaleString('en-US')).join(', ')} instances\n`);
console.log(`${SCHEDULER_DESCRIPTION}\n`);
console.log(schedulerTable(scheduler));
// The largest fleet that stops tasks in its measured window (a fleet of 1,000,000 is not yet full enough to).
const shown = [...scheduler].reverse().find((row) => row.stops > 0) ?? scheduler[0];
if (shown !== undefined) {
  console.log(`\n### Scheduler workload by chain, ${shown.size.toLocaleString('en-US')} instances\n`);
  console.log('Each chain\'s placements pay for keeping the views they search current: every change since the view was last used, made by any chain or stop, is applied then.\n');
  console.log(schedulerChainTable(shown));
}

const floor = plan.sizes.map((size) => {
  const row = runStateFloor(size, quick ? 2_000 : 100_000);
  progress(`the records alone at ${size.toLocaleString('en-US')} instances`);
  return row;
});
console.log('\n### The floor: the cluster\'s records alone\n');
console.log('Starting and stopping tasks on the records every engine places on, with no engine listening (no view, no search, no validation, no result objects): three tasks an instance, tasks stopped in random order and started on random instances, the fastest of three rounds. No placement of the workload above costs less than a start plus its share of stops here.\n');
console.log(stateFloorTable(floor, scheduler));

const fleets: FleetRow[] = [];
const cases: MatrixRow[] = [];
const singles: SingleShapeRow[] = [];
const packs: SingleShapeRow[] = [];
const registrations: RegistrationRounds[] = [];
runPlacementMatrix(plan, (row) => {
  if ('buildMs' in row) fleets.push(row);
  else cases.push(row);
  progress(`${fleets.length} fleets, ${cases.length} cases measured`);
}, (cluster, size, engine) => {
  if (engine !== 'indexed') return;
  // Ten tasks per instance at most: a small fleet that fills up would measure failures (each diagnosed over the whole fleet), not placements.
  for (const chain of CHAINS) singles.push(runSingleShapeCase(cluster, size, chain, Math.min(plan.maxPlacements, size * 10)));
  for (const chain of PACK_CHAINS) packs.push(runSingleShapeCase(cluster, size, chain, Math.min(plan.maxPlacements, size * 10)));
  registrations.push(runRegistrationRounds(cluster, size, quick ? 100 : 1000, 3));
});
progress('');

console.log(`\n## Placement: ${plan.sizes.map((size) => size.toLocaleString('en-US')).join(', ')} instances\n`);
console.log(`Each case places up to ${plan.maxPlacements} tasks (256 CPU units, 512 MiB) in requests growing from 1 to 100 tasks, for at most ${plan.budgetMs} ms, on a fresh fleet of that size, ${plan.repeats} times for the default engine (the fastest run is shown); the reference engine runs once, up to ${plan.referenceUpTo.toLocaleString('en-US')} instances.\n`);
console.log(fleetTable(fleets));
console.log(`\n${matrixTable(cases)}`);
console.log(`\n### Default engine against the reference engine\n\n${speedupTable(cases)}`);
console.log(`\n### Time per placement from the smallest fleet to the largest (default engine)\n\n${growthTable(cases)}`);
console.log(`\n## One task per request: up to ${plan.maxPlacements.toLocaleString('en-US')} requests of one shape (ten per instance at most) against one request of as many tasks\n`);
console.log(singleShapeTable(singles));
console.log(`\n## pack: each scorer on CPU and memory, one task per request against one request of as many (the same cases as above)\n`);
console.log(singleShapeTable(packs));
const constraints = printConstraintTable();
console.log(`\n## Registering and deregistering ${registrations[0]?.instances.toLocaleString('en-US') ?? 0} instances, one by one, on an indexed fleet, after the placement cases: the fastest of ${registrations[0]?.rounds ?? 0} rounds, and the first\n`);
console.log(registrationTable(registrations));

const restore = quick ? runRestoreCase(1_000, 3) : runRestoreCase(100_000, 3);
console.log(`\n## Restoring a cluster: ${restore.instances.toLocaleString('en-US')} instances with ${restore.tasks.toLocaleString('en-US')} tasks through new Cluster({ instances, tasks })\n`);
console.log(`${restore.seconds.toFixed(2)} s from instance specs and tasks, ${restore.snapshotSeconds.toFixed(2)} s from the cluster's snapshot (which also records each instance's use), checks included.`);

const memorySize = quick ? 5_000 : 1_000_000;
const memory = runMemoryCase(memorySize);
console.log(`\n## Memory: ${memorySize.toLocaleString('en-US')} instances holding ${memory.tasks.toLocaleString('en-US')} tasks\n`);
console.log('Half the tasks spread over zones and packed on memory, half with ECS\'s default service chain, so the views of both chains are held too.\n');
console.log('| instances | tasks | heap with the fleet (MiB) | heap with every task (MiB) | typed arrays (MiB) | total (MiB) | build (s) | place (s) |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
console.log(`| ${memory.instances.toLocaleString('en-US')} | ${memory.tasks.toLocaleString('en-US')} | ${memory.fleetHeapMiB.toFixed(0)} | ${memory.loadedHeapMiB.toFixed(0)} | ${memory.loadedArrayBuffersMiB.toFixed(0)} | ${memory.loadedTotalMiB.toFixed(0)} | ${memory.buildSeconds.toFixed(1)} | ${memory.placeSeconds.toFixed(1)} |`);

const checkerSizes = quick ? [100, 1_000] : [1_000, 10_000];
const checker: CheckerRow[] = [];
for (const size of checkerSizes) checker.push(...runCheckerCase(size, 20, quick ? 1 : 5));
console.log(`\n## Checking a placement: checkPlacement against place, ${checkerSizes.map((size) => size.toLocaleString('en-US')).join(' and ')} instances\n`);
console.log('A request of 20 tasks placed on a cluster just restored from a snapshot of a fleet already running tasks of its group (500, or one per instance on a smaller fleet), as a property test builds a cluster and places once, then checked; the fastest of the runs.\n');
console.log(checkerTable(checker));

// The quick run packs the small sets shipped with the bench; the full run draws the public sets' sizes, five problems each.
const packingProblems = quick ? readPackingFolder(join(import.meta.dirname, 'packing')) : generatedPackingSets(FULL_PACKING_SETS);
const packing = runPackingCase(packingProblems);
console.log(`\n## Packing: ${quick ? 'the sets in bench/packing' : 'generated problems at the sizes of the public sets'}\n\n${PACKING_INTRO}\n`);
console.log(packingTable(packing));
console.log(`\n${PACKING_GAP_INTRO}\n\n${packingGapTable(packing)}`);

const results = join(import.meta.dirname, 'results');
mkdirSync(results, { recursive: true });
writeFileSync(join(results, quick ? 'quick.json' : 'latest.json'), `${JSON.stringify({ date: new Date().toISOString(), quick, machine, queries, scheduler, floor, fleets, cases, singles, packs, constraints, registrations, restore, memory, checker, packing }, null, 2)}\n`);

/** The constraints beyond ECS and a preference, each size on a fresh fleet (`--constraints` prints this table alone). */
function printConstraintTable(): SingleShapeRow[] {
  const rows = runConstraintCases(plan.sizes, plan.maxPlacements, (size) => progress(`constraints at ${size.toLocaleString('en-US')} instances`));
  progress('');
  console.log('\n## Constraints beyond ECS: spreadLimit, atMost, distinctInstance over groups and a preference, one task per request against one request of as many\n');
  console.log(`${constraintCaseDescription(plan.maxPlacements)}\n`);
  console.log(singleShapeTable(rows));
  return rows;
}

function progress(message: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\u001b[K${message}`);
}
