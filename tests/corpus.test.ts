/**
 * Real code that is not ours (scripts/corpus.mjs): every rule, with fixes, must not throw, must leave code
 * that parses, and must fix once and for all. `npm test` lints a bounded sample (every `examples/` file and
 * every third file of the framework packages; `CORPUS=full` for all of them, TypeScript's compiler
 * included); `npm run check:corpus` lints the whole corpus.
 *
 * And the TypeScript that `no-magic-status` writes must type-check against the real types of Express, Hono,
 * Fastify, NestJS, Node and the constants libraries (tests/fixtures/typecheck).
 */
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { checkCorpus, formatReport } from '../scripts/check-corpus.mjs';
import { configFor, fileOptions, loadCorpus, pluginRuleIds, testSample } from '../scripts/corpus.mjs';
import plugin from '../src/index.js';
import { engine } from '../src/sites.js';

describe('real code', () => {
  const full = process.env.CORPUS === 'full';
  const { files: all, missing } = loadCorpus({ sampleOnly: !full });
  const files = full ? all : testSample(all);

  it('finds the corpus', () => {
    expect(missing).toEqual([]);
    expect(files.length).toBeGreaterThan(400);
  });

  it('every rule, with fixes: no exception, fixed code parses, fixing twice equals fixing once', { timeout: 600_000 }, () => {
    const result = checkCorpus({ plugin, files });
    console.log(formatReport(result, files).join('\n'));
    expect(result.problems).toEqual([]);
    expect(result.unparsable).toEqual([]);
    // The corpus does exercise the fixes.
    expect(result.passes.some((pass) => pass.filesFixed > 0)).toBe(true);
  });

  it('finding sites status first gives the same reports, fixes and suggestions as finding them site first', { timeout: 600_000 }, () => {
    const linter = new Linter({ configType: 'flat' });
    const setup = { plugins: { 'http-status': plugin }, rules: Object.fromEntries(pluginRuleIds(plugin).map((id: string) => [id, 'error' as const])) };
    const reportsOf = (file: (typeof files)[number], statusFirst: boolean): string[] => {
      engine.statusFirst = statusFirst;
      try {
        return linter
          .verify(file.text, configFor(file, setup), fileOptions(file))
          .filter((message) => !message.fatal)
          .map((message) => JSON.stringify([message.ruleId, message.line, message.column, message.message, message.fix, message.suggestions]))
          .sort();
      } finally {
        engine.statusFirst = true;
      }
    };
    let reports = 0;
    const differences: { file: string; siteFirst: string[]; statusFirst: string[] }[] = [];
    for (const file of files) {
      const siteFirst = reportsOf(file, false);
      const statusFirst = reportsOf(file, true);
      reports += siteFirst.length;
      if (JSON.stringify(siteFirst) !== JSON.stringify(statusFirst)) differences.push({ file: file.name, siteFirst, statusFirst });
    }
    expect(differences).toEqual([]);
    // The sample has sites to find (Fastify's test suite alone has hundreds).
    expect(reports).toBeGreaterThan(100);
  });
});

const FIXTURES = fileURLToPath(new URL('fixtures/typecheck/', import.meta.url));
const LIBRARIES = ['http-status-codes', '@nestjs/common', 'http-status', 'node:http2'] as const;
const NO_CHECK = /^\/\/ @ts-nocheck.*\n/;

function fixWith(library: string, text: string, filename: string): { output: string; fixed: number } {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser, sourceType: 'module' },
      plugins: { 'http-status': plugin as never },
      rules: { 'http-status/no-magic-status': ['error', { constants: library }] },
    },
  ];
  const before = linter.verify(text, config, filename).filter((message) => message.fix).length;
  const result = linter.verifyAndFix(text, config, { filename });
  expect(result.messages.filter((message) => message.fatal)).toEqual([]);
  return { output: result.output, fixed: before };
}

/** Type-checks the given files (absolute path to text) in one program, under the fixtures' tsconfig.json. */
function typeErrors(files: ReadonlyMap<string, string>): string[] {
  const configPath = join(FIXTURES, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path)) as { config: unknown };
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, dirname(configPath));
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, create) => {
    const text = files.get(fileName);
    return text === undefined ? getSourceFile(fileName, language, onError, create) : ts.createSourceFile(fileName, text, language);
  };
  host.fileExists = (fileName) => files.has(fileName) || ts.sys.fileExists(fileName);
  host.readFile = (fileName) => files.get(fileName) ?? ts.sys.readFile(fileName);
  const program = ts.createProgram({ rootNames: [...files.keys()], options, host });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file === undefined || files.has(diagnostic.file.fileName))
    .map((diagnostic) => {
      const where = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
      const name = diagnostic.file ? diagnostic.file.fileName.slice(FIXTURES.length) : '';
      const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      return `${name}${where ? `:${where.line + 1}:${where.character + 1}` : ''} ${text}\n${diagnostic.file?.text.split('\n')[where?.line ?? 0] ?? ''}`;
    });
}

describe('fixed TypeScript type-checks against the real types', () => {
  const fixtures = readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.ts'))
    .sort();

  it('has the fixtures', () => {
    expect(fixtures).toEqual(expect.arrayContaining(['express-app.ts', 'hono-app.ts', 'fastify-app.ts', 'nest-controller.ts', 'node-and-fetch.ts']));
  });

  it(`fixes with ${LIBRARIES.join(', ')}, then tsc --noEmit on the output`, { timeout: 300_000 }, () => {
    const files = new Map<string, string>();
    const fixedCounts: Record<string, number> = {};
    for (const name of fixtures) {
      const text = readFileSync(join(FIXTURES, name), 'utf8').replace(NO_CHECK, '');
      // The originals type-check too, so an error below is the fix's.
      files.set(join(FIXTURES, name.replace(/\.ts$/, '.original.ts')), text);
      for (const library of LIBRARIES) {
        const { output, fixed } = fixWith(library, text, join(FIXTURES, name));
        fixedCounts[library] = (fixedCounts[library] ?? 0) + fixed;
        files.set(join(FIXTURES, name.replace(/\.ts$/, `.${library.replaceAll(/\W+/g, '-')}.fixed.ts`)), output);
      }
    }
    console.log(`Constants written per library: ${JSON.stringify(fixedCounts)}`);
    for (const library of LIBRARIES) expect(fixedCounts[library]).toBeGreaterThan(10);
    expect(typeErrors(files)).toEqual([]);
  });
});
