/**
 * Markdown tables of the placement benchmark.
 */
import type { FleetRow, MatrixRow } from './runPlacementMatrix';

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
