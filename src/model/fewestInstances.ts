/**
 * The volume bound on instances, shared by the simulator's metrics and
 * batch placement.
 *
 * @module
 */

/**
 * The fewest instances whose capacities of one resource, taken largest
 * first, add up to a demand: no placement holds the demand on fewer, since
 * any k instances hold at most the k largest capacities together. For one
 * capacity C this is ceil(demand / C). Demand beyond every capacity given
 * is counted in instances of the largest.
 *
 * @param capacities - each instance's capacity of the resource
 * @param demand - the total demand of the resource
 * @returns the bound; 0 for no demand
 */
export function fewestInstances(capacities: Iterable<number>, demand: number): number {
  // Capacities with how many instances have each, largest first: fleets have few distinct sizes, so this beats sorting every instance.
  const counts = new Map<number, number>();
  for (const amount of capacities) counts.set(amount, (counts.get(amount) ?? 0) + 1);
  const sizes = [...counts].sort((a, b) => b[0] - a[0]);
  let left = demand;
  let used = 0;
  for (const [amount, count] of sizes) {
    if (left <= 0 || amount <= 0) break;
    const take = Math.min(count, Math.ceil(left / amount));
    used += take;
    left -= take * amount;
  }
  const largest = sizes[0]?.[0] ?? 0;
  return left > 0 && largest > 0 ? used + Math.ceil(left / largest) : used;
}
