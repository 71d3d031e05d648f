/**
 * Matrix step 4: ESLint 10's `--concurrency` (worker threads, each loading the config and the
 * plugin itself) and `--cache`: the same results as a plain run, and no errors. `auto` runs
 * single-threaded on 2 cores and few files (ESLint allots one worker per 50 files, up to half
 * the cores), so `--concurrency=2` is run too, with ESLint's debug log proving the workers ran.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODES, SOURCES } from './fixtures.js';
import { bin, fixture, onlyMagicStatusArgs, problemsOf, readFiles, runOk, timed, type Files, type Problem } from './harness.js';
import { prefix } from './prefixes.js';
import { readmeSnippets } from './readme.js';

const COPIES = ['src', 'src/a', 'src/b', 'src/c'];

/** Every source under each of the COPIES dirs. */
function copies(files: Files): Files {
  return Object.fromEntries(COPIES.flatMap((dir) => Object.entries(files).map(([path, text]) => [path.replace(/^src/, dir), text])));
}

const expectedProblems = (): Problem[] =>
  COPIES.flatMap((dir) => CODES.problems.map((problem) => ({ ...problem, file: problem.file.replace(/^src/, dir) }))).sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );

const config = readmeSnippets().find((snippet) => snippet.section === 'Configure' && snippet.code.includes("constants: 'http-status-codes'"))?.code;

/**
 * The lines of stderr that would be an error: all but ESLint's debug log and its
 * `ESLintPoorConcurrencyWarning` (threads cost more than they save on 2 cores and 25 files).
 */
const errorsIn = (stderr: string): string[] =>
  stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && !/(^|\s)eslint:[\w-]+ /.test(line))
    .filter((line) => !/\bESLintPoorConcurrencyWarning: /.test(line) && !line.startsWith('(Use `node --trace-warnings'));

describe('ESLint 10 --concurrency and --cache', () => {
  let dir: string;
  let eslint: string;
  let onlyMagicStatus: string[];
  const names = Object.keys(copies(SOURCES));

  beforeAll(async () => {
    dir = await prefix('eslint-10');
    eslint = bin(dir, 'eslint');
    onlyMagicStatus = await onlyMagicStatusArgs(dir);
    if (!config) throw new Error('README "Configure" has no snippet with `constants: \'http-status-codes\'`');
  });

  it('--concurrency=auto and --concurrency=2 report what a single thread reports', async () => {
    const project = fixture(dir, 'concurrency', { 'eslint.config.js': config as string, ...copies(SOURCES) });
    const single = await timed('concurrency', 'lint, single thread', () => runOk(eslint, ['--format', 'json', '.'], { cwd: project }, [1]));
    expect(problemsOf(single.stdout, project)).toEqual(expectedProblems());
    const auto = await timed('concurrency', 'lint, --concurrency=auto', () => runOk(eslint, ['--concurrency=auto', '--format', 'json', '.'], { cwd: project }, [1]));
    expect(problemsOf(auto.stdout, project)).toEqual(expectedProblems());
    expect(errorsIn(auto.stderr)).toEqual([]);
    const two = await timed('concurrency', 'lint, --concurrency=2', () =>
      runOk(eslint, ['--concurrency=2', '--format', 'json', '.'], { cwd: project, env: { DEBUG: 'eslint:eslint' } }, [1]),
    );
    expect(two.stderr).toContain('Linting using 2 worker thread(s)');
    expect(errorsIn(two.stderr)).toEqual([]);
    expect(problemsOf(two.stdout, project)).toEqual(expectedProblems());
  });

  it('--cache (alone and with --concurrency=2) gives the same results on a cold and a warm cache', async () => {
    const project = fixture(dir, 'cache', { 'eslint.config.js': config as string, ...copies(SOURCES) });
    for (const extra of [[], ['--concurrency=2']]) {
      const args = ['--cache', '--cache-location', `.cache-${extra.length}/`, ...extra, '--format', 'json', '.'];
      const cold = await timed('concurrency', `cold cache ${extra.join(' ')}`, () => runOk(eslint, args, { cwd: project }, [1]));
      const warm = await timed('concurrency', `warm cache ${extra.join(' ')}`, () => runOk(eslint, args, { cwd: project }, [1]));
      expect(existsSync(join(project, `.cache-${extra.length}`))).toBe(true);
      expect(problemsOf(cold.stdout, project)).toEqual(expectedProblems());
      expect(problemsOf(warm.stdout, project)).toEqual(expectedProblems());
      expect(errorsIn(cold.stderr + warm.stderr)).toEqual([]);
    }
  });

  it('--fix --cache --concurrency=2 writes the fixed files, and the cache then reports nothing', async () => {
    const project = fixture(dir, 'cache-fix', { 'eslint.config.js': config as string, ...copies(SOURCES) });
    const args = ['--cache', '--cache-location', '.cache/', '--concurrency=2', ...onlyMagicStatus];
    await runOk(eslint, [...args, '--format', 'json', '.'], { cwd: project }, [1]);
    const fix = await timed('concurrency', '--fix --cache --concurrency=2', () => runOk(eslint, [...args, '--fix', '.'], { cwd: project }));
    expect(errorsIn(fix.stderr)).toEqual([]);
    expect(readFiles(project, names)).toEqual(copies(CODES.fixed));
    const after = await runOk(eslint, [...args, '--format', 'json', '.'], { cwd: project });
    expect(problemsOf(after.stdout, project)).toEqual([]);
    await runOk(eslint, [...args, '--fix', '.'], { cwd: project });
    expect(readFiles(project, names)).toEqual(copies(CODES.fixed));
  });
});
