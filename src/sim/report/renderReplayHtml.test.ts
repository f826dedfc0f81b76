import { describe, expect, it } from 'vitest';
import { readTraceFile } from '../trace/readTraceFile';
import { replayTrace } from '../trace/replayTrace';
import { renderReplayHtml } from './renderReplayHtml';

const replay = replayTrace([{ id: 'i-1', resources: { cpu: 1024, memory: 10 } }], readTraceFile('name,arrival,duration,memory\nA,0,10,6\nB,1,5,6\nC,2,1,5\n', 't.csv'), { samples: 5 });

describe('renderReplayHtml', () => {
  const html = renderReplayHtml(replay, { version: '0.1.0', generatedAt: '2026-12-07T02:00:00Z', commandLine: ['task-placement', 'simulate', '--trace', 't.csv'] }, 't.csv');

  it('draws utilisation, tasks and stranded capacity over time, a line a series, a point a sample', () => {
    for (const chart of ['replay-utilization', 'replay-tasks', 'replay-stranded']) expect(html).toContain(`data-chart="${chart}"`);
    const lines = [...html.matchAll(/<polyline [^>]*points="([^"]*)"[^>]*data-series="([^"]*)"/g)];
    expect(lines.map((line) => line[2])).toEqual(['cpu', 'memory', 'running', 'waiting', 'cpu', 'memory']);
    for (const line of lines) expect((line[1] ?? '').split(' ')).toHaveLength(5);
    expect(html).toContain('<strong>3</strong> tasks · <strong>3</strong> started (2 after waiting) · <strong>0</strong> never started');
  });

  it('is one self-contained page: no script, no URL, the footer as the simulation report has it', () => {
    expect(html).not.toMatch(/<script|https?:|src=/i);
    expect(html).toContain('<span class="version">0.1.0</span>');
    expect(html).toContain('task-placement simulate --trace t.csv');
  });

  it('escapes the title and the resource names', () => {
    const hostile = { ...replay, resources: ['<b>cpu</b>'], capacity: { '<b>cpu</b>': 1 } };
    const page = renderReplayHtml(hostile, undefined, '<script>alert(1)</script>');
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<b>cpu</b>');
  });
});
