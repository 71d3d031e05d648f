/**
 * A CommonJS project under ESLint's own parser (espree, no TypeScript anywhere): `.cjs` files, which flat config
 * reads as `sourceType: 'commonjs'`, and `.js` files the config sets to `'commonjs'`. `eslint --fix` reuses the
 * file's own `require`, adds at most one, and a second `--fix` changes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, fixture, onlyMagicStatusArgs, problemsOf, readFiles, runOk, timed } from './harness.js';
import { prefix, type PrefixName } from './prefixes.js';

const CONFIG = `const httpStatus = require('eslint-plugin-http-status');

module.exports = [
  httpStatus.configs.recommended,
  { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },
];
`;

const PACKAGE = `${JSON.stringify({ name: 'e2e-commonjs', private: true, type: 'commonjs', dependencies: { express: '^5.1.0', 'http-status-codes': '^2.3.0' } }, null, 2)}\n`;

/** The file: it requires `StatusCodes` already. */
const SERVER = `const express = require('express');
const { StatusCodes } = require('http-status-codes');
const app = express();
app.get('/a', (req, res) => { res.status(StatusCodes.OK).end(); });
app.get('/b', (req, res) => { res.sendStatus(404); });
app.post('/c', (req, res) => { res.status(201).json({ id: 1 }); });
module.exports = app;
`;

const SERVER_FIXED = `const express = require('express');
const { StatusCodes } = require('http-status-codes');
const app = express();
app.get('/a', (req, res) => { res.status(StatusCodes.OK).end(); });
app.get('/b', (req, res) => { res.sendStatus(StatusCodes.NOT_FOUND); });
app.post('/c', (req, res) => { res.status(StatusCodes.CREATED).json({ id: 1 }); });
module.exports = app;
`;

/** No constants required yet: three statuses, one `require` added (package.json declares the library). */
const ROUTES = `'use strict';
const { Router } = require('express');

const router = Router();

router.get('/items/:id', (req, res) => {
  if (!req.params.id) return res.status(400).json({ error: 'id' });
  res.status(404).end();
});

router.delete('/items/:id', (req, res) => res.sendStatus(204));

module.exports = router;
`;

const ROUTES_FIXED = `'use strict';
const { Router } = require('express');
const { StatusCodes } = require('http-status-codes');

const router = Router();

router.get('/items/:id', (req, res) => {
  if (!req.params.id) return res.status(StatusCodes.BAD_REQUEST).json({ error: 'id' });
  res.status(StatusCodes.NOT_FOUND).end();
});

router.delete('/items/:id', (req, res) => res.sendStatus(StatusCodes.NO_CONTENT));

module.exports = router;
`;

const FILES = ['server.cjs', 'routes.js'] as const;

describe.each(['eslint-10', 'eslint-9'] satisfies PrefixName[])('%s, CommonJS under espree', (name) => {
  let dir: string;
  let eslint: string;
  let onlyMagicStatus: string[];

  beforeAll(async () => {
    dir = await prefix(name);
    eslint = bin(dir, 'eslint');
    onlyMagicStatus = await onlyMagicStatusArgs(dir);
  });

  it('reports each magic number, with a fix', async () => {
    const project = fixture(dir, 'commonjs-espree', { 'package.json': PACKAGE, 'eslint.config.js': CONFIG, 'server.cjs': SERVER, 'routes.js': ROUTES });
    const result = await timed(name, 'lint commonjs-espree', () => runOk(eslint, ['--format', 'json', ...onlyMagicStatus, '.'], { cwd: project }, [1]));
    expect(problemsOf(result.stdout, project)).toEqual([
      { file: 'routes.js', line: 7, column: 41, endLine: 7, endColumn: 44, messageId: 'useConstant', fix: true, suggestion: undefined },
      { file: 'routes.js', line: 8, column: 14, endLine: 8, endColumn: 17, messageId: 'useConstant', fix: true, suggestion: undefined },
      { file: 'routes.js', line: 11, column: 58, endLine: 11, endColumn: 61, messageId: 'useConstant', fix: true, suggestion: undefined },
      { file: 'server.cjs', line: 5, column: 46, endLine: 5, endColumn: 49, messageId: 'useConstant', fix: true, suggestion: undefined },
      { file: 'server.cjs', line: 6, column: 43, endLine: 6, endColumn: 46, messageId: 'useConstant', fix: true, suggestion: undefined },
    ]);
  });

  it('eslint --fix reuses the require or adds one, and a second --fix changes nothing', async () => {
    const project = fixture(dir, 'commonjs-espree-fix', { 'package.json': PACKAGE, 'eslint.config.js': CONFIG, 'server.cjs': SERVER, 'routes.js': ROUTES });
    await timed(name, 'fix commonjs-espree', () => runOk(eslint, ['--fix', ...onlyMagicStatus, '.'], { cwd: project }, [0]));
    expect(readFiles(project, FILES)).toEqual({ 'server.cjs': SERVER_FIXED, 'routes.js': ROUTES_FIXED });
    const again = await runOk(eslint, ['--fix', '--format', 'json', ...onlyMagicStatus, '.'], { cwd: project }, [0]);
    expect(readFiles(project, FILES)).toEqual({ 'server.cjs': SERVER_FIXED, 'routes.js': ROUTES_FIXED });
    expect(problemsOf(again.stdout, project)).toEqual([]);
  });
});
