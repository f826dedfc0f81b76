import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { clusterFromEcs } from '../../src/ecs/clusterFromEcs';
import { fromRunTaskRequest } from '../../src/ecs/fromPlacementRequest';
import { readTaskDefinition } from '../../src/ecs/fromTaskDefinition';
import { runs } from '../support/runs';
import { describeResponse, type InstanceShape } from './ecsJson';

const PROVIDERS = ['on-demand', 'spot', 'arm'] as const;
const CHAINS = [
  [{ type: 'binpack', field: 'memory' }],
  [{ type: 'spread', field: 'instanceId' }],
  [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'MEMORY' }],
] as const;

const fleet: fc.Arbitrary<InstanceShape[]> = fc.array(fc.record({
  provider: fc.option(fc.constantFrom(...PROVIDERS), { nil: undefined }),
  memory: fc.integer({ min: 256, max: 2048 }),
  zone: fc.constantFrom('us-east-1a', 'us-east-1b'),
}), { minLength: 1, maxLength: 8 }).map((instances) => instances.map(({ provider, memory, zone }, index) => ({
  id: `i${index}`, cpu: 2048, memory, attributes: { 'ecs.availability-zone': zone }, ...(provider === undefined ? {} : { capacityProviderName: provider }),
})));

/** A strategy of one provider, as ECS accepts it: any weight, any base. */
const oneProvider = fc.record({ capacityProvider: fc.constantFrom(...PROVIDERS), weight: fc.integer({ min: 0, max: 3 }), base: fc.integer({ min: 0, max: 2 }) });

const task = readTaskDefinition({ family: 'batch', containerDefinitions: [{ name: 'batch', memory: 256 }] });

describe('a capacity provider strategy of one provider', () => {
  test.prop([fleet, oneProvider, fc.constantFrom(...CHAINS), fc.integer({ min: 1, max: 10 })], { numRuns: runs(200) })(
    'places as the same request would on that provider\'s instances alone, whatever its base and weight',
    (instances, item, chain, count) => {
      const runTask = { taskDefinition: 'batch', count, placementStrategy: chain };
      const withStrategy = clusterFromEcs(describeResponse(...instances)).place(fromRunTaskRequest({ ...runTask, capacityProviderStrategy: [item] }, task));
      const theirs = instances.filter((instance) => instance.capacityProviderName === item.capacityProvider);
      const alone = clusterFromEcs(describeResponse(...theirs)).place(fromRunTaskRequest(runTask, task));
      expect(withStrategy.placements).toEqual(alone.placements);
      expect(withStrategy.failures.length).toBe(alone.failures.length);
    },
  );
});
