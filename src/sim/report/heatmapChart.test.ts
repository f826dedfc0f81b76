import { describe, expect, it } from 'vitest';
import { heatmapCells } from '../../../test/report/pageChecks';
import { largeFleet, makeInstance, makeReport } from '../../../test/report/reportFixtures';
import { groupInstances, heatmapSvg, renderHeatmapChart } from './heatmapChart';

describe('groupInstances', () => {
  it("orders zones as the scenario lists them, then others, and gives every zone every type, in natural order", () => {
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
      ['m5.large', []],
    ]);
    for (const zone of groups) expect(zone.types.map((group) => group.type)).toEqual(['m5.2xlarge', 'm5.12xlarge', 'm5.large']);
    expect(groups[0]?.instances.map((instance) => instance.id)).toEqual(['d']);
  });
});

describe('heatmapSvg', () => {
  it('draws one cell per instance, with a tooltip naming it, its type, zone, usage and tasks', () => {
    const svg = heatmapSvg(makeReport({ instances: [makeInstance('i-0abc', { type: 'c5.large', zone: 'us-east-1b', cpu: 0.25, memory: 0.875, tasks: 3 })] }));
    expect(heatmapCells(svg)).toBe(1);
    expect(svg).toContain('<title>i-0abc\nc5.large · us-east-1b · ACTIVE\nmemory 88% · cpu 25%\n3 tasks\n');
  });

  it('marks instances that are not ACTIVE and says so in the key', () => {
    const figure = renderHeatmapChart(makeReport({ instances: [makeInstance('i-1', { status: 'DRAINING' })] }));
    expect(heatmapSvg(makeReport({ instances: [makeInstance('i-1', { status: 'DRAINING' })] }))).toContain('class="inactive"');
    expect(figure).toContain('not ACTIVE');
    expect(renderHeatmapChart(makeReport())).not.toContain('not ACTIVE');
  });

  it('draws each type at the same height in every zone, an empty row where a zone has none of it', () => {
    const instances = [
      ...Array.from({ length: 40 }, (_, index) => makeInstance(`a-${index}`, { zone: 'z1', type: 'm5.large' })),
      makeInstance('b', { zone: 'z2', type: 'c5.large' }),
      makeInstance('c', { zone: 'z2', type: 'm5.large' }),
    ];
    const svg = heatmapSvg(makeReport({ instances, zones: ['z1', 'z2'] }));
    const panels = svg.split('<g class="panel"').slice(1);
    expect(panels).toHaveLength(2);
    const rows = panels.map((panel) => [...panel.matchAll(/<text class="row-label(?: none)?" x="0" y="([\d.]+)">([^<]*)<\/text>/g)].map((match) => [match[2], match[1]]));
    expect(rows[0]?.map(([type]) => type)).toEqual(['c5.large', 'm5.large']);
    expect(rows[1]).toEqual(rows[0]);
    expect(panels[0]).toContain('<text class="row-label none" x="0" y="');
  });

  it('places the panels for one, two and three columns, three side by side without the style sheet', () => {
    const svg = heatmapSvg(makeReport({ instances: largeFleet(30), zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'] }));
    expect(svg).toMatch(/style="--w1:330px;--h1:\d+px;--w2:688px;--h2:\d+px;--w3:1046px;--h3:\d+px"/);
    expect(svg).toContain('transform="translate(716 0)" style="--x1:0px;--y1:');
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
