/**
 * The order zones appear in, in every chart.
 *
 * @module
 */
import { compareNatural } from './compareNatural';

/**
 * Orders zones as the charts show them: the scenario's, in its order, then
 * any other zone the report's data name, in natural order.
 *
 * @param listed - the scenario's zones
 * @param seen - the zones the data name, repeats allowed
 * @returns each zone once
 */
export function orderZones(listed: readonly string[], seen: Iterable<string>): string[] {
  const known = new Set(listed);
  const others = new Set<string>();
  for (const zone of seen) if (!known.has(zone)) others.add(zone);
  return [...known, ...[...others].sort(compareNatural)];
}
