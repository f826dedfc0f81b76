import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../../test/support/runs';
import type { InstanceState } from '../model/InstanceState';
import { TaskRecord } from './TaskRecord';
import { numberOfTaskId, TaskTable } from './TaskTable';

const INSTANCE = { id: 'i-1' } as InstanceState;
const NO_PORTS = { tcp: [], udp: [] };

function record(taskId: string): TaskRecord {
  return new TaskRecord(taskId, INSTANCE, 'service:web', undefined, undefined, {}, NO_PORTS);
}

/** Ids the cluster gives, close together so that probes collide, and ids it keeps in its map. */
const taskIdArbitrary = fc.oneof(
  fc.integer({ min: 1, max: 400 }).map((number) => `task-${number}`),
  fc.integer({ min: 1, max: 2 ** 40 }).map((number) => `task-${number}`),
  fc.constantFrom('task-0', 'task-007', 'task-', 'task-12a', 'arn:aws:ecs:us-east-1:123456789012:task/web/1', 'task-9007199254740993', 'task-9007199254740992'),
);

type Step = { readonly add: string } | { readonly remove: number } | { readonly clear: true };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 120, arbitrary: taskIdArbitrary.map((add) => ({ add })) },
  { weight: 100, arbitrary: fc.nat().map((remove) => ({ remove })) },
  // Rare, so that the table grows, fills with holes and closes them between clears.
  { weight: 1, arbitrary: fc.constant({ clear: true as const }) },
);

describe('TaskTable', () => {
  it('holds what a Map in insertion order holds, through any adds, stops and clears', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { maxLength: 800, size: 'max' }), (steps) => {
        const table = new TaskTable();
        const model = new Map<string, TaskRecord>();
        const held: TaskRecord[] = [];
        const seen = new Set<string>();
        for (const step of steps) {
          if ('add' in step) {
            if (model.has(step.add)) continue;
            const task = record(step.add);
            table.add(task);
            model.set(step.add, task);
            held.push(task);
            seen.add(step.add);
          } else if ('remove' in step) {
            if (model.size === 0) continue;
            const at = step.remove % held.length;
            const task = held[at] as TaskRecord;
            held[at] = held[held.length - 1] as TaskRecord;
            held.pop();
            table.delete(task);
            model.delete(task.taskId);
          } else {
            table.clear();
            model.clear();
            held.length = 0;
          }
          if (table.size !== model.size) return false;
          // A few held ids, those added or moved last, must be found after every step.
          for (let at = Math.max(0, held.length - 6); at < held.length; at += 1) if (table.get((held[at] as TaskRecord).taskId) !== held[at]) return false;
        }
        expect([...table.values()]).toEqual([...model.values()]);
        for (const taskId of seen) {
          expect(table.get(taskId)).toBe(model.get(taskId));
          expect(table.has(taskId)).toBe(model.has(taskId));
        }
        return true;
      }),
      { numRuns: runs(200) },
    );
  });

  it('grows past thousands of tasks and shrinks back, keeping every one findable', () => {
    const table = new TaskTable();
    const tasks = Array.from({ length: 5000 }, (_, index) => record(`task-${index + 1}`));
    for (const task of tasks) table.add(task);
    for (const task of tasks.slice(0, 4990)) table.delete(task);
    expect(table.size).toBe(10);
    expect([...table.values()].map((task) => task.taskId)).toEqual(tasks.slice(4990).map((task) => task.taskId));
    for (const task of tasks.slice(4990)) expect(table.get(task.taskId)).toBe(task);
    expect(table.get('task-1')).toBeUndefined();
  });

  it('holds every task added after room was reserved for them, and those it held before', () => {
    const table = new TaskTable();
    const earlier = record('task-3');
    table.add(earlier);
    table.reserve(3000);
    const tasks = Array.from({ length: 3000 }, (_, index) => record(`task-${index + 10}`));
    for (const task of tasks) table.add(task);
    expect(table.get('task-3')).toBe(earlier);
    for (const task of tasks) expect(table.get(task.taskId)).toBe(task);
    expect(table.size).toBe(3001);
  });

  it('lets tasks stop while its tasks are read, and skips them', () => {
    const table = new TaskTable();
    const tasks = ['task-1', 'task-2', 'task-3', 'task-4'].map(record);
    for (const task of tasks) table.add(task);
    const read: string[] = [];
    for (const task of table.values()) {
      read.push(task.taskId);
      if (task.taskId === 'task-2') table.delete(tasks[2] as TaskRecord);
    }
    expect(read).toEqual(['task-1', 'task-2', 'task-4']);
  });
});

describe('numberOfTaskId', () => {
  it('reads the ids a cluster gives, and no other', () => {
    expect(numberOfTaskId('task-1')).toBe(1);
    expect(numberOfTaskId('task-9007199254740991')).toBe(2 ** 53 - 1);
    for (const other of ['task-0', 'task-01', 'task-', 'task-1x', 'Task-1', 'task-9007199254740992', 'task-12345678901234567']) expect(numberOfTaskId(other)).toBe(0);
  });
});
