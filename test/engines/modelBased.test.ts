import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Cluster } from '../../src/cluster/Cluster';
import type { InstanceSpec } from '../../src/model/InstanceSpec';
import type { PlacementRequest } from '../../src/model/PlacementRequest';
import { shapeTrio } from '../support/engineArbitraries';
import {
  deregister,
  explain,
  placeNew,
  placeShape,
  register,
  removeAttribute,
  setAgent,
  setAttribute,
  setStatus,
  setUntracked,
  stop,
  type EngineModel,
} from '../support/engineCommands';
import { newTwins, nextDraws } from '../support/engineTwins';
import { crowdedPortFleet, lawFleet } from '../support/lawArbitraries';
import { runs } from '../support/runs';

/** Runs the commands on twin clusters, comparing after each, then compares the generators' next numbers. */
function runOnTwins(instances: readonly InstanceSpec[], seed: number, shapes: readonly PlacementRequest[], commands: Iterable<fc.Command<EngineModel, Cluster>>): void {
  const { reference, indexed } = newTwins(instances, seed);
  fc.modelRun(() => ({ model: { reference, shapes }, real: indexed }), commands);
  expect(nextDraws(indexed), 'the next numbers drawn after the commands').toStrictEqual(nextDraws(reference));
}

const everyCommand = [placeShape, placeShape, placeNew, stop, stop, register, deregister, setStatus, setAttribute, removeAttribute, setAgent, setUntracked, explain];

/** Mostly the three shapes again and again, with enough new shapes to evict from a cache of 8, and every change in between. */
const shapeHeavyCommand = fc.oneof(
  { weight: 10, arbitrary: placeShape },
  { weight: 2, arbitrary: placeNew },
  { weight: 5, arbitrary: stop },
  { weight: 2, arbitrary: explain },
  { weight: 1, arbitrary: register },
  { weight: 1, arbitrary: deregister },
  { weight: 1, arbitrary: setStatus },
  { weight: 2, arbitrary: setAttribute },
  { weight: 1, arbitrary: removeAttribute },
  { weight: 1, arbitrary: setAgent },
  { weight: 1, arbitrary: setUntracked },
);

// Hundreds of runs of up to 200 commands: seconds, not the default 5 s, on a busy machine.
describe('the indexed engine as a model-based run against the reference engine', { timeout: runs(120_000) }, () => {
  // Now and then a fleet close to the port limit, where tasks with static ports are turned away by it.
  const fleets = fc.oneof({ weight: 3, arbitrary: lawFleet(16, 2) }, { weight: 1, arbitrary: crowdedPortFleet(16, 2) });

  test.prop([fleets, fc.nat(), shapeTrio, fc.commands(everyCommand, { maxCommands: 40, size: 'max' })], { numRuns: runs(100) })(
    'returns the same thing and reaches the same state after every place, stop, register, deregister, update and explain',
    (instances, seed, shapes, commands) => runOnTwins(instances, seed, shapes, commands),
  );

  // Exactly 200 commands (fc.commands would draw fewer on average); a failure here shrinks each command, not the length.
  test.prop([lawFleet(40, 10), fc.nat(), shapeTrio, fc.array(shapeHeavyCommand, { minLength: 200, maxLength: 200 })], { numRuns: runs(10) })(
    'stays in step over 200 commands that place the same three shapes between changes and new shapes',
    (instances, seed, shapes, commands) => runOnTwins(instances, seed, shapes, commands),
  );
});
