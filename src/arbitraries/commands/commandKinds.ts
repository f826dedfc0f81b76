/**
 * The kinds of command {@link clusterCommands} draws: each one's
 * precondition, action, own check and change to the model.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { InstancePatch, InstanceSpec } from '../../model/InstanceSpec';
import type { PlacementRequest } from '../../model/PlacementRequest';
import { assertPlacement } from '../check/assertPlacement';
import { ClusterCommand } from './ClusterCommand';
import type { ClusterModel, ClusterReal, ModelInstance } from './ClusterModel';

/** A kind of command: `drain` sets an ACTIVE instance DRAINING, `undrain` sets a DRAINING one ACTIVE, `update` applies one of the patches. */
export type ClusterCommandKind = 'register' | 'deregister' | 'drain' | 'undrain' | 'place' | 'stop' | 'update';

/** Every kind, placing first, as `commands` lists them by default. */
export const CLUSTER_COMMAND_KINDS: readonly ClusterCommandKind[] = ['place', 'register', 'stop', 'drain', 'undrain', 'update', 'deregister'];

/** What the kinds are drawn from. */
export interface CommandSources {
  /** The instances `register` adds, before they get their id. */
  readonly instances: fc.Arbitrary<InstanceSpec>;
  /** The requests `place` places. */
  readonly requests: fc.Arbitrary<PlacementRequest>;
  /** The patches `update` applies. */
  readonly patches: readonly InstancePatch[];
}

type Candidates = (model: Readonly<ClusterModel>) => string[];

/** The `pick`-th candidate, modulo how many there are. */
function picked(candidates: readonly string[], pick: number): string {
  const id = candidates[pick % candidates.length];
  if (id === undefined) throw new Error('clusterCommands: a command ran although its check found nothing to pick');
  return id;
}

/** A command on an instance that `candidates` allows. */
function onInstance(
  label: string,
  pick: number,
  candidates: Candidates,
  act: (model: ClusterModel, id: string, real: ClusterReal) => string,
): ClusterCommand {
  return new ClusterCommand(label, {
    check: (model) => candidates(model).length > 0,
    run: (model, real) => act(model, picked(candidates(model), pick), real),
  });
}

function instancesWhere(holds: (instance: ModelInstance, id: string, model: Readonly<ClusterModel>) => boolean): Candidates {
  return (model) => [...model.instances].filter(([id, instance]) => holds(instance, id, model)).map(([id]) => id);
}

function runsTasks(model: Readonly<ClusterModel>, id: string): boolean {
  for (const instanceId of model.tasks.values()) if (instanceId === id) return true;
  return false;
}

/** The run's next instance, numbered by the model: `ci-<n>`, and an EC2 id of the same number when it has one. */
function numbered(drawn: InstanceSpec, model: ClusterModel): InstanceSpec {
  const n = model.nextInstanceNumber;
  model.nextInstanceNumber += 1;
  const ec2 = drawn.ec2InstanceId === undefined ? {} : { ec2InstanceId: `i-${n.toString(16).padStart(17, '0')}` };
  return { ...drawn, ...ec2, id: `ci-${n}` };
}

function register(sources: CommandSources): fc.Arbitrary<ClusterCommand> {
  return sources.instances.map((drawn) => new ClusterCommand('register a new instance', {
    check: () => true,
    run: (model, real) => {
      const spec = numbered(drawn, model);
      real.driver.registerInstance(spec);
      model.instances.set(spec.id, { status: spec.status ?? 'ACTIVE', untrackedTasks: spec.untrackedTasks ?? 0 });
      return `register ${JSON.stringify(spec)}`;
    },
  }));
}

function deregister(): fc.Arbitrary<ClusterCommand> {
  return fc.tuple(fc.nat(), fc.boolean()).map(([pick, force]) => {
    // Without force, ECS refuses an instance that runs tasks: the command picks one that runs none.
    const candidates = force ? instancesWhere(() => true) : instancesWhere((instance, id, model) => instance.untrackedTasks === 0 && !runsTasks(model, id));
    const how = force ? ' with force' : '';
    return onInstance(`deregister instance #${pick}${how}`, pick, candidates, (model, id, real) => {
      real.driver.deregisterInstance(id, { force });
      model.instances.delete(id);
      for (const [taskId, instanceId] of model.tasks) if (instanceId === id) model.tasks.delete(taskId);
      return `deregister ${id}${how}`;
    });
  });
}

function setStatus(from: 'ACTIVE' | 'DRAINING', to: 'ACTIVE' | 'DRAINING', verb: string): fc.Arbitrary<ClusterCommand> {
  return fc.nat().map((pick) =>
    onInstance(`${verb} instance #${pick}`, pick, instancesWhere((instance) => instance.status === from), (model, id, real) => {
      real.driver.updateInstance(id, { status: to });
      const instance = model.instances.get(id);
      if (instance !== undefined) instance.status = to;
      return `${verb} ${id}`;
    }));
}

function place(sources: CommandSources): fc.Arbitrary<ClusterCommand> {
  return sources.requests.map((request) => {
    const label = `place ${JSON.stringify(request)}`;
    return new ClusterCommand(label, {
      check: () => true,
      run: (model, real, before) => {
        const result = real.driver.place(request);
        assertPlacement(before, request, result);
        for (const placement of result.placements) model.tasks.set(placement.taskId, placement.instanceId);
        return label;
      },
    });
  });
}

function stop(): fc.Arbitrary<ClusterCommand> {
  return fc.nat().map((pick) => new ClusterCommand(`stop task #${pick}`, {
    check: (model) => model.tasks.size > 0,
    run: (model, real) => {
      const taskId = picked([...model.tasks.keys()], pick);
      real.driver.stopTask(taskId);
      model.tasks.delete(taskId);
      return `stop ${taskId}`;
    },
  }));
}

/** The attributes `patch` leaves on an instance that it does not: the command's own check. */
function unpatched(attributes: Readonly<Record<string, string | null>>, patch: InstancePatch): string[] {
  const wrong = Object.entries(patch.attributes ?? {})
    .filter(([name, value]) => attributes[name] !== value)
    .map(([name, value]) => `${name} is ${JSON.stringify(attributes[name])}, not ${JSON.stringify(value)}`);
  const kept = (patch.removeAttributes ?? []).filter((name) => name in attributes).map((name) => `${name} was not removed`);
  return [...wrong, ...kept];
}

function update(sources: CommandSources): fc.Arbitrary<ClusterCommand> {
  return fc.tuple(fc.nat(), fc.constantFrom(...sources.patches)).map(([pick, patch]) =>
    onInstance(`update instance #${pick} with ${JSON.stringify(patch)}`, pick, instancesWhere(() => true), (model, id, real) => {
      real.driver.updateInstance(id, patch);
      const label = `update ${id} with ${JSON.stringify(patch)}`;
      const after = real.cluster.snapshot().instances.find((instance) => instance.id === id);
      const problems = after === undefined ? [`${id} is gone`] : unpatched(after.attributes, patch);
      if (problems.length > 0) throw new Error(`After ${label}: ${problems.join('; ')}`);
      const instance = model.instances.get(id);
      if (instance !== undefined) {
        if (patch.status !== undefined) instance.status = patch.status;
        if (patch.untrackedTasks !== undefined) instance.untrackedTasks = patch.untrackedTasks;
      }
      return label;
    }));
}

/** The arbitrary of commands of `kind`. */
export function commandsOfKind(kind: ClusterCommandKind, sources: CommandSources): fc.Arbitrary<ClusterCommand> {
  switch (kind) {
    case 'register':
      return register(sources);
    case 'deregister':
      return deregister();
    case 'drain':
      return setStatus('ACTIVE', 'DRAINING', 'drain');
    case 'undrain':
      return setStatus('DRAINING', 'ACTIVE', 'undrain');
    case 'place':
      return place(sources);
    case 'stop':
      return stop();
    case 'update':
      return update(sources);
  }
}
