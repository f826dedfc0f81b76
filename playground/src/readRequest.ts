/**
 * The placement request the Place inputs describe.
 *
 * @module
 */
import type { PlacementRequest, TaskSpec } from '../../src/index';
import { readTaskDefinition } from '../../src/ecs/index';
import type { PlaygroundState } from './PlaygroundState';
import { readConstraints } from './readConstraints';
import { readStrategies } from './readStrategies';

/** The most tasks the page places at once: each answer is recomputed as the person types. */
const MAX_COUNT = 1000;

/**
 * Builds the request from the page's inputs.
 *
 * @remarks
 * The task is a task spec (`{ family, resources, ports?, ... }`, as
 * `Cluster.place` takes it) or a task definition (anything with
 * `containerDefinitions`, or `describe-task-definition`'s
 * `{ taskDefinition }`), read by `readTaskDefinition` as the `place`
 * command reads it. The cluster checks the rest when it places.
 *
 * @param state - the page's inputs
 * @returns the request
 * @throws the library's `PlacementInputError`, a `SyntaxError` for bad JSON,
 *   or an `Error` for a count that is not one
 */
export function readRequest(state: PlaygroundState): PlacementRequest {
  const json: unknown = JSON.parse(state.task);
  const task = isTaskDefinition(json) ? readTaskDefinition(json).task : (json as TaskSpec);
  const count = Number(state.count.trim());
  if (state.count.trim() === '' || !Number.isSafeInteger(count) || count < 1 || count > MAX_COUNT) {
    throw new Error(`The count is a whole number from 1 to ${MAX_COUNT}, not ${JSON.stringify(state.count)}.`);
  }
  const placementStrategy = readStrategies(state.strategies);
  const placementConstraints = readConstraints(state.constraints);
  const service = state.service.trim();
  return {
    task,
    count,
    ...(service === '' ? {} : { service }),
    ...(placementStrategy === undefined ? {} : { placementStrategy }),
    ...(placementConstraints.length === 0 ? {} : { placementConstraints }),
  };
}

function isTaskDefinition(json: unknown): boolean {
  return typeof json === 'object' && json !== null && ('containerDefinitions' in json || 'taskDefinition' in json);
}
