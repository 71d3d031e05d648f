// Self-lint: typescript-eslint, eslint-plugin-eslint-plugin on the rules, and this plugin on its own code.
import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import httpStatus from './dist/src/index.js';

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'examples/', 'reports/', 'coverage/', 'tests/fixtures/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['rules/**/*.ts'],
    extends: [eslintPlugin.configs.recommended],
    rules: {
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Require|Disallow|Enforce|Report)' }],
      'eslint-plugin/require-meta-docs-url': 'off',
      'eslint-plugin/require-meta-schema-default': 'off',
    },
  },
  {
    files: ['tests/**/*.ts'],
    extends: [eslintPlugin.configs.recommended],
    rules: { 'eslint-plugin/consistent-output': 'error' },
  },
  {
    files: ['**/*.{js,mjs,cjs,ts}'],
    extends: [httpStatus.configs.all],
  },
  {
    files: ['**/*.{js,mjs}', 'scripts/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
