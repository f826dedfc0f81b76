/**
 * The fleet the page asks its questions of, from whichever source the
 * person chose.
 *
 * @module
 */
import { Cluster, type ClusterOptions, type InstanceSpec } from '../../src/index';
import { clusterFromEcs } from '../../src/ecs/index';
import { generateFleet } from '../../src/sim/index';
import type { PlaygroundState } from './PlaygroundState';

/** The largest generated fleet: the page recomputes on every keystroke, and a phone must keep up. */
const MAX_GENERATED_SIZE = 5000;

/** A fleet that read, ready to build clusters from. */
export interface Fleet {
  /**
   * A new cluster in the fleet's state. Placing changes a cluster, so every
   * question that places starts from a fresh one.
   */
  readonly cluster: () => Cluster;
  /** One line that says what was loaded. */
  readonly description: string;
}

/**
 * Reads the fleet the state describes.
 *
 * @param state - the page's inputs
 * @returns the fleet
 * @throws the library's `PlacementInputError` (with the JSON path of the
 *   fault), a `SyntaxError` for text that is not JSON, or an `Error` for a
 *   size or seed that is not one
 */
export function loadFleet(state: PlaygroundState): Fleet {
  if (state.source === 'generated') {
    const size = wholeNumber(state.size, 'The fleet size', 1, MAX_GENERATED_SIZE);
    const seed = wholeNumber(state.seed, 'The seed', 0, Number.MAX_SAFE_INTEGER);
    const instances = generateFleet({ size, seed });
    return checked(() => new Cluster({ instances }), `A generated fleet of ${size} instances (seed ${seed}), from task-placement/sim.`);
  }
  if (state.fleetText.trim() === '') throw new Error(state.source === 'describe' ? 'Paste the output of aws ecs describe-container-instances, or load its file.' : 'Paste an array of instance specs, or load a file.');
  const json: unknown = JSON.parse(state.fleetText);
  if (state.source === 'describe') return checked(() => clusterFromEcs(json), 'DescribeContainerInstances JSON');
  // An array is a list of instance specs; an object is what `new Cluster` takes, such as a snapshot with its tasks.
  const options: ClusterOptions = Array.isArray(json) ? { instances: json as InstanceSpec[] } : (json as ClusterOptions);
  return checked(() => new Cluster(options), 'Instance specs');
}

// Building the cluster once checks the whole fleet, so an error shows when the fleet is loaded, not at the first question.
function checked(cluster: () => Cluster, what: string): Fleet {
  const count = cluster().instances().length;
  return { cluster, description: what.endsWith('.') ? what : `${what}: ${count} instance${count === 1 ? '' : 's'}.` };
}

function wholeNumber(text: string, what: string, min: number, max: number): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`${what} is a whole number from ${min} to ${max}, not ${JSON.stringify(text)}.`);
  }
  return value;
}
