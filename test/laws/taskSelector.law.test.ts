import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { Cluster } from '../../src/cluster/Cluster';
import type { InstanceSpec } from '../../src/model/InstanceSpec';
import type { PlacementRequest, PlacementStrategy, RequestConstraint } from '../../src/model/PlacementRequest';
import type { TaskInfo } from '../../src/model/TaskInfo';
import type { TaskSelector } from '../../src/model/TaskSelector';
import { selects } from '../support/domainCounts';
import { runs } from '../support/runs';
import { ENGINES } from '../support/scenarioCluster';

/**
 * The laws of task selectors: a strategy or constraint with a selector
 * places exactly as it would without one on a twin cluster where the tasks
 * it does not select belong to another group; and a rollout spreads its new
 * tasks evenly whatever the old ones fill.
 */

const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'] as const;
const GROUP = 'service:web';
const PORTS = { tcp: [], udp: [] };

/** 3 to 9 roomy instances in three zones, racks now and then. */
const fleet: fc.Arbitrary<InstanceSpec[]> = fc
  .array(fc.tuple(fc.constantFrom(...ZONES), fc.option(fc.constantFrom('r1', 'r2'), { nil: undefined })), { minLength: 3, maxLength: 9 })
  .map((shapes) => shapes.map(([zone, rack], index): InstanceSpec => ({
    id: `i-${index}`,
    resources: { cpu: 8192, memory: 16384 },
    attributes: { 'ecs.availability-zone': zone, ...(rack === undefined ? {} : { rack }) },
  })));

/** Running tasks of the group (and of another, `service:api`, which atMost may count too) at revisions 1 to 3 of two families. */
function runningTasks(instances: number): fc.Arbitrary<TaskInfo[]> {
  return fc
    .array(fc.record({ on: fc.nat(instances - 1), api: fc.boolean(), family: fc.constantFrom('web', 'worker'), revision: fc.integer({ min: 1, max: 3 }) }), { maxLength: 24 })
    .map((tasks) => tasks.map(({ on, api, family, revision }, index): TaskInfo => ({
      taskId: `old-${index}`, instanceId: `i-${on}`, group: api ? 'service:api' : GROUP, family, revision, resources: { cpu: 64, memory: 128 }, ports: PORTS,
    })));
}

/** A selector: a revision, a family, or both. */
const selector: fc.Arbitrary<TaskSelector> = fc.oneof(
  fc.integer({ min: 1, max: 3 }).map((revision): TaskSelector => ({ revision })),
  fc.constantFrom('web', 'worker').map((family): TaskSelector => ({ family })),
  fc.tuple(fc.constantFrom('web', 'worker'), fc.integer({ min: 1, max: 3 })).map(([family, revision]): TaskSelector => ({ family, revision })),
);

const FIELDS = ['attribute:ecs.availability-zone', 'attribute:rack', 'instanceId'] as const;

/** What counts tasks, given a selector or none: spread first in the chain, a spreadLimit, or an atMost (counting service:api too, now and then). */
type Counter = (taskSelector: TaskSelector | undefined) => Pick<PlacementRequest, 'placementStrategy' | 'placementConstraints'>;

const counter: fc.Arbitrary<Counter> = fc.oneof(
  fc.tuple(fc.constantFrom(...FIELDS), fc.constantFrom<PlacementStrategy[]>([], [{ type: 'binpack', field: 'memory' }], [{ type: 'random' }]))
    .map(([field, rest]): Counter => (taskSelector) => ({ placementStrategy: [{ type: 'spread', field, ...(taskSelector === undefined ? {} : { taskSelector }) }, ...rest] })),
  fc.tuple(fc.constantFrom(...FIELDS), fc.integer({ min: 1, max: 2 }))
    .map(([field, maxSkew]): Counter => (taskSelector) => ({
      placementStrategy: [{ type: 'binpack', field: 'memory' }],
      placementConstraints: [{ type: 'spreadLimit', field, maxSkew, ...(taskSelector === undefined ? {} : { taskSelector }) }],
    })),
  fc.tuple(fc.constantFrom(...FIELDS), fc.integer({ min: 1, max: 4 }), fc.boolean())
    .map(([field, count, api]): Counter => (taskSelector) => ({
      placementStrategy: [{ type: 'random' }],
      placementConstraints: [{ type: 'atMost', field, count, ...(api ? { groups: ['service:api'] } : {}), ...(taskSelector === undefined ? {} : { taskSelector }) } as RequestConstraint],
    })),
);

/** The same tasks, with those the selector does not select moved to a group nothing counts. */
function twinTasks(tasks: readonly TaskInfo[], taskSelector: TaskSelector): TaskInfo[] {
  return tasks.map((task) => (selects(taskSelector, task) ? task : { ...task, group: 'unselected' }));
}

/** The task a selector selects: the new tasks of a rollout. */
function selectedTask(taskSelector: TaskSelector): PlacementRequest['task'] {
  return { family: taskSelector.family ?? 'web', revision: taskSelector.revision ?? 1, resources: { cpu: 64, memory: 128 } };
}

const twinCase = fleet.chain((instances) => fc.tuple(fc.constant(instances), runningTasks(instances.length), selector, counter, fc.integer({ min: 1, max: 12 }), fc.nat()));

describe.each(ENGINES)('task selectors on the %s engine', (engine) => {
  test.prop([twinCase], { numRuns: runs(80) })(
    'a spread, spreadLimit or atMost with a selector places as it would without one where only the selected tasks are in the group',
    ([instances, tasks, taskSelector, counts, count, seed]) => {
      const selecting = new Cluster({ instances, tasks, seed, engine });
      const twin = new Cluster({ instances, tasks: twinTasks(tasks, taskSelector), seed, engine });
      const task = selectedTask(taskSelector);
      const selected = selecting.place({ task, count, service: 'web', ...counts(taskSelector) });
      const plain = twin.place({ task, count, service: 'web', ...counts(undefined) });
      expect(selected.placements).toEqual(plain.placements);
      expect(selected.failures.map((failure) => [failure.reason, failure.instanceId])).toEqual(plain.failures.map((failure) => [failure.reason, failure.instanceId]));
    },
  );

  const rollout = fc.tuple(
    fc.integer({ min: 1, max: 3 }).map((perZone) => ZONES.flatMap((zone, z) => Array.from({ length: perZone }, (_, index): InstanceSpec => ({
      id: `i-${z}-${index}`, resources: { cpu: 8192, memory: 16384 }, attributes: { 'ecs.availability-zone': zone },
    })))),
    fc.constantFrom(...ZONES),
    fc.integer({ min: 1, max: 20 }),
    fc.integer({ min: 1, max: 24 }),
    fc.constantFrom<PlacementStrategy[]>([], [{ type: 'binpack', field: 'memory' }], [{ type: 'spread', field: 'instanceId' }]),
  );

  test.prop([rollout, fc.nat()], { numRuns: runs(60) })(
    'a rollout spreads the new revision evenly over the zones when every zone has room, however the old revision piles up',
    ([instances, piled, old, count, rest], seed) => {
      const inZone = instances.filter((instance) => instance.attributes?.['ecs.availability-zone'] === piled);
      const tasks = Array.from({ length: old }, (_, index): TaskInfo => ({
        taskId: `old-${index}`, instanceId: (inZone[index % inZone.length] as InstanceSpec).id, group: GROUP, family: 'web', revision: 7, resources: { cpu: 64, memory: 128 }, ports: PORTS,
      }));
      const cluster = new Cluster({ instances, tasks, seed, engine });
      const result = cluster.place({
        task: { family: 'web', revision: 8, resources: { cpu: 64, memory: 128 } },
        service: 'web',
        count,
        placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone', taskSelector: { revision: 8 } }, ...rest],
      });
      expect(result.placements).toHaveLength(count);
      const zoneOf = new Map(instances.map((instance) => [instance.id, instance.attributes?.['ecs.availability-zone']]));
      const perZone = new Map<string, number>(ZONES.map((zone) => [zone, 0]));
      for (const { instanceId } of result.placements) {
        const zone = zoneOf.get(instanceId) as string;
        perZone.set(zone, (perZone.get(zone) ?? 0) + 1);
      }
      const counts = [...perZone.values()];
      expect(Math.max(...counts) - Math.min(...counts), JSON.stringify(Object.fromEntries(perZone))).toBeLessThanOrEqual(1);
    },
  );
});
