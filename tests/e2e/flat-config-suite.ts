/**
 * Matrix step 1, shared by eslint-10/9/9.22.e2e.ts (one file per version, so the workers share
 * the load): ESLint 10 and 9 (newest, and 9.22.0, the oldest supported) with flat configs:
 * the README's `eslint.config.js` snippets verbatim (`defineConfig` + `extends`, and the spread
 * config), the recommended config spread by hand, and every rule configured by hand with options.
 * `eslint --format json` reports the expected ids, lines and columns; `--fix` writes the expected
 * files; a second `--fix` changes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AUTO,
  AUTO_NO_LIBRARY,
  BY_HAND,
  BY_HAND_CONFIG,
  CODES,
  COMMONJS_CONFIG,
  PACKAGE_NO_LIBRARY,
  PACKAGE_ONE_LIBRARY,
  SOURCES,
  SOURCE_NAMES,
  SPREAD_CONFIG,
  expectationOf,
  type Expectation,
} from './fixtures.js';
import { bin, fixture, installedVersion, onlyMagicStatusArgs, problemsOf, readFiles, runOk, timed } from './harness.js';
import { prefix, type PrefixName } from './prefixes.js';
import { readmeSnippets } from './readme.js';

// The TypeScript snippet needs typescript-eslint, which only the eslint-10 prefix has: readme-configure.e2e.ts runs it.
const configureSnippets = readmeSnippets().filter(
  (snippet) => snippet.section === 'Configure' && snippet.lang === 'js' && !snippet.code.includes("from 'typescript-eslint'"),
);

const CONFIGS: readonly { slug: string; name: string; file: string; config: string; expectation: Expectation }[] = [
  ...configureSnippets.map((snippet, index) => ({
    slug: `readme-configure-${index + 1}`,
    name: `README "Configure" snippet ${index + 1} (verbatim)`,
    file: 'eslint.config.js',
    config: snippet.code,
    expectation: expectationOf(snippet.code),
  })),
  { slug: 'spread', name: '...httpStatus.configs.recommended', file: 'eslint.config.js', config: SPREAD_CONFIG, expectation: AUTO },
  { slug: 'by-hand', name: 'each rule by hand, with options', file: 'eslint.config.js', config: BY_HAND_CONFIG, expectation: BY_HAND },
  { slug: 'commonjs', name: 'eslint.config.cjs with require()', file: 'eslint.config.cjs', config: COMMONJS_CONFIG, expectation: CODES },
];

/** The suite for the ESLint installed in prefix `name`, whose version starts with `version`. */
export function flatConfigSuite(name: PrefixName, version: string): void {
  it('README "Configure" has both flat config snippets (defineConfig + extends, and a spread config)', () => {
    expect(configureSnippets.some((snippet) => snippet.code.includes("extends: ['http-status/recommended']") && snippet.code.includes('defineConfig'))).toBe(true);
    expect(configureSnippets.some((snippet) => snippet.code.includes('httpStatus.configs.recommended'))).toBe(true);
  });

  describe(`${name}, flat config`, () => {
    let dir: string;
    let eslint: string;
    let onlyMagicStatus: string[];

    beforeAll(async () => {
      dir = await prefix(name);
      eslint = bin(dir, 'eslint');
      onlyMagicStatus = await onlyMagicStatusArgs(dir);
    });

    it(`installs ESLint ${version}`, () => {
      expect(installedVersion(dir, 'eslint').startsWith(version)).toBe(true);
    });

    it("'auto' fixes with the one constants library package.json declares, and suggests node:http2 where it declares none", async () => {
      const one = fixture(dir, 'package-one-library', { 'eslint.config.js': SPREAD_CONFIG, ...SOURCES, 'package.json': PACKAGE_ONE_LIBRARY });
      await timed(name, 'fix package-one-library', () => runOk(eslint, ['--fix', ...onlyMagicStatus, '.'], { cwd: one }, [0, 1]));
      expect(readFiles(one, SOURCE_NAMES)).toEqual({ ...CODES.fixed, 'package.json': PACKAGE_ONE_LIBRARY });
      const none = fixture(dir, 'package-no-library', { 'eslint.config.js': SPREAD_CONFIG, ...SOURCES, 'package.json': PACKAGE_NO_LIBRARY });
      const result = await timed(name, 'lint package-no-library', () => runOk(eslint, ['--format', 'json', ...onlyMagicStatus, '.'], { cwd: none }, [1]));
      expect(problemsOf(result.stdout, none)).toEqual(AUTO_NO_LIBRARY.problems);
      await runOk(eslint, ['--fix', ...onlyMagicStatus, '.'], { cwd: none }, [0, 1]);
      expect(readFiles(none, SOURCE_NAMES)).toEqual(AUTO_NO_LIBRARY.fixed);
    });

    describe.each(CONFIGS)('$name', ({ slug, file, config, expectation }) => {
      it('eslint --format json reports the expected rule ids, lines and columns', async () => {
        const project = fixture(dir, slug, { [file]: config, ...SOURCES });
        const result = await timed(name, `lint ${slug}`, () => runOk(eslint, ['--format', 'json', '.'], { cwd: project }, [1]));
        expect(problemsOf(result.stdout, project)).toEqual(expectation.problems);
        expect(result.stderr).toBe('');
      });

      it('eslint --fix writes the expected files, and a second --fix changes nothing', async () => {
        const project = fixture(dir, `${slug}-fix`, { [file]: config, ...SOURCES });
        await timed(name, `fix ${slug}`, () => runOk(eslint, ['--fix', ...onlyMagicStatus, '.'], { cwd: project }, [0, 1]));
        expect(readFiles(project, SOURCE_NAMES)).toEqual(expectation.fixed);
        const again = await runOk(eslint, ['--fix', '--format', 'json', ...onlyMagicStatus, '.'], { cwd: project }, [0, 1]);
        expect(readFiles(project, SOURCE_NAMES)).toEqual(expectation.fixed);
        expect(problemsOf(again.stdout, project)).toEqual(expectation.problems.filter((problem) => !problem.fix));
      });
    });
  });
}
