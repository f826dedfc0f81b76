import { describe, expect, it } from 'vitest';
import { printQuery } from '../../query/printQuery';
import { validateTaskSpec } from './validateTaskSpec';
import { inputErrorOf } from '../../../test/support/inputErrorOf';

const base = { family: 'web', resources: { cpu: 256, memory: 512 } };
const withFields = (fields: Record<string, unknown>): unknown => ({ ...base, ...fields });
const memberOf = (expression: unknown): unknown => ({ type: 'memberOf', expression });
const withConstraints = (...constraints: unknown[]): unknown => withFields({ placementConstraints: constraints });


describe('validateTaskSpec refuses', () => {
  it.each<[string, unknown, string, string]>([
    ['null', null, 'invalid_type', 'task'],
    ['a number', 3, 'invalid_type', 'task'],
    ['a field of the request', withFields({ count: 2 }), 'unknown_field', 'task.count'],
    ['cpu outside resources', withFields({ cpu: 256 }), 'unknown_field', 'task.cpu'],
    ['missing resources', { family: 'web' }, 'missing_field', 'task.resources'],
    ['resources that are null', withFields({ resources: null }), 'invalid_type', 'task.resources'],
    ['a family with a space', withFields({ family: 'web app' }), 'invalid_name', 'task.family'],
    ['a family with a colon', withFields({ family: 'family:web' }), 'invalid_name', 'task.family'],
    ['an empty family', withFields({ family: '' }), 'invalid_name', 'task.family'],
    ['a family of 256 characters', withFields({ family: 'f'.repeat(256) }), 'invalid_name', 'task.family'],
    ['a family that is a number', withFields({ family: 5 }), 'invalid_type', 'task.family'],
    ['a negative memory', withFields({ resources: { memory: -512 } }), 'invalid_resource', 'task.resources.memory'],
    ['an infinite custom resource', withFields({ resources: { eni: Number.NEGATIVE_INFINITY } }), 'invalid_resource', 'task.resources.eni'],
    ['GPU in ECS spelling', withFields({ resources: { GPU: 1 } }), 'invalid_resource_name', 'task.resources.GPU'],
    ['an empty resource name', withFields({ resources: { '': 1 } }), 'invalid_resource_name', 'task.resources[""]'],
    ['ports as an array', withFields({ ports: [80] }), 'invalid_type', 'task.ports'],
    ['ports of an unknown protocol', withFields({ ports: { http: [80] } }), 'unknown_field', 'task.ports.http'],
    ['a negative port', withFields({ ports: { tcp: [-1] } }), 'invalid_port', 'task.ports.tcp[0]'],
    ['port 65536', withFields({ ports: { udp: [65536] } }), 'invalid_port', 'task.ports.udp[0]'],
    ['a NaN port', withFields({ ports: { tcp: [80, Number.NaN] } }), 'invalid_port', 'task.ports.tcp[1]'],
    ['a hole in the ports', withFields({ ports: { tcp: [80, , 81] } }), 'invalid_port', 'task.ports.tcp[1]'],
    ['a static port listed twice', withFields({ ports: { tcp: [80, 0, 0, 80] } }), 'duplicate_port', 'task.ports.tcp[3]'],
    ['requiresAttributes as a string', withFields({ requiresAttributes: 'ecs.capability.task-eni' }), 'invalid_type', 'task.requiresAttributes'],
    ['an invalid required attribute', withFields({ requiresAttributes: ['ecs.capability.task-eni', 'bad name'] }), 'invalid_attribute', 'task.requiresAttributes[1]'],
    ['a required attribute that is a number', withFields({ requiresAttributes: [5] }), 'invalid_type', 'task.requiresAttributes[0]'],
    ['a required attribute without a name', withFields({ requiresAttributes: [{ value: 'arm64' }] }), 'missing_field', 'task.requiresAttributes[0].name'],
    ['a required attribute with an invalid name', withFields({ requiresAttributes: [{ name: 'bad name', value: 'x' }] }), 'invalid_attribute', 'task.requiresAttributes[0].name'],
    ['a required value that is empty', withFields({ requiresAttributes: [{ name: 'ecs.cpu-architecture', value: '' }] }), 'invalid_attribute', 'task.requiresAttributes[0].value'],
    ['a required value that is null', withFields({ requiresAttributes: [{ name: 'ecs.cpu-architecture', value: null }] }), 'invalid_attribute', 'task.requiresAttributes[0].value'],
    ['a required value that is a number', withFields({ requiresAttributes: [{ name: 'stack', value: 7 }] }), 'invalid_attribute', 'task.requiresAttributes[0].value'],
    ['a required value with a space at the end', withFields({ requiresAttributes: [{ name: 'stack', value: 'prod ' }] }), 'invalid_attribute', 'task.requiresAttributes[0].value'],
    ["ECS's targetType on a required attribute", withFields({ requiresAttributes: [{ name: 'stack', targetType: 'container-instance' }] }), 'unknown_field', 'task.requiresAttributes[0].targetType'],
    ['constraints that are not an array', withFields({ placementConstraints: memberOf('attribute:a exists') }), 'invalid_type', 'task.placementConstraints'],
    ['a constraint that is a string', withConstraints('attribute:a exists'), 'invalid_type', 'task.placementConstraints[0]'],
    ['distinctInstance in a task definition', withConstraints({ type: 'distinctInstance' }), 'constraint_not_allowed', 'task.placementConstraints[0].type'],
    ['a constraint type in the wrong case', withConstraints({ type: 'MemberOf', expression: 'attribute:a exists' }), 'unknown_constraint_type', 'task.placementConstraints[0].type'],
    ['a constraint without a type', withConstraints({ expression: 'attribute:a exists' }), 'missing_field', 'task.placementConstraints[0].type'],
    ['a memberOf without an expression', withConstraints({ type: 'memberOf' }), 'missing_field', 'task.placementConstraints[0].expression'],
    ['a memberOf with an extra field', withConstraints({ type: 'memberOf', expression: 'attribute:a exists', field: 'x' }), 'unknown_field', 'task.placementConstraints[0].field'],
    ['an empty expression', withConstraints(memberOf('')), 'empty_expression', 'task.placementConstraints[0].expression'],
    ['an expression that does not parse', withConstraints(memberOf('attribute:a exists'), memberOf('attribute:a ==')), 'invalid_expression', 'task.placementConstraints[1].expression'],
    ['11 constraints', withConstraints(...Array.from({ length: 11 }, () => memberOf('attribute:a exists'))), 'too_many_constraints', 'task.placementConstraints'],
  ])('%s', (_name, spec, code, path) => {
    expect(inputErrorOf(() => validateTaskSpec(spec, 'task'))).toEqual({ code, path });
  });
});

describe('validateTaskSpec normalizes', () => {
  it('drops zero resources and dynamic ports, and keeps the order of the rest', () => {
    const { task, memberOf: constraints } = validateTaskSpec({
      family: 'web',
      resources: { cpu: 0, memory: 512, gpu: -0, eni: 1 },
      ports: { tcp: [8080, 0, 80, 0], udp: [0] },
      requiresAttributes: ['ecs.capability.task-eni', 'b', 'ecs.capability.task-eni'],
    }, 'task');
    expect(task).toEqual({ family: 'web', resources: { memory: 512, eni: 1 }, ports: { tcp: [8080, 80], udp: [] }, requiresAttributes: [{ name: 'ecs.capability.task-eni' }, { name: 'b' }] });
    expect(constraints).toEqual([]);
  });

  it('reads required attributes by name or with a value, each once, a name alone being { name }', () => {
    const { task } = validateTaskSpec({
      resources: {},
      requiresAttributes: [
        'ecs.capability.task-eni', { name: 'ecs.cpu-architecture', value: 'arm64' }, { name: 'ecs.capability.task-eni' },
        { name: 'ecs.cpu-architecture', value: 'arm64' }, { name: 'ecs.cpu-architecture' }, { name: 'stack', value: 'prod' },
      ],
    }, 'task');
    expect(task.requiresAttributes).toEqual([
      { name: 'ecs.capability.task-eni' }, { name: 'ecs.cpu-architecture', value: 'arm64' }, { name: 'ecs.cpu-architecture' }, { name: 'stack', value: 'prod' },
    ]);
    expect(Object.isFrozen(task.requiresAttributes) && task.requiresAttributes.every((required) => Object.isFrozen(required))).toBe(true);
  });

  it('accepts empty resources and leaves out an absent family', () => {
    const { task } = validateTaskSpec({ resources: {} }, 'task');
    expect(task).toEqual({ resources: {}, ports: { tcp: [], udp: [] }, requiresAttributes: [] });
    expect(Object.keys(task)).not.toContain('family');
  });

  it('parses the memberOf constraints in order', () => {
    const { memberOf: constraints } = validateTaskSpec(withConstraints(memberOf('attribute:ecs.os-type == linux'), memberOf('agentVersion >= 1.14')), 'task');
    expect(constraints.map((constraint) => (constraint.type === 'memberOf' ? constraint.expression : constraint.type))).toEqual(['attribute:ecs.os-type == linux', 'agentVersion >= 1.14']);
    expect(constraints.map((constraint) => (constraint.type === 'memberOf' ? printQuery(constraint.query) : constraint.type))).toEqual(['attribute:ecs.os-type == linux', 'agentVersion >= 1.14']);
  });
});
