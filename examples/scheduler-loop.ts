/**
 * A minimal scheduler loop on task-placement: register a fleet, place
 * services as their requests arrive, scale one in, drain an instance, and
 * explain a placement that fails.
 *
 * Run it: `npm run build`, then `node --import tsx examples/scheduler-loop.ts`.
 */
import { Cluster, describeScaleInReason, type InstanceSpec, type PlacementRequest, type PlacementResult } from 'task-placement';

const cluster = new Cluster({ seed: 7 });

function instance(id: string, zone: string, type: string, cpu: number, memory: number): InstanceSpec {
  return { id, resources: { cpu, memory }, attributes: { 'ecs.availability-zone': zone, 'ecs.instance-type': type } };
}

// Three zones, two instance types: enough for spread and binpack to disagree.
const fleet = [
  instance('i-a1', 'us-east-1a', 'm5.large', 2048, 7680),
  instance('i-a2', 'us-east-1a', 'c5.xlarge', 4096, 7168),
  instance('i-b1', 'us-east-1b', 'm5.large', 2048, 7680),
  instance('i-b2', 'us-east-1b', 'c5.xlarge', 4096, 7168),
  instance('i-c1', 'us-east-1c', 'm5.large', 2048, 7680),
];
for (const spec of fleet) cluster.registerInstance(spec);

// Requests written as constants and passed later need `satisfies
// PlacementRequest`: without it TypeScript widens `type: 'spread'` to
// `string`, which `cluster.place` refuses to compile.
const web = {
  task: { family: 'web', resources: { cpu: 256, memory: 512 }, ports: { tcp: [80] } },
  count: 3,
  service: 'web',
  placementStrategy: [
    { type: 'spread', field: 'attribute:ecs.availability-zone' },
    { type: 'binpack', field: 'memory' },
  ],
} satisfies PlacementRequest;

const worker = {
  task: { family: 'worker', resources: { cpu: 1024, memory: 2048 } },
  count: 2,
  service: 'worker',
  placementStrategy: [{ type: 'binpack', field: 'memory' }],
} satisfies PlacementRequest;

const cache = {
  task: { family: 'cache', resources: { cpu: 512, memory: 4096 } },
  count: 1,
  service: 'cache',
  placementStrategy: [{ type: 'spread', field: 'instanceId' }],
  placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ m5.*' }, { type: 'distinctInstance' }],
} satisfies PlacementRequest;

const report = { task: { family: 'report', resources: { cpu: 128, memory: 256 } }, count: 2, placementStrategy: [{ type: 'random' }] } satisfies PlacementRequest;

function zoneOf(instanceId: string): string {
  return fleet.find((spec) => spec.id === instanceId)?.attributes?.['ecs.availability-zone'] ?? '?';
}

function show(label: string, result: PlacementResult): void {
  const placed = result.placements.map((placement) => `${placement.taskId}->${placement.instanceId} (${zoneOf(placement.instanceId)})`);
  console.log(`${label}: ${placed.join(', ') || 'nothing placed'}${result.failures.length > 0 ? `; ${result.failures.length} not placed` : ''}`);
}

console.log('== requests arrive');
const arriving: readonly PlacementRequest[] = [web, worker, cache, report];
for (const request of arriving) show(request.service ?? `family:${request.task.family ?? ''}`, cluster.place(request));

console.log('\n== a report task finishes');
const finished = cluster.tasks().find((task) => task.group === 'family:report');
if (finished !== undefined) console.log(`stopped ${cluster.stopTask(finished.taskId).taskId} on ${finished.instanceId}`);

console.log('\n== worker scales out by 3, then in by 2');
show('worker +3', cluster.place({ ...worker, count: 3 }));
// ECS stops tasks following the service's own strategy, so the scale-in
// gets the chain the service was placed with.
const choice = cluster.chooseTasksToStop({ service: 'worker', count: 2, placementStrategy: worker.placementStrategy });
for (const task of choice.tasks) {
  const why = task.reasons.map(describeScaleInReason).join('; ');
  console.log(`stop ${task.taskId} on ${task.instanceId}: ${why}`);
}
cluster.stopTasks(choice);
console.log(`worker now runs ${cluster.tasks().filter((task) => task.group === 'service:worker').length} tasks`);

console.log('\n== i-b2 drains');
cluster.updateInstance('i-b2', { status: 'DRAINING' });
// A DRAINING instance keeps its tasks (replacing them is the service
// scheduler's job), but takes no new ones.
const stillOnB2 = cluster.tasks().filter((task) => task.instanceId === 'i-b2').map((task) => `${task.taskId} (${task.group})`);
console.log(`still running on i-b2: ${stillOnB2.join(', ') || 'none'}`);
show('web +1', cluster.place({ ...web, count: 1 }));

console.log('\n== a request that cannot be fully placed');
const batch = {
  task: { family: 'batch', resources: { cpu: 2048, memory: 6144 } },
  count: 3,
  service: 'batch',
  placementConstraints: [{ type: 'distinctInstance' }],
} satisfies PlacementRequest;
const result = cluster.place(batch);
show('batch', result);
for (const failure of result.failures.slice(0, 1)) {
  console.log(`reason: ${failure.reason}`);
  console.log(`detail: ${failure.detail}`);
  console.log(`diagnosis: ${failure.diagnosis.summary}`);
}
// explain changes nothing, so it can ask after the fact why one more task would not fit anywhere.
const explanation = cluster.explain({ ...batch, count: 1 });
console.log(`explain one more batch task (chain ${explanation.strategies.join(' > ')}):`);
for (const entry of explanation.instances) {
  const why = entry.outcome === 'rejected' ? entry.reason : entry.outcome === 'candidate' ? `outranked by ${entry.outrankedBy}` : '';
  console.log(`  ${entry.instanceId}  ${entry.outcome.padEnd(9)} ${why ?? ''}`.trimEnd());
}
