/**
 * A container instance named on the command line by its ARN or short id.
 *
 * @module
 */
import { shortId } from '../ecs/shortId';
import { UsageError } from './CliIo';
import { visible } from './visible';

/**
 * The instance an option names.
 *
 * @param ids - the ids of the cluster's instances (container instance ARNs)
 * @param given - an id as given: the ARN, or the part after its last `/`
 * @returns the instance's id
 * @throws {@link UsageError} when no instance, or more than one, has that ARN or short id
 */
export function resolveInstance(ids: readonly string[], given: string): string {
  if (ids.includes(given)) return given;
  const matches = ids.filter((id) => shortId(id) === given);
  const [only] = matches;
  if (only !== undefined && matches.length === 1) return only;
  if (matches.length > 1) {
    // Two clusters' instances in one file can share a short id; only the ARN tells them apart.
    throw new UsageError(`${matches.length} container instances of the --instances file have the id '${visible(given)}': give the ARN of the one you mean (${matches.map(visible).join(', ')}).`);
  }
  throw new UsageError(`No container instance of the --instances file has the ARN or id '${visible(given)}'.`);
}
