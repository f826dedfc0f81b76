/**
 * How many runs a property gets. `npm test` runs each property the number of
 * times its test gives; `npm run test:long` multiplies every count by
 * FC_RUNS_FACTOR (20 there) to fuzz for longer from other seeds.
 *
 * @module
 */

const factor = readFactor(process.env['FC_RUNS_FACTOR']);

/**
 * @param count - the runs in `npm test`
 * @returns the runs now
 */
export function runs(count: number): number {
  return Math.max(1, Math.round(count * factor));
}

function readFactor(text: string | undefined): number {
  if (text === undefined || text === '') return 1;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`FC_RUNS_FACTOR must be a number above 0, got ${JSON.stringify(text)}`);
  return value;
}
