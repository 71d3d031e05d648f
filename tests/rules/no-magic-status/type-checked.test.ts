/**
 * no-magic-status under type-checked TypeScript (typescript-eslint's parser with a program, as in
 * `recommendedTypeChecked`): `StatusCodes`, `HttpStatus` and `StatusCode` are TypeScript enums, and comparing a
 * member of one with a value of another type is what `@typescript-eslint/no-unsafe-enum-comparison` reports. There a
 * comparison or `case` whose other side is not of the enum's type gets a suggestion, not a fix; everything else is
 * as without types. The cases lint tests/fixtures/typed/file.ts, in the program of its tsconfig.json.
 */
import tseslint from 'typescript-eslint';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-magic-status.js';
import { TYPED_FIXTURE, createRuleTester, createTypedRuleTester } from '../../rule-tester.js';

const TYPED = TYPED_FIXTURE;

const typedTester = createTypedRuleTester();

typedTester.run('no-magic-status, type-checked', rule, {
  valid: [
    {
      // Already the enum on both sides.
      code: `import { StatusCodes } from 'http-status-codes';
declare const upstream: { status: number };
if (upstream.status === Number(StatusCodes.NOT_FOUND)) throw new Error('missing');`,
      options: [{ constants: 'http-status-codes' }],
    },
  ],
  invalid: [
    {
      name: 'a number compared with 404: a suggestion (the enum member would not share a type with it)',
      code: `import { StatusCodes } from 'http-status-codes';
declare const upstream: { status: number };
if (upstream.status === 404) throw new Error('missing');`,
      options: [{ constants: 'http-status-codes' }],
      output: null,
      errors: [
        {
          messageId: 'useConstant',
          data: { constant: 'StatusCodes.NOT_FOUND', code: 404, phrase: 'Not Found' },
          line: 3,
          column: 25,
          suggestions: [
            {
              messageId: 'suggestConstant',
              data: { constant: 'StatusCodes.NOT_FOUND', module: 'http-status-codes' },
              output: `import { StatusCodes } from 'http-status-codes';
declare const upstream: { status: number };
if (upstream.status === StatusCodes.NOT_FOUND) throw new Error('missing');`,
            },
          ],
        },
      ],
    },
    {
      name: 'the literal on the left: a suggestion, that adds the import',
      code: `declare const response: { statusCode: number };
export const missing = 404 !== response.statusCode;`,
      options: [{ constants: 'http-status-codes' }],
      output: null,
      errors: [
        {
          messageId: 'useConstant',
          line: 2,
          column: 24,
          suggestions: [
            {
              messageId: 'suggestConstant',
              data: { constant: 'StatusCodes.NOT_FOUND', module: 'http-status-codes' },
              output: `import { StatusCodes } from 'http-status-codes';
declare const response: { statusCode: number };
export const missing = StatusCodes.NOT_FOUND !== response.statusCode;`,
            },
          ],
        },
      ],
    },
    {
      name: 'case 200 under a number discriminant: a suggestion; the call site in it stays a fix',
      code: `import { StatusCodes } from 'http-status-codes';
declare const upstream: { status: number };
declare const res: { status(code: number): void };
switch (upstream.status) {
  case 200:
    res.status(502);
    break;
}`,
      options: [{ constants: 'http-status-codes' }],
      output: `import { StatusCodes } from 'http-status-codes';
declare const upstream: { status: number };
declare const res: { status(code: number): void };
switch (upstream.status) {
  case 200:
    res.status(StatusCodes.BAD_GATEWAY);
    break;
}`,
      errors: [
        {
          messageId: 'useConstant',
          line: 5,
          column: 8,
          suggestions: [
            {
              messageId: 'suggestConstant',
              data: { constant: 'StatusCodes.OK', module: 'http-status-codes' },
              output: `import { StatusCodes } from 'http-status-codes';
declare const upstream: { status: number };
declare const res: { status(code: number): void };
switch (upstream.status) {
  case StatusCodes.OK:
    res.status(502);
    break;
}`,
            },
          ],
        },
        { messageId: 'useConstant', line: 6, column: 16, suggestions: [] },
      ],
    },
    {
      name: 'the other side typed as the enum: the fix',
      code: `import { StatusCodes } from 'http-status-codes';
declare const upstream: { status: StatusCodes | undefined };
if (upstream.status === 404) throw new Error('missing');`,
      options: [{ constants: 'http-status-codes' }],
      output: `import { StatusCodes } from 'http-status-codes';
declare const upstream: { status: StatusCodes | undefined };
if (upstream.status === StatusCodes.NOT_FOUND) throw new Error('missing');`,
      errors: [{ messageId: 'useConstant', line: 3, column: 25, suggestions: [] }],
    },
    {
      name: 'the other side any: the fix (no-unsafe-enum-comparison says nothing of any)',
      code: `declare const upstream: any;
if (upstream.status === 404) throw new Error('missing');`,
      options: [{ constants: 'http-status-codes' }],
      output: `import { StatusCodes } from 'http-status-codes';
declare const upstream: any;
if (upstream.status === StatusCodes.NOT_FOUND) throw new Error('missing');`,
      errors: [{ messageId: 'useConstant', line: 2, column: 25, suggestions: [] }],
    },
    {
      name: 'number | undefined is not number-like to no-unsafe-enum-comparison: the fix',
      code: `declare const status: number | undefined;
if (status === 404) throw new Error('missing');`,
      options: [{ constants: 'http-status-codes' }],
      output: `import { StatusCodes } from 'http-status-codes';
declare const status: number | undefined;
if (status === StatusCodes.NOT_FOUND) throw new Error('missing');`,
      errors: [{ messageId: 'useConstant', line: 2, column: 16, suggestions: [] }],
    },
    {
      name: "@nestjs/common's HttpStatus is an enum too",
      code: `import { HttpStatus } from '@nestjs/common';
declare const upstream: { status: number };
if (upstream.status === 429) throw new Error('slow down');`,
      output: null,
      errors: [
        {
          messageId: 'useConstant',
          line: 3,
          column: 25,
          suggestions: [
            {
              messageId: 'suggestConstant',
              data: { constant: 'HttpStatus.TOO_MANY_REQUESTS', module: '@nestjs/common' },
              output: `import { HttpStatus } from '@nestjs/common';
declare const upstream: { status: number };
if (upstream.status === HttpStatus.TOO_MANY_REQUESTS) throw new Error('slow down');`,
            },
          ],
        },
      ],
    },
    {
      name: "status-code-enum's StatusCode too",
      code: `declare const upstream: { status: number };
if (upstream.status === 503) throw new Error('down');`,
      options: [{ constants: 'status-code-enum' }],
      output: null,
      errors: [
        {
          messageId: 'useConstant',
          line: 2,
          column: 25,
          suggestions: [
            {
              messageId: 'suggestConstant',
              data: { constant: 'StatusCode.ServerErrorServiceUnavailable', module: 'status-code-enum' },
              output: `import { StatusCode } from 'status-code-enum';
declare const upstream: { status: number };
if (upstream.status === StatusCode.ServerErrorServiceUnavailable) throw new Error('down');`,
            },
          ],
        },
      ],
    },
    {
      name: "a member of another enum on the other side (Nest's HttpStatus against http-status-codes): a suggestion",
      code: `import { HttpStatus } from '@nestjs/common';
declare const upstream: { status: HttpStatus };
if (upstream.status === 404) throw new Error('missing');`,
      options: [{ constants: 'http-status-codes' }],
      output: null,
      errors: [
        {
          messageId: 'useConstant',
          line: 3,
          column: 25,
          suggestions: [
            {
              messageId: 'suggestConstant',
              data: { constant: 'StatusCodes.NOT_FOUND', module: 'http-status-codes' },
              output: `import { HttpStatus } from '@nestjs/common';
import { StatusCodes } from 'http-status-codes';
declare const upstream: { status: HttpStatus };
if (upstream.status === StatusCodes.NOT_FOUND) throw new Error('missing');`,
            },
          ],
        },
      ],
    },
    {
      name: "http-status's constants are plain numbers: the fix",
      code: `declare const upstream: { status: number };
if (upstream.status === 404) throw new Error('missing');`,
      options: [{ constants: 'http-status' }],
      output: `import httpStatus from 'http-status';
declare const upstream: { status: number };
if (upstream.status === httpStatus.NOT_FOUND) throw new Error('missing');`,
      errors: [{ messageId: 'useConstant', line: 2, column: 25, suggestions: [] }],
    },
    {
      name: "node:http2's constants are plain numbers: the fix",
      code: `declare const upstream: { status: number };
if (upstream.status === 404) throw new Error('missing');`,
      options: [{ constants: 'node:http2' }],
      output: `import { constants } from 'node:http2';
declare const upstream: { status: number };
if (upstream.status === constants.HTTP_STATUS_NOT_FOUND) throw new Error('missing');`,
      errors: [{ messageId: 'useConstant', line: 2, column: 25, suggestions: [] }],
    },
    {
      name: "a project's own module is not known to be an enum: the fix",
      code: `declare const upstream: { status: number };
if (upstream.status === 404) throw new Error('missing');`,
      options: [{ constants: { module: './status.js', object: 'Status', import: 'named' } }],
      output: `import { Status } from './status.js';
declare const upstream: { status: number };
if (upstream.status === Status.NOT_FOUND) throw new Error('missing');`,
      errors: [{ messageId: 'useConstant', line: 2, column: 25, suggestions: [] }],
    },
    {
      name: 'an assertion is no comparison: the fix',
      code: `import { StatusCodes } from 'http-status-codes';
declare const expect: (value: number) => { toBe(expected: number): void };
declare const res: { status: number };
expect(res.status).toBe(404);`,
      output: `import { StatusCodes } from 'http-status-codes';
declare const expect: (value: number) => { toBe(expected: number): void };
declare const res: { status: number };
expect(res.status).toBe(StatusCodes.NOT_FOUND);`,
      errors: [{ messageId: 'useConstant', line: 4, column: 25, suggestions: [] }],
    },
  ],
});

createRuleTester().run('no-magic-status, the same comparisons without type information', rule, {
  valid: [],
  invalid: [
    {
      name: 'a number compared with 404: the fix, as always',
      code: `import { StatusCodes } from 'http-status-codes';
declare const upstream: { status: number };
if (upstream.status === 404) throw new Error('missing');`,
      options: [{ constants: 'http-status-codes' }],
      output: `import { StatusCodes } from 'http-status-codes';
declare const upstream: { status: number };
if (upstream.status === StatusCodes.NOT_FOUND) throw new Error('missing');`,
      errors: [{ messageId: 'useConstant', line: 3, column: 25, suggestions: [] }],
    },
    {
      name: 'case 200 under a number discriminant: the fix',
      code: `declare const upstream: { status: number };
switch (upstream.status) {
  case 200:
    break;
}`,
      options: [{ constants: 'http-status-codes' }],
      output: `import { StatusCodes } from 'http-status-codes';
declare const upstream: { status: number };
switch (upstream.status) {
  case StatusCodes.OK:
    break;
}`,
      errors: [{ messageId: 'useConstant', line: 3, column: 8, suggestions: [] }],
    },
  ],
});

/**
 * The decision matches typescript-eslint's own rule: for each type of the other side, no-magic-status fixes exactly
 * when the fixed comparison passes `@typescript-eslint/no-unsafe-enum-comparison`, and where it only suggests, the
 * suggestion is what that rule reports.
 */
describe('no-magic-status and no-unsafe-enum-comparison agree', () => {
  const linter = new Linter({ configType: 'flat' });
  const filename = `${TYPED}file.ts`;
  // Each verify gets a program made for its own text (reusing the unchanged files of the last one), not the parser's
  // watch program for tsconfig.json: linting the same file name with new text many times in a row, under load, the
  // watch program was seen to answer for an older text.
  const parsed = ts.getParsedCommandLineOfConfigFile(`${TYPED}tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!parsed) throw new Error('tests/fixtures/typed/tsconfig.json did not parse');
  let last: ts.Program | undefined;
  const programFor = (text: string): ts.Program => {
    const host = ts.createCompilerHost(parsed.options, true);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (name, languageVersion, ...rest) =>
      resolve(name) === resolve(filename) ? ts.createSourceFile(name, text, languageVersion, true) : read(name, languageVersion, ...rest);
    last = ts.createProgram({ rootNames: [filename], options: parsed.options, host, oldProgram: last });
    return last;
  };
  const verify = (text: string, ruleId: string, options: unknown[] = []): Linter.LintMessage[] =>
    linter.verify(
      text,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser, parserOptions: { programs: [programFor(text)] } },
          plugins: { local: { rules: { 'no-magic-status': rule } } as never, '@typescript-eslint': tseslint.plugin as never },
          rules: { [ruleId]: ['error', ...options] },
        },
      ],
      filename,
    );
  const OTHER_SIDES: readonly (readonly [string, boolean])[] = [
    // The type of `status`, and whether the fixed comparison is reported (so no-magic-status only suggests).
    ['number', true],
    ['404', true],
    ['200 | 404', true],
    ['number & { readonly brand: "status" }', true],
    ['HttpStatus', true],
    ['HttpStatus | undefined', true],
    ['StatusCode', true],
    ['StatusCodes', false],
    ['StatusCodes | undefined', false],
    ['StatusCodes.NOT_FOUND', false],
    ['StatusCodes | HttpStatus', false],
    ['any', false],
    ['unknown', false],
    ['number | undefined', false],
    ['number | null', false],
  ];
  for (const [type, reported] of OTHER_SIDES) {
    it(`status: ${type}`, () => {
      const code = `import { StatusCodes } from 'http-status-codes';
import { HttpStatus } from '@nestjs/common';
import { StatusCode } from 'status-code-enum';
export declare const status: ${type};
export const missing = status === 404;
export function kind(): string {
  switch (status) {
    case 404:
      return 'missing';
    default:
      return 'other';
  }
}
`;
      const messages = verify(code, 'local/no-magic-status', [{ constants: 'http-status-codes' }]);
      expect(messages.map((message) => [message.line, message.messageId, message.fix !== undefined, message.suggestions?.length ?? 0])).toEqual([
        [5, 'useConstant', !reported, reported ? 1 : 0],
        [8, 'useConstant', !reported, reported ? 1 : 0],
      ]);
      // The fix or the suggestion of each report, applied: both write the same constant.
      let written = code;
      for (const message of [...messages].reverse()) {
        const edit = message.fix ?? message.suggestions?.[0]?.fix;
        if (!edit) throw new Error('no edit');
        written = written.slice(0, edit.range[0]) + edit.text + written.slice(edit.range[1]);
      }
      expect(written).toBe(code.replace('status === 404', 'status === StatusCodes.NOT_FOUND').replace('case 404:', 'case StatusCodes.NOT_FOUND:'));
      const unsafe = verify(written, '@typescript-eslint/no-unsafe-enum-comparison');
      expect(unsafe.map((message) => message.line)).toEqual(reported ? [5, 8] : []);
    });
  }
});
