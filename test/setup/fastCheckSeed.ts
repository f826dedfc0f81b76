import fc from 'fast-check';
import { runs } from '../support/runs';

/**
 * Every property runs from a fixed seed so that a failure in CI is a failure
 * on every machine. Set FC_SEED to explore other seeds locally; fast-check
 * prints the seed and the path of any counter-example it finds, and
 * `FC_SEED=<seed>` replays it.
 */
const seed = process.env['FC_SEED'] === undefined ? 20261127 : Number(process.env['FC_SEED']);
if (!Number.isSafeInteger(seed)) {
  throw new Error(`FC_SEED must be an integer, got ${JSON.stringify(process.env['FC_SEED'])}`);
}
// Properties that give no count of their own run fast-check's default 100 times, scaled like the rest.
fc.configureGlobal({ seed, numRuns: runs(100) });
