import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { checkPlacement, formatViolations } from '../../src/arbitraries/index';
import type { PlacementRequest } from '../../src/model/PlacementRequest';
import { lawTask, requestArbitrary, roomyScenario, scenarioArbitrary } from '../support/lawArbitraries';
import { ENGINES, placeTimes, scenarioCluster } from '../support/scenarioCluster';
import { runs } from '../support/runs';

/** Tasks that always require attributes, often with values some instances have, others have not or have without a value. */
const requiring = lawTask({ requiredAttributesRate: 1, requiredValueRate: 0.7 });
const requests = requestArbitrary({ task: requiring });

/** The attributes a request requires, each as `[name, value]`, the value undefined when any will do. */
function requirementsOf(request: PlacementRequest): [string, string | undefined][] {
  return (request.task.requiresAttributes ?? []).map((required) => (typeof required === 'string' ? [required, undefined] : [required.name, required.value]));
}

describe.each(ENGINES)('required attributes on the %s engine', (engine) => {
  test.prop([roomyScenario, requests, fc.nat(2)], { numRuns: runs(250) })(
    'places a task that requires attribute value v only on instances whose attribute is v, and one that requires a name only where it is',
    (scenario, request, warmUps) => {
      const cluster = scenarioCluster(scenario, engine);
      placeTimes(cluster, request, warmUps);
      const before = cluster.snapshot();
      const attributes = new Map(before.instances.map((instance) => [instance.id, instance.attributes]));
      const result = cluster.place(request);
      for (const { instanceId } of result.placements) {
        const has = attributes.get(instanceId) ?? {};
        for (const [name, value] of requirementsOf(request)) {
          if (value === undefined) expect(name in has, `${instanceId} lacks ${name}`).toBe(true);
          else expect(has[name], `${instanceId}'s ${name}`).toBe(value);
        }
      }
      const violations = checkPlacement(before, request, result);
      expect(violations, formatViolations(violations)).toEqual([]);
    },
  );

  // The counts prove the generators reach both sides: tasks with values placed, and turned down for a value.
  it('places tasks that require values where some instance has them, and says ATTRIBUTE with the value where none has', () => {
    let placedWithValue = 0;
    let refusedForValue = 0;
    fc.assert(
      fc.property(scenarioArbitrary(8, 1, 4), requests, (scenario, request) => {
        const cluster = scenarioCluster(scenario, engine);
        const result = cluster.place(request);
        const values = requirementsOf(request).filter(([, value]) => value !== undefined);
        if (values.length > 0) placedWithValue += result.placements.length;
        for (const failure of result.failures) {
          if (failure.rejection?.code !== 'missing_attribute' || failure.rejection.value === undefined) continue;
          refusedForValue += 1;
          expect(failure.reason).toBe('ATTRIBUTE');
          expect(values).toContainEqual([failure.rejection.attribute, failure.rejection.value]);
        }
      }),
      { numRuns: runs(200) },
    );
    expect({ placed: placedWithValue > 0, refused: refusedForValue > 0 }).toEqual({ placed: true, refused: true });
  });
});
