import { describe, expect, it } from 'vitest';
import { validateInstanceSpec } from './validateInstanceSpec';
import { inputErrorOf } from '../../../test/support/inputErrorOf';

const base = { id: 'i-1', resources: { cpu: 1024, memory: 2048 } };
const withFields = (fields: Record<string, unknown>): unknown => ({ ...base, ...fields });
const withResources = (resources: Record<string, unknown>): unknown => ({ ...base, resources: { ...base.resources, ...resources } });
const withAttributes = (attributes: Record<string, unknown>): unknown => ({ ...base, attributes });


describe('validateInstanceSpec refuses', () => {
  it.each<[string, unknown, string, string]>([
    ['null', null, 'invalid_type', 'instance'],
    ['an array', [base], 'invalid_type', 'instance'],
    ['a string', 'i-1', 'invalid_type', 'instance'],
    ['a Map', new Map([['id', 'i-1']]), 'invalid_type', 'instance'],
    ['an unknown field', withFields({ attribute: {} }), 'unknown_field', 'instance.attribute'],
    ['an unknown field that is not an identifier', withFields({ 'agent-version': '1.0' }), 'unknown_field', 'instance["agent-version"]'],
    ['a missing id', { resources: base.resources }, 'missing_field', 'instance.id'],
    ['an id set to undefined', withFields({ id: undefined }), 'missing_field', 'instance.id'],
    ['an id that is a number', withFields({ id: 7 }), 'invalid_type', 'instance.id'],
    ['an empty id', withFields({ id: '' }), 'invalid_id', 'instance.id'],
    ['an id with leading whitespace', withFields({ id: ' i-1' }), 'invalid_id', 'instance.id'],
    ['an id with a trailing newline', withFields({ id: 'i-1\n' }), 'invalid_id', 'instance.id'],
    ['an id with an escape character inside', withFields({ id: 'i-\u001b[31m1' }), 'invalid_id', 'instance.id'],
    ['an id with half a surrogate pair', withFields({ id: 'i-\uD83D1' }), 'invalid_id', 'instance.id'],
    ['an id of 1601 characters', withFields({ id: 'x'.repeat(1601) }), 'invalid_id', 'instance.id'],
    ['an EC2 id of 256 characters', withFields({ ec2InstanceId: 'i'.repeat(256) }), 'invalid_id', 'instance.ec2InstanceId'],
    ['an empty EC2 id', withFields({ ec2InstanceId: '' }), 'invalid_id', 'instance.ec2InstanceId'],
    ['missing resources', { id: 'i-1' }, 'missing_field', 'instance.resources'],
    ['resources as an array', withFields({ resources: [1024, 2048] }), 'invalid_type', 'instance.resources'],
    ['resources without memory', withFields({ resources: { cpu: 1 } }), 'missing_field', 'instance.resources.memory'],
    ['cpu set to undefined', withResources({ cpu: undefined }), 'missing_field', 'instance.resources.cpu'],
    ['a negative cpu', withResources({ cpu: -1 }), 'invalid_resource', 'instance.resources.cpu'],
    ['a NaN memory', withResources({ memory: Number.NaN }), 'invalid_resource', 'instance.resources.memory'],
    ['an infinite memory', withResources({ memory: Number.POSITIVE_INFINITY }), 'invalid_resource', 'instance.resources.memory'],
    ['a fractional gpu', withResources({ gpu: 0.5 }), 'invalid_resource', 'instance.resources.gpu'],
    ['an amount past the safe integers', withResources({ memory: 2 ** 53 }), 'invalid_resource', 'instance.resources.memory'],
    ['a cpu written as text', withResources({ cpu: '1024' }), 'invalid_resource', 'instance.resources.cpu'],
    ['a custom resource that is null', withResources({ eni: null }), 'invalid_resource', 'instance.resources.eni'],
    ['a resource name with a space', withResources({ 'my eni': 1 }), 'invalid_resource_name', 'instance.resources["my eni"]'],
    ['a resource name starting with a digit', withResources({ '9lives': 1 }), 'invalid_resource_name', 'instance.resources["9lives"]'],
    ['a resource name of 65 characters', withResources({ ['r'.repeat(65)]: 1 }), 'invalid_resource_name', `instance.resources.${'r'.repeat(65)}`],
    ['CPU in ECS spelling', withResources({ CPU: 1 }), 'invalid_resource_name', 'instance.resources.CPU'],
    ['Memory in mixed case', withResources({ Memory: 1 }), 'invalid_resource_name', 'instance.resources.Memory'],
    ['GPU in ECS spelling', withResources({ GPU: 1 }), 'invalid_resource_name', 'instance.resources.GPU'],
    ['reserved ports as an array', withFields({ reservedPorts: [22] }), 'invalid_type', 'instance.reservedPorts'],
    ['reserved ports of an unknown protocol', withFields({ reservedPorts: { sctp: [1] } }), 'unknown_field', 'instance.reservedPorts.sctp'],
    ['reserved tcp ports that are not an array', withFields({ reservedPorts: { tcp: 22 } }), 'invalid_type', 'instance.reservedPorts.tcp'],
    ['reserved port 0', withFields({ reservedPorts: { tcp: [0] } }), 'invalid_port', 'instance.reservedPorts.tcp[0]'],
    ['reserved port 65536', withFields({ reservedPorts: { udp: [53, 65536] } }), 'invalid_port', 'instance.reservedPorts.udp[1]'],
    ['a fractional reserved port', withFields({ reservedPorts: { tcp: [22.5] } }), 'invalid_port', 'instance.reservedPorts.tcp[0]'],
    ['a reserved port written as text', withFields({ reservedPorts: { tcp: ['22'] } }), 'invalid_port', 'instance.reservedPorts.tcp[0]'],
    ['a reserved port listed twice', withFields({ reservedPorts: { tcp: [22, 80, 22] } }), 'duplicate_port', 'instance.reservedPorts.tcp[2]'],
    ['101 reserved ports', withFields({ reservedPorts: { tcp: range(1, 60), udp: range(1, 41) } }), 'too_many_reserved_ports', 'instance.reservedPorts'],
    ['attributes as an array', withFields({ attributes: [['stack', 'prod']] }), 'invalid_type', 'instance.attributes'],
    ['attributes as a Map', withFields({ attributes: new Map([['stack', 'prod']]) }), 'invalid_type', 'instance.attributes'],
    ['an attribute name with a space', withAttributes({ 'bad name': 'x' }), 'invalid_attribute', 'instance.attributes["bad name"]'],
    ['an attribute name with a colon', withAttributes({ 'a:b': 'x' }), 'invalid_attribute', 'instance.attributes["a:b"]'],
    ['an attribute name of 129 characters', withAttributes({ ['a'.repeat(129)]: null }), 'invalid_attribute', `instance.attributes.${'a'.repeat(129)}`],
    ['an attribute value that is a number', withAttributes({ stack: 1 }), 'invalid_attribute', 'instance.attributes.stack'],
    ['an empty attribute value', withAttributes({ stack: '' }), 'invalid_attribute', 'instance.attributes.stack'],
    ['an attribute value with a leading space', withAttributes({ stack: ' prod' }), 'invalid_attribute', 'instance.attributes.stack'],
    ['an attribute value with a comma', withAttributes({ 'ecs.os-type': 'a,b' }), 'invalid_attribute', 'instance.attributes["ecs.os-type"]'],
    ['an attribute value of 129 characters', withAttributes({ stack: 'v'.repeat(129) }), 'invalid_attribute', 'instance.attributes.stack'],
    ['a status in lower case', withFields({ status: 'active' }), 'invalid_status', 'instance.status'],
    ['a status that is a number', withFields({ status: 1 }), 'invalid_type', 'instance.status'],
    ['agentConnected as text', withFields({ agentConnected: 'true' }), 'invalid_type', 'instance.agentConnected'],
    ['an agent version with letters', withFields({ agentVersion: '1.x' }), 'invalid_version', 'instance.agentVersion'],
    ['an agent version with a v', withFields({ agentVersion: 'v1.70.2' }), 'invalid_version', 'instance.agentVersion'],
    ['an agent version that is a number', withFields({ agentVersion: 1.7 }), 'invalid_type', 'instance.agentVersion'],
    ['a date in another format', withFields({ registeredAt: '13/02/2018' }), 'invalid_date', 'instance.registeredAt'],
    ['a date that does not exist', withFields({ registeredAt: '2018-02-30' }), 'invalid_date', 'instance.registeredAt'],
    ['a date with a space for T', withFields({ registeredAt: '2018-06-18 22:28:28' }), 'invalid_date', 'instance.registeredAt'],
    ['a date with an impossible offset', withFields({ registeredAt: '2018-06-18T22:28:28+24:00' }), 'invalid_date', 'instance.registeredAt'],
    ['an invalid Date', withFields({ registeredAt: new Date(Number.NaN) }), 'invalid_date', 'instance.registeredAt'],
    ['a date as milliseconds', withFields({ registeredAt: 1_529_360_908_000 }), 'invalid_type', 'instance.registeredAt'],
    ['an object made from Date.prototype', withFields({ registeredAt: Object.create(Date.prototype) }), 'invalid_type', 'instance.registeredAt'],
    ['a proxy of a Date', withFields({ registeredAt: new Proxy(new Date(0), {}) }), 'invalid_type', 'instance.registeredAt'],
    ['a revoked proxy', revoked(), 'invalid_type', 'instance'],
    ['attributes behind a revoked proxy', withFields({ attributes: revoked() }), 'invalid_type', 'instance.attributes'],
    ['resources with a getter that throws', withFields({ resources: Object.defineProperty({ cpu: 1 }, 'memory', { enumerable: true, get: () => { throw new Error('no memory'); } }) }), 'invalid_type', 'instance.resources'],
    ['reserved ports behind a revoked proxy', withFields({ reservedPorts: { tcp: revoked() } }), 'invalid_type', 'instance.reservedPorts.tcp'],
    ['negative untracked tasks', withFields({ untrackedTasks: -1 }), 'invalid_count', 'instance.untrackedTasks'],
    ['fractional untracked tasks', withFields({ untrackedTasks: 1.5 }), 'invalid_count', 'instance.untrackedTasks'],
    ['untracked tasks past the safe integers', withFields({ untrackedTasks: 2 ** 53 }), 'invalid_count', 'instance.untrackedTasks'],
    ['NaN untracked tasks', withFields({ untrackedTasks: Number.NaN }), 'invalid_count', 'instance.untrackedTasks'],
    ['infinite untracked tasks', withFields({ untrackedTasks: Number.POSITIVE_INFINITY }), 'invalid_count', 'instance.untrackedTasks'],
    ['untracked tasks written as text', withFields({ untrackedTasks: '3' }), 'invalid_type', 'instance.untrackedTasks'],
    ['untracked tasks as a list of ids', withFields({ untrackedTasks: ['t-1'] }), 'invalid_type', 'instance.untrackedTasks'],
  ])('%s', (_name, spec, code, path) => {
    expect(inputErrorOf(() => validateInstanceSpec(spec, 'instance'))).toEqual({ code, path });
  });

  it('lists the allowed fields when a field is unknown', () => {
    expect(() => validateInstanceSpec(withFields({ reservedPort: {} }), 'instance')).toThrow(/reservedPorts/);
  });

  it('names the path the caller gives', () => {
    expect(inputErrorOf(() => validateInstanceSpec(withResources({ cpu: -1 }), 'instances[3]'))).toEqual({ code: 'invalid_resource', path: 'instances[3].resources.cpu' });
  });
});

describe('validateInstanceSpec normalizes', () => {
  it('fills in the defaults', () => {
    const instance = validateInstanceSpec(base, 'instance');
    expect(instance).toEqual({
      id: 'i-1', resources: { cpu: 1024, memory: 2048 }, reservedPorts: { tcp: [], udp: [] },
      attributes: new Map(), status: 'ACTIVE', agentConnected: true,
    });
    expect(Object.keys(instance)).not.toContain('registeredAt');
  });

  it('treats optional fields set to undefined as absent', () => {
    const instance = validateInstanceSpec(withFields({ ec2InstanceId: undefined, status: undefined, attributes: undefined }), 'instance');
    expect(instance.status).toBe('ACTIVE');
    expect(Object.keys(instance)).not.toContain('ec2InstanceId');
  });

  it('keeps every field given, resources registered as 0 included', () => {
    const instance = validateInstanceSpec({
      id: 'arn:aws:ecs:us-east-1:123456789012:container-instance/prod/1f2e',
      ec2InstanceId: 'i-0abc',
      resources: { cpu: 2048, memory: 7680, gpu: 0, eni: 3 },
      reservedPorts: { tcp: [51679, 22, 2376, 2375, 51678], udp: [53] },
      attributes: { 'ecs.os-type': 'linux', 'ecs.capability.task-eni': null, stack: 'prod @ 10:00' },
      status: 'DRAINING',
      agentConnected: false,
      agentVersion: '1.70.2',
      registeredAt: '2018-06-18T22:28:28.123-07:00',
    }, 'instance');
    expect(instance).toEqual({
      id: 'arn:aws:ecs:us-east-1:123456789012:container-instance/prod/1f2e',
      ec2InstanceId: 'i-0abc',
      resources: { cpu: 2048, memory: 7680, gpu: 0, eni: 3 },
      reservedPorts: { tcp: [22, 2375, 2376, 51678, 51679], udp: [53] },
      attributes: new Map<string, string | null>([['ecs.os-type', 'linux'], ['ecs.capability.task-eni', null], ['stack', 'prod @ 10:00']]),
      status: 'DRAINING',
      agentConnected: false,
      agentVersion: '1.70.2',
      registeredAt: Date.UTC(2018, 5, 19, 5, 28, 28, 123),
    });
    expect([...instance.attributes.keys()]).toEqual(['ecs.os-type', 'ecs.capability.task-eni', 'stack']);
  });

  it('keeps untracked tasks above 0, and leaves out none', () => {
    expect(validateInstanceSpec(withFields({ untrackedTasks: 500_000 }), 'instance').untrackedTasks).toBe(500_000);
    expect(validateInstanceSpec(withFields({ untrackedTasks: Number.MAX_SAFE_INTEGER }), 'instance').untrackedTasks).toBe(Number.MAX_SAFE_INTEGER);
    expect(Object.keys(validateInstanceSpec(withFields({ untrackedTasks: 0 }), 'instance'))).not.toContain('untrackedTasks');
    expect(Object.keys(validateInstanceSpec(withFields({ untrackedTasks: -0 }), 'instance'))).not.toContain('untrackedTasks');
  });

  it('reads -0 as 0', () => {
    expect(Object.is(validateInstanceSpec(withResources({ gpu: -0 }), 'instance').resources['gpu'], 0)).toBe(true);
  });

  it('accepts objects without a prototype and reads a resource named like a prototype member as itself', () => {
    const resources = Object.assign(Object.create(null) as object, { cpu: 1, memory: 2 });
    const spec = Object.assign(Object.create(null) as object, { id: 'i-1', resources });
    expect(validateInstanceSpec(spec, 'instance').resources).toEqual({ cpu: 1, memory: 2 });
    const other = validateInstanceSpec(withResources({ constructor: 4 }), 'instance');
    expect(other.resources['constructor']).toBe(4);
    expect(validateInstanceSpec(base, 'instance').resources['toString']).toBeUndefined();
  });

  it('takes a Date for registeredAt', () => {
    expect(validateInstanceSpec(withFields({ registeredAt: new Date(Date.UTC(2020, 0, 2)) }), 'instance').registeredAt).toBe(Date.UTC(2020, 0, 2));
  });

  it('shares one copy of equal attributes, resources and empty port lists among instances given as separate objects', () => {
    const spec = (stack: string): unknown => ({ id: 'i-1', resources: { cpu: 1024, memory: 2048 }, attributes: { 'ecs.os-type': 'linux', stack }, reservedPorts: { tcp: [] } });
    const [first, second, other] = [spec('prod'), spec('prod'), spec('dev')].map((given) => validateInstanceSpec(given, 'instance'));
    expect(second?.attributes).toBe(first?.attributes);
    expect(second?.resources).toBe(first?.resources);
    expect(second?.reservedPorts).toBe(first?.reservedPorts);
    expect(other?.attributes).not.toBe(first?.attributes);
    expect([...(other?.attributes ?? [])]).toEqual([['ecs.os-type', 'linux'], ['stack', 'dev']]);
  });

  it('refuses a bad name or value seen after good ones', () => {
    validateInstanceSpec(withAttributes({ stack: 'prod' }), 'instance');
    expect(inputErrorOf(() => validateInstanceSpec(withAttributes({ stack: ' prod' }), 'instance'))).toEqual({ code: 'invalid_attribute', path: 'instance.attributes.stack' });
    expect(inputErrorOf(() => validateInstanceSpec(withAttributes({ 'stack!': 'prod' }), 'instance'))).toEqual({ code: 'invalid_attribute', path: 'instance.attributes["stack!"]' });
  });

  it('accepts exactly 100 reserved ports', () => {
    expect(validateInstanceSpec(withFields({ reservedPorts: { tcp: range(1, 50), udp: range(1, 50) } }), 'instance').reservedPorts.tcp).toHaveLength(50);
  });
});

function revoked(): unknown {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

function range(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, index) => from + index);
}

describe('validateInstanceSpec refuses objects that only look like records', () => {
  it.each<[string, unknown]>([
    ['a String object', new String('ab')],
    ['a RegExp', /x/],
    ['a typed array', new Uint8Array([1])],
    ['a Set', new Set(['stack'])],
  ])('attributes given as %s', (_name, attributes) => {
    expect(inputErrorOf(() => validateInstanceSpec({ ...base, attributes }, 'instance'))).toEqual({ code: 'invalid_type', path: 'instance.attributes' });
  });
});
