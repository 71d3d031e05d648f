/**
 * Global setup of the end-to-end suite (`npm run test:e2e`): packs the package once with
 * `npm pack` (so `prepack` builds it, as for a publish) into a fresh temp dir, and hands the
 * tarball, the temp dir and the one npm cache every install shares to the test files.
 * On teardown it prints how long each step took and writes `reports/e2e-timings.json`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { cleanEnv, type E2EContext, type TimingEntry } from './env.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** The cache every `npm install` of the suite uses: `E2E_NPM_CACHE`, else npm's own (warm after `npm ci`). */
function npmCacheDir(): string {
  if (process.env.E2E_NPM_CACHE) return process.env.E2E_NPM_CACHE;
  return execFileSync('npm', ['config', 'get', 'cache'], { cwd: repo, env: cleanEnv(), encoding: 'utf8' }).trim();
}

export default function setup(project: TestProject): () => void {
  const started = Date.now();
  const root = mkdtempSync(join(tmpdir(), 'eslint-plugin-http-status-e2e-'));
  const npmCache = npmCacheDir();
  mkdirSync(join(root, 'prefixes'));
  // `npm pack` runs `prepack` (the build) and writes exactly what `npm publish` would upload.
  const pack = spawnSync('npm', ['pack', '--pack-destination', root], {
    cwd: repo,
    env: cleanEnv({ npm_config_cache: npmCache }),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 300_000,
  });
  if (pack.status !== 0) throw new Error(`npm pack failed (${pack.status ?? pack.signal}):\n${pack.stdout}\n${pack.stderr}`);
  const tarballs = readdirSync(root).filter((file) => file.endsWith('.tgz'));
  if (tarballs.length !== 1) throw new Error(`npm pack wrote ${tarballs.length} tarballs in ${root}`);
  const tarball = join(root, tarballs[0] as string);
  const timings = join(root, 'timings.jsonl');
  writeFileSync(timings, `${JSON.stringify({ step: 'setup', label: 'npm pack (prepack build)', ms: Date.now() - started } satisfies TimingEntry)}\n`);
  const context: E2EContext = { root, tarball, npmCache, repo, timings };
  project.provide('e2e', context);

  return () => {
    const entries = existsSync(timings)
      ? readFileSync(timings, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as TimingEntry)
      : [];
    const total = Date.now() - started;
    const lines = entries.map((entry) => `  ${entry.step.padEnd(18)} ${(entry.ms / 1000).toFixed(1).padStart(6)} s  ${entry.label}`);
    console.log(`\ne2e timings (wall clock of the whole run: ${(total / 1000).toFixed(1)} s)\n${lines.join('\n')}`);
    mkdirSync(join(repo, 'reports'), { recursive: true });
    writeFileSync(join(repo, 'reports', 'e2e-timings.json'), `${JSON.stringify({ totalMs: total, entries }, null, 2)}\n`);
    if (process.env.E2E_KEEP) console.log(`e2e: kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
}
