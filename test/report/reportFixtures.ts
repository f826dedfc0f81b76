/**
 * Simulation reports for the report page's tests: a builder with small
 * defaults, a large random fleet for size tests, and a real run.
 */
import { SeededRandom } from '../../src/random/SeededRandom';
import { DEFAULT_SCENARIO } from '../../src/sim/defaultScenario';
import { runSimulation } from '../../src/sim/runSimulation';
import type { InstanceUsage, ServiceReport, SimulationReport } from '../../src/sim/SimulationReport';

/** An instance with the given fields changed: m5.large in us-east-1a, half used. */
export function makeInstance(id: string, overrides: Partial<InstanceUsage> = {}): InstanceUsage {
  return { id, zone: 'us-east-1a', type: 'm5.large', status: 'ACTIVE', tasks: 2, cpu: 0.5, memory: 0.5, freeMemory: 4096, freeCpu: 1024, ...overrides };
}

/** A service with the given fields changed: `web`, 4 of 4 running in us-east-1a. */
export function makeService(name: string, overrides: Partial<ServiceReport> = {}): ServiceReport {
  return {
    name,
    group: `service:${name}`,
    desiredCount: 4,
    running: 4,
    strategies: ['spread(attribute:ecs.availability-zone)', 'binpack(memory)'],
    constraints: [],
    failures: {},
    byZone: { 'us-east-1a': 4 },
    byInstanceType: { 'm5.large': 4 },
    zoneSkew: 0,
    ...overrides,
  };
}

/** Overrides for {@link makeReport}. */
export interface ReportOverrides {
  readonly name?: string;
  readonly seed?: number;
  readonly zones?: readonly string[];
  readonly instances?: readonly InstanceUsage[];
  readonly services?: readonly ServiceReport[];
  readonly metrics?: Partial<SimulationReport['metrics']>;
  readonly timing?: Partial<SimulationReport['timing']>;
}

/** A report with the given parts changed; by default two instances and one service, no failures. */
export function makeReport(overrides: ReportOverrides = {}): SimulationReport {
  const instances = overrides.instances ?? [makeInstance('i-1'), makeInstance('i-2', { tasks: 2 })];
  const zones = overrides.zones ?? ['us-east-1a'];
  return {
    scenario: { name: overrides.name ?? 'small', seed: overrides.seed ?? 7, instances: instances.length, zones },
    services: overrides.services ?? [makeService('web')],
    metrics: {
      lowerBound: { instances: 2, byResource: { cpu: 1, memory: 2 }, method: 'homogeneous' },
      instancesUsed: instances.filter((instance) => instance.tasks > 0).length,
      packingRatio: 1,
      utilization: { cpu: 0.5, memory: 0.5 },
      stranded: {},
      failuresByReason: {},
      ...overrides.metrics,
    },
    instances,
    timing: { placements: 4, elapsedMs: 0.4, placementsPerSecond: 10_000, ...overrides.timing },
  };
}

/**
 * A large fleet without placement, for size tests: `size` instances over
 * `zones` and a few types, with utilization drawn at random.
 */
export function largeFleet(size: number, zones: readonly string[] = ['us-east-1a', 'us-east-1b', 'us-east-1c'], seed = 1): InstanceUsage[] {
  const random = new SeededRandom(seed);
  const types = ['m5.large', 'm5.xlarge', 'm5.2xlarge', 'c5.xlarge', 'c5.2xlarge', 'r5.large', 'r5.xlarge', 'm6g.large'];
  return Array.from({ length: size }, (_, index) =>
    makeInstance(`i-${index.toString(16).padStart(17, '0')}`, {
      zone: zones[index % Math.max(1, zones.length)] ?? 'us-east-1a',
      type: types[Math.floor(random.next() * types.length)] ?? 'm5.large',
      status: random.next() < 0.02 ? 'DRAINING' : 'ACTIVE',
      cpu: random.next(),
      memory: random.next(),
      tasks: Math.floor(random.next() * 12),
      freeMemory: Math.floor(random.next() * 16_384),
      freeCpu: Math.floor(random.next() * 4096),
    }),
  );
}

/**
 * A real report: the default scenario's services, less its GPU service (so
 * the lower bound is cpu and memory only), run on a generated fleet of `size`
 * instances in three zones, with seed 42. Some services fall short with
 * ECS's failure reasons. A stepping clock and a fixed heap gauge make the
 * report, timing included, the same on every run.
 */
export function realisticReport(size = 300): SimulationReport {
  let clock = 0;
  return runSimulation(
    {
      ...DEFAULT_SCENARIO,
      name: `Mixed fleet, ${size} instances`,
      seed: 42,
      fleet: { size, seed: 42 },
      services: DEFAULT_SCENARIO.services.filter((service) => service.task.resources.gpu === undefined),
    },
    { now: () => (clock += 0.05), heapUsed: () => 58_720_256 },
  );
}
