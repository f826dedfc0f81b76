/**
 * How a capacity provider strategy shares a request's tasks among its
 * providers: the base first, then the rest by weight, one task at a time.
 *
 * @module
 */
import type { ValidCapacityProviderItem } from '../model/ValidRequest';

/**
 * The provider of each new task of a request, in the order the tasks are
 * started.
 *
 * @remarks
 * ECS documents the shares ("weights 1:4: for every 1 task on A, 4 on B")
 * but not how counts that do not divide are rounded. Here tasks are given
 * out one at a time:
 * 1. to the provider with a base, until it holds `base` tasks;
 * 2. then each to the provider the Balinski-Young quota method picks: among
 *    the providers of weight above 0 that would not exceed their upper quota
 *    (the ceiling of weight × tasks beyond the base / total weight, with the
 *    new task counted), the one with the highest weight / (tasks beyond its
 *    base + 1); ties go to the earlier in the strategy.
 *
 * So the split of n + 1 tasks is the split of n and one more, and from no
 * tasks each provider's tasks beyond its base are within one of its exact
 * share, the floor or the ceiling. A provider of weight 0 gets only its
 * base, unless no provider weighs above 0 (a strategy of one provider,
 * which then takes every task). Tasks already running count: `running`
 * gives them provider by provider, so a service scaled out in steps ends
 * where one placed at once would. Exact for every count: the comparisons
 * are of whole numbers.
 *
 * @param strategy - the providers, with base and weight filled in
 * @param count - the new tasks
 * @param running - the tasks each provider holds already, in strategy order (none when shorter)
 * @returns the index in `strategy` of each new task's provider, in order
 */
export function splitByCapacityProvider(strategy: readonly ValidCapacityProviderItem[], count: number, running: readonly number[] = []): number[] {
  const held = strategy.map((_, index) => running[index] ?? 0);
  // A strategy whose providers all weigh 0 (one provider, as validation allows) shares as if each weighed 1.
  const unweighted = strategy.every((item) => item.weight === 0);
  const weights = strategy.map((item) => (unweighted ? 1 : item.weight));
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const based = strategy.findIndex((item) => item.base > 0);
  const base = based < 0 ? 0 : (strategy[based] as ValidCapacityProviderItem).base;
  const beyondOf = (index: number): number => (index === based ? (held[index] as number) - base : (held[index] as number));
  let beyond = held.reduce((sum, tasks) => sum + tasks, 0) - (based < 0 ? 0 : Math.min(held[based] as number, base));
  const split: number[] = [];
  for (let task = 0; task < count; task += 1) {
    let chosen = based;
    if (based < 0 || (held[based] as number) >= base) {
      const house = beyond + 1;
      chosen = -1;
      for (let index = 0; index < strategy.length; index += 1) {
        const weight = weights[index] as number;
        const tasks = beyondOf(index);
        // Within its upper quota once it takes this task: tasks + 1 <= ceil(weight × house / total), in whole numbers.
        if (weight === 0 || tasks * totalWeight >= weight * house) continue;
        if (chosen < 0 || weight * (beyondOf(chosen) + 1) > (weights[chosen] as number) * (tasks + 1)) chosen = index;
      }
      beyond = house;
    }
    held[chosen] = (held[chosen] as number) + 1;
    split.push(chosen);
  }
  return split;
}
