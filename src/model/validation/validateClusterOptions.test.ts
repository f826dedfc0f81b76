import { describe, expect, it } from 'vitest';
import { validateClusterOptions } from './validateClusterOptions';
import { inputErrorOf } from '../../../test/support/inputErrorOf';

const instance = (id: unknown, cpu: unknown = 1024): unknown => ({ id, resources: { cpu, memory: 2048 } });


describe('validateClusterOptions refuses', () => {
  it.each<[string, unknown, string, string]>([
    ['null', null, 'invalid_type', 'options'],
    ['an array of instances', [instance('a')], 'invalid_type', 'options'],
    ['a misspelt field', { instance: [] }, 'unknown_field', 'options.instance'],
    ['instances that are not an array', { instances: { a: instance('a') } }, 'invalid_type', 'options.instances'],
    ['an instance that is null', { instances: [instance('a'), null] }, 'invalid_type', 'options.instances[1]'],
    ['an instance with a numeric id', { instances: [instance('a'), instance('b'), instance(3)] }, 'invalid_type', 'options.instances[2].id'],
    ['an instance with a negative cpu', { instances: [instance('a'), instance('b'), instance('c', -1)] }, 'invalid_resource', 'options.instances[2].resources.cpu'],
    ['an instance with a bad attribute value', { instances: [instance('a'), { ...(instance('b') as object), attributes: { 'ecs.os-type': ' linux' } }] }, 'invalid_attribute', 'options.instances[1].attributes["ecs.os-type"]'],
    ['an instance given as a snapshot with a bad count', { instances: [{ id: 'a', registeredResources: { cpu: 1, memory: 2 }, runningTasksCount: -1 }] }, 'inconsistent_snapshot', 'options.instances[0].runningTasksCount'],
    ['two instances with one id', { instances: [instance('a'), instance('b'), instance('a')] }, 'duplicate_instance', 'options.instances[2].id'],
    ['a fractional seed', { seed: 1.5 }, 'invalid_option', 'options.seed'],
    ['a seed beyond the safe integers', { seed: 2 ** 53 }, 'invalid_option', 'options.seed'],
    ['a NaN seed', { seed: Number.NaN }, 'invalid_option', 'options.seed'],
    ['a seed written as text', { seed: '1' }, 'invalid_type', 'options.seed'],
    ['an unknown engine', { engine: 'fast' }, 'invalid_option', 'options.engine'],
    ['an engine that is not a string', { engine: 1 }, 'invalid_type', 'options.engine'],
  ])('%s', (_name, options, code, path) => {
    expect(inputErrorOf(() => validateClusterOptions(options))).toEqual({ code, path });
  });

  it('names the whole path of a fault deep inside an instance or task, in the message too', () => {
    const error = (() => {
      try {
        validateClusterOptions({ tasks: [{ taskId: 't', instanceId: 'a', group: 'g', resources: {}, ports: { tcp: [1] } }, { taskId: 't2', instanceId: 'a', group: 'g', resources: {}, ports: { tcp: [80, 'x'] } }] });
      } catch (thrown) {
        return thrown as Error & { path: string; code: string };
      }
      return undefined;
    })();
    expect(error).toMatchObject({ code: 'invalid_port', path: 'options.tasks[1].ports.tcp[1]' });
    expect(error?.message.startsWith('options.tasks[1].ports.tcp[1]: Give a port as an integer')).toBe(true);
  });
});

describe('validateClusterOptions normalizes', () => {
  it.each([undefined, {}, { instances: undefined, seed: undefined, engine: undefined }])('gives the defaults for %j', (options) => {
    expect(validateClusterOptions(options)).toEqual({ instances: [], tasks: [], nextTaskNumber: 1, seed: 1, engine: 'indexed' });
  });

  it('validates each instance, in order', () => {
    const { instances, seed, engine } = validateClusterOptions({ instances: [instance('b'), instance('a')], seed: -0, engine: 'reference' });
    expect(instances.map(({ instance: { id, status } }) => [id, status])).toEqual([['b', 'ACTIVE'], ['a', 'ACTIVE']]);
    expect(Object.is(seed, 0)).toBe(true);
    expect(engine).toBe('reference');
  });

  it('accepts the largest and smallest safe seeds', () => {
    expect(validateClusterOptions({ seed: Number.MAX_SAFE_INTEGER }).seed).toBe(Number.MAX_SAFE_INTEGER);
    expect(validateClusterOptions({ seed: Number.MIN_SAFE_INTEGER }).seed).toBe(Number.MIN_SAFE_INTEGER);
  });
});
