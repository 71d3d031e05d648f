/**
 * `npm run demo` shows every rule: the bundled examples/ apps, linted with their own `eslint.config.js` (the `strict`
 * config) and the packed plugin, have at least one report of each rule the plugin exports, and no parse error.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, e2e, fixture, pluginRuleNames, runOk, timed } from './harness.js';
import { prefix } from './prefixes.js';

/** Every file under `dir`, by path relative to `root`. */
function filesUnder(dir: string, root = dir): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) Object.assign(files, filesUnder(path, root));
    else files[relative(root, path)] = readFileSync(path, 'utf8');
  }
  return files;
}

interface Message {
  readonly ruleId: string | null;
  readonly line: number;
  readonly fatal?: boolean;
  readonly message: string;
}

describe('npm run demo (examples/ with examples/eslint.config.js)', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await prefix('eslint-10');
  });

  it('reports every rule of the plugin at least once, and parses every file', async () => {
    const project = fixture(dir, 'demo-examples', filesUnder(join(e2e().repo, 'examples')));
    const result = await timed('demo', 'lint examples', () => runOk(bin(dir, 'eslint'), ['--format', 'json', '--no-warn-ignored', '.'], { cwd: project }, [1]));
    expect(result.stderr).toBe('');
    const messages = (JSON.parse(result.stdout) as { filePath: string; messages: Message[] }[]).flatMap((file) =>
      file.messages.map((message) => ({ ...message, file: relative(project, file.filePath) })),
    );
    expect(messages.filter((message) => message.fatal || message.ruleId === null).map((message) => `${message.file}: ${message.message}`)).toEqual([]);
    const reported = new Set(messages.map((message) => message.ruleId));
    const rules = (await pluginRuleNames(dir)).map((name) => `http-status/${name}`).sort();
    expect(rules.filter((rule) => !reported.has(rule))).toEqual([]);
    expect(rules.length).toBeGreaterThanOrEqual(6);
    // The mocked inventory service's 202, 429 and 204 are someone else's responses: only the expected statuses, magic
    // numbers, are reported there; and the 202 handed to that service through fetch is left alone.
    const inFile = (file: string): string[] => messages.filter((message) => message.file === file).map((message) => `${message.ruleId} ${message.line}`);
    expect(inFile('express/test/inventory.test.js')).toEqual([
      'http-status/no-magic-status 14',
      'http-status/no-magic-status 17',
      'http-status/no-magic-status 22',
      'http-status/no-magic-status 24',
      'http-status/no-magic-status 24',
      'http-status/no-magic-status 28',
      'http-status/no-magic-status 29',
    ]);
    expect(inFile('express/app.js').filter((entry) => !entry.startsWith('http-status/no-magic-status '))).toEqual([]);
    // Of the two Nest 202s, the one that hands its export to an injected service is left alone.
    expect(inFile('nest/orders.controller.ts').filter((entry) => entry.startsWith('http-status/no-accepted-without-queue '))).toEqual([
      'http-status/no-accepted-without-queue 85',
    ]);
  });
});
