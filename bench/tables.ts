/**
 * Markdown tables of the placement benchmark.
 */
import type { CheckerRow } from './checkerCase';
import type { PackingRow } from './packingCase';
import type { RegistrationRounds } from './registrationCase';
import type { FleetRow, MatrixRow } from './runPlacementMatrix';
import type { SchedulerRow } from './schedulerWorkload';
import type { SingleShapeRow } from './singleShapeCase';
import type { StateFloorRow } from './stateFloorCase';

const fixed = (value: number, digits = 0): string => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Build time and heap of each fleet. */
export function fleetTable(rows: readonly FleetRow[]): string {
  return [
    '| instances | engine | build (ms) | heap (MiB) |',
    '| ---: | --- | ---: | ---: |',
    ...rows.map((row) => `| ${fixed(row.size)} | ${row.engine} | ${fixed(row.buildMs)} | ${fixed(row.heapMiB, 1)} |`),
  ].join('\n');
}

/** Every case. */
export function matrixTable(rows: readonly MatrixRow[]): string {
  return [
    '| instances | engine | chain | constraints | placed | placements/s | ns/placement | packing ratio | skew | peak heap (MiB) |',
    '| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) =>
      `| ${fixed(row.size)} | ${row.engine} | ${row.chain} | ${row.constraints} | ${row.placements} | ${fixed(row.placementsPerSecond)} | ${fixed(row.nanosecondsPerPlacement)} | ${row.packingRatio === null ? '-' : fixed(row.packingRatio, 2)} | ${row.skew} | ${fixed(row.peakHeapMiB, 1)} |`),
  ].join('\n');
}

/** The reference engine's time per placement over the default engine's, case by case. */
export function speedupTable(rows: readonly MatrixRow[]): string {
  const reference = new Map(rows.filter((row) => row.engine === 'reference').map((row) => [key(row), row]));
  const lines = rows
    .filter((row) => row.engine !== 'reference' && reference.has(key(row)))
    .map((row) => {
      const base = reference.get(key(row)) as MatrixRow;
      return `| ${fixed(row.size)} | ${row.chain} | ${row.constraints} | ${fixed(base.nanosecondsPerPlacement)} | ${fixed(row.nanosecondsPerPlacement)} | ${fixed(base.nanosecondsPerPlacement / row.nanosecondsPerPlacement, 1)}x |`;
    });
  return ['| instances | chain | constraints | reference ns | default ns | speed-up |', '| ---: | --- | --- | ---: | ---: | ---: |', ...lines].join('\n');
}

function key(row: MatrixRow): string {
  return `${row.size}|${row.chain}|${row.constraints}`;
}

/** Time per placement at the largest fleet over the smallest, per case of the default engine. */
export function growthTable(rows: readonly MatrixRow[]): string {
  const indexed = rows.filter((row) => row.engine !== 'reference');
  const sizes = [...new Set(indexed.map((row) => row.size))].sort((a, b) => a - b);
  const smallest = sizes[0];
  const largest = sizes[sizes.length - 1];
  const at = (size: number | undefined, row: MatrixRow) => indexed.find((other) => other.size === size && other.chain === row.chain && other.constraints === row.constraints);
  const lines = indexed
    .filter((row) => row.size === smallest)
    .map((row) => {
      const big = at(largest, row);
      if (big === undefined) return undefined;
      return `| ${row.chain} | ${row.constraints} | ${fixed(row.nanosecondsPerPlacement)} | ${fixed(big.nanosecondsPerPlacement)} | ${fixed(big.nanosecondsPerPlacement / row.nanosecondsPerPlacement, 2)}x |`;
    })
    .filter((line): line is string => line !== undefined);
  return [
    `| chain | constraints | ns at ${fixed(smallest ?? 0)} | ns at ${fixed(largest ?? 0)} | growth |`,
    '| --- | --- | ---: | ---: | ---: |',
    ...lines,
  ].join('\n');
}

/** The scheduler workload at each size, and how the time per placement grew from the smallest. */
export function schedulerTable(rows: readonly SchedulerRow[]): string {
  const first = rows[0];
  return [
    '| instances | requests | placed | not placed | stopped | seconds | placements/s | ns/placement | growth | full at the end | warm-up (s) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => `| ${fixed(row.size)} | ${fixed(row.requests)} | ${fixed(row.placements)} | ${fixed(row.failures)} | ${fixed(row.stops)} | ${fixed(row.seconds, 1)} | ${fixed(row.placementsPerSecond)} | ${fixed(row.nanosecondsPerPlacement)} | ${first === undefined ? '-' : fixed(row.nanosecondsPerPlacement / first.nanosecondsPerPlacement, 2)}x | ${fixed(row.full * 100)}% | ${fixed(row.warmupSeconds, 1)} |`),
  ].join('\n');
}

/** Where one run's measured time went, chain by chain, with the stops on their own. */
export function schedulerChainTable(row: SchedulerRow): string {
  return [
    '| chain | placed (or stopped) | seconds | share of the time | ns each |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...row.byChain.map((share) => `| ${share.chain} | ${fixed(share.calls)} | ${fixed(share.seconds, 2)} | ${fixed((100 * share.seconds) / row.seconds)}% | ${share.calls === 0 ? '-' : fixed((share.seconds * 1e9) / share.calls)} |`),
  ].join('\n');
}

/**
 * What a start and a stop cost on the records alone, and, beside the
 * scheduler workload of the same run, how much of each of its placements
 * that is: a start plus the workload's stops per placement.
 */
export function stateFloorTable(rows: readonly StateFloorRow[], scheduler: readonly SchedulerRow[] = []): string {
  if (scheduler.length === 0) {
    return [
      '| instances | start (µs) | stop (µs) |',
      '| ---: | ---: | ---: |',
      ...rows.map((row) => `| ${fixed(row.size)} | ${fixed(row.startMicroseconds, 2)} | ${fixed(row.stopMicroseconds, 2)} |`),
    ].join('\n');
  }
  return [
    '| instances | start (µs) | stop (µs) | workload: stops per placement | records per placement (µs) | workload per placement (µs) | the records\' share |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => {
      const workload = scheduler.find((candidate) => candidate.size === row.size);
      if (workload === undefined) return `| ${fixed(row.size)} | ${fixed(row.startMicroseconds, 2)} | ${fixed(row.stopMicroseconds, 2)} | - | - | - | - |`;
      const stopsPerPlacement = workload.stops / workload.placements;
      const records = row.startMicroseconds + stopsPerPlacement * row.stopMicroseconds;
      const perPlacement = workload.nanosecondsPerPlacement / 1000;
      return `| ${fixed(row.size)} | ${fixed(row.startMicroseconds, 2)} | ${fixed(row.stopMicroseconds, 2)} | ${fixed(stopsPerPlacement, 2)} | ${fixed(records, 2)} | ${fixed(perPlacement, 1)} | ${fixed((100 * records) / perPlacement)}% |`;
    }),
  ].join('\n');
}

/** One task per request against one request of as many, per chain and size. */
export function singleShapeTable(rows: readonly SingleShapeRow[]): string {
  return [
    '| instances | chain | one per request (ns/placement) | placements/s | in one request (ns/placement) | ratio |',
    '| ---: | --- | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => `| ${fixed(row.size)} | ${row.chain} | ${fixed(row.oneByOneNs)} | ${fixed(1e9 / row.oneByOneNs)} | ${fixed(row.batchNs)} | ${fixed(row.oneByOneNs / row.batchNs, 2)}x |`),
  ].join('\n');
}

/** Time per registration and deregistration, per size. */
export function registrationTable(rows: readonly RegistrationRounds[]): string {
  return [
    '| instances | register (µs each) | deregister (µs each) | first round: register | first round: deregister |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => `| ${fixed(row.size)} | ${fixed(row.registerMicroseconds, 1)} | ${fixed(row.deregisterMicroseconds, 1)} | ${fixed(row.firstRegisterMicroseconds, 1)} | ${fixed(row.firstDeregisterMicroseconds, 1)} |`),
  ].join('\n');
}

/** checkPlacement's time against place's, chain by chain. */
export function checkerTable(rows: readonly CheckerRow[]): string {
  return [
    '| instances | chain | tasks | place (ms) | checkPlacement (ms) | check / place |',
    '| ---: | --- | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => `| ${fixed(row.size)} | ${row.chain} | ${row.tasks} | ${fixed(row.placeMs, 1)} | ${fixed(row.checkMs, 1)} | ${fixed(row.checkMs / row.placeMs, 1)}x |`),
  ].join('\n');
}

/** Sets named alike but for a number at the end (`uniform 120` and `uniform 250`, `capraraToth1` to `capraraToth10`), family by family. */
function packingFamilies(rows: readonly PackingRow[]): Map<string, PackingRow[]> {
  const families = new Map<string, PackingRow[]>();
  for (const row of rows) {
    const family = row.set.replace(/[\s_-]*\d+$/, '');
    families.set(family, [...(families.get(family) ?? []), row]);
  }
  return families;
}

/** A table's row of means over some sets: the problems, the tasks, the mean bounds when asked, and each chain's mean of a ratio. */
function packingMeanRow(label: string, members: readonly PackingRow[], chains: readonly number[], ratio: (chain: PackingRow['chains'][number]) => number, withBounds: boolean): string {
  const mean = (pick: (row: PackingRow) => number): number => members.reduce((sum, row) => sum + pick(row), 0) / Math.max(1, members.length);
  const bounds = withBounds ? ` ${fixed(mean((row) => row.bounds.l1), 1)} | ${fixed(mean((row) => row.bounds.l2), 1)} | ${fixed(mean((row) => row.bounds.best), 1)} |` : '';
  return `| ${label} | ${fixed(members.reduce((sum, row) => sum + row.problems, 0))} | ${fixed(members.reduce((sum, row) => sum + row.tasks, 0))} |${bounds} ${chains.map((index) => fixed(mean((row) => ratio(row.chains[index] as PackingRow['chains'][number])), 3)).join(' | ')} |`;
}

/**
 * The mean lower bounds (L1, L2 and the best, in instances) and instances
 * used over the best bound, set by set and chain by chain (and over the
 * optimum, in brackets, where every problem of the set states it); then the
 * mean over the sets of each family with more than one set, and over every
 * set.
 */
export function packingTable(rows: readonly PackingRow[]): string {
  const chains = rows[0]?.chains.map((chain) => chain.chain) ?? [];
  const all = chains.map((_, index) => index);
  const cell = (overBound: number, overOptimum: number | undefined): string => `${fixed(overBound, 3)}${overOptimum === undefined ? '' : ` (${fixed(overOptimum, 3)})`}`;
  return [
    `| set | problems | tasks | L1 | L2 | best bound | ${chains.join(' | ')} |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ${chains.map(() => '---:').join(' | ')} |`,
    ...rows.map((row) => `| ${row.set} | ${fixed(row.problems)} | ${fixed(row.tasks)} | ${fixed(row.bounds.l1, 1)} | ${fixed(row.bounds.l2, 1)} | ${fixed(row.bounds.best, 1)} | ${row.chains.map((chain) => cell(chain.overBound, chain.overOptimum)).join(' | ')} |`),
    ...[...packingFamilies(rows)].filter(([, members]) => members.length > 1).map(([family, members]) => packingMeanRow(`${family}, every set`, members, all, (chain) => chain.overBound, true)),
    packingMeanRow('every set', rows, all, (chain) => chain.overBound, true),
  ].join('\n');
}

/**
 * Each online chain's instances over what placeBatch with pack's bestFit
 * used, family by family: the optimum is at most the batch's count, so an
 * online chain is at least this far above the optimum, whatever the bound.
 */
export function packingGapTable(rows: readonly PackingRow[]): string {
  const chains = rows[0]?.chains.map((chain) => chain.chain) ?? [];
  const online = chains.flatMap((chain, index) => (chain.startsWith('placeBatch') ? [] : [index]));
  return [
    `| family | problems | tasks | ${online.map((index) => chains[index]).join(' | ')} |`,
    `| --- | ---: | ---: | ${online.map(() => '---:').join(' | ')} |`,
    ...[...packingFamilies(rows)].map(([family, members]) => packingMeanRow(family, members, online, (chain) => chain.overBatch, false)),
  ].join('\n');
}
