/**
 * CloudFormation templates: an `AWS::ECS::Service` and the
 * `AWS::ECS::TaskDefinition` it runs, read into a {@link PlacementRequest}.
 *
 * @module
 */
import { PlacementInputError } from '../model/PlacementInputError';
import { isRecord } from '../model/validation/fields';
import { keyPath } from '../model/validation/paths';
import { validateName } from '../model/validation/validateName';
import { DocumentRewrite, type CopyRules, type Resolution } from './DocumentRewrite';
import type { EcsServiceRequest, EcsServiceRequestOptions } from './EcsServiceRequest';
import type { EcsTaskDefinition } from './EcsTaskDefinition';
import { fromCreateServiceRequest } from './fromPlacementRequest';
import { readTaskDefinition } from './fromTaskDefinition';
import { ecsError, optional, readRecord, required, type JsonRecord } from './json';
import { matchTaskDefinition } from './matchTaskDefinition';
import { refuseUnknownFields } from './refuseUnknownFields';

/** The properties of an `AWS::ECS::Service`, as the CloudFormation template reference lists them. */
const SERVICE_PROPERTIES: readonly string[] = [
  'AvailabilityZoneRebalancing', 'CapacityProviderStrategy', 'Cluster', 'DeploymentConfiguration', 'DeploymentController',
  'DesiredCount', 'EnableECSManagedTags', 'EnableExecuteCommand', 'ForceNewDeployment', 'HealthCheckGracePeriodSeconds',
  'LaunchType', 'LoadBalancers', 'NetworkConfiguration', 'PlacementConstraints', 'PlacementStrategies', 'PlatformVersion',
  'PropagateTags', 'Role', 'SchedulingStrategy', 'ServiceConnectConfiguration', 'ServiceName', 'ServiceRegistries', 'Tags',
  'TaskDefinition', 'VolumeConfigurations', 'VpcLatticeConfigurations',
];

/** The service properties placement reads, by their names in CreateService. */
const READ_PROPERTIES: readonly (readonly [string, string])[] = [
  ['ServiceName', 'serviceName'],
  ['DesiredCount', 'desiredCount'],
  ['LaunchType', 'launchType'],
  ['CapacityProviderStrategy', 'capacityProviderStrategy'],
  ['SchedulingStrategy', 'schedulingStrategy'],
  ['PlacementStrategies', 'placementStrategy'],
  ['PlacementConstraints', 'placementConstraints'],
];

/** Integer properties CloudFormation also takes as text (`"512"`), and converts. */
const INTEGER_FIELDS: ReadonlySet<string> = new Set(['desiredCount', 'cpu', 'memory', 'memoryReservation', 'containerPort', 'hostPort', 'weight', 'base']);
const DIGITS = /^\d{1,15}$/;
/** Fields placement does not need, which a template often builds with a function (an image's tag from a parameter). */
const DESCRIPTIVE_FIELDS: ReadonlySet<string> = new Set(['image', 'name']);
const RESOURCE_TYPE_SERVICE = 'AWS::ECS::Service';
const RESOURCE_TYPE_TASK_DEFINITION = 'AWS::ECS::TaskDefinition';
const RESOURCE_TYPE_CAPACITY_PROVIDER = 'AWS::ECS::CapacityProvider';
const GIVE_TASK_DEFINITION = 'give that task definition as well (the taskDefinition option; --task-definition on the command line)';

/**
 * Reads the `AWS::ECS::Service` of a CloudFormation template, with the
 * `AWS::ECS::TaskDefinition` it runs when the template defines it.
 *
 * @remarks
 * The template is JSON, parsed: the output of
 * `aws cloudformation get-template --query TemplateBody` (or the whole
 * output, with its `TemplateBody`), of `cdk synth`, or a YAML template
 * converted by `cfn-flip`. A YAML template's text is refused: reading YAML
 * would take a dependency the library does not have.
 *
 * The service: `PlacementStrategies` and `PlacementConstraints` (`Type`,
 * `Field`, `Expression`), `DesiredCount` (1 when absent, as CloudFormation
 * creates the service), `ServiceName` (the logical id when absent, where
 * CloudFormation would generate one), `LaunchType`, `CapacityProviderStrategy`
 * and `SchedulingStrategy`, read as {@link fromCreateServiceRequest} reads
 * CreateService's fields: so `FARGATE` and `DAEMON` are refused. A
 * `DesiredCount` of 0 is read as `count: 0`, nothing to place. A property an `AWS::ECS::Service` does
 * not have is refused with `unknown_field`.
 *
 * Its `TaskDefinition`: a `Ref` or `Fn::GetAtt` to an
 * `AWS::ECS::TaskDefinition` of the template is read as
 * {@link readTaskDefinition} reads RegisterTaskDefinition's input (the
 * properties' names with their first letter in lower case), its `Family`
 * being the logical id when CloudFormation would generate one. Like a
 * RegisterTaskDefinition input it has no `requiresAttributes`, which ECS
 * adds at registration; give the registered task definition as
 * `options.taskDefinition` to place with them. A task definition the
 * template does not define must be given that way.
 *
 * Intrinsic functions: a `Ref` to a parameter with a `Default` is that
 * default (a `Number` parameter's as a number); a `Ref` to `AWS::NoValue`
 * removes the property; a `Ref` to an `AWS::ECS::CapacityProvider` with a
 * `Name` is that name, as CloudFormation resolves it (the CDK writes a
 * strategy's provider so). Any other function (`Fn::Sub`, `Fn::If`, a `Ref`
 * to a parameter without a default or to a pseudo parameter...) where
 * placement reads a value is refused with `unresolved_value`, naming its
 * path; functions elsewhere (a role's ARN from `Fn::GetAtt`) are not read,
 * and a container's `Image` or `Name` built with one is left out.
 * Integers written as text, such as `"512"`, are read as CloudFormation
 * reads them.
 *
 * @param json - the parsed template
 * @param options - which service, the task definition, a count or a name that replaces the template's
 * @returns the request, the task definition and the service's logical id
 * @throws {@link task-placement!PlacementInputError} with the template path of the first
 *   fault (`Resources.WebService.Properties.PlacementStrategies[1].Field`):
 *   `ambiguous_service` when the template has several services and
 *   `options.resource` chooses none, `invalid_option` when it names no
 *   service, `unresolved_value`, `unknown_field`, and the codes of the ECS readers
 *
 * @example
 * ```ts
 * const { request, taskDefinition } = fromCloudFormation(template, { resource: 'WebService' });
 * const result = cluster.place(request);
 * toRunTaskResponse(result, { request, taskDefinition, instances: cluster.instances() });
 * ```
 */
export function fromCloudFormation(json: unknown, options: EcsServiceRequestOptions = {}): EcsServiceRequest {
  if (options.serviceName !== undefined) validateName(options.serviceName, 'serviceName', 'service');
  const [template, path] = readTemplate(json);
  const resourcesPath = keyPath(path, 'Resources');
  const resources = required(template, 'Resources', path, readRecord, 'every template has Resources');
  const parameters = optional(template, 'Parameters', path, readRecord) ?? {};
  const id = chooseService(resources, resourcesPath, options.resource, template.Transform !== undefined);
  const servicePath = keyPath(resourcesPath, id);
  const propertiesPath = keyPath(servicePath, 'Properties');
  const properties = optional(readRecord(resources[id], servicePath), 'Properties', servicePath, readRecord) ?? {};
  refuseUnknownFields(properties, propertiesPath, SERVICE_PROPERTIES, `an ${RESOURCE_TYPE_SERVICE}`);
  const rules: CopyRules = { rename: camelCase, resolve: resolver(parameters, resources), convert: integerFromText };
  const taskDefinition = serviceTaskDefinition(properties, propertiesPath, resources, resourcesPath, rules, options.taskDefinition);

  const rewrite = new DocumentRewrite(servicePropertyName);
  rewrite.from('', propertiesPath);
  const service: Record<string, unknown> = {};
  for (const [property, field] of READ_PROPERTIES) {
    if ((field === 'serviceName' && options.serviceName !== undefined) || (field === 'desiredCount' && options.count !== undefined)) continue;
    const value = properties[property];
    const copied = value === undefined ? undefined : rewrite.copy(value, field, keyPath(propertiesPath, property), rules, field);
    if (copied !== undefined) service[field] = copied;
  }
  // CloudFormation generates a name where the template gives none, and creates a service with one task.
  service.serviceName ??= options.serviceName ?? id;
  if (options.count === undefined) service.desiredCount ??= 1;
  const request = rewrite.read(() => fromCreateServiceRequest(service, taskDefinition, options.count === undefined ? {} : { count: options.count }));
  return { request, taskDefinition, resource: id };
}

/** The template, from itself, its text, or the output of `get-template` around it. */
function readTemplate(json: unknown): [JsonRecord, string] {
  const wrapped = isRecord(json) && json.Resources === undefined && json.TemplateBody !== undefined;
  const [body, path] = wrapped ? [json.TemplateBody, 'TemplateBody'] : [json, ''];
  if (typeof body !== 'string') return [readRecord(body, path), path];
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw ecsError(path, 'expected a template in JSON, got text that is not JSON (a YAML template?): convert it to JSON first, for example with cfn-flip (cfn-flip template.yaml > template.json)');
  }
  return [readRecord(parsed, path), path];
}

function chooseService(resources: JsonRecord, path: string, chosen: string | undefined, transformed: boolean): string {
  const services = Object.keys(resources).filter((id) => typeOf(resources[id]) === RESOURCE_TYPE_SERVICE);
  const list = services.length === 0 ? 'it has none' : `its services are ${services.join(', ')}`;
  if (chosen !== undefined) {
    if (services.includes(chosen)) return chosen;
    const what = resources[chosen] === undefined ? 'the template has no resource' : `the resource is of type ${String(typeOf(resources[chosen]))}, not ${RESOURCE_TYPE_SERVICE}:`;
    throw new PlacementInputError('invalid_option', path, `expected the logical id of an ${RESOURCE_TYPE_SERVICE}, but ${what} ${JSON.stringify(chosen)}; ${list}`);
  }
  const [only] = services;
  if (only !== undefined && services.length === 1) return only;
  if (only === undefined) {
    const hint = transformed ? ': it has a Transform, so give the processed template (aws cloudformation get-template --template-stage Processed)' : '';
    throw ecsError(path, `expected an ${RESOURCE_TYPE_SERVICE} resource, but the template has none${hint}`);
  }
  throw new PlacementInputError('ambiguous_service', path, `expected one ${RESOURCE_TYPE_SERVICE}, but the template has ${services.length}: ${services.join(', ')}; choose one by its logical id (the resource option; --resource on the command line)`);
}

function typeOf(resource: unknown): unknown {
  return isRecord(resource) ? resource.Type : undefined;
}

/** The task definition a service runs: the template's, or the one given, checked against the service's reference. */
function serviceTaskDefinition(
  properties: JsonRecord, propertiesPath: string, resources: JsonRecord, resourcesPath: string, rules: CopyRules, given: EcsTaskDefinition | undefined,
): EcsTaskDefinition {
  const path = keyPath(propertiesPath, 'TaskDefinition');
  const reference = properties.TaskDefinition;
  if (reference === undefined || reference === null) {
    if (given !== undefined) return given;
    throw ecsError(path, 'expected this property, the task definition the service runs; or give the task definition (the taskDefinition option; --task-definition on the command line)');
  }
  const target = referencedResource(reference, resources);
  if (target !== undefined) {
    const targetPath = keyPath(resourcesPath, target);
    const resource = readRecord(resources[target], targetPath);
    if (resource.Type !== RESOURCE_TYPE_TASK_DEFINITION) {
      throw ecsError(path, `expected a reference to an ${RESOURCE_TYPE_TASK_DEFINITION}, but ${target} is of type ${String(resource.Type)}`);
    }
    if (given === undefined) return readTemplateTaskDefinition(resource, target, targetPath, rules);
    checkFamily(resource, rules, given, path, target);
    return given;
  }
  const resolution = rules.resolve?.(reference, undefined) ?? { kind: 'value', value: reference };
  if (given !== undefined) {
    if (resolution.kind === 'value') matchTaskDefinition(resolution.value, path, given);
    return given;
  }
  const what = resolution.kind === 'value' ? `names ${JSON.stringify(resolution.value)}, which the template does not define` : 'is a function the reader cannot evaluate';
  throw new PlacementInputError('unresolved_value', path, `expected a task definition of this template (a Ref or Fn::GetAtt to an ${RESOURCE_TYPE_TASK_DEFINITION}), but this ${what}: ${GIVE_TASK_DEFINITION}`);
}

/** The logical id a `Ref` or `Fn::GetAtt` points at, when it is a resource of the template. */
function referencedResource(reference: unknown, resources: JsonRecord): string | undefined {
  const found = intrinsic(reference);
  if (found === undefined) return undefined;
  const [name, argument] = found;
  let id: unknown;
  if (name === 'Ref') id = argument;
  else if (name === 'Fn::GetAtt') id = Array.isArray(argument) ? argument[0] : typeof argument === 'string' ? argument.split('.')[0] : undefined;
  return typeof id === 'string' && resources[id] !== undefined ? id : undefined;
}

/** A task definition given in the template's place must be of the family the template defines, when the template says. */
function checkFamily(resource: JsonRecord, rules: CopyRules, given: EcsTaskDefinition, at: string, target: string): void {
  const properties = resource.Properties;
  if (!isRecord(properties) || properties.Family === undefined) return;
  const resolution = rules.resolve?.(properties.Family, undefined) ?? { kind: 'value', value: properties.Family };
  if (resolution.kind !== 'value' || typeof resolution.value !== 'string' || resolution.value === given.family) return;
  throw new PlacementInputError(
    'task_definition_mismatch', at,
    `expected the task definition given (${given.family}), but the service runs ${target}, of family ${JSON.stringify(resolution.value)}`,
  );
}

function readTemplateTaskDefinition(resource: JsonRecord, id: string, path: string, rules: CopyRules): EcsTaskDefinition {
  const propertiesPath = keyPath(path, 'Properties');
  const properties = optional(resource, 'Properties', path, readRecord) ?? {};
  const rewrite = new DocumentRewrite(pascalCase);
  const definition = rewrite.copy(properties, '', propertiesPath, rules);
  // CloudFormation names the family after the stack when the template does not; the logical id stands in for it.
  if (isRecord(definition) && (definition.family === undefined || definition.family instanceof String)) {
    return rewrite.read(() => readTaskDefinition({ ...definition, family: id }));
  }
  return rewrite.read(() => readTaskDefinition(definition));
}

/** An intrinsic function: an object whose one key is `Ref` or `Fn::...`. */
function intrinsic(value: unknown): [string, unknown] | undefined {
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  const [name] = keys;
  if (keys.length !== 1 || name === undefined || !(name === 'Ref' || name.startsWith('Fn::'))) return undefined;
  return [name, value[name]];
}

function resolver(parameters: JsonRecord, resources: JsonRecord): (value: unknown, key: string | undefined) => Resolution | undefined {
  const resolve = intrinsicValue(parameters, resources);
  return (value, key) => {
    const resolution = resolve(value);
    // What a container is called and runs says nothing of where its task goes: left out rather than refused.
    return resolution?.kind === 'unresolved' && key !== undefined && DESCRIPTIVE_FIELDS.has(key) ? { kind: 'absent' } : resolution;
  };
}

function intrinsicValue(parameters: JsonRecord, resources: JsonRecord): (value: unknown) => Resolution | undefined {
  return (value) => {
    const found = intrinsic(value);
    if (found === undefined) return undefined;
    const [name, argument] = found;
    if (name !== 'Ref' || typeof argument !== 'string') return unresolved(`${name}, which this reader does not evaluate`);
    if (argument === 'AWS::NoValue') return { kind: 'absent' };
    const parameter = parameters[argument];
    if (isRecord(parameter)) {
      if (parameter.Default === undefined || parameter.Default === null) return unresolved(`a Ref to the parameter ${argument}, which has no Default`);
      return { kind: 'value', value: parameterDefault(parameter) };
    }
    if (argument.startsWith('AWS::')) return unresolved(`a Ref to the pseudo parameter ${argument}, known only when the stack is deployed`);
    const resource = resources[argument];
    if (isRecord(resource) && resource.Type === RESOURCE_TYPE_CAPACITY_PROVIDER) return capacityProviderName(argument, resource);
    if (resource !== undefined) return unresolved(`a Ref to the resource ${argument}, known only once CloudFormation creates it`);
    return unresolved(`a Ref to ${argument}, which is neither a parameter nor a resource of the template`);
  };
}

/** A capacity provider's Ref is its name: the template's `Name`, or one CloudFormation makes up when it creates the provider. */
function capacityProviderName(id: string, resource: JsonRecord): Resolution {
  const name = isRecord(resource.Properties) ? resource.Properties.Name : undefined;
  if (typeof name === 'string') return { kind: 'value', value: name };
  return {
    kind: 'unresolved',
    summary: `expected a value, got a Ref to the capacity provider ${id}, whose name CloudFormation makes up when it creates it: give the provider a Name (capacityProviderName in the CDK), or write its name in the Ref's place`,
  };
}

function unresolved(what: string): Resolution {
  return { kind: 'unresolved', summary: `expected a value, got ${what}: write the resolved value in its place` };
}

/** A parameter's default as CloudFormation passes it: a number for a `Number`, a list for a list type. */
function parameterDefault(parameter: JsonRecord): unknown {
  const value = parameter.Default;
  const type = typeof parameter.Type === 'string' ? parameter.Type : 'String';
  if (typeof value === 'string' && (type === 'CommaDelimitedList' || type.startsWith('List<'))) return value.split(',').map((item) => item.trim());
  if (type === 'Number' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return value;
}

function integerFromText(value: unknown, key: string | undefined): unknown {
  return typeof value === 'string' && key !== undefined && INTEGER_FIELDS.has(key) && DIGITS.test(value) ? Number(value) : value;
}

function camelCase(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function servicePropertyName(field: string): string {
  return READ_PROPERTIES.find(([, name]) => name === field)?.[0] ?? pascalCase(field);
}
