/**
 * Terraform's JSON (`terraform show -json`, of a state or a saved plan): an
 * `aws_ecs_service` and the `aws_ecs_task_definition` it runs, read into a
 * {@link PlacementRequest}.
 *
 * @module
 */
import { PlacementInputError } from '../model/PlacementInputError';
import { isRecord } from '../model/validation/fields';
import { indexPath, keyPath } from '../model/validation/paths';
import { validateName } from '../model/validation/validateName';
import { DocumentRewrite, type CopyRules } from './DocumentRewrite';
import type { EcsServiceRequest, EcsServiceRequestOptions } from './EcsServiceRequest';
import type { EcsTaskDefinition } from './EcsTaskDefinition';
import { fromCreateServiceRequest } from './fromPlacementRequest';
import { readTaskDefinition } from './fromTaskDefinition';
import { ecsError, optional, readArray, readRecord, readString, required, type JsonRecord } from './json';
import { matchTaskDefinition } from './matchTaskDefinition';

const SERVICE_TYPE = 'aws_ecs_service';
const TASK_DEFINITION_TYPE = 'aws_ecs_task_definition';

/** The service's attributes placement reads, by their names in CreateService. */
const SERVICE_ATTRIBUTES: readonly (readonly [string, string])[] = [
  ['name', 'serviceName'],
  ['desired_count', 'desiredCount'],
  ['launch_type', 'launchType'],
  ['capacity_provider_strategy', 'capacityProviderStrategy'],
  ['scheduling_strategy', 'schedulingStrategy'],
  ['ordered_placement_strategy', 'placementStrategy'],
  ['placement_constraints', 'placementConstraints'],
];

/** The task definition's attributes placement reads, by their names in RegisterTaskDefinition; `container_definitions` is JSON text. */
const TASK_DEFINITION_ATTRIBUTES: readonly (readonly [string, string])[] = [
  ['family', 'family'],
  ['cpu', 'cpu'],
  ['memory', 'memory'],
  ['network_mode', 'networkMode'],
  ['placement_constraints', 'placementConstraints'],
  ['container_definitions', 'containerDefinitions'],
  ['arn', 'taskDefinitionArn'],
  ['revision', 'revision'],
];

/** What identifies a registered task definition, which a plan knows only after apply for a new one. */
const IDENTITY = new Set(['taskDefinitionArn', 'revision']);
const UNKNOWN = 'expected a value, got one Terraform knows only after apply: read the state once applied, or write the value in its place';
const GIVE_TASK_DEFINITION = 'give that task definition as well (the taskDefinition option; --task-definition on the command line)';
const MODULE_STEP = /module\.([^.[]+)(?:\[[^\]]*\])?/g;
const TASK_DEFINITION_REFERENCE = /^aws_ecs_task_definition\.([^.[]+)(\[[^\]]*\])?/;

/** Below a service's attributes, the provider's names are ECS's (`type`, `field`), but for one. */
const NESTED_NAMES: readonly (readonly [string, string])[] = [['capacity_provider', 'capacityProvider']];

/** The provider writes an attribute it was not given as `""` or `null`; ECS would not have the field at all. */
const EMPTY_IS_ABSENT: CopyRules = {
  rename: (key) => NESTED_NAMES.find(([attribute]) => attribute === key)?.[1] ?? key,
  resolve: (value) => (value === '' || value === null ? { kind: 'absent' } : undefined),
};
const AS_IS: CopyRules = { rename: (key) => key };

/** A resource of the document. */
interface TerraformResource {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  /** Its `count` or `for_each` key, if any. */
  readonly index: unknown;
  /** The address of its module, `''` for the root module. */
  readonly module: string;
  readonly values: JsonRecord;
  /** Where it is in the document. */
  readonly path: string;
  /** What a plan knows only after apply: `after_unknown` of its change. */
  readonly unknown: JsonRecord;
}

/**
 * Reads an `aws_ecs_service` of `terraform show -json` output, with the
 * `aws_ecs_task_definition` it runs when the document describes it.
 *
 * @remarks
 * A state (`terraform show -json > state.json`: its `values`) or a saved
 * plan (`terraform plan -out=tfplan && terraform show -json tfplan`: its
 * `planned_values`), the root module's resources and every child module's.
 * A state file itself (`terraform.tfstate`) is refused: its layout is
 * Terraform's own, `show -json` prints the documented one.
 *
 * The service: `ordered_placement_strategy` (`type`, `field`),
 * `placement_constraints` (`type`, `expression`), `desired_count` (0, a
 * service scaled to zero, is `count: 0`), `name`, `launch_type`,
 * `capacity_provider_strategy` (`capacity_provider`, `weight`, `base`) and
 * `scheduling_strategy`, read as {@link fromCreateServiceRequest} reads
 * CreateService's fields, so `FARGATE` and `DAEMON` are refused; an attribute the provider writes as
 * `""` or `null` because it was not set is absent. Other attributes are not
 * read, nor refused: the provider, not a person, writes them, and adds
 * more from version to version.
 *
 * Its `task_definition`: the `aws_ecs_task_definition` of the document
 * whose `arn` or `family:revision` it is (or whose `family` or
 * `arn_without_revision`, when one only has it). In a plan where the
 * service's task definition is known only after apply, the plan's
 * `configuration` says which resource it refers to. That resource is read
 * as {@link readTaskDefinition} reads RegisterTaskDefinition's input:
 * `container_definitions` (JSON text, whose paths continue into it), `cpu`
 * and `memory` (text), `network_mode`, `placement_constraints`, `family`.
 * Like a RegisterTaskDefinition input it has no `requiresAttributes`,
 * which ECS adds at registration; give the registered task definition as
 * `options.taskDefinition` to place with them. A task definition the
 * document does not describe must be given that way.
 *
 * A value placement reads that a plan knows only after apply is refused
 * with `unresolved_value`.
 *
 * @param json - the parsed output of `terraform show -json`
 * @param options - which service (by address), the task definition, a count or a name that replaces the document's
 * @returns the request, the task definition and the service's address
 * @throws {@link task-placement!PlacementInputError} with the JSON path of the first
 *   fault (`values.root_module.resources[2].values.ordered_placement_strategy[0].field`):
 *   `ambiguous_service` when the document has several services and
 *   `options.resource` chooses none, `invalid_option` when it names no
 *   service, `unresolved_value`, and the codes of the ECS readers
 *
 * @example
 * ```ts
 * const { request, taskDefinition } = fromTerraform(plan, { resource: 'module.app.aws_ecs_service.web' });
 * cluster.place(request);
 * ```
 */
export function fromTerraform(json: unknown, options: EcsServiceRequestOptions = {}): EcsServiceRequest {
  if (options.serviceName !== undefined) validateName(options.serviceName, 'serviceName', 'service');
  const document = readRecord(json, '');
  if (document.format_version === undefined && document.lineage !== undefined) {
    throw ecsError('', 'expected the output of terraform show -json, got a state file (terraform.tfstate): give what terraform show -json prints for it');
  }
  const version = required(document, 'format_version', '', readString, 'terraform show -json prints it');
  if (!version.startsWith('1.')) throw ecsError('format_version', `expected a format 1.x, the one this reader knows, got ${JSON.stringify(version)}`, 'unsupported_ecs_feature');
  const resources = documentResources(document);
  const service = chooseService(resources, options.resource);
  const taskDefinition = serviceTaskDefinition(document, service, resources, options.taskDefinition);

  const valuesPath = keyPath(service.path, 'values');
  const rewrite = new DocumentRewrite(serviceAttributeName);
  rewrite.from('', valuesPath);
  const fields: Record<string, unknown> = {};
  for (const [attribute, field] of SERVICE_ATTRIBUTES) {
    if ((field === 'serviceName' && options.serviceName !== undefined) || (field === 'desiredCount' && options.count !== undefined)) continue;
    const copied = attributeValue(rewrite, service, attribute, field, EMPTY_IS_ABSENT);
    if (copied !== undefined) fields[field] = copied;
  }
  if (options.serviceName !== undefined) fields.serviceName = options.serviceName;
  const request = rewrite.read(() => fromCreateServiceRequest(fields, taskDefinition, options.count === undefined ? {} : { count: options.count }));
  return { request, taskDefinition, resource: service.address };
}

/** An attribute copied into the rewrite, or a placeholder when the plan knows it only after apply. */
function attributeValue(rewrite: DocumentRewrite, resource: TerraformResource, attribute: string, field: string, rules: CopyRules): unknown {
  const original = keyPath(keyPath(resource.path, 'values'), attribute);
  if (containsTrue(resource.unknown[attribute])) return rewrite.placeholder(field, original, UNKNOWN);
  const value = resource.values[attribute];
  return value === undefined ? undefined : rewrite.copy(value, field, original, rules, field);
}

/** Whether `after_unknown` marks a value, or a part of it, as known only after apply. */
function containsTrue(marks: unknown): boolean {
  if (marks === true) return true;
  if (Array.isArray(marks)) return marks.some(containsTrue);
  return isRecord(marks) && Object.values(marks).some(containsTrue);
}

/** The managed services and task definitions of a state's `values` or a plan's `planned_values`. */
function documentResources(document: JsonRecord): TerraformResource[] {
  const key = document.planned_values !== undefined ? 'planned_values' : document.values !== undefined ? 'values' : undefined;
  if (key === undefined) {
    throw ecsError('', `expected values (terraform show -json of a state) or planned_values (of a saved plan), but there are neither: the document describes no ${SERVICE_TYPE}`);
  }
  const unknowns = key === 'planned_values' ? unknownsByAddress(document) : new Map<string, JsonRecord>();
  const root = readRecord(document[key], key).root_module;
  const resources: TerraformResource[] = [];
  if (root !== undefined && root !== null) collect(root, keyPath(key, 'root_module'), unknowns, resources);
  return resources;
}

function collect(value: unknown, path: string, unknowns: ReadonlyMap<string, JsonRecord>, into: TerraformResource[]): void {
  const module = readRecord(value, path);
  const moduleAddress = optional(module, 'address', path, readString) ?? '';
  (optional(module, 'resources', path, readArray) ?? []).forEach((item, index) => {
    const itemPath = indexPath(keyPath(path, 'resources'), index);
    const resource = readRecord(item, itemPath);
    const type = optional(resource, 'type', itemPath, readString);
    // Data sources describe what exists elsewhere; only managed resources are what the configuration deploys.
    if ((type !== SERVICE_TYPE && type !== TASK_DEFINITION_TYPE) || (optional(resource, 'mode', itemPath, readString) ?? 'managed') !== 'managed') return;
    const address = required(resource, 'address', itemPath, readString, 'terraform show -json names every resource');
    into.push({
      address,
      type,
      name: required(resource, 'name', itemPath, readString, 'terraform show -json names every resource'),
      index: resource.index,
      module: moduleAddress,
      values: optional(resource, 'values', itemPath, readRecord) ?? {},
      path: itemPath,
      unknown: unknowns.get(address) ?? {},
    });
  });
  (optional(module, 'child_modules', path, readArray) ?? []).forEach((child, index) => collect(child, indexPath(keyPath(path, 'child_modules'), index), unknowns, into));
}

/** `after_unknown` of each resource change of a plan, by address. */
function unknownsByAddress(document: JsonRecord): Map<string, JsonRecord> {
  const unknowns = new Map<string, JsonRecord>();
  const changes = Array.isArray(document.resource_changes) ? document.resource_changes : [];
  for (const change of changes) {
    if (!isRecord(change) || typeof change.address !== 'string' || !isRecord(change.change)) continue;
    const afterUnknown = change.change.after_unknown;
    if (isRecord(afterUnknown)) unknowns.set(change.address, afterUnknown);
  }
  return unknowns;
}

function chooseService(resources: readonly TerraformResource[], chosen: string | undefined): TerraformResource {
  const services = resources.filter((resource) => resource.type === SERVICE_TYPE);
  const list = services.length === 0 ? 'it has none' : `its services are ${services.map((service) => service.address).join(', ')}`;
  if (chosen !== undefined) {
    const service = services.find((candidate) => candidate.address === chosen);
    if (service !== undefined) return service;
    throw new PlacementInputError('invalid_option', '', `expected the address of an ${SERVICE_TYPE}, but the document has none at ${JSON.stringify(chosen)}; ${list}`);
  }
  const [only] = services;
  if (only === undefined) throw ecsError('', `expected a managed ${SERVICE_TYPE} resource, but the document has none`);
  if (services.length === 1) return only;
  throw new PlacementInputError('ambiguous_service', '', `expected one ${SERVICE_TYPE}, but the document has ${services.length}: ${services.map((service) => service.address).join(', ')}; choose one by its address (the resource option; --resource on the command line)`);
}

/** The task definition a service runs: the document's, or the one given, checked against the service's. */
function serviceTaskDefinition(document: JsonRecord, service: TerraformResource, resources: readonly TerraformResource[], given: EcsTaskDefinition | undefined): EcsTaskDefinition {
  const path = keyPath(keyPath(service.path, 'values'), 'task_definition');
  const reference = service.values.task_definition;
  if (typeof reference === 'string' && reference !== '') {
    if (given !== undefined) {
      matchTaskDefinition(reference, path, given);
      return given;
    }
    const target = namedTaskDefinition(reference, resources);
    if (target !== undefined) return readTerraformTaskDefinition(target);
    throw new PlacementInputError('unresolved_value', path, `expected a task definition this document describes, but this names ${JSON.stringify(reference)}, which it does not: ${GIVE_TASK_DEFINITION}`);
  }
  if (containsTrue(service.unknown.task_definition)) {
    const target = configuredTaskDefinition(document, service, resources);
    if (given === undefined && target !== undefined) return readTerraformTaskDefinition(target);
    if (given === undefined) {
      throw new PlacementInputError('unresolved_value', path, `expected a value, got one Terraform knows only after apply, of no ${TASK_DEFINITION_TYPE} the plan's configuration shows: ${GIVE_TASK_DEFINITION}`);
    }
    const family = target?.values.family;
    if (typeof family === 'string' && family !== given.family) {
      throw new PlacementInputError('task_definition_mismatch', path, `expected the task definition given (${given.family}), but the service runs ${target?.address ?? ''}, of family ${JSON.stringify(family)}`);
    }
    return given;
  }
  if (given !== undefined) return given;
  throw ecsError(path, 'expected this attribute, the task definition the service runs; or give the task definition (the taskDefinition option; --task-definition on the command line)');
}

/** The task definition a service's `task_definition` names: by ARN or `family:revision`, else by family alone when one has it. */
function namedTaskDefinition(reference: string, resources: readonly TerraformResource[]): TerraformResource | undefined {
  const definitions = resources.filter((resource) => resource.type === TASK_DEFINITION_TYPE);
  const identity = (resource: TerraformResource) => `${String(resource.values.family)}:${String(resource.values.revision)}`;
  const exact = definitions.filter((resource) => resource.values.arn === reference || identity(resource) === reference);
  if (exact.length === 1) return exact[0];
  const latest = definitions.filter((resource) => resource.values.family === reference || resource.values.arn_without_revision === reference);
  return latest.length === 1 ? latest[0] : undefined;
}

/** The task definition a plan's configuration gives the service, by its reference (`aws_ecs_task_definition.web.arn`). */
function configuredTaskDefinition(document: JsonRecord, service: TerraformResource, resources: readonly TerraformResource[]): TerraformResource | undefined {
  let module: unknown = isRecord(document.configuration) ? document.configuration.root_module : undefined;
  for (const [, call] of service.module.matchAll(MODULE_STEP)) {
    const calls = isRecord(module) ? module.module_calls : undefined;
    const moduleCall = isRecord(calls) && call !== undefined ? calls[call] : undefined;
    module = isRecord(moduleCall) ? moduleCall.module : undefined;
  }
  const configured = isRecord(module) && Array.isArray(module.resources)
    ? module.resources.find((resource) => isRecord(resource) && resource.address === `${service.type}.${service.name}`)
    : undefined;
  const expressions = isRecord(configured) ? configured.expressions : undefined;
  const expression = isRecord(expressions) ? expressions.task_definition : undefined;
  const references = isRecord(expression) && Array.isArray(expression.references) ? expression.references : [];
  for (const reference of references) {
    const match = typeof reference === 'string' ? TASK_DEFINITION_REFERENCE.exec(reference) : null;
    if (match === null) continue;
    const [, name, key] = match;
    const candidates = resources.filter((resource) => resource.type === TASK_DEFINITION_TYPE && resource.module === service.module && resource.name === name
      && (key === undefined || JSON.stringify(resource.index) === key.slice(1, -1)));
    if (candidates.length === 1) return candidates[0];
  }
  return undefined;
}

function readTerraformTaskDefinition(resource: TerraformResource): EcsTaskDefinition {
  const valuesPath = keyPath(resource.path, 'values');
  const rewrite = new DocumentRewrite(taskDefinitionAttributeName);
  rewrite.from('', valuesPath);
  const definition: Record<string, unknown> = {};
  for (const [attribute, field] of TASK_DEFINITION_ATTRIBUTES) {
    // A new task definition has its ARN and revision only once registered; placement does without them.
    if (IDENTITY.has(field) && containsTrue(resource.unknown[attribute])) continue;
    const copied = attribute === 'container_definitions'
      ? containerDefinitions(rewrite, resource)
      : attributeValue(rewrite, resource, attribute, field, EMPTY_IS_ABSENT);
    if (copied !== undefined) definition[field] = copied;
  }
  return rewrite.read(() => readTaskDefinition(definition));
}

/** `container_definitions`, JSON text in Terraform, as the array RegisterTaskDefinition takes. */
function containerDefinitions(rewrite: DocumentRewrite, resource: TerraformResource): unknown {
  const original = keyPath(keyPath(resource.path, 'values'), 'container_definitions');
  if (containsTrue(resource.unknown.container_definitions)) return rewrite.placeholder('containerDefinitions', original, UNKNOWN);
  const text = resource.values.container_definitions;
  if (typeof text !== 'string') return text === undefined || text === null ? undefined : rewrite.copy(text, 'containerDefinitions', original, AS_IS);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw ecsError(original, `expected the container definitions as JSON text, as the provider writes them: ${(error as Error).message}`);
  }
  return rewrite.copy(parsed, 'containerDefinitions', original, AS_IS);
}

/** The attribute a field of the rewrite comes from; below the attributes, names are the same (`type`, `field`, `containerPort` in the JSON text). */
function serviceAttributeName(field: string): string {
  return [...SERVICE_ATTRIBUTES, ...NESTED_NAMES].find(([, name]) => name === field)?.[0] ?? field;
}

function taskDefinitionAttributeName(field: string): string {
  return TASK_DEFINITION_ATTRIBUTES.find(([, name]) => name === field)?.[0] ?? field;
}
