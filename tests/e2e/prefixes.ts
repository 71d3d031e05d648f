/**
 * The tool sets the e2e steps install (each with the packed plugin), one temp prefix each,
 * shared by every step that names it. Versions are pinned, so that a run depends on this
 * repository alone: bump them on purpose (the newest of each line, and the oldest ESLint 9
 * the peer range admits).
 */
import { installPrefix } from './harness.js';

export const PREFIXES = {
  /** ESLint 10 with typescript-eslint and a TypeScript it supports. */
  'eslint-10': ['eslint@10.15.0', 'typescript-eslint@8.74.0', 'typescript@6.0.3'],
  /** The newest ESLint 9. */
  'eslint-9': ['eslint@9.39.5'],
  /** The oldest ESLint 9 the plugin supports: `defineConfig` and `extends` came in 9.22. */
  'eslint-9.22': ['eslint@9.22.0'],
  /** The last ESLint 8, for `.eslintrc.json`. */
  'eslint-8': ['eslint@8.57.1'],
  /** oxlint pinned: its JS plugins are in alpha and outside semver. */
  oxlint: ['oxlint@1.94.0'],
  /** The git hooks: ESLint 10, husky 9, lint-staged 16. */
  hooks: ['eslint@10.15.0', 'husky@9.1.7', 'lint-staged@16.4.0'],
} as const satisfies Record<string, readonly string[]>;

export type PrefixName = keyof typeof PREFIXES;

export function prefix(name: PrefixName): Promise<string> {
  return installPrefix(name, PREFIXES[name]);
}
