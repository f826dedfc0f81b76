import { describe, expect, it } from 'vitest';
import { UsageError } from './CliIo';
import { resolveInstance } from './resolveInstance';

const A = 'arn:aws:ecs:us-east-1:123456789012:container-instance/blue/0a1b2c3d';
const B = 'arn:aws:ecs:us-east-1:123456789012:container-instance/green/0a1b2c3d';
const C = 'arn:aws:ecs:us-east-1:123456789012:container-instance/blue/99887766';

describe('resolveInstance', () => {
  it('takes an ARN as it is, and a short id that one instance has', () => {
    expect(resolveInstance([A, B, C], B)).toBe(B);
    expect(resolveInstance([A, B, C], '99887766')).toBe(C);
  });

  it('asks for the ARN when two instances share the short id given, naming both', () => {
    expect(() => resolveInstance([A, B, C], '0a1b2c3d')).toThrow(UsageError);
    expect(() => resolveInstance([A, B, C], '0a1b2c3d')).toThrow(`2 container instances of the --instances file have the id '0a1b2c3d': give the ARN of the one you mean (${A}, ${B}).`);
  });

  it('says no instance has an id that none has', () => {
    expect(() => resolveInstance([A, C], 'nope')).toThrow("No container instance of the --instances file has the ARN or id 'nope'.");
  });
});
