/**
 * The request the `place` command places and the task definition it runs,
 * from the files named by `--request` and `--task-definition`: ECS's own
 * JSON, a CloudFormation template or Terraform's JSON, told apart by shape.
 *
 * @module
 */
import { documentKind } from '../ecs/documentKind';
import type { EcsTaskDefinition } from '../ecs/EcsTaskDefinition';
import { fromCloudFormation } from '../ecs/fromCloudFormation';
import { fromPlacementRequest } from '../ecs/fromPlacementRequest';
import { readTaskDefinition } from '../ecs/fromTaskDefinition';
import { fromTerraform } from '../ecs/fromTerraform';
import { requireLaunchType } from '../ecs/requireLaunchType';
import type { PlacementRequest } from '../model/PlacementRequest';
import { UsageError, type CliIo } from './CliIo';
import { readJsonFile } from './readJsonFile';
import { reportedAt } from './reportedAt';
import { visible } from './visible';

/** The files and flags the request is read from. */
export interface RequestFiles {
  /** `--request`: a RunTask or CreateService request, a described service, a template or Terraform's JSON. */
  readonly request: string | undefined;
  /** `--task-definition`. */
  readonly taskDefinition: string | undefined;
  /** `--resource`: the service to read from a template or Terraform's JSON. */
  readonly resource: string | undefined;
  /** `--count`, already read. */
  readonly count: number | undefined;
  /** `--service`. */
  readonly service: string | undefined;
}

/** The request and the task definition it runs. */
export interface LoadedRequest {
  readonly request: PlacementRequest;
  readonly taskDefinition: EcsTaskDefinition;
}

const KIND_NAMES = { cloudformation: 'a CloudFormation template', terraform: "Terraform's JSON" } as const;

/**
 * Reads the request and its task definition. A template or Terraform's JSON
 * given as `--request` may define the task definition itself, and then
 * `--task-definition` is optional (given, it replaces the document's).
 *
 * @param io - the outside world
 * @param files - the files and flags
 * @returns the request and its task definition
 * @throws {@link UsageError} naming the file and the JSON path of a fault, or
 *   the option that is missing or out of place
 */
export function loadPlacementRequest(io: CliIo, files: RequestFiles): LoadedRequest {
  const { request: file, resource, count } = files;
  const countOption = count === undefined ? {} : { count };
  const json = file === undefined ? undefined : readJsonFile(io, file, 'the --request file');
  const kind = file === undefined ? 'ecs' : documentKind(json);
  if (kind === 'ecs' || file === undefined) {
    if (resource !== undefined) {
      const what = file === undefined ? 'no --request file is given' : `${visible(file)} is neither`;
      throw new UsageError(`--resource chooses a service of a CloudFormation template or of Terraform's JSON given as --request, but ${what}.`);
    }
    const taskDefinition = loadTaskDefinition(io, files.taskDefinition, true);
    if (file === undefined) {
      // Without a request, RunTask's default: a launch type of container instances, which ECS must have validated the definition for.
      reportedAt(files.taskDefinition ?? '--task-definition', () => requireLaunchType(taskDefinition, undefined, ''));
      return { request: { task: taskDefinition.task, ...countOption }, taskDefinition };
    }
    return { request: reportedAt(file, () => fromPlacementRequest(json, taskDefinition, countOption)), taskDefinition };
  }
  const given = loadTaskDefinition(io, files.taskDefinition, false);
  const options = {
    ...countOption,
    ...(resource === undefined ? {} : { resource }),
    ...(given === undefined ? {} : { taskDefinition: given }),
    ...(files.service === undefined ? {} : { serviceName: files.service }),
  };
  const read = kind === 'cloudformation' ? fromCloudFormation : fromTerraform;
  const { request, taskDefinition } = reportedAt(file, () => read(json, options));
  return { request, taskDefinition };
}

function loadTaskDefinition(io: CliIo, file: string | undefined, needed: true): EcsTaskDefinition;
function loadTaskDefinition(io: CliIo, file: string | undefined, needed: false): EcsTaskDefinition | undefined;
function loadTaskDefinition(io: CliIo, file: string | undefined, needed: boolean): EcsTaskDefinition | undefined {
  if (file === undefined) {
    if (!needed) return undefined;
    throw new UsageError("--task-definition is required: the output of 'aws ecs describe-task-definition' or a RegisterTaskDefinition input. Run 'task-placement place --help' for the options.");
  }
  const json = readJsonFile(io, file, 'the --task-definition file');
  const kind = documentKind(json);
  if (kind !== 'ecs') {
    throw new UsageError(`${visible(file)} is ${KIND_NAMES[kind]}, not a task definition: give it as --request, which reads the service and the task definition it defines.`);
  }
  return reportedAt(file, () => readTaskDefinition(json));
}
