/**
 * Reading a cluster trace: tasks with their arrival, their end and what
 * they reserve, from a CSV file in one of two layouts, and the instances of
 * Alibaba's trace from its node list.
 *
 *   the plain layout       a header naming `arrival` and `duration` or `end`
 *                          (seconds), `name` if wanted, and one column per
 *                          resource (`cpu` in CPU units, `memory` in MiB,
 *                          `gpu`, or any resource name); an empty duration
 *                          or end runs to the end of the trace
 *   Alibaba's 2023 GPU     `openb_pod_list_*.csv`: name, cpu_milli,
 *   cluster trace          memory_mib, num_gpu, gpu_milli, gpu_spec, qos,
 *                          pod_phase, creation_time, deletion_time,
 *                          scheduled_time; a pod arrives at creation_time
 *                          and ends at deletion_time (empty: never)
 *
 * From Alibaba's layout, CPU is read as 1.024 CPU units a thousandth of a
 * core (ECS counts 1,024 units a vCPU), rounded up; GPUs are whole: a pod
 * that asks for a share of one GPU (gpu_milli under 1,000) is given a whole
 * GPU, so a trace with shared GPUs packs fewer pods than its cluster did.
 *
 * @module
 */
import type { InstanceSpec } from '../../model/InstanceSpec';
import { PlacementInputError } from '../../model/PlacementInputError';
import { resourceNameProblem } from '../../model/validation/validateResources';
import { parseDecimal } from '../validation/numbers';

/** One task of a trace. */
export interface TraceTask {
  /** Its name in the trace, or `task-<line>` when the trace gives none. */
  readonly name: string;
  /** When it arrives, in seconds. */
  readonly arrival: number;
  /** When it ends, in seconds; undefined when it runs to the end of the trace. */
  readonly end: number | undefined;
  /** What it reserves while it runs. */
  readonly resources: Readonly<Record<string, number>>;
}

const ALIBABA_COLUMNS = ['name', 'cpu_milli', 'memory_mib', 'num_gpu', 'gpu_milli', 'gpu_spec', 'qos', 'pod_phase', 'creation_time', 'deletion_time', 'scheduled_time'];
/** CPU units a thousandth of a core: ECS counts 1,024 a vCPU. */
const CPU_UNITS_PER_MILLI = 1.024;
/** The most tasks a trace may hold: each is a placement to replay. */
const MOST_TASKS = 1_000_000;

/**
 * Reads a trace in the plain layout or in Alibaba's pod list layout,
 * whichever its header names.
 *
 * @param text - the file's content
 * @param name - the file's name, for errors
 * @returns the tasks, in the file's order
 * @throws {@link task-placement!PlacementInputError} `invalid_trace_file`
 *   with the file's name and line as path: a header that is neither layout,
 *   a row of another length, a time or an amount that is not a number of at
 *   least 0, an end before the arrival, a resource name that is not one, or
 *   more than 1,000,000 tasks
 *
 * @example
 * ```ts
 * readTraceFile('name,arrival,duration,cpu,memory\nweb-1,0,60,256,512\n', 'trace.csv');
 * // [{ name: 'web-1', arrival: 0, end: 60, resources: { cpu: 256, memory: 512 } }]
 * ```
 */
export function readTraceFile(text: string, name: string): TraceTask[] {
  const [header, ...data] = csvRows(text);
  if (header === undefined) throw fail(name, 1, 'the file is empty; give a header such as name,arrival,duration,cpu,memory');
  if (data.length > MOST_TASKS) throw fail(name, header.line, `a trace may hold at most ${MOST_TASKS.toLocaleString('en-US')} tasks; this one has ${data.length.toLocaleString('en-US')}`);
  const alibaba = ALIBABA_COLUMNS.every((column, index) => header.cells[index] === column);
  return alibaba ? readAlibaba(data, name, header.cells.length) : readPlain(header.cells, data, name, header.line);
}

type Row = { readonly line: number; readonly cells: readonly string[] };

const NODE_COLUMNS = ['sn', 'cpu_milli', 'memory_mib', 'gpu', 'model'];

/**
 * Reads the instances of Alibaba's 2023 GPU cluster trace from its node
 * list (`openb_node_list_*.csv`: sn, cpu_milli, memory_mib, gpu, model): an
 * instance a node, its serial number as id, its CPU as 1.024 CPU units a
 * thousandth of a core (rounded down), its memory in MiB, its GPUs, and its
 * GPU model as the attribute `gpu-model`.
 *
 * @param text - the file's content
 * @param name - the file's name, for errors
 * @returns the instances, as `Cluster` takes them
 * @throws {@link task-placement!PlacementInputError} `invalid_trace_file`
 *   with the file's name and line as path, for another header or a value
 *   that is not what its column holds
 */
export function readNodeListFile(text: string, name: string): InstanceSpec[] {
  const [header, ...data] = csvRows(text);
  if (header === undefined || NODE_COLUMNS.some((column, index) => header.cells[index] !== column)) {
    throw fail(name, header?.line ?? 1, `expected the header of an Alibaba openb_node_list file, ${NODE_COLUMNS.join(',')}`);
  }
  return data.map(({ line, cells }) => {
    if (cells.length !== header.cells.length) throw fail(name, line, `expected ${header.cells.length} values, as the header names, found ${cells.length}`);
    const gpu = number(cells[3], name, line, 'gpu');
    const resources = { cpu: Math.floor(number(cells[1], name, line, 'cpu_milli') * CPU_UNITS_PER_MILLI), memory: number(cells[2], name, line, 'memory_mib'), ...(gpu > 0 ? { gpu } : {}) };
    const model = cells[4] ?? '';
    return { id: cells[0] as string, resources, ...(model === '' ? {} : { attributes: { 'gpu-model': model } }) };
  });
}

function readPlain(columns: readonly string[], data: readonly Row[], name: string, headerLine: number): TraceTask[] {
  const at = (column: string): number => columns.indexOf(column);
  const arrival = at('arrival');
  const duration = at('duration');
  const end = at('end');
  const nameColumn = at('name');
  if (arrival < 0 || (duration < 0) === (end < 0)) {
    throw fail(name, headerLine, 'expected a header naming arrival, either duration or end, and the resources (such as name,arrival,duration,cpu,memory), or the header of an Alibaba openb_pod_list file');
  }
  const resources = columns.map((column, index) => ({ column, index })).filter(({ index }) => ![arrival, duration, end, nameColumn].includes(index));
  for (const { column } of resources) {
    const problem = resourceNameProblem(column);
    if (problem !== undefined) throw fail(name, headerLine, `the column ${JSON.stringify(column)} would be a resource: ${problem}`);
  }
  return data.map(({ line, cells }) => {
    if (cells.length !== columns.length) throw fail(name, line, `expected ${columns.length} values, as the header names, found ${cells.length}`);
    const start = number(cells[arrival], name, line, 'arrival');
    const until = duration >= 0 ? optionalNumber(cells[duration], name, line, 'duration', (value) => start + value) : optionalNumber(cells[end], name, line, 'end', (value) => value);
    if (until !== undefined && until < start) throw fail(name, line, `the task ends at ${until}, before it arrives at ${start}`);
    const amounts: Record<string, number> = {};
    for (const { column, index } of resources) {
      const amount = number(cells[index], name, line, column);
      if (amount > 0) amounts[column] = amount;
    }
    return { name: nameColumn >= 0 ? (cells[nameColumn] as string) : `task-${line}`, arrival: start, end: until, resources: amounts };
  });
}

function readAlibaba(data: readonly Row[], name: string, columns: number): TraceTask[] {
  return data.map(({ line, cells }) => {
    if (cells.length !== columns) throw fail(name, line, `expected ${columns} values, as the header names, found ${cells.length}`);
    const arrival = number(cells[8], name, line, 'creation_time');
    const end = optionalNumber(cells[9], name, line, 'deletion_time', (value) => value);
    if (end !== undefined && end < arrival) throw fail(name, line, `the pod is deleted at ${end}, before it is created at ${arrival}`);
    const cpu = Math.ceil(number(cells[1], name, line, 'cpu_milli') * CPU_UNITS_PER_MILLI);
    const memory = number(cells[2], name, line, 'memory_mib');
    const gpu = number(cells[3], name, line, 'num_gpu');
    number(cells[4], name, line, 'gpu_milli');
    const amounts: Record<string, number> = {};
    if (cpu > 0) amounts['cpu'] = cpu;
    if (memory > 0) amounts['memory'] = memory;
    if (gpu > 0) amounts['gpu'] = Math.ceil(gpu);
    return { name: cells[0] as string, arrival, end, resources: amounts };
  });
}

/** The non-blank lines of a CSV text, each with its line number and its cells, trimmed. */
function csvRows(text: string): Row[] {
  return text.split(/\r?\n/).map((line, index) => ({ line: index + 1, cells: line.split(',').map((cell) => cell.trim()) })).filter(({ cells }) => cells.some((cell) => cell !== ''));
}

function number(cell: string | undefined, name: string, line: number, column: string): number {
  const value = parseDecimal(cell);
  if (!(value >= 0 && Number.isFinite(value))) throw fail(name, line, `expected ${column} as a number of at least 0, found ${JSON.stringify(cell ?? '')}`);
  return value;
}

function optionalNumber(cell: string | undefined, name: string, line: number, column: string, then: (value: number) => number): number | undefined {
  return cell === undefined || cell === '' ? undefined : then(number(cell, name, line, column));
}

function fail(name: string, line: number, message: string): PlacementInputError {
  return new PlacementInputError('invalid_trace_file', `${name}:${line}`, `Line ${line} of ${name}: ${message}.`);
}
