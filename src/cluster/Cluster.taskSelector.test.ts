import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../../test/support/inputErrorOf';
import { clusterFromEcs } from '../ecs/clusterFromEcs';
import { fromPlacementFields } from '../ecs/fromPlacementFields';
import type { InstanceSpec } from '../model/InstanceSpec';
import type { PlacementRequest } from '../model/PlacementRequest';
import { Cluster } from './Cluster';

const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const fleet: InstanceSpec[] = Array.from({ length: 6 }, (_, index) => ({
  id: `i-${index + 1}`,
  resources: { cpu: 4096, memory: 8192 },
  attributes: { 'ecs.availability-zone': ZONES[index % 3] as string },
}));
const old = { family: 'web', revision: 7, resources: { memory: 512 } };
const next = { family: 'web', revision: 8, resources: { memory: 512 } };
const zones = 'attribute:ecs.availability-zone';

/** Service web with four tasks of revision 7, all in zone 1a. */
function piledUp(engine: 'reference' | 'indexed'): Cluster {
  const cluster = new Cluster({ instances: fleet, engine });
  cluster.place({ task: old, count: 4, service: 'web', placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone == us-east-1a' }] });
  return cluster;
}

describe.each(['reference', 'indexed'] as const)('task selectors on the %s engine', (engine) => {
  it("spreads a new revision over every zone, where spread over the group's tasks fills the zones the old revision left", () => {
    const selecting = piledUp(engine);
    const zoneOf = (id: string): string => ZONES[(Number(id.slice(2)) - 1) % 3] as string;
    const selected = selecting.place({ task: next, count: 3, service: 'web', placementStrategy: [{ type: 'spread', field: zones, taskSelector: { revision: 8 } }] });
    expect(selected.placements.map((placement) => zoneOf(placement.instanceId))).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    const plain = piledUp(engine).place({ task: next, count: 3, service: 'web', placementStrategy: [{ type: 'spread', field: zones }] });
    expect(plain.placements.map((placement) => zoneOf(placement.instanceId))).toEqual(['us-east-1b', 'us-east-1c', 'us-east-1b']);
  });

  it('names the selector in explanations, and keeps atMost to the selected tasks', () => {
    const cluster = piledUp(engine);
    const request: PlacementRequest = {
      task: next, service: 'web',
      placementStrategy: [{ type: 'spread', field: 'instanceId', taskSelector: { family: 'web', revision: 8 } }],
      placementConstraints: [{ type: 'atMost', count: 1, field: zones, taskSelector: { revision: 8 } }],
    };
    expect(cluster.explain(request).strategies).toEqual(['spread(instanceId, family web revision 8)']);
    const result = cluster.place({ ...request, count: 4 });
    expect(result.placements).toHaveLength(3);
    expect(result.failures[0]?.reason).toBe('AtMost placement constraint unsatisfied.');
  });

  it('shows revisions in tasks and snapshots, and restores them', () => {
    const cluster = piledUp(engine);
    cluster.place({ task: { resources: { memory: 64 } }, group: 'plain' });
    expect(cluster.tasks()[0]).toMatchObject({ family: 'web', revision: 7 });
    expect(cluster.tasks()[4]).not.toHaveProperty('revision');
    const restored = new Cluster({ ...cluster.snapshot(), engine });
    expect(restored.snapshot()).toEqual(cluster.snapshot());
    const spreadNew = { task: next, count: 3, service: 'web', placementStrategy: [{ type: 'spread', field: zones, taskSelector: { revision: 8 } }] } satisfies PlacementRequest;
    expect(restored.place(spreadNew)).toEqual(cluster.place(spreadNew));
  });

  it('stops, in a scale-in, the tasks in the zone holding the most tasks the selector selects', () => {
    const cluster = piledUp(engine);
    cluster.place({ task: next, count: 3, service: 'web', placementStrategy: [{ type: 'spread', field: 'instanceId' }] });
    // Revision 8 now runs on i-5, i-6 and i-2: one task in each zone.
    const choice = cluster.chooseTasksToStop({ service: 'web', count: 1, placementStrategy: [{ type: 'spread', field: zones, taskSelector: { revision: 7 } }] });
    expect(choice.strategies).toEqual(['spread(attribute:ecs.availability-zone, revision 7)']);
    expect(choice.tasks[0]?.reasons[0]).toMatchObject({ code: 'most_in_bucket', bucket: 'us-east-1a', tasks: 4 });
  });
});

describe('zone rebalancing', () => {
  it('is not what a spread over zones that counts only some of the service\'s tasks asks for', () => {
    const plan = piledUp('indexed').planZoneRebalance({ service: 'web', task: old, placementStrategy: [{ type: 'spread', field: zones, taskSelector: { revision: 7 } }] });
    expect(plan).toMatchObject({ status: 'ineligible', ineligible: 'first_strategy', steps: [] });
  });
});

describe('a task revision and a task selector, as input', () => {
  const cluster = new Cluster({ instances: fleet });
  const place = (request: unknown) => inputErrorOf(() => cluster.place(request as PlacementRequest));

  it('refuses a revision that is not a whole number of at least 1, in a task and in a restored task', () => {
    expect(place({ task: { resources: {}, revision: 0 } })).toEqual({ code: 'invalid_revision', path: 'request.task.revision' });
    expect(place({ task: { resources: {}, revision: 1.5 } })).toEqual({ code: 'invalid_revision', path: 'request.task.revision' });
    expect(place({ task: { resources: {}, revision: '8' } })).toEqual({ code: 'invalid_type', path: 'request.task.revision' });
    const task = { taskId: 't-1', instanceId: 'i-1', group: 'g', revision: -2, resources: {}, ports: { tcp: [], udp: [] } };
    expect(inputErrorOf(() => new Cluster({ instances: fleet, tasks: [task] }))).toEqual({ code: 'invalid_revision', path: 'options.tasks[0].revision' });
  });

  it('refuses a selector that selects by nothing, a bad family or revision, and a selector on a strategy that counts no task', () => {
    const spread = (taskSelector: unknown) => place({ task: next, placementStrategy: [{ type: 'spread', field: zones, taskSelector }] });
    expect(spread({})).toEqual({ code: 'invalid_strategy_field', path: 'request.placementStrategy[0].taskSelector' });
    expect(spread({ family: 'web app' })).toEqual({ code: 'invalid_name', path: 'request.placementStrategy[0].taskSelector.family' });
    expect(spread({ revision: 0 })).toEqual({ code: 'invalid_revision', path: 'request.placementStrategy[0].taskSelector.revision' });
    expect(spread({ version: 8 })).toEqual({ code: 'unknown_field', path: 'request.placementStrategy[0].taskSelector.version' });
    expect(place({ task: next, placementStrategy: [{ type: 'binpack', field: 'memory', taskSelector: { revision: 8 } }] }))
      .toEqual({ code: 'invalid_strategy_field', path: 'request.placementStrategy[0].taskSelector' });
    expect(place({ task: next, placementConstraints: [{ type: 'atMost', count: 1, field: zones, taskSelector: {} }] }))
      .toEqual({ code: 'invalid_constraint_field', path: 'request.placementConstraints[0].taskSelector' });
    expect(place({ task: next, placementConstraints: [{ type: 'distinctInstance', taskSelector: { revision: 8 } }] }))
      .toEqual({ code: 'unknown_field', path: 'request.placementConstraints[0].taskSelector' });
    expect(cluster.tasks()).toEqual([]);
  });

  it("is refused by ECS's readers, whose spread and constraints count every task", () => {
    expect(inputErrorOf(() => fromPlacementFields({ placementStrategy: [{ type: 'spread', field: zones, taskSelector: { revision: 8 } }] } as unknown as Parameters<typeof fromPlacementFields>[0])))
      .toEqual({ code: 'unknown_field', path: 'placementStrategy[0].taskSelector' });
    expect(inputErrorOf(() => fromPlacementFields({ placementConstraints: [{ type: 'distinctInstance', taskSelector: { revision: 8 } }] } as unknown as Parameters<typeof fromPlacementFields>[0])))
      .toEqual({ code: 'unknown_field', path: 'placementConstraints[0].taskSelector' });
  });

  it("reads a running task's family and revision from its task definition's ARN in DescribeTasks output", () => {
    const arn = 'arn:aws:ecs:us-east-1:123456789012';
    const restored = clusterFromEcs(
      { containerInstances: [{ containerInstanceArn: `${arn}:container-instance/prod/a`, status: 'ACTIVE', agentConnected: true, registeredResources: [{ name: 'CPU', type: 'INTEGER', integerValue: 2048 }, { name: 'MEMORY', type: 'INTEGER', integerValue: 4096 }], remainingResources: [{ name: 'CPU', type: 'INTEGER', integerValue: 1792 }, { name: 'MEMORY', type: 'INTEGER', integerValue: 3584 }], runningTasksCount: 1, attributes: [] }] },
      { tasks: [{ taskArn: `${arn}:task/prod/t1`, containerInstanceArn: `${arn}:container-instance/prod/a`, group: 'service:web', taskDefinitionArn: `${arn}:task-definition/web:7`, cpu: '256', memory: '512', desiredStatus: 'RUNNING' }] },
    );
    expect(restored.tasks()[0]).toMatchObject({ group: 'service:web', family: 'web', revision: 7 });
  });
});
