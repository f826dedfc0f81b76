// Loads the built package the way a CommonJS consumer does and calls it.
const assert = require('node:assert/strict');
const { evaluateQuery, parseQuery, QueryError } = require('task-placement');

const query = parseQuery('runningTasksCount < 2');
assert.equal(evaluateQuery(query, { id: 'i1', attributes: new Map(), agentConnected: true, runningTasksCount: 1, taskGroups: new Map() }), true);
assert.throws(() => parseQuery(''), (error) => error instanceof QueryError && error.code === 'empty_expression');
console.log('require: ok');

// The simulation entry, as a CommonJS consumer loads it.
const { generateFleet, lowerBound } = require('task-placement/sim');
assert.equal(generateFleet({ size: 5, seed: 2 }).length, 5);
assert.equal(typeof lowerBound, 'function');
console.log('require task-placement/sim: ok');
