/**
 * The real-code corpus shared by `npm run bench`, `npm run check:corpus` and tests/corpus.test.ts:
 * the shipped JS/TS of the frameworks installed as devDependencies (and the packages that do their
 * HTTP work), TypeScript's own `lib`, and our `examples/` apps. Nothing here is ours except the examples,
 * and everything is on disk after `npm install`: no network.
 *
 * Files are linted under virtual names (`corpus/<group>/<package>/<path>`), so that a config never meets
 * the `node_modules/` default ignore and the same text can be linted as several copies (the scaling runs).
 */
import * as tsParser from '@typescript-eslint/parser';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

const CODE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
/** The files a corpus config applies to (every extension `CODE` takes). */
export const LINTED_FILES = '**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}';
const SKIP_FILE = /\.min\.js$/;
const SKIP_DIR = new Set(['node_modules', '.git']);

/**
 * The groups of the corpus. `packages` are directories under node_modules (nested node_modules are
 * skipped); `include` narrows a package to some of its files and `exclude` takes some out (paths relative to
 * the package). `part` is what kind of code the group is (`PARTS`); a file under a test folder or named as a test
 * is `test` code whatever its group (`partOf`). `sample` marks the groups that tests/corpus.test.ts lints on every
 * `npm test`.
 */
export const CORPUS_GROUPS = [
  { name: 'express', part: 'framework', packages: ['express', 'router', 'finalhandler', 'send', 'serve-static', 'body-parser', 'http-errors'], sample: true },
  // Its `lib/` and `types/`, and the test suite it ships (`test/`: many real `reply.code(404)` sites).
  { name: 'fastify', part: 'framework', packages: ['fastify'], sample: true },
  { name: 'koa', part: 'framework', packages: ['koa', 'koa-compose', 'http-assert'], sample: true },
  { name: 'hono', part: 'framework', packages: ['hono'], sample: true },
  { name: 'nestjs', part: 'framework', packages: ['@nestjs/common', '@nestjs/core'], sample: true },
  { name: 'h3', part: 'framework', packages: ['h3', 'srvx'], sample: true },
  { name: 'sveltekit', part: 'framework', packages: ['@sveltejs/kit'], sample: true },
  // Sails: the framework (`lib/`) and the Mocha suite it ships (`test/`: `assert.equal(res.statusCode, 404)`, a sample app).
  { name: 'sails', part: 'framework', packages: ['sails'], sample: true },
  // Actionhero: its TypeScript sources and the Jest suite it ships (`__tests__/`); `dist/` repeats `src/`.
  { name: 'actionhero', part: 'framework', packages: ['actionhero'], include: /^(?:src|__tests__)\//, sample: true },
  // Verdaccio, an application (a private npm registry on Express): its server and the packages of its monorepo that
  // do its HTTP work, as built (Babel's and tsc's output, one file per module); their declarations are left out.
  {
    name: 'verdaccio',
    part: 'application',
    packages: [
      'verdaccio',
      '@verdaccio/auth',
      '@verdaccio/config',
      '@verdaccio/core',
      '@verdaccio/hooks',
      '@verdaccio/loaders',
      '@verdaccio/local-storage-legacy',
      '@verdaccio/middleware',
      '@verdaccio/package-filter',
      '@verdaccio/search-indexer',
      '@verdaccio/signature',
      '@verdaccio/tarball',
      '@verdaccio/url',
      '@verdaccio/utils',
      'verdaccio-audit',
      'verdaccio-htpasswd',
    ],
    exclude: /\.d\.[cm]?ts$/,
    sample: true,
  },
  // The compiler (one 200k-line bundle) and the `lib.*.d.ts` declarations; `_tsc.js` repeats typescript.js and is left out.
  { name: 'typescript', part: 'typescript', packages: ['typescript'], include: /^lib\/(?:typescript\.js|typescript\.d\.ts|lib\.[\w.]+\.d\.ts)$/, sample: false },
  // Our example apps.
  { name: 'examples', part: 'application', directories: ['examples'], sample: true },
];

/** The kinds of code in the corpus, in the order the bench reports them. */
export const PARTS = ['framework', 'application', 'test', 'typescript'];

/** A test file: under a `test`, `tests`, `__tests__` or `spec` folder, or named `*.test.*` / `*.spec.*`. */
const TEST_FILE = /(?:^|\/)(?:test|tests|__tests__|spec)\/|\.(?:test|spec)\.[^/]+$/;

/** The part of a file at `inPackage` (its path in its package) in `group`. */
export function partOf(group, inPackage) {
  return group.part !== 'typescript' && TEST_FILE.test(inPackage) ? 'test' : group.part;
}

function walk(directory, found) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIR.has(entry.name)) walk(path, found);
    } else if (entry.isFile() && CODE.test(entry.name) && !SKIP_FILE.test(entry.name)) {
      found.push(path);
    }
  }
  return found;
}

/** `module` or `commonjs` for a `.js` file: the `type` of the nearest package.json. */
function packageType(file, cache) {
  let directory = dirname(file);
  const visited = [];
  while (directory.startsWith(ROOT)) {
    if (cache.has(directory)) break;
    visited.push(directory);
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest)) {
      let type = 'commonjs';
      try {
        type = JSON.parse(readFileSync(manifest, 'utf8')).type === 'module' ? 'module' : 'commonjs';
      } catch {
        // an unreadable manifest counts as commonjs, as Node reads it
      }
      cache.set(directory, type);
      break;
    }
    directory = dirname(directory);
  }
  const type = cache.get(directory) ?? 'commonjs';
  for (const seen of visited) cache.set(seen, type);
  return type;
}

/** The source type a file is parsed with: by extension, TypeScript always as modules, `.js` by its package. */
function sourceTypeOf(file, cache) {
  if (/\.c[jt]s$/.test(file)) return 'commonjs';
  if (/\.jsx?$/.test(file)) return packageType(file, cache);
  return 'module';
}

/**
 * @typedef {object} CorpusFile
 * @property {string} group
 * @property {'framework' | 'application' | 'test' | 'typescript'} part  what kind of code it is (`PARTS`)
 * @property {string} path      absolute path on disk
 * @property {string} name      virtual path: `<group>/<package>/<path in package>`
 * @property {boolean} typescript
 * @property {'module' | 'commonjs'} sourceType
 * @property {string} text
 * @property {number} lines
 */

/**
 * Every file of the corpus, read into memory, in a stable order.
 * @param {{ groups?: readonly string[], parts?: readonly string[], sampleOnly?: boolean }} [options]
 * @returns {{ files: CorpusFile[], missing: string[] }}
 */
export function loadCorpus(options = {}) {
  const files = [];
  const missing = [];
  const types = new Map();
  for (const group of CORPUS_GROUPS) {
    if (options.groups && !options.groups.includes(group.name)) continue;
    if (options.sampleOnly && !group.sample) continue;
    const roots = [
      ...(group.packages ?? []).map((name) => ({ label: name, directory: join(ROOT, 'node_modules', name) })),
      ...(group.directories ?? []).map((name) => ({ label: name, directory: join(ROOT, name) })),
    ];
    for (const { label, directory } of roots) {
      if (!existsSync(directory) || !statSync(directory).isDirectory()) {
        missing.push(label);
        continue;
      }
      for (const path of walk(directory, []).sort()) {
        const inPackage = relative(directory, path).split(sep).join('/');
        if (group.include && !group.include.test(inPackage)) continue;
        if (group.exclude?.test(inPackage)) continue;
        const part = partOf(group, inPackage);
        if (options.parts && !options.parts.includes(part)) continue;
        const text = readFileSync(path, 'utf8');
        files.push({
          group: group.name,
          part,
          path,
          name: `${group.name}/${label}/${inPackage}`,
          typescript: /\.[cm]?tsx?$/.test(path),
          sourceType: sourceTypeOf(path, types),
          text,
          lines: countLines(text),
        });
      }
    }
  }
  return { files, missing };
}

/**
 * The bounded sample `npm test` lints (tests/corpus.test.ts): every `examples/` file, and every `stride`-th
 * file of the other `sample` groups (TypeScript's 200k-line compiler is left to `npm run check:corpus`).
 */
export function testSample(files, stride = 3) {
  let index = 0;
  return files.filter((file) => file.group === 'examples' || index++ % stride === 0);
}

export function countLines(text) {
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++;
  return lines;
}

/** Per group and per part: files and lines (`byPart` has the parts in `PARTS` order, `parts` per group too). */
export function summarize(files) {
  const groups = new Map();
  const byPart = new Map(PARTS.map((part) => [part, { files: 0, lines: 0 }]));
  for (const file of files) {
    const entry = groups.get(file.group) ?? { files: 0, lines: 0, parts: new Map() };
    entry.files++;
    entry.lines += file.lines;
    const inGroup = entry.parts.get(file.part) ?? { files: 0, lines: 0 };
    inGroup.files++;
    inGroup.lines += file.lines;
    entry.parts.set(file.part, inGroup);
    groups.set(file.group, entry);
    const part = byPart.get(file.part);
    part.files++;
    part.lines += file.lines;
  }
  for (const [part, entry] of byPart) if (entry.files === 0) byPart.delete(part);
  const total = { files: files.length, lines: files.reduce((sum, file) => sum + file.lines, 0) };
  return { groups, parts: byPart, total };
}

/** The virtual file name a copy of a corpus file is linted under. */
export function virtualName(file, copy = 0) {
  return join(ROOT, 'corpus', `copy-${copy}`, file.name);
}

/**
 * The `Linter` options that lint a copy of a corpus file: under its virtual name (so `node_modules/` is not ignored
 * and copies differ), from its place on disk (`physicalFilename`: what a rule reads the file's `package.json` by).
 */
export function fileOptions(file, copy = 0) {
  return { filename: virtualName(file, copy), physicalFilename: file.path };
}

/** The language options a corpus file is parsed with (flip `sourceType` to retry a file that is the other kind). */
export function languageOptionsFor(file, sourceType = file.sourceType) {
  return file.typescript
    ? { parser: tsParser, ecmaVersion: 'latest', sourceType, parserOptions: { ecmaFeatures: { jsx: /x$/.test(file.path) } } }
    : { ecmaVersion: 'latest', sourceType, parserOptions: { ecmaFeatures: { jsx: /x$/.test(file.path) } } };
}

/**
 * A flat config array for a corpus file: `rules` (with `plugins`) under that file's language options.
 * Arrays are cached per (rules object, language), so the Linter normalizes each config once.
 */
const configCache = new WeakMap();
export function configFor(file, setup, sourceType = file.sourceType) {
  let byLanguage = configCache.get(setup);
  if (!byLanguage) {
    byLanguage = new Map();
    configCache.set(setup, byLanguage);
  }
  const key = `${file.typescript ? 'ts' : 'js'}:${sourceType}:${/x$/.test(file.path) ? 'jsx' : ''}`;
  let config = byLanguage.get(key);
  if (!config) {
    config = [
      {
        // Explicit extensions: a config whose only pattern is `**/*` does not make ESLint lint a `.ts` file.
        files: [LINTED_FILES],
        // Directive comments in the corpus (`eslint-disable`, rules we do not load) must not switch our rules off.
        linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
        languageOptions: languageOptionsFor(file, sourceType),
        plugins: setup.plugins ?? {},
        rules: setup.rules ?? {},
      },
    ];
    byLanguage.set(key, config);
  }
  return config;
}

// The parsers ESLint itself uses for these files, reached through the packages that depend on them.
const requireFromEslint = createRequire(createRequire(import.meta.url).resolve('eslint'));
const requireFromTsParser = createRequire(createRequire(import.meta.url).resolve('@typescript-eslint/parser'));
const espree = requireFromEslint('espree');
const typescriptEstree = requireFromTsParser('@typescript-eslint/typescript-estree');

/**
 * The syntax error of `text` as the corpus file's parser sees it (no tokens, scopes or rules: a fraction of
 * a lint's cost), or undefined when it parses.
 */
export function syntaxError(file, text, sourceType = file.sourceType) {
  const jsx = /x$/.test(file.path);
  try {
    if (file.typescript) typescriptEstree.parse(text, { jsx, loc: false, range: false, comment: false, tokens: false });
    else espree.parse(text, { ecmaVersion: 'latest', sourceType, ecmaFeatures: { jsx } });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Throws when ESLint did not lint the file at all (no config applied to it): a corpus set-up error, not a result. */
export function assertLinted(messages, file) {
  const skipped = messages.find((message) => message.ruleId === null && /^No matching configuration/.test(message.message));
  if (skipped) throw new Error(`${file.name} was not linted: ${skipped.message}`);
}

/** The rule ids of every rule the plugin exports, as `http-status/<name>`. */
export function pluginRuleIds(plugin) {
  const namespace = plugin.meta?.namespace ?? 'http-status';
  return Object.keys(plugin.rules)
    .sort()
    .map((name) => `${namespace}/${name}`);
}
