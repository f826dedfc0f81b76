// Loads the built task-placement/ecs entry the way users do, ESM and CommonJS,
// and answers a fixture's RunTask request in RunTask's shape.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as esm from 'task-placement/ecs';

const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/ecs/${name}`, import.meta.url), 'utf8'));
const cjs = createRequire(import.meta.url)('task-placement/ecs');

for (const [kind, ecs] of [['import', esm], ['require', cjs]]) {
  const cluster = ecs.clusterFromEcs(fixture('fleet.json'), { tasks: fixture('describe-tasks.json') });
  const taskDefinition = ecs.readTaskDefinition(fixture('web-task-definition.json'));
  const request = ecs.fromPlacementRequest(fixture('web-service.json'), taskDefinition);
  const result = cluster.place(request);
  const response = ecs.toRunTaskResponse(result, { request, taskDefinition, instances: cluster.instances() });
  assert.equal(response.tasks.length, 3);
  assert.equal(response.tasks[0].lastStatus, 'PENDING');
  assert.match(response.tasks[0].containerInstanceArn, /^arn:aws:ecs:us-east-1:123456789012:container-instance\/prod\//);
  assert.deepEqual(Object.keys(response.failures[0]).sort(), ['arn', 'detail', 'reason']);
  assert.equal(response.failures[0].reason, 'RESOURCE:PORTS');
  assert.match(ecs.serviceEventMessage('web', result.failures[0]), /^service web was unable to place a task because no container instance met all of its requirements\./);
  assert.throws(
    () => ecs.fromDescribeContainerInstances(fixture('bad-fleet.json')),
    (error) => error.code === 'invalid_ecs_json' && error.path === 'containerInstances[3].registeredResources[1].integerValue',
  );
  console.log(`${kind} task-placement/ecs: ok`);
}
