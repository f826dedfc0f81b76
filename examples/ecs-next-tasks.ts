/**
 * Where would a service's next tasks go? Reads a cluster as ECS describes it
 * and answers without calling AWS.
 *
 * Run it: `npm run build`, then `node --import tsx examples/ecs-next-tasks.ts`
 * for the sample cluster, or give your own files, made as docs/ecs.md says:
 *
 *   node --import tsx examples/ecs-next-tasks.ts fleet.json describe-tasks.json task-definition.json service.json
 *
 * (the outputs of `aws ecs describe-container-instances`, `describe-tasks`,
 * `describe-task-definition` and `describe-services`).
 */
import { readFileSync } from 'node:fs';
import { clusterFromEcs, fromPlacementRequest, readTaskDefinition, serviceEventMessage, shortId, toRunTaskResponse } from 'task-placement/ecs';

const sample = (name: string) => new URL(`../test/fixtures/ecs/${name}`, import.meta.url);
const [
  fleetFile = sample('fleet.json'),
  tasksFile = sample('describe-tasks.json'),
  taskDefinitionFile = sample('web-task-definition.json'),
  serviceFile = sample('web-service.json'),
] = process.argv.slice(2);
const json = (file: string | URL): unknown => JSON.parse(readFileSync(file, 'utf8'));

// Without DescribeTasks the cluster knows what running tasks hold, but not
// whose they are, so spread and distinctInstance would not see the service's own.
const cluster = clusterFromEcs(json(fleetFile), { tasks: json(tasksFile) });
const taskDefinition = readTaskDefinition(json(taskDefinitionFile));
const wanted = fromPlacementRequest(json(serviceFile), taskDefinition);

const service = wanted.service ?? noService();
const desired = wanted.count ?? 1;
const running = cluster.tasks().filter((task) => task.group === `service:${service}`).length;
const instances = new Map(cluster.instances().map((instance) => [instance.id, instance]));

/** Where `count` more tasks of the service would go now, and why the rest would not. */
function nextTasks(count: number): void {
  if (count <= 0) return;
  const request = { ...wanted, count };
  // explain() answers for the cluster as it is and changes nothing, so
  // several questions can be asked of the same state.
  const { result } = cluster.explain(request);
  const response = toRunTaskResponse(result, { request, taskDefinition, instances: cluster.instances() });
  for (const task of response.tasks) {
    const instance = instances.get(task.containerInstanceArn);
    const where = [instance?.attributes['ecs.availability-zone'], instance?.attributes['ecs.instance-type'], instance?.ec2InstanceId].join(' ');
    console.log(`  ${shortId(task.taskArn)} -> container instance ${shortId(task.containerInstanceArn)} (${where})`);
  }
  const [failure] = result.failures;
  if (failure === undefined) return;
  console.log(`  ${result.failures.length} not placed: ${failure.reason}`);
  console.log(`  why: ${failure.diagnosis.summary}`);
  console.log(`  service event: ${serviceEventMessage(service, failure)}`);
}

console.log(`service ${service}: ${desired} desired, ${running} running`);
console.log(`the next ${Math.max(desired - running, 0)} tasks:`);
nextTasks(desired - running);
console.log(`after a scale-out to ${desired + 2}, the next ${desired + 2 - running}:`);
nextTasks(desired + 2 - running);

function noService(): never {
  throw new Error(`${String(serviceFile)} describes no service: give the output of describe-services, or a CreateService request`);
}
