/**
 * The packed package itself: it ships only what users need, `exports` has `types`,
 * `publint --strict` and `@arethetypeswrong/cli --profile esm-only` pass on the tarball, it loads
 * in Node with the meta oxlint and ESLint's cache read, and its types fit ESLint's own in a
 * typed `eslint.config.ts`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, e2e, fixture, run, runOk, timed } from './harness.js';
import { prefix } from './prefixes.js';

interface PackageJson {
  name: string;
  version: string;
  type?: string;
  main?: string;
  types?: string;
  exports: Record<string, string | Record<string, string>>;
  files: string[];
  peerDependencies: Record<string, string>;
  dependencies?: Record<string, string>;
}

/** What a user needs: the manifest, the README (and a licence), the compiled code with its types, the rule docs. */
const SHIPPABLE = /^(package\.json|README\.md|LICEN[CS]E(\.\w+)?|dist\/(src|rules)\/[\w/-]+\.(js|d\.ts)|docs\/rules\/[\w-]+\.md)$/;

describe('the packed package', () => {
  let entries: string[];
  let manifest: PackageJson;

  beforeAll(async () => {
    const { tarball, root } = e2e();
    const list = await runOk('tar', ['-tzf', tarball], { cwd: root });
    entries = list.stdout
      .split('\n')
      .filter(Boolean)
      .map((entry) => entry.replace(/^package\//, ''));
    const extracted = await runOk('tar', ['-xzOf', tarball, 'package/package.json'], { cwd: root });
    manifest = JSON.parse(extracted.stdout) as PackageJson;
  });

  it('ships only what users need', () => {
    expect(entries.filter((entry) => !SHIPPABLE.test(entry))).toEqual([]);
    expect(entries).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/src/index.js', 'dist/src/index.d.ts']));
  });

  it('ships each rule with its types and its docs page', () => {
    const rules = entries.filter((entry) => /^dist\/rules\/[\w-]+\.js$/.test(entry)).map((entry) => entry.replace(/^dist\/rules\/|\.js$/g, ''));
    expect(rules).toContain('no-magic-status');
    for (const rule of rules) {
      expect(entries).toContain(`dist/rules/${rule}.d.ts`);
      expect(entries).toContain(`docs/rules/${rule}.md`);
    }
  });

  it('is ESM with `exports` whose `types` come first and exist, and admits ESLint 8.57, 9.22+ and 10', () => {
    expect(manifest.type).toBe('module');
    const root = manifest.exports['.'];
    expect(typeof root).toBe('object');
    const conditions = root as Record<string, string>;
    expect(Object.keys(conditions)[0]).toBe('types');
    for (const target of [conditions.types, conditions.default, manifest.main, manifest.types]) {
      expect(entries).toContain(String(target).replace(/^\.\//, ''));
    }
    expect(manifest.peerDependencies.eslint?.split('||').map((range) => range.trim())).toEqual(['^8.57.0', '^9.22.0', '^10.0.0']);
  });

  it('publint --strict passes on the tarball', async () => {
    const { repo, tarball } = e2e();
    const result = await timed('package', 'publint --strict', () => runOk(join(repo, 'node_modules', '.bin', 'publint'), ['run', tarball, '--strict'], { cwd: repo }));
    expect(result.stdout).toContain('All good!');
  });

  it('@arethetypeswrong/cli --profile esm-only passes on the tarball', async () => {
    const { repo, tarball } = e2e();
    const result = await timed('package', 'attw --profile esm-only', () =>
      runOk(join(repo, 'node_modules', '.bin', 'attw'), [tarball, '--profile', 'esm-only', '--format', 'json'], { cwd: repo }),
    );
    const { analysis } = JSON.parse(result.stdout) as { analysis: { types: { kind: string }; problems: { kind: string; resolutionKind?: string }[] } };
    expect(analysis.types.kind).toBe('included');
    // The only problems are in the resolutions an ESM-only package leaves out (require from CommonJS, node10).
    expect(analysis.problems.filter((problem) => !['node10', 'node16-cjs'].includes(problem.resolutionKind ?? ''))).toEqual([]);
  });

  it('loads at run time only node: built-ins and its `dependencies`, which are just the AST node types', async () => {
    const { tarball, root } = e2e();
    expect(manifest.dependencies).toEqual({ '@typescript-eslint/types': expect.any(String) });
    const code = await runOk('tar', ['-xzOf', tarball, ...entries.filter((entry) => entry.endsWith('.js')).map((entry) => `package/${entry}`)], { cwd: root });
    const specifiers = new Set([...code.stdout.matchAll(/^(?:import|export)\b[^'"\n]*?\bfrom '([^']+)';$|^import '([^']+)';$/gm)].map((match) => match[1] ?? match[2]));
    const bare = [...specifiers].filter((specifier) => !specifier?.startsWith('.') && !specifier?.startsWith('node:'));
    expect(bare).toEqual(['@typescript-eslint/types']);
  });

  describe('installed without TypeScript (eslint and the plugin only)', () => {
    let dir: string;

    beforeAll(async () => {
      dir = await prefix('eslint-9');
    });

    it('brings no TypeScript and no typescript-eslint but its AST types', () => {
      expect(existsSync(join(dir, 'node_modules', 'typescript'))).toBe(false);
      expect(readdirSync(join(dir, 'node_modules', '@typescript-eslint'))).toEqual(['types']);
    });

    it('its published types need only `eslint`: tsc with skipLibCheck off on a typed config', async () => {
      const project = fixture(dir, 'types-no-ts', {
        'tsconfig.json': `${JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true, skipLibCheck: false, types: [] }, include: ['eslint.config.ts'] })}\n`,
        'eslint.config.ts': `import type { ESLint, Linter } from 'eslint';
import httpStatus, { configs, rules } from 'eslint-plugin-http-status';

export const plugin: ESLint.Plugin = httpStatus;
export const rule = rules['no-magic-status'];
export default [configs.recommended] satisfies Linter.Config[];
`,
      });
      const declarations = readFileSync(join(dir, 'node_modules', 'eslint-plugin-http-status', 'dist', 'src', 'index.d.ts'), 'utf8');
      expect([...declarations.matchAll(/(?:from|import\()\s*["']([^"']+)["']/g)].map((match) => match[1])).toEqual(['eslint']);
      // The repository's own tsc: the prefix has no TypeScript, which is the point.
      const tsc = join(e2e().repo, 'node_modules', '.bin', 'tsc');
      const result = await timed('package', 'tsc, skipLibCheck off, no typescript-eslint', () => run(tsc, ['-p', project], { cwd: project, timeoutMs: 300_000 }));
      expect(result.stdout + result.stderr).toBe('');
      expect(result.code).toBe(0);
    });
  });

  describe('installed', () => {
    let dir: string;

    beforeAll(async () => {
      dir = await prefix('eslint-10');
    });

    it('loads, with the meta ESLint and oxlint read (name, version, namespace) and every config', async () => {
      const script = [
        "const { default: plugin, configs, rules } = await import('eslint-plugin-http-status');",
        'console.log(JSON.stringify({ meta: plugin.meta, configs: Object.keys(configs), same: plugin.rules === rules,',
        "  registered: [configs.recommended, configs.strict, configs.all].every((config) => config.plugins['http-status'] === plugin) }));",
      ].join('\n');
      const result = await runOk(process.execPath, ['--input-type=module', '-e', script], { cwd: dir });
      expect(JSON.parse(result.stdout)).toEqual({
        meta: { name: 'eslint-plugin-http-status', version: manifest.version, namespace: 'http-status' },
        configs: ['recommended', 'strict', 'all', 'legacy-recommended', 'legacy-strict', 'legacy-all'],
        same: true,
        registered: true,
      });
      expect(result.stderr).toBe('');
    });

    it('its types fit ESLint\'s in a typed eslint.config.ts (defineConfig, plugins, extends, configs)', async () => {
      const project = fixture(dir, 'types', {
        'tsconfig.json': `${JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true, skipLibCheck: true, types: [] }, include: ['eslint.config.ts'] })}\n`,
        'eslint.config.ts': `import type { ESLint, Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import httpStatus from 'eslint-plugin-http-status';

export const plugin: ESLint.Plugin = httpStatus;
export const legacy: Linter.LegacyConfig = httpStatus.configs['legacy-recommended'];

export default defineConfig(
  { files: ['**/*.ts'], plugins: { 'http-status': httpStatus }, extends: ['http-status/recommended'] },
  httpStatus.configs.strict,
  { rules: { 'http-status/no-magic-status': ['error', { constants: 'http-status-codes' }] } },
);
`,
      });
      const result = await timed('package', 'tsc on a typed eslint.config.ts', () => run(bin(dir, 'tsc'), ['-p', project], { cwd: project, timeoutMs: 300_000 }));
      expect(result.stdout + result.stderr).toBe('');
      expect(result.code).toBe(0);
    });
  });
});
