import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../../../test/support/inputErrorOf';
import { requestArbitrary, roomyTaskSpec } from '../../../test/support/lawArbitraries';
import { runs } from '../../../test/support/runs';
import { Cluster } from '../../cluster/Cluster';
import { INSTANCE_TYPES, type InstanceType } from '../instanceTypes';
import { instanceResources } from '../instanceResources';
import { planFleet } from './planFleet';

const types = (...names: string[]): InstanceType[] => names.map((name) => INSTANCE_TYPES.find((type) => type.name === name) as InstanceType);
const api = { task: { resources: { cpu: 512, memory: 3072 } }, count: 40, service: 'api' };

describe('planFleet', () => {
  it('plans each type, with its bound and gap, and picks the one that needs the fewest instances', () => {
    // m5.large registers 2048 CPU units and 7,608 MiB: two tasks an instance (memory), 20 in all; m5.xlarge 4096 and 15,472: five, 8.
    const plan = planFleet([api], types('m5.large', 'm5.xlarge'));
    expect(plan.byType).toEqual([
      { instanceType: 'm5.large', fits: true, instances: 20, lowerBound: 20, gap: 0, complete: true },
      { instanceType: 'm5.xlarge', fits: true, instances: 8, lowerBound: 8, gap: 0, complete: true },
    ]);
    expect(plan.best?.instanceType).toBe('m5.xlarge');
  });

  it('picks the cheapest when told what each type costs', () => {
    const costs = { 'm5.large': 0.096, 'm5.xlarge': 0.3 };
    const plan = planFleet([api], types('m5.large', 'm5.xlarge'), { costs });
    expect(plan.byType.map((type) => type.cost)).toEqual([20 * 0.096, 8 * 0.3]);
    expect(plan.best?.instanceType).toBe('m5.large');
  });

  it('counts distinctInstance groups in the bound, and leaves out the types that cannot run the workload', () => {
    const spread = { task: { resources: { cpu: 256, memory: 512 } }, count: 6, service: 'web', placementConstraints: [{ type: 'distinctInstance' as const }] };
    const gpu = { task: { resources: { cpu: 1024, memory: 4096, gpu: 1 } }, count: 1, service: 'ml' };
    expect(planFleet([spread], types('m5.xlarge')).byType[0]).toMatchObject({ instances: 6, lowerBound: 6, gap: 0 });
    const plan = planFleet([spread, gpu], types('m5.xlarge', 'g4dn.xlarge'));
    expect(plan.byType.map((type) => [type.instanceType, type.fits])).toEqual([['m5.xlarge', false], ['g4dn.xlarge', true]]);
    expect(plan.best?.instanceType).toBe('g4dn.xlarge');
    expect(planFleet([gpu], types('m5.large')).best).toBeUndefined();
  });

  it('refuses a bad workload as placeBatch does, and one too large to plan', () => {
    expect(inputErrorOf(() => planFleet([{ task: { resources: { memory: -1 } } }], types('m5.large')))).toEqual({ code: 'invalid_resource', path: 'requests[0].task.resources.memory' });
    expect(inputErrorOf(() => planFleet([{ ...api, count: 100_001 }], types('m5.large')))).toEqual({ code: 'invalid_count', path: 'workload' });
  });

  const workload = fc.array(requestArbitrary({ task: roomyTaskSpec, count: fc.integer({ min: 1, max: 6 }) }), { minLength: 1, maxLength: 4 });
  test.prop([workload, fc.subarray(types('m5.large', 'm5.xlarge', 'c5.xlarge', 'r5.large', 'g4dn.xlarge'), { minLength: 1 })], { numRuns: runs(25) })(
    'never plans below its bound, and the plan runs the workload on exactly that many instances of the type',
    (requests, candidates) => {
      const plan = planFleet(requests, candidates);
      for (const type of plan.byType) if (type.fits) expect(type.instances).toBeGreaterThanOrEqual(type.lowerBound);
      const best = plan.best;
      fc.pre(best !== undefined);
      const type = candidates.find((candidate) => candidate.name === best.instanceType) as InstanceType;
      const attributes = { 'ecs.instance-type': type.name, 'ecs.cpu-architecture': type.architecture };
      const cluster = new Cluster({ instances: Array.from({ length: best.instances }, (_, index) => ({ id: `i-${index}`, resources: instanceResources(type), attributes })) });
      const batch = cluster.placeBatch(requests);
      expect(batch.results.every((result) => result.failures.length === 0)).toBe(true);
    },
  );
});
