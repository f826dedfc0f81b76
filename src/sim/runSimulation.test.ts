import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../../test/support/inputErrorOf';
import { Cluster } from '../cluster/Cluster';
import { DEFAULT_SCENARIO } from './defaultScenario';
import { generateWorkload } from './generateWorkload';
import { runSimulation } from './runSimulation';
import type { Scenario } from './Scenario';
import type { SimulationReport } from './SimulationReport';
import { serviceRequest } from './validation/validateService';

/** A clock that moves 2 ms at every reading. */
function steppingClock(): () => number {
  let time = 0;
  return () => (time += 2);
}

function withoutTiming(report: SimulationReport): Omit<SimulationReport, 'timing'> {
  const { timing: _, ...rest } = report;
  return rest;
}

const report = runSimulation(DEFAULT_SCENARIO, { engine: 'reference', now: steppingClock() });

describe('runSimulation on DEFAULT_SCENARIO', () => {
  it('reports every service, in order, with the rules as applied', () => {
    expect(report.services.map((service) => service.name)).toEqual(DEFAULT_SCENARIO.services.map((service) => service.name));
    const web = report.services[0];
    expect(web).toMatchObject({ group: 'service:web', desiredCount: 60, running: 60, failures: {}, zoneSkew: 0 });
    expect(web?.strategies).toEqual(['spread(attribute:ecs.availability-zone)', 'spread(instanceId)']);
    expect(report.services.find((service) => service.name === 'cache')?.constraints).toEqual(['memberOf(attribute:stack == prod)', 'distinctInstance']);
    const explainer = new Cluster();
    DEFAULT_SCENARIO.services.forEach((service, index) => {
      const { strategies, constraints } = explainer.explain(serviceRequest(service));
      expect({ strategies: report.services[index]?.strategies, constraints: report.services[index]?.constraints }).toEqual({ strategies, constraints });
    });
    expect(report.scenario).toEqual({ name: 'default', seed: 1, instances: 300, zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'] });
  });

  it('has failures for at least two different reasons, each with a diagnosis', () => {
    const reasons = Object.keys(report.metrics.failuresByReason);
    expect(reasons.length).toBeGreaterThanOrEqual(2);
    expect(reasons).toEqual(expect.arrayContaining(['RESOURCE:GPU', 'RESOURCE:PORTS', 'DistinctInstance placement constraint unsatisfied.']));
    for (const service of report.services.filter((candidate) => Object.keys(candidate.failures).length > 0)) {
      expect(service.firstFailure).toMatch(/^0\/300 instances are available: /);
    }
    const ml = report.services.find((service) => service.name === 'ml-inference');
    expect(Object.keys(ml?.failures ?? {})).toEqual(['RESOURCE:GPU']);
  });

  it('lists every zone for every service, and the zones add up to the tasks running', () => {
    for (const service of report.services) {
      expect(Object.keys(service.byZone)).toEqual(report.scenario.zones);
      expect(Object.values(service.byZone).reduce((a, b) => a + b, 0)).toBe(service.running);
      expect(Object.values(service.byInstanceType).reduce((a, b) => a + b, 0)).toBe(service.running);
      expect(Object.values(service.byInstanceType).every((count) => count > 0)).toBe(true);
      expect(service.zoneSkew).toBe(Math.max(...Object.values(service.byZone)) - Math.min(...Object.values(service.byZone)));
      expect(service.running).toBeLessThanOrEqual(service.desiredCount);
    }
  });

  it('reports every instance, and fleet metrics that agree with them', () => {
    expect(report.instances).toHaveLength(300);
    const used = report.instances.filter((instance) => instance.tasks > 0).length;
    expect(report.metrics.instancesUsed).toBe(used);
    expect(report.metrics.lowerBound.instances).toBeLessThanOrEqual(used);
    expect(report.metrics.lowerBound.method).toBe('fractional');
    expect(report.metrics.packingRatio).toBe(used / report.metrics.lowerBound.instances);
    const tasks = report.instances.reduce((sum, instance) => sum + instance.tasks, 0);
    expect(tasks).toBe(report.services.reduce((sum, service) => sum + service.running, 0));
    expect(report.instances.filter((instance) => instance.status === 'DRAINING').every((instance) => instance.tasks === 0)).toBe(true);
    for (const instance of report.instances) {
      expect(instance.cpu).toBeGreaterThanOrEqual(0);
      expect(instance.memory).toBeLessThanOrEqual(1);
      expect(instance.freeMemory).toBeGreaterThanOrEqual(0);
    }
  });

  it('times only the placement calls, with the clock it is given', () => {
    const placeCalls = DEFAULT_SCENARIO.services.length + DEFAULT_SCENARIO.services.length;
    expect(report.timing.elapsedMs).toBe(2 * placeCalls);
    const running = report.services.reduce((sum, service) => sum + service.running, 0);
    expect(report.timing.placements).toBeGreaterThan(running);
    expect(report.timing.placementsPerSecond).toBe(report.timing.placements / (report.timing.elapsedMs / 1000));
    expect(report.timing).not.toHaveProperty('peakHeapBytes');
  });

  it('samples the heap after the fleet, each service and each churn round, and keeps the peak', () => {
    const readings = [5, 9, 40, 7, 3, 12, 8, 6, 11, 1, 2];
    let index = 0;
    const heapUsed = (): number => readings[index++] ?? 0;
    const measured = runSimulation(DEFAULT_SCENARIO, { engine: 'reference', heapUsed });
    expect(index).toBe(1 + DEFAULT_SCENARIO.services.length + 1);
    expect(measured.timing.peakHeapBytes).toBe(40);
  });

  it('tells its progress phase by phase', () => {
    const calls: string[] = [];
    runSimulation(DEFAULT_SCENARIO, { engine: 'reference', onProgress: (done, total, phase) => calls.push(`${phase} ${done}/${total}`) });
    expect(calls).toEqual([
      'fleet 300/300',
      ...DEFAULT_SCENARIO.services.map((_, index) => `services ${index + 1}/${DEFAULT_SCENARIO.services.length}`),
      'churn 1/1',
    ]);
  });

  it('gives the same report for the same scenario, on either engine, but for timing', () => {
    expect(withoutTiming(runSimulation(DEFAULT_SCENARIO, { engine: 'reference' }))).toEqual(withoutTiming(report));
    expect(withoutTiming(runSimulation(DEFAULT_SCENARIO, { engine: 'indexed' }))).toEqual(withoutTiming(report));
    expect(JSON.parse(JSON.stringify(withoutTiming(report)))).toEqual(withoutTiming(report));
  });

  it('gives another report for another seed', () => {
    const reseeded = runSimulation({ ...DEFAULT_SCENARIO, seed: 2, fleet: { ...DEFAULT_SCENARIO.fleet, seed: 2 } }, { engine: 'reference' });
    expect(withoutTiming(reseeded)).not.toEqual(withoutTiming(report));
  });
});

describe('runSimulation', () => {
  it('runs churn rounds that stop and replace a fraction of each service', () => {
    const scenario: Scenario = {
      fleet: { size: 40, seed: 3 },
      services: [{ name: 'web', desiredCount: 50, task: { resources: { cpu: 128, memory: 256 } } }],
      churn: { rounds: 3, stopFraction: 0.2 },
    };
    const churned = runSimulation(scenario, { now: steppingClock() });
    expect(churned.services[0]?.running).toBe(50);
    expect(churned.timing.placements).toBe(50 + 3 * 10);
    expect(churned.scenario.name).toBe('unnamed');
  });

  it('runs an empty fleet: everything fails, nothing is used', () => {
    const empty = runSimulation({ fleet: { size: 0 }, services: generateWorkload({ services: 2, tasks: 10 }) });
    expect(empty.services.map((service) => service.running)).toEqual([0, 0]);
    expect(empty.metrics.failuresByReason).toEqual({ 'No Container Instances were found in your cluster.': 10 });
    expect(empty.metrics.packingRatio).toBeNull();
    expect(empty.timing.placements).toBe(0);
  });

  it('validates the scenario and the options first', () => {
    expect(inputErrorOf(() => runSimulation({ fleet: { size: 10, zones: 9 }, services: [] }))).toEqual({ code: 'invalid_option', path: 'scenario.fleet.zones' });
    expect(inputErrorOf(() => runSimulation(DEFAULT_SCENARIO, { engine: 'fast' as 'indexed' }))).toEqual({ code: 'invalid_option', path: 'options.engine' });
    expect(inputErrorOf(() => runSimulation(DEFAULT_SCENARIO, { now: 5 as unknown as () => number }))).toEqual({ code: 'invalid_type', path: 'options.now' });
  });
});
