import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { Cluster } from '../cluster/Cluster';
import { buildCluster, checkPlacement, fleet, placementCase, statisticsLabels, type InfeasibleReason } from './index';
import { runs } from '../../test/support/runs';

const REASONS: readonly InfeasibleReason[] = ['AGENT', 'ATTRIBUTE', 'RESOURCE:CPU', 'RESOURCE:MEMORY', 'RESOURCE:PORTS', 'MEMBER_OF'];
/** What each failure of an infeasible case says, in ECS's words. */
const ECS_WORDS: Readonly<Record<InfeasibleReason, string>> = {
  AGENT: 'AGENT',
  ATTRIBUTE: 'ATTRIBUTE',
  'RESOURCE:CPU': 'RESOURCE:CPU',
  'RESOURCE:MEMORY': 'RESOURCE:MEMORY',
  'RESOURCE:PORTS': 'RESOURCE:PORTS',
  MEMBER_OF: 'MemberOf placement constraint unsatisfied.',
};

// Cases are feasible or infeasible by construction: placing them with the library's own place proves it.
describe('placementCase builds what it is asked for', () => {
  test.prop([placementCase({ feasibility: 'feasible', request: { maxCount: 12 } })], { numRuns: runs(50) })(
    'feasible: every task places, and the checker agrees with the placement',
    (drawn) => {
      const built = buildCluster(drawn);
      const before = built.snapshot();
      const result = built.place(drawn.request);
      expect(drawn.feasibility).toBe('feasible');
      expect(result.failures).toEqual([]);
      expect(result.placements).toHaveLength(drawn.request.count ?? 1);
      expect(checkPlacement(before, drawn.request, result, { stopAtFirst: true })).toEqual([]);
    },
  );

  const beyondEcs = { spreadLimitRate: 0.35, atMostRate: 0.35, groups: ['service:api', 'batch-jobs'] };
  test.prop([placementCase({ feasibility: 'feasible', request: { maxCount: 12, constraintsRate: 1, maxConstraints: 3, constraint: beyondEcs } })], { numRuns: runs(40) })(
    'feasible with the constraints beyond ECS: those over instances stay, those over an attribute go, and every task places',
    (drawn) => {
      const built = buildCluster(drawn);
      const before = built.snapshot();
      const result = built.place(drawn.request);
      expect(result.failures).toEqual([]);
      for (const kept of drawn.request.placementConstraints ?? []) if ('field' in kept) expect(kept.field).toBe('instanceId');
      expect(checkPlacement(before, drawn.request, result, { stopAtFirst: true })).toEqual([]);
    },
  );

  // Each arbitrary is built once: building one tries every value of its constraints on the library.
  const infeasible = fc.oneof(...REASONS.map((reason) => fc.tuple(fc.constant(reason), placementCase({ feasibility: { infeasible: reason } }))));
  test.prop([infeasible], { numRuns: runs(48) })(
    'infeasible for a reason: no task places, and every failure gives that reason',
    ([reason, drawn]) => {
      const result = buildCluster(drawn, { engine: 'reference' }).place(drawn.request);
      expect([drawn.feasibility, drawn.reason]).toEqual(['infeasible', ECS_WORDS[reason]]);
      expect(result.placements).toEqual([]);
      for (const failure of result.failures) expect(failure.reason).toBe(ECS_WORDS[reason]);
    },
  );

  const mixed = fc.oneof(...[0, 0.3, 0.8, 1].map((rate) => fc.tuple(fc.constant(rate), fc.array(placementCase({ feasibility: 'mixed', infeasibleRate: rate }), { minLength: 1, maxLength: 4 }))));
  test.prop([mixed], { numRuns: runs(15) })(
    'mixed: each case is what it was built to be, and a rate of 0 or 1 builds one kind only',
    ([rate, cases]) => {
      for (const drawn of cases) {
        const result = buildCluster(drawn).place(drawn.request);
        if (drawn.feasibility === 'feasible') expect(result.failures).toEqual([]);
        else expect([drawn.feasibility, result.placements.length, result.failures.every((failure) => failure.reason === drawn.reason)]).toEqual(['infeasible', 0, true]);
        if (rate === 0) expect(drawn.feasibility).toBe('feasible');
        if (rate === 1) expect(drawn.feasibility).toBe('infeasible');
      }
    },
  );

  const roomy = fc.oneof(...[1, 3, 12].map((room) => fc.tuple(fc.constant(room), placementCase({ withRoom: room, fleet: { maxInstances: 15 } }))));
  test.prop([roomy], { numRuns: runs(30) })(
    'withRoom: at least that many instances (every one of a smaller fleet) can take the first task',
    ([room, drawn]) => {
      const { diagnosis } = new Cluster({ instances: drawn.instances }).explain(drawn.request);
      expect(diagnosis.available).toBeGreaterThanOrEqual(Math.min(room, drawn.instances.length));
      expect(drawn.feasibility).toBe('unknown');
    },
  );

  test.prop([placementCase({ withRoom: 'all', feasibility: 'feasible' })], { numRuns: runs(20) })("withRoom 'all': every instance can take the first task", (drawn) => {
    expect(new Cluster({ instances: drawn.instances }).explain(drawn.request).diagnosis.available).toBe(drawn.instances.length);
  });

  test.prop([placementCase({ feasibility: 'mixed' })], { numRuns: runs(20) })('statisticsLabels: a case is labelled by what placing it on a copy did', (drawn) => {
    const labels = statisticsLabels(drawn);
    expect(labels).toContain(drawn.feasibility === 'feasible' ? 'feasibility: feasible' : 'feasibility: infeasible');
    // Labelling places on a copy: the case itself is unchanged and still builds the same fleet.
    expect(buildCluster(drawn).tasks()).toEqual([]);
  });
});

describe('fleet everyZone', () => {
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c', 'eu-west-1d'];
  test.prop([fleet({ everyZone: true, zones, drainingRate: 0.6, disconnectedRate: 0.6 })], { numRuns: runs(40) })(
    'every zone has an ACTIVE instance with a connected agent, however many are drained or disconnected',
    (instances) => {
      const ready = new Cluster({ instances }).instances().filter((registered) => registered.status === 'ACTIVE' && registered.agentConnected);
      for (const zone of zones) expect(ready.some((registered) => registered.attributes['ecs.availability-zone'] === zone), zone).toBe(true);
    },
  );
});
