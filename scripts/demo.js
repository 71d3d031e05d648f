// `npm run demo`: lint the bundled examples/ apps with the built plugin (examples/eslint.config.js, the `strict`
// config), print ESLint's report, then how many reports each rule made, so that a rule with none stands out.
// Exits 0 when ESLint ran (problems are the point of the demo); non-zero only if ESLint itself failed.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import plugin from '../dist/src/index.js';

const examples = fileURLToPath(new URL('../examples/', import.meta.url));
const eslint = new ESLint({ cwd: examples, warnIgnored: false });
const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
process.stdout.write(await formatter.format(results));

const counts = new Map(Object.keys(plugin.rules).map((name) => [`http-status/${name}`, 0]));
for (const result of results) {
  for (const message of result.messages) {
    if (message.fatal) process.exitCode = 2;
    if (message.ruleId && counts.has(message.ruleId)) counts.set(message.ruleId, (counts.get(message.ruleId) ?? 0) + 1);
  }
}
const width = Math.max(...[...counts.keys()].map((name) => name.length));
console.log('Reports per rule:');
for (const [name, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`  ${name.padEnd(width)}  ${String(count).padStart(3)}${count === 0 ? '  (none: the examples do not show this rule)' : ''}`);
}
