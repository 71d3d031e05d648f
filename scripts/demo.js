// `npm run demo`: lint the bundled examples/ apps with the built plugin and print ESLint's report.
// Exits 0 when ESLint ran and found problems (that is the point of the demo); non-zero only if ESLint itself failed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const examples = fileURLToPath(new URL('../examples/', import.meta.url));
const eslint = fileURLToPath(new URL('../node_modules/eslint/bin/eslint.js', import.meta.url));
const result = spawnSync(process.execPath, [eslint, '--no-warn-ignored', '.'], { cwd: examples, stdio: 'inherit' });
if (result.error) throw result.error;
// ESLint exits 1 when it reports problems, 2 when it could not run.
process.exit(result.status === 1 ? 0 : (result.status ?? 2));
