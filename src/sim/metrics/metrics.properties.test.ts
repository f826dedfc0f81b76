import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { Cluster } from '../../cluster/Cluster';
import type { PlacementResult } from '../../placement/PlacementResult';
import { generateFleet } from '../generateFleet';
import { generateWorkload } from '../generateWorkload';
import { serviceRequest } from '../validation/validateService';
import { fleetMetrics } from './fleetMetrics';
import { spreadSkew } from './spreadSkew';
import { runs } from '../../../test/support/runs';

/** A small generated fleet with a generated workload placed on it, and churn: one stop of every third task. */
const simulation = fc.record({
  fleet: fc.record({
    size: fc.integer({ min: 0, max: 40 }),
    seed: fc.integer({ min: 1, max: 1000 }),
    zones: fc.integer({ min: 3, max: 6 }),
    families: fc.constantFrom(undefined, { general: 1 }, { memory: 1, gpu: 1 }, { arm: 1, compute: 2 }),
  }),
  workload: fc.record({
    seed: fc.integer({ min: 1, max: 1000 }),
    services: fc.integer({ min: 1, max: 5 }),
    extra: fc.integer({ min: 0, max: 120 }),
    distribution: fc.constantFrom('uniform' as const, 'heavy-tailed' as const, 'mixed' as const),
  }),
  stopEvery: fc.integer({ min: 2, max: 5 }),
}).map(({ fleet, workload, stopEvery }) => {
  const { families, ...shape } = fleet;
  const cluster = new Cluster({ instances: generateFleet(families === undefined ? shape : { ...shape, families }), engine: 'reference' });
  const services = generateWorkload({ seed: workload.seed, services: workload.services, tasks: workload.services + workload.extra, distribution: workload.distribution });
  const results: PlacementResult[] = services.map((service) => cluster.place(serviceRequest(service)));
  cluster.tasks().filter((_, index) => index % stopEvery === 0).forEach((task) => cluster.stopTask(task.taskId));
  results.push(...services.map((service) => cluster.place(serviceRequest(service, 1))));
  return { cluster, services, results };
});

describe('metrics of any simulation', () => {
  test.prop([simulation], { numRuns: runs(60) })('the lower bound never exceeds the instances a real placement used', ({ cluster, results }) => {
    const metrics = fleetMetrics(cluster.snapshot(), results);
    expect(metrics.lowerBound.instances).toBeLessThanOrEqual(metrics.instancesUsed);
    if (cluster.tasks().length > 0) expect(metrics.lowerBound.instances).toBeGreaterThanOrEqual(1);
    expect(metrics.packingRatio === null || metrics.packingRatio >= 1).toBe(true);
  });

  test.prop([simulation], { numRuns: runs(60) })('utilization is within [0, 1] and stranded capacity is never negative', ({ cluster, results }) => {
    const metrics = fleetMetrics(cluster.snapshot(), results);
    for (const share of Object.values(metrics.utilization)) {
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
    }
    for (const amount of Object.values(metrics.stranded)) expect(amount).toBeGreaterThanOrEqual(0);
  });

  test.prop([simulation], { numRuns: runs(60) })('spread skew is a whole number of at least 0', ({ cluster, services }) => {
    const { instances, tasks } = cluster.snapshot();
    for (const service of services) {
      for (const field of ['instanceId', 'attribute:ecs.availability-zone', 'attribute:rack']) {
        const skew = spreadSkew(instances, tasks, `service:${service.name}`, field);
        expect(Number.isInteger(skew)).toBe(true);
        expect(skew).toBeGreaterThanOrEqual(0);
      }
    }
  });
});
