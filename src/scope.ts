/**
 * Scope and token questions that ESLint's own helpers (`@eslint-community/eslint-utils`) answer, written here so
 * that the plugin needs no run-time package beyond `@typescript-eslint/types`.
 */
import type { TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

/** The variable `name` (or the identifier's name) resolves to, looked up from `scope` outwards; as `findVariable` of eslint-utils. */
export function findVariable(scope: TSESLint.Scope.Scope, name: string | TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
  const wanted = typeof name === 'string' ? name : name.name;
  for (let current: TSESLint.Scope.Scope | null = scope; current; current = current.upper) {
    const variable = current.set.get(wanted);
    if (variable) return variable;
  }
  return undefined;
}

/** `(` as a token. */
export function isOpeningParenToken(token: TSESTree.Token): boolean {
  return token.type === 'Punctuator' && token.value === '(';
}
