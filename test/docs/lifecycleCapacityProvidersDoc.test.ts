import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/Cluster';
import { splitByCapacityProvider } from '../../src/placement/splitByCapacityProvider';

const page = readFileSync(new URL('../../docs/lifecycle.md', import.meta.url), 'utf8');
const section = page.slice(page.indexOf('## Capacity provider strategies'), page.indexOf('## Scale-in'));

describe('docs/lifecycle.md, capacity provider strategies', () => {
  it('comes just before Scale-in, with ECS\'s sources and a table of decisions', () => {
    expect(page.indexOf('## Capacity provider strategies')).toBeGreaterThan(0);
    expect(page.indexOf('## Capacity provider strategies')).toBeLessThan(page.indexOf('## Scale-in'));
    expect(section).toContain('https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html');
    expect(section).toContain('https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-capacity-providers.html');
    expect(section).toContain('| Question ECS leaves open | Our answer |');
  });

  it('rounds weights 1 and 3 as the table says', () => {
    const strategy = [{ capacityProvider: 'a', base: 0, weight: 1 }, { capacityProvider: 'b', base: 0, weight: 3 }];
    const shares = (count: number) => {
      const split = splitByCapacityProvider(strategy, count);
      return `${split.filter((index) => index === 0).length} and ${split.filter((index) => index === 1).length}`;
    };
    expect(section).toContain(`give 2 tasks beyond the base as ${shares(2)}, 3 as ${shares(3)}, 4 as ${shares(4)}.`);
  });

  // The library example of the section, as it is written there; each result must be the comment the page gives it.
  it.each(['reference', 'indexed'] as const)('places what the example says on the %s engine', (engine) => {
    const provider = (name: string, zone: string) => ({ 'task-placement.capacity-provider': name, 'ecs.availability-zone': zone });
    const instances = [
      { id: 'od-a', resources: { cpu: 4096, memory: 8192 }, attributes: provider('on-demand', 'us-east-1a') },
      { id: 'od-b', resources: { cpu: 4096, memory: 8192 }, attributes: provider('on-demand', 'us-east-1b') },
      { id: 'spot-a', resources: { cpu: 4096, memory: 8192 }, attributes: provider('spot', 'us-east-1a') },
      { id: 'spot-b', resources: { cpu: 4096, memory: 8192 }, attributes: provider('spot', 'us-east-1b') },
    ];
    const cluster = new Cluster({ engine, instances });
    const task = { family: 'web', resources: { cpu: 256, memory: 512 } };
    const capacityProviderStrategy = [
      { capacityProvider: 'on-demand', base: 2, weight: 1 },
      { capacityProvider: 'spot', weight: 3 },
    ];

    const shown = (value: unknown): string => JSON.stringify(value).replaceAll('","', "', '").replaceAll('"', "'");
    const results = [
      shown(cluster.place({ service: 'web', task, count: 6, capacityProviderStrategy }).placements.map(({ instanceId }) => instanceId)),
      shown(cluster.place({ service: 'web', task, count: 4, capacityProviderStrategy }).placements.map(({ instanceId }) => instanceId)),
      shown(cluster.explain({ service: 'web', task, capacityProviderStrategy }).capacityProvider),
      shown(cluster.place({ task, capacityProviderStrategy: [{ capacityProvider: 'arm' }] }).failures.map(({ reason }) => reason)),
    ];
    expect(results).toEqual([
      "['od-a', 'od-b', 'spot-a', 'spot-b', 'od-a', 'spot-b']",
      "['spot-a', 'spot-b', 'od-b', 'spot-a']",
      "'spot'",
      "['EMPTY CAPACITY PROVIDER']",
    ]);
    for (const result of results) expect(section).toContain(`// ${result}`);

    const atOnce = new Cluster({ engine, instances });
    const all = atOnce.place({ service: 'web', task, count: 10, capacityProviderStrategy }).placements.map(({ instanceId }) => instanceId.split('-')[0]);
    expect(all.sort()).toEqual([...new Array<string>(4).fill('od'), ...new Array<string>(6).fill('spot')]);
  });
});
