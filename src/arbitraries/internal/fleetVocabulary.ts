/**
 * The words of a fleet: what generated expressions compare when a request
 * is drawn for that fleet, so that they hold on some of its instances and
 * not on others rather than naming zones or types it never has.
 *
 * @module
 */
import type { ResolvedInstance } from '../InstanceConstraints';
import type { QueryVocabulary } from '../QueryConstraints';

/** Escapes the characters a Java-style pattern reads as operators. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The vocabulary of a fleet's constraints: its zones, instance types, CPU
 * architectures, custom attributes and agent versions, and patterns that
 * match some of its zones and types.
 *
 * @param fleet - the fleet's resolved instance constraints
 * @returns the fields of a {@link QueryVocabulary} the fleet determines
 */
export function fleetVocabulary(fleet: ResolvedInstance): QueryVocabulary {
  const architectures = [...new Set(fleet.instanceTypes.map((type) => type.architecture ?? 'x86_64'))];
  const custom = Object.fromEntries(Object.entries(fleet.customAttributes).map(([name, values]) =>
    [name, values.filter((value): value is string => value !== null)]));
  const capabilities = Object.fromEntries(fleet.capabilities.map((name) => [name, []]));
  const [firstZone] = fleet.zones;
  const [firstType] = fleet.instanceTypes;
  const family = firstType?.name.split('.')[0];
  const patterns = [
    ...(family === undefined ? [] : [`${literal(family)}\\..*`]),
    ...(firstZone === undefined ? [] : [literal(firstZone)]),
    '.*',
    'service:.*',
  ];
  return {
    attributes: {
      'ecs.availability-zone': fleet.zones,
      'ecs.instance-type': fleet.instanceTypes.map((type) => type.name),
      'ecs.os-type': ['linux', 'windows'],
      'ecs.cpu-architecture': architectures,
      ...custom,
      ...capabilities,
    },
    agentVersions: fleet.agentVersions,
    patterns: [...new Set(patterns)],
  };
}
