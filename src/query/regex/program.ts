import type { Assertion } from './regexNode';

/** Consume one code point equal to `arg`. */
export const OP_CHAR = 0;
/** Consume one code point in class number `arg`. */
export const OP_CLASS = 1;
/** Continue at `arg` without consuming. */
export const OP_JUMP = 2;
/** Continue at both `arg` and `alt` without consuming. */
export const OP_SPLIT = 3;
/** Continue at the next instruction if assertion number `arg` holds here. */
export const OP_ASSERT = 4;
/** The whole pattern has matched, if the value is used up. */
export const OP_MATCH = 5;

/** Assertion number of `^` and `\A`. */
export const ASSERT_INPUT_START = 0;
/** Assertion number of `\z`. */
export const ASSERT_INPUT_END = 1;
/** Assertion number of `$` and `\Z`. */
export const ASSERT_END_OR_FINAL_TERMINATOR = 2;
/** Assertion number of `\b`. */
export const ASSERT_WORD_BOUNDARY = 3;
/** Assertion number of `\B`. */
const ASSERT_NOT_WORD_BOUNDARY = 4;

/** The assertion number, used as the `arg` of {@link OP_ASSERT}, of each assertion. */
export const ASSERTION_CODES: Readonly<Record<Assertion, number>> = {
  inputStart: ASSERT_INPUT_START,
  inputEnd: ASSERT_INPUT_END,
  inputEndOrFinalTerminator: ASSERT_END_OR_FINAL_TERMINATOR,
  wordBoundary: ASSERT_WORD_BOUNDARY,
  notWordBoundary: ASSERT_NOT_WORD_BOUNDARY,
};

/**
 * A compiled pattern for the Thompson VM, as parallel typed arrays (one slot
 * per instruction) so that the matching loop reads numbers, not objects.
 */
export interface Program {
  /** The opcode of each instruction, one of the `OP_*` constants. */
  readonly ops: Uint8Array;
  /** The code point, class number, target or assertion number of each instruction. */
  readonly args: Int32Array;
  /** The second target of each {@link OP_SPLIT}; unused elsewhere. */
  readonly alts: Int32Array;
  /** Each class's ranges, flattened `[lo, hi, ...]` and inclusive. */
  readonly classRanges: readonly Int32Array[];
  /** Four 32-bit words per class: a bitmap of its ASCII members, for a fast common case. */
  readonly asciiBits: Uint32Array;
}
