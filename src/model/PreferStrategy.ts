/**
 * The `prefer` strategy as a request writes it: a soft preference, an
 * extension beside ECS's binpack, spread and random.
 *
 * @module
 */

/**
 * The lowest weight a `prefer` strategy takes (Nomad's affinity range).
 *
 * @category Requests
 */
export const MIN_PREFER_WEIGHT = -100;

/**
 * The highest weight a `prefer` strategy takes (Nomad's affinity range).
 *
 * @category Requests
 */
export const MAX_PREFER_WEIGHT = 100;

/**
 * A soft preference: instances where a cluster query expression holds rank
 * before the others (or, with a negative weight, after them), but no
 * instance is ever refused for it. This library's extension, like Nomad's
 * affinities and Kubernetes' preferred node affinity; it chains with ECS's
 * strategies but is not one of them (ECS's own JSON refuses it). For example
 * `{ type: 'prefer', expression: 'attribute:lifecycle == spot', weight: 50 }`.
 *
 * @remarks
 * Constraints stay hard: a preference only orders the instances that pass
 * every check. The preferences of one chain are one strategy, at the
 * position of the first of them: an instance's key is minus the sum of the
 * weights of the preferences whose expression holds for it, so the
 * instances with the highest summed weight rank first; the rest of the chain
 * keeps its order around it, and the strategies after it break its ties. A
 * chain that holds only preferences is followed by ECS's default chain
 * (spread over zones then instances for a service, random otherwise), so a
 * preference of weight 0 places exactly as the chain without it.
 *
 * The key is a function of the instance alone (an expression may read its
 * attributes, tasks, agent or registration date), so the indexed engine
 * keeps instances ordered by it, as for binpack. When scaling in, the tasks
 * on the least preferred instances are stopped first. The preferences count
 * toward ECS's limit of 5 strategies, one each. The Preferences section of
 * docs/placement.md has the rules and an example.
 *
 * @category Requests
 */
export interface PreferStrategy {
  /** Always `'prefer'`. */
  readonly type: 'prefer';
  /** A cluster query language expression, as a memberOf constraint takes, such as `attribute:ecs.instance-type =~ t3.*`. */
  readonly expression: string;
  /**
   * How much the instances where the expression holds are preferred: a whole
   * number from -100 to 100; a negative weight sends tasks elsewhere first,
   * and 0 changes nothing.
   */
  readonly weight: number;
}
