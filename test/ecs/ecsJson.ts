import { readFileSync } from 'node:fs';

/** Reads a fixture of test/fixtures/ecs as parsed JSON. */
export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/ecs/${name}`, import.meta.url), 'utf8')) as unknown;
}

/** One ECS `Resource`, with the zero fields ECS prints beside the one that matters. */
export function resource(name: string, value: number | readonly string[], type = Array.isArray(value) ? 'STRINGSET' : 'INTEGER'): Record<string, unknown> {
  const base = { name, type, doubleValue: 0.0, longValue: 0, integerValue: 0 };
  if (type === 'STRINGSET') return { ...base, stringSetValue: value };
  const field = type === 'LONG' ? 'longValue' : type === 'DOUBLE' ? 'doubleValue' : 'integerValue';
  return { ...base, [field]: value };
}

/** What one container instance of the tests registers and has left. */
export interface InstanceShape {
  readonly id: string;
  readonly cpu: number;
  readonly memory: number;
  readonly cpuLeft?: number;
  readonly memoryLeft?: number;
  readonly reserved?: readonly string[];
  readonly inUse?: readonly string[];
  readonly udpInUse?: readonly string[];
  readonly attributes?: Readonly<Record<string, string | null>>;
  readonly status?: string;
  readonly agentConnected?: boolean;
  readonly runningTasksCount?: number;
  readonly capacityProviderName?: string;
}

const DEFAULT_RESERVED = ['22', '2375', '2376', '51678', '51679'];

/** A container instance as DescribeContainerInstances prints it. */
export function containerInstance(shape: InstanceShape): Record<string, unknown> {
  const reserved = shape.reserved ?? DEFAULT_RESERVED;
  return {
    containerInstanceArn: arnOf(shape.id),
    ec2InstanceId: `i-${shape.id}`,
    version: 3,
    versionInfo: { agentVersion: '1.86.3', agentHash: 'a7c6a3d6', dockerVersion: 'DockerVersion: 25.0.8' },
    remainingResources: [
      resource('CPU', shape.cpuLeft ?? shape.cpu),
      resource('MEMORY', shape.memoryLeft ?? shape.memory),
      resource('PORTS', [...reserved, ...(shape.inUse ?? [])]),
      resource('PORTS_UDP', shape.udpInUse ?? []),
    ],
    registeredResources: [resource('CPU', shape.cpu), resource('MEMORY', shape.memory), resource('PORTS', reserved), resource('PORTS_UDP', [])],
    status: shape.status ?? 'ACTIVE',
    agentConnected: shape.agentConnected ?? true,
    runningTasksCount: shape.runningTasksCount ?? 0,
    pendingTasksCount: 0,
    attributes: Object.entries(shape.attributes ?? {}).map(([name, value]) => (value === null ? { name } : { name, value })),
    registeredAt: '2025-03-02T09:11:07.512000+00:00',
    ...(shape.capacityProviderName === undefined ? {} : { capacityProviderName: shape.capacityProviderName }),
    attachments: [],
    tags: [],
  };
}

/** A DescribeContainerInstances response. */
export function describeResponse(...instances: readonly InstanceShape[]): Record<string, unknown> {
  return { containerInstances: instances.map(containerInstance), failures: [] };
}

/** The arn {@link containerInstance} gives an id. */
export function arnOf(id: string): string {
  return `arn:aws:ecs:us-east-1:123456789012:container-instance/test/${id}`;
}

/** Deep copy of a document with one value changed at a path of keys and indexes. */
export function withValue(document: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(document) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

