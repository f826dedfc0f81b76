import { describe, expect, it } from 'vitest';
import {
  cluster, constraint, ConstraintsError, fleet, instance, instanceView, placementCase, placementRequest, query, queryNode, queryText, resources, strategyChain, task,
} from './index';
import { messageOf } from '../../test/support/messageOf';

// Every arbitrary checks its constraints when it is built, and names itself and the field at fault.
describe('constraints objects', () => {
  it.each<[string, () => unknown, string]>([
    ['a fleet whose minimum exceeds its maximum', () => fleet({ minInstances: 5, maxInstances: 3 }), 'fleet: minInstances must be at most maxInstances, got 5 > 3'],
    ['a misspelt key', () => fleet({ maxInstance: 3 } as never), 'fleet: unknown constraint maxInstance (known: minInstances, maxInstances, zones,'],
    ['a fleet too large', () => fleet({ maxInstances: 20_000 }), 'fleet: maxInstances must be an integer from 0 to 10000, got 20000'],
    ['a rate above 1', () => instance({ drainingRate: 1.5 }), 'instance: drainingRate must be a number from 0 to 1, got 1.5'],
    ['statuses that add up to more than 1', () => instance({ drainingRate: 0.7, otherStatusRate: 0.5 }), 'instance: drainingRate plus otherStatusRate must be at most 1, got 0.7 + 0.5'],
    ['an empty list of zones', () => fleet({ zones: [] }), 'fleet: zones must hold at least 1 item, got 0'],
    ['a zone listed twice', () => fleet({ zones: ['us-east-1a', 'us-east-1a'] }), 'fleet: zones[1] repeats "us-east-1a"'],
    ['an instance type the library refuses', () => instance({ instanceTypes: [{ name: 'x', cpu: -1, memory: 1 }] }), 'instance: instanceTypes[0] ({"name":"x","cpu":-1,"memory":1}) is refused by task-placement:'],
    ['a negative amount', () => resources({ memory: [-512] }), 'resources: memory[0] must be an integer from 0 to 2147483648, got -512'],
    ['a built-in resource listed as custom', () => resources({ custom: { cpu: [1] } }), 'resources: custom must not list the built-in resource cpu; use cpu instead'],
    ['a nested field at fault', () => task({ resources: { gpuRate: 2 } }), 'task: resources.gpuRate must be a number from 0 to 1, got 2'],
    ['an expression that does not parse', () => task({ expressions: ['runningTasksCount =~ 1'] }), 'task: expressions[0] ("runningTasksCount =~ 1") is refused by task-placement:'],
    ['a required value ECS refuses', () => task({ requiredValues: { stack: ['prod;dev'] } }), 'task: requiredValues["stack"][0] ("prod;dev") is refused by task-placement:'],
    ['both expressions and query', () => constraint({ expressions: ['attribute:stack exists'], query: {} }), 'constraint: expressions and query cannot both be given'],
    ['rates of the constraints beyond ECS above 1', () => constraint({ spreadLimitRate: 0.6, atMostRate: 0.5 }), 'constraint: spreadLimitRate plus atMostRate must be at most 1, got 0.6 + 0.5'],
    ['a distinctInstance rate that leaves them no room', () => constraint({ distinctInstanceRate: 0.5, spreadLimitRate: 0.6 }), 'constraint: distinctInstanceRate plus spreadLimitRate and atMostRate must be at most 1, got 0.5 + 0.6 + 0'],
    ['a domain field the library refuses', () => constraint({ spreadLimitRate: 0.5, domainFields: ['host'] }), 'constraint: domainFields[0] ("host") is refused by task-placement:'],
    ['a group the library refuses', () => constraint({ groups: [' web'] }), 'constraint: groups[0] (" web") is refused by task-placement:'],
    ['groups no constraint counts', () => constraint({ distinctInstanceRate: 0, groups: ['batch-jobs'] }), 'constraint: groups is given, but distinctInstanceRate and atMostRate are 0'],
    ['a groups rate without groups', () => constraint({ groupsRate: 0.5 }), 'constraint: groupsRate is given, but groups is not'],
    ['a skew without spreadLimit', () => constraint({ maxSkew: 2 }), 'constraint: maxSkew is given, but spreadLimitRate is 0: no spreadLimit is drawn'],
    ['a skew of 0', () => constraint({ spreadLimitRate: 1, maxSkew: 0 }), 'constraint: maxSkew must be an integer from 1 to 1000, got 0'],
    ['an atMost count of a request at fault', () => placementRequest({ constraint: { atMostRate: 0.2, maxAtMostCount: 1.5 } }), 'placementRequest: constraint.maxAtMostCount must be an integer from 1 to 1000, got 1.5'],
    ['a binpack field the library spells in lower case', () => strategyChain({ binpackFields: ['GPU'] }), 'strategyChain: binpackFields[0] ("GPU") is refused by task-placement:'],
    ['a chain longer than ECS allows', () => strategyChain({ maxLength: 6 }), 'strategyChain: maxLength must be an integer from 0 to 5, got 6'],
    ['an unknown strategy type', () => strategyChain({ types: ['pack' as never] }), 'strategyChain: types[0] must be one of "binpack", "spread", "random", got "pack"'],
    ['counts out of order', () => placementRequest({ minCount: 5, maxCount: 3 }), 'placementRequest: minCount must be at most maxCount, got 5 > 3'],
    ['a group rate and a service rate above 1', () => placementRequest({ serviceRate: 0.8, groupRate: 0.4 }), 'placementRequest: serviceRate plus groupRate must be at most 1, got 0.8 + 0.4'],
    ['a deep field of a request', () => placementRequest({ task: { resources: { cpu: [1.5] } } }), 'placementRequest: task.resources.cpu[0] must be an integer'],
    ['a patch the library refuses', () => cluster({ patches: [{ status: 'SLEEPING' as never }] }), 'cluster: patches[0] ({"status":"SLEEPING"}) is refused by task-placement:'],
    ['a fleet of a cluster at fault', () => cluster({ fleet: { minInstances: 2, maxInstances: 1 } }), 'cluster: fleet.minInstances must be at most fleet.maxInstances, got 2 > 1'],
    ['a subject that does not exist', () => query({ subjects: ['cpu' as never] }), 'query: subjects[0] must be one of "attribute", "agentConnected",'],
    ['a pattern the library refuses', () => queryNode({ patterns: ['(a)\\1'] }), 'queryNode: patterns[0] ("(a)\\\\1") is refused by task-placement:'],
    ['no condition left to draw', () => query({ subjects: ['agentVersion'], agentVersions: [] }), 'query: subjects leave no condition to generate'],
    ['a depth out of range', () => query({ maxDepth: 9 }), 'query: maxDepth must be an integer from 0 to 8, got 9'],
    ['rates of text kinds above 1', () => queryText({ editedRate: 0.9, anyTextRate: 0.2 }), 'queryText: editedRate plus anyTextRate must be at most 1, got 0.9 + 0.2'],
    ['a vocabulary at fault', () => queryText({ vocabulary: { maxOperands: 1 } }), 'queryText: vocabulary.maxOperands must be an integer from 2 to 6, got 1'],
    ['shape options given to a view', () => instanceView({ maxDepth: 1 } as never), 'instanceView: unknown constraint maxDepth'],
    ['a random rate above 1', () => strategyChain({ randomRate: 1.5 }), 'strategyChain: randomRate must be a number from 0 to 1, got 1.5'],
    ['a random rate without random', () => strategyChain({ types: ['binpack'], randomRate: 0.5 }), 'strategyChain: randomRate is given, but types leaves random out'],
    ['everyZone on a fleet with fewer instances than zones', () => fleet({ everyZone: true, minInstances: 2 }), 'fleet: minInstances must be at least the 3 zones when everyZone is true, got 2; raise it or leave it out'],
    ['everyZone not a boolean', () => fleet({ everyZone: 'yes' as never }), 'fleet: everyZone must be true or false, got "yes"'],
    ['an unknown feasibility', () => placementCase({ feasibility: 'maybe' as never }), 'placementCase: feasibility must be one of "any", "feasible", "mixed", got "maybe"'],
    ['an infeasible reason ECS does not give', () => placementCase({ feasibility: { infeasible: 'RESOURCE:DISK' as never } }), 'placementCase: feasibility.infeasible must be one of "AGENT", "ATTRIBUTE",'],
    ['no infeasible reason', () => placementCase({ feasibility: { infeasible: [] } }), 'placementCase: feasibility.infeasible must hold at least 1 reason, got 0'],
    ['a feasibility object with another key', () => placementCase({ feasibility: { infeasible: 'AGENT', rate: 1 } as never }), "placementCase: feasibility must be 'any', 'feasible', 'mixed' or { infeasible: reason }"],
    ['an infeasible rate without mixed', () => placementCase({ feasibility: 'feasible', infeasibleRate: 0.2 }), "placementCase: infeasibleRate is given, but feasibility is \"feasible\", not 'mixed'"],
    ['an infeasible rate above 1', () => placementCase({ feasibility: 'mixed', infeasibleRate: 2 }), 'placementCase: infeasibleRate must be a number from 0 to 1, got 2'],
    ['room on no instance', () => placementCase({ withRoom: 0 }), "placementCase: withRoom must be a whole number of instances from 1 to 10000, or 'all', got 0"],
    ['room with an infeasible case', () => placementCase({ withRoom: 2, feasibility: { infeasible: 'AGENT' } }), 'placementCase: withRoom is given, but feasibility is infeasible'],
    ['room with mixed cases', () => placementCase({ withRoom: 'all', feasibility: 'mixed' }), "placementCase: withRoom is given, but feasibility is 'mixed'"],
    ['a feasible case on a fleet that may be empty', () => placementCase({ feasibility: 'feasible', fleet: { minInstances: 0 } }), 'placementCase: fleet.minInstances must be at least 1'],
    ['a fleet given to the request of a case', () => placementCase({ request: { fleet: {} } as never }), 'placementCase: request.fleet must not be given'],
    ['a fleet of a request at fault', () => placementRequest({ fleet: { zones: [] } }), 'placementRequest: fleet.zones must hold at least 1 item, got 0'],
    ["a fleet of a cluster's request", () => cluster({ request: { fleet: {} } }), "cluster: request.fleet must not be given: a cluster's requests are for the cluster's own fleet"],
    ['a size fast-check does not know', () => fleet({ size: 'huge' as never }), 'fleet: size must be one of "xsmall", "small", "medium", "large", "xlarge", "max", "-4",'],
    ['a size of a cluster at fault', () => cluster({ size: 'tiny' as never }), 'cluster: size must be one of'],
    ['a size of a query at fault', () => query({ size: 3 as never }), 'query: size must be one of'],
    ['constraints that are not an object', () => task([] as never), 'task: constraints must be an object, got []'],
    ['a revision of 0', () => task({ revisions: [2, 0] }), 'task: revisions[1] must be an integer from 1 to 9007199254740991, got 0'],
    ['a revision that is not whole', () => task({ revisions: [1.5] }), 'task: revisions[0] must be an integer from 1 to'],
    ['an empty list of revisions', () => task({ revisions: [] }), 'task: revisions must hold at least 1 item, got 0'],
    ['a revision listed twice', () => task({ revisions: [7, 7] }), 'task: revisions[1] repeats 7'],
    ['a revision rate without revisions', () => task({ revisionRate: 0.5 }), 'task: revisionRate is given, but revisions is not: there is no revision to draw'],
    ['a revision rate above 1', () => task({ revisions: [1], revisionRate: 2 }), 'task: revisionRate must be a number from 0 to 1, got 2'],
    ['a selector rate with nothing to select', () => strategyChain({ taskSelectorRate: 0.5 }), 'strategyChain: taskSelectorRate is given, but neither selectorFamilies nor selectorRevisions is'],
    ['a selector rate without spread', () => strategyChain({ types: ['binpack'], taskSelectorRate: 0.5, selectorRevisions: [1] }), 'strategyChain: taskSelectorRate is given, but types leaves spread out: no spread is drawn'],
    ['selector revisions without a selector rate', () => strategyChain({ selectorRevisions: [1] }), 'strategyChain: selectorRevisions is given, but taskSelectorRate is not: no task selector is drawn'],
    ['a selector rate above 1', () => constraint({ atMostRate: 0.5, taskSelectorRate: 1.5, selectorRevisions: [1] }), 'constraint: taskSelectorRate must be a number from 0 to 1, got 1.5'],
    ['a selector rate with no constraint to carry it', () => constraint({ taskSelectorRate: 0.5, selectorFamilies: ['web'] }), 'constraint: taskSelectorRate is given, but spreadLimitRate and atMostRate are 0: no constraint counts tasks by a selector'],
    ['selector families without a selector rate', () => constraint({ atMostRate: 0.5, selectorFamilies: ['web'] }), 'constraint: selectorFamilies is given, but taskSelectorRate is not'],
    ['a selector family the library refuses', () => constraint({ atMostRate: 0.5, taskSelectorRate: 0.5, selectorFamilies: [''] }), 'constraint: selectorFamilies[0] ("") is refused by task-placement:'],
    ['a selector revision of a request at fault', () => placementRequest({ strategies: { taskSelectorRate: 0.5, selectorRevisions: [-1] } }), 'placementRequest: strategies.selectorRevisions[0] must be an integer from 1 to'],
  ])('refuses %s', (_name, build, message) => {
    expect(messageOf(build)).toContain(message);
  });

  it.each<[string, () => unknown, Pick<ConstraintsError, 'code' | 'arbitrary' | 'constraint'>]>([
    ['a misspelt key', () => fleet({ maxInstance: 3 } as never), { code: 'unknown_constraint', arbitrary: 'fleet', constraint: 'maxInstance' }],
    ['a nested field out of range', () => task({ resources: { gpuRate: 2 } }), { code: 'invalid_constraint', arbitrary: 'task', constraint: 'resources.gpuRate' }],
    ['constraints that are not an object', () => task([] as never), { code: 'not_an_object', arbitrary: 'task', constraint: '' }],
    ['a nested object that is not one', () => cluster({ fleet: 3 } as never), { code: 'not_an_object', arbitrary: 'cluster', constraint: 'fleet' }],
    ['room with an infeasible case', () => placementCase({ withRoom: 2, feasibility: { infeasible: 'AGENT' } }), { code: 'invalid_constraint', arbitrary: 'placementCase', constraint: 'withRoom' }],
    ['an unknown infeasible reason in a list', () => placementCase({ feasibility: { infeasible: ['AGENT', 'DISK' as never] } }), { code: 'invalid_constraint', arbitrary: 'placementCase', constraint: 'feasibility.infeasible[1]' }],
    ['a misspelt key of a case', () => placementCase({ feasible: true } as never), { code: 'unknown_constraint', arbitrary: 'placementCase', constraint: 'feasible' }],
    ['everyZone on too few instances', () => fleet({ everyZone: true, minInstances: 1 }), { code: 'invalid_constraint', arbitrary: 'fleet', constraint: 'minInstances' }],
    ['a selector rate with nothing to select', () => constraint({ spreadLimitRate: 0.5, taskSelectorRate: 0.5 }), { code: 'invalid_constraint', arbitrary: 'constraint', constraint: 'taskSelectorRate' }],
    ['a revision of a cluster\'s tasks at fault', () => cluster({ request: { task: { revisions: [0] } } }), { code: 'invalid_constraint', arbitrary: 'cluster', constraint: 'request.task.revisions[0]' }],
  ])('throws a ConstraintsError with a code and the constraint for %s', (_name, build, expected) => {
    let thrown: unknown;
    try {
      build();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConstraintsError);
    expect(thrown).toMatchObject(expected);
  });

  it('reads a field given as undefined as absent, as JavaScript callers write it', () => {
    expect(() => fleet({ minInstances: undefined, zones: undefined } as never)).not.toThrow();
  });
});
