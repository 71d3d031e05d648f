// The examples' ESLint config, as a user of the plugin would write it.
import tsParser from '@typescript-eslint/parser';
import { defineConfig } from 'eslint/config';
import httpStatus from 'eslint-plugin-http-status';

export default defineConfig([
  {
    files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
    languageOptions: { parser: tsParser },
    plugins: { 'http-status': httpStatus },
    extends: ['http-status/strict'],
  },
]);
