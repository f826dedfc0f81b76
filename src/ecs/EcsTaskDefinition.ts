/**
 * A task definition read from ECS.
 *
 * @module
 */
import type { TaskSpec } from '../model/TaskSpec';
import type { EcsNetworkBinding } from './EcsNetworkBinding';
import type { NetworkMode } from './readPortMappings';

/** A container of a task definition, as far as RunTask's answer names it. */
export interface EcsContainerDefinition {
  /** The container's name, when the definition gives one. */
  readonly name?: string;
  /** Its image, when given. */
  readonly image?: string;
  /** CPU units it reserves, when given. */
  readonly cpu?: number;
  /** Its hard memory limit in MiB, when given. */
  readonly memory?: number;
  /** Its soft memory limit in MiB, when given. */
  readonly memoryReservation?: number;
  /** The ports it binds on the instance; dynamic and `awsvpc` ports are not known before the task runs, and are not here. */
  readonly networkBindings: readonly EcsNetworkBinding[];
}

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
  /**
   * The launch types ECS validated the definition for (`EC2`, `EXTERNAL`,
   * `FARGATE`, ...), when the document is ECS's own output: a request's
   * launch type must be among them. A RegisterTaskDefinition input has none.
   */
  readonly compatibilities?: readonly string[];
  /** The network mode (`bridge` when the document gives none). */
  readonly networkMode: NetworkMode;
  /**
   * The containers in the order defined, for the `containers` of
   * {@link toRunTaskResponse}'s tasks; {@link readTaskDefinition} always
   * gives them.
   */
  readonly containers?: readonly EcsContainerDefinition[];
}
