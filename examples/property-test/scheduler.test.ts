/**
 * Properties of the scheduler layer in scheduler.ts, checked on generated
 * clusters with task-placement/arbitraries.
 *
 * Run: `npx vitest run --root examples/property-test` (after `npm run build`).
 *
 * When a property fails, fast-check prints the counter-example with its seed
 * and path, such as `{ seed: 1187480571, path: "3:1:0", endOnFailure: true }`.
 * Replay exactly that counter-example, without the search:
 *
 *   FC_SEED=1187480571 FC_PATH=3:1:0 npx vitest run --root examples/property-test
 *
 * FC_SEED alone runs the whole search from that seed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertPlacement, buildCluster, cluster, task } from 'task-placement/arbitraries';
import { placeService, serviceRequest, type ServiceSpec } from './scheduler';

/** fast-check's seed and path parameters, from FC_SEED and FC_PATH. */
function replay(): fc.Parameters<unknown> {
  const seed = process.env['FC_SEED'];
  const path = process.env['FC_PATH'];
  if (seed === undefined) return {};
  if (!Number.isSafeInteger(Number(seed))) throw new Error(`FC_SEED must be an integer, got ${seed}`);
  return { seed: Number(seed), ...(path === undefined ? {} : { path, endOnFailure: true }) };
}

// Clusters whose history drains instances and places other services, so the
// new service meets busy, full and DRAINING instances.
const clusters = cluster({ updateRate: 0.3, patches: [{ status: 'DRAINING' }, { status: 'ACTIVE' }] });
// 'web' is a service the generated history also places; 'checkout' is new.
const services = fc.record({
  name: fc.constantFrom('web', 'checkout'),
  task: task(),
  count: fc.integer({ min: 1, max: 8 }),
}) satisfies fc.Arbitrary<ServiceSpec>;

describe('placeService', () => {
  it('never puts two tasks of a service on one instance when asked for one task per instance', () => {
    fc.assert(
      fc.property(clusters, services, (scenario, service) => {
        const built = buildCluster(scenario);
        const group = `service:${service.name}`;
        const before = built.snapshot();
        const result = placeService(built, { ...service, oneTaskPerInstance: true });
        const used = new Set(before.instances.filter((instance) => (instance.taskGroups[group] ?? 0) > 0).map((instance) => instance.id));
        for (const { instanceId } of result.placements) {
          expect(used.has(instanceId), `a second task of ${group} on ${instanceId}`).toBe(false);
          used.add(instanceId);
        }
      }),
      replay(),
    );
  });

  it('keeps every law of ECS placement', () => {
    fc.assert(
      fc.property(clusters, services, fc.boolean(), (scenario, service, oneTaskPerInstance) => {
        const built = buildCluster(scenario);
        const before = built.snapshot();
        const spec = { ...service, oneTaskPerInstance };
        assertPlacement(before, serviceRequest(spec), placeService(built, spec));
      }),
      replay(),
    );
  });
});
