import { describe, expect, it } from 'vitest';
import type { InstanceInfo } from '../../model/InstanceInfo';
import type { TaskInfo } from '../../model/TaskInfo';
import type { InstanceStatus } from '../../model/InstanceSpec';
import type { PlacementFailure, PlacementResult } from '../../placement/PlacementResult';
import { inputErrorOf } from '../../../test/support/inputErrorOf';
import { failuresByReason } from './failuresByReason';
import { fleetMetrics } from './fleetMetrics';
import { instancesUsed } from './instancesUsed';
import { lowerBound } from './lowerBound';
import { spreadSkew } from './spreadSkew';
import { strandedCapacity } from './strandedCapacity';
import { utilization } from './utilization';

interface Shape {
  readonly registered: Record<string, number>;
  readonly remaining?: Record<string, number>;
  readonly tasks?: number;
  readonly status?: InstanceStatus;
  readonly agentConnected?: boolean;
  readonly attributes?: Record<string, string | null>;
}

function instance(id: string, shape: Shape): InstanceInfo {
  return {
    id,
    status: shape.status ?? 'ACTIVE',
    agentConnected: shape.agentConnected ?? true,
    attributes: shape.attributes ?? {},
    registeredResources: shape.registered,
    remainingResources: shape.remaining ?? shape.registered,
    reservedPorts: { tcp: [], udp: [] },
    portsInUse: { tcp: [], udp: [] },
    runningTasksCount: shape.tasks ?? 0,
    taskGroups: {},
  };
}

let taskNumber = 0;
function task(instanceId: string, resources: Record<string, number>, group = 'service:web'): TaskInfo {
  taskNumber += 1;
  return { taskId: `task-${taskNumber}`, instanceId, group, resources, ports: { tcp: [], udp: [] } };
}

const SMALL = { cpu: 2048, memory: 4096 };

describe('lowerBound', () => {
  it('is ceil(demand / capacity) per resource on a homogeneous fleet', () => {
    const instances = ['a', 'b', 'c', 'd'].map((id) => instance(id, { registered: SMALL }));
    const tasks = Array.from({ length: 5 }, () => task('a', { cpu: 512, memory: 1024 }));
    expect(lowerBound(instances, tasks)).toEqual({ instances: 2, byResource: { cpu: 2, memory: 2 }, method: 'homogeneous' });
    const memoryBound = Array.from({ length: 9 }, () => task('a', { cpu: 128, memory: 1024 }));
    expect(lowerBound(instances, memoryBound)).toEqual({ instances: 3, byResource: { cpu: 1, memory: 3 }, method: 'homogeneous' });
  });

  it('leaves out instances that cannot take tasks and hold none, so they do not make the fleet mixed', () => {
    const instances = [
      instance('a', { registered: SMALL }), instance('b', { registered: SMALL }),
      instance('big-draining', { registered: { cpu: 16_384, memory: 65_536 }, status: 'DRAINING' }),
      instance('big-disconnected', { registered: { cpu: 16_384, memory: 65_536 }, agentConnected: false }),
    ];
    expect(lowerBound(instances, [task('a', { cpu: 1024, memory: 5000 })])).toEqual({ instances: 2, byResource: { cpu: 1, memory: 2 }, method: 'homogeneous' });
  });

  it('counts the largest capacities first on a mixed fleet', () => {
    const instances = [
      instance('small', { registered: { cpu: 1024, memory: 2048 } }),
      instance('large', { registered: { cpu: 4096, memory: 8192 } }),
      instance('medium', { registered: { cpu: 2048, memory: 4096 } }),
      instance('medium-2', { registered: { cpu: 2048, memory: 4096 } }),
    ];
    // Memory 8192 + 4096 < 13000 <= 8192 + 4096 + 4096: three instances; cpu 5000 needs two.
    const tasks = [task('large', { cpu: 2500, memory: 6500 }), task('medium', { cpu: 2500, memory: 6500 })];
    expect(lowerBound(instances, tasks)).toEqual({ instances: 3, byResource: { cpu: 2, memory: 3 }, method: 'fractional' });
  });

  it('adds gpu when a task needs GPUs', () => {
    const instances = [
      instance('g1', { registered: { cpu: 4096, memory: 16_000, gpu: 1 } }),
      instance('g2', { registered: { cpu: 4096, memory: 16_000, gpu: 1 } }),
      instance('g3', { registered: { cpu: 4096, memory: 16_000, gpu: 1 } }),
    ];
    const tasks = ['g1', 'g2', 'g3'].map((id) => task(id, { cpu: 256, memory: 512, gpu: 1 }));
    expect(lowerBound(instances, tasks)).toEqual({ instances: 3, byResource: { cpu: 1, memory: 1, gpu: 3 }, method: 'homogeneous' });
  });

  it('is 0 without tasks', () => {
    expect(lowerBound([instance('a', { registered: SMALL })], [])).toEqual({ instances: 0, byResource: { cpu: 0, memory: 0 }, method: 'homogeneous' });
    expect(lowerBound([], []).instances).toBe(0);
  });
});

describe('instancesUsed', () => {
  it('counts instances running a task, whatever their status', () => {
    const instances = [
      instance('a', { registered: SMALL, tasks: 2 }), instance('b', { registered: SMALL }),
      instance('c', { registered: SMALL, tasks: 1, status: 'DRAINING' }),
    ];
    expect(instancesUsed(instances)).toBe(2);
  });
});

describe('utilization', () => {
  it('is reserved / registered over the instances in use', () => {
    const instances = [
      instance('a', { registered: { cpu: 1000, memory: 4000, eni: 2 }, remaining: { cpu: 500, memory: 1000, eni: 1 }, tasks: 1 }),
      instance('b', { registered: { cpu: 1000, memory: 4000, eni: 2 }, remaining: { cpu: 250, memory: 3000, eni: 2 }, tasks: 1 }),
      instance('idle', { registered: { cpu: 8000, memory: 32_000, gpu: 1 } }),
    ];
    expect(utilization(instances)).toEqual({ cpu: 0.625, memory: 0.5, eni: 0.25 });
  });

  it('is 0 for cpu and memory when nothing runs', () => {
    expect(utilization([instance('idle', { registered: SMALL })])).toEqual({ cpu: 0, memory: 0 });
  });
});

describe('strandedCapacity', () => {
  it('sums what is left on instances where cpu or memory is below every running task', () => {
    const instances = [
      instance('cpu-exhausted', { registered: { cpu: 2048, memory: 8192, eni: 2 }, remaining: { cpu: 100, memory: 5000, eni: 1 }, tasks: 3 }),
      instance('memory-exhausted', { registered: SMALL, remaining: { cpu: 2000, memory: 200 }, tasks: 1 }),
      instance('room', { registered: SMALL, remaining: { cpu: 1000, memory: 1000 }, tasks: 1 }),
      instance('draining', { registered: SMALL, remaining: { cpu: 10, memory: 10 }, tasks: 1, status: 'DRAINING' }),
    ];
    const tasks = [task('room', { cpu: 256, memory: 1024 }), task('room', { cpu: 512, memory: 512 })];
    expect(strandedCapacity(instances, tasks)).toEqual({ cpu: 2100, memory: 5200, eni: 1 });
  });

  it('strands nothing when nothing runs', () => {
    expect(strandedCapacity([instance('a', { registered: SMALL, remaining: { cpu: 0, memory: 0 } })], [])).toEqual({ cpu: 0, memory: 0 });
  });
});

describe('spreadSkew', () => {
  const zone = (name: string) => ({ 'ecs.availability-zone': name });
  const instances = [
    instance('a1', { registered: SMALL, attributes: zone('a') }),
    instance('a2', { registered: SMALL, attributes: zone('a') }),
    instance('b1', { registered: SMALL, attributes: zone('b') }),
    instance('c1', { registered: SMALL, attributes: zone('c') }),
    instance('d1', { registered: SMALL, attributes: zone('d'), status: 'DRAINING' }),
  ];
  const tasks = [
    task('a1', {}), task('a1', {}), task('a2', {}), task('b1', {}),
    task('d1', {}), task('d1', {}), task('d1', {}), task('d1', {}),
    task('c1', {}, 'service:other'),
  ];

  it('counts empty buckets as 0 and only buckets of ACTIVE instances', () => {
    expect(spreadSkew(instances, tasks, 'service:web', 'attribute:ecs.availability-zone')).toBe(3);
    expect(spreadSkew(instances, tasks, 'service:web', 'instanceId')).toBe(2);
    expect(spreadSkew(instances, tasks, 'service:other', 'host')).toBe(1);
    expect(spreadSkew(instances, tasks, 'service:none', 'instanceId')).toBe(0);
  });

  it('puts instances without the attribute in one bucket', () => {
    const racks = [
      instance('r1', { registered: SMALL, attributes: { rack: 'r1' } }),
      instance('none-1', { registered: SMALL }),
      instance('none-2', { registered: SMALL, attributes: { rack: null } }),
    ];
    expect(spreadSkew(racks, [task('none-1', {}), task('none-2', {})], 'service:web', 'attribute:rack')).toBe(2);
  });

  it('is 0 without ACTIVE instances and refuses other fields', () => {
    expect(spreadSkew([instance('x', { registered: SMALL, status: 'DRAINING' })], [task('x', {})], 'service:web', 'instanceId')).toBe(0);
    expect(inputErrorOf(() => spreadSkew(instances, tasks, 'service:web', 'zone'))).toEqual({ code: 'invalid_strategy_field', path: 'field' });
  });
});

function failure(reason: string): PlacementFailure {
  return { reason, detail: '', diagnosis: { instances: 0, available: 0, rejected: [], summary: '' } };
}

describe('failuresByReason', () => {
  it('counts failures by reason, most first', () => {
    const results: PlacementResult[] = [
      { placements: [], failures: [failure('RESOURCE:GPU'), failure('RESOURCE:GPU')] },
      { placements: [{ taskId: 'task-1', instanceId: 'a' }], failures: [] },
      { placements: [], failures: [failure('AGENT'), failure('RESOURCE:GPU'), failure('RESOURCE:PORTS')] },
    ];
    const counts = failuresByReason(results);
    expect(counts).toEqual({ 'RESOURCE:GPU': 3, AGENT: 1, 'RESOURCE:PORTS': 1 });
    expect(Object.keys(counts)).toEqual(['RESOURCE:GPU', 'AGENT', 'RESOURCE:PORTS']);
    expect(failuresByReason([])).toEqual({});
  });
});

describe('fleetMetrics', () => {
  it('puts the measures together, with the packing ratio', () => {
    const instances = [
      instance('a', { registered: SMALL, remaining: { cpu: 1024, memory: 2048 }, tasks: 2 }),
      instance('b', { registered: SMALL, remaining: { cpu: 1536, memory: 3072 }, tasks: 1 }),
      instance('c', { registered: SMALL }),
    ];
    const tasks = [task('a', { cpu: 512, memory: 1024 }), task('a', { cpu: 512, memory: 1024 }), task('b', { cpu: 512, memory: 1024 })];
    const metrics = fleetMetrics({ instances, tasks }, [{ placements: [], failures: [failure('AGENT')] }]);
    expect(metrics).toEqual({
      lowerBound: { instances: 1, byResource: { cpu: 1, memory: 1 }, method: 'homogeneous' },
      instancesUsed: 2,
      packingRatio: 2,
      utilization: { cpu: 0.375, memory: 0.375 },
      stranded: { cpu: 0, memory: 0 },
      failuresByReason: { AGENT: 1 },
    });
    expect(fleetMetrics({ instances, tasks: [] }, []).packingRatio).toBeNull();
  });
});
