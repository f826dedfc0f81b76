import { describe, expect, it } from 'vitest';
import { makeInstanceSpec } from '../../test/support/makeInstanceSpec';
import type { PlacementRequest } from '../model/PlacementRequest';
import { Cluster } from './Cluster';

const task = (memory = 512, extra: Partial<PlacementRequest['task']> = {}): PlacementRequest['task'] => ({
  family: 'web',
  resources: { cpu: 128, memory },
  ...extra,
});

const placedOn = (cluster: Cluster, request: PlacementRequest): string[] =>
  cluster.place(request).placements.map((placement) => placement.instanceId);

describe('binpack', () => {
  it('places on the instance with the least remaining field, and ties go to the earliest registered', () => {
    const cluster = new Cluster({
      instances: [
        makeInstanceSpec('a', { resources: { memory: 4096 } }),
        makeInstanceSpec('b', { resources: { memory: 2048 } }),
        makeInstanceSpec('c', { resources: { memory: 2048 } }),
        makeInstanceSpec('d', { resources: { memory: 1024 } }),
      ],
    });
    const binpack = [{ type: 'binpack', field: 'memory' }] as const;
    expect(placedOn(cluster, { task: task(1024), placementStrategy: binpack })).toEqual(['d']);
    // d is full now; b and c tie on memory, b registered first.
    expect(placedOn(cluster, { task: task(1024), count: 3, placementStrategy: binpack })).toEqual(['b', 'b', 'c']);
  });

  it('packs on a custom resource, counting a resource an instance does not list as 0', () => {
    const cluster = new Cluster({
      instances: [makeInstanceSpec('a', { resources: { eni: 3 } }), makeInstanceSpec('b', { resources: { eni: 2 } }), makeInstanceSpec('c')],
    });
    expect(placedOn(cluster, { task: task(), placementStrategy: [{ type: 'binpack', field: 'eni' }] })).toEqual(['c']);
  });
});

describe('spread', () => {
  const zones = () =>
    new Cluster({
      instances: [
        makeInstanceSpec('a1', { zone: 'us-east-1a' }),
        makeInstanceSpec('a2', { zone: 'us-east-1a' }),
        makeInstanceSpec('b1', { zone: 'us-east-1b' }),
        makeInstanceSpec('c1', { zone: 'us-east-1c' }),
      ],
    });

  it('evens out the group over the values of an attribute', () => {
    const cluster = zones();
    const spreadZone = [{ type: 'spread', field: 'attribute:ecs.availability-zone' }] as const;
    expect(placedOn(cluster, { task: task(), count: 6, group: 'g', placementStrategy: spreadZone })).toEqual(['a1', 'b1', 'c1', 'a1', 'b1', 'c1']);
  });

  it('within the chosen zone, lets the next strategy break the tie', () => {
    const cluster = zones();
    const chain = [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }] as const;
    expect(placedOn(cluster, { task: task(), count: 4, group: 'g', placementStrategy: chain })).toEqual(['a1', 'b1', 'c1', 'a2']);
  });

  it('counts the tasks on every instance of a bucket, even one that cannot take the task', () => {
    const cluster = zones();
    cluster.place({ task: task(), count: 2, group: 'g', placementStrategy: [{ type: 'spread', field: 'instanceId' }] });
    // a1 and a2 hold one task each; drain both: zone a still counts 2.
    cluster.updateInstance('a1', { status: 'DRAINING' });
    const spreadZone = [{ type: 'spread', field: 'attribute:ecs.availability-zone' }] as const;
    expect(placedOn(cluster, { task: task(), count: 2, group: 'g', placementStrategy: spreadZone })).toEqual(['b1', 'c1']);
    expect(placedOn(cluster, { task: task(), count: 1, group: 'g', placementStrategy: spreadZone })).toEqual(['b1']);
  });

  it('puts the instances without the attribute in one bucket of their own', () => {
    const cluster = new Cluster({
      instances: [
        makeInstanceSpec('x', { attributes: { rack: 'r1' } }),
        makeInstanceSpec('y'),
        makeInstanceSpec('z'),
      ],
    });
    const spreadRack = [{ type: 'spread', field: 'attribute:rack' }] as const;
    expect(placedOn(cluster, { task: task(), count: 4, group: 'g', placementStrategy: spreadRack })).toEqual(['x', 'y', 'x', 'y']);
  });

  it('counts only the tasks of the request group', () => {
    const cluster = zones();
    cluster.place({ task: task(), count: 3, group: 'other', placementStrategy: [{ type: 'binpack', field: 'memory' }] });
    expect(cluster.tasks().map((t) => t.instanceId)).toEqual(['a1', 'a1', 'a1']);
    const spreadZone = [{ type: 'spread', field: 'attribute:ecs.availability-zone' }] as const;
    expect(placedOn(cluster, { task: task(), group: 'g', placementStrategy: spreadZone })).toEqual(['a1']);
  });
});

describe('defaults and groups', () => {
  const fleet = () => [
    makeInstanceSpec('a1', { zone: 'us-east-1a' }),
    makeInstanceSpec('a2', { zone: 'us-east-1a' }),
    makeInstanceSpec('b1', { zone: 'us-east-1b' }),
  ];

  it('spreads a service over zones, then instances, when it gives no strategy', () => {
    const cluster = new Cluster({ instances: fleet() });
    expect(placedOn(cluster, { task: task(), count: 4, service: 'web' })).toEqual(['a1', 'b1', 'a2', 'b1']);
    expect(cluster.explain({ task: task(), service: 'web' }).strategies).toEqual([
      'spread(attribute:ecs.availability-zone)', 'spread(instanceId)',
    ]);
  });

  it('places a standalone request at random, the same way for the same seed', () => {
    const run = (seed: number) => placedOn(new Cluster({ instances: fleet(), seed }), { task: task(), count: 8 });
    expect(run(7)).toEqual(run(7));
    expect(new Cluster({ instances: fleet() }).explain({ task: task() }).strategies).toEqual(['random']);
    const seeds = [1, 2, 3, 4, 5, 6].map(run).map((ids) => ids.join());
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it('names the group service:NAME, the given group, or family:FAMILY', () => {
    const cluster = new Cluster({ instances: fleet() });
    cluster.place({ task: task(), service: 'web' });
    cluster.place({ task: task(), group: 'batch-7' });
    cluster.place({ task: task() });
    cluster.place({ task: { resources: { memory: 1 } } });
    expect(cluster.tasks().map((t) => t.group)).toEqual(['service:web', 'batch-7', 'family:web', 'family:default']);
  });
});

describe('constraints', () => {
  it('never puts two tasks of the group on one instance with distinctInstance, and says so', () => {
    const cluster = new Cluster({ instances: [makeInstanceSpec('a'), makeInstanceSpec('b')] });
    const result = cluster.place({ task: task(), count: 3, service: 'web', placementConstraints: [{ type: 'distinctInstance' }] });
    expect(result.placements.map((p) => p.instanceId).sort()).toEqual(['a', 'b']);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({
      reason: 'DistinctInstance placement constraint unsatisfied.',
      instanceId: 'a',
      diagnosis: { summary: '0/2 instances are available: 2 already run a task of group service:web.' },
    });
  });

  it('applies the task definition memberOf and the request memberOf together', () => {
    const cluster = new Cluster({
      instances: [
        makeInstanceSpec('a', { type: 't3.large', zone: 'us-east-1a' }),
        makeInstanceSpec('b', { type: 't3.large', zone: 'us-east-1b' }),
        makeInstanceSpec('c', { type: 'm5.large', zone: 'us-east-1b' }),
      ],
    });
    const request: PlacementRequest = {
      task: task(512, { placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' }] }),
      count: 2,
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone == us-east-1b' }],
    };
    expect(placedOn(cluster, request)).toEqual(['b', 'b']);
  });

  it('sees the tasks placed earlier in the same request in task:group', () => {
    const cluster = new Cluster({ instances: [makeInstanceSpec('a'), makeInstanceSpec('b'), makeInstanceSpec('c')] });
    const result = cluster.place({
      task: task(),
      count: 3,
      group: 'db',
      placementStrategy: [{ type: 'binpack', field: 'memory' }],
      placementConstraints: [{ type: 'memberOf', expression: 'not(task:group == db)' }],
    });
    expect(result.placements.map((p) => p.instanceId)).toEqual(['a', 'b', 'c']);
  });
});

describe('the checks before the strategies', () => {
  it('gives DRAINING instances and disconnected agents nothing', () => {
    const cluster = new Cluster({
      instances: [makeInstanceSpec('a', { status: 'DRAINING' }), makeInstanceSpec('b', { agentConnected: false }), makeInstanceSpec('c')],
    });
    expect(placedOn(cluster, { task: task(), count: 2 })).toEqual(['c', 'c']);
    cluster.updateInstance('c', { status: 'DRAINING' });
    expect(cluster.place({ task: task() }).failures[0]).toMatchObject({
      reason: 'AGENT',
      instanceId: 'b',
      diagnosis: { summary: '0/3 instances are available: 2 are DRAINING, 1 has a disconnected agent.' },
    });
  });

  it('requires the attributes the task requires, with or without a value', () => {
    const cluster = new Cluster({ instances: [makeInstanceSpec('a'), makeInstanceSpec('b', { attributes: { 'ecs.capability.task-eni': null } })] });
    expect(placedOn(cluster, { task: task(512, { requiresAttributes: ['ecs.capability.task-eni'] }) })).toEqual(['b']);
    cluster.updateInstance('b', { removeAttributes: ['ecs.capability.task-eni'] });
    expect(cluster.place({ task: task(512, { requiresAttributes: ['ecs.capability.task-eni'] }) }).failures[0]).toMatchObject({
      reason: 'ATTRIBUTE',
      rejection: { code: 'missing_attribute', attribute: 'ecs.capability.task-eni' },
    });
  });

  it('keeps a static host port for one task, lets dynamic ports through, and respects agent-reserved ports', () => {
    const cluster = new Cluster({ instances: [makeInstanceSpec('a', { reservedPorts: { tcp: [22], udp: [53] } })] });
    expect(placedOn(cluster, { task: task(16, { ports: { tcp: [80, 0] } }) })).toEqual(['a']);
    expect(placedOn(cluster, { task: task(16, { ports: { tcp: [0] } }), count: 3 })).toEqual(['a', 'a', 'a']);
    expect(cluster.place({ task: task(16, { ports: { tcp: [80] } }) }).failures[0]).toMatchObject({
      reason: 'RESOURCE:PORTS',
      rejection: { code: 'port_in_use', protocol: 'tcp', port: 80, reserved: false },
      diagnosis: { rejected: [{ resolvable: true }] },
    });
    expect(cluster.place({ task: task(16, { ports: { udp: [53] } }) }).failures[0]).toMatchObject({
      reason: 'RESOURCE:PORTS_UDP',
      diagnosis: { summary: '0/1 instances are available: 1 reserves UDP port 53 for the agent.', rejected: [{ resolvable: false }] },
    });
  });

  describe.each(['indexed', 'reference'] as const)('on the %s engine', (engine) => {
    const ports = (from: number, count: number): number[] => Array.from({ length: count }, (_, index) => from + index);

    it('keeps each instance within 100 reserved host ports, the agent\'s and static ones, TCP and UDP together', () => {
      const cluster = new Cluster({
        engine,
        instances: [
          // 95 TCP and 2 UDP ports reserved by the agent: three static ports left.
          makeInstanceSpec('crowded', { resources: { memory: 1024 }, reservedPorts: { tcp: ports(10_000, 95), udp: [53, 54] } }),
          makeInstanceSpec('roomy', { reservedPorts: { tcp: [22] } }),
        ],
      });
      const binpack = [{ type: 'binpack', field: 'memory' }] as const;
      // Four static ports would make 101 on the crowded instance, though each of them is free there.
      expect(placedOn(cluster, { task: task(16, { ports: { tcp: [80, 443], udp: [5000, 5001] } }), placementStrategy: binpack })).toEqual(['roomy']);
      // Three make exactly 100; then one more static port is one too many, and dynamic ports still fit.
      expect(placedOn(cluster, { task: task(16, { ports: { tcp: [80, 443], udp: [5000] } }), placementStrategy: binpack })).toEqual(['crowded']);
      expect(placedOn(cluster, { task: task(16, { ports: { tcp: [8080] } }), placementStrategy: binpack })).toEqual(['roomy']);
      expect(placedOn(cluster, { task: task(16, { ports: { tcp: [0] } }), placementStrategy: binpack })).toEqual(['crowded']);
      cluster.updateInstance('roomy', { status: 'DRAINING' });
      expect(cluster.place({ task: task(16, { ports: { udp: [9000] } }) }).failures[0]).toMatchObject({
        reason: 'RESOURCE:PORTS',
        instanceId: 'crowded',
        rejection: { code: 'too_many_ports', requested: 1, reserved: 97, bound: 3 },
        detail: "The closest matching container-instance crowded has too many ports registered: 100 host ports are reserved (97 by the agent, 3 by tasks), and the task's 1 static port would take it past 100.",
        diagnosis: {
          summary: '0/2 instances are available: 1 is DRAINING, 1 would pass the limit of 100 reserved host ports.',
          rejected: [{ code: 'not_active', resolvable: false }, { code: 'too_many_ports', reason: 'RESOURCE:PORTS', resolvable: true }],
        },
      });
    });

    it('calls the port limit final when the agent\'s ports alone leave too little room for the task\'s', () => {
      const cluster = new Cluster({ engine, instances: [makeInstanceSpec('a', { reservedPorts: { tcp: ports(10_000, 99) } })] });
      expect(cluster.place({ task: task(16, { ports: { tcp: [80, 81] } }) }).failures[0]).toMatchObject({
        reason: 'RESOURCE:PORTS',
        rejection: { code: 'too_many_ports', requested: 2, reserved: 99, bound: 0 },
        diagnosis: { summary: "0/1 instances are available: 1 reserves too many ports for the agent to take the task's within the limit of 100.", rejected: [{ resolvable: false }] },
      });
    });

    it('requires an attribute to have the value the task requires, and a name alone to be present with any value or none', () => {
      const cluster = new Cluster({
        engine,
        instances: [
          makeInstanceSpec('bare'),
          makeInstanceSpec('valueless', { attributes: { 'ecs.cpu-architecture': null } }),
          makeInstanceSpec('x86', { attributes: { 'ecs.cpu-architecture': 'x86_64' } }),
          makeInstanceSpec('arm', { attributes: { 'ecs.cpu-architecture': 'arm64' } }),
        ],
      });
      const arm = task(16, { requiresAttributes: [{ name: 'ecs.cpu-architecture', value: 'arm64' }] });
      const x86 = task(16, { requiresAttributes: [{ name: 'ecs.cpu-architecture', value: 'x86_64' }] });
      const any = task(16, { requiresAttributes: ['ecs.cpu-architecture'] });
      // Requests that differ only in the value required go to different instances: the value is part of what is checked.
      expect(placedOn(cluster, { task: arm, count: 2 })).toEqual(['arm', 'arm']);
      expect(placedOn(cluster, { task: x86, count: 2 })).toEqual(['x86', 'x86']);
      expect(new Set(placedOn(cluster, { task: any, count: 12 }))).toEqual(new Set(['valueless', 'x86', 'arm']));
      cluster.updateInstance('arm', { attributes: { 'ecs.cpu-architecture': 'arm64e' } });
      expect(cluster.place({ task: arm }).failures[0]).toMatchObject({
        reason: 'ATTRIBUTE',
        instanceId: 'bare',
        rejection: { code: 'missing_attribute', attribute: 'ecs.cpu-architecture', value: 'arm64' },
        detail: 'The closest matching container-instance bare is missing an attribute required by your task: ecs.cpu-architecture with value arm64.',
        diagnosis: { summary: '0/4 instances are available: 4 lack the attribute ecs.cpu-architecture with value arm64.', rejected: [{ resolvable: false }] },
      });
    });
  });

  it('reports the ECS reason of the closest matching instance, with the diagnosis of every instance', () => {
    const cluster = new Cluster({
      instances: [
        makeInstanceSpec('small', { resources: { memory: 256 } }),
        makeInstanceSpec('cpu-poor', { resources: { cpu: 64 } }),
        makeInstanceSpec('drained', { status: 'DRAINING' }),
        makeInstanceSpec('gpu-less', { resources: { memory: 8192 } }),
      ],
    });
    const result = cluster.place({ task: task(1024, { resources: { cpu: 128, memory: 1024, gpu: 1 } }), count: 2 });
    expect(result.placements).toEqual([]);
    expect(result.failures).toHaveLength(2);
    expect(result.failures[0]).toEqual(result.failures[1]);
    // gpu-less passed cpu and memory before failing on gpu: the furthest.
    expect(result.failures[0]).toMatchObject({
      reason: 'RESOURCE:GPU',
      instanceId: 'gpu-less',
      detail: 'The closest matching container-instance gpu-less has insufficient GPUs available: the task needs 1 GPUs, 0 remain.',
    });
    expect(result.failures[0]?.diagnosis).toEqual({
      instances: 4,
      available: 0,
      rejected: [
        { code: 'insufficient_resource', reason: 'RESOURCE:CPU', description: 'has insufficient CPU', count: 1, resolvable: true },
        { code: 'insufficient_resource', reason: 'RESOURCE:GPU', description: 'has insufficient GPUs', count: 1, resolvable: true },
        { code: 'insufficient_resource', reason: 'RESOURCE:MEMORY', description: 'has insufficient memory', count: 1, resolvable: true },
        { code: 'not_active', reason: 'AGENT', description: 'is DRAINING', count: 1, resolvable: false },
      ],
      summary: '0/4 instances are available: 1 has insufficient CPU, 1 has insufficient GPUs, 1 has insufficient memory, 1 is DRAINING.',
    });
  });

  it('reports ECS words when the cluster has no instances', () => {
    expect(new Cluster().place({ task: task() }).failures[0]).toEqual({
      reason: 'No Container Instances were found in your cluster.',
      detail: 'No Container Instances were found in your cluster.',
      diagnosis: { instances: 0, available: 0, rejected: [], summary: '0/0 instances are available: the cluster has no instances.' },
    });
  });
});

describe('what a result hands back', () => {
  const deeplyFrozen = (value: unknown): boolean =>
    typeof value !== 'object' || value === null || (Object.isFrozen(value) && Object.values(value).every(deeplyFrozen));

  it.each(['indexed', 'reference'] as const)('cannot be changed through one failure for another, or for a later request (%s engine)', (engine) => {
    const request: PlacementRequest = { task: task(512), count: 2, placementConstraints: [{ type: 'memberOf', expression: 'attribute:stack == prod' }] };
    const first = new Cluster({ engine, instances: [makeInstanceSpec('a'), makeInstanceSpec('b', { resources: { cpu: 8, memory: 8 } })] });
    const { failures } = first.place(request);
    expect(failures).toHaveLength(2);
    for (const failure of failures) expect(deeplyFrozen(failure)).toBe(true);
    const summary = failures[1]?.diagnosis.summary;
    expect(() => Object.assign(failures[0]?.diagnosis as object, { summary: 'changed' })).toThrow(TypeError);
    expect(() => Object.assign(failures[0]?.rejection as object, { expression: 'changed' })).toThrow(TypeError);
    expect(failures[1]?.diagnosis.summary).toBe(summary);
    const later = new Cluster({ engine, instances: [makeInstanceSpec('c')] }).place(request).failures[0];
    expect(later?.rejection).toEqual({ code: 'member_of', expression: 'attribute:stack == prod' });
    expect(deeplyFrozen(first.explain(request).diagnosis)).toBe(true);
  });
});
