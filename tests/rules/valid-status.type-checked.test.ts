/**
 * valid-status under type-checked TypeScript: the suggestion for a string status in a comparison writes the constant
 * of the library the file imports, except where the constant is a TypeScript enum member and the other side is not
 * of that enum (typescript-eslint's `no-unsafe-enum-comparison` would report it): there it writes the number.
 */
import rule from '../../rules/valid-status.js';
import { createTypedRuleTester } from '../rule-tester.js';

const typedTester = createTypedRuleTester();

typedTester.run('valid-status, type-checked', rule, {
  valid: [],
  invalid: [
    {
      name: "a number compared with '404': the suggestion writes 404, not StatusCodes.NOT_FOUND",
      code: `import { StatusCodes } from 'http-status-codes';
declare const res: { status: number };
export const missing = res.status === '404' || res.status === StatusCodes.GONE;`,
      output: null,
      errors: [
        {
          messageId: 'stringComparison',
          line: 3,
          column: 39,
          suggestions: [
            {
              messageId: 'replaceWith',
              data: { text: "'404'", replacement: '404 (Not Found)' },
              output: `import { StatusCodes } from 'http-status-codes';
declare const res: { status: number };
export const missing = res.status === 404 || res.status === StatusCodes.GONE;`,
            },
          ],
        },
      ],
    },
    {
      name: "a status of the enum's type compared with '404': the constant fits",
      code: `import { StatusCodes } from 'http-status-codes';
declare const res: { status: StatusCodes };
export const missing = res.status === '404';`,
      output: null,
      errors: [
        {
          messageId: 'stringComparison',
          line: 3,
          column: 39,
          suggestions: [
            {
              messageId: 'replaceWith',
              data: { text: "'404'", replacement: 'StatusCodes.NOT_FOUND (Not Found)' },
              output: `import { StatusCodes } from 'http-status-codes';
declare const res: { status: StatusCodes };
export const missing = res.status === StatusCodes.NOT_FOUND;`,
            },
          ],
        },
      ],
    },
  ],
});
