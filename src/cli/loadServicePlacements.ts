/**
 * The services a lifecycle plan may move, from repeated `--service
 * NAME=FILE`, `--group NAME=FILE`, `--strategy NAME=LIST` and `--constraint
 * NAME=C` options of the plan-drain and plan-consolidation commands.
 *
 * @module
 */
import { documentKind } from '../ecs/documentKind';
import { readTaskDefinition } from '../ecs/fromTaskDefinition';
import { parseConstraintNotation, parseStrategyNotation } from '../ecs/placementNotation';
import { requireLaunchType } from '../ecs/requireLaunchType';
import type { PlacementConstraint, PlacementStrategy } from '../model/PlacementRequest';
import type { ServicePlacement } from '../model/ServicePlacement';
import { UsageError, type CliIo } from './CliIo';
import { readJsonFile } from './readJsonFile';
import { reportedAt } from './reportedAt';
import { visible } from './visible';

/** The options as given, each repeated. */
export interface ServicePlacementOptions {
  /** `--service NAME=TASK_DEFINITION_FILE`. */
  readonly service?: readonly string[] | undefined;
  /** `--group NAME=TASK_DEFINITION_FILE`. */
  readonly group?: readonly string[] | undefined;
  /** `--strategy NAME=LIST`. */
  readonly strategy?: readonly string[] | undefined;
  /** `--constraint NAME=C`. */
  readonly constraint?: readonly string[] | undefined;
}

/** The help text of the options, shared by the commands. */
export const SERVICE_OPTIONS_HELP = `  --service NAME=FILE     a service whose tasks may move, and its task definition
                          (the output of 'aws ecs describe-task-definition' or a
                          RegisterTaskDefinition input); repeat for each service
  --group NAME=FILE       the same for a group of standalone tasks, such as
                          family:batch
  --strategy NAME=LIST    the strategies of that service or group, e.g.
                          'web=spread(attribute:ecs.availability-zone),binpack(memory)'
                          (ECS's default chain when absent)
  --constraint NAME=C     a constraint of that service or group:
                          'distinctInstance' or 'memberOf(EXPRESSION)'; repeat
                          for several`;

/**
 * Reads the services and groups described.
 *
 * @param io - the outside world
 * @param options - the options as given
 * @param command - the command, for the messages
 * @returns one placement per service or group, in the order given
 * @throws {@link UsageError} for an option without `NAME=`, a strategy or
 *   constraint of a name no --service or --group gives, a name given twice,
 *   or a task definition file that cannot be read
 */
export function loadServicePlacements(io: CliIo, options: ServicePlacementOptions, command: string): ServicePlacement[] {
  const entries = new Map<string, { readonly kind: 'service' | 'group'; readonly file: string }>();
  for (const kind of ['service', 'group'] as const) {
    for (const given of options[kind] ?? []) {
      const [name, file] = split(`--${kind}`, given);
      if (entries.has(name)) throw new UsageError(`--${kind} ${visible(name)} is given twice; describe each service or group once.`);
      entries.set(name, { kind, file });
    }
  }
  if (entries.size === 0) {
    throw new UsageError(`Give at least one --service NAME=FILE (or --group NAME=FILE): the tasks whose placement is described may move, no others. Run 'task-placement ${command} --help' for the options.`);
  }
  const strategies = new Map<string, PlacementStrategy[]>();
  for (const given of options.strategy ?? []) {
    const [name, text] = split('--strategy', known('--strategy', given, entries));
    if (strategies.has(name)) throw new UsageError(`--strategy ${visible(name)}=... is given twice; list the whole chain once.`);
    strategies.set(name, reportedAt('--strategy', () => parseStrategyNotation(text)));
  }
  const constraints = new Map<string, PlacementConstraint[]>();
  for (const given of options.constraint ?? []) {
    const [name, text] = split('--constraint', known('--constraint', given, entries));
    constraints.set(name, [...(constraints.get(name) ?? []), reportedAt('--constraint', () => parseConstraintNotation(text))]);
  }
  return [...entries].map(([name, { kind, file }]) => {
    const json = readJsonFile(io, file, `the --${kind} file of ${name}`);
    if (documentKind(json) !== 'ecs') throw new UsageError(`${visible(file)} is not a task definition: give the output of 'aws ecs describe-task-definition' or a RegisterTaskDefinition input.`);
    const definition = reportedAt(file, () => readTaskDefinition(json));
    reportedAt(file, () => requireLaunchType(definition, undefined, ''));
    const strategy = strategies.get(name);
    const constraint = constraints.get(name);
    return {
      ...(kind === 'service' ? { service: name } : { group: name }),
      task: definition.task,
      ...(strategy === undefined ? {} : { placementStrategy: strategy }),
      ...(constraint === undefined ? {} : { placementConstraints: constraint }),
    };
  });
}

/** `NAME=VALUE` split at the first `=`. */
function split(option: string, given: string): [string, string] {
  const at = given.indexOf('=');
  if (at <= 0 || at === given.length - 1) throw new UsageError(`${option} takes NAME=VALUE, such as web=web-task-definition.json, not '${visible(given)}'.`);
  return [given.slice(0, at), given.slice(at + 1)];
}

function known(option: string, given: string, entries: ReadonlyMap<string, unknown>): string {
  const [name] = split(option, given);
  if (!entries.has(name)) throw new UsageError(`${option} ${visible(given)} names ${visible(name)}, which no --service or --group gives.`);
  return given;
}
