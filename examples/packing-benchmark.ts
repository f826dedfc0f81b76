/**
 * How tightly each placement strategy packs one simulated workload: the
 * instances it uses against the fewest any placement could use, and what
 * placing the whole workload in one batch saves.
 *
 * Run it: `npm run build`, then `node --import tsx examples/packing-benchmark.ts`.
 */
import { Cluster, type InstanceSpec, type InstanceStrategy, type PlacementRequest } from 'task-placement';
import { generateFleet, generateWorkload, instancesUsed, lowerBound, utilization } from 'task-placement/sim';

// No DRAINING or disconnected instances: every strategy gets the same usable fleet.
const mixed = generateFleet({ size: 240, zones: 3, seed: 11, families: { general: 1 }, drainingFraction: 0, disconnectedFraction: 0 });
// On one instance type the lower bound is simply the total cpu or memory over
// one instance's, rounded up, so the ratio shows what the strategy costs.
const uniform = generateFleet({ size: 2400, zones: 3, seed: 11, families: { general: 1 }, drainingFraction: 0, disconnectedFraction: 0 })
  .filter((spec) => spec.attributes?.['ecs.instance-type'] === 'm5.xlarge');
const services = generateWorkload({ seed: 11, services: 10, tasks: 500, distribution: 'uniform' });

/**
 * A strategy of one's own, to compare with ECS's: the instance whose fuller
 * resource is fullest first (a dominant-resource best fit), where binpack
 * looks at one resource only.
 */
const dominantFit: InstanceStrategy = {
  name: 'dominantFit',
  dependsOn: 'instance',
  key: (instance) => {
    const left = (resource: string) => (instance.remainingResources[resource] ?? 0) / (instance.registeredResources[resource] || 1);
    return Math.min(left('cpu'), left('memory'));
  },
};

type Chain = NonNullable<PlacementRequest['placementStrategy']>;
const zone = { type: 'spread', field: 'attribute:ecs.availability-zone' } as const;

// `undefined` leaves each service its own chain from the workload, or ECS's default when it has none.
// A third element, true, places every service in one placeBatch call instead of one place call each.
const contenders: readonly (readonly [string, Chain | undefined, boolean?])[] = [
  ['binpack(memory)', [{ type: 'binpack', field: 'memory' }]],
  ['pack(bestFit: cpu, memory)', [{ type: 'pack', resources: ['cpu', 'memory'], scorer: 'bestFit' }]],
  ['placeBatch, binpack(memory)', [{ type: 'binpack', field: 'memory' }], true],
  ['binpack(cpu)', [{ type: 'binpack', field: 'cpu' }]],
  ['dominantFit (own)', [dominantFit]],
  ['spread(zone) > binpack(memory)', [zone, { type: 'binpack', field: 'memory' }]],
  ['ECS default: spread(zone) > spread(instanceId)', [zone, { type: 'spread', field: 'instanceId' }]],
  ['spread(instanceId)', [{ type: 'spread', field: 'instanceId' }]],
  ['random', [{ type: 'random' }]],
  ["the workload's own chains", undefined],
];

function run(fleet: readonly InstanceSpec[], chain: Chain | undefined, batch = false) {
  const cluster = new Cluster({ instances: fleet, seed: 11 });
  const requests = services.map((service): PlacementRequest => {
    const placementStrategy = chain ?? service.placementStrategy;
    return {
      task: service.task,
      count: service.desiredCount,
      service: service.name,
      ...(placementStrategy === undefined ? {} : { placementStrategy }),
      ...(service.placementConstraints === undefined ? {} : { placementConstraints: service.placementConstraints }),
    };
  });
  // placeBatch places the services' tasks together, largest first or filling one instance at a time, whichever uses fewer instances.
  const results = batch ? cluster.placeBatch(requests).results : requests.map((request) => cluster.place(request));
  const placed = results.reduce((sum, result) => sum + result.placements.length, 0);
  const instances = cluster.instances();
  return { placed, used: instancesUsed(instances), bound: lowerBound(instances, cluster.tasks()).instances, share: utilization(instances) };
}

const percent = (share: number | undefined) => `${((share ?? 0) * 100).toFixed(1)}%`;
const header = ['strategy', 'placed', 'instances used', 'lower bound', 'ratio', 'cpu used', 'memory used'];
const tasks = services.reduce((sum, service) => sum + service.desiredCount, 0);

function table(title: string, fleet: readonly InstanceSpec[]): void {
  const rows = contenders.map(([name, chain, batch]) => {
    const { placed, used, bound, share } = run(fleet, chain, batch);
    return [name, String(placed), String(used), String(bound), bound === 0 ? '-' : (used / bound).toFixed(2), percent(share.cpu), percent(share.memory)];
  });
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  console.log(`\n${tasks} tasks of ${services.length} services on ${fleet.length} instances, ${title}`);
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
}

console.log('ratio: instances used / lower bound (1 is perfect); cpu and memory used: on the instances in use');
table(`${new Set(mixed.map((spec) => spec.attributes?.['ecs.instance-type'])).size} general-purpose instance types`, mixed);
table('all m5.xlarge', uniform);
