/**
 * What the `place` command prints as JSON.
 *
 * @module
 */
import type { RunTaskResponse } from '../ecs/toRunTaskResponse';

/** RunTask's response, and for a service the events ECS would record. */
export interface PlaceResponse extends RunTaskResponse {
  /** One entry per distinct service event message, for a service request. */
  readonly events?: readonly { readonly message: string }[];
}
