/**
 * Matrix step 2: ESLint 8.57 with `.eslintrc.json` (the README's snippet verbatim:
 * `plugins: ['http-status']`, `extends: ['plugin:http-status/legacy-recommended']`), options by
 * hand, and `legacy-all`. ESLint 8 loads plugins with `require`: Node.js >= 20.19 loads the ESM
 * package that way. The install itself (no `--legacy-peer-deps`) proves the peer range admits ESLint 8.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AUTO, BY_HAND, SOURCES, SOURCE_NAMES, type Expectation } from './fixtures.js';
import { bin, fixture, installedVersion, onlyMagicStatusArgs, problemsOf, readFiles, runOk, timed } from './harness.js';
import { prefix } from './prefixes.js';
import { readmeFile } from './readme.js';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

const BASE = {
  root: true,
  parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
  overrides: [{ files: ['*.cjs'], parserOptions: { sourceType: 'script' } }],
};

const CONFIGS: readonly { slug: string; name: string; config: string; expectation: Expectation }[] = [
  { slug: 'readme', name: 'README .eslintrc.json (verbatim)', config: readmeFile('ESLint 8 (legacy config)', '.eslintrc.json'), expectation: AUTO },
  {
    slug: 'by-hand',
    name: 'no-magic-status by hand, with options',
    config: json({
      ...BASE,
      plugins: ['http-status'],
      rules: {
        'http-status/no-magic-status': [
          'error',
          { constants: 'http-status-codes', allow: [200], comparisons: true, assertions: true, sites: [{ callee: 'sendError', argument: 1 }] },
        ],
      },
    }),
    expectation: BY_HAND,
  },
  { slug: 'legacy-all', name: 'plugin:http-status/legacy-all (every rule)', config: json({ ...BASE, extends: ['plugin:http-status/legacy-all'] }), expectation: AUTO },
];

describe('ESLint 8.57, .eslintrc.json', () => {
  let dir: string;
  let eslint: string;
  let onlyMagicStatus: string[];

  beforeAll(async () => {
    dir = await prefix('eslint-8');
    eslint = bin(dir, 'eslint');
    onlyMagicStatus = await onlyMagicStatusArgs(dir);
  });

  it('installs ESLint 8.57 beside the plugin with no peer conflict', () => {
    expect(installedVersion(dir, 'eslint')).toMatch(/^8\.57\./);
  });

  it('Node.js loads the ESM package through require(), without a warning', async () => {
    const script = "const plugin = require('eslint-plugin-http-status'); console.log(JSON.stringify([Object.keys(plugin.configs), typeof plugin.rules['no-magic-status'].create]));";
    const result = await runOk(process.execPath, ['-e', script], { cwd: dir });
    const [configs, create] = JSON.parse(result.stdout) as [string[], string];
    expect(configs).toEqual(expect.arrayContaining(['legacy-recommended', 'legacy-strict', 'legacy-all']));
    expect(create).toBe('function');
    expect(result.stderr).toBe('');
  });

  describe.each(CONFIGS)('$name', ({ slug, config, expectation }) => {
    it('eslint --format json reports the expected rule ids, lines and columns', async () => {
      const project = fixture(dir, slug, { '.eslintrc.json': config, ...SOURCES });
      const result = await timed('eslint-8', `lint ${slug}`, () => runOk(eslint, ['--format', 'json', '.'], { cwd: project }, [1]));
      expect(problemsOf(result.stdout, project)).toEqual(expectation.problems);
      expect(result.stderr).toBe('');
    });

    it('eslint --fix writes the expected files, and a second --fix changes nothing', async () => {
      const project = fixture(dir, `${slug}-fix`, { '.eslintrc.json': config, ...SOURCES });
      await timed('eslint-8', `fix ${slug}`, () => runOk(eslint, ['--fix', ...onlyMagicStatus, '.'], { cwd: project }, [0, 1]));
      expect(readFiles(project, SOURCE_NAMES)).toEqual(expectation.fixed);
      const again = await runOk(eslint, ['--fix', '--format', 'json', ...onlyMagicStatus, '.'], { cwd: project }, [0, 1]);
      expect(readFiles(project, SOURCE_NAMES)).toEqual(expectation.fixed);
      expect(problemsOf(again.stdout, project)).toEqual(expectation.problems.filter((problem) => !problem.fix));
    });
  });
});
