import { describe, expect, it } from 'vitest';
import { makeInstanceView } from '../../test/support/makeInstanceView';
import { evaluateQuery } from './evaluateQuery';
import { parseQuery } from './parseQuery';

// A hand-made fleet on which every example expression of the ECS
// documentation selects a known set of instances.
const linux = { 'ecs.os-type': 'linux', 'ecs.os-family': 'LINUX' };
const fleet = [
  makeInstanceView({
    id: 'i1', ec2InstanceId: 'i-abcd1234', agentVersion: '1.14.4', registeredAt: '2018-02-01T00:00:00Z',
    attributes: { ...linux, 'ecs.instance-type': 't2.small', 'ecs.availability-zone': 'us-east-1a', stack: 'prod' },
    taskGroups: { 'service:production': 1 },
  }),
  makeInstanceView({
    id: 'i2', ec2InstanceId: 'i-wxyx7890', agentVersion: '1.20.0', registeredAt: '2018-03-01T00:00:00Z',
    attributes: { ...linux, 'ecs.instance-type': 't2.medium', 'ecs.availability-zone': 'us-east-1b', stack: 'dev' },
    taskGroups: { database: 1 },
  }),
  makeInstanceView({
    id: 'i3', ec2InstanceId: 'i-0000aaaa', agentVersion: '1.9.0', registeredAt: '2017-12-31T23:59:59Z',
    attributes: { ...linux, 'ecs.instance-type': 'g2.2xlarge', 'ecs.availability-zone': 'us-east-1c' },
  }),
  makeInstanceView({
    id: 'i4', ec2InstanceId: 'i-1111bbbb', agentVersion: '1.14.5', registeredAt: '2018-02-13T00:00:00Z',
    attributes: { ...linux, 'ecs.instance-type': 'g2.8xlarge', 'ecs.availability-zone': 'us-east-1d', stack: 'prod' },
    taskGroups: { databases: 2 },
  }),
  makeInstanceView({
    id: 'i5', ec2InstanceId: 'i-2222cccc', agentVersion: '1.10.0', registeredAt: '2018-02-12T23:00:00Z',
    attributes: {
      'ecs.os-type': 'windows', 'ecs.os-family': 'WINDOWS_SERVER_2019_FULL',
      'ecs.instance-type': 'p2.xlarge', 'ecs.availability-zone': 'us-east-1a',
    },
    taskGroups: { 'service:daemon-service': 1 },
  }),
  makeInstanceView({
    id: 'i6', ec2InstanceId: 'i-3333dddd', agentVersion: '1.51.0', registeredAt: '2020-01-01T00:00:00Z',
    attributes: { ...linux, 'ecs.instance-type': 'inf1.xlarge', 'ecs.availability-zone': 'us-east-1b' },
  }),
  makeInstanceView({
    id: 'i7', ec2InstanceId: 'i-4444eeee', agentVersion: '1.14.5', registeredAt: '2019-05-05T00:00:00Z', agentConnected: false,
    attributes: { ...linux, 'ecs.instance-type': 't2.nano', 'ecs.availability-zone': 'us-east-1a' },
    taskGroups: { 'service:production': 1, database: 1 },
  }),
  makeInstanceView({
    id: 'i8', agentVersion: '1.70.2', registeredAt: '2023-01-01T00:00:00Z',
    attributes: { ...linux, 'ecs.instance-type': 'dl1.24xlarge', 'ecs.availability-zone': 'us-east-1c' },
  }),
  makeInstanceView({
    id: 'i9', agentVersion: '1.70.2', registeredAt: '2023-01-01T00:00:00Z',
    attributes: { ...linux, 'ecs.instance-type': 'vt1.3xlarge', 'ecs.availability-zone': 'us-east-1d' },
  }),
];

function select(expression: string): string[] {
  const query = parseQuery(expression);
  return fleet.filter((instance) => evaluateQuery(query, instance)).map((instance) => instance.id);
}

describe('the ECS documentation examples', () => {
  it.each([
    ['attribute:ecs.instance-type == t2.small', ['i1']],
    ['attribute:ecs.availability-zone in [us-east-1a, us-east-1b]', ['i1', 'i2', 'i5', 'i6', 'i7']],
    ['attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d', ['i3']],
    ['task:group == service:production', ['i1', 'i7']],
    ['not(task:group == database)', ['i1', 'i3', 'i4', 'i5', 'i6', 'i8', 'i9']],
    ['runningTasksCount == 1', ['i1', 'i2', 'i5']],
    ['agentVersion < 1.14.5', ['i1', 'i3', 'i5']],
    ['registeredAt < 2018-02-13', ['i1', 'i3', 'i5']],
    ["ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']", ['i1', 'i2']],
    ['attribute:ecs.instance-type == g2.2xlarge', ['i3']],
    ['attribute:stack == prod', ['i1', 'i4']],
    ['attribute:stack != prod', ['i2']],
    ['attribute:ecs.instance-type in [t2.small, t2.medium]', ['i1', 'i2']],
    ['attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone == us-east-1a', ['i1', 'i7']],
    ['attribute:ecs.instance-type =~ t2.*', ['i1', 'i2', 'i7']],
    ['task:group == databases', ['i4']],
    ['task:group == service:daemon-service', ['i5']],
    ['attribute:ecs.os-family == WINDOWS_SERVER_2019_FULL', ['i5']],
    ['attribute:ecs.os-family == LINUX', ['i1', 'i2', 'i3', 'i4', 'i6', 'i7', 'i8', 'i9']],
    ['attribute:ecs.instance-type == p2.xlarge', ['i5']],
    ['attribute:ecs.instance-type == inf1.xlarge', ['i6']],
    ['attribute:ecs.instance-type == dl1.24xlarge', ['i8']],
    ['attribute:ecs.instance-type == vt1.3xlarge', ['i9']],
    ['attribute:ecs.os-type == linux', ['i1', 'i2', 'i3', 'i4', 'i6', 'i7', 'i8', 'i9']],
    ['attribute:ecs.instance-type matches t2.*', ['i1', 'i2', 'i7']],
  ])('%s', (expression, expected) => {
    expect(select(expression)).toEqual(expected);
  });

  it('compares values case-sensitively, so the documented Inf1.xlarge selects nothing', () => {
    // ECS reports instance types in lower case; the capitalised spelling in one
    // CLI example of the ECS documentation cannot match them.
    expect(select('attribute:ecs.instance-type == Inf1.xlarge')).toEqual([]);
  });

  it('finds disconnected agents', () => {
    expect(select('agentConnected == false')).toEqual(['i7']);
  });
});
