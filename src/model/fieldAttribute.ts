/**
 * The fields of spread, spreadLimit and atMost: `instanceId` (or `host`,
 * for spread), each instance a bucket of its own, or `attribute:NAME`,
 * instances by that attribute's value.
 *
 * @module
 */
import { ATTRIBUTE_NAME } from '../query/subjects';

const ATTRIBUTE_PREFIX = 'attribute:';

/**
 * Whether a field is `attribute:NAME` with NAME an attribute name.
 *
 * @param field - the field as written
 */
export function isAttributeField(field: string): boolean {
  return field.startsWith(ATTRIBUTE_PREFIX) && ATTRIBUTE_NAME.test(field.slice(ATTRIBUTE_PREFIX.length));
}

/**
 * The attribute a valid field buckets instances by.
 *
 * @param field - a field validation accepted
 * @returns the attribute's name, or undefined for `instanceId` and `host`
 */
export function fieldAttribute(field: string): string | undefined {
  return field.startsWith(ATTRIBUTE_PREFIX) ? field.slice(ATTRIBUTE_PREFIX.length) : undefined;
}
