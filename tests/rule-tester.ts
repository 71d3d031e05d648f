/**
 * One RuleTester for every rule test: vitest's hooks, the TypeScript parser
 * (TS syntax such as decorators, enums and `as const` in the cases), ESM by default.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    },
  });
}

/** The folder of the type-checked cases: a tsconfig.json and the file.ts that RuleTester's typed mode lints. */
export const TYPED_FIXTURE = fileURLToPath(new URL('fixtures/typed/', import.meta.url));

/** A RuleTester with type information: typescript-eslint's parser with the program of tests/fixtures/typed. */
export function createTypedRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module', project: './tsconfig.json', tsconfigRootDir: TYPED_FIXTURE },
    },
  });
}

export { RuleTester };
