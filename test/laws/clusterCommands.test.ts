import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/cluster/Cluster';
import { clusterCommands, clusterModelRun, PlacementLawError, type ClusterDriver } from '../../src/arbitraries/index';
import { messageOf } from '../support/messageOf';
import { runs } from '../support/runs';

/** A wrapper that passes every command on to the cluster, as a correct one would. */
function passThrough(cluster: Cluster): ClusterDriver {
  return {
    registerInstance: (spec) => cluster.registerInstance(spec),
    deregisterInstance: (id, options) => cluster.deregisterInstance(id, options),
    updateInstance: (id, patch) => cluster.updateInstance(id, patch),
    place: (request) => cluster.place(request),
    stopTask: (taskId) => cluster.stopTask(taskId),
  };
}

/** Reactivates DRAINING instances for the time of a placement: tasks land where ECS would send none. */
function drainBlind(cluster: Cluster): ClusterDriver {
  return {
    ...passThrough(cluster),
    place: (request) => {
      const draining = cluster.instances().filter((instance) => instance.status === 'DRAINING').map((instance) => instance.id);
      for (const id of draining) cluster.updateInstance(id, { status: 'ACTIVE' });
      try {
        return cluster.place(request);
      } finally {
        for (const id of draining) cluster.updateInstance(id, { status: 'DRAINING' });
      }
    },
  };
}

/** Says it stopped a task and leaves it running. */
function forgetsToStop(cluster: Cluster): ClusterDriver {
  return { ...passThrough(cluster), stopTask: (taskId) => taskId };
}

/** Ignores drain requests, but passes other updates on. */
function ignoresDrain(cluster: Cluster): ClusterDriver {
  return { ...passThrough(cluster), updateInstance: (id, patch) => (patch.status === 'DRAINING' ? undefined : cluster.updateInstance(id, patch)) };
}

/** Passes updates on without their removeAttributes. */
function keepsAttributes(cluster: Cluster): ClusterDriver {
  return { ...passThrough(cluster), updateInstance: (id, { removeAttributes: _removed, ...patch }) => cluster.updateInstance(id, patch) };
}

/** The error of the shrunk counter-example fc.check finds for `wrap`. */
function failureOf(wrap: (cluster: Cluster) => ClusterDriver): unknown {
  const details = fc.check(fc.property(clusterCommands(), (commands) => clusterModelRun(commands, { wrap })), { numRuns: runs(200) });
  expect(details.failed, 'fc.check finds a failure').toBe(true);
  return details.errorInstance;
}

describe('clusterCommands with clusterModelRun', () => {
  it.each(['indexed', 'reference'] as const)('keeps the %s engine in step with the model, and every placement lawful', (engine) => {
    fc.assert(fc.property(clusterCommands(), (commands) => clusterModelRun(commands, { engine })), { numRuns: runs(60) });
  });

  it('passes a wrapper that passes every command on, started from instances of its own', () => {
    const instances = [1, 2, 5].map((n) => ({ id: `ci-${n}`, resources: { cpu: 2048, memory: 4096 } }));
    fc.assert(fc.property(clusterCommands({ maxCommands: 15 }), (commands) => clusterModelRun(commands, { instances, wrap: passThrough })), { numRuns: runs(40) });
  });

  it('never gives an instance id twice in a run, even once the instance has left', () => {
    fc.assert(fc.property(clusterCommands({ commands: ['register', 'deregister'] }), (commands) => {
      const registered: string[] = [];
      clusterModelRun(commands, {
        wrap: (cluster) => ({ ...passThrough(cluster), registerInstance: (spec) => { registered.push(spec.id); cluster.registerInstance(spec); } }),
      });
      expect(new Set(registered).size).toBe(registered.length);
    }), { numRuns: runs(30) });
  });

  it('catches a wrapper that places on DRAINING instances, by the placement laws', () => {
    const error = failureOf(drainBlind);
    expect(error).toBeInstanceOf(PlacementLawError);
    expect((error as PlacementLawError).violations.map((violation) => violation.law)).toContain('eligibility');
  });

  it('catches a wrapper that forgets to stop a task, by the model', () => {
    expect(String(failureOf(forgetsToStop))).toMatch(/the cluster runs task-\d+, which the model does not/);
  });

  it('catches a wrapper that ignores drains, by the model', () => {
    expect(String(failureOf(ignoresDrain))).toMatch(/ci-\d+ is ACTIVE, but the model has it DRAINING/);
  });

  it('catches a wrapper that drops attribute removals, by the update\'s own check', () => {
    expect(String(failureOf(keepsAttributes))).toMatch(/After update ci-\d+ with \{"removeAttributes":\["stack"\]\}: stack was not removed/);
  });

  it('draws only the kinds asked for', () => {
    const kinds = new Set<string>();
    fc.assert(fc.property(clusterCommands({ commands: ['register', 'drain'] }), (commands) => {
      clusterModelRun(commands);
      for (const command of commands) kinds.add(String(command).split(' ')[0] ?? '');
    }), { numRuns: runs(20) });
    expect([...kinds].sort()).toEqual(['drain', 'register']);
  });
});

describe('the options of clusterCommands and clusterModelRun', () => {
  it.each<[string, () => unknown, string]>([
    ['an instance constraint at fault', () => clusterCommands({ instance: { drainingRate: 2 } }), 'clusterCommands: instance.drainingRate must be a number from 0 to 1, got 2'],
    ['a request constraint at fault', () => clusterCommands({ request: { minCount: 5, maxCount: 3 } }), 'clusterCommands: request.minCount must be at most request.maxCount, got 5 > 3'],
    ['a misspelt key', () => clusterCommands({ command: ['place'] } as never), 'clusterCommands: unknown constraint command (known: commands, instance, request, patches, maxCommands)'],
    ['an unknown kind', () => clusterCommands({ commands: ['move' as never] }), 'clusterCommands: commands[0] must be one of "place", "register", "stop", "drain", "undrain", "update", "deregister", got "move"'],
    ['a kind twice', () => clusterCommands({ commands: ['place', 'place'] }), 'clusterCommands: commands[1] repeats "place"'],
    ['no patch for update', () => clusterCommands({ patches: [] }), 'clusterCommands: patches must hold at least 1 item, got 0'],
    ['a patch the library refuses', () => clusterCommands({ patches: [{ status: 'SLEEPING' as never }] }), 'clusterCommands: patches[0] ({"status":"SLEEPING"}) is refused by task-placement:'],
    ['no command at all', () => clusterCommands({ maxCommands: 0 }), 'clusterCommands: maxCommands must be an integer from 1 to 10000, got 0'],
    ['an unknown engine', () => clusterModelRun([], { engine: 'fast' as never }), 'clusterModelRun: engine must be one of "indexed", "reference", got "fast"'],
    ['a wrapper that is not a function', () => clusterModelRun([], { wrap: {} as never }), 'clusterModelRun: wrap must be a function, got {}'],
  ])('refuses %s', (_name, build, message) => {
    expect(messageOf(build)).toContain(message);
  });

  it('takes no patch when it draws no update', () => {
    expect(() => clusterCommands({ commands: ['place'], patches: [] })).not.toThrow();
  });
});
