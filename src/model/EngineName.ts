/**
 * The names of the placement engines, as options of a cluster or a run.
 *
 * @module
 */

/**
 * The engines {@link Cluster} can run: the plain-loop specification, or the indexed one.
 *
 * @category Cluster
 */
export type EngineName = 'reference' | 'indexed';
