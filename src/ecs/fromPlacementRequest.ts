/**
 * RunTask and CreateService requests (and service descriptions), read into a
 * {@link PlacementRequest}.
 *
 * @module
 */
import type { PlacementConstraint, PlacementRequest, PlacementStrategy } from '../model/PlacementRequest';
import { indexPath, keyPath } from '../model/validation/paths';
import { validateCount } from '../model/validation/validateCount';
import { validateName } from '../model/validation/validateName';
import { validatePlacementRequest } from '../model/validation/validatePlacementRequest';
import type { EcsTaskDefinition } from './EcsTaskDefinition';
import { ecsError, optional, readArray, readRecord, readString, readWholeNumber, required, type JsonRecord } from './json';
import { matchTaskDefinition } from './matchTaskDefinition';

/** Options of the request readers. */
export interface EcsRequestOptions {
  /** Places this many tasks instead of the document's `count` or `desiredCount` (which is then not read). */
  readonly count?: number;
}

const RESOURCE_OVERRIDES = ['cpu', 'memory', 'memoryReservation', 'resourceRequirements'] as const;

/**
 * Reads a RunTask request (the JSON of `aws ecs run-task --cli-input-json`).
 *
 * @remarks
 * Read: `taskDefinition` (checked against `taskDefinition` given: a family,
 * `family:revision` or ARN), `count` (1 when absent), `group`,
 * `placementStrategy`, `placementConstraints`. Refused with
 * `unsupported_ecs_feature`: `launchType` `FARGATE` (Fargate places without
 * container instances) and `overrides` that change what the task reserves.
 * `capacityProviderStrategy`, `networkConfiguration` and the other fields are
 * ignored: placement runs over the instances given.
 *
 * @param json - the parsed request
 * @param taskDefinition - the task definition it runs, from {@link readTaskDefinition}
 * @param options - a count that replaces the document's
 * @returns the placement request
 * @throws {@link index!PlacementInputError} with the JSON path of the first fault,
 *   such as `placementStrategy[1].field`
 */
export function fromRunTaskRequest(json: unknown, taskDefinition: EcsTaskDefinition, options: EcsRequestOptions = {}): PlacementRequest {
  const request = readRecord(json, '');
  optional(request, 'overrides', '', readOverrides);
  const count = options.count ?? optional(request, 'count', '', validateCount) ?? 1;
  const group = optional(request, 'group', '', (value, at) => validateName(value, at, 'group'));
  return placementRequest(request, '', taskDefinition, { count, ...(group === undefined ? {} : { group }) });
}

/**
 * Reads a CreateService request, or a service as ECS describes it: the
 * output of `aws ecs create-service` or `update-service` (`{ service }`) or
 * of `describe-services` with one service (`{ services: [...] }`).
 *
 * @remarks
 * Read: `serviceName` (the tasks' group is `service:NAME`), `taskDefinition`
 * (checked against the task definition given), `desiredCount`,
 * `placementStrategy` (an empty list means ECS's default for services),
 * `placementConstraints`. Refused with `unsupported_ecs_feature`: `launchType`
 * `FARGATE` and `schedulingStrategy` `DAEMON` (one task per instance, not a
 * count). `capacityProviderStrategy` and the other fields are ignored.
 *
 * @param json - the parsed request or description
 * @param taskDefinition - the task definition it runs
 * @param options - a count that replaces `desiredCount`
 * @returns the placement request
 * @throws {@link index!PlacementInputError} with the JSON path of the first fault
 */
export function fromCreateServiceRequest(json: unknown, taskDefinition: EcsTaskDefinition, options: EcsRequestOptions = {}): PlacementRequest {
  const [service, path] = unwrapService(json);
  const scheduling = optional(service, 'schedulingStrategy', path, readString);
  if (scheduling === 'DAEMON') {
    throw ecsError(keyPath(path, 'schedulingStrategy'), 'expected REPLICA: a DAEMON service runs one task on every instance, not a count placed by strategy', 'unsupported_ecs_feature');
  }
  const serviceName = required(service, 'serviceName', path, (value, at) => validateName(value, at, 'service'), 'a service has a name');
  const count = options.count ?? required(service, 'desiredCount', path, readDesiredCount, 'a REPLICA service has a desired count');
  return placementRequest(service, path, taskDefinition, { count, service: serviceName });
}

/**
 * Reads either kind of request: a document with a `serviceName` (or a
 * `service` / `services` wrapper) is read by {@link fromCreateServiceRequest},
 * any other by {@link fromRunTaskRequest}.
 *
 * @param json - the parsed request
 * @param taskDefinition - the task definition it runs
 * @param options - a count that replaces the document's
 * @returns the placement request
 * @throws {@link index!PlacementInputError} with the JSON path of the first fault
 */
export function fromPlacementRequest(json: unknown, taskDefinition: EcsTaskDefinition, options: EcsRequestOptions = {}): PlacementRequest {
  const document = readRecord(json, '');
  const isService = document.serviceName !== undefined || document.service !== undefined || document.services !== undefined;
  return isService ? fromCreateServiceRequest(document, taskDefinition, options) : fromRunTaskRequest(document, taskDefinition, options);
}

function unwrapService(json: unknown): [JsonRecord, string] {
  const document = readRecord(json, '');
  if (document.serviceName !== undefined) return [document, ''];
  if (document.service !== undefined) return [readRecord(document.service, 'service'), 'service'];
  if (document.services !== undefined) {
    const services = readArray(document.services, 'services');
    if (services.length !== 1) throw ecsError('services', `expected exactly one service, got ${services.length}; describe the service to place alone`);
    return [readRecord(services[0], indexPath('services', 0)), indexPath('services', 0)];
  }
  return [document, ''];
}

function readDesiredCount(value: unknown, path: string): number {
  const count = readWholeNumber(value, path);
  if (count === 0) throw ecsError(path, 'expected at least 1: a service with no desired tasks places nothing (ask for a count instead)', 'invalid_count');
  return validateCount(count, path);
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
  const placementStrategy = document.placementStrategy as readonly PlacementStrategy[] | undefined | null;
  const placementConstraints = document.placementConstraints as readonly PlacementConstraint[] | undefined | null;
  const request: PlacementRequest = {
    task: taskDefinition.task,
    ...placement,
    ...(placementStrategy === undefined || placementStrategy === null ? {} : { placementStrategy }),
    ...(placementConstraints === undefined || placementConstraints === null ? {} : { placementConstraints }),
  };
  // The library's own rules for strategies and constraints, reported at the
  // document's paths: the field names are ECS's.
  validatePlacementRequest(request, path);
  return request;
}

/** Overrides that change what a task reserves would change where it goes. */
function readOverrides(value: unknown, path: string): void {
  const overrides = readRecord(value, path);
  for (const field of ['cpu', 'memory'] as const) {
    if (overrides[field] !== undefined) throw unsupportedOverride(keyPath(path, field));
  }
  (optional(overrides, 'containerOverrides', path, readArray) ?? []).forEach((item, index) => {
    const itemPath = indexPath(keyPath(path, 'containerOverrides'), index);
    const container = readRecord(item, itemPath);
    const field = RESOURCE_OVERRIDES.find((name) => container[name] !== undefined);
    if (field !== undefined) throw unsupportedOverride(keyPath(itemPath, field));
  });
}

function unsupportedOverride(path: string) {
  return ecsError(path, 'expected no resource override: apply it to the task definition given instead', 'unsupported_ecs_feature');
}
