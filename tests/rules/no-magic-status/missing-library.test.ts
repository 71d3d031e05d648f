/**
 * no-magic-status where the constants are not there to import: a configured library the file's package neither
 * declares nor resolves gets no fix, and the message says what to install; 'auto' with no library to fix with and
 * nothing to suggest says how to get the fix. The packages are made in a temporary folder, out of reach of this
 * repository's node_modules.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../../rules/no-magic-status.js';
import { createRuleTester } from '../../rule-tester.js';

const root = mkdtempSync(join(tmpdir(), 'no-magic-status-'));
const writePackage = (folder: string, json: object): string => {
  mkdirSync(join(root, folder, 'src'), { recursive: true });
  writeFileSync(join(root, folder, 'package.json'), JSON.stringify(json));
  return join(root, folder, 'src', 'server.ts');
};
/** Declares express only; nothing installed. */
const bare = writePackage('bare', { name: 'bare', dependencies: { express: '^5.0.0' } });
/** Declares http-status-codes, not installed yet. */
const declared = writePackage('declared', { name: 'declared', dependencies: { 'http-status-codes': '^2.3.0' } });
/** Has http-status-codes installed (a hoisted workspace dependency), not declared. */
const installed = writePackage('installed', { name: 'installed' });
mkdirSync(join(root, 'installed', 'node_modules', 'http-status-codes'), { recursive: true });
writeFileSync(join(root, 'installed', 'node_modules', 'http-status-codes', 'package.json'), JSON.stringify({ name: 'http-status-codes', main: 'index.js' }));
writeFileSync(join(root, 'installed', 'node_modules', 'http-status-codes', 'index.js'), 'exports.StatusCodes = {};\n');

/** A package that declares no constants library and no Node-only server: 'auto' has nothing to offer. */
const WORKER = fileURLToPath(new URL('../../fixtures/projects/worker-app/src/handler.ts', import.meta.url));

createRuleTester().run('no-magic-status, a configured library that is not installed', rule, {
  valid: [],
  invalid: [
    {
      name: 'neither declared nor resolvable: no fix, and what to install',
      code: `import express from 'express';
const app = express();
app.get('/', (req, res) => {
  res.status(404).end();
});`,
      filename: bare,
      options: [{ constants: 'http-status-codes' }],
      output: null,
      errors: [
        {
          messageId: 'installConstants',
          data: { constant: 'StatusCodes.NOT_FOUND', code: 404, phrase: 'Not Found', module: 'http-status-codes' },
          line: 4,
          column: 14,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a digit string, neither declared nor resolvable: no suggestion either',
      code: `res.status('503');`,
      filename: bare,
      options: [{ constants: '@nestjs/common' }],
      output: null,
      errors: [
        {
          messageId: 'installConstantsForString',
          data: { constant: 'HttpStatus.SERVICE_UNAVAILABLE', text: '503', phrase: 'Service Unavailable', module: '@nestjs/common' },
          line: 1,
          column: 12,
          suggestions: [],
        },
      ],
    },
    {
      name: 'declared, not installed yet: the fix',
      code: `res.status(404);`,
      filename: declared,
      options: [{ constants: 'http-status-codes' }],
      output: `import { StatusCodes } from 'http-status-codes';
res.status(StatusCodes.NOT_FOUND);`,
      errors: [{ messageId: 'useConstant', line: 1, column: 12, suggestions: [] }],
    },
    {
      name: 'resolvable, not declared: the fix',
      code: `res.status(404);`,
      filename: installed,
      options: [{ constants: 'http-status-codes' }],
      output: `import { StatusCodes } from 'http-status-codes';
res.status(StatusCodes.NOT_FOUND);`,
      errors: [{ messageId: 'useConstant', line: 1, column: 12, suggestions: [] }],
    },
    {
      name: 'the file imports it already: the fix adds no import, so it stays',
      code: `import { StatusCodes } from 'http-status-codes';
res.status(StatusCodes.OK);
res.status(404);`,
      filename: bare,
      options: [{ constants: 'http-status-codes' }],
      output: `import { StatusCodes } from 'http-status-codes';
res.status(StatusCodes.OK);
res.status(StatusCodes.NOT_FOUND);`,
      errors: [{ messageId: 'useConstant', line: 3, column: 12, suggestions: [] }],
    },
    {
      name: 'node:http2 is built in: the fix',
      code: `res.status(404);`,
      filename: bare,
      options: [{ constants: 'node:http2' }],
      output: `import { constants } from 'node:http2';
res.status(constants.HTTP_STATUS_NOT_FOUND);`,
      errors: [{ messageId: 'useConstant', line: 1, column: 12, suggestions: [] }],
    },
    {
      name: "a project's own module is not looked up: the fix",
      code: `res.status(404);`,
      filename: bare,
      options: [{ constants: { module: '~/http/status', object: 'Status', import: 'named' } }],
      output: `import { Status } from '~/http/status';
res.status(Status.NOT_FOUND);`,
      errors: [{ messageId: 'useConstant', line: 1, column: 12, suggestions: [] }],
    },
    {
      name: 'a file not on disk: the fix, as before',
      code: `res.status(404);`,
      filename: 'file.ts',
      options: [{ constants: 'http-status-codes' }],
      output: `import { StatusCodes } from 'http-status-codes';
res.status(StatusCodes.NOT_FOUND);`,
      errors: [{ messageId: 'useConstant', line: 1, column: 12, suggestions: [] }],
    },
  ],
});

createRuleTester().run('no-magic-status, no constants library', rule, {
  valid: [],
  invalid: [
    {
      name: "'auto' finds no library and has nothing to suggest: the message says how to get the fix",
      code: `export default {
  fetch() {
    return new Response('missing', { status: 404 });
  },
};`,
      filename: WORKER,
      output: null,
      errors: [
        {
          messageId: 'noConstantsLibrary',
          data: { code: 404, phrase: 'Not Found' },
          line: 3,
          column: 46,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a digit string, the same',
      code: `export const handler = async () => ({ statusCode: '404', body: '' });`,
      filename: WORKER,
      output: null,
      errors: [
        {
          messageId: 'noConstantsLibraryForString',
          data: { text: '404', phrase: 'Not Found' },
          line: 1,
          column: 51,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a configured library that lacks the code: no hint (the library is there)',
      code: `res.status(451);`,
      filename: WORKER,
      options: [{ constants: '@nestjs/common' }],
      output: null,
      errors: [{ messageId: 'magicStatus', data: { code: 451, phrase: 'Unavailable For Legal Reasons' }, line: 1, column: 12, suggestions: [] }],
    },
  ],
});
