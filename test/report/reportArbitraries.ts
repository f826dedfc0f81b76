/**
 * fast-check arbitraries of simulation reports for the report page's
 * property tests: random fleets, zones, services and failures, with hostile
 * strings and numbers that are not finite.
 */
import { fc } from '@fast-check/vitest';
import type { InstanceUsage, ServiceReport, SimulationReport } from '../../src/sim/SimulationReport';

// Strings the page must escape, mixed with ordinary and random ones. Random
// strings that spell a bad number or a URL are left out: the page would
// show them faithfully and the checks could not tell them from a bug.
const hostile = fc.constantFrom('<b>&"x\'', '</svg><script>alert(1)</script>', 'a & b', '"quoted"', "it's", '<', '&amp;', '&#39;', ']]>', '<!--');
const ordinary = fc.constantFrom('web', 'api', 'us-east-1a', 'us-east-1b', 'm5.large', 'c5.2xlarge', 'RESOURCE:MEMORY', 'AGENT');
/** A name: ordinary, hostile or random text. */
const name = fc
  .oneof(ordinary, hostile, fc.string({ maxLength: 16 }), fc.string({ unit: 'binary', maxLength: 8 }))
  .filter((text) => !/NaN|Infinity|undefined|https?:\/\//.test(text));

/** A fraction, sometimes out of range or not a number at all. */
const fraction = fc.oneof({ weight: 8, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) }, { weight: 1, arbitrary: fc.double() });
/** A count, sometimes huge, negative or not finite. */
const count = fc.oneof({ weight: 8, arbitrary: fc.nat({ max: 500 }) }, { weight: 1, arbitrary: fc.double() }, { weight: 1, arbitrary: fc.integer() });
/** An amount of a resource, sometimes not finite. */
const amount = fc.oneof({ weight: 8, arbitrary: fc.double({ min: 0, max: 400_000, noNaN: true }) }, { weight: 1, arbitrary: fc.double() });

function instance(zones: readonly string[]): fc.Arbitrary<InstanceUsage> {
  const zone = zones.length === 0 ? name : fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...zones) }, { weight: 1, arbitrary: name });
  return fc.record({
    id: name,
    zone,
    type: fc.oneof(fc.constantFrom('m5.large', 'm5.xlarge', 'c5.2xlarge', 'r5.12xlarge'), name),
    status: fc.constantFrom('ACTIVE', 'ACTIVE', 'ACTIVE', 'DRAINING', 'INACTIVE'),
    tasks: count,
    cpu: fraction,
    memory: fraction,
    freeMemory: amount,
    freeCpu: amount,
  });
}

const record = fc.dictionary(name, count, { maxKeys: 5 });

function service(zones: readonly string[]): fc.Arbitrary<ServiceReport> {
  return fc
    .record(
      {
        name,
        desiredCount: count,
        running: count,
        strategies: fc.array(name, { maxLength: 3 }),
        constraints: fc.array(name, { maxLength: 3 }),
        failures: record,
        firstFailure: name,
        byZone: zones.length === 0 ? record : fc.tuple(...zones.map(() => count)).map((counts) => Object.fromEntries(zones.map((zone, index) => [zone, counts[index] ?? 0]))),
        byInstanceType: record,
        zoneSkew: count,
      },
      { requiredKeys: ['name', 'desiredCount', 'running', 'strategies', 'constraints', 'failures', 'byZone', 'byInstanceType', 'zoneSkew'] },
    )
    .map((value) => ({ ...value, group: `service:${value.name}` }));
}

/** A simulation report: up to 80 instances over up to 7 zones, up to 8 services, any failures. */
export const simulationReport: fc.Arbitrary<SimulationReport> = fc.uniqueArray(name, { maxLength: 7 }).chain((zones) =>
  fc.record({
    scenario: fc.record({ name, seed: fc.integer(), instances: fc.nat({ max: 100_000 }), zones: fc.constant(zones) }),
    services: fc.array(service(zones), { maxLength: 8 }),
    metrics: fc.record({
      lowerBound: fc.record({ instances: count, byResource: record, method: fc.constantFrom('homogeneous' as const, 'fractional' as const) }),
      instancesUsed: count,
      packingRatio: fc.option(fc.double(), { nil: null }),
      utilization: fc.dictionary(fc.oneof(fc.constantFrom('cpu', 'memory', 'gpu'), name), fraction, { maxKeys: 4 }),
      stranded: fc.dictionary(fc.oneof(fc.constantFrom('cpu', 'memory'), name), amount, { maxKeys: 3 }),
      failuresByReason: record,
    }),
    instances: fc.array(instance(zones), { maxLength: 80 }),
    timing: fc.record(
      { placements: count, elapsedMs: amount, placementsPerSecond: fc.oneof(amount, fc.constant(Number.POSITIVE_INFINITY), fc.constant(Number.NaN)), peakHeapBytes: amount },
      { requiredKeys: ['placements', 'elapsedMs', 'placementsPerSecond'] },
    ),
  }),
);
