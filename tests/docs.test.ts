/**
 * Every rule doc's examples are real: each code block under a ❌ heading must be
 * reported by that rule, each one under ✅ must not. A block may set the rule's
 * options with a comment on its first line: `// options: { "constants": "http-status" }`.
 * Blocks are linted as TypeScript (decorators, enums) with the real ESLint Linter.
 */
import { Linter } from 'eslint';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as tsParser from '@typescript-eslint/parser';
import plugin from '../src/index.js';

interface Example {
  readonly verdict: 'invalid' | 'valid';
  readonly code: string;
  readonly line: number;
}

const DOCS = new URL('../docs/rules/', import.meta.url);

/** The examples of a doc: fenced blocks after a line with ❌ (invalid) or ✅ (valid); the marker holds until the next heading or marker. */
export function examplesOf(markdown: string): Example[] {
  const examples: Example[] = [];
  const lines = markdown.split('\n');
  let verdict: Example['verdict'] | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (/^#{1,6}\s/.test(line) && !line.includes('❌') && !line.includes('✅')) verdict = undefined;
    if (line.includes('❌')) verdict = 'invalid';
    else if (line.includes('✅')) verdict = 'valid';
    const fence = /^```(js|ts|javascript|typescript|mjs|cjs)\s*$/.exec(line);
    if (!fence) continue;
    const start = index;
    const body: string[] = [];
    for (index++; index < lines.length && !(lines[index] as string).startsWith('```'); index++) body.push(lines[index] as string);
    if (verdict) examples.push({ verdict, code: body.join('\n'), line: start + 1 });
  }
  return examples;
}

function lint(ruleName: string, code: string): Linter.LintMessage[] {
  const optionsLine = /^\/\/ options: (.*)$/m.exec(code.split('\n')[0] ?? '');
  const options = optionsLine ? [JSON.parse(optionsLine[1] as string) as unknown] : [];
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser, sourceType: 'module' },
        plugins: { 'http-status': plugin as never },
        rules: { [`http-status/${ruleName}`]: ['error', ...options] as Linter.RuleEntry },
      },
    ],
    'example.ts',
  );
}

const docs = readdirSync(DOCS).filter((file) => file.endsWith('.md'));

describe('rule docs examples', () => {
  it('finds the docs', () => {
    expect(docs.length).toBe(Object.keys(plugin.rules).length);
  });
  for (const file of docs) {
    const ruleName = file.replace(/\.md$/, '');
    const examples = examplesOf(readFileSync(new URL(file, DOCS), 'utf8'));
    describe(ruleName, () => {
      it('has ❌ and ✅ examples', () => {
        expect(examples.some((example) => example.verdict === 'invalid')).toBe(true);
        expect(examples.some((example) => example.verdict === 'valid')).toBe(true);
      });
      for (const example of examples) {
        it(`${example.verdict} example at line ${example.line}`, () => {
          const messages = lint(ruleName, example.code);
          const fatal = messages.filter((message) => message.fatal);
          expect(fatal).toEqual([]);
          const reports = messages.filter((message) => message.ruleId === `http-status/${ruleName}`);
          if (example.verdict === 'invalid') expect(reports.length).toBeGreaterThan(0);
          else expect(reports).toEqual([]);
        });
      }
    });
  }
});

// ---------------------------------------------------------------------------
// Options tables: the one eslint-doc-generator's markers hold lists the top-level options only (its nested keys
// have tables of their own below it), and no default prints as `[object Object]`.
// ---------------------------------------------------------------------------

type SchemaNode = { readonly properties?: Record<string, SchemaNode>; readonly items?: SchemaNode | SchemaNode[]; readonly oneOf?: SchemaNode[]; readonly anyOf?: SchemaNode[] };

const OPTIONS_BEGIN = '<!-- begin auto-generated rule options list -->';
const OPTIONS_END = '<!-- end auto-generated rule options list -->';

/** The rows of a markdown table that starts at `lines[start]`, as cells (header and divider left out). */
function tableRows(lines: readonly string[], start: number): string[][] {
  const rows: string[][] = [];
  for (let index = start + 2; index < lines.length && (lines[index] as string).startsWith('|'); index++) {
    rows.push((lines[index] as string).split(/(?<!\\)\|/).slice(1, -1).map((text) => text.trim()));
  }
  return rows;
}

/** Each table between the options markers: its header cells and its rows. */
function optionsTablesOf(markdown: string): { header: string[]; rows: string[][] }[] {
  const start = markdown.indexOf(OPTIONS_BEGIN);
  const end = markdown.indexOf(OPTIONS_END);
  if (start === -1 || end === -1) return [];
  const lines = markdown.slice(start, end).split('\n');
  const tables: { header: string[]; rows: string[][] }[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (!(lines[index] as string).startsWith('|') || (lines[index - 1] ?? '').startsWith('|')) continue;
    tables.push({ header: (lines[index] as string).split('|').slice(1, -1).map((text) => text.trim()), rows: tableRows(lines, index) });
  }
  return tables;
}

/** The keys of the objects inside an option (a `oneOf` branch, array items, nested objects), at any depth. */
function nestedKeys(node: SchemaNode | undefined, found = new Set<string>()): Set<string> {
  if (!node) return found;
  for (const [key, value] of Object.entries(node.properties ?? {})) {
    found.add(key);
    nestedKeys(value, found);
  }
  for (const branch of [...(node.oneOf ?? []), ...(node.anyOf ?? []), ...(Array.isArray(node.items) ? node.items : node.items ? [node.items] : [])]) nestedKeys(branch, found);
  return found;
}

describe('rule docs options tables', () => {
  for (const file of docs) {
    const ruleName = file.replace(/\.md$/, '');
    const markdown = readFileSync(new URL(file, DOCS), 'utf8');
    const rule = plugin.rules[ruleName as keyof typeof plugin.rules];
    const [schema] = (rule?.meta?.schema ?? []) as SchemaNode[];
    const topLevel = Object.keys(schema?.properties ?? {});
    const nested = new Set<string>();
    for (const option of Object.values(schema?.properties ?? {})) nestedKeys(option, nested);
    for (const key of topLevel) nested.delete(key);

    it(`${ruleName}: no default or value prints as [object Object]`, () => {
      expect(markdown).not.toContain('[object Object]');
    });
    it(`${ruleName}: the first options table lists the top-level options, and no nested key`, () => {
      const [main, ...others] = optionsTablesOf(markdown);
      const listed = (main?.rows ?? []).map((row) => (row[0] ?? '').replaceAll('`', ''));
      expect(listed.filter((name) => nested.has(name))).toEqual([]);
      expect([...listed].sort()).toEqual([...topLevel].sort());
      // A top-level option is never required: there is no Required column to mark one.
      expect(main?.header ?? []).not.toContain('Required');
      // Each nested key is in a table of its own.
      const inOthers = new Set(others.flatMap((table) => table.rows.map((row) => (row[0] ?? '').replaceAll('`', ''))));
      expect([...nested].filter((key) => !inOthers.has(key))).toEqual([]);
    });
  }
});
