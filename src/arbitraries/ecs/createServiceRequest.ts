/**
 * CreateService requests, as `aws ecs create-service --cli-input-json`
 * takes them, valid or broken in one way.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { EcsFault, EcsJsonObject, EcsRequestCase } from './EcsJsonCase';
import { requestCases, type RequestConstraints, type RequestFault, type RequestState } from './requestCases';
import type { Fault } from './withFaults';

/** What {@link createServiceRequest} may generate. */
export type CreateServiceRequestConstraints = RequestConstraints<CreateServiceRequestFault>;

/** The ways {@link createServiceRequest} breaks a request, as {@link EcsFault.kind} names them: its own, and those of every request. */
export type CreateServiceRequestFault = RequestFault | 'daemon' | 'missing_service_name' | 'unnamable_service' | 'missing_desired_count' | 'negative_desired_count';

const FIELDS: fc.Arbitrary<EcsJsonObject> = fc.record({
  serviceName: fc.constantFrom('web', 'api', 'checkout-v2'),
  desiredCount: fc.integer({ min: 0, max: 12 }),
  replica: fc.boolean(),
}).map(({ serviceName, desiredCount, replica }) => ({
  serviceName,
  desiredCount,
  ...(replica ? { schedulingStrategy: 'REPLICA' } : {}),
  deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
  healthCheckGracePeriodSeconds: 30,
}));

/** A fault that sets one field of the request, or removes it. */
function setField(kind: Exclude<CreateServiceRequestFault, RequestFault>, field: string, value: unknown, code: 'invalid_ecs_json' | 'invalid_name' | 'unsupported_ecs_feature'): Fault<RequestState, Exclude<CreateServiceRequestFault, RequestFault>> {
  return {
    kind,
    inject: ({ request }) => {
      if (value === undefined) delete request[field];
      else request[field] = value;
      return { path: field, code };
    },
  };
}

const FAULTS: readonly Fault<RequestState, Exclude<CreateServiceRequestFault, RequestFault>>[] = [
  setField('daemon', 'schedulingStrategy', 'DAEMON', 'unsupported_ecs_feature'),
  setField('missing_service_name', 'serviceName', undefined, 'invalid_ecs_json'),
  setField('unnamable_service', 'serviceName', 'web api', 'invalid_name'),
  setField('missing_desired_count', 'desiredCount', undefined, 'invalid_ecs_json'),
  setField('negative_desired_count', 'desiredCount', -1, 'invalid_ecs_json'),
];

/**
 * Generates CreateService requests with the task definitions they run: a
 * `serviceName`, a `desiredCount` (0, a service scaled to zero, included),
 * a `taskDefinition` that names it, now and then `schedulingStrategy`
 * `REPLICA`, a `launchType` of `EC2` or a `capacityProviderStrategy`,
 * `placementStrategy` and `placementConstraints`, and fields placement
 * ignores (`deploymentConfiguration`, `tags`...).
 *
 * @remarks
 * With `validity: 'invalid'` each request is broken in exactly one way (a
 * DAEMON service, no `serviceName` or `desiredCount`, `FARGATE`, another
 * task definition, a spread on a field ECS does not have...), and its
 * `fault` says which, where and with what code task-placement's
 * `fromCreateServiceRequest` refuses it. The task definition is always
 * valid.
 *
 * @param constraints - which requests, which task definitions, which faults
 * @returns an arbitrary of requests with their task definition and fault, if any
 * @throws {@link ConstraintsError} naming `createServiceRequest` when a constraint is unknown or out of range
 *
 * @example
 * ```ts
 * fc.assert(fc.property(createServiceRequest({ validity: 'invalid' }), ({ fault }) => fault !== undefined));
 * ```
 */
export function createServiceRequest(constraints: CreateServiceRequestConstraints = {}): fc.Arbitrary<EcsRequestCase> {
  return requestCases('createServiceRequest', constraints, FIELDS, FAULTS);
}
