/**
 * Matrix step 7: pre-commit hooks in temp git repos, set up as the README says.
 * - husky 9 + lint-staged 16: a commit of a file with `res.status(404)` is refused with the
 *   rule's message; with `eslint --fix` in lint-staged the file is rewritten and committed.
 * - the pre-commit framework (Debian's `pre-commit`, installed with apt when missing) with the
 *   README's `repo: local` hook: `pre-commit run --all-files` fails on the bad file. And the
 *   README's pitfall, shown for real: a `language: node` hook (what `mirrors-eslint` is) cannot
 *   load an ESM `eslint.config.js`, whatever its `additional_dependencies`.
 * The repos share one install (eslint, husky, lint-staged, the plugin) through a symlinked node_modules.
 */
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { e2e, installedVersion, run, runOk, timed, writeFiles, type Files } from './harness.js';
import { prefix } from './prefixes.js';
import { expectationOf } from './fixtures.js';
import { readmeFile, readmeSnippets } from './readme.js';

const BAD = `export function notFound(req, res) {
  res.status(404).json({ error: 'not found' });
}
`;

const FIXED = `import { StatusCodes } from 'http-status-codes';
${BAD.replace('404', 'StatusCodes.NOT_FOUND')}`;

/** The app's package.json: it declares the constants library its config names (a fix whose import cannot resolve is none). */
const PACKAGE_JSON = `${JSON.stringify({ private: true, type: 'module', dependencies: { 'http-status-codes': '^2.3.0' } }, null, 2)}\n`;

/** The README flat config that names a constants library, so that `--fix` has a fix to make. */
const ESLINT_CONFIG = readmeSnippets().find((snippet) => snippet.section === 'Configure' && snippet.lang === 'js' && expectationOf(snippet.code).problems.every((problem) => problem.fix))?.code;

/**
 * A git repo in the run's temp dir (outside every prefix, so no parent node_modules helps it),
 * using the hooks prefix's node_modules through a symlink (as `npm install` in it would), or none.
 */
async function gitRepo(name: string, files: Files, nodeModules: string | undefined): Promise<string> {
  const dir = writeFiles(join(e2e().root, 'repos', name), files);
  if (nodeModules) symlinkSync(join(nodeModules, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await runOk('git', ['init', '-q'], { cwd: dir });
  for (const [key, value] of [
    ['user.name', 'e2e'],
    ['user.email', 'e2e@example.com'],
    ['commit.gpgsign', 'false'],
  ]) {
    await runOk('git', ['config', key as string, value as string], { cwd: dir });
  }
  return dir;
}

const git = (dir: string, ...args: string[]) => runOk('git', args, { cwd: dir });

describe('husky + lint-staged', () => {
  let prefixDir: string;

  beforeAll(async () => {
    prefixDir = await prefix('hooks');
    if (!ESLINT_CONFIG) throw new Error('README "Configure" has no flat config that names a constants library');
  });

  it('installs husky 9 and lint-staged 16', () => {
    expect(installedVersion(prefixDir, 'husky')).toMatch(/^9\./);
    expect(installedVersion(prefixDir, 'lint-staged')).toMatch(/^16\./);
  });

  it('refuses a commit with res.status(404), then with eslint --fix rewrites the file and commits it', async () => {
    const lintStaged = readmeFile('Pre-commit', '.lintstagedrc.json');
    expect(lintStaged).toContain('eslint --fix');
    const repo = await gitRepo('husky', {
      '.gitignore': 'node_modules\n',
      'package.json': PACKAGE_JSON,
      'eslint.config.js': ESLINT_CONFIG as string,
      // First without --fix: the hook only checks.
      '.lintstagedrc.json': lintStaged.replace('eslint --fix', 'eslint'),
    }, prefixDir);
    await timed('pre-commit', 'npx husky init', () => runOk('npx', ['--no-install', 'husky', 'init'], { cwd: repo }));
    expect((await git(repo, 'config', 'core.hooksPath')).stdout.trim()).toBe('.husky/_');
    writeFiles(repo, { '.husky/pre-commit': readmeFile('Pre-commit', '.husky/pre-commit') });
    await git(repo, 'add', '-A');
    await timed('pre-commit', 'clean commit through the hook', () => git(repo, 'commit', '-q', '-m', 'setup'));

    writeFiles(repo, { 'src/app.js': BAD });
    await git(repo, 'add', 'src/app.js');
    const refused = await timed('pre-commit', 'refused commit', () => run('git', ['commit', '-m', 'add app'], { cwd: repo }));
    const output = refused.stdout + refused.stderr;
    expect(refused.code).not.toBe(0);
    expect(output).toContain('Use `StatusCodes.NOT_FOUND` instead of the magic number 404 (Not Found)');
    expect(output).toContain('http-status/no-magic-status');
    expect((await git(repo, 'rev-list', '--count', 'HEAD')).stdout.trim()).toBe('1');
    expect(readFileSync(join(repo, 'src/app.js'), 'utf8')).toBe(BAD);

    // The README's config, with --fix: the same staged file is rewritten and committed.
    writeFiles(repo, { '.lintstagedrc.json': lintStaged });
    await git(repo, 'add', '.lintstagedrc.json');
    const fixed = await timed('pre-commit', 'commit with eslint --fix', () => run('git', ['commit', '-m', 'add app'], { cwd: repo }));
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
    expect((await git(repo, 'show', 'HEAD:src/app.js')).stdout).toBe(FIXED);
    expect(readFileSync(join(repo, 'src/app.js'), 'utf8')).toBe(FIXED);
    expect((await git(repo, 'status', '--porcelain')).stdout).toBe('');
  });
});

/** Installs Debian's pre-commit with apt when it is missing; the reason to skip when that cannot be done. */
async function ensurePreCommit(cwd: string): Promise<string | undefined> {
  if ((await run('sh', ['-c', 'command -v pre-commit'], { cwd })).code === 0) return undefined;
  if ((await run('sh', ['-c', 'command -v apt-get'], { cwd })).code !== 0) return 'pre-commit is not installed and apt-get is unavailable';
  if (process.getuid?.() !== 0) return 'pre-commit is not installed and apt-get needs root';
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => run('apt-get', ['install', '-y', '-qq', 'pre-commit'], { cwd, env, timeoutMs: 300_000 });
  let result = await install();
  if (result.code !== 0) {
    await run('apt-get', ['update', '-qq'], { cwd, env, timeoutMs: 300_000 });
    result = await install();
  }
  if (result.code !== 0) throw new Error(`apt-get install pre-commit failed:\n${result.stdout}\n${result.stderr}`);
  return undefined;
}

describe('pre-commit (the framework)', () => {
  let prefixDir: string;
  let unavailable: string | undefined;
  const preCommitEnv = (): Record<string, string> => ({ PRE_COMMIT_HOME: join(e2e().root, 'pre-commit-home') });

  beforeAll(async () => {
    const [dir, reason] = await Promise.all([
      prefix('hooks'),
      timed('pre-commit', 'apt-get install pre-commit (when missing)', () => ensurePreCommit(e2e().root)),
    ]);
    prefixDir = dir;
    unavailable = reason;
    if (!ESLINT_CONFIG) throw new Error('README "Configure" has no flat config that names a constants library');
  });

  const skipUnlessAvailable = (context: TestContext): void => {
    if (unavailable) {
      console.log(`SKIPPED pre-commit framework step: ${unavailable}`);
      context.skip(unavailable);
    }
  };

  it('the README repo: local hook fails `pre-commit run --all-files` on the bad file, and passes once it is fixed', async (context) => {
    skipUnlessAvailable(context);
    const repo = await gitRepo('pre-commit', {
      '.gitignore': 'node_modules\n',
      'package.json': PACKAGE_JSON,
      '.pre-commit-config.yaml': readmeFile('Pre-commit', '.pre-commit-config.yaml'),
      'eslint.config.js': ESLINT_CONFIG as string,
      'src/app.js': BAD,
    }, prefixDir);
    await git(repo, 'add', '-A');
    const failed = await timed('pre-commit', 'pre-commit run --all-files (bad file)', () =>
      run('pre-commit', ['run', '--all-files'], { cwd: repo, env: preCommitEnv() }),
    );
    expect(failed.code, failed.stdout + failed.stderr).toBe(1);
    expect(failed.stdout).toMatch(/eslint\.+Failed/);
    expect(failed.stdout).toContain('Use `StatusCodes.NOT_FOUND` instead of the magic number 404 (Not Found)');

    writeFiles(repo, { 'src/app.js': FIXED });
    await git(repo, 'add', '-A');
    const passed = await run('pre-commit', ['run', '--all-files'], { cwd: repo, env: preCommitEnv() });
    expect(passed.code, passed.stdout + passed.stderr).toBe(0);
    expect(passed.stdout).toMatch(/eslint\.+Passed/);
  });

  it('the pitfall: a language: node hook (mirrors-eslint) cannot resolve the imports of an ESM eslint.config.js', async (context) => {
    skipUnlessAvailable(context);
    const eslintVersion = installedVersion(prefixDir, 'eslint');
    // What mirrors-eslint's hook is, with ESLint and the plugin in additional_dependencies; no node_modules in the repo.
    const hook = [
      'repos:',
      '  - repo: local',
      '    hooks:',
      '      - id: eslint',
      '        name: eslint',
      '        entry: eslint',
      '        language: node',
      '        language_version: system',
      '        types: [javascript]',
      `        additional_dependencies: ["eslint@${eslintVersion}", "${e2e().tarball}"]`,
      '',
    ].join('\n');
    const repo = await gitRepo('mirrors-eslint', { '.pre-commit-config.yaml': hook, 'eslint.config.js': ESLINT_CONFIG as string, 'src/app.js': BAD }, undefined);
    await git(repo, 'add', '-A');
    const result = await timed('pre-commit', 'language: node hook (installs its own ESLint)', () =>
      run('pre-commit', ['run', '--all-files'], { cwd: repo, env: preCommitEnv(), timeoutMs: 300_000 }),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('ERR_MODULE_NOT_FOUND');
    expect(result.stdout).toMatch(/Cannot find package '[^']+' imported from .*eslint\.config\.js/);
    expect(existsSync(join(repo, 'node_modules'))).toBe(false);
  });
});
