// npm run test:long: every property of the suite with twenty times its runs,
// from a fresh seed (or FC_SEED, to replay one), printed first so that a
// failure can be replayed with FC_SEED=<seed> npm run test:long.
import { spawnSync } from 'node:child_process';

const seed = process.env.FC_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const factor = process.env.FC_RUNS_FACTOR ?? '20';
console.log(`test:long: FC_SEED=${seed} FC_RUNS_FACTOR=${factor}`);
const started = Date.now();
const run = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, FC_SEED: seed, FC_RUNS_FACTOR: factor } });
console.log(`test:long: FC_SEED=${seed} FC_RUNS_FACTOR=${factor}, ${((Date.now() - started) / 1000).toFixed(0)} s, exit ${run.status}`);
process.exitCode = run.status ?? 1;
