/**
 * The error for input that placement cannot accept.
 *
 * @module
 */

/**
 * The stable codes a {@link PlacementInputError} carries. Programs branch on
 * the code; the message is for people.
 *
 * @category Errors
 */
export type PlacementInputErrorCode =
  | 'invalid_type'
  | 'unknown_field'
  | 'missing_field'
  | 'invalid_id'
  | 'duplicate_instance'
  | 'unknown_instance'
  | 'unknown_task'
  | 'duplicate_task'
  | 'overcommitted_instance'
  | 'port_conflict'
  | 'inconsistent_snapshot'
  | 'instance_has_tasks'
  | 'invalid_resource'
  | 'invalid_resource_name'
  | 'invalid_port'
  | 'duplicate_port'
  | 'too_many_reserved_ports'
  | 'invalid_attribute'
  | 'invalid_status'
  | 'invalid_date'
  | 'invalid_version'
  | 'invalid_name'
  | 'invalid_revision'
  | 'conflicting_group'
  | 'invalid_count'
  | 'invalid_percent'
  | 'too_many_strategies'
  | 'unknown_strategy_type'
  | 'invalid_strategy_field'
  | 'invalid_strategy'
  | 'too_many_constraints'
  | 'unknown_constraint_type'
  | 'invalid_constraint_field'
  | 'constraint_not_allowed'
  | 'unexpected_expression'
  | 'empty_expression'
  | 'invalid_expression'
  | 'invalid_option'
  | 'invalid_ecs_json'
  | 'task_definition_mismatch'
  | 'unsupported_ecs_feature'
  | 'incompatible_launch_type'
  | 'conflicting_launch_type'
  | 'invalid_capacity_provider_strategy'
  | 'unresolved_value'
  | 'ambiguous_service'
  | 'no_container_instances'
  | 'invalid_notation'
  | 'invalid_packing_file'
  | 'invalid_trace_file'
  | 'reentrant_call';

/**
 * Bad input to a {@link Cluster} method: a malformed instance, task or
 * request, an unknown id, or an option out of range. The call that throws it
 * has changed nothing.
 *
 * @remarks
 * `path` names the faulty field the way the input was written, such as
 * `request.placementStrategy[0].field` or `instances[3].resources.cpu`.
 * For a memberOf expression that does not parse, `cause` is the
 * {@link QueryError} with its position.
 *
 * @example
 * ```ts
 * try {
 *   cluster.place({ task, placementStrategy: [{ type: 'binpack', field: 'disk' }] });
 * } catch (error) {
 *   if (error instanceof PlacementInputError) console.log(error.code, error.path);
 *   // invalid_strategy_field request.placementStrategy[0].field
 * }
 * ```
 *
 * @category Errors
 */
export class PlacementInputError extends Error {
  /** Stable machine-readable code. */
  readonly code: PlacementInputErrorCode;
  /** Where in the input the fault is. */
  readonly path: string;

  /**
   * @param code - stable code of the fault
   * @param path - the faulty field
   * @param summary - one sentence that says what is wrong and how to fix it
   * @param options - the underlying error, when there is one
   */
  constructor(code: PlacementInputErrorCode, path: string, summary: string, options?: { cause?: unknown }) {
    super(path === '' ? summary : `${path}: ${summary}`, options);
    this.name = 'PlacementInputError';
    this.code = code;
    this.path = path;
  }
}
