/**
 * A service read from where it is deployed from: a CloudFormation template
 * or Terraform's JSON.
 *
 * @module
 */
import type { PlacementRequest } from '../model/PlacementRequest';
import type { EcsTaskDefinition } from './EcsTaskDefinition';
import type { EcsRequestOptions } from './fromPlacementRequest';

/** A service of a template or of Terraform's JSON, ready to place. */
export interface EcsServiceRequest {
  /** The request for `Cluster.place`: the service's tasks, count, strategies and constraints. */
  readonly request: PlacementRequest;
  /** The task definition the service runs: the document's own, or the one given. */
  readonly taskDefinition: EcsTaskDefinition;
  /** The service's resource: its logical id in a template, its address in Terraform's JSON. */
  readonly resource: string;
}

/** Options of {@link fromCloudFormation} and {@link fromTerraform}. */
export interface EcsServiceRequestOptions extends EcsRequestOptions {
  /**
   * The service to read when the document has several: its logical id in a
   * template (`WebService`), its address in Terraform's JSON
   * (`module.app.aws_ecs_service.web`).
   */
  readonly resource?: string;
  /**
   * The task definition the service runs, from {@link readTaskDefinition}.
   * Needed when the document does not define it; when it does, this one is
   * placed instead (the registered one, say, whose `requiresAttributes`
   * ECS has filled in), and must be of the same family.
   */
  readonly taskDefinition?: EcsTaskDefinition;
  /** Names the service instead of the document (whose name is then not read): the tasks' group is `service:NAME`. */
  readonly serviceName?: string;
}
