import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_PACKING_SETS } from '../../../bench/packing/shippedSets';
import { inputErrorOf } from '../../../test/support/inputErrorOf';
import { generatePackingProblem, PACKING_KINDS, type PackingKind } from './generatePackingProblem';
import { packingBounds } from './packingBounds';
import { packProblem } from './packProblem';
import { readPackingFile } from './readPackingFile';
import { writePackingFile } from './writePackingFile';

describe('readPackingFile', () => {
  it("reads BPPLIB's format: the count, the capacity, a weight a line", () => {
    expect(readPackingFile('3\n10\n6\n5\n4\n', 'tiny.bpp')).toEqual({
      name: 'tiny.bpp', resources: ['memory'], capacity: { memory: 10 }, tasks: [{ memory: 6 }, { memory: 5 }, { memory: 4 }],
    });
  });

  it("reads VPSolver's format, each item type as often as its demand says, in order", () => {
    expect(readPackingFile('2\n100 50\n2\n60 10 2\n30 40 1\n', 'two.vbp')).toEqual({
      name: 'two.vbp', resources: ['cpu', 'memory'], capacity: { cpu: 100, memory: 50 },
      tasks: [{ cpu: 60, memory: 10 }, { cpu: 60, memory: 10 }, { cpu: 30, memory: 40 }],
    });
    expect(readPackingFile('3\n1 2 3\n1\n1 1 1 1\n', 'three.VBP').resources).toEqual(['cpu', 'memory', 'resource3']);
  });

  it('takes blank lines, Windows line ends, extra spaces, decimals and exponents, and an optimum from the name', () => {
    const problem = readPackingFile('\r\n 2 \r\n\r\n1e3\r\n250.5\r\n  .5\r\n\r\n', 't2_00.opt1.txt');
    expect(problem).toEqual({ name: 't2_00.opt1.txt', resources: ['memory'], capacity: { memory: 1000 }, tasks: [{ memory: 250.5 }, { memory: 0.5 }], optimum: 1 });
    expect(readPackingFile('0\n10\n', 'none.bpp').tasks).toEqual([]);
    expect(readPackingFile('1\n10\n1\n', 'noopt42.bpp')).not.toHaveProperty('optimum');
  });

  it.each<[string, string, string, string]>([
    ['an empty file', '', 'empty.bpp', 'empty.bpp:1'],
    ['a count that is not a whole number', '2.5\n10\n1\n1\n', 'a.bpp', 'a.bpp:1'],
    ['a negative count', '-1\n10\n', 'a.bpp', 'a.bpp:1'],
    ['a capacity of 0', '1\n0\n0\n', 'a.bpp', 'a.bpp:2'],
    ['two numbers where one belongs', '1\n10 20\n5\n', 'a.bpp', 'a.bpp:2'],
    ['a word', '2\n10\n5\nfive\n', 'a.bpp', 'a.bpp:4'],
    ['a hexadecimal weight', '1\n10\n0x5\n', 'a.bpp', 'a.bpp:3'],
    ['a negative weight', '1\n10\n-5\n', 'a.bpp', 'a.bpp:3'],
    ['fewer weights than the count', '3\n10\n5\n5\n', 'a.bpp', 'a.bpp:5'],
    ['fewer weights than the count, without a final line end', '3\n10\n5\n5', 'a.bpp', 'a.bpp:5'],
    ['more weights than the count', '1\n10\n5\n5\n', 'a.bpp', 'a.bpp:4'],
    ['a weight above the capacity', '2\n10\n5\n11\n', 'a.bpp', 'a.bpp:4'],
    ['no dimensions', '0\n\n0\n', 'v.vbp', 'v.vbp:1'],
    ['fewer capacities than dimensions', '2\n10\n0\n', 'v.vbp', 'v.vbp:2'],
    ['an item type without its demand', '2\n10 10\n1\n5 5\n', 'v.vbp', 'v.vbp:4'],
    ['a demand that is not whole', '2\n10 10\n1\n5 5 1.5\n', 'v.vbp', 'v.vbp:4'],
    ['an item type above a capacity', '2\n10 10\n1\n5 11 1\n', 'v.vbp', 'v.vbp:4'],
  ])('refuses %s, naming the file and the line', (_name, text, name, path) => {
    expect(inputErrorOf(() => readPackingFile(text, name))).toEqual({ code: 'invalid_packing_file', path });
  });

  it('says what it expected and what it found', () => {
    expect(() => readPackingFile('2\n10\n5\nfive\n', 'a.bpp')).toThrow('Line 4 of a.bpp: expected the weight of item 2, as a number of at least 0, found "five".');
    expect(() => readPackingFile('1\n10\n11\n', 'a.bpp')).toThrow('item 1 weighs 11, more than the capacity 10');
  });
});

describe('writePackingFile', () => {
  it.each(PACKING_KINDS)('writes a %s problem that reads back as the same tasks in the same order', (kind) => {
    const problem = generatePackingProblem(kind, 30, 5, 'p');
    const name = `p${problem.resources.length === 1 ? '.bpp' : '.vbp'}`;
    const { optimum: _optimum, ...rest } = problem;
    expect(readPackingFile(writePackingFile(problem), name)).toEqual({ ...rest, name });
  });
});

describe('packingBounds', () => {
  it('gives L1, the volume bound, and L2, which counts the tasks too large to share an instance', () => {
    expect(packingBounds(readPackingFile('4\n10\n6\n6\n6\n2\n', 'four.bpp'))).toEqual({ l1: 2, l2: 3, surrogate: 3, cardinality: 2, conflict: 3, best: 3 });
    expect(packingBounds(readPackingFile('0\n10\n', 'none.bpp'))).toEqual({ l1: 0, l2: 0, surrogate: 0, cardinality: 0, conflict: 0, best: 0 });
  });

  it("counts J3's overflow past what J2's instances leave, at the threshold that gives most", () => {
    // c = 10; a = 4: J1 = {7} (> 6), J2 = {6} (in (5, 6]), J3 = {5, 4, 4} (in [4, 5]); 13 - (10 - 6) = 9 fills one more: 1 + 1 + 1 = 3.
    // L1 = ceil(26 / 10) = 3, and a = 0 gives 2 + ceil((13 - 7) / 10) = 3: each way 3.
    expect(packingBounds(readPackingFile('5\n10\n7\n6\n5\n4\n4\n', 'mt.bpp'))).toMatchObject({ l1: 3, l2: 3 });
    // c = 10; a = 3: J1 = {8, 8, 8}, and the 3 (in J3, which starts at a itself) fits beside none of them: 3 + 1 = 4, though L1 = ceil(27 / 10) = 3.
    expect(packingBounds(readPackingFile('4\n10\n8\n8\n8\n3\n', 'eights.bpp'))).toMatchObject({ l1: 3, l2: 4 });
    // Five tasks of 6 and one of 1: L1 = ceil(31 / 10) = 4, but no two 6s share an instance: 5.
    expect(packingBounds(readPackingFile('6\n10\n6\n6\n6\n6\n6\n1\n', 'sixes.bpp'))).toMatchObject({ l1: 4, l2: 5 });
  });

  it('counts how many tasks one instance can hold, reading every resource at once', () => {
    // Ten tasks of 50 CPU and 70 MiB, or 70 and 50, on instances of 150 and 150: three fit on neither resource alone
    // (a share of 0.8 each, 2.4 of 2), so at most two an instance: 5, where L1 and L2 on each resource alone say 4.
    const tasks = Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? '50 70 1' : '70 50 1'));
    expect(packingBounds(readPackingFile(`2\n150 150\n10\n${tasks.join('\n')}\n`, 'apart.vbp'))).toEqual({ l1: 4, l2: 4, surrogate: 4, cardinality: 5, conflict: 4, best: 5 });
  });

  it('counts tasks large on two resources together, which neither resource alone shows', () => {
    // On instances of 10 and 10: two tasks of 6 CPU and 5 MiB, two of 5 and 6, two of 1 and 1. No two of the four large ones
    // share an instance, so 4 are needed. L2 on CPU alone is 3 (only the 6s are above half), and so on memory; three tasks fit
    // by their summed shares (0.2 + 0.2 + 1.1), so the cardinality bound is 2. Weighing both resources alike, the large tasks
    // are 0.55 each, all above half an instance: 4.
    const problem = readPackingFile('2\n10 10\n3\n6 5 2\n5 6 2\n1 1 2\n', 'together.vbp');
    expect(packingBounds(problem)).toEqual({ l1: 3, l2: 3, surrogate: 4, cardinality: 2, conflict: 4, best: 4 });
  });

  it('counts tasks no two of which share an instance, though none is large on one resource or on both together', () => {
    // On instances of 10 and 10: two tasks of 8 CPU and 1 MiB, two of 3 and 8. Any two of them are too much on CPU or on memory,
    // so 4 are needed. L1 and L2 on CPU are 3 (22 of CPU), on memory 2; the cardinality bound 2 (two fit by their shares,
    // 0.9 + 0.9); the surrogate 3. The conflict bound finds the four, each on an instance of its own.
    const problem = readPackingFile('2\n10 10\n2\n8 1 2\n3 8 2\n', 'apart.vbp');
    expect(packingBounds(problem)).toEqual({ l1: 3, l2: 3, surrogate: 3, cardinality: 2, conflict: 4, best: 4 });
    // Two tasks of 1 and 1 besides fit in what the four leave: still 4. Eleven of 2 and 2 do not (the four leave 18 of CPU):
    // ceil((22 - 18) / 10) = 1 more.
    expect(packingBounds(readPackingFile('2\n10 10\n3\n8 1 2\n3 8 2\n1 1 2\n', 'small.vbp')).conflict).toBe(4);
    expect(packingBounds(readPackingFile('2\n10 10\n3\n8 1 2\n3 8 2\n2 2 11\n', 'more.vbp')).conflict).toBe(5);
  });

  it('counts two decimal demands that fill a resource exactly as fitting, though their floating-point sum is a hair above it', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point: the two tasks still share one instance of 0.3.
    const problem = readPackingFile('2\n0.3 1\n2\n0.1 0.5 1\n0.2 0.5 1\n', 'exact.vbp');
    expect(packingBounds(problem)).toMatchObject({ conflict: 1, best: 1 });
  });

  it('takes the largest over resources', () => {
    expect(packingBounds(readPackingFile('2\n10 10\n2\n6 1 3\n1 6 1\n', 'two.vbp'))).toMatchObject({ l1: 2, l2: 3 });
  });
});

describe('generatePackingProblem', () => {
  it("draws Caprara and Toth's classes in their ranges, on their capacities", () => {
    const ranges = { 1: [100, 400, 1000], 2: [1, 1000, 1000], 3: [200, 800, 1000], 4: [50, 200, 1000], 5: [25, 100, 1000], 6: [20, 100, 150] } as const;
    for (const [number, [low, high, capacity]] of Object.entries(ranges)) {
      const problem = generatePackingProblem(`capraraToth${number}` as PackingKind, 200, 4);
      expect(problem.capacity).toEqual({ cpu: capacity, memory: capacity });
      for (const resource of ['cpu', 'memory']) {
        const amounts = problem.tasks.map((task) => task[resource] ?? 0);
        expect(Math.min(...amounts)).toBeGreaterThanOrEqual(low);
        expect(Math.max(...amounts)).toBeLessThanOrEqual(high);
        // Drawn across the range, not from a corner of it.
        expect(Math.max(...amounts) - Math.min(...amounts)).toBeGreaterThan((high - low) * 0.9);
      }
    }
    const correlated = generatePackingProblem('capraraToth7', 200, 4).tasks;
    expect(correlated.every(({ cpu = 0, memory = 0 }) => cpu >= 20 && cpu <= 100 && Math.abs(memory - cpu) <= 10)).toBe(true);
    const opposed = generatePackingProblem('capraraToth8', 200, 4).tasks;
    expect(opposed.every(({ cpu = 0, memory = 0 }) => cpu >= 20 && cpu <= 100 && cpu + memory >= 110 && cpu + memory <= 130)).toBe(true);
  });

  it('draws class 9 with capacities that leave the volume bound no slack, and class 10 as triples that fill 100 exactly', () => {
    const tight = generatePackingProblem('capraraToth9', 200, 4);
    const { l1 } = packingBounds(tight);
    for (const resource of ['cpu', 'memory']) {
      const total = tight.tasks.reduce((sum, task) => sum + (task[resource] ?? 0), 0);
      expect(Math.ceil(total / (tight.capacity[resource] ?? 0))).toBe(l1);
      expect((tight.capacity[resource] ?? 0) * l1 - total).toBeLessThan(l1);
    }
    const triples = generatePackingProblem('capraraToth10', 201, 4);
    expect(triples.optimum).toBe(67);
    expect(triples.capacity).toEqual({ cpu: 100, memory: 100 });
    for (const resource of ['cpu', 'memory']) {
      const amounts = triples.tasks.map((task) => task[resource] ?? 0);
      expect(amounts.reduce((sum, amount) => sum + amount, 0)).toBe(6700);
      expect(amounts.every((amount) => amount >= 0 && amount <= 50)).toBe(true);
    }
    // Shuffled: the problem's order does not hand the triples over one after another.
    expect(packProblem(triples, [{ type: 'pack', resources: ['cpu', 'memory'], scorer: 'bestFit' }])).toBeGreaterThan(67);
  });

  it('draws triplets that fill 1000 exactly, each above 250, with the optimum n/3', () => {
    const problem = generatePackingProblem('triplets', 300, 3);
    const weights = problem.tasks.map((task) => task['memory'] ?? 0);
    expect(problem.optimum).toBe(100);
    expect(weights.reduce((sum, weight) => sum + weight, 0)).toBe(100_000);
    expect(weights.every((weight) => weight > 250 && weight < 500)).toBe(true);
    expect(packingBounds(problem)).toEqual({ l1: 100, l2: 100, surrogate: 100, cardinality: 100, conflict: 100, best: 100 });
  });

  it('draws the same problem for the same seed, and another for another', () => {
    expect(generatePackingProblem('uniform', 50, 9)).toEqual(generatePackingProblem('uniform', 50, 9));
    expect(generatePackingProblem('uniform', 50, 9).tasks).not.toEqual(generatePackingProblem('uniform', 50, 10).tasks);
  });

  it('refuses a count it cannot draw', () => {
    expect(() => generatePackingProblem('triplets', 10, 1)).toThrow(RangeError);
    expect(() => generatePackingProblem('uniform', -1, 1)).toThrow(RangeError);
    expect(() => generatePackingProblem('uniform', 1.5, 1)).toThrow(RangeError);
  });
});

describe('packProblem', () => {
  it('packs with the chain given, ties going to the lowest-numbered instance', () => {
    const problem = readPackingFile('4\n10\n6\n6\n4\n4\n', 'four.bpp');
    expect(packProblem(problem, [{ type: 'binpack', field: 'memory' }])).toBe(2);
    // Worst fit spreads the second 6 and the 4s over fresh instances while any is emptier.
    expect(packProblem(problem, [{ type: 'pack', resources: ['memory'], scorer: 'leastAllocated' }])).toBe(4);
  });
});

describe('the packing sets shipped in bench/packing', () => {
  it('are what bench/packing/generate.ts writes, and each reads', () => {
    for (const { folder, file, problem } of SHIPPED_PACKING_SETS) {
      const text = readFileSync(join(import.meta.dirname, '../../../bench/packing', folder, file), 'utf8');
      expect(text, `${folder}/${file}`).toBe(problem.text);
      expect(readPackingFile(text, file).tasks.length).toBeGreaterThan(0);
    }
  });
});
