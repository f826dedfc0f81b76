/**
 * A strategy chain as the indexed engine ranks it: which strategies an
 * instance's own state decides, which depend on the instance's bucket, and
 * where `random` ends the chain.
 *
 * @module
 */
import type { InstanceState } from '../model/InstanceState';
import type { Strategy } from '../model/Strategy';

/** A key an instance's own state decides: binpack, or spread by instance. */
export interface LocalLevel {
  readonly kind: 'local';
  /** Position among the local levels, which is its key index in a tree. */
  readonly index: number;
  readonly key: (instance: InstanceState, group: string) => number;
}

/** A key shared by every instance with the same value of an attribute: spread by attribute. */
export interface BucketLevel {
  readonly kind: 'bucket';
  /** Position among the bucket levels. */
  readonly index: number;
  readonly attribute: string;
}

/** One level of an indexed chain. */
export type ChainLevel = LocalLevel | BucketLevel;

/** A chain the indexed engine can rank: its levels, and whether `random` follows them. */
export interface ChainLevels {
  readonly levels: readonly ChainLevel[];
  readonly localCount: number;
  readonly bucketAttributes: readonly string[];
  readonly endsWithRandom: boolean;
}

/**
 * Reads a chain, up to and including its first `random` (nothing after it can
 * matter).
 *
 * @param strategies - the request's chain
 * @returns the levels, or `undefined` when the chain holds a caller's own
 *   strategy, whose keys only its own function can give
 */
export function chainLevels(strategies: readonly Strategy[]): ChainLevels | undefined {
  const levels: ChainLevel[] = [];
  const bucketAttributes: string[] = [];
  let localCount = 0;
  for (const strategy of strategies) {
    switch (strategy.dependsOn) {
      case 'instance':
        levels.push({ kind: 'local', index: localCount, key: (instance) => strategy.key(instance) });
        localCount += 1;
        break;
      case 'groupTasks':
        if (strategy.bucketAttribute === undefined) {
          levels.push({ kind: 'local', index: localCount, key: (instance, group) => instance.taskGroups.get(group) ?? 0 });
          localCount += 1;
        } else {
          levels.push({ kind: 'bucket', index: bucketAttributes.length, attribute: strategy.bucketAttribute });
          bucketAttributes.push(strategy.bucketAttribute);
        }
        break;
      default:
        return undefined;
    }
  }
  return { levels, localCount, bucketAttributes, endsWithRandom: false };
}
