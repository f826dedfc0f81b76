import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { constraint } from '../../src/arbitraries/constraint';
import { strategyChain } from '../../src/arbitraries/strategyChain';
import { fromCloudFormation } from '../../src/ecs/fromCloudFormation';
import { CREATE_SERVICE_REQUEST_FIELDS, SERVICE_FIELDS } from '../../src/ecs/ecsRequestFields';
import { fromCreateServiceRequest, fromPlacementRequest } from '../../src/ecs/fromPlacementRequest';
import { readTaskDefinition } from '../../src/ecs/fromTaskDefinition';
import { fromTerraform } from '../../src/ecs/fromTerraform';
import type { PlacementConstraint, PlacementStrategy } from '../../src/model/PlacementRequest';
import { keyPath } from '../../src/model/validation/paths';
import { inputErrorOf } from '../support/inputErrorOf';
import { runs } from '../support/runs';

/** A container as RegisterTaskDefinition takes it: what placement reads, and an image. */
interface Container {
  readonly name: string;
  readonly image: string;
  readonly cpu?: number;
  readonly memory: number;
  readonly memoryReservation?: number;
  readonly portMappings: readonly { containerPort: number; hostPort: number; protocol: 'tcp' | 'udp' }[];
}

/** One provider of a capacity provider strategy, in CreateService's words. */
interface ProviderItem {
  readonly capacityProvider: string;
  readonly weight: number;
  readonly base: number;
}

/** A service and its task definition, in ECS's own words: CreateService's and RegisterTaskDefinition's fields. */
interface ServiceShape {
  readonly serviceName: string;
  readonly desiredCount: number;
  readonly launchType: 'EC2' | 'EXTERNAL' | undefined;
  readonly capacityProviderStrategy: ProviderItem[];
  readonly placementStrategy: PlacementStrategy[];
  readonly placementConstraints: PlacementConstraint[];
  readonly family: string;
  readonly cpu: string | undefined;
  readonly memory: string | undefined;
  readonly taskConstraints: string[];
  readonly containers: Container[];
}

const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,30}$/);

const container = (index: number): fc.Arbitrary<Container> => fc.record({
  cpu: fc.option(fc.integer({ min: 0, max: 4096 }), { nil: undefined }),
  memory: fc.integer({ min: 64, max: 8192 }),
  reservation: fc.option(fc.integer({ min: 0, max: 64 }), { nil: undefined }),
  // Host ports of different containers are different, as ECS requires; 0 is a dynamic port.
  port: fc.option(fc.constantFrom(0, 8000 + index), { nil: undefined }),
  protocol: fc.constantFrom('tcp' as const, 'udp' as const),
}).map(({ cpu, memory, reservation, port, protocol }) => ({
  name: `container-${index}`,
  image: `public.ecr.aws/example/app:${index}`,
  ...(cpu === undefined ? {} : { cpu }),
  memory,
  ...(reservation === undefined ? {} : { memoryReservation: reservation }),
  portMappings: port === undefined ? [] : [{ containerPort: 8080, hostPort: port, protocol }],
}));

/** A strategy ECS accepts: each provider once, one base at most, and with several providers one at least of weight above 0. */
const providerStrategy: fc.Arbitrary<ProviderItem[]> = fc.uniqueArray(fc.record({
  capacityProvider: fc.constantFrom('on-demand', 'spot', 'arm_64', 'gpu-p4'),
  weight: fc.integer({ min: 0, max: 1000 }),
  base: fc.integer({ min: 0, max: 100_000 }),
}), { maxLength: 3, selector: (item) => item.capacityProvider })
  .map((items) => items.map((item, index) => (items.findIndex((other) => other.base > 0) < index ? { ...item, base: 0 } : item)))
  .map((items) => (items.length > 1 && items.every((item) => item.weight === 0) ? items.map((item, index) => (index === 0 ? { ...item, weight: 1 } : item)) : items));

const serviceShape: fc.Arbitrary<ServiceShape> = fc.record({
  serviceName: name,
  desiredCount: fc.integer({ min: 0, max: 1000 }),
  // ECS takes a launch type or a capacity provider strategy, not both.
  launchType: fc.constantFrom(undefined, 'EC2' as const, 'EXTERNAL' as const),
  capacityProviderStrategy: providerStrategy,
  placementStrategy: strategyChain({ maxLength: 5, spreadFields: ['attribute:ecs.availability-zone', 'instanceId', 'attribute:ecs.instance-type'] }),
  placementConstraints: fc.array(constraint(), { maxLength: 4 }),
  family: name,
  cpu: fc.option(fc.constantFrom('256', '1024', '1 vCPU'), { nil: undefined }),
  memory: fc.option(fc.constantFrom('512', '2048', '2 GB'), { nil: undefined }),
  taskConstraints: fc.array(fc.constantFrom('attribute:ecs.os-type == linux', 'attribute:ecs.instance-type =~ m5.*'), { maxLength: 2 }),
  containers: fc.integer({ min: 1, max: 3 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => container(index)))),
}).map((shape) => (shape.capacityProviderStrategy.length > 0 ? { ...shape, launchType: undefined } : shape));

function registerTaskDefinition(shape: ServiceShape): Record<string, unknown> {
  return {
    family: shape.family,
    networkMode: 'bridge',
    containerDefinitions: shape.containers,
    ...(shape.cpu === undefined ? {} : { cpu: shape.cpu }),
    ...(shape.memory === undefined ? {} : { memory: shape.memory }),
    placementConstraints: shape.taskConstraints.map((expression) => ({ type: 'memberOf', expression })),
  };
}

function createService(shape: ServiceShape): Record<string, unknown> {
  return {
    cluster: 'prod',
    serviceName: shape.serviceName,
    taskDefinition: shape.family,
    desiredCount: shape.desiredCount,
    ...(shape.launchType === undefined ? {} : { launchType: shape.launchType }),
    capacityProviderStrategy: shape.capacityProviderStrategy,
    placementStrategy: shape.placementStrategy,
    placementConstraints: shape.placementConstraints,
  };
}

/** A RegisterTaskDefinition input's fields with CloudFormation's names: the first letter in upper case. */
function pascal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pascal);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key.charAt(0).toUpperCase() + key.slice(1), pascal(field)]));
}

function cloudFormation(shape: ServiceShape): unknown {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      TaskDefinition: { Type: 'AWS::ECS::TaskDefinition', Properties: pascal(registerTaskDefinition(shape)) },
      Service: {
        Type: 'AWS::ECS::Service',
        Properties: {
          Cluster: 'prod',
          ServiceName: shape.serviceName,
          TaskDefinition: { Ref: 'TaskDefinition' },
          DesiredCount: shape.desiredCount,
          ...(shape.launchType === undefined ? {} : { LaunchType: shape.launchType }),
          ...(shape.capacityProviderStrategy.length === 0 ? {} : { CapacityProviderStrategy: pascal(shape.capacityProviderStrategy) }),
          PlacementStrategies: pascal(shape.placementStrategy),
          PlacementConstraints: pascal(shape.placementConstraints),
        },
      },
    },
  };
}

/** `terraform show -json` of a state, as the AWS provider writes what it was not given: `""`. */
function terraformState(shape: ServiceShape): unknown {
  const arn = `arn:aws:ecs:us-east-1:123456789012:task-definition/${shape.family}:1`;
  return {
    format_version: '1.0',
    terraform_version: '1.9.8',
    values: {
      root_module: {
        resources: [
          {
            address: 'aws_ecs_service.this', mode: 'managed', type: 'aws_ecs_service', name: 'this',
            values: {
              name: shape.serviceName,
              cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod',
              desired_count: shape.desiredCount,
              launch_type: shape.launchType ?? '',
              capacity_provider_strategy: shape.capacityProviderStrategy.map((item) => ({ base: item.base, capacity_provider: item.capacityProvider, weight: item.weight })),
              scheduling_strategy: 'REPLICA',
              ordered_placement_strategy: shape.placementStrategy.map((strategy) => ({ field: strategy.field ?? '', type: strategy.type })),
              placement_constraints: shape.placementConstraints.map((item) => ({ expression: item.type === 'memberOf' ? item.expression : '', type: item.type })),
              task_definition: arn,
            },
          },
          {
            address: 'aws_ecs_task_definition.this', mode: 'managed', type: 'aws_ecs_task_definition', name: 'this',
            values: {
              arn,
              family: shape.family,
              revision: 1,
              container_definitions: JSON.stringify(shape.containers),
              cpu: shape.cpu ?? '',
              memory: shape.memory ?? '',
              network_mode: 'bridge',
              placement_constraints: shape.taskConstraints.map((expression) => ({ expression, type: 'memberOf' })),
              requires_compatibilities: ['EC2'],
            },
          },
        ],
      },
    },
  };
}

describe('a service deployed by CloudFormation or Terraform', () => {
  test.prop([serviceShape], { numRuns: runs(150) })('is the request its CreateService call and RegisterTaskDefinition input make', (shape) => {
    const taskDefinition = readTaskDefinition(registerTaskDefinition(shape));
    const request = fromCreateServiceRequest(createService(shape), taskDefinition);
    const fromTemplate = fromCloudFormation(cloudFormation(shape));
    const fromState = fromTerraform(terraformState(shape));
    expect(fromTemplate.request).toEqual(request);
    // Terraform's state knows the revision registered, which a RegisterTaskDefinition input does not.
    expect(fromState.request).toEqual({ ...request, task: { ...request.task, revision: 1 } });
    expect(fromTemplate.taskDefinition.task).toEqual(taskDefinition.task);
    expect(fromState.taskDefinition.task).toEqual({ ...taskDefinition.task, revision: 1 });
  });
});

describe('a request with a field ECS does not have', () => {
  const known = new Set([...CREATE_SERVICE_REQUEST_FIELDS, ...SERVICE_FIELDS]);
  const unknownField = fc.string({ minLength: 1, maxLength: 24 }).filter((field) => !known.has(field) && field !== '__proto__');

  test.prop([serviceShape, unknownField, fc.jsonValue()])('is refused at that field, whatever its value', (shape, field, value) => {
    const taskDefinition = readTaskDefinition(registerTaskDefinition(shape));
    const request = Object.defineProperty(createService(shape), field, { value, enumerable: true });
    expect(inputErrorOf(() => fromPlacementRequest(request, taskDefinition))).toEqual({ code: 'unknown_field', path: keyPath('', field) });
  });
});
