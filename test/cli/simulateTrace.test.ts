import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { fakeIo } from './fakeIo';

const TRACE = 'name,arrival,duration,memory\nA,0,10,6\nB,1,5,6\nC,2,1,5\n';
const FLEET = JSON.stringify([{ id: 'i-1', resources: { cpu: 1024, memory: 10 } }]);
const NODES = 'sn,cpu_milli,memory_mib,gpu,model\nopenb-node-0001,32000,131072,2,T4\n';
const PODS = [
  'name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time',
  'openb-pod-0000,8000,16384,1,1000,,LS,Running,0,3600,0',
  'openb-pod-0001,8000,16384,1,500,,LS,Running,60,1800,60',
  'openb-pod-0002,8000,16384,1,1000,,LS,Running,120,7200,',
].join('\n');

describe('task-placement simulate --trace', () => {
  it('replays a trace on a fleet and prints the tasks running and waiting, what is used and what is stranded, over time', () => {
    // 100 columns: what the program uses when its output is not a terminal.
    const io = fakeIo({ 'trace.csv': TRACE, 'fleet.json': FLEET }, { columns: 100 });
    expect(main(['simulate', '--trace', 'trace.csv', '--fleet', 'fleet.json', '--samples', '3'], io)).toBe(0);
    const text = io.stdout();
    expect(text).toContain('Replayed 3 tasks of trace.csv on 1 instance of fleet.json with binpack(memory): 3 started (2 of them\nafter waiting), 0 never started.');
    expect(text).toMatch(/^\s+0\s+1\s+0\s+0\.0%\s+60\.0%\s+0\s+0$/m);
    expect(text).toMatch(/^\s+5\s+1\s+2\s+0\.0%\s+60\.0%\s+1,024\s+4$/m);
    expect(text).toMatch(/^\s+10\s+1\s+1\s+0\.0%\s+60\.0%\s+1,024\s+4$/m);
    // docs/simulation.md shows this very output.
    const doc = readFileSync(join(import.meta.dirname, '../../docs/simulation.md'), 'utf8');
    expect(doc).toContain(`\`\`\`text\n${text}\`\`\``);
  });

  it("reads Alibaba's node list and pod list, and prints the replay as JSON", () => {
    const io = fakeIo({ 'openb_pod_list_default.csv': PODS, 'openb_node_list_all_node.csv': NODES });
    expect(main(['simulate', '--trace', 'openb_pod_list_default.csv', '--fleet', 'openb_node_list_all_node.csv', '--strategy', 'binpack(gpu)', '--json'], io)).toBe(0);
    const replay = JSON.parse(io.stdout()) as { started: number; startedLate: number; resources: string[]; samples: unknown[] };
    expect(replay).toMatchObject({ started: 3, startedLate: 1, resources: ['cpu', 'gpu', 'memory'] });
    expect(replay.samples).toHaveLength(24);
  });

  it('writes an HTML page charting the replay with --report', () => {
    const io = fakeIo({ 'trace.csv': TRACE, 'fleet.json': FLEET });
    expect(main(['simulate', '--trace', 'trace.csv', '--fleet', 'fleet.json', '--report', 'replay.html'], io)).toBe(0);
    expect(io.stdout()).toContain('Report written to replay.html');
    const page = io.files.get('replay.html') ?? '';
    for (const chart of ['replay-utilization', 'replay-tasks', 'replay-stranded']) expect(page).toContain(`data-chart="${chart}"`);
    expect(page).toContain('task-placement simulate --trace trace.csv --fleet fleet.json --report replay.html');
  });

  it.each<[string, string[], RegExp]>([
    ['without --fleet', ['--trace', 'trace.csv'], /--trace needs --fleet FILE/],
    ['with a scenario file', ['scenario.json', '--trace', 'trace.csv', '--fleet', 'fleet.json'], /--trace replays a trace on its --fleet: leave out the scenario file\./],
    ['with --seed', ['--trace', 'trace.csv', '--fleet', 'fleet.json', '--seed', '3'], /leave out --seed\./],
    ['with an empty --report name', ['--trace', 'trace.csv', '--fleet', 'fleet.json', '--report', ''], /Cannot write the --report file: the file name is empty/],
    ['--fleet without --trace', ['--fleet', 'fleet.json'], /--fleet goes with --trace/],
    ['a trace file that is not there', ['--trace', 'missing.csv', '--fleet', 'fleet.json'], /Cannot read the --trace file missing\.csv/],
    ['a malformed trace', ['--trace', 'bad.csv', '--fleet', 'fleet.json'], /Line 2 of bad\.csv: expected arrival as a number of at least 0, found "soon"/],
    ['too few samples', ['--trace', 'trace.csv', '--fleet', 'fleet.json', '--samples', '1'], /--samples takes a whole number of at least 2 and at most 10,000/],
    ["a strategy ECS's notation does not have", ['--trace', 'trace.csv', '--fleet', 'fleet.json', '--strategy', 'pack(memory)'], /--strategy/],
  ])('refuses to run %s, with a message and exit 2', (_name, args, message) => {
    const io = fakeIo({ 'trace.csv': TRACE, 'fleet.json': FLEET, 'bad.csv': 'name,arrival,duration,memory\nA,soon,1,1\n', 'scenario.json': '{}' });
    expect(main(['simulate', ...args], io)).toBe(2);
    expect(io.stderr()).toMatch(message);
    expect(io.stdout()).toBe('');
  });
});
