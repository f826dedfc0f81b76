import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../../test/support/inputErrorOf';
import { Cluster } from '../cluster/Cluster';
import { validatePlacementRequest } from '../model/validation/validatePlacementRequest';
import { generateFleet } from './generateFleet';
import { generateWorkload } from './generateWorkload';
import type { ServiceScenario } from './Scenario';
import { serviceRequest } from './validation/validateService';
import { GPU_TYPES_ONLY } from './workload/placementVocabulary';
import { splitCount } from './workload/splitCount';
import type { TaskSizeDistribution } from './workload/WorkloadOptions';
import { runs } from '../../test/support/runs';

const DISTRIBUTIONS: TaskSizeDistribution[] = ['uniform', 'heavy-tailed', 'mixed'];

function memoryRatio(services: readonly ServiceScenario[]): number {
  const memories = services.map((service) => service.task.resources.memory ?? 0).sort((a, b) => a - b);
  const median = memories[Math.floor(memories.length / 2)] as number;
  return (memories[memories.length - 1] as number) / median;
}

describe('generateWorkload', () => {
  test.prop([
    fc.integer({ min: -500, max: 500 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 5000 }), fc.constantFrom(...DISTRIBUTIONS),
  ], { numRuns: runs(150) })('makes valid services whose desired counts add up to the tasks', (seed, services, extra, distribution) => {
    const workload = generateWorkload({ seed, services, tasks: services + extra, distribution });
    expect(workload).toHaveLength(services);
    expect(workload.reduce((sum, service) => sum + service.desiredCount, 0)).toBe(services + extra);
    expect(new Set(workload.map((service) => service.name)).size).toBe(services);
    workload.forEach((service, index) => {
      expect(service.desiredCount).toBeGreaterThanOrEqual(1);
      expect(() => validatePlacementRequest(serviceRequest(service), `services[${index}]`)).not.toThrow();
    });
  });

  it('gives the same workload for the same seed and another for another seed', () => {
    for (const distribution of DISTRIBUTIONS) {
      expect(generateWorkload({ seed: 4, services: 12, tasks: 900, distribution })).toEqual(generateWorkload({ seed: 4, services: 12, tasks: 900, distribution }));
      expect(generateWorkload({ seed: 4, services: 12, tasks: 900, distribution })).not.toEqual(generateWorkload({ seed: 5, services: 12, tasks: 900, distribution }));
    }
  });

  it('defaults to 8 mixed services and 1000 tasks', () => {
    const workload = generateWorkload();
    expect(workload).toHaveLength(8);
    expect(workload.reduce((sum, service) => sum + service.desiredCount, 0)).toBe(1000);
    expect(workload.slice(0, 4).map((service) => service.name)).toEqual(['web', 'api', 'worker', 'cache']);
    expect(generateWorkload({})).toEqual(workload);
  });

  it('has heavy tails where it says so: a far larger max/median memory than uniform', () => {
    for (const seed of [1, 2, 3]) {
      const heavy = memoryRatio(generateWorkload({ seed, services: 200, tasks: 10_000, distribution: 'heavy-tailed' }));
      const uniform = memoryRatio(generateWorkload({ seed, services: 200, tasks: 10_000, distribution: 'uniform' }));
      expect(uniform).toBeLessThanOrEqual(8);
      expect(heavy).toBeGreaterThan(3 * uniform);
    }
  });

  it('sizes uniform tasks from the menu only', () => {
    const sizes = new Set(generateWorkload({ services: 300, tasks: 300, distribution: 'uniform' }).map((service) => `${service.task.resources.cpu}/${service.task.resources.memory}`));
    expect([...sizes].sort()).toEqual(['1024/2048', '2048/4096', '256/1024', '256/512', '512/1024', '512/2048']);
  });

  it('gives mixed workloads GPU, ARM, awsvpc and anti-affinity services now and then', () => {
    const services = generateWorkload({ seed: 8, services: 200, tasks: 2000 });
    const expressions = services.flatMap((service) => (service.placementConstraints ?? []).flatMap((constraint) => (constraint.type === 'memberOf' ? [constraint.expression] : [])));
    expect(services.some((service) => (service.task.resources.gpu ?? 0) > 0)).toBe(true);
    expect(services.some((service) => service.task.resources['eni'] === 1 && service.task.requiresAttributes?.includes('ecs.capability.task-eni'))).toBe(true);
    expect(expressions).toContain('attribute:ecs.cpu-architecture == arm64');
    expect(expressions).toContain(GPU_TYPES_ONLY.expression);
    expect(expressions.some((expression) => /^not\(task:group == service:cache/.test(expression))).toBe(true);
    for (const service of services.filter((candidate) => (candidate.task.resources.gpu ?? 0) > 0)) {
      expect(service.placementConstraints).toContainEqual(GPU_TYPES_ONLY);
    }
  });

  it('draws several strategy chains and constraints for sized workloads', () => {
    const services = generateWorkload({ seed: 2, services: 100, tasks: 1000, distribution: 'uniform' });
    const chains = new Set(services.map((service) => JSON.stringify(service.placementStrategy)));
    expect(chains.size).toBe(5);
    expect(services.some((service) => service.placementConstraints?.some((constraint) => constraint.type === 'distinctInstance'))).toBe(true);
    expect(services.some((service) => service.placementConstraints?.some((constraint) => constraint.type === 'memberOf'))).toBe(true);
  });

  it('refuses options out of range', () => {
    expect(inputErrorOf(() => generateWorkload({ services: 0 }))).toEqual({ code: 'invalid_count', path: 'options.services' });
    expect(inputErrorOf(() => generateWorkload({ services: 10, tasks: 9 }))).toEqual({ code: 'invalid_count', path: 'options.tasks' });
    expect(inputErrorOf(() => generateWorkload({ distribution: 'zipf' as TaskSizeDistribution }))).toEqual({ code: 'invalid_option', path: 'options.distribution' });
    expect(inputErrorOf(() => generateWorkload({ seed: 0.5 }))).toEqual({ code: 'invalid_option', path: 'options.seed' });
  });
});

describe('the GPU constraint', () => {
  it('matches g* and p* instance types and nothing else', () => {
    const cluster = new Cluster({ instances: generateFleet({ size: 2000, seed: 3 }) });
    const gpuTypes = new Set(cluster.listInstances(GPU_TYPES_ONLY.expression).map((instance) => instance.attributes['ecs.instance-type']));
    expect([...gpuTypes].sort()).toEqual(['g4dn.2xlarge', 'g4dn.xlarge', 'g5.xlarge', 'p3.2xlarge']);
  });
});

describe('splitCount', () => {
  test.prop([fc.array(fc.double({ min: 0.001, max: 1000, noNaN: true }), { minLength: 1, maxLength: 50 }), fc.nat(100_000)])(
    'gives every part at least 1 and sums to the total', (weights, extra) => {
      const parts = splitCount(weights.length + extra, weights);
      expect(parts).toHaveLength(weights.length);
      expect(parts.every((part) => Number.isInteger(part) && part >= 1)).toBe(true);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(weights.length + extra);
    },
  );

  it('shares by weight', () => {
    expect(splitCount(10, [1, 1, 2])).toEqual([3, 3, 4]);
    expect(splitCount(103, [1, 2])).toEqual([35, 68]);
  });
});
