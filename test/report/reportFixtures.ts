/**
 * Hand-made simulation reports for the report page's tests: a builder with
 * small defaults, and a realistic fleet of any size made by a tiny greedy
 * placement so its heat map and histograms look like a real run's.
 */
import { SeededRandom } from '../../src/random/SeededRandom';
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

interface InstanceType {
  readonly name: string;
  readonly cpu: number;
  readonly memory: number;
  readonly weight: number;
}

const CATALOG: readonly InstanceType[] = [
  { name: 'm5.large', cpu: 2048, memory: 7680, weight: 6 },
  { name: 'm5.xlarge', cpu: 4096, memory: 15_616, weight: 6 },
  { name: 'm5.2xlarge', cpu: 8192, memory: 31_744, weight: 3 },
  { name: 'c5.xlarge', cpu: 4096, memory: 7424, weight: 3 },
  { name: 'c5.2xlarge', cpu: 8192, memory: 15_104, weight: 2 },
  { name: 'r5.large', cpu: 2048, memory: 15_616, weight: 2 },
  { name: 'r5.xlarge', cpu: 4096, memory: 31_232, weight: 2 },
  { name: 'm6g.large', cpu: 2048, memory: 7680, weight: 2 },
  { name: 'g4dn.xlarge', cpu: 4096, memory: 15_616, weight: 1 },
];

interface ServicePlan {
  readonly name: string;
  readonly desired: number;
  readonly cpu: number;
  readonly memory: number;
  readonly mode: 'spread-binpack' | 'spread' | 'binpack' | 'random';
  readonly strategies: readonly string[];
  readonly constraints: readonly string[];
  readonly fits?: (type: string) => boolean;
  readonly distinct?: boolean;
}

const SERVICES: readonly ServicePlan[] = [
  {
    name: 'web',
    desired: 180,
    cpu: 512,
    memory: 1024,
    mode: 'spread-binpack',
    strategies: ['spread(attribute:ecs.availability-zone)', 'binpack(memory)'],
    constraints: [],
  },
  {
    name: 'cache',
    desired: 60,
    cpu: 1024,
    memory: 12_288,
    mode: 'spread',
    strategies: ['spread(attribute:ecs.availability-zone)'],
    constraints: ['distinctInstance', 'memberOf(attribute:ecs.instance-type =~ r5.*)'],
    fits: (type) => type.startsWith('r5.'),
    distinct: true,
  },
  {
    name: 'gpu-inference',
    desired: 30,
    cpu: 4096,
    memory: 6144,
    mode: 'binpack',
    strategies: ['binpack(cpu)'],
    constraints: ['memberOf(attribute:ecs.instance-type =~ g4dn.*)'],
    fits: (type) => type.startsWith('g4dn.'),
  },
  {
    name: 'api',
    desired: 150,
    cpu: 1024,
    memory: 2048,
    mode: 'spread',
    strategies: ['spread(attribute:ecs.availability-zone)', 'spread(instanceId)'],
    constraints: [],
  },
  { name: 'worker', desired: 240, cpu: 512, memory: 3072, mode: 'binpack', strategies: ['binpack(memory)'], constraints: [] },
  { name: 'batch-reports', desired: 460, cpu: 1024, memory: 4096, mode: 'random', strategies: ['random'], constraints: [] },
];

interface MutableInstance {
  readonly id: string;
  readonly zone: string;
  readonly type: InstanceType;
  readonly status: string;
  freeCpu: number;
  freeMemory: number;
  tasks: number;
  readonly groups: Set<string>;
}

/**
 * A realistic report: `size` instances of a mixed fleet over `zones`, six
 * services placed by a small greedy imitation of spread, binpack and random,
 * so some services fall short with ECS's failure reasons.
 */
export function realisticReport(size = 300, zones: readonly string[] = ['us-east-1a', 'us-east-1b', 'us-east-1c'], seed = 42): SimulationReport {
  const random = new SeededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random.next() * items.length)] ?? (items[0] as T);
  const totalWeight = CATALOG.reduce((sum, type) => sum + type.weight, 0);
  const chooseType = (): InstanceType => {
    let roll = random.next() * totalWeight;
    for (const type of CATALOG) {
      roll -= type.weight;
      if (roll < 0) return type;
    }
    return CATALOG[0] as InstanceType;
  };
  const fleet: MutableInstance[] = [];
  for (let index = 0; index < size; index += 1) {
    const type = chooseType();
    const roll = random.next();
    fleet.push({
      id: `i-${(0x0a1b2c3d00 + index * 7919).toString(16).padStart(17, '0')}`,
      zone: zones[index % Math.max(1, zones.length)] ?? 'us-east-1a',
      type,
      status: roll < 0.02 ? 'DRAINING' : roll < 0.03 ? 'INACTIVE' : 'ACTIVE',
      freeCpu: type.cpu,
      freeMemory: type.memory,
      tasks: 0,
      groups: new Set(),
    });
  }
  const failuresByReason: Record<string, number> = {};
  const services: ServiceReport[] = SERVICES.map((plan) => {
    const failures: Record<string, number> = {};
    let firstFailure: string | undefined;
    const byZone: Record<string, number> = Object.fromEntries(zones.map((zone) => [zone, 0]));
    const byInstanceType: Record<string, number> = {};
    let running = 0;
    // Counts scale with the fleet so a large fleet is as busy as the sample's.
    const desired = Math.max(1, Math.round((plan.desired * size) / 300));
    for (let task = 0; task < desired; task += 1) {
      const group = `service:${plan.name}`;
      const active = fleet.filter((instance) => instance.status === 'ACTIVE');
      const allowed = active.filter((instance) => (plan.fits?.(instance.type.name) ?? true) && !(plan.distinct === true && instance.groups.has(group)));
      const fitting = allowed.filter((instance) => instance.freeCpu >= plan.cpu && instance.freeMemory >= plan.memory);
      if (fitting.length === 0) {
        const reason =
          allowed.length === 0
            ? plan.distinct === true
              ? 'DistinctInstance placement constraint unsatisfied.'
              : 'MemberOf placement constraint unsatisfied.'
            : allowed.some((instance) => instance.freeMemory >= plan.memory)
              ? 'RESOURCE:CPU'
              : 'RESOURCE:MEMORY';
        failures[reason] = (failures[reason] ?? 0) + 1;
        failuresByReason[reason] = (failuresByReason[reason] ?? 0) + 1;
        firstFailure ??=
          allowed.length === 0
            ? `0/${size} instances are available: ${size - active.length} are not ACTIVE, ${active.length} do not satisfy the constraints of ${group}.`
            : `0/${size} instances are available: ${size - active.length} are not ACTIVE, ${allowed.length} have too little ${reason === 'RESOURCE:CPU' ? 'cpu' : 'memory'} for ${plan.cpu} cpu / ${plan.memory} MiB.`;
        continue;
      }
      let chosen: MutableInstance;
      if (plan.mode === 'random') chosen = pick(fitting);
      else {
        let candidates = fitting;
        if (plan.mode !== 'binpack') {
          const fewest = Math.min(...candidates.map((instance) => byZone[instance.zone] ?? 0));
          candidates = candidates.filter((instance) => (byZone[instance.zone] ?? 0) === fewest);
        }
        if (plan.mode === 'spread') {
          const least = Math.min(...candidates.map((instance) => (instance.groups.has(group) ? 1 : 0)));
          candidates = candidates.filter((instance) => (instance.groups.has(group) ? 1 : 0) === least);
          chosen = pick(candidates);
        } else {
          const field = plan.strategies.includes('binpack(cpu)') ? 'freeCpu' : 'freeMemory';
          const tightest = Math.min(...candidates.map((instance) => instance[field]));
          chosen = pick(candidates.filter((instance) => instance[field] === tightest));
        }
      }
      chosen.freeCpu -= plan.cpu;
      chosen.freeMemory -= plan.memory;
      chosen.tasks += 1;
      chosen.groups.add(group);
      running += 1;
      byZone[chosen.zone] = (byZone[chosen.zone] ?? 0) + 1;
      byInstanceType[chosen.type.name] = (byInstanceType[chosen.type.name] ?? 0) + 1;
    }
    const counts = Object.values(byZone);
    return {
      name: plan.name,
      group: `service:${plan.name}`,
      desiredCount: desired,
      running,
      strategies: plan.strategies,
      constraints: plan.constraints,
      failures,
      ...(firstFailure === undefined ? {} : { firstFailure }),
      byZone,
      byInstanceType,
      zoneSkew: counts.length === 0 ? 0 : Math.max(...counts) - Math.min(...counts),
    };
  });
  const instances: InstanceUsage[] = fleet.map((instance) => ({
    id: instance.id,
    zone: instance.zone,
    type: instance.type.name,
    status: instance.status,
    tasks: instance.tasks,
    cpu: 1 - instance.freeCpu / instance.type.cpu,
    memory: 1 - instance.freeMemory / instance.type.memory,
    freeMemory: instance.freeMemory,
    freeCpu: instance.freeCpu,
  }));
  const used = fleet.filter((instance) => instance.tasks > 0);
  const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
  const demand = { cpu: sum(used.map((i) => i.type.cpu - i.freeCpu)), memory: sum(used.map((i) => i.type.memory - i.freeMemory)) };
  const boundFor = (resource: 'cpu' | 'memory'): number => {
    const capacities = fleet.map((instance) => instance.type[resource]).sort((a, b) => b - a);
    let covered = 0;
    let count = 0;
    for (const capacity of capacities) {
      if (covered >= demand[resource]) break;
      covered += capacity;
      count += 1;
    }
    return count;
  };
  const byResource = { cpu: boundFor('cpu'), memory: boundFor('memory') };
  const bound = Math.max(byResource.cpu, byResource.memory);
  const exhausted = used.filter((instance) => instance.freeCpu < 256 || instance.freeMemory < 512);
  const placements = sum(services.map((service) => service.running));
  const elapsedMs = 38.4;
  return {
    scenario: { name: `Mixed fleet, ${size} instances`, seed, instances: size, zones },
    services,
    metrics: {
      lowerBound: { instances: bound, byResource, method: 'fractional' },
      instancesUsed: used.length,
      packingRatio: bound === 0 ? null : used.length / bound,
      utilization: {
        cpu: demand.cpu / Math.max(1, sum(used.map((i) => i.type.cpu))),
        memory: demand.memory / Math.max(1, sum(used.map((i) => i.type.memory))),
      },
      stranded: { cpu: sum(exhausted.map((i) => i.freeCpu)), memory: sum(exhausted.map((i) => i.freeMemory)) },
      failuresByReason,
    },
    instances,
    timing: { placements, elapsedMs, placementsPerSecond: placements / (elapsedMs / 1000), peakHeapBytes: 58_720_256 },
  };
}
