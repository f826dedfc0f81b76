/**
 * How responses name a task definition.
 *
 * @module
 */
import type { EcsTaskDefinition } from './EcsTaskDefinition';

/**
 * The name ECS would give a task definition in a task: its ARN when the
 * document has one, else `family:revision`, else the family.
 *
 * @param definition - the task definition read
 * @returns the name
 */
export function taskDefinitionName(definition: EcsTaskDefinition): string {
  if (definition.taskDefinitionArn !== undefined) return definition.taskDefinitionArn;
  return definition.revision === undefined ? definition.family : `${definition.family}:${definition.revision}`;
}
