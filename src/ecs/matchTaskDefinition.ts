/**
 * The `taskDefinition` of a RunTask or CreateService request, checked
 * against the task definition given with it.
 *
 * @module
 */
import type { EcsTaskDefinition } from './EcsTaskDefinition';
import { ecsError, readString } from './json';

const ARN_PREFIX = /^arn:[^:]+:ecs:[^:]*:[^:]*:task-definition\//;
const REFERENCE = /^([A-Za-z0-9_-]{1,255})(?::(\d+))?$/;

/**
 * Checks that a request's `taskDefinition` names the task definition given:
 * `family`, `family:revision` or the full ARN.
 *
 * @param value - the untrusted reference
 * @param path - where it is
 * @param definition - the task definition given
 * @throws {@link task-placement!PlacementInputError} `invalid_ecs_json` for a reference of
 *   none of those forms, `task_definition_mismatch` when it names another
 *   family or revision
 */
export function matchTaskDefinition(value: unknown, path: string, definition: EcsTaskDefinition): void {
  const reference = readString(value, path);
  if (definition.taskDefinitionArn !== undefined && reference === definition.taskDefinitionArn) return;
  const match = REFERENCE.exec(reference.replace(ARN_PREFIX, ''));
  if (match === null) throw ecsError(path, `expected a family, family:revision or task definition ARN, got ${JSON.stringify(reference)}`);
  const [, family, revision] = match;
  const given = definition.revision === undefined ? definition.family : `${definition.family}:${definition.revision}`;
  const sameRevision = revision === undefined || definition.revision === undefined || Number(revision) === definition.revision;
  if (family !== definition.family || !sameRevision) {
    throw ecsError(path, `expected the task definition given (${given}), but this names ${JSON.stringify(reference)}`, 'task_definition_mismatch');
  }
}
