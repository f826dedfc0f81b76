import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../../test/support/inputErrorOf';
import { DEFAULT_SCENARIO } from './defaultScenario';
import { generateWorkload } from './generateWorkload';
import { validateScenario } from './validateScenario';

const task = { family: 'web', resources: { cpu: 256, memory: 512 } };
const service = { name: 'web', desiredCount: 2, task };
const valid = { name: 'small', seed: 3, fleet: { size: 10 }, services: [service], churn: { rounds: 1 } };

/** The valid scenario with one part replaced. */
function changed(patch: Record<string, unknown>): unknown {
  return { ...valid, ...patch };
}

function withService(patch: Record<string, unknown>): unknown {
  return changed({ services: [service, { ...service, name: 'api', ...patch }] });
}

const MALFORMED: [string, unknown, string, string][] = [
  ['not an object', 'scenario.json', 'invalid_type', 'scenario'],
  ['an unknown field', changed({ servces: [] }), 'unknown_field', 'scenario.servces'],
  ['no fleet', { services: [] }, 'missing_field', 'scenario.fleet'],
  ['no services', { fleet: { size: 1 } }, 'missing_field', 'scenario.services'],
  ['an empty name', changed({ name: '' }), 'invalid_name', 'scenario.name'],
  ['a fractional seed', changed({ seed: 1.5 }), 'invalid_option', 'scenario.seed'],
  ['a seed as text', changed({ seed: '7' }), 'invalid_type', 'scenario.seed'],
  ['a fleet without size', changed({ fleet: { seed: 2 } }), 'missing_field', 'scenario.fleet.size'],
  ['a negative fleet size', changed({ fleet: { size: -1 } }), 'invalid_count', 'scenario.fleet.size'],
  ['a fleet too large', changed({ fleet: { size: 2_000_001 } }), 'invalid_count', 'scenario.fleet.size'],
  ['a fractional fleet size', changed({ fleet: { size: 10.5 } }), 'invalid_count', 'scenario.fleet.size'],
  ['two zones', changed({ fleet: { size: 10, zones: 2 } }), 'invalid_option', 'scenario.fleet.zones'],
  ['seven zone names', changed({ fleet: { size: 10, zones: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] } }), 'invalid_option', 'scenario.fleet.zones'],
  ['a repeated zone', changed({ fleet: { size: 10, zones: ['us-east-1a', 'us-east-1b', 'us-east-1a'] } }), 'invalid_option', 'scenario.fleet.zones[2]'],
  ['zones as text', changed({ fleet: { size: 10, zones: 'three' } }), 'invalid_type', 'scenario.fleet.zones'],
  ['a malformed region', changed({ fleet: { size: 10, region: 'US East' } }), 'invalid_option', 'scenario.fleet.region'],
  ['an unknown family', changed({ fleet: { size: 10, families: { quantum: 1 } } }), 'unknown_field', 'scenario.fleet.families.quantum'],
  ['a negative family weight', changed({ fleet: { size: 10, families: { gpu: -1 } } }), 'invalid_option', 'scenario.fleet.families.gpu'],
  ['no positive family weight', changed({ fleet: { size: 10, families: { gpu: 0, arm: 0 } } }), 'invalid_option', 'scenario.fleet.families'],
  ['a draining fraction above 1', changed({ fleet: { size: 10, drainingFraction: 1.2 } }), 'invalid_option', 'scenario.fleet.drainingFraction'],
  ['a negative disconnected fraction', changed({ fleet: { size: 10, disconnectedFraction: -0.1 } }), 'invalid_option', 'scenario.fleet.disconnectedFraction'],
  ['services as an object', changed({ services: { web: service } }), 'invalid_type', 'scenario.services'],
  ['a service that is not an object', changed({ services: [service, null] }), 'invalid_type', 'scenario.services[1]'],
  ['a service without a name', withService({ name: undefined }), 'missing_field', 'scenario.services[1].name'],
  ['a service name with a space', withService({ name: 'my api' }), 'invalid_name', 'scenario.services[1].name'],
  ['two services with one name', withService({ name: 'web' }), 'invalid_name', 'scenario.services[1].name'],
  ['a desired count of 0', withService({ desiredCount: 0 }), 'invalid_count', 'scenario.services[1].desiredCount'],
  ['a fractional desired count', withService({ desiredCount: 2.5 }), 'invalid_count', 'scenario.services[1].desiredCount'],
  ['a service without a task', withService({ task: undefined }), 'missing_field', 'scenario.services[1].task'],
  ['a negative memory', withService({ task: { resources: { memory: -512 } } }), 'invalid_resource', 'scenario.services[1].task.resources.memory'],
  ['a misspelt task field', withService({ task: { resources: {}, port: { tcp: [80] } } }), 'unknown_field', 'scenario.services[1].task.port'],
  ['a host port out of range', withService({ task: { resources: {}, ports: { tcp: [70_000] } } }), 'invalid_port', 'scenario.services[1].task.ports.tcp[0]'],
  ['an unknown strategy type', withService({ placementStrategy: [{ type: 'firstFit', field: 'memory' }] }), 'unknown_strategy_type', 'scenario.services[1].placementStrategy[0].type'],
  ['a spread by a bad field', withService({ placementStrategy: [{ type: 'binpack', field: 'memory' }, { type: 'spread', field: 'zone' }] }), 'invalid_strategy_field', 'scenario.services[1].placementStrategy[1].field'],
  ['six strategies', withService({ placementStrategy: Array.from({ length: 6 }, () => ({ type: 'random' })) }), 'too_many_strategies', 'scenario.services[1].placementStrategy'],
  ['a memberOf that does not parse', withService({ placementConstraints: [{ type: 'memberOf', expression: 'attribute:stack ==' }] }), 'invalid_expression', 'scenario.services[1].placementConstraints[0].expression'],
  ['an expression on distinctInstance', withService({ placementConstraints: [{ type: 'distinctInstance', expression: 'x' }] }), 'unexpected_expression', 'scenario.services[1].placementConstraints[0].expression'],
  ['distinctInstance in the task definition', withService({ task: { resources: {}, placementConstraints: [{ type: 'distinctInstance' }] } }), 'constraint_not_allowed', 'scenario.services[1].task.placementConstraints[0].type'],
  ['churn without rounds', changed({ churn: { stopFraction: 0.1 } }), 'missing_field', 'scenario.churn.rounds'],
  ['negative churn rounds', changed({ churn: { rounds: -1 } }), 'invalid_count', 'scenario.churn.rounds'],
  ['a stop fraction above 1', changed({ churn: { rounds: 1, stopFraction: 2 } }), 'invalid_option', 'scenario.churn.stopFraction'],
  ['an unknown churn field', changed({ churn: { rounds: 1, fraction: 0.1 } }), 'unknown_field', 'scenario.churn.fraction'],
];

describe('validateScenario', () => {
  it.each(MALFORMED)('refuses %s', (_, scenario, code, path) => {
    expect(inputErrorOf(() => validateScenario(scenario))).toEqual({ code, path });
  });

  it('accepts DEFAULT_SCENARIO and its JSON round trip, unchanged', () => {
    expect(validateScenario(DEFAULT_SCENARIO)).toEqual(DEFAULT_SCENARIO);
    expect(validateScenario(JSON.parse(JSON.stringify(DEFAULT_SCENARIO)))).toEqual(DEFAULT_SCENARIO);
  });

  it('accepts generated workloads and every fleet option', () => {
    const scenario = {
      fleet: { size: 0, seed: -4, zones: ['eu-west-3a', 'eu-west-3b', 'eu-west-3c'], region: 'eu-west-3', families: { arm: 1 }, drainingFraction: 0, disconnectedFraction: 1 },
      services: generateWorkload({ services: 20, tasks: 500 }),
      churn: { rounds: 0, stopFraction: 1 },
    };
    expect(validateScenario(JSON.parse(JSON.stringify(scenario)))).toEqual(scenario);
  });

  it("accepts the library's pack strategy beside ECS's, as place does, and keeps it as written", () => {
    const packed = withService({ placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'pack', resources: ['cpu', 'memory'], scorer: 'dotProduct' }] });
    expect(validateScenario(packed)).toEqual(packed);
  });

  it('drops fields set to undefined, as JSON would', () => {
    expect(validateScenario({ ...valid, churn: undefined, name: undefined })).toEqual({ seed: 3, fleet: { size: 10 }, services: [service] });
  });
});
