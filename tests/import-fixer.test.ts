/**
 * The constants fix under ESLint's own parser (espree), as a plain-JavaScript project runs it: `.cjs` files
 * (flat config reads them as `sourceType: 'commonjs'`), `.js` set to `'commonjs'`, `.js` as a script, and `.mjs`.
 * Under `'commonjs'` a file's top-level bindings live in the function scope ESLint wraps it in, not in a module
 * or global scope: the fixer must still see the file's own `require` and the one it added, so that a second pass
 * changes nothing. The rule tests run under the TypeScript parser; these run where the fixer has to find its way
 * without it.
 */
import { Linter, RuleTester, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../rules/no-magic-status.js';
import plugin from '../src/index.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const noMagicStatus = rule as unknown as Rule.RuleModule;

/** The four ways a JavaScript file is read: the file name and the `languageOptions` of its config. */
const COMMONJS_MODES = [
  { name: '.cjs', filename: 'server.cjs', languageOptions: {} },
  { name: ".js with sourceType 'commonjs'", filename: 'server.js', languageOptions: { sourceType: 'commonjs' } },
  { name: '.js as a script', filename: 'server.js', languageOptions: { sourceType: 'script' } },
] as const;

const ruleTester = new RuleTester({ languageOptions: { ecmaVersion: 'latest' } });

for (const mode of COMMONJS_MODES) {
  describe(`espree, ${mode.name}`, () => {
    ruleTester.run('no-magic-status', noMagicStatus, {
      valid: [
        {
          filename: mode.filename,
          languageOptions: mode.languageOptions,
          code: `const { StatusCodes } = require('http-status-codes');
res.sendStatus(StatusCodes.NOT_FOUND);
`,
        },
      ],
      invalid: [
        {
          name: 'reuses the file’s destructured require',
          filename: mode.filename,
          languageOptions: mode.languageOptions,
          code: `const express = require('express');
const { StatusCodes } = require('http-status-codes');
const app = express();
app.get('/a', (req, res) => { res.status(StatusCodes.OK).end(); });
app.get('/b', (req, res) => { res.sendStatus(404); });
`,
          errors: [{ messageId: 'useConstant', data: { constant: 'StatusCodes.NOT_FOUND', code: 404, phrase: 'Not Found' }, line: 5, column: 46 }],
          output: `const express = require('express');
const { StatusCodes } = require('http-status-codes');
const app = express();
app.get('/a', (req, res) => { res.status(StatusCodes.OK).end(); });
app.get('/b', (req, res) => { res.sendStatus(StatusCodes.NOT_FOUND); });
`,
        },
        {
          name: 'reuses a require of the whole module',
          filename: mode.filename,
          languageOptions: mode.languageOptions,
          code: `const hsc = require('http-status-codes');
res.sendStatus(404);
`,
          errors: [{ messageId: 'useConstant', data: { constant: 'hsc.StatusCodes.NOT_FOUND', code: 404, phrase: 'Not Found' }, line: 2, column: 16 }],
          output: `const hsc = require('http-status-codes');
res.sendStatus(hsc.StatusCodes.NOT_FOUND);
`,
        },
        {
          name: 'adds one require after the others when `constants` names a library',
          filename: mode.filename,
          languageOptions: mode.languageOptions,
          options: [{ constants: 'http-status-codes' }],
          code: `const express = require('express');
const app = express();
app.get('/', (req, res) => res.sendStatus(404));
`,
          errors: [{ messageId: 'useConstant', data: { constant: 'StatusCodes.NOT_FOUND', code: 404, phrase: 'Not Found' }, line: 3, column: 43 }],
          output: `const express = require('express');
const { StatusCodes } = require('http-status-codes');
const app = express();
app.get('/', (req, res) => res.sendStatus(StatusCodes.NOT_FOUND));
`,
        },
        {
          name: 'a parameter that shadows the require is not it: a new, unshadowed name',
          filename: mode.filename,
          languageOptions: mode.languageOptions,
          code: `const { StatusCodes } = require('http-status-codes');
function send(res, StatusCodes) {
  res.sendStatus(404);
}
`,
          errors: [{ messageId: 'useConstant', data: { constant: 'HttpStatusCodes.NOT_FOUND', code: 404, phrase: 'Not Found' }, line: 3, column: 18 }],
          output: `const { StatusCodes } = require('http-status-codes');
const { StatusCodes: HttpStatusCodes } = require('http-status-codes');
function send(res, StatusCodes) {
  res.sendStatus(HttpStatusCodes.NOT_FOUND);
}
`,
        },
        {
          name: 'suggestions (no library imported, no package.json) each add a require',
          filename: mode.filename,
          languageOptions: mode.languageOptions,
          code: `const express = require('express');
res.sendStatus(404);
`,
          errors: [
            {
              messageId: 'magicStatus',
              line: 2,
              column: 16,
              suggestions: [
                {
                  messageId: 'suggestConstant',
                  data: { constant: 'StatusCodes.NOT_FOUND', module: 'http-status-codes' },
                  output: `const express = require('express');
const { StatusCodes } = require('http-status-codes');
res.sendStatus(StatusCodes.NOT_FOUND);
`,
                },
                {
                  messageId: 'suggestConstant',
                  data: { constant: 'httpStatus.NOT_FOUND', module: 'http-status' },
                  output: `const express = require('express');
const { status: httpStatus } = require('http-status');
res.sendStatus(httpStatus.NOT_FOUND);
`,
                },
                {
                  messageId: 'suggestConstant',
                  data: { constant: 'HttpStatus.NOT_FOUND', module: '@nestjs/common' },
                  output: `const express = require('express');
const { HttpStatus } = require('@nestjs/common');
res.sendStatus(HttpStatus.NOT_FOUND);
`,
                },
                {
                  messageId: 'suggestConstant',
                  data: { constant: 'constants.HTTP_STATUS_NOT_FOUND', module: 'node:http2' },
                  output: `const express = require('express');
const { constants } = require('node:http2');
res.sendStatus(constants.HTTP_STATUS_NOT_FOUND);
`,
                },
                {
                  messageId: 'suggestConstant',
                  data: { constant: 'StatusCode.ClientErrorNotFound', module: 'status-code-enum' },
                  output: `const express = require('express');
const { StatusCode } = require('status-code-enum');
res.sendStatus(StatusCode.ClientErrorNotFound);
`,
                },
              ],
            },
          ],
          output: null,
        },
        {
          name: 'a Nest require is reused',
          filename: mode.filename,
          languageOptions: mode.languageOptions,
          code: `const { HttpStatus } = require('@nestjs/common');
res.sendStatus(201);
`,
          errors: [{ messageId: 'useConstant', data: { constant: 'HttpStatus.CREATED', code: 201, phrase: 'Created' }, line: 2, column: 16 }],
          output: `const { HttpStatus } = require('@nestjs/common');
res.sendStatus(HttpStatus.CREATED);
`,
        },
      ],
    });
  });
}

describe('espree, .mjs', () => {
  ruleTester.run('no-magic-status', noMagicStatus, {
    valid: [],
    invalid: [
      {
        filename: 'server.mjs',
        code: `import { StatusCodes } from 'http-status-codes';
res.sendStatus(404);
`,
        errors: [{ messageId: 'useConstant', data: { constant: 'StatusCodes.NOT_FOUND', code: 404, phrase: 'Not Found' }, line: 2, column: 16 }],
        output: `import { StatusCodes } from 'http-status-codes';
res.sendStatus(StatusCodes.NOT_FOUND);
`,
      },
      {
        filename: 'server.mjs',
        options: [{ constants: 'http-status-codes' }],
        code: `import express from 'express';
res.sendStatus(404);
`,
        errors: [{ messageId: 'useConstant', data: { constant: 'StatusCodes.NOT_FOUND', code: 404, phrase: 'Not Found' }, line: 2, column: 16 }],
        output: `import express from 'express';
import { StatusCodes } from 'http-status-codes';
res.sendStatus(StatusCodes.NOT_FOUND);
`,
      },
    ],
  });
});

/** `eslint --fix` as the CLI runs it: passes until nothing changes (at most ten), with the plugin's recommended config. */
function fixAll(code: string, filename: string, languageOptions: Linter.Config['languageOptions'], options: Record<string, unknown>): Linter.FixReport {
  const config: Linter.Config[] = [
    { files: ['**/*.{js,cjs,mjs}'], plugins: { 'http-status': plugin }, rules: { 'http-status/no-magic-status': ['error', options] }, ...(languageOptions ? { languageOptions } : {}) },
  ];
  return new Linter().verifyAndFix(code, config, { filename });
}

const SERVER = `const express = require('express');
const app = express();
app.get('/a', (req, res) => { res.status(200).json({ ok: true }); });
app.get('/b', (req, res) => { res.sendStatus(404); });
app.post('/c', (req, res) => { res.status(201).end(); });
`;

const SERVER_FIXED = `const express = require('express');
const { StatusCodes } = require('http-status-codes');
const app = express();
app.get('/a', (req, res) => { res.status(StatusCodes.OK).json({ ok: true }); });
app.get('/b', (req, res) => { res.sendStatus(StatusCodes.NOT_FOUND); });
app.post('/c', (req, res) => { res.status(StatusCodes.CREATED).end(); });
`;

describe('espree, --fix until nothing changes', () => {
  for (const mode of COMMONJS_MODES) {
    it(`${mode.name}: three statuses, one require added; a second run changes nothing`, () => {
      const first = fixAll(SERVER, mode.filename, mode.languageOptions, { constants: 'http-status-codes' });
      expect(first.messages).toEqual([]);
      expect(first.output).toBe(SERVER_FIXED);
      const second = fixAll(first.output, mode.filename, mode.languageOptions, { constants: 'http-status-codes' });
      expect(second.fixed).toBe(false);
      expect(second.messages).toEqual([]);
    });

    it(`${mode.name}: the file's own require is reused under 'auto'`, () => {
      const withRequire = SERVER_FIXED.replace('StatusCodes.OK', '200').replace('StatusCodes.NOT_FOUND', '404');
      const result = fixAll(withRequire, mode.filename, mode.languageOptions, {});
      expect(result.messages).toEqual([]);
      expect(result.output).toBe(SERVER_FIXED);
    });
  }
});
