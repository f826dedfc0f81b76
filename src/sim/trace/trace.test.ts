import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../../../test/support/inputErrorOf';
import { runs } from '../../../test/support/runs';
import { readNodeListFile, readTraceFile } from './readTraceFile';
import { replayTrace } from './replayTrace';

describe('readTraceFile', () => {
  it('reads the plain layout: arrival, duration or end, a name if given, a column per resource', () => {
    expect(readTraceFile('name,arrival,duration,cpu,memory\nweb-1,0,60,256,512\nbatch,30,,0,1024\n', 'trace.csv')).toEqual([
      { name: 'web-1', arrival: 0, end: 60, resources: { cpu: 256, memory: 512 } },
      { name: 'batch', arrival: 30, end: undefined, resources: { memory: 1024 } },
    ]);
    expect(readTraceFile('arrival,end,memory,gpu\r\n\r\n5,8.5,2048,1\r\n', 'ends.csv')).toEqual([{ name: 'task-3', arrival: 5, end: 8.5, resources: { memory: 2048, gpu: 1 } }]);
  });

  it("reads Alibaba's pod list: CPU in thousandths of a core, whole GPUs, creation and deletion times", () => {
    const header = 'name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time';
    const pods = `${header}\nopenb-pod-0000,12000,16384,1,1000,,LS,Running,0,12537496,0\nopenb-pod-0001,6000,12288,1,460,V100M16,LS,Running,427061,,427061\n`;
    expect(readTraceFile(pods, 'openb_pod_list_default.csv')).toEqual([
      { name: 'openb-pod-0000', arrival: 0, end: 12_537_496, resources: { cpu: 12_288, memory: 16_384, gpu: 1 } },
      // A share of one GPU (460 thousandths) is held as a whole GPU.
      { name: 'openb-pod-0001', arrival: 427_061, end: undefined, resources: { cpu: 6144, memory: 12_288, gpu: 1 } },
    ]);
  });

  it.each<[string, string, string]>([
    ['an empty file', '', 'e.csv:1'],
    ['a header without arrival', 'start,duration,cpu\n0,1,1\n', 'e.csv:1'],
    ['a header with both duration and end', 'arrival,duration,end,cpu\n0,1,1,1\n', 'e.csv:1'],
    ['a resource column that is no resource name', 'arrival,duration,disk space\n0,1,1\n', 'e.csv:1'],
    ['a row of another length', 'arrival,duration,cpu\n0,1\n', 'e.csv:2'],
    ['a negative amount', 'arrival,duration,cpu\n0,1,-1\n', 'e.csv:2'],
    ['a time that is no number', 'arrival,duration,cpu\nnoon,1,1\n', 'e.csv:2'],
    ['an end before the arrival', 'arrival,end,cpu\n5,4,1\n', 'e.csv:2'],
  ])('refuses %s, naming the file and the line', (_name, text, path) => {
    expect(inputErrorOf(() => readTraceFile(text, 'e.csv'))).toEqual({ code: 'invalid_trace_file', path });
  });
});

describe('readNodeListFile', () => {
  it("reads Alibaba's node list as instances", () => {
    expect(readNodeListFile('sn,cpu_milli,memory_mib,gpu,model\nopenb-node-0227,64000,262144,2,P100\nopenb-node-0001,96000,786432,0,\n', 'nodes.csv')).toEqual([
      { id: 'openb-node-0227', resources: { cpu: 65_536, memory: 262_144, gpu: 2 }, attributes: { 'gpu-model': 'P100' } },
      { id: 'openb-node-0001', resources: { cpu: 98_304, memory: 786_432 } },
    ]);
  });

  it('refuses another header, and a value that is no number', () => {
    expect(inputErrorOf(() => readNodeListFile('id,cpu,memory\n', 'n.csv'))).toEqual({ code: 'invalid_trace_file', path: 'n.csv:1' });
    expect(inputErrorOf(() => readNodeListFile('sn,cpu_milli,memory_mib,gpu,model\nn1,lots,1,0,\n', 'n.csv'))).toEqual({ code: 'invalid_trace_file', path: 'n.csv:2' });
  });
});

describe('replayTrace', () => {
  it('starts tasks as they arrive, lets the others wait until an ending task frees room, and samples the fleet', () => {
    const fleet = [{ id: 'i-1', resources: { cpu: 1024, memory: 10 } }];
    // A holds 6 of 10 from 0 to 10; B (6) and C (5) arrive and wait; at 10 A ends and B starts; at 15 B ends and C starts.
    const trace = readTraceFile('name,arrival,duration,memory\nA,0,10,6\nB,1,5,6\nC,2,1,5\n', 't.csv');
    const replay = replayTrace(fleet, trace, { samples: 3 });
    expect(replay).toMatchObject({ tasks: 3, started: 3, startedLate: 2, neverStarted: 0, resources: ['cpu', 'memory'] });
    expect(replay.samples).toEqual([
      { time: 0, running: 1, waiting: 0, utilization: { cpu: 0, memory: 0.6 }, stranded: { cpu: 0, memory: 0 } },
      // 4 MiB free, and neither waiting task fits it: stranded, with the CPU no waiting task can use there.
      { time: 5, running: 1, waiting: 2, utilization: { cpu: 0, memory: 0.6 }, stranded: { cpu: 1024, memory: 4 } },
      { time: 10, running: 1, waiting: 1, utilization: { cpu: 0, memory: 0.6 }, stranded: { cpu: 1024, memory: 4 } },
    ]);
  });

  it('never starts a task no instance can ever hold', () => {
    const replay = replayTrace([{ id: 'i-1', resources: { cpu: 1024, memory: 10 } }], readTraceFile('arrival,duration,memory\n0,5,20\n1,1,4\n', 't.csv'), { samples: 2 });
    expect(replay).toMatchObject({ started: 1, startedLate: 0, neverStarted: 1 });
  });

  it('refuses a number of samples it cannot take', () => {
    expect(() => replayTrace([], [], { samples: 1 })).toThrow(RangeError);
  });

  const task = fc.record({ arrival: fc.integer({ min: 0, max: 100 }), duration: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }), memory: fc.integer({ min: 1, max: 12 }) });
  test.prop([fc.array(task, { maxLength: 40 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 20 })], { numRuns: runs(100) })(
    'accounts for every task, keeps utilisation within the fleet, and on room enough for all, nobody waits',
    (rows, size, samples) => {
      const trace = rows.map(({ arrival, duration, memory }, index) => ({ name: `t${index}`, arrival, end: duration === undefined ? undefined : arrival + duration, resources: { memory } }));
      const fleet = Array.from({ length: size }, (_, index) => ({ id: `i-${index}`, resources: { cpu: 0, memory: 10 } }));
      const replay = replayTrace(fleet, trace, { samples });
      expect(replay.started + replay.neverStarted).toBe(trace.length);
      expect(replay.startedLate).toBeLessThanOrEqual(replay.started);
      expect(replay.samples).toHaveLength(samples);
      for (const sample of replay.samples) expect(sample.utilization['memory']).toBeGreaterThanOrEqual(0);
      for (const sample of replay.samples) expect(sample.utilization['memory']).toBeLessThanOrEqual(1);
      const roomy = replayTrace([{ id: 'big', resources: { cpu: 0, memory: 12 * 40 } }], trace, { samples });
      expect(roomy).toMatchObject({ started: trace.length, startedLate: 0, neverStarted: 0 });
      expect(roomy.samples.every((sample) => sample.waiting === 0)).toBe(true);
    },
  );
});

describe('docs/simulation.md, Replaying a trace', () => {
  it("runs the page's example on a node list and a pod list in Alibaba's layout", () => {
    const doc = readFileSync(join(import.meta.dirname, '../../../docs/simulation.md'), 'utf8');
    const lines = [
      "const replay = replayTrace(readNodeListFile(nodes, 'openb_node_list_all_node.csv'), readTraceFile(pods, 'openb_pod_list_default.csv'), { samples: 24 });",
      "for (const { time, utilization, waiting, stranded } of replay.samples) console.log(time, utilization['gpu'], waiting, stranded['gpu']);",
    ];
    for (const line of lines) expect(doc).toContain(line);
    const nodes = 'sn,cpu_milli,memory_mib,gpu,model\nopenb-node-0001,32000,131072,2,T4\n';
    const pods = [
      'name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time',
      'openb-pod-0000,8000,16384,1,1000,,LS,Running,0,3600,0',
      'openb-pod-0001,8000,16384,1,500,,LS,Running,60,1800,60',
      'openb-pod-0002,8000,16384,1,1000,,LS,Running,120,7200,',
    ].join('\n');
    const replay = replayTrace(readNodeListFile(nodes, 'openb_node_list_all_node.csv'), readTraceFile(pods, 'openb_pod_list_default.csv'), { samples: 24 });
    // Two GPUs: the third pod waits for the half-GPU pod, which holds a whole one, to end at 1800.
    expect(replay).toMatchObject({ tasks: 3, started: 3, startedLate: 1, neverStarted: 0 });
    expect(Math.max(...replay.samples.map((sample) => sample.waiting))).toBe(1);
    expect(Math.max(...replay.samples.map((sample) => sample.utilization['gpu'] ?? 0))).toBe(1);
  });
});
