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

// The simulation entry, as an ESM consumer loads it.
const sim = await import('task-placement/sim');
const report = sim.runSimulation({ fleet: { size: 20, zones: 3 }, services: [{ name: 'web', desiredCount: 10, task: { resources: { cpu: 128, memory: 256 } } }] });
assert.equal(report.services[0].running, 10);
assert.match(sim.renderReportHtml(report), /data-chart="heatmap"/);
console.log('import task-placement/sim: ok');
