/**
 * `npm run fuzz`: the property tests of tests/fuzz.test.ts with many more cases than `npm test` runs.
 *
 *   node scripts/fuzz.mjs [runs] [seed]      (defaults: 3000 runs, a random seed that fast-check prints on failure)
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [runs = '3000', seed] = process.argv.slice(2);
const root = fileURLToPath(new URL('../', import.meta.url));
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const env = { ...process.env, FUZZ_RUNS: runs, ...(seed === undefined ? {} : { FUZZ_SEED: seed }) };
console.log(`Fuzzing with ${runs} programs per property${seed === undefined ? '' : `, seed ${seed}`}.`);
const result = spawnSync(process.execPath, [vitest, 'run', 'tests/fuzz.test.ts', '--reporter', 'verbose'], { cwd: root, env, stdio: 'inherit' });
process.exitCode = result.status ?? 1;
