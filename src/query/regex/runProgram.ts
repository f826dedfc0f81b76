import { rangesContain } from './charClass';
import { checkAssertion } from './checkAssertion';
import { OP_ASSERT, OP_CHAR, OP_CLASS, OP_JUMP, OP_SPLIT, type Program } from './program';
import { SparseSet } from './sparseSet';

/**
 * A Thompson-NFA simulation of one program, reusable across values.
 *
 * Each position of the value has a list of live instructions; a sparse set
 * admits each instruction at most once per position, which bounds the work
 * per position by the program size and makes empty loops such as `(a*)*`
 * harmless. The two lists and the closure stack are allocated once here, so
 * matching allocates nothing.
 */
export class ProgramRunner {
  /** VM steps of the last {@link ProgramRunner.execute}: instructions admitted to a list, summed over positions. */
  steps = 0;
  private readonly current: SparseSet;
  private readonly following: SparseSet;
  private readonly stack: Int32Array;
  private readonly matchPc: number;

  /** @param program - The program to run; its last instruction is the match. */
  constructor(private readonly program: Program) {
    const size = program.ops.length;
    this.current = new SparseSet(size);
    this.following = new SparseSet(size);
    this.stack = new Int32Array(size);
    this.matchPc = size - 1;
  }

  /**
   * Matches the whole value. All state is reset on entry, so an earlier call
   * that was interrupted cannot affect this one.
   *
   * @param value - The value, read by code point.
   * @returns True when the program matches all of `value`.
   */
  execute(value: string): boolean {
    this.steps = 0;
    let list = this.current;
    let next = this.following;
    list.clear();
    this.admit(list, 0, value, 0);
    let pos = 0;
    while (pos < value.length) {
      if (list.size === 0) return false;
      const codePoint = value.codePointAt(pos) ?? 0;
      const after = pos + (codePoint > 0xffff ? 2 : 1);
      next.clear();
      this.step(list, next, codePoint, value, after);
      const done = list;
      list = next;
      next = done;
      pos = after;
    }
    return list.has(this.matchPc);
  }

  /** Advances every thread of `list` that consumes `codePoint` into `next`, at offset `after`. */
  private step(list: SparseSet, next: SparseSet, codePoint: number, value: string, after: number): void {
    const { ops, args } = this.program;
    const dense = list.dense;
    for (let k = 0; k < list.size; k++) {
      const pc = dense[k] ?? 0;
      const op = ops[pc];
      if (op === OP_CHAR ? args[pc] === codePoint : op === OP_CLASS && this.inClass(args[pc] ?? 0, codePoint)) {
        this.admit(next, pc + 1, value, after);
      }
    }
  }

  /**
   * Adds `start` and everything reachable from it without consuming input
   * (jumps, splits, assertions that hold at `pos`) to `list`, depth-first on
   * an explicit stack so that long chains of splits cannot overflow the call
   * stack.
   */
  private admit(list: SparseSet, start: number, value: string, pos: number): void {
    if (list.has(start)) return;
    list.add(start);
    const { ops, args, alts } = this.program;
    const startOp = ops[start];
    // Most admitted threads wait to consume a character: no closure to follow.
    if (startOp !== OP_JUMP && startOp !== OP_SPLIT && startOp !== OP_ASSERT) {
      this.steps++;
      return;
    }
    const stack = this.stack;
    stack[0] = start;
    let top = 1;
    let admitted = 1;
    while (top > 0) {
      const pc = stack[--top] ?? 0;
      const op = ops[pc];
      let first = -1;
      let second = -1;
      if (op === OP_JUMP) first = args[pc] ?? 0;
      else if (op === OP_SPLIT) {
        first = args[pc] ?? 0;
        second = alts[pc] ?? 0;
      } else if (op === OP_ASSERT && checkAssertion(args[pc] ?? 0, value, pos)) first = pc + 1;
      if (second >= 0 && !list.has(second)) {
        list.add(second);
        stack[top++] = second;
        admitted++;
      }
      if (first >= 0 && !list.has(first)) {
        list.add(first);
        stack[top++] = first;
        admitted++;
      }
    }
    this.steps += admitted;
  }

  private inClass(index: number, codePoint: number): boolean {
    if (codePoint < 0x80) {
      return (((this.program.asciiBits[index * 4 + (codePoint >> 5)] ?? 0) >>> (codePoint & 31)) & 1) === 1;
    }
    const ranges = this.program.classRanges[index];
    return ranges !== undefined && rangesContain(ranges, codePoint);
  }
}
