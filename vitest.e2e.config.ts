// The end-to-end suite (`npm run test:e2e`): the packed package in real ESLint, typescript-eslint,
// oxlint, the ESLint language server and git hooks. Kept out of the default `vitest run`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    reporters: ['default', ['json', { outputFile: 'reports/vitest-e2e.json' }]],
    // Each file installs its tools into a shared temp prefix; two workers overlap installs with linting.
    maxWorkers: 2,
    testTimeout: 180_000,
    hookTimeout: 600_000,
  },
});
