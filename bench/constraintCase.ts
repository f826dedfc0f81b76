/**
 * The constraints beyond ECS, and a preference, measured one task per
 * request against one request of as many, each size on a fleet of its own.
 */
import { Cluster } from '../src/cluster/Cluster';
import { streamFleet } from '../src/sim/streamFleet';
import { CONSTRAINT_CHAINS } from './placementMatrix';
import { runSingleShapeCase, type SingleShapeRow } from './singleShapeCase';

/**
 * What the table says the cases do.
 *
 * @param maxPlacements - tasks per case at most
 */
export function constraintCaseDescription(maxPlacements: number): string {
  return `Each fleet (seed 7, three zones) is built fresh for these cases, so that what they cost is not mixed with the upkeep of the views the matrix left; each case places up to ${maxPlacements.toLocaleString('en-US')} tasks (256 CPU units, 512 MiB), or half the fleet on a smaller one, one request per task after up to 2,000 to warm up, then as many in one request. None of the constraints binds before every instance holds a task (atMost over zones allows 1,000,000 per zone), and no task fails.`;
}

/**
 * Runs every constraint case on a fresh fleet of each size.
 *
 * @param sizes - fleet sizes
 * @param maxPlacements - tasks per case at most
 * @param done - called after each size, for progress
 */
export function runConstraintCases(sizes: readonly number[], maxPlacements: number, done?: (size: number) => void): SingleShapeRow[] {
  const rows: SingleShapeRow[] = [];
  for (const size of sizes) {
    const cluster = new Cluster({ seed: 7 });
    for (const spec of streamFleet({ size, seed: 7, zones: 3 })) cluster.registerInstance(spec);
    // Half the fleet at most: some instances cannot take even one task, and a failure would be timed, diagnosed over the fleet.
    for (const chain of CONSTRAINT_CHAINS) rows.push(runSingleShapeCase(cluster, size, chain, Math.min(maxPlacements, Math.floor(size / 2))));
    done?.(size);
  }
  return rows;
}
