/**
 * One capacity provider of a request's capacity provider strategy, in ECS's
 * words.
 *
 * @module
 */

/**
 * A capacity provider and its share of a request's tasks, as ECS's
 * `CapacityProviderStrategyItem` writes it.
 *
 * @remarks
 * `base` tasks go to the one provider that has a base first; the tasks
 * beyond it are shared by `weight`: weights 1 and 4 put 1 task on the first
 * for every 4 on the second. A provider's instances are those whose
 * attribute {@link CAPACITY_PROVIDER_ATTRIBUTE} names it. See the Capacity
 * provider strategies section of docs/lifecycle.md for how counts that do
 * not divide are shared.
 *
 * @example
 * ```ts
 * const strategy: CapacityProviderStrategyItem[] = [
 *   { capacityProvider: 'on-demand', base: 2, weight: 1 },
 *   { capacityProvider: 'spot', weight: 3 },
 * ];
 * ```
 *
 * @category Requests
 */
export interface CapacityProviderStrategyItem {
  /** The provider's name: 1 to 128 letters, digits, `_` and `-`. */
  readonly capacityProvider: string;
  /**
   * The tasks that go to this provider before any is shared by weight, from
   * 0 to 100,000; only one provider of a strategy may have a base above 0.
   * @defaultValue 0
   */
  readonly base?: number;
  /**
   * The provider's share of the tasks beyond the base, relative to the
   * others', from 0 to 1,000. With several providers at least one weighs
   * above 0, and one of weight 0 gets only its base.
   * @defaultValue 0
   */
  readonly weight?: number;
}
