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
