/**
 * The resource a `binpack` field names.
 *
 * @module
 */

// ECS reads binpack's two fields in any case and reports them in upper case
// (DescribeServices shows `MEMORY`; CloudFormation and CDK write `CPU`).
const ECS_BINPACK_FIELD = /^(?:cpu|memory)$/i;

/**
 * The resource a binpack field packs on: `cpu` and `memory` in any case, as
 * ECS accepts them (`MEMORY`, `Memory`), become the library's `cpu` and
 * `memory`; any other field is returned as written, since the library's
 * other resources (`gpu`, custom names) are not ECS's and have one spelling.
 *
 * @param field - a binpack field as a request gives it
 * @returns the resource name
 */
export function binpackResource(field: string): string {
  return ECS_BINPACK_FIELD.test(field) ? field.toLowerCase() : field;
}
