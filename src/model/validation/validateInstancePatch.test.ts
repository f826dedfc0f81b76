import { describe, expect, it } from 'vitest';
import { validateInstancePatch } from './validateInstancePatch';
import { inputErrorOf } from '../../../test/support/inputErrorOf';


describe('validateInstancePatch refuses', () => {
  it.each<[string, unknown, string, string]>([
    ['null', null, 'invalid_type', 'patch'],
    ['an array', [], 'invalid_type', 'patch'],
    ['a field an instance has but a patch does not', { resources: { cpu: 1 } }, 'unknown_field', 'patch.resources'],
    ['a misspelt field', { removeAttribute: ['stack'] }, 'unknown_field', 'patch.removeAttribute'],
    ['an unknown status', { status: 'DRAINED' }, 'invalid_status', 'patch.status'],
    ['agentConnected as a number', { agentConnected: 1 }, 'invalid_type', 'patch.agentConnected'],
    ['an agent version that is not dotted numbers', { agentVersion: '1..2' }, 'invalid_version', 'patch.agentVersion'],
    ['an attribute name with a space', { attributes: { 'a b': 'x' } }, 'invalid_attribute', 'patch.attributes["a b"]'],
    ['an attribute value with a trailing space', { attributes: { stack: 'prod ' } }, 'invalid_attribute', 'patch.attributes.stack'],
    ['removeAttributes as a string', { removeAttributes: 'stack' }, 'invalid_type', 'patch.removeAttributes'],
    ['an invalid name to remove', { removeAttributes: ['stack', 'bad name'] }, 'invalid_attribute', 'patch.removeAttributes[1]'],
    ['a name to remove that is not a string', { removeAttributes: [5] }, 'invalid_attribute', 'patch.removeAttributes[0]'],
    ['an empty name to remove', { removeAttributes: [''] }, 'invalid_attribute', 'patch.removeAttributes[0]'],
    ['an attribute both set and removed', { attributes: { a: '1', stack: 'x' }, removeAttributes: ['b', 'stack'] }, 'invalid_attribute', 'patch.removeAttributes[1]'],
    ['negative untracked tasks', { untrackedTasks: -2 }, 'invalid_count', 'patch.untrackedTasks'],
    ['fractional untracked tasks', { untrackedTasks: 0.5 }, 'invalid_count', 'patch.untrackedTasks'],
    ['untracked tasks as a boolean', { untrackedTasks: true }, 'invalid_type', 'patch.untrackedTasks'],
  ])('%s', (_name, patch, code, path) => {
    expect(inputErrorOf(() => validateInstancePatch(patch, 'patch'))).toEqual({ code, path });
  });
});

describe('validateInstancePatch normalizes', () => {
  it('accepts an empty patch', () => {
    expect(validateInstancePatch({}, 'patch')).toEqual({});
  });

  it('keeps only the fields given', () => {
    const patch = validateInstancePatch({ status: 'DRAINING', agentConnected: undefined }, 'patch');
    expect(patch).toEqual({ status: 'DRAINING' });
    expect(Object.keys(patch)).toEqual(['status']);
  });

  it('reads every field', () => {
    expect(validateInstancePatch({
      status: 'ACTIVE', agentConnected: false, agentVersion: '1.14.5',
      attributes: { stack: 'prod', 'ecs.capability.x': null }, removeAttributes: ['old', 'older', 'old'], untrackedTasks: 4,
    }, 'patch')).toEqual({
      status: 'ACTIVE', agentConnected: false, agentVersion: '1.14.5',
      attributes: new Map<string, string | null>([['stack', 'prod'], ['ecs.capability.x', null]]), removeAttributes: ['old', 'older'], untrackedTasks: 4,
    });
  });
});
