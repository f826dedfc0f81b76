import type { InstanceView } from '../src/query/InstanceView';

/** A small deterministic generator (mulberry32), so every run measures the same fleet. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = ['t3.micro', 't3.large', 'm5.large', 'm5.2xlarge', 'c5.xlarge', 'r5.large', 'g4dn.xlarge', 'm6g.large'];
const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d'];
const GROUPS = ['service:web', 'service:api', 'service:worker', 'family:batch', 'service:db'];

/** A fleet of instance views with realistic attributes and some tasks on each instance. */
export function queryFleet(size: number, seed = 1): InstanceView[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const fleet: InstanceView[] = [];
  for (let i = 0; i < size; i += 1) {
    const taskGroups = new Map<string, number>();
    const tasks = Math.floor(random() * 5);
    for (let t = 0; t < tasks; t += 1) {
      const group = pick(GROUPS);
      taskGroups.set(group, (taskGroups.get(group) ?? 0) + 1);
    }
    const attributes = new Map<string, string | null>([
      ['ecs.instance-type', pick(TYPES)],
      ['ecs.availability-zone', pick(ZONES)],
      ['ecs.os-type', 'linux'],
      ['ecs.cpu-architecture', random() < 0.2 ? 'arm64' : 'x86_64'],
      ['ecs.capability.task-eni', null],
    ]);
    if (random() < 0.5) attributes.set('stack', random() < 0.5 ? 'prod' : 'dev');
    fleet.push({
      id: `instance-${i}`,
      ec2InstanceId: `i-${i.toString(16).padStart(8, '0')}`,
      attributes,
      agentConnected: random() > 0.02,
      agentVersion: `1.${60 + Math.floor(random() * 30)}.${Math.floor(random() * 3)}`,
      registeredAt: Date.UTC(2024, 0, 1) + Math.floor(random() * 365) * 86_400_000,
      runningTasksCount: tasks,
      taskGroups,
    });
  }
  return fleet;
}
