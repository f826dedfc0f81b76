/**
 * Registering and deregistering alone, on a fleet of each size given built
 * for the purpose (no placement cases before it), after a few placements of
 * four chains so that the engine keeps their views:
 *
 *   node --expose-gc --import tsx bench/registration.ts 100000 1000000
 *
 * With `--beside N`, N snapshots of the fleet and N lists of specs as large
 * are kept alive while it is measured: the heap the full run's earlier
 * cases leave, whose collections registering then pays for (add
 * `--max-old-space-size=12288` for N above 1 at 1,000,000, and
 * `--trace-gc` to see them).
 *
 * Four rounds of 1,000 registrations and as many deregistrations each; the
 * first round also warms the code. It uses only the public API, so this file
 * and registrationCase.ts can be copied into a checkout of an earlier
 * version to measure it the same way.
 */
import { Cluster } from '../src/cluster/Cluster';
import type { PlacementRequest } from '../src/model/PlacementRequest';
import { streamFleet } from '../src/sim/streamFleet';
import { runRegistrationCase } from './registrationCase';

const args = process.argv.slice(2);
const besideAt = args.indexOf('--beside');
const beside = besideAt < 0 ? 0 : Number(args[besideAt + 1]);
const sizes = (besideAt < 0 ? args : [...args.slice(0, besideAt), ...args.slice(besideAt + 2)]).map(Number);
if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(beside) || beside < 0) {
  console.error('Give fleet sizes, as whole numbers, and optionally --beside N: node --expose-gc --import tsx bench/registration.ts 100000 --beside 1');
  process.exit(2);
}
const TASK = Object.freeze({ family: 'probe', resources: Object.freeze({ memory: 64 }) });
const CHAINS: readonly NonNullable<PlacementRequest['placementStrategy']>[] = [
  [{ type: 'binpack', field: 'memory' }],
  [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
  [{ type: 'binpack', field: 'cpu' }],
  [{ type: 'spread', field: 'instanceId' }],
];
for (const size of sizes) {
  const cluster = new Cluster({ seed: 1 });
  for (const spec of streamFleet({ size, seed: 3, zones: 3 })) cluster.registerInstance(spec);
  for (const chain of CHAINS) cluster.place({ task: TASK, placementStrategy: chain, count: 100 });
  const kept = Array.from({ length: beside }, (_, copy) => [cluster.snapshot(), [...streamFleet({ size, seed: 9 + copy, zones: 3 })]]);
  const rows = [0, 1, 2, 3].map(() => runRegistrationCase(cluster, size, 1_000));
  const list = (pick: (row: (typeof rows)[number]) => number): string => rows.map((row) => pick(row).toFixed(1)).join(', ');
  console.log(`${size.toLocaleString('en-US')} instances, µs each, by round: register ${list((row) => row.registerMicroseconds)}; deregister ${list((row) => row.deregisterMicroseconds)}${kept.length > 0 ? ` (${kept.length} copies of the fleet kept beside it)` : ''}`);
}
