/**
 * RunTask and CreateService requests (and service descriptions), read into a
 * {@link PlacementRequest}.
 *
 * @module
 */
import type { PlacementConstraint, PlacementRequest, PlacementStrategy } from '../model/PlacementRequest';
import { indexPath, keyPath } from '../model/validation/paths';
import { expectNumber } from '../model/validation/fields';
import { validateCount } from '../model/validation/validateCount';
import { validateName } from '../model/validation/validateName';
import type { EcsTaskDefinition } from './EcsTaskDefinition';
import {
  CONTAINER_OVERRIDE_FIELDS, CREATE_SERVICE_REQUEST_FIELDS, DESCRIBE_SERVICES_RESPONSE_FIELDS, RUN_TASK_REQUEST_FIELDS, SERVICE_FIELDS,
  SERVICE_RESPONSE_FIELDS, TASK_OVERRIDE_FIELDS, UPDATE_SERVICE_REQUEST_FIELDS,
} from './ecsRequestFields';
import { ecsError, optional, readArray, readRecord, readString, readWholeNumber, required, type JsonRecord } from './json';
import { matchTaskDefinition } from './matchTaskDefinition';
import { readCapacityProviderStrategy } from './readCapacityProviderStrategy';
import { refuseForeignDocument, refuseUnknownFields } from './refuseUnknownFields';
import { requireLaunchType } from './requireLaunchType';
import { validateEcsRequest } from './validateEcsRequest';

/** Options of the request readers. */
export interface EcsRequestOptions {
  /**
   * Places this many tasks instead of the document's `count` or
   * `desiredCount` (which is then not read): from 1 to 10,000,000, as
   * `Cluster.place` takes, beyond RunTask's own limit of 10 a call.
   */
  readonly count?: number;
}

/** ECS's limit on the tasks one RunTask call starts. */
const RUN_TASK_MAX_COUNT = 10;

const RESOURCE_OVERRIDES = ['cpu', 'memory', 'memoryReservation', 'resourceRequirements'] as const;
/** A service described by ECS, or asked for: CreateService's fields, and those ECS adds when it describes one. */
const SERVICE_DOCUMENT_FIELDS = [...new Set([...CREATE_SERVICE_REQUEST_FIELDS, ...SERVICE_FIELDS])];
const EVERY_REQUEST_FIELD = new Set([
  ...RUN_TASK_REQUEST_FIELDS, ...SERVICE_DOCUMENT_FIELDS, ...UPDATE_SERVICE_REQUEST_FIELDS, ...DESCRIBE_SERVICES_RESPONSE_FIELDS, ...SERVICE_RESPONSE_FIELDS,
]);
/** Fields only ECS's description of a service has: a document with one is ECS's output, which grows, not a request someone wrote. */
const DESCRIBED_ONLY = SERVICE_FIELDS.filter((field) => !CREATE_SERVICE_REQUEST_FIELDS.includes(field));
const SERVICE_ARN = /^arn:[^:]+:ecs:[^:]*:[^:]*:service\/(?:[^/]+\/)?([^/]+)$/;

/**
 * Reads a RunTask request (the JSON of `aws ecs run-task --cli-input-json`).
 *
 * @remarks
 * Read: `taskDefinition` (checked against `taskDefinition` given: a family,
 * `family:revision` or ARN), `count` (1 when absent; ECS's RunTask starts
 * 1 to 10 tasks a call, and a count above 10 is refused with
 * `invalid_count`, as ECS refuses it: `options.count` places more),
 * `group`, `placementStrategy`, `placementConstraints`. Refused with
 * `unsupported_ecs_feature`: `launchType` `FARGATE` (Fargate places without
 * container instances) and `overrides` that change what the task reserves;
 * with `incompatible_launch_type`, a task definition whose `compatibilities`
 * do not include the launch type (EC2 or EXTERNAL when the request names
 * none), as ECS refuses it.
 * `capacityProviderStrategy` becomes the request's own, `base` and `weight`
 * kept: `Cluster.place` shares the tasks among the providers by them and
 * places each on its provider's instances (those whose attribute
 * {@link task-placement!CAPACITY_PROVIDER_ATTRIBUTE} names it); Fargate's are refused
 * (`unsupported_ecs_feature`), and so is a `launchType` beside a strategy
 * (`conflicting_launch_type`), as ECS refuses it. With neither, ECS uses
 * the cluster's default capacity provider strategy, which the documents do
 * not tell: every instance may take the tasks. `networkConfiguration` and the other fields of RunTask
 * are ignored: placement runs over the instances given. A field RunTask
 * does not have (`placementStrategies`) is refused with `unknown_field`,
 * rather than lost.
 *
 * @param json - the parsed request
 * @param taskDefinition - the task definition it runs, from {@link readTaskDefinition}
 * @param options - a count that replaces the document's
 * @returns the placement request
 * @throws {@link task-placement!PlacementInputError} with the JSON path of the first fault,
 *   such as `placementStrategy[1].field`
 */
export function fromRunTaskRequest(json: unknown, taskDefinition: EcsTaskDefinition, options: EcsRequestOptions = {}): PlacementRequest {
  const request = readRecord(json, '');
  refuseUnknownFields(request, '', RUN_TASK_REQUEST_FIELDS, 'a RunTask request');
  optional(request, 'overrides', '', readOverrides);
  const count = optionCount(options) ?? optional(request, 'count', '', readRunTaskCount) ?? 1;
  const group = optional(request, 'group', '', (value, at) => validateName(value, at, 'group'));
  return placementRequest(request, '', taskDefinition, { count, ...(group === undefined ? {} : { group }) });
}

/**
 * Reads a CreateService or UpdateService request, or a service as ECS
 * describes it: the output of `aws ecs create-service` or `update-service`
 * (`{ service }`) or of `describe-services` with one service
 * (`{ services: [...] }`).
 *
 * @remarks
 * Read: `serviceName` (the tasks' group is `service:NAME`; an UpdateService
 * request names the service, or its ARN, in `service`), `taskDefinition`
 * (checked against the task definition given), `desiredCount` (which an
 * UpdateService request may leave out: then give a count; 0, a service
 * scaled to zero, is read as `count: 0`, a request with nothing to place),
 * `placementStrategy` (an empty list means ECS's default for services),
 * `placementConstraints`. Refused with `unsupported_ecs_feature`: `launchType`
 * `FARGATE` and `schedulingStrategy` `DAEMON` (one task per instance, not a
 * count); with `incompatible_launch_type`, a task definition ECS did not
 * validate for the launch type, as for RunTask. `capacityProviderStrategy`
 * is read as for RunTask; the other fields of these shapes are ignored; a
 * field none of them has is refused with `unknown_field`.
 *
 * @param json - the parsed request or description
 * @param taskDefinition - the task definition it runs
 * @param options - a count that replaces `desiredCount`
 * @returns the placement request; for a service scaled to zero, one with
 *   `count: 0`, which `Cluster.place` refuses: there is nothing to place,
 *   so skip the call
 * @throws {@link task-placement!PlacementInputError} with the JSON path of the first fault
 */
export function fromCreateServiceRequest(json: unknown, taskDefinition: EcsTaskDefinition, options: EcsRequestOptions = {}): PlacementRequest {
  const [service, path, isUpdate] = unwrapService(json);
  const scheduling = optional(service, 'schedulingStrategy', path, readString);
  if (scheduling === 'DAEMON') {
    throw ecsError(keyPath(path, 'schedulingStrategy'), 'expected REPLICA: a DAEMON service runs one task on every instance, not a count placed by strategy', 'unsupported_ecs_feature');
  }
  const serviceName = isUpdate
    ? required(service, 'service', path, readUpdatedService, 'an UpdateService request names its service')
    : required(service, 'serviceName', path, (value, at) => validateName(value, at, 'service'), 'a service has a name');
  const why = isUpdate
    ? "an UpdateService request without one keeps the service's count, which it does not say; give a count"
    : 'a REPLICA service has a desired count';
  const count = optionCount(options) ?? required(service, 'desiredCount', path, readDesiredCount, why);
  return placementRequest(service, path, taskDefinition, { count, service: serviceName });
}

/**
 * Reads either kind of request: a document with a `serviceName` (or a
 * `service` / `services` wrapper, or an UpdateService request's `service`)
 * is read by {@link fromCreateServiceRequest}, any other by
 * {@link fromRunTaskRequest}. A document none of whose fields ECS has in
 * any of these shapes is refused with `unknown_field`, naming them, and
 * saying so when it is a CloudFormation template or Terraform's JSON.
 *
 * @param json - the parsed request
 * @param taskDefinition - the task definition it runs
 * @param options - a count that replaces the document's
 * @returns the placement request (`count: 0` for a service scaled to zero)
 * @throws {@link task-placement!PlacementInputError} with the JSON path of the first fault
 */
export function fromPlacementRequest(json: unknown, taskDefinition: EcsTaskDefinition, options: EcsRequestOptions = {}): PlacementRequest {
  const document = readRecord(json, '');
  if (!Object.keys(document).some((field) => EVERY_REQUEST_FIELD.has(field))) {
    refuseUnknownFields(document, '', [], 'a RunTask, CreateService or UpdateService request, or a service as ECS describes it');
  }
  const isService = document.serviceName !== undefined || document.service !== undefined || document.services !== undefined;
  return isService ? fromCreateServiceRequest(document, taskDefinition, options) : fromRunTaskRequest(document, taskDefinition, options);
}

/** The service document, its path, and whether it is an UpdateService request. */
function unwrapService(json: unknown): [JsonRecord, string, boolean] {
  const document = readRecord(json, '');
  if (document.serviceName === undefined && typeof document.service === 'string') {
    refuseUnknownFields(document, '', UPDATE_SERVICE_REQUEST_FIELDS, 'an UpdateService request');
    return [document, '', true];
  }
  if (document.serviceName === undefined && document.service !== undefined) {
    refuseForeignDocument(document, '', SERVICE_RESPONSE_FIELDS, 'a CreateService or UpdateService response');
    return [described(document.service, 'service'), 'service', false];
  }
  if (document.serviceName === undefined && document.services !== undefined) {
    refuseForeignDocument(document, '', DESCRIBE_SERVICES_RESPONSE_FIELDS, 'a DescribeServices response');
    const services = readArray(document.services, 'services');
    if (services.length !== 1) throw ecsError('services', `expected exactly one service, got ${services.length}; describe the service to place alone`);
    return [described(services[0], indexPath('services', 0)), indexPath('services', 0), false];
  }
  if (Object.keys(document).some((field) => DESCRIBED_ONLY.includes(field))) refuseForeignDocument(document, '', SERVICE_FIELDS, 'a service as ECS describes it');
  else refuseUnknownFields(document, '', SERVICE_DOCUMENT_FIELDS, 'a CreateService request or a service as ECS describes it');
  return [document, '', false];
}

function described(value: unknown, path: string): JsonRecord {
  const service = readRecord(value, path);
  refuseForeignDocument(service, path, SERVICE_FIELDS, 'a service as ECS describes it');
  return service;
}

/** UpdateService names the service by its name or its ARN (`arn:aws:ecs:REGION:ACCOUNT:service/CLUSTER/NAME`). */
function readUpdatedService(value: unknown, path: string): string {
  const name = readString(value, path);
  return validateName(SERVICE_ARN.exec(name)?.[1] ?? name, path, 'service');
}

function optionCount(options: EcsRequestOptions): number | undefined {
  return options.count === undefined ? undefined : validateCount(options.count, 'count');
}

/** ECS refuses a RunTask call for more than 10 tasks; the library places more only when asked outright. */
function readRunTaskCount(value: unknown, path: string): number {
  const count = expectNumber(value, path);
  if (!Number.isInteger(count) || count < 1 || count > RUN_TASK_MAX_COUNT) {
    throw ecsError(path, `expected a whole number from 1 to ${RUN_TASK_MAX_COUNT}, RunTask's count: ECS starts at most ${RUN_TASK_MAX_COUNT} tasks a call and refuses more; to place more at once, give the count option (--count on the command line) instead`, 'invalid_count');
  }
  return count;
}

/** A service scaled to zero (desiredCount 0) is one ECS accepts: it asks for no task. */
function readDesiredCount(value: unknown, path: string): number {
  const count = readWholeNumber(value, path);
  return count === 0 ? 0 : validateCount(count, path);
}

interface Placement {
  readonly count: number;
  readonly service?: string;
  readonly group?: string;
}

function placementRequest(document: JsonRecord, path: string, taskDefinition: EcsTaskDefinition, placement: Placement): PlacementRequest {
  optional(document, 'taskDefinition', path, (value, at) => matchTaskDefinition(value, at, taskDefinition));
  const launchType = optional(document, 'launchType', path, readString);
  if (launchType === 'FARGATE') {
    throw ecsError(keyPath(path, 'launchType'), 'expected EC2 or EXTERNAL: Fargate places tasks without container instances', 'unsupported_ecs_feature');
  }
  // Where the task definition meets the launch type: ECS refuses one it did not validate the definition for.
  requireLaunchType(taskDefinition, launchType === 'EC2' || launchType === 'EXTERNAL' ? launchType : undefined, launchType === undefined ? path : keyPath(path, 'launchType'));
  const providers = optional(document, 'capacityProviderStrategy', path, readCapacityProviderStrategy);
  if (providers !== undefined && launchType !== undefined) {
    throw ecsError(
      keyPath(path, 'launchType'),
      'Specifying both a launch type and capacity provider strategy is not supported: ECS refuses the call (InvalidParameterException); remove one',
      'conflicting_launch_type',
    );
  }
  const placementStrategy = document.placementStrategy as readonly PlacementStrategy[] | undefined | null;
  const placementConstraints = document.placementConstraints as readonly PlacementConstraint[] | undefined | null;
  const request: PlacementRequest = {
    task: taskDefinition.task,
    ...placement,
    ...(placementStrategy === undefined || placementStrategy === null ? {} : { placementStrategy }),
    ...(placementConstraints === undefined || placementConstraints === null ? {} : { placementConstraints }),
    ...(providers === undefined ? {} : { capacityProviderStrategy: providers }),
  };
  // The library's own rules for strategies and constraints, reported at the
  // document's paths: the field names are ECS's.
  validateEcsRequest(request, path);
  return request;
}

/** Overrides that change what a task reserves would change where it goes. */
function readOverrides(value: unknown, path: string): void {
  const overrides = readRecord(value, path);
  refuseUnknownFields(overrides, path, TASK_OVERRIDE_FIELDS, "a RunTask request's overrides");
  for (const field of ['cpu', 'memory'] as const) {
    if (overrides[field] !== undefined) throw unsupportedOverride(keyPath(path, field));
  }
  (optional(overrides, 'containerOverrides', path, readArray) ?? []).forEach((item, index) => {
    const itemPath = indexPath(keyPath(path, 'containerOverrides'), index);
    const container = readRecord(item, itemPath);
    refuseUnknownFields(container, itemPath, CONTAINER_OVERRIDE_FIELDS, 'a container override');
    const field = RESOURCE_OVERRIDES.find((name) => container[name] !== undefined);
    if (field !== undefined) throw unsupportedOverride(keyPath(itemPath, field));
  });
}

function unsupportedOverride(path: string) {
  return ecsError(path, 'expected no resource override: apply it to the task definition given instead', 'unsupported_ecs_feature');
}
