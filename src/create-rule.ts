import { ESLintUtils } from '@typescript-eslint/utils';

/** What each rule's `meta.docs` says; the configs are built from it. */
export interface RuleDocs {
  readonly description: string;
  /** In `recommended` (and so in `strict`). */
  readonly recommended?: boolean;
  /** In `strict`. */
  readonly strict?: boolean;
}

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-http-status/eslint-plugin-http-status';

export const docsUrl = (name: string): string => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`;

export const createRule = ESLintUtils.RuleCreator<RuleDocs>(docsUrl);
