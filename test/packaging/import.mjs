// Loads the built package the way an ESM consumer does and calls it.
import assert from 'node:assert/strict';
import { evaluateQuery, parseQuery, printQuery, QueryError } from 'task-placement';

const query = parseQuery('attribute:ecs.instance-type =~ t3.* and not(task:group == service:db)');
assert.equal(printQuery(query), 'attribute:ecs.instance-type =~ t3.* and not(task:group == service:db)');
const instance = {
  id: 'i1',
  attributes: new Map([['ecs.instance-type', 't3.large']]),
  agentConnected: true,
  runningTasksCount: 0,
  taskGroups: new Map(),
};
assert.equal(evaluateQuery(query, instance), true);
assert.throws(() => parseQuery('runningTasksCount =~ 1'), (error) => error instanceof QueryError && error.code === 'operator_not_allowed');
console.log('import: ok');
