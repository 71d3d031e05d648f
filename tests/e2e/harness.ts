/**
 * The e2e harness: run a real program, install tools plus the packed plugin into a temp
 * prefix (once per run, shared by the fixtures below it), write fixture projects, and
 * read ESLint's JSON output.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { cleanEnv, type E2EContext } from './env.js';

export const MAGIC = 'http-status/no-magic-status';

export function e2e(): E2EContext {
  return inject('e2e');
}

export function recordTiming(step: string, label: string, ms: number): void {
  appendFileSync(e2e().timings, `${JSON.stringify({ step, label, ms })}\n`);
}

/** Times `body` and records it under `step`. */
export async function timed<T>(step: string, label: string, body: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await body();
  } finally {
    recordTiming(step, label, Date.now() - started);
  }
}

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: Record<string, string>;
  readonly input?: string;
  readonly timeoutMs?: number;
}

/** Runs a program to its end with a clean environment and the shared npm cache; never throws on a non-zero exit. */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: cleanEnv({ npm_config_cache: e2e().npmCache, ...options.env }),
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    if (!child.stdout || !child.stderr) throw new Error('no pipes');
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      stderr += `\n[e2e] ${command} ${args.join(' ')} timed out after ${options.timeoutMs ?? 120_000} ms`;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
    if (options.input !== undefined && child.stdin) {
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input);
    }
  });
}

/** `run`, and fails with its output unless it exits with one of `codes`. */
export async function runOk(command: string, args: readonly string[], options: RunOptions, codes: readonly number[] = [0]): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code === null || !codes.includes(result.code)) {
    throw new Error(`${command} ${args.join(' ')} (in ${options.cwd}) exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
  }
  return result;
}

export interface PrefixOptions {
  /** Install the packed plugin too (default true). */
  readonly plugin?: boolean;
}

/**
 * A temp prefix with `packages` (and the packed plugin) installed once per run: the first
 * test file to ask installs it, the others (in other workers) wait for it. Fixtures made
 * below it with `fixture()` resolve these packages through Node's parent-directory lookup.
 */
export async function installPrefix(name: string, packages: readonly string[], options: PrefixOptions = {}): Promise<string> {
  const { root, tarball } = e2e();
  const dir = join(root, 'prefixes', name);
  const done = join(dir, '.installed');
  const failed = `${dir}.failed`;
  const lock = `${dir}.lock`;
  if (existsSync(done)) return dir;
  let owner = false;
  try {
    mkdirSync(lock);
    owner = true;
  } catch {
    // another worker installs it
  }
  if (owner && existsSync(done)) {
    // it finished between the two checks
    rmdirSync(lock);
    return dir;
  }
  if (!owner) {
    for (let waited = 0; waited < 600_000; waited += 200) {
      if (existsSync(done)) return dir;
      if (existsSync(failed)) throw new Error(readFileSync(failed, 'utf8'));
      await sleep(200);
    }
    throw new Error(`timed out waiting for the install of ${name}`);
  }
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `e2e-${name}`, private: true, type: 'module' }, null, 2)}\n`);
    const specs = [...packages, ...(options.plugin === false ? [] : [tarball])];
    await timed('install', `${name}: ${packages.join(' ')}`, () =>
      runOk('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...specs], { cwd: dir, timeoutMs: 300_000 }),
    );
    writeFileSync(done, '');
    return dir;
  } catch (error) {
    writeFileSync(failed, String(error instanceof Error ? error.message : error));
    throw error;
  } finally {
    rmdirSync(lock);
  }
}

/** The version of a package installed in a prefix. */
export function installedVersion(prefix: string, name: string): string {
  return (JSON.parse(readFileSync(join(prefix, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The binary a package installed in `prefix` puts in `node_modules/.bin`. */
export function bin(prefix: string, name: string): string {
  return join(prefix, 'node_modules', '.bin', name);
}

export type Files = Readonly<Record<string, string>>;

/** Writes `files` under `dir` (an ESM package.json unless `files` has one or `dir` has one already). */
export function writeFiles(dir: string, files: Files): string {
  const defaults: Record<string, string> = existsSync(join(dir, 'package.json')) ? {} : { 'package.json': `${JSON.stringify({ private: true, type: 'module' }, null, 2)}\n` };
  const all: Record<string, string> = { ...defaults, ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A fixture project `name` below `prefix` (so it uses the prefix's node_modules). */
export function fixture(prefix: string, name: string, files: Files): string {
  return writeFiles(join(prefix, 'fixtures', name), files);
}

export function readFiles(dir: string, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

/** One problem as the assertions compare it. */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number | undefined;
  readonly endColumn: number | undefined;
  readonly messageId: string | undefined;
  readonly fix: boolean;
  /** The first suggestion's text, if any. */
  readonly suggestion: string | undefined;
}

interface EslintMessage {
  ruleId: string | null;
  fatal?: boolean;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  messageId?: string;
  fix?: unknown;
  suggestions?: { desc: string }[];
}

/**
 * The `ruleId` problems of `eslint --format json` output, files relative to `cwd`, sorted.
 * Fails on a fatal message (parse error, crash) from any rule.
 */
export function problemsOf(json: string, cwd: string, ruleId = MAGIC): Problem[] {
  const results = JSON.parse(json) as { filePath: string; messages: EslintMessage[] }[];
  const problems: Problem[] = [];
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal || message.ruleId === null) throw new Error(`fatal message in ${result.filePath}: ${message.message}`);
      if (message.ruleId !== ruleId) continue;
      problems.push({
        file: relative(cwd, result.filePath),
        line: message.line,
        column: message.column,
        endLine: message.endLine,
        endColumn: message.endColumn,
        messageId: message.messageId,
        fix: message.fix !== undefined,
        suggestion: message.suggestions?.[0]?.desc,
      });
    }
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** The rule names of the plugin installed in `prefix`, read by Node from the packed package. */
export async function pluginRuleNames(prefix: string): Promise<string[]> {
  const script = "const m = await import('eslint-plugin-http-status'); console.log(JSON.stringify(Object.keys(m.default.rules)));";
  const result = await runOk(process.execPath, ['--input-type=module', '-e', script], { cwd: prefix });
  return JSON.parse(result.stdout) as string[];
}

/** `--rule` arguments that switch off every plugin rule but no-magic-status, so `--fix` output depends on it alone. */
export async function onlyMagicStatusArgs(prefix: string): Promise<string[]> {
  const others = (await pluginRuleNames(prefix)).filter((name) => `http-status/${name}` !== MAGIC);
  return others.flatMap((name) => ['--rule', `http-status/${name}: off`]);
}
