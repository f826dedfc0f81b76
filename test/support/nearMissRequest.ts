/**
 * Requests one small step away from valid, for the tests that a refused
 * request changes nothing.
 */
import fc from 'fast-check';
import type { PlacementRequest } from '../../src/model/PlacementRequest';
import { memberOfConstraint, placementRequest, placementStrategy } from './lawArbitraries';

/** Faults that make a request invalid, each a small step away from a valid one. */
const requestFaults: fc.Arbitrary<(request: PlacementRequest) => unknown> = fc.oneof(
  fc.integer({ min: 1, max: 4096 }).map((amount) => (request: PlacementRequest) => ({
    ...request,
    task: { ...request.task, resources: { ...request.task.resources, memory: -amount } },
  })),
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom('GPU', 'Gpu', '1cpu', '', 'eni count').map((field) => ({ type: 'binpack', field })),
        fc.constantFrom('zone', 'attribute:', 'instanceID', 'attribute:two words').map((field) => ({ type: 'spread', field })),
        fc.constant({ type: 'binpack' }),
        fc.constant({ type: 'random', field: 'memory' }),
        fc.constant({ type: 'pack', field: 'memory' }),
      ),
      fc.nat(3),
    )
    .map(([bad, at]) => (request: PlacementRequest) => {
      const strategies: unknown[] = [...(request.placementStrategy ?? [])];
      strategies.splice(at % (strategies.length + 1), 0, bad);
      return { ...request, placementStrategy: strategies };
    }),
  fc.array(placementStrategy, { minLength: 6, maxLength: 8 }).map((strategies) => (request: PlacementRequest) => ({ ...request, placementStrategy: strategies })),
  fc.constantFrom('attribute:rack exists', '').map((expression) => (request: PlacementRequest) => ({
    ...request,
    placementConstraints: [...(request.placementConstraints ?? []), { type: 'distinctInstance', expression }],
  })),
  fc
    .constantFrom('attribute:ecs.instance-type ==', 'runningTasksCount =~ 1', '(attribute:rack exists', '', '   ', 'registeredAt < 13/02/2018', 'attribute:rack = r1')
    .map((expression) => (request: PlacementRequest) => ({
      ...request,
      placementConstraints: [...(request.placementConstraints ?? []), { type: 'memberOf', expression }],
    })),
  fc.array(memberOfConstraint, { minLength: 11, maxLength: 12 }).map((constraints) => (request: PlacementRequest) => ({ ...request, placementConstraints: constraints })),
  fc.constantFrom(0, -1, 2.5, Number.NaN).map((count) => (request: PlacementRequest) => ({ ...request, count })),
);

/** Requests that are invalid by one fault: a negative resource, a bad strategy, too many strategies or constraints, a bad constraint or count. */
export const nearMissRequest: fc.Arbitrary<unknown> = fc.tuple(placementRequest, requestFaults).map(([request, fault]) => fault(request));
