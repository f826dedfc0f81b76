/**
 * Task definitions as RegisterTaskDefinition takes them and
 * DescribeTaskDefinition returns them, valid or broken in one way.
 *
 * @module
 */
import * as fc from 'fast-check';
import { choiceItem, fail, integer, readFields, where, type Where } from '../internal/readConstraints';
import { mostly, sometimes } from '../internal/sometimes';
import type { EcsFault, EcsJsonCase, EcsJsonObject, EcsJsonValidity } from './EcsJsonCase';
import { readFaults, readValidity, under, withFaults, type Fault } from './withFaults';

/** Which shape of task definition to generate. */
export type TaskDefinitionForm = 'input' | 'described' | 'either';

/** The ways {@link taskDefinition} breaks a task definition, as {@link EcsFault.kind} names them. */
export type TaskDefinitionFault =
  | 'missing_family' | 'unnamable_family' | 'no_containers' | 'unknown_network_mode' | 'unknown_cpu_unit'
  | 'fractional_cpu' | 'unknown_architecture' | 'reservation_above_memory' | 'no_memory' | 'port_out_of_range'
  | 'host_port_twice' | 'every_gpu' | 'distinct_instance' | 'revision_zero';

/** What {@link taskDefinition} may generate. */
export interface TaskDefinitionConstraints {
  /**
   * Valid task definitions, task definitions broken in exactly one way, or both.
   * @defaultValue `'valid'`
   */
  readonly validity?: EcsJsonValidity;
  /**
   * A RegisterTaskDefinition input (`{ family, containerDefinitions, ... }`),
   * DescribeTaskDefinition's output (`{ taskDefinition: { taskDefinitionArn,
   * revision, compatibilities, ... } }`), or either.
   * @defaultValue `'either'`
   */
  readonly form?: TaskDefinitionForm;
  /**
   * The most containers in a definition, up to 10.
   * @defaultValue `3`
   */
  readonly maxContainers?: number;
  /**
   * The ways to break a definition, with `validity` `'invalid'` or
   * `'mixed'`; the first is the one counter-examples shrink to.
   * @defaultValue every one
   */
  readonly faults?: readonly TaskDefinitionFault[];
}

const KEYS = ['validity', 'form', 'maxContainers', 'faults'];
const FORMS: readonly TaskDefinitionForm[] = ['input', 'described', 'either'];
const MAX_CONTAINERS = 10;
const FAMILIES = ['web', 'worker', 'batch'];
const IMAGES = ['public.ecr.aws/nginx/nginx:1.27', 'public.ecr.aws/docker/library/redis:7', 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable'];
const PORTS = [80, 443, 8080, 9090];
const CAPABILITIES = ['com.amazonaws.ecs.capability.docker-remote-api.1.19', 'com.amazonaws.ecs.capability.logging-driver.awslogs'];
const EXPRESSIONS = ['attribute:ecs.os-type == linux', 'attribute:stack == prod', 'attribute:ecs.instance-type =~ t3.*'];

type NetworkMode = 'bridge' | 'host' | 'awsvpc';

function containers(family: string, mode: NetworkMode, maxContainers: number): fc.Arbitrary<EcsJsonObject[]> {
  const container = fc.record({
    image: fc.constantFrom(...IMAGES),
    cpu: sometimes(fc.constantFrom(256, 128, 512), 0.7, undefined),
    memory: fc.constantFrom(512, 256, 1024),
    reserve: fc.boolean(),
    dynamic: fc.boolean(),
  });
  return fc.tuple(fc.array(container, { minLength: 1, maxLength: maxContainers }), fc.subarray(PORTS), fc.array(fc.nat(), { maxLength: PORTS.length }))
    .map(([drawn, ports, owners]) => drawn.map((spec, index) => {
      // Each port goes to one container: a port mapped twice is a fault of its own (host_port_twice), not a valid definition.
      const mine = ports.filter((_, port) => (owners[port] ?? 0) % drawn.length === index);
      return {
        name: index === 0 ? family : `${family}-sidecar-${index}`,
        image: spec.image,
        ...(spec.cpu === undefined ? {} : { cpu: spec.cpu }),
        memory: spec.memory,
        ...(spec.reserve ? { memoryReservation: spec.memory / 2 } : {}),
        essential: index === 0,
        portMappings: mine.map((port) => ({ containerPort: port, hostPort: mode === 'bridge' && spec.dynamic ? 0 : port, protocol: 'tcp' })),
        environment: [],
        mountPoints: [],
        volumesFrom: [],
      };
    }));
}

function definition(maxContainers: number, form: TaskDefinitionForm): fc.Arbitrary<EcsJsonObject> {
  return fc.record({
    family: fc.constantFrom(...FAMILIES),
    mode: mostly<NetworkMode>('bridge', [[fc.constant('host'), 0.2], [fc.constant('awsvpc'), 0.2]]),
    cpu: sometimes(fc.constantFrom<string | number>('256', '512', '1 vCPU', '0.5 vCPU', 1024), 0.4, undefined),
    memory: sometimes(fc.constantFrom<string | number>('512', '1 GB', '2GB', 2048), 0.4, undefined),
    requires: fc.subarray(CAPABILITIES),
    expression: sometimes(fc.constantFrom(...EXPRESSIONS), 0.3, undefined),
    architecture: sometimes(fc.constantFrom('X86_64', 'ARM64'), 0.3, undefined),
    revision: fc.integer({ min: 1, max: 40 }),
    described: form === 'either' ? fc.boolean() : fc.constant(form === 'described'),
  }).chain((drawn) => containers(drawn.family, drawn.mode, maxContainers).map((containerDefinitions) => {
    const input: EcsJsonObject = {
      family: drawn.family,
      networkMode: drawn.mode,
      containerDefinitions,
      ...(drawn.cpu === undefined ? {} : { cpu: drawn.cpu }),
      ...(drawn.memory === undefined ? {} : { memory: drawn.memory }),
      ...(drawn.expression === undefined ? {} : { placementConstraints: [{ type: 'memberOf', expression: drawn.expression }] }),
      ...(drawn.architecture === undefined ? {} : { runtimePlatform: { cpuArchitecture: drawn.architecture, operatingSystemFamily: 'LINUX' } }),
      volumes: [],
    };
    if (!drawn.described) return { ...input, requiresCompatibilities: ['EC2'] };
    return {
      taskDefinition: {
        taskDefinitionArn: `arn:aws:ecs:us-east-1:123456789012:task-definition/${drawn.family}:${drawn.revision}`,
        ...input,
        revision: drawn.revision,
        status: 'ACTIVE',
        requiresAttributes: drawn.requires.map((name) => ({ name })),
        compatibilities: ['EXTERNAL', 'EC2'],
        requiresCompatibilities: ['EC2'],
        registeredAt: '2025-02-27T16:41:09.381000+00:00',
        registeredBy: 'arn:aws:iam::123456789012:role/deploy',
      },
      tags: [],
    };
  }));
}

interface Definition extends EcsJsonObject {
  containerDefinitions: Container[];
}
interface Container extends EcsJsonObject {
  portMappings: EcsJsonObject[];
}

/** The definition inside a document, and the path it is read at. */
function inner(state: EcsJsonObject): [Definition, string] {
  const wrapped = state['taskDefinition'];
  return wrapped === undefined ? [state as Definition, ''] : [wrapped as Definition, 'taskDefinition'];
}

/** The container a fault breaks, and its path. */
function container(state: EcsJsonObject, pick: number): [Container, string] {
  const [definition, prefix] = inner(state);
  const index = pick % definition.containerDefinitions.length;
  return [definition.containerDefinitions[index] as Container, under(prefix, `containerDefinitions[${index}]`)];
}

/** A fault that sets one field of the definition. */
function setField(kind: TaskDefinitionFault, field: string, value: unknown, code: 'invalid_ecs_json' | 'invalid_name' | 'invalid_resource'): Fault<EcsJsonObject, TaskDefinitionFault> {
  return {
    kind,
    inject: (state) => {
      const [definition, prefix] = inner(state);
      definition[field] = value;
      return { path: under(prefix, field), code };
    },
  };
}

/** The first static host port of a definition: where it is, and the mapping that binds it. */
function staticPort(state: EcsJsonObject): { mapping: EcsJsonObject; field: string } | undefined {
  const [definition] = inner(state);
  const mode = definition['networkMode'];
  if (mode !== 'bridge' && mode !== 'host') return undefined;
  const mappings = definition.containerDefinitions.flatMap((each) => each.portMappings);
  const mapping = mappings.find((each) => mode === 'host' || Number(each['hostPort']) > 0);
  return mapping === undefined ? undefined : { mapping, field: mode === 'host' ? 'containerPort' : 'hostPort' };
}

const FAULTS: readonly Fault<EcsJsonObject, TaskDefinitionFault>[] = [
  {
    kind: 'missing_family',
    inject: (state) => {
      const [definition, prefix] = inner(state);
      delete definition['family'];
      return { path: under(prefix, 'family'), code: 'invalid_ecs_json' };
    },
  },
  setField('unnamable_family', 'family', 'web app', 'invalid_name'),
  setField('no_containers', 'containerDefinitions', [], 'invalid_ecs_json'),
  setField('unknown_network_mode', 'networkMode', 'nat', 'invalid_ecs_json'),
  setField('unknown_cpu_unit', 'cpu', '2 cores', 'invalid_ecs_json'),
  setField('fractional_cpu', 'cpu', '0.1 vCPU', 'invalid_resource'),
  {
    kind: 'unknown_architecture',
    inject: (state) => {
      const [definition, prefix] = inner(state);
      definition['runtimePlatform'] = { cpuArchitecture: 'X86', operatingSystemFamily: 'LINUX' };
      return { path: under(prefix, 'runtimePlatform.cpuArchitecture'), code: 'invalid_ecs_json' };
    },
  },
  {
    kind: 'reservation_above_memory',
    inject: (state, pick) => {
      const [each, path] = container(state, pick);
      each['memory'] = 256;
      each['memoryReservation'] = 257;
      return { path: `${path}.memoryReservation`, code: 'invalid_ecs_json' };
    },
  },
  {
    kind: 'no_memory',
    inject: (state, pick) => {
      const [definition] = inner(state);
      const [each, path] = container(state, pick);
      delete definition['memory'];
      delete each['memory'];
      delete each['memoryReservation'];
      return { path, code: 'invalid_ecs_json' };
    },
  },
  {
    kind: 'port_out_of_range',
    inject: (state, pick) => {
      const [each, path] = container(state, pick);
      each.portMappings.push({ containerPort: 70000, protocol: 'tcp' });
      return { path: `${path}.portMappings[${each.portMappings.length - 1}].containerPort`, code: 'invalid_port' };
    },
  },
  {
    kind: 'host_port_twice',
    applies: (state) => staticPort(state) !== undefined,
    inject: (state) => {
      const { mapping, field } = staticPort(state) ?? { mapping: {}, field: '' };
      // Into the last container, after the port's first binding, where the reader finds it bound again.
      const [each, path] = container(state, inner(state)[0].containerDefinitions.length - 1);
      each.portMappings.push({ ...mapping });
      return { path: `${path}.portMappings[${each.portMappings.length - 1}].${field}`, code: 'duplicate_port' };
    },
  },
  {
    kind: 'every_gpu',
    inject: (state, pick) => {
      const [each, path] = container(state, pick);
      each['resourceRequirements'] = [{ type: 'GPU', value: 'ALL' }];
      return { path: `${path}.resourceRequirements[0].value`, code: 'unsupported_ecs_feature' };
    },
  },
  {
    kind: 'distinct_instance',
    inject: (state) => {
      const [definition, prefix] = inner(state);
      const constraints = (definition['placementConstraints'] ?? []) as EcsJsonObject[];
      definition['placementConstraints'] = [...constraints, { type: 'distinctInstance' }];
      return { path: under(prefix, `placementConstraints[${constraints.length}].type`), code: 'constraint_not_allowed' };
    },
  },
  {
    kind: 'revision_zero',
    applies: (state) => state['taskDefinition'] !== undefined,
    inject: (state) => {
      inner(state)[0]['revision'] = 0;
      return { path: 'taskDefinition.revision', code: 'invalid_ecs_json' };
    },
  },
];

/** Reads {@link TaskDefinitionConstraints} (by default; `keys` says which), for the request arbitraries too. */
export function taskDefinitionDocuments(at: Where, constraints: unknown, keys: readonly string[] = KEYS): {
  readonly validity: EcsJsonValidity;
  readonly documents: fc.Arbitrary<EcsJsonObject>;
} {
  const fields = readFields(at, constraints, keys);
  const form = choiceItem(at, FORMS)(fields.get('form') ?? 'either', 'form');
  const maxContainers = integer(at, fields, 'maxContainers', 3, 1, MAX_CONTAINERS);
  return { validity: readValidity(at, fields), documents: definition(maxContainers, form) };
}

/**
 * Generates task definitions: a RegisterTaskDefinition input, or
 * DescribeTaskDefinition's output with its ARN, revision, `compatibilities`
 * and `requiresAttributes`. Containers have an image, `cpu`, `memory` and
 * now and then a `memoryReservation`, and `portMappings` (static or dynamic
 * host ports in `bridge` mode, the container's own in `host` and `awsvpc`);
 * the task now and then sets its own `cpu` and `memory` (`"1 vCPU"`,
 * `"1 GB"`), a memberOf `placementConstraints` and a `runtimePlatform`.
 *
 * @remarks
 * With `validity: 'invalid'` each definition is broken in exactly one way
 * (no containers, a container with neither memory nor a task-level memory,
 * a host port bound twice, `"0.1 vCPU"`, distinctInstance in the
 * definition...), and its `fault` says which, where and with what code
 * task-placement's `readTaskDefinition` refuses it.
 *
 * @param constraints - which definitions, in which shape, with which faults
 * @returns an arbitrary of task definitions with their fault, if any
 * @throws {@link ConstraintsError} naming `taskDefinition` when a constraint is unknown or out of range
 *
 * @example
 * ```ts
 * fc.assert(fc.property(taskDefinition({ form: 'input' }), ({ value }) => typeof value['family'] === 'string'));
 * ```
 */
export function taskDefinition(constraints: TaskDefinitionConstraints = {}): fc.Arbitrary<EcsJsonCase> {
  const at = where('taskDefinition');
  const { validity, documents } = taskDefinitionDocuments(at, constraints);
  const faults = readFaults(at, readFields(at, constraints, KEYS), FAULTS);
  if (validity !== 'valid' && constraints.form === 'input' && faults.every((fault) => fault.kind === 'revision_zero')) {
    fail(at, 'faults', 'leave nothing to break: an input has no revision');
  }
  return withFaults(documents, faults, validity).map(({ state, fault }) => (fault === undefined ? { value: state } : { value: state, fault }));
}
