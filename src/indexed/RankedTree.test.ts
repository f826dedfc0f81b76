import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { RankedTree } from './RankedTree';

/** A leaf of the naive model: its registration order and its keys, `undefined` when absent. */
interface ModelLeaf {
  readonly order: number;
  readonly keys: readonly number[] | undefined;
}

/** The tree's answers, computed with plain loops over every leaf. */
class NaiveTree {
  readonly leaves: ModelLeaf[] = [];

  constructor(readonly levels: number) {}

  append(order: number, keys: readonly number[] | undefined): number {
    this.leaves.push({ order, keys });
    return this.leaves.length - 1;
  }

  set(position: number, keys: readonly number[] | undefined): void {
    const leaf = this.leaves[position] as ModelLeaf;
    this.leaves[position] = { order: leaf.order, keys };
  }

  /** Lowest keys level by level, then the lowest position; -1 when every leaf is absent. */
  bestPosition(): number {
    let best = -1;
    this.leaves.forEach((leaf, position) => {
      if (leaf.keys === undefined) return;
      if (best < 0 || compareKeys(leaf.keys, (this.leaves[best] as ModelLeaf).keys as readonly number[], this.levels) < 0) best = position;
    });
    return best;
  }

  /** Positions of the leaves that tie with the best on every key, lowest first. */
  tiedPositions(): number[] {
    const best = this.bestPosition();
    if (best < 0) return [];
    const bestKeys = (this.leaves[best] as ModelLeaf).keys as readonly number[];
    return this.leaves.flatMap((leaf, position) => (leaf.keys !== undefined && compareKeys(leaf.keys, bestKeys, this.levels) === 0 ? [position] : []));
  }
}

function compareKeys(a: readonly number[], b: readonly number[], levels: number): number {
  for (let level = 0; level < levels; level += 1) {
    const difference = (a[level] as number) - (b[level] as number);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Every answer of the tree, next to the model's, as one comparable record. */
function answers(tree: RankedTree, model: NaiveTree): { actual: unknown; expected: unknown } {
  const tied = model.tiedPositions();
  const positions = Array.from({ length: model.leaves.length + 1 }, (_, position) => position);
  const present = model.leaves.flatMap((leaf, position) => (leaf.keys === undefined ? [] : [position]));
  const levels = Array.from({ length: model.levels }, (_, level) => level);
  return {
    actual: {
      length: tree.length,
      best: tree.bestPosition(),
      tiedCount: tree.tiedCount(),
      tiedAt: tied.map((_, k) => tree.tiedAt(k)),
      tiedBefore: positions.map((position) => tree.tiedBefore(position)),
      orders: model.leaves.map((_, position) => tree.orderAt(position)),
      keys: present.map((position) => levels.map((level) => tree.keyAt(position, level))),
    },
    expected: {
      length: model.leaves.length,
      best: model.bestPosition(),
      tiedCount: tied.length,
      tiedAt: tied,
      tiedBefore: positions.map((position) => tied.filter((tiedPosition) => tiedPosition < position).length),
      orders: model.leaves.map((leaf) => leaf.order),
      keys: present.map((position) => levels.map((level) => ((model.leaves[position] as ModelLeaf).keys as readonly number[])[level])),
    },
  };
}

function expectSameAnswers(tree: RankedTree, model: NaiveTree, after: string): void {
  const { actual, expected } = answers(tree, model);
  const leaves = model.leaves.map((leaf, position) => `${position}:${leaf.keys === undefined ? '-' : `[${leaf.keys.join(',')}]`}`).join(' ');
  expect(actual, `after ${after}, with ${model.levels} levels and leaves ${leaves}`).toStrictEqual(expected);
}

/** A tree and its model, filled with the given leaves (orders 10, 20, 30, ...). */
function filled(levels: number, leaves: readonly (readonly number[] | undefined)[]): { tree: RankedTree; model: NaiveTree } {
  const tree = new RankedTree(levels);
  const model = new NaiveTree(levels);
  leaves.forEach((keys, index) => {
    tree.append((index + 1) * 10, keys);
    model.append((index + 1) * 10, keys);
  });
  return { tree, model };
}

describe('RankedTree', () => {
  it('has no best leaf and no ties when it is empty or every leaf is absent', () => {
    const tree = new RankedTree(2);
    expect({ length: tree.length, best: tree.bestPosition(), tied: tree.tiedCount(), before: tree.tiedBefore(0) }).toEqual({ length: 0, best: -1, tied: 0, before: 0 });
    tree.append(0, undefined);
    tree.append(1, undefined);
    expect({ length: tree.length, best: tree.bestPosition(), tied: tree.tiedCount(), before: tree.tiedBefore(2) }).toEqual({ length: 2, best: -1, tied: 0, before: 0 });
  });

  it('returns the position of each appended leaf, in order, and keeps its registration order', () => {
    const tree = new RankedTree(1);
    expect([tree.append(7, [1]), tree.append(9, undefined), tree.append(12, [0])]).toEqual([0, 1, 2]);
    expect([tree.orderAt(0), tree.orderAt(1), tree.orderAt(2)]).toEqual([7, 9, 12]);
  });

  it('prefers the lowest first key, and compares the next key only on a tie', () => {
    const { tree } = filled(2, [[3, 0], [1, 9], [1, 2], [2, 0]]);
    expect(tree.bestPosition()).toBe(2);
    expect([tree.keyAt(2, 0), tree.keyAt(2, 1)]).toEqual([1, 2]);
  });

  it('gives a tie on every key to the lowest position, the earliest registered', () => {
    const { tree } = filled(2, [[5, 5], [1, 1], [3, 3], [1, 1], [1, 1]]);
    expect({ best: tree.bestPosition(), tied: tree.tiedCount() }).toEqual({ best: 1, tied: 3 });
  });

  it('never ranks an absent leaf, and set(undefined) takes a leaf out of the ranking', () => {
    const { tree } = filled(1, [undefined, [4], [2], [2]]);
    expect({ best: tree.bestPosition(), tied: tree.tiedCount() }).toEqual({ best: 2, tied: 2 });
    tree.set(2, undefined);
    expect({ best: tree.bestPosition(), tied: tree.tiedCount() }).toEqual({ best: 3, tied: 1 });
    tree.set(3, undefined);
    tree.set(1, undefined);
    expect({ best: tree.bestPosition(), tied: tree.tiedCount() }).toEqual({ best: -1, tied: 0 });
  });

  it('moves the best when a leaf gets better or worse keys', () => {
    const { tree } = filled(1, [[3], [2], [5]]);
    tree.set(2, [0]);
    expect(tree.bestPosition()).toBe(2);
    tree.set(2, [9]);
    expect(tree.bestPosition()).toBe(1);
  });

  it('numbers the tied leaves from the lowest position with tiedAt, and counts those strictly before a position with tiedBefore', () => {
    const { tree } = filled(1, [[2], [1], [3], [1], undefined, [1], [2]]);
    expect(tree.tiedCount()).toBe(3);
    expect([0, 1, 2].map((k) => tree.tiedAt(k))).toEqual([1, 3, 5]);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((position) => tree.tiedBefore(position))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it('ties every present leaf when there are no keys', () => {
    const { tree } = filled(0, [undefined, [], [], undefined, []]);
    expect({ best: tree.bestPosition(), tied: tree.tiedCount(), at: [0, 1, 2].map((k) => tree.tiedAt(k)) }).toEqual({ best: 1, tied: 3, at: [1, 2, 4] });
  });

  it('keeps every leaf, key, order and tie when it grows past 16 and 32 leaves', () => {
    const keys = Array.from({ length: 40 }, (_, index) => (index % 5 === 4 ? undefined : [index % 3, index % 2]));
    const { tree, model } = filled(2, keys);
    expectSameAnswers(tree, model, '40 appends');
    // The tied leaves [0, 0] are at positions 0, 6, 12, ...: the last ones were added after both growths.
    expect(tree.tiedAt(tree.tiedCount() - 1)).toBe(36);
  });

  it('answers like plain loops over the leaves after a fixed mix of appends and sets across growth', () => {
    const { tree, model } = filled(1, Array.from({ length: 15 }, (_, index) => [index % 4]));
    for (let index = 0; index < 25; index += 1) {
      const keys = index % 7 === 0 ? undefined : [(index * 5) % 3];
      tree.append(100 + index, keys);
      model.append(100 + index, keys);
      tree.set(index % 10, [(index * 3) % 4]);
      model.set(index % 10, [(index * 3) % 4]);
      expectSameAnswers(tree, model, `step ${index}`);
    }
  });
});

/** Small integer keys, so that many leaves tie; up to 3 levels (extra keys are ignored). */
const leafKeys = fc.option(fc.tuple(fc.nat(2), fc.nat(2), fc.nat(2)), { freq: 4, nil: undefined });

interface TreeUnderTest {
  readonly tree: RankedTree;
}

class AppendCommand implements fc.Command<NaiveTree, TreeUnderTest> {
  constructor(readonly gap: number, readonly keys: readonly number[] | undefined) {}
  check(): boolean {
    return true;
  }
  run(model: NaiveTree, real: TreeUnderTest): void {
    const keys = this.keys?.slice(0, model.levels);
    const last = model.leaves[model.leaves.length - 1];
    const order = (last === undefined ? 0 : last.order) + this.gap;
    const position = real.tree.append(order, keys);
    expect(position, 'append returns the next position').toBe(model.append(order, keys));
    expectSameAnswers(real.tree, model, this.toString());
  }
  toString(): string {
    return `append(+${this.gap}, ${this.keys === undefined ? 'absent' : `[${this.keys.join(',')}]`})`;
  }
}

class SetCommand implements fc.Command<NaiveTree, TreeUnderTest> {
  constructor(readonly pick: number, readonly keys: readonly number[] | undefined) {}
  check(model: Readonly<NaiveTree>): boolean {
    return model.leaves.length > 0;
  }
  run(model: NaiveTree, real: TreeUnderTest): void {
    const keys = this.keys?.slice(0, model.levels);
    const position = this.pick % model.leaves.length;
    real.tree.set(position, keys);
    model.set(position, keys);
    expectSameAnswers(real.tree, model, `set(${position}, ${keys === undefined ? 'absent' : `[${keys.join(',')}]`})`);
  }
  toString(): string {
    return `set(#${this.pick}, ${this.keys === undefined ? 'absent' : `[${this.keys.join(',')}]`})`;
  }
}

const treeCommands = fc.commands(
  [
    fc.tuple(fc.integer({ min: 1, max: 3 }), leafKeys).map(([gap, keys]) => new AppendCommand(gap, keys)),
    fc.tuple(fc.integer({ min: 1, max: 3 }), leafKeys).map(([gap, keys]) => new AppendCommand(gap, keys)),
    fc.tuple(fc.nat(), leafKeys).map(([pick, keys]) => new SetCommand(pick, keys)),
  ],
  // Long sequences: most runs grow the tree past 16 and 32 leaves.
  { maxCommands: 80, size: 'max' },
);

// 600 runs of up to 120 operations, each checked in full: seconds, not the default 5 s, on a busy machine.
describe('RankedTree against a naive model', { timeout: 120_000 }, () => {
  test.prop([fc.integer({ min: 0, max: 3 }), fc.array(leafKeys, { maxLength: 40, size: 'max' }), treeCommands], { numRuns: 600 })(
    'after every append and set, the best leaf, the ties, tiedAt and tiedBefore are those of plain loops over the leaves',
    (levels, initial, commands) => {
      const setup = (): { model: NaiveTree; real: TreeUnderTest } => {
        const model = new NaiveTree(levels);
        const real = { tree: new RankedTree(levels) };
        initial.forEach((keys) => new AppendCommand(1, keys).run(model, real));
        return { model, real };
      };
      fc.modelRun(setup, commands);
    },
  );
});
