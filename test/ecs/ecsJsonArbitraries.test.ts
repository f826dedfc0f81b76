import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createServiceRequest, describeContainerInstancesResponse, runTaskRequest, taskDefinition, type EcsJsonCase, type EcsJsonValidity,
} from '../../src/arbitraries/index';
import { fromCreateServiceRequest, fromDescribeContainerInstances, fromRunTaskRequest, readTaskDefinition } from '../../src/ecs/index';
import { PlacementInputError } from '../../src/model/PlacementInputError';
import { messageOf } from '../support/messageOf';
import { runs } from '../support/runs';

/** How a reader answers: accepted, or refused at a path with a code. */
function verdict(read: () => unknown): string {
  try {
    read();
    return 'accepted';
  } catch (error) {
    if (!(error instanceof PlacementInputError)) throw error;
    return `${error.code} at ${error.path}`;
  }
}

/** What a case says the reader must answer. */
function expected({ fault }: EcsJsonCase): string {
  return fault === undefined ? 'accepted' : `${fault.code} at ${fault.path}`;
}

const PLACEMENT = [
  'fargate', 'fargate_provider', 'launch_type_and_providers', 'misspelt_field', 'other_task_definition', 'too_many_strategies',
  'unknown_spread_field', 'unknown_strategy_type', 'unparsable_expression',
];

/** An arbitrary, its reader, and the kinds of fault it draws. */
function theCase<T extends EcsJsonCase>(name: string, arbitrary: (constraints: { validity: EcsJsonValidity }) => fc.Arbitrary<T>, read: (json: T) => unknown, kinds: readonly string[]) {
  return {
    name,
    kinds,
    readsAsSaid: () => fc.property(arbitrary({ validity: 'mixed' }), (json) => {
      expect(verdict(() => read(json))).toBe(expected(json));
    }),
    broken: () => fc.sample(arbitrary({ validity: 'invalid' }), { numRuns: 300, seed: 7 }),
  };
}

const CASES = [
  theCase('describeContainerInstancesResponse', describeContainerInstancesResponse, (json) => fromDescribeContainerInstances(json.value), [
    'agent_connected_as_text', 'amount_as_text', 'attribute_twice', 'duplicate_instance', 'duplicate_port', 'fractional_amount', 'invalid_port',
    'missing_arn', 'missing_cpu', 'missing_list', 'more_tasks_than_memory', 'remaining_above_registered', 'unknown_resource_type',
    'unknown_status', 'unreadable_date',
  ]),
  theCase('taskDefinition', taskDefinition, (json) => readTaskDefinition(json.value), [
    'distinct_instance', 'every_gpu', 'fractional_cpu', 'host_port_twice', 'missing_family', 'no_containers', 'no_memory', 'port_out_of_range',
    'reservation_above_memory', 'revision_zero', 'unknown_architecture', 'unknown_cpu_unit', 'unknown_network_mode', 'unnamable_family',
  ]),
  theCase('runTaskRequest', runTaskRequest, (json) => fromRunTaskRequest(json.value, readTaskDefinition(json.taskDefinition)), [
    ...PLACEMENT, 'count_above_limit', 'count_zero', 'resource_override',
  ]),
  theCase('createServiceRequest', createServiceRequest, (json) => fromCreateServiceRequest(json.value, readTaskDefinition(json.taskDefinition)), [
    ...PLACEMENT, 'daemon', 'missing_desired_count', 'missing_service_name', 'negative_desired_count', 'unnamable_service',
  ]),
];

// task-placement's own readers are the ground truth: every valid document is
// read, every broken one refused at the fault's path with its code.
describe('arbitraries of ECS JSON', () => {
  it.each(CASES)('$name: the reader accepts the valid ones and refuses each broken one where and as the fault says', ({ readsAsSaid }) => {
    fc.assert(readsAsSaid(), { numRuns: runs(120) });
  });

  it.each(CASES)('$name: breaks documents in each of its ways, and only in those', ({ broken, kinds }) => {
    expect(new Set(broken().map((json) => json.fault?.kind))).toEqual(new Set(kinds));
  });

  it('breaks documents only in the ways asked for', () => {
    const cases = fc.sample(describeContainerInstancesResponse({ validity: 'invalid', faults: ['duplicate_instance', 'missing_list'] }), { numRuns: 50, seed: 7 });
    expect(new Set(cases.map((json) => json.fault?.kind))).toEqual(new Set(['duplicate_instance', 'missing_list']));
    const ports = fc.sample(taskDefinition({ validity: 'invalid', faults: ['host_port_twice'] }), { numRuns: 20, seed: 7 });
    expect(ports.every((json) => verdict(() => readTaskDefinition(json.value)) === expected(json) && json.fault?.code === 'duplicate_port')).toBe(true);
  });

  it('shrinks a broken document towards the first fault asked for', () => {
    const run = fc.check(fc.property(runTaskRequest({ validity: 'invalid', faults: ['misspelt_field', 'count_zero', 'fargate'] }), (json) => json.fault === undefined), { seed: 11 });
    expect(run.counterexample?.[0].fault?.kind).toBe('misspelt_field');
  });

  it('gives only valid documents by default', () => {
    expect(fc.sample(taskDefinition(), { numRuns: 50, seed: 7 }).every((json) => json.fault === undefined)).toBe(true);
  });

  it('gives fresh documents, which a test may change', () => {
    const arbitrary = describeContainerInstancesResponse({ validity: 'invalid' });
    const [first] = fc.sample(arbitrary, { numRuns: 1, seed: 3 });
    const [again] = fc.sample(arbitrary, { numRuns: 1, seed: 3 });
    expect(first).toEqual(again);
    expect(first?.value).not.toBe(again?.value);
  });

  it.each<[string, () => unknown, string]>([
    ['an unknown validity', () => taskDefinition({ validity: 'broken' as never }), 'taskDefinition: validity must be one of "valid", "invalid", "mixed", got "broken"'],
    ['instances out of order', () => describeContainerInstancesResponse({ minInstances: 5, maxInstances: 2 }), 'describeContainerInstancesResponse: minInstances must be at most maxInstances, got 5 > 2'],
    ['more instances than ECS describes', () => describeContainerInstancesResponse({ maxInstances: 101 }), 'describeContainerInstancesResponse: maxInstances must be an integer from 0 to 100, got 101'],
    ['an unknown fault', () => runTaskRequest({ faults: ['daemon' as never] }), 'runTaskRequest: faults[0] must be one of "count_above_limit",'],
    ['a fault listed twice', () => createServiceRequest({ faults: ['daemon', 'daemon'] }), 'createServiceRequest: faults[1] repeats "daemon"'],
    ['faults no response can have', () => describeContainerInstancesResponse({ validity: 'invalid', maxInstances: 1, faults: ['duplicate_instance'] }), 'describeContainerInstancesResponse: faults need 2 instances or more to break, but maxInstances is 1'],
    ['a revision to break in an input', () => taskDefinition({ validity: 'mixed', form: 'input', faults: ['revision_zero'] }), 'taskDefinition: faults leave nothing to break: an input has no revision'],
    ['an unknown form', () => taskDefinition({ form: 'json' as never }), 'taskDefinition: form must be one of "input", "described", "either", got "json"'],
    ['a nested task definition at fault', () => runTaskRequest({ taskDefinition: { maxContainers: 0 } }), 'runTaskRequest: taskDefinition.maxContainers must be an integer from 1 to 10, got 0'],
    ['validity given to the task definition of a request', () => createServiceRequest({ taskDefinition: { validity: 'invalid' } as never }), 'createServiceRequest: unknown constraint taskDefinition.validity'],
  ])('refuses %s', (_name, build, message) => {
    expect(messageOf(build)).toContain(message);
  });
});
