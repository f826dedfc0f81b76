/**
 * Container instance ids as ECS prints them in messages.
 *
 * @module
 */

/**
 * The short id of a container instance: the part of its ARN after the last
 * `/`, as ECS prints it in service events
 * (`arn:aws:ecs:us-east-1:123456789012:container-instance/prod/8f9e` gives
 * `8f9e`). An id that is not an ARN is returned as it is.
 *
 * @param id - a container instance ARN or id
 * @returns the short id
 */
export function shortId(id: string): string {
  if (!id.startsWith('arn:')) return id;
  return id.slice(id.lastIndexOf('/') + 1);
}
