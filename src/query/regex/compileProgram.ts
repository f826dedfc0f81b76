import { type CharClass, soleCodePoint } from './charClass';
import { measureProgram } from './measureProgram';
import {
  ASSERTION_CODES,
  OP_ASSERT,
  OP_CHAR,
  OP_CLASS,
  OP_JUMP,
  OP_MATCH,
  OP_SPLIT,
  type Program,
} from './program';
import type { RegexNode, RepeatNode } from './regexNode';

/**
 * Compiles a syntax tree into a Thompson-VM program that ends in one match
 * instruction. Counted repetitions are expanded into copies, so the program
 * size is checked first.
 *
 * @param root - The parsed pattern.
 * @returns The program; its length is `measureProgram(root) + 1`.
 * @throws RegexSyntaxError (`regex_too_large`) when it would exceed `MAX_PROGRAM_SIZE`.
 */
export function compileProgram(root: RegexNode): Program {
  const emitter = new Emitter(measureProgram(root) + 1);
  emitter.node(root);
  emitter.emit(OP_MATCH, 0);
  return emitter.finish();
}

/** Appends instructions to preallocated arrays and patches forward jumps. */
class Emitter {
  private readonly ops: Uint8Array;
  private readonly args: Int32Array;
  private readonly alts: Int32Array;
  private readonly classes: CharClass[] = [];
  /** Copies of a repeated node share its set object, so one class entry serves them all. */
  private readonly classIndex = new Map<CharClass, number>();
  private pc = 0;

  constructor(size: number) {
    this.ops = new Uint8Array(size);
    this.args = new Int32Array(size);
    this.alts = new Int32Array(size);
  }

  emit(op: number, arg: number, alt = 0): number {
    this.ops[this.pc] = op;
    this.args[this.pc] = arg;
    this.alts[this.pc] = alt;
    return this.pc++;
  }

  node(node: RegexNode): void {
    switch (node.kind) {
      case 'empty':
        return;
      case 'chars':
        this.chars(node.set);
        return;
      case 'assert':
        this.emit(OP_ASSERT, ASSERTION_CODES[node.assertion]);
        return;
      case 'group':
        this.node(node.body);
        return;
      case 'concat':
        for (const item of node.items) this.node(item);
        return;
      case 'alternate':
        this.alternate(node.alternatives);
        return;
      case 'repeat':
        this.repeat(node);
        return;
    }
  }

  finish(): Program {
    const asciiBits = new Uint32Array(this.classes.length * 4);
    const classRanges = this.classes.map((set, index) => {
      markAscii(asciiBits, index, set);
      return Int32Array.from(set.ranges);
    });
    return { ops: this.ops, args: this.args, alts: this.alts, classRanges, asciiBits };
  }

  private chars(set: CharClass): void {
    const codePoint = soleCodePoint(set);
    if (codePoint >= 0) {
      this.emit(OP_CHAR, codePoint);
      return;
    }
    let index = this.classIndex.get(set);
    if (index === undefined) {
      index = this.classes.push(set) - 1;
      this.classIndex.set(set, index);
    }
    this.emit(OP_CLASS, index);
  }

  /** `split next, L2; a1; jump end; L2: split next, L3; a2; jump end; ... L(k): ak; end:` */
  private alternate(alternatives: readonly RegexNode[]): void {
    const jumps: number[] = [];
    alternatives.forEach((alternative, k) => {
      if (k === alternatives.length - 1) {
        this.node(alternative);
        return;
      }
      const split = this.emit(OP_SPLIT, this.pc + 1);
      this.node(alternative);
      jumps.push(this.emit(OP_JUMP, 0));
      this.alts[split] = this.pc;
    });
    for (const jump of jumps) this.args[jump] = this.pc;
  }

  /** Copies the body `min` times, then loops (unbounded) or adds optional copies that may skip to the end. */
  private repeat({ body, min, max }: RepeatNode): void {
    if (max === Infinity && min > 0) {
      for (let k = 1; k < min; k++) this.node(body);
      const loop = this.pc;
      this.node(body);
      this.emit(OP_SPLIT, loop, this.pc + 1);
      return;
    }
    for (let k = 0; k < min; k++) this.node(body);
    if (max === Infinity) {
      const split = this.emit(OP_SPLIT, this.pc + 1);
      this.node(body);
      this.emit(OP_JUMP, split);
      this.alts[split] = this.pc;
      return;
    }
    const skips: number[] = [];
    for (let k = min; k < max; k++) {
      skips.push(this.emit(OP_SPLIT, this.pc + 1));
      this.node(body);
    }
    for (const skip of skips) this.alts[skip] = this.pc;
  }
}

function markAscii(bits: Uint32Array, index: number, set: CharClass): void {
  for (let i = 0; i + 1 < set.ranges.length; i += 2) {
    const lo = set.ranges[i] ?? 0;
    const hi = Math.min(set.ranges[i + 1] ?? 0, 0x7f);
    for (let c = lo; c <= hi; c++) {
      const word = index * 4 + (c >> 5);
      bits[word] = (bits[word] ?? 0) | (1 << (c & 31));
    }
  }
}
