/**
 * Pearson's chi-square test of observed counts against expected ones, with
 * the exact upper tail of the chi-square distribution (the regularized upper
 * incomplete gamma function), so that tests can state a p-value threshold
 * instead of a table of critical values.
 */

/** Pearson's statistic: the sum of (observed - expected)^2 / expected. */
export function chiSquareStatistic(observed: readonly number[], expected: readonly number[]): number {
  return observed.reduce((sum, count, index) => {
    const mean = expected[index] as number;
    return sum + (count - mean) ** 2 / mean;
  }, 0);
}

/** P(X >= statistic) for X chi-square distributed with `degrees` degrees of freedom. */
export function chiSquareTail(statistic: number, degrees: number): number {
  if (statistic <= 0) return 1;
  return upperGamma(degrees / 2, statistic / 2);
}

/** The p-value of counts that should be uniform over their cells. */
export function uniformityPValue(counts: readonly number[]): number {
  const total = counts.reduce((sum, count) => sum + count, 0);
  const statistic = chiSquareStatistic(counts, counts.map(() => total / counts.length));
  return chiSquareTail(statistic, counts.length - 1);
}

const EPSILON = 1e-15;
const MAX_ITERATIONS = 1000;

/** Q(a, x) = Gamma(a, x) / Gamma(a): a series below a + 1, a continued fraction above. */
function upperGamma(a: number, x: number): number {
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperFraction(a, x);
}

function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_ITERATIONS && Math.abs(term) > Math.abs(sum) * EPSILON; n += 1) {
    term *= x / (a + n);
    sum += term;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

/** Lentz's method for the continued fraction of Q(a, x). */
function upperFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let n = 1; n < MAX_ITERATIONS; n += 1) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

const LANCZOS = [
  676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Gamma(z) for z > 0 (Lanczos, g = 7). */
function logGamma(z: number): number {
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const shifted = z - 1;
  let sum = 0.99999999999980993;
  LANCZOS.forEach((coefficient, index) => {
    sum += coefficient / (shifted + index + 1);
  });
  const t = shifted + LANCZOS.length - 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}
