/**
 * Commands for model-based runs of the two engines: each one is applied to
 * a cluster on the reference engine (the model) and to one on the indexed
 * engine (the real system), which must return the same thing and end in the
 * same state after every command.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Cluster } from '../../src/cluster/Cluster';
import type { InstancePatch, InstanceSpec, InstanceStatus } from '../../src/model/InstanceSpec';
import type { PlacementRequest } from '../../src/model/PlacementRequest';
import { customChainRequest, engineRequest } from './engineArbitraries';
import { outcomeOf } from './engineTwins';
import { lawFleet, RACKS, ZONES } from './lawArbitraries';

/** The reference cluster, and the few request shapes a run places again and again. */
export interface EngineModel {
  readonly reference: Cluster;
  readonly shapes: readonly PlacementRequest[];
}

type Action = (cluster: Cluster, shapes: readonly PlacementRequest[]) => unknown;

/** One command: the same action on both clusters, then the same outcome and the same snapshot. */
export class EngineCommand implements fc.Command<EngineModel, Cluster> {
  constructor(private readonly label: string, private readonly action: Action) {}

  check(): boolean {
    return true;
  }

  run(model: EngineModel, indexed: Cluster): void {
    const expected = outcomeOf(() => this.action(model.reference, model.shapes));
    const actual = outcomeOf(() => this.action(indexed, model.shapes));
    expect(actual, `${this.label}: what the indexed engine returned`).toStrictEqual(expected);
    expect(indexed.snapshot(), `${this.label}: the indexed engine's state after it`).toStrictEqual(model.reference.snapshot());
  }

  toString(): string {
    return this.label;
  }
}

/** A request as code, with Strategy objects by name, for counter-examples. */
function describeRequest(request: PlacementRequest): string {
  return JSON.stringify(request, (key, value: unknown) =>
    key !== '' && typeof value === 'object' && value !== null && 'rank' in value && 'name' in value ? `<Strategy ${String(value.name)}>` : value);
}

/** The instance at `pick` modulo the fleet, if there is one. */
function pickInstance(cluster: Cluster, pick: number): string | undefined {
  const instances = cluster.instances();
  return instances[pick % Math.max(instances.length, 1)]?.id;
}

function onInstance(pick: number, act: (cluster: Cluster, id: string) => unknown): Action {
  return (cluster) => {
    const id = pickInstance(cluster, pick);
    return id === undefined ? 'no instance' : act(cluster, id);
  };
}

/** Places one of the run's shapes, with its own count. */
export const placeShape = fc.tuple(fc.nat(2), fc.integer({ min: 1, max: 8 })).map(([index, count]) =>
  new EngineCommand(`place shape ${index} x${count}`, (cluster, shapes) => cluster.place({ ...(shapes[index % shapes.length] as PlacementRequest), count })));

/** Places a new request (a new shape, most of the time), now and then with a custom strategy that the indexed engine leaves to the reference code. */
export const placeNew = fc
  .oneof({ weight: 4, arbitrary: engineRequest }, { weight: 1, arbitrary: customChainRequest })
  .map((request) => new EngineCommand(`place ${describeRequest(request)}`, (cluster) => cluster.place(request)));

/** Explains one of the run's shapes or a new request. */
export const explain = fc.oneof(
  fc.nat(2).map((index) => new EngineCommand(`explain shape ${index}`, (cluster, shapes) => cluster.explain(shapes[index % shapes.length] as PlacementRequest))),
  engineRequest.map((request) => new EngineCommand(`explain ${describeRequest(request)}`, (cluster) => cluster.explain(request))),
);

/** Stops the running task at `pick` modulo the tasks, and returns what stopTask did (or `no task`). */
export function stopPicked(cluster: Cluster, pick: number): unknown {
  const tasks = cluster.tasks();
  const task = tasks[pick % Math.max(tasks.length, 1)];
  return task === undefined ? 'no task' : cluster.stopTask(task.taskId);
}

/** Stops the running task at `pick` modulo the tasks. */
export const stop = fc.nat().map((pick) => new EngineCommand(`stop task #${pick}`, (cluster) => stopPicked(cluster, pick)));

/** Zones beyond the fleet's, and a zone attribute without a value: new spread buckets. */
const NEW_ZONES = ['us-east-1d', 'eu-west-1a'] as const;

/** A new instance, sometimes in a new zone, without a zone, with a new rack or a lifecycle; its id may be taken. */
export const register = fc
  .tuple(
    lawFleet(1, 1),
    fc.constantFrom<string | null | undefined>(undefined, undefined, ...NEW_ZONES, null),
    fc.constantFrom<string | undefined>(undefined, 'r9'),
    fc.constantFrom<string | undefined>(undefined, 'spot', 'on-demand'),
  )
  .map(([[spec], zone, rack, lifecycle]) => {
    const base = spec as InstanceSpec;
    const attributes: Record<string, string | null> = { ...base.attributes };
    if (zone !== undefined) attributes['ecs.availability-zone'] = zone;
    if (rack !== undefined) attributes['rack'] = rack;
    if (lifecycle !== undefined) attributes['lifecycle'] = lifecycle;
    const instance: InstanceSpec = { ...base, attributes };
    return new EngineCommand(`register ${JSON.stringify(instance)}`, (cluster) => cluster.registerInstance(instance));
  });

/** Deregisters the instance at `pick`, with or without force. */
export const deregister = fc.tuple(fc.nat(), fc.boolean()).map(([pick, force]) =>
  new EngineCommand(`deregister instance #${pick}${force ? ' with force' : ''}`, onInstance(pick, (cluster, id) => cluster.deregisterInstance(id, { force }))));

function patchCommand(pick: number, patch: InstancePatch): EngineCommand {
  return new EngineCommand(`update instance #${pick} with ${JSON.stringify(patch)}`, onInstance(pick, (cluster, id) => cluster.updateInstance(id, patch)));
}

/** Drains or activates an instance (now and then another status). */
export const setStatus = fc
  .tuple(fc.nat(), fc.constantFrom<InstanceStatus>('DRAINING', 'ACTIVE', 'ACTIVE', 'REGISTERING'))
  .map(([pick, status]) => patchCommand(pick, { status }));

/** Disconnects or reconnects an instance's agent. */
export const setAgent = fc.tuple(fc.nat(), fc.boolean()).map(([pick, agentConnected]) => patchCommand(pick, { agentConnected }));

/** Sets an attribute that spread or memberOf reads: the zone (new ones and none included), the rack, the lifecycle, a capability. */
export const setAttribute = fc
  .tuple(
    fc.nat(),
    fc.oneof(
      fc.constantFrom<string | null>(...ZONES, ...NEW_ZONES, null).map((value) => ({ 'ecs.availability-zone': value })),
      fc.constantFrom<string | null>(...RACKS, 'r9', null).map((value) => ({ rack: value })),
      fc.constantFrom<string | null>('spot', 'on-demand', null).map((value) => ({ lifecycle: value })),
      fc.constant({ 'ecs.capability.task-eni': null }),
      fc.constantFrom('t3.medium', 'm5.large').map((value) => ({ 'ecs.instance-type': value })),
    ),
  )
  .map(([pick, attributes]) => patchCommand(pick, { attributes }));

/** Sets how many untracked tasks an instance runs, as an ECS sync would: `runningTasksCount` moves, which memberOf and caller strategies read. */
export const setUntracked = fc
  .tuple(fc.nat(), fc.constantFrom(0, 1, 3))
  .map(([pick, untrackedTasks]) => patchCommand(pick, { untrackedTasks }));

/** Removes an attribute that spread, memberOf or requiresAttributes reads. */
export const removeAttribute = fc
  .tuple(fc.nat(), fc.constantFrom('rack', 'ecs.availability-zone', 'lifecycle', 'ecs.capability.task-eni'))
  .map(([pick, name]) => patchCommand(pick, { removeAttributes: [name] }));
