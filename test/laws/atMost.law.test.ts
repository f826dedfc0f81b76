import { describe } from 'vitest';
import type { AtMostConstraint } from '../../src/model/PlacementRequest';
import { domainLaws } from '../support/domainLaws';
import { engineAtMost } from '../support/engineArbitraries';
import { ENGINES } from '../support/scenarioCluster';

describe.each(ENGINES)('atMost on the %s engine', (engine) => {
  domainLaws<AtMostConstraint>('atMost', engine, engineAtMost, {
    field: (constraint) => constraint.field,
    groups: (constraint, group) => [group, ...(constraint.groups ?? [])],
    breaks: (constraint, domain, counts) => {
      if (domain === undefined) return 'the instance is in no domain';
      const tasks = counts.tasksIn(domain);
      return tasks >= constraint.count ? `${domain} already holds ${tasks} tasks of at most ${constraint.count}` : undefined;
    },
  });
});
