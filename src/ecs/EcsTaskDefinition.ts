/**
 * A task definition read from ECS.
 *
 * @module
 */
import type { TaskSpec } from '../model/TaskSpec';
import type { NetworkMode } from './readPortMappings';

/**
 * A task definition: the task as placement sees it, and the names that
 * identify it in requests and responses.
 */
export interface EcsTaskDefinition {
  /** What the task needs: resources, static host ports, attributes, constraints. */
  readonly task: TaskSpec;
  /** The family. */
  readonly family: string;
  /** The revision, when the document is a registered task definition. */
  readonly revision?: number;
  /** The ARN, when the document is a registered task definition. */
  readonly taskDefinitionArn?: string;
  /** The network mode (`bridge` when the document gives none). */
  readonly networkMode: NetworkMode;
}
