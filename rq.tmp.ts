import { RandomOrder } from './src/random/RandomOrder';
import { chiSquareStatistic, chiSquareTail } from './test/support/chiSquare';
const order = new RandomOrder();
const pvals: number[] = [];
let worst = 1, worstCase = '';
for (const size of [257, 300, 511, 512, 513, 1000, 1024, 4097, 20000, 100000, 1000003]) {
  for (const kind of ['contig', 'spaced', 'random']) {
    for (const m of [2, 3, 7, 16]) {
      const subset: number[] = [];
      let seed = size * 31 + m;
      while (subset.length < m) {
        let p = kind === 'contig' ? subset.length : kind === 'spaced' ? subset.length * 64 : (seed = (seed * 1103515245 + 12345) % 2147483648) % size;
        p %= size;
        if (!subset.includes(p)) subset.push(p);
      }
      const trials = m * 3000;
      const hits = new Array(m).fill(0);
      for (let t = 0; t < trials; t++) {
        order.reset(Math.random(), size);
        let best = 0, br = Infinity;
        subset.forEach((p, i) => { const r = order.rankOf(p); if (r < br) { br = r; best = i; } });
        hits[best]++;
      }
      const p = chiSquareTail(chiSquareStatistic(hits, hits.map(() => trials / m)), m - 1);
      pvals.push(p);
      if (p < worst) { worst = p; worstCase = `${size} ${kind} ${m}: ${hits}`; }
    }
  }
}
pvals.sort((a, b) => a - b);
console.log('n', pvals.length, 'min p', pvals[0], 'p<0.01:', pvals.filter((p) => p < 0.01).length, 'median', pvals[pvals.length >> 1], worstCase);
