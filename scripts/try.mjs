import { Linter } from 'eslint';
import plugin from '/work/main/dist/src/index.js';
const linter = new Linter();
const code = process.argv[2];
const msgs = linter.verify(code, [{ files: ['**/*.js'], plugins: { 'http-status': plugin }, rules: { 'http-status/no-magic-status': ['error', JSON.parse(process.argv[3] || '{}')] } }], 'x.js');
for (const m of msgs) console.log(m.line+':'+m.column, m.message, m.fix ? JSON.stringify(m.fix) : '', (m.suggestions||[]).map(s=>s.desc).join(' | '));
const out = linter.verifyAndFix(code, [{ files: ['**/*.js'], plugins: { 'http-status': plugin }, rules: { 'http-status/no-magic-status': ['error', JSON.parse(process.argv[3] || '{}')] } }], 'x.js');
console.log('--- fixed:\n' + out.output);
