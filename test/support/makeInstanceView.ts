import type { InstanceView } from '../../src/query/InstanceView';

/** Overrides for {@link makeInstanceView}; attributes and task groups as plain objects. */
export interface InstanceViewOverrides {
  id?: string;
  ec2InstanceId?: string;
  attributes?: Record<string, string | null>;
  agentConnected?: boolean;
  agentVersion?: string;
  registeredAt?: string;
  taskGroups?: Record<string, number>;
}

/** A fully valid instance view with the given fields changed. */
export function makeInstanceView(overrides: InstanceViewOverrides = {}): InstanceView {
  const taskGroups = new Map(Object.entries(overrides.taskGroups ?? {}));
  let running = 0;
  for (const count of taskGroups.values()) running += count;
  return {
    id: overrides.id ?? 'instance-1',
    ec2InstanceId: overrides.ec2InstanceId,
    attributes: new Map(Object.entries(overrides.attributes ?? {})),
    agentConnected: overrides.agentConnected ?? true,
    agentVersion: overrides.agentVersion,
    registeredAt: overrides.registeredAt === undefined ? undefined : Date.parse(overrides.registeredAt),
    runningTasksCount: running,
    taskGroups,
  };
}
