import { describe } from 'vitest';
import type { SpreadLimitConstraint } from '../../src/model/PlacementRequest';
import { domainLaws } from '../support/domainLaws';
import { engineSpreadLimit } from '../support/engineArbitraries';
import { ENGINES } from '../support/scenarioCluster';

describe.each(ENGINES)('spreadLimit on the %s engine', (engine) => {
  domainLaws<SpreadLimitConstraint>('spreadLimit', engine, engineSpreadLimit, {
    field: (constraint) => constraint.field,
    groups: (_constraint, group) => [group],
    breaks: (constraint, domain, counts) => {
      if (domain === undefined) return 'the instance is in no domain';
      if (constraint.domains !== undefined && !constraint.domains.includes(domain)) return `${domain} is not a domain listed`;
      const minimum = counts.minimum(constraint.minDomains, constraint.domains);
      const skew = counts.tasksIn(domain) + 1 - minimum;
      return skew > constraint.maxSkew ? `${domain} would hold ${skew} tasks above the emptiest domain's ${minimum}, over maxSkew ${constraint.maxSkew}` : undefined;
    },
  });
});
