import { DescribeContainerInstancesCommand, DescribeTaskDefinitionCommand, ListContainerInstancesCommand, type ECSClient, type PlacementStrategy } from '@aws-sdk/client-ecs';
import { clusterFromEcs, fromDescribeContainerInstances, fromPlacementFields, readTaskDefinition, toRunTaskResponse } from '../../../src/ecs/index';

/** Where RunTask would put `count` tasks of a task definition in a cluster now, in RunTask's own answer. */
export async function wouldRunTask(ecs: ECSClient, cluster: string, taskDefinition: string, count: number) {
  // DescribeContainerInstances takes at most 100 instances: describe a larger cluster page by page.
  const { containerInstanceArns = [] } = await ecs.send(new ListContainerInstancesCommand({ cluster, maxResults: 100 }));
  const described = await ecs.send(new DescribeContainerInstancesCommand({ cluster, containerInstances: containerInstanceArns }));
  const definition = readTaskDefinition(await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition })));

  const placing = clusterFromEcs(described);
  const placementStrategy: PlacementStrategy[] = [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'MEMORY' }];
  const request = { task: definition.task, count, ...fromPlacementFields({ placementStrategy }) };
  return toRunTaskResponse(placing.place(request), {
    request,
    taskDefinition: definition,
    instances: placing.instances(),
    containerInstances: fromDescribeContainerInstances(described),
    createdAt: new Date(),
  });
}
