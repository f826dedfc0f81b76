import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../../test/support/inputErrorOf';
import { ENGINES } from '../../test/support/scenarioCluster';
import type { InstanceSpec } from '../model/InstanceSpec';
import type { Strategy } from '../model/Strategy';
import { Cluster } from './Cluster';

const linux = (id: string, memory = 4096, extra: Partial<InstanceSpec> = {}): InstanceSpec =>
  ({ id, resources: { cpu: 2048, memory }, attributes: { 'ecs.os-type': 'linux' }, ...extra });
const fleet: InstanceSpec[] = [
  linux('runs-one'),
  linux('free'),
  linux('draining', 4096, { status: 'DRAINING' }),
  linux('small', 128),
  { id: 'windows', resources: { cpu: 2048, memory: 4096 }, attributes: { 'ecs.os-type': 'windows' } },
  linux('port-taken', 4096, { reservedPorts: { tcp: [2020] } }),
  linux('free-too'),
];
const logs = { family: 'logs', resources: { cpu: 128, memory: 256 }, ports: { tcp: [2020] } };
const onLinux = { service: 'logs', placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux' }] } as const;

describe.each(ENGINES)('Cluster.placeDaemon (%s engine)', (engine) => {
  function cluster(): Cluster {
    const made = new Cluster({ engine, instances: fleet });
    made.place({ task: logs, service: 'logs', placementStrategy: [{ type: 'binpack', field: 'memory' }] });
    return made;
  }

  it('places one task on every instance that can take one, in registration order, and says why each other has none', () => {
    const daemon = cluster();
    expect(daemon.placeDaemon(logs, onLinux)).toEqual({
      group: 'service:logs',
      placements: [{ taskId: 'task-2', instanceId: 'free' }, { taskId: 'task-3', instanceId: 'free-too' }],
      alreadyRunning: ['runs-one'],
      skipped: [
        { instanceId: 'draining', rejection: { code: 'not_active', status: 'DRAINING' }, reason: 'AGENT', resolvable: false },
        { instanceId: 'small', rejection: { code: 'insufficient_resource', resource: 'memory', requested: 256, remaining: 128 }, reason: 'RESOURCE:MEMORY', resolvable: true },
        { instanceId: 'windows', rejection: { code: 'member_of', expression: 'attribute:ecs.os-type == linux' }, reason: 'MemberOf placement constraint unsatisfied.', resolvable: false },
        { instanceId: 'port-taken', rejection: { code: 'port_in_use', protocol: 'tcp', port: 2020, reserved: true }, reason: 'RESOURCE:PORTS', resolvable: false },
      ],
    });
    expect(daemon.tasks().filter((task) => task.group === 'service:logs').map((task) => task.instanceId)).toEqual(['runs-one', 'free', 'free-too']);
  });

  it('places nothing when called again, and lists the instances it placed on as running one', () => {
    const daemon = cluster();
    const first = daemon.placeDaemon(logs, onLinux);
    const before = daemon.snapshot();
    const second = daemon.placeDaemon(logs, onLinux);
    expect(second.placements).toEqual([]);
    expect(second.alreadyRunning).toEqual(['runs-one', 'free', 'free-too']);
    expect(second.skipped).toEqual(first.skipped);
    expect(daemon.snapshot()).toEqual(before);
  });

  it('takes a group, or the family, and a task that reserves nothing; distinctInstance may be given', () => {
    const daemon = new Cluster({ engine, instances: fleet });
    const idle = { family: 'agent', resources: {} };
    expect(daemon.placeDaemon(idle, { group: 'probes', placementConstraints: [{ type: 'distinctInstance' }] }).placements).toHaveLength(6);
    const byFamily = daemon.placeDaemon(idle);
    expect(byFamily.group).toBe('family:agent');
    // The group probes is another group: the family's daemon runs beside it.
    expect(byFamily.placements.map(({ instanceId }) => instanceId)).toEqual(['runs-one', 'free', 'small', 'windows', 'port-taken', 'free-too']);
  });

  it('checks a constraint on the group across instances as the cluster stands, again while a pass places a task', () => {
    const zoned = (id: string, zone: string): InstanceSpec => ({ id, resources: { cpu: 1024, memory: 1024 }, attributes: { 'ecs.availability-zone': zone } });
    const daemon = new Cluster({ engine, instances: [zoned('a1', 'a'), zoned('a2', 'a'), zoned('a3', 'a'), zoned('b1', 'b')] });
    const options = { group: 'd', placementConstraints: [{ type: 'spreadLimit', field: 'attribute:ecs.availability-zone', maxSkew: 1 }] } as const;
    // a2 is refused while zone a would hold two tasks to b's none; once b1 has its task, the second pass lets a2 in.
    const result = daemon.placeDaemon({ resources: { memory: 64 } }, options);
    expect(result.placements).toEqual([{ taskId: 'task-1', instanceId: 'a1' }, { taskId: 'task-2', instanceId: 'b1' }, { taskId: 'task-3', instanceId: 'a2' }]);
    expect(result.skipped).toEqual([{ instanceId: 'a3', rejection: expect.objectContaining({ code: 'spread_limit', domain: 'a', tasks: 2, minimum: 1 }), reason: 'SpreadLimit placement constraint unsatisfied.', resolvable: false }]);
    expect(daemon.placeDaemon({ resources: { memory: 64 } }, options).placements).toEqual([]);
  });

  it('answers with no placement on a cluster without instances', () => {
    expect(new Cluster({ engine }).placeDaemon(logs)).toEqual({ group: 'family:logs', placements: [], alreadyRunning: [], skipped: [] });
  });

  it('draws nothing from the generator', () => {
    const seeded = (): Cluster => new Cluster({ engine, seed: 11, instances: fleet.slice(0, 2).concat(fleet.slice(3)) });
    const daemon = seeded();
    daemon.placeDaemon({ resources: { memory: 64 } }, { group: 'd' });
    const untouched = new Cluster({ ...daemon.snapshot(), engine, seed: 11 });
    const request = { task: { resources: { memory: 64 } }, count: 5, placementStrategy: [{ type: 'random' }] } as const;
    expect(daemon.place(request)).toEqual(untouched.place(request));
  });

  it('refuses bad input with a code and a path, and changes nothing', () => {
    const daemon = cluster();
    const before = daemon.snapshot();
    expect(inputErrorOf(() => daemon.placeDaemon({ resources: { memory: -1 } }))).toEqual({ code: 'invalid_resource', path: 'task.resources.memory' });
    expect(inputErrorOf(() => daemon.placeDaemon(undefined as never))).toMatchObject({ code: 'invalid_type' });
    expect(inputErrorOf(() => daemon.placeDaemon(logs, { service: 'logs', group: 'g' }))).toEqual({ code: 'conflicting_group', path: 'options.group' });
    expect(inputErrorOf(() => daemon.placeDaemon(logs, { service: 'bad name!' }))).toEqual({ code: 'invalid_name', path: 'options.service' });
    expect(inputErrorOf(() => daemon.placeDaemon(logs, { placementConstraints: [{ type: 'memberOf', expression: 'attribute:a ==' }] }))).toEqual({ code: 'invalid_expression', path: 'options.placementConstraints[0].expression' });
    expect(inputErrorOf(() => daemon.placeDaemon(logs, { placementConstraints: new Array(11).fill({ type: 'distinctInstance' }) }))).toEqual({ code: 'too_many_constraints', path: 'options.placementConstraints' });
    expect(inputErrorOf(() => daemon.placeDaemon(logs, { attribute: 'rack' } as never))).toEqual({ code: 'unknown_field', path: 'options.attribute' });
    expect(inputErrorOf(() => daemon.placeDaemon(logs, { placementStrategy: [] } as never))).toEqual({ code: 'unknown_field', path: 'options.placementStrategy' });
    expect(inputErrorOf(() => daemon.placeDaemon(logs, 'logs' as never))).toEqual({ code: 'invalid_type', path: 'options' });
    expect(daemon.snapshot()).toEqual(before);
  });

  it('is refused from inside a strategy of a placement, which then keeps nothing', () => {
    const daemon = cluster();
    const before = daemon.snapshot();
    const callsBack: Strategy = { name: 'callsBack', dependsOn: 'instance', key: () => { daemon.placeDaemon(logs); return 0; } };
    expect(inputErrorOf(() => daemon.place({ task: { resources: { memory: 64 } }, count: 2, placementStrategy: [callsBack] }))).toEqual({ code: 'reentrant_call', path: '' });
    expect(daemon.snapshot()).toEqual(before);
  });
});
