import { describe, expect, it } from 'vitest';
import { heatmapCells } from '../../../test/report/pageChecks';
import { largeFleet, makeInstance, makeReport } from '../../../test/report/reportFixtures';
import { groupInstances, heatmapSvg } from './heatmapChart';

describe('groupInstances', () => {
  it("orders zones as the scenario lists them, then others, and types naturally", () => {
    const instances = [
      makeInstance('a', { zone: 'z-extra', type: 'm5.12xlarge' }),
      makeInstance('b', { zone: 'z2', type: 'm5.12xlarge' }),
      makeInstance('c', { zone: 'z2', type: 'm5.2xlarge' }),
      makeInstance('d', { zone: 'z1', type: 'm5.large' }),
      makeInstance('e', { zone: 'z2', type: 'm5.2xlarge' }),
    ];
    const groups = groupInstances(instances, ['z1', 'z2', 'z-empty']);
    expect(groups.map((zone) => zone.zone)).toEqual(['z1', 'z2', 'z-extra']);
    expect(groups[1]?.types.map((group) => [group.type, group.instances.map((instance) => instance.id)])).toEqual([
      ['m5.2xlarge', ['c', 'e']],
      ['m5.12xlarge', ['b']],
    ]);
  });
});

describe('heatmapSvg', () => {
  it('draws one cell per instance, with a tooltip naming it, its type, zone, usage and tasks', () => {
    const svg = heatmapSvg(makeReport({ instances: [makeInstance('i-0abc', { type: 'c5.large', zone: 'us-east-1b', cpu: 0.25, memory: 0.875, tasks: 3 })] }));
    expect(heatmapCells(svg)).toBe(1);
    expect(svg).toContain('<title>i-0abc\nc5.large · us-east-1b · ACTIVE\nmemory 88% · cpu 25%\n3 tasks\n');
  });

  it('marks instances that are not ACTIVE and says so in the legend', () => {
    const svg = heatmapSvg(makeReport({ instances: [makeInstance('i-1', { status: 'DRAINING' })] }));
    expect(svg).toContain('class="inactive"');
    expect(svg).toContain('not ACTIVE');
  });

  it('still draws a cell for each of 10,000 instances, as a denser grid', () => {
    const svg = heatmapSvg(makeReport({ instances: largeFleet(10_000), zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'] }));
    expect(heatmapCells(svg)).toBe(10_000);
    const height = Number(/height="(\d+)"/.exec(svg)?.[1]);
    expect(height).toBeGreaterThan(0);
    expect(height).toBeLessThan(1200);
  });

  it('says so when there are no instances', () => {
    expect(heatmapSvg(makeReport({ instances: [] }))).toContain('No instances in this report.');
  });
});
