/**
 * The columns that say which instance a row is about, the same in every
 * table of the page.
 *
 * @module
 */
import type { InstanceInfo } from '../../src/index';
import { shortId } from '../../src/ecs/index';

/** The zone attribute every ECS instance carries. */
export const ZONE = 'ecs.availability-zone';
/** The instance type attribute every EC2 container instance carries. */
export const TYPE = 'ecs.instance-type';

/**
 * The short id ECS prints, and the instance's zone and type.
 *
 * @param info - the instance
 * @returns the three texts, `—` for an attribute the instance lacks
 */
export function instanceCells(info: InstanceInfo): [string, string, string] {
  return [shortId(info.id), info.attributes[ZONE] ?? '—', info.attributes[TYPE] ?? '—'];
}
