/**
 * Property tests (fast-check) on generated server code (TypeScript, ESM, CommonJS): response sites of every
 * framework, with random codes (registered, unregistered, out of range, hex, separators, strings, BigInt),
 * constants libraries already imported (named, aliased, namespace, default, `require`, type-only, several, late),
 * the `constants` and `sites` options, formatting and comments inside the site, optional chaining, TS wrappers,
 * and noise around it (locals that shadow the constants' names, names taken at the top level, undeclared
 * globals of those names, directives, license headers, shebangs).
 *
 * - Every rule of the plugin (its `rules` export), at its defaults: no exception, the fixed code parses,
 *   every suggestion gives code that parses, and fixing twice equals fixing once.
 * - `no-magic-status` with a random `constants` option: every constant its fixes and suggestions write
 *   names the code it replaces. This is checked by evaluation, not by our own tables: each constant written
 *   is looked up in the real library through the import (or `require`) it resolves to by scope analysis,
 *   and its value put back in place of the reference; the result must equal the original with the same done.
 *
 * `npm test` runs FUZZ_RUNS cases (default 80); `npm run fuzz` runs more (FUZZ_RUNS, FUZZ_SEED).
 */
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter, type Rule } from 'eslint';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { engine } from '../src/sites.js';
import { STATUS_CODES } from '../src/status-table.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 80);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const requireFromHere = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------------------
// The languages a program is written in.

type Language = 'ts' | 'mjs' | 'cjs' | 'js';
const LANGUAGES: readonly Language[] = ['ts', 'mjs', 'cjs', 'js'];
const isCommonJS = (language: Language): boolean => language === 'cjs';

function configFor(language: Language, rules: Linter.RulesRecord, plugins: Record<string, unknown> = { 'http-status': plugin }): Linter.Config[] {
  return [
    {
      // Explicit extensions: a config whose only pattern is `**/*` does not make ESLint lint a `.ts` file.
      files: ['**/*.{js,mjs,cjs,ts}'],
      languageOptions:
        language === 'ts'
          ? { parser: tsParser, sourceType: 'module' }
          : { ecmaVersion: 'latest', sourceType: language === 'cjs' ? 'commonjs' : 'module' },
      plugins: plugins as Record<string, never>,
      rules,
    },
  ];
}

const FILENAME: Record<Language, string> = { ts: 'fuzz.ts', mjs: 'fuzz.mjs', cjs: 'fuzz.cjs', js: 'fuzz.js' };

// ---------------------------------------------------------------------------------------------------------
// Status expressions.

const REGISTERED = [...STATUS_CODES.keys()];

interface Status {
  /** Source text; `~` marks where a gap (whitespace, comment) may go. */
  readonly text: string;
  readonly tsOnly?: boolean;
}

const gapArb = fc.constantFrom('', '', '', ' ', '  ', '\n', '\n    ', ' /* c */ ', '/*c*/', '\n// line\n');

const numberText = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...REGISTERED).map(String) },
  { weight: 2, arbitrary: fc.constantFrom(299, 420, 499, 599, 100, 199, 444, 521).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('99', '600', '0', '1000', '404.5', '4.04e2', '0x194', '4_04', '0o624', '0b110010100', '404n', '-404') },
  { weight: 1, arbitrary: fc.constantFrom(...REGISTERED).map((code) => `'${code}'`) },
  { weight: 1, arbitrary: fc.constantFrom(...REGISTERED).map((code) => `"${code}"`) },
);

const statusArb: fc.Arbitrary<Status> = fc.oneof(
  { weight: 6, arbitrary: numberText.map((text) => ({ text: `~${text}~` })) },
  { weight: 1, arbitrary: numberText.map((text) => ({ text: `(~${text}~)` })) },
  {
    weight: 2,
    // A comment between the code and the wrapper (`404 /* c */ as const`) must survive the fix, which replaces the
    // whole `as const` expression. Only block comments on the line: `as`, `satisfies` and `!` take no line break before them.
    arbitrary: fc
      .tuple(
        fc.constantFrom(...REGISTERED).map(String),
        fc.constantFrom('', '', ' /* c */', '/*c*/'),
        fc.constantFrom(' as const', ' as number', '!', ' satisfies number', ' as 404 | 500'),
      )
      .map(([text, comment, wrapper]) => ({ text: `${text}${comment}${wrapper}`, tsOnly: true })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...REGISTERED).map((code) => ({ text: `<number>${code}`, tsOnly: true })) },
  { weight: 1, arbitrary: fc.constantFrom(...REGISTERED).map((code) => ({ text: `(${code} as const)`, tsOnly: true })) },
);

// ---------------------------------------------------------------------------------------------------------
// Response sites. `{S}` is the status; `~` marks gaps. `needs` are imports the site's framework requires.

interface Need {
  readonly module: string;
  readonly name: string;
  readonly kind: 'named' | 'default';
}

interface SiteTemplate {
  readonly name: string;
  /** `expr`: an expression (wrapped in a statement at random); `stmt`: statements; `member`: a class member. */
  readonly kind: 'expr' | 'stmt' | 'member';
  readonly text: string;
  readonly needs?: readonly Need[];
  readonly tsOnly?: boolean;
}

const SITES: readonly SiteTemplate[] = [
  // Express
  { name: 'express status', kind: 'expr', text: 'res~.~status~({S})~.~json~({ ok: true })' },
  { name: 'express status alone', kind: 'expr', text: 'res.status({S})' },
  { name: 'express sendStatus', kind: 'expr', text: 'res.sendStatus(~{S}~)' },
  { name: 'express redirect', kind: 'expr', text: "res.redirect({S},~'/next')" },
  { name: 'express legacy redirect', kind: 'expr', text: "res.redirect('/next',~{S})" },
  { name: 'express statusCode', kind: 'stmt', text: 'res.statusCode~=~{S};' },
  { name: 'express optional', kind: 'expr', text: 'res?.status({S})?.end()' },
  { name: 'express optional call', kind: 'expr', text: 'res.status?.({S})' },
  { name: 'express chained', kind: 'expr', text: "res.set('x-a', 'b').status({S}).send('x')" },
  // node:http / http2
  { name: 'writeHead', kind: 'expr', text: "res.writeHead({S}, { 'content-type': 'text/plain' })" },
  { name: 'http2 respond', kind: 'expr', text: "stream.respond({ ':status': {S} })" },
  // Fastify
  { name: 'fastify code', kind: 'expr', text: 'reply.code({S}).send()' },
  { name: 'fastify status', kind: 'expr', text: 'reply~.status({S})' },
  { name: 'fastify redirect', kind: 'expr', text: "reply.redirect('/x', {S})" },
  { name: 'fastify optional', kind: 'expr', text: 'reply?.code(~{S}~)' },
  // Koa
  { name: 'koa status', kind: 'stmt', text: 'ctx.status = {S};' },
  { name: 'koa response status', kind: 'stmt', text: 'ctx.response.status = {S};' },
  { name: 'koa throw', kind: 'expr', text: "ctx.throw({S}, 'nope')" },
  { name: 'koa assert', kind: 'expr', text: "ctx.assert(ok, {S}, 'nope')" },
  // Hono
  { name: 'hono json', kind: 'expr', text: 'c.json({ a: 1 },~{S})' },
  { name: 'hono text', kind: 'expr', text: "c.text('x', {S})" },
  { name: 'hono body', kind: 'expr', text: 'c.body(null, {S})' },
  { name: 'hono init', kind: 'expr', text: 'c.json({}, { status: {S} })' },
  { name: 'hono exception', kind: 'expr', text: "new HTTPException({S}, { message: 'x' })", needs: [{ module: 'hono/http-exception', name: 'HTTPException', kind: 'named' }] },
  // Nest
  { name: 'nest exception', kind: 'expr', text: "new HttpException('x', {S})", needs: [{ module: '@nestjs/common', name: 'HttpException', kind: 'named' }] },
  { name: 'nest HttpCode', kind: 'member', text: '@HttpCode({S})\n  handle() { return 1; }', needs: [{ module: '@nestjs/common', name: 'HttpCode', kind: 'named' }], tsOnly: true },
  // Fetch, Next, Remix
  { name: 'Response', kind: 'expr', text: 'new Response(null, { status: {S} })' },
  { name: 'Response.json', kind: 'expr', text: 'Response.json({ a: 1 }, {~status:~{S}~})' },
  { name: 'Response.redirect', kind: 'expr', text: "Response.redirect('https://example.com/', {S})" },
  { name: 'NextResponse', kind: 'expr', text: 'NextResponse.json({}, { status: {S} })', needs: [{ module: 'next/server', name: 'NextResponse', kind: 'named' }] },
  // SvelteKit
  { name: 'kit error', kind: 'expr', text: "error({S}, 'nope')", needs: [{ module: '@sveltejs/kit', name: 'error', kind: 'named' }] },
  { name: 'kit redirect', kind: 'expr', text: "redirect({S}, '/login')", needs: [{ module: '@sveltejs/kit', name: 'redirect', kind: 'named' }] },
  { name: 'kit fail', kind: 'expr', text: 'fail({S}, { a: 1 })', needs: [{ module: '@sveltejs/kit', name: 'fail', kind: 'named' }] },
  // h3 (auto-imported: undeclared)
  { name: 'h3 setResponseStatus', kind: 'expr', text: 'setResponseStatus(event, {S})' },
  { name: 'h3 createError', kind: 'expr', text: 'createError({ statusCode: {S} })' },
  // http-errors
  { name: 'http-errors', kind: 'expr', text: "createHttpError({S}, 'nope')", needs: [{ module: 'http-errors', name: 'createHttpError', kind: 'default' }] },
  // Lambda
  { name: 'lambda result', kind: 'stmt', text: "return { statusCode: {S}, body: '' };" },
  // Comparisons
  { name: 'comparison', kind: 'stmt', text: 'if (res.statusCode~===~{S}) { return; }' },
  { name: 'comparison reversed', kind: 'stmt', text: 'if ({S} !== response.status) { return; }' },
  { name: 'switch', kind: 'stmt', text: "switch (res.status) {\n    case {S}:\n      break;\n    default:\n      break;\n  }" },
  // Tests and mocks
  { name: 'expect toBe', kind: 'expr', text: 'expect(res.status).toBe({S})' },
  { name: 'assert', kind: 'expr', text: 'assert.strictEqual(res.statusCode, {S})' },
  { name: 'supertest', kind: 'expr', text: "request(app).get('/').expect({S})" },
  { name: 'nock', kind: 'expr', text: "scope.get('/').reply({S}, {})" },
];

/** How an expression site is put in a statement. */
const EXPRESSION_WRAPPERS = ['X;', 'return X;', 'const result = X;', 'await X;', 'void (X);', 'if (ok) {\n    X;\n  }', 'try {\n    X;\n  } catch {\n    // ignore\n  }', 'queue.push(() => X);', 'throw X;'];

// ---------------------------------------------------------------------------------------------------------
// Constants libraries already imported.

interface ExistingImport {
  /** The import or require statement. */
  readonly text: string;
  /** Local names it declares. */
  readonly locals: readonly string[];
  readonly esm: boolean;
  readonly tsOnly?: boolean;
  /** A constant reference through it, for a site that already uses one. */
  readonly reference?: string;
}

const EXISTING: readonly ExistingImport[] = [
  { text: "import { StatusCodes } from 'http-status-codes';", locals: ['StatusCodes'], esm: true, reference: 'StatusCodes.OK' },
  { text: "import { StatusCodes as Codes } from 'http-status-codes';", locals: ['Codes'], esm: true, reference: 'Codes.CREATED' },
  { text: "import * as hsc from 'http-status-codes';", locals: ['hsc'], esm: true, reference: 'hsc.StatusCodes.ACCEPTED' },
  { text: "import { getReasonPhrase } from 'http-status-codes';", locals: ['getReasonPhrase'], esm: true },
  { text: "import type { StatusCodes } from 'http-status-codes';", locals: ['StatusCodes'], esm: true, tsOnly: true },
  { text: "import httpStatus from 'http-status';", locals: ['httpStatus'], esm: true, reference: 'httpStatus.NOT_FOUND' },
  { text: "import { status as st } from 'http-status';", locals: ['st'], esm: true, reference: 'st.BAD_REQUEST' },
  { text: "import * as hs from 'http-status';", locals: ['hs'], esm: true },
  { text: "import { HttpStatus } from '@nestjs/common';", locals: ['HttpStatus'], esm: true, reference: 'HttpStatus.NO_CONTENT' },
  { text: "import { HttpStatus as Status, Injectable } from '@nestjs/common';", locals: ['Status', 'Injectable'], esm: true },
  { text: "import { constants } from 'node:http2';", locals: ['constants'], esm: true, reference: 'constants.HTTP_STATUS_OK' },
  { text: "import * as http2 from 'http2';", locals: ['http2'], esm: true, reference: 'http2.constants.HTTP_STATUS_FORBIDDEN' },
  { text: "import { createServer } from 'node:http2';", locals: ['createServer'], esm: true },
  { text: "import { StatusCode } from 'status-code-enum';", locals: ['StatusCode'], esm: true, reference: 'StatusCode.SuccessOK' },
  { text: "const { StatusCodes } = require('http-status-codes');", locals: ['StatusCodes'], esm: false, reference: 'StatusCodes.OK' },
  { text: "const { StatusCodes: SC } = require('http-status-codes');", locals: ['SC'], esm: false, reference: 'SC.GONE' },
  { text: "const hsc = require('http-status-codes');", locals: ['hsc'], esm: false, reference: 'hsc.StatusCodes.CONFLICT' },
  { text: "const httpStatus = require('http-status');", locals: ['httpStatus'], esm: false },
  { text: "const { status } = require('http-status');", locals: ['status'], esm: false, reference: 'status.NOT_FOUND' },
  { text: "const { HttpStatus } = require('@nestjs/common');", locals: ['HttpStatus'], esm: false, reference: 'HttpStatus.OK' },
  { text: "const { constants } = require('node:http2');", locals: ['constants'], esm: false, reference: 'constants.HTTP_STATUS_GONE' },
  { text: "const http2 = require('http2');", locals: ['http2'], esm: false },
];

const CONSTANTS_OPTIONS = ['auto', 'http-status-codes', 'http-status', '@nestjs/common', 'node:http2', 'status-code-enum'] as const;

/** Names new imports would like to take: noise may take them first. */
const WANTED_NAMES = ['StatusCodes', 'HttpStatusCodes', 'httpStatus', 'HttpStatus', 'NestHttpStatus', 'constants', 'http2Constants', 'StatusCode', 'HttpStatusCode'];

// ---------------------------------------------------------------------------------------------------------
// Programs.

interface SiteChoice {
  readonly template: SiteTemplate;
  readonly status: Status;
  readonly wrapper: string;
  /** Use the existing import's constant instead of the generated status. */
  readonly useReference: boolean;
  /** Write the status as a member of the file's table (`CODES.s1`, or `Codes.S1` in an enum), declared at the top. */
  readonly inTable: boolean;
  /** A local that shadows a wanted (or imported) name around the site, and how it is declared. */
  readonly shadow: string | undefined;
  readonly shadowKind: 'const' | 'param' | 'catch' | 'outer';
  readonly async: boolean;
}

interface Program {
  readonly language: Language;
  readonly header: string;
  readonly directive: boolean;
  /** Constants libraries already imported (at most one per local name). */
  readonly existing: readonly ExistingImport[];
  /** Where the existing imports go: before the framework imports, after them, or after the first handler. */
  readonly existingAt: 'first' | 'last' | 'late';
  /** Wanted names declared at the top level. */
  readonly topLevelTaken: readonly string[];
  /** Wanted names used as undeclared globals (`use(HttpStatus.OK)`): a new import must not capture them. */
  readonly globalsUsed: readonly string[];
  /** A project helper that takes a status (the `sites` option). */
  readonly customSite: boolean;
  readonly sites: readonly SiteChoice[];
  readonly gaps: readonly string[];
  readonly constants: (typeof CONSTANTS_OPTIONS)[number];
  readonly noise: boolean;
  /** How the table of `inTable` statuses is declared: an object (`as const` in TypeScript) or, in TypeScript, an enum. */
  readonly table: 'object' | 'enum';
}

const siteChoiceArb: fc.Arbitrary<SiteChoice> = fc.record({
  template: fc.constantFrom(...SITES),
  status: statusArb,
  wrapper: fc.constantFrom(...EXPRESSION_WRAPPERS),
  useReference: fc.boolean(),
  inTable: fc.boolean(),
  shadow: fc.option(fc.constantFrom(...WANTED_NAMES), { freq: 4 }).map((value) => value ?? undefined),
  shadowKind: fc.constantFrom('const', 'param', 'catch', 'outer'),
  async: fc.boolean(),
});

const programArb: fc.Arbitrary<Program> = fc.record({
  language: fc.constantFrom(...LANGUAGES),
  header: fc.constantFrom('', '', '/* Copyright 2024 Someone. MIT License. */\n', '// @ts-check\n\n', '#!/usr/bin/env node\n', '/**\n * A module.\n */\n\n'),
  directive: fc.boolean(),
  existing: fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 2, arbitrary: fc.array(fc.constantFrom(...EXISTING), { minLength: 1, maxLength: 2 }) }),
  existingAt: fc.constantFrom('first', 'last', 'late'),
  topLevelTaken: fc.subarray(WANTED_NAMES, { maxLength: 4 }),
  globalsUsed: fc.subarray(WANTED_NAMES, { maxLength: 2 }),
  customSite: fc.boolean(),
  sites: fc.array(siteChoiceArb, { minLength: 1, maxLength: 5 }),
  gaps: fc.array(gapArb, { minLength: 24, maxLength: 24 }),
  constants: fc.constantFrom(...CONSTANTS_OPTIONS),
  noise: fc.boolean(),
  table: fc.constantFrom('object', 'enum'),
});

/** Fills `~` gaps from the program's gap list, in turn. */
function filler(gaps: readonly string[]): (text: string) => string {
  let next = 0;
  return (text) => text.replaceAll('~', () => gaps[next++ % gaps.length] as string);
}

/** The program's source text: what the rules are run on. */
function render(program: Program): string {
  const { language } = program;
  const ts = language === 'ts';
  const cjs = isCommonJS(language);
  const fill = filler(program.gaps);
  const declared = new Set<string>();
  const existing: ExistingImport[] = [];
  for (const candidate of program.existing) {
    if ((cjs && candidate.esm) || (language !== 'js' && !cjs && !candidate.esm) || (candidate.tsOnly && !ts)) continue;
    if (candidate.locals.some((local) => declared.has(local))) continue;
    for (const local of candidate.locals) declared.add(local);
    existing.push(candidate);
  }
  const esmFile = !cjs && !(language === 'js' && existing.some((candidate) => !candidate.esm));
  const reference = existing.find((candidate) => candidate.reference)?.reference;
  const needs = new Map<string, Need[]>();
  const lines: string[] = [];
  const sites = program.sites.filter((site) => (ts || (!site.template.tsOnly && !site.status.tsOnly)) && !(site.template.kind === 'member' && !ts));
  if (sites.length === 0) sites.push({ template: SITES[0] as SiteTemplate, status: { text: '404' }, wrapper: 'X;', useReference: false, inTable: false, shadow: undefined, shadowKind: 'const', async: false });
  for (const site of sites) {
    for (const need of site.template.needs ?? []) {
      if (declared.has(need.name)) continue;
      const list = needs.get(need.module) ?? [];
      if (!list.some((other) => other.name === need.name)) list.push(need);
      needs.set(need.module, list);
    }
  }
  const importLines: string[] = [];
  for (const [module, list] of needs) {
    const named = list.filter((need) => need.kind === 'named').map((need) => need.name);
    const defaults = list.filter((need) => need.kind === 'default').map((need) => need.name);
    for (const name of [...named, ...defaults]) declared.add(name);
    if (!esmFile) {
      for (const name of defaults) importLines.push(`const ${name} = require('${module}');`);
      if (named.length > 0) importLines.push(`const { ${named.join(', ')} } = require('${module}');`);
    } else {
      for (const name of defaults) importLines.push(`import ${name} from '${module}';`);
      if (named.length > 0) importLines.push(`import { ${named.join(', ')} } from '${module}';`);
    }
  }
  const existingLines = existing.map((candidate) => candidate.text);
  if (program.existingAt === 'first') importLines.unshift(...existingLines);
  else if (program.existingAt === 'last') importLines.push(...existingLines);
  lines.push(program.header + (program.directive ? (cjs ? "'use strict';\n" : "'use client';\n") : '') + importLines.join('\n'));
  if (program.noise) lines.push('const port = 3000;\nsetTimeout(() => {}, 500);\nconst limits = { max: 404, retries: 3 };');
  for (const name of program.topLevelTaken) {
    if (declared.has(name)) continue;
    declared.add(name);
    lines.push(`function ${name}() {\n  return 1;\n}`);
  }
  for (const name of program.globalsUsed) {
    if (!declared.has(name)) lines.push(`use(${name}.OK);`);
  }
  if (program.customSite) lines.push(`${esmFile ? 'export ' : ''}function sendError(res${ts ? ': any' : ''}, status${ts ? ': number' : ''}) {\n  res.end(String(status));\n}`);
  // Statuses in a table: each member is followed to its own uses, whatever the other members are.
  const enumTable = ts && program.table === 'enum';
  const tableEntries: string[] = [];
  const tableReference = (status: Status): string => {
    const index = tableEntries.length;
    tableEntries.push(enumTable ? `S${index} = ${fill(status.text)}` : `s${index}: ${fill(status.text)}`);
    return enumTable ? `Codes.S${index}` : `CODES.s${index}`;
  };
  const tableAt = lines.length;
  const members: string[] = [];
  const params = ['req', 'res', 'reply', 'ctx', 'c', 'event', 'stream', 'response', 'ok', 'queue', 'app', 'scope', 'request', 'expect', 'assert'];
  sites.forEach((site, index) => {
    const statusText = site.useReference && reference ? reference : site.inTable ? tableReference(site.status) : fill(site.status.text);
    const body = fill(site.template.text).replace('{S}', () => statusText);
    if (site.template.kind === 'member') {
      members.push(`  ${body}`);
      return;
    }
    let statement = site.template.kind === 'stmt' ? body : site.wrapper.replace('X', () => body);
    if (program.customSite && index === 0) statement = `sendError(res, ${fill(site.status.text)});\n  ${statement}`;
    // A local that shadows a wanted name, or an imported one: a fix inside must not write a constant through it.
    const shadow = site.shadow;
    const own = shadow && site.shadowKind === 'param' ? [...params, shadow] : params;
    const signature = ts ? own.map((param) => `${param}: any`).join(', ') : own.join(', ');
    if (shadow && site.shadowKind === 'const') statement = `const ${shadow} = { NOT_FOUND: 1, OK: 2 };\n  ${statement}`;
    if (shadow && site.shadowKind === 'catch') statement = `try {\n    run();\n  } catch (${shadow}) {\n    ${statement}\n  }`;
    const keyword = site.async || statement.includes('await ') ? 'async function' : 'function';
    const exported = esmFile ? 'export ' : '';
    const handler = `${keyword} handler${index}(${signature}) {\n  ${statement}\n}`;
    lines.push(
      shadow && site.shadowKind === 'outer'
        ? `${exported}function outer${index}() {\n  const ${shadow} = { OK: 2 };\n  return ${handler};\n}`
        : `${exported}${handler}`,
    );
    if (index === 0 && program.existingAt === 'late') lines.push(...existingLines);
  });
  if (tableEntries.length > 0) {
    const table = enumTable ? `enum Codes {\n  ${tableEntries.join(',\n  ')},\n}` : `const CODES = {\n  ${tableEntries.join(',\n  ')},\n}${ts ? ' as const' : ''};`;
    lines.splice(tableAt, 0, table);
  }
  if (members.length > 0) lines.push(`${esmFile ? 'export ' : ''}class Controller {\n${members.join('\n\n')}\n}`);
  if (!esmFile) lines.push(`module.exports = { ${sites.map((site, index) => (site.shadow && site.shadowKind === 'outer' ? `outer${index}` : `handler${index}`)).join(', ')} };`);
  return `${lines.filter(Boolean).join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------
// Checks.

const RULE_IDS = Object.keys(plugin.rules).map((name) => `http-status/${name}`);
const ALL_RULES: Linter.RulesRecord = Object.fromEntries(RULE_IDS.map((id) => [id, 'error']));
const linter = new Linter({ configType: 'flat' });

function fatal(messages: readonly Linter.LintMessage[]): Linter.LintMessage | undefined {
  return messages.find((message) => message.fatal);
}

function applyFix(text: string, fix: Rule.Fix): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

function parseError(language: Language, text: string): string | undefined {
  const found = fatal(linter.verify(text, configFor(language, {}, {}), FILENAME[language]));
  return found ? `${found.line}:${found.column} ${found.message}` : undefined;
}

/** Runs the rules; asserts no exception, fixes and suggestions that parse, and idempotent fixing. Returns the fixed text. */
function checkRobust(language: Language, code: string, rules: Linter.RulesRecord): { output: string; messages: Linter.LintMessage[] } {
  const config = configFor(language, rules);
  const messages = linter.verify(code, config, FILENAME[language]);
  const skipped = messages.find((message) => message.ruleId === null && message.message.startsWith('No matching configuration'));
  if (skipped) throw new Error(`not linted (a test set-up error): ${skipped.message}`);
  const broken = fatal(messages);
  if (broken) throw new Error(`the generated program does not parse (a generator bug): ${broken.message}\n${code}`);
  for (const message of messages) {
    for (const suggestion of message.suggestions ?? []) {
      const error = parseError(language, applyFix(code, suggestion.fix));
      if (error) throw new Error(`${message.ruleId} suggestion "${suggestion.desc}" gives code that does not parse: ${error}\n${applyFix(code, suggestion.fix)}`);
    }
  }
  const fixed = linter.verifyAndFix(code, config, { filename: FILENAME[language] });
  const fixError = fatal(fixed.messages);
  if (fixError) throw new Error(`the fixed code does not parse: ${fixError.message}\n${fixed.output}`);
  const again = linter.verifyAndFix(fixed.output, config, { filename: FILENAME[language] });
  if (again.output !== fixed.output) throw new Error(`fixing twice differs from fixing once:\n--- once\n${fixed.output}\n--- twice\n${again.output}`);
  return { output: fixed.output, messages };
}

// Constants, evaluated in the real libraries.

const CONSTANT_MODULES = new Set(['http-status-codes', 'http-status', '@nestjs/common', 'node:http2', 'http2', 'status-code-enum']);
const modules = new Map<string, Record<string, unknown>>();

function loadModule(name: string): Record<string, unknown> {
  let loaded = modules.get(name);
  if (!loaded) {
    loaded = requireFromHere(name) as Record<string, unknown>;
    modules.set(name, loaded);
  }
  return loaded;
}

/** What an import binding holds, with TypeScript's `esModuleInterop` (what compiled and bundled code sees). */
function importedValue(module: string, imported: 'default' | '*' | string): unknown {
  const loaded = loadModule(module);
  if (imported === '*') return loaded;
  if (imported === 'default') return loaded.__esModule ? loaded.default : loaded;
  return loaded[imported];
}

type Edit = readonly [start: number, end: number, text: string];

function requiredModule(init: TSESTree.Expression | null): string | undefined {
  if (init?.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'require') return undefined;
  const [argument] = init.arguments;
  return argument?.type === 'Literal' && typeof argument.value === 'string' ? argument.value : undefined;
}

/** The value of the variable `identifier` refers to, when it is bound to a constants module. */
function rootValue(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Identifier): { found: boolean; value?: unknown } {
  let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(identifier);
  let variable: TSESLint.Scope.Variable | undefined;
  while (scope && !variable) {
    variable = scope.set.get(identifier.name);
    scope = scope.upper;
  }
  const def = variable?.defs[0];
  if (!def) return { found: false };
  if (def.type === 'ImportBinding') {
    const declaration = def.parent as TSESTree.ImportDeclaration;
    const module = declaration.source.value;
    if (!CONSTANT_MODULES.has(module) || declaration.importKind === 'type') return { found: false };
    const specifier = def.node;
    if (specifier.type === 'ImportDefaultSpecifier') return { found: true, value: importedValue(module, 'default') };
    if (specifier.type === 'ImportNamespaceSpecifier') return { found: true, value: importedValue(module, '*') };
    if (specifier.type === 'ImportSpecifier' && specifier.importKind !== 'type') {
      const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : String(specifier.imported.value);
      return { found: true, value: importedValue(module, imported) };
    }
    return { found: false };
  }
  if (def.type === 'Variable') {
    const declarator = def.node;
    const module = requiredModule(declarator.init);
    if (!module || !CONSTANT_MODULES.has(module)) return { found: false };
    const loaded = loadModule(module);
    if (declarator.id.type === 'Identifier') return { found: true, value: loaded };
    if (declarator.id.type === 'ObjectPattern') {
      for (const property of declarator.id.properties) {
        if (property.type === 'Property' && property.key.type === 'Identifier' && property.value.type === 'Identifier' && property.value.name === identifier.name) {
          return { found: true, value: loaded[property.key.name] };
        }
      }
    }
  }
  return { found: false };
}

/** `a.b.c` through plain or string-keyed members: the root identifier and the keys, or undefined. */
function memberChain(node: TSESTree.MemberExpression): { root: TSESTree.Identifier; keys: string[] } | undefined {
  const keys: string[] = [];
  let current: TSESTree.Node = node;
  while (current.type === 'MemberExpression') {
    const { property } = current;
    if (!current.computed && property.type === 'Identifier') keys.unshift(property.name);
    else if (current.computed && property.type === 'Literal' && typeof property.value === 'string') keys.unshift(property.value);
    else return undefined;
    current = current.object;
  }
  return current.type === 'Identifier' ? { root: current, keys } : undefined;
}

const DIGITS = /^\d+$/;

interface Inlined {
  /** The text, constants replaced by their values, whitespace removed. */
  readonly text: string;
  /** `module local<-imported` for every binding of a constants module. */
  readonly bindings: ReadonlySet<string>;
  /** Names declared twice at the top level (a fix that imports a name the file has). */
  readonly redeclared: readonly string[];
}

interface Collected {
  edits: Edit[];
  bindings: Set<string>;
  redeclared: string[];
}

/** `module local<-imported` for the bindings a constants import or require declares. */
function bindingsOf(node: TSESTree.ImportDeclaration | TSESTree.VariableDeclaration): string[] {
  if (node.type === 'ImportDeclaration') {
    return node.specifiers.map((specifier) => {
      const imported =
        specifier.type === 'ImportDefaultSpecifier'
          ? 'default'
          : specifier.type === 'ImportNamespaceSpecifier'
            ? '*'
            : specifier.imported.type === 'Identifier'
              ? specifier.imported.name
              : String(specifier.imported.value);
      return `${node.importKind === 'type' ? 'type ' : ''}${node.source.value} ${specifier.local.name}<-${imported}`;
    });
  }
  return node.declarations.flatMap((declarator) => {
    const module = requiredModule(declarator.init) ?? '';
    if (declarator.id.type === 'Identifier') return [`${module} ${declarator.id.name}<-*`];
    if (declarator.id.type !== 'ObjectPattern') return [];
    return declarator.id.properties.map((property) =>
      property.type === 'Property' && property.key.type === 'Identifier' && property.value.type === 'Identifier'
        ? `${module} ${property.value.name}<-${property.key.name}`
        : `${module} ?`,
    );
  });
}

/** Edits that put every constant's real value in place, drop constants imports, and write numbers one way. */
function inlineEdits(sourceCode: TSESLint.SourceCode): Collected {
  const collected: Collected = { edits: [], bindings: new Set(), redeclared: [] };
  const comments = sourceCode.getAllComments();
  /** A replacement keeps the comments of the range it replaces: a fix that drops one is caught. */
  const replace = (node: TSESTree.Node, text: string): void => {
    const inside = comments.filter((comment) => comment.range[0] >= node.range[0] && comment.range[1] <= node.range[1]);
    collected.edits.push([node.range[0], node.range[1], [text, ...inside.map((comment) => sourceCode.getText(comment as never))].join('')]);
  };
  const visit = (node: TSESTree.Node): void => {
    if (node.type === 'ImportDeclaration' && CONSTANT_MODULES.has(node.source.value)) {
      for (const binding of bindingsOf(node)) collected.bindings.add(binding);
      replace(node, '');
      return;
    }
    if (node.type === 'VariableDeclaration' && node.declarations.every((declarator) => CONSTANT_MODULES.has(requiredModule(declarator.init) ?? ''))) {
      for (const binding of bindingsOf(node)) collected.bindings.add(binding);
      replace(node, '');
      return;
    }
    if (node.type === 'MemberExpression') {
      const chain = memberChain(node);
      if (chain) {
        const root = rootValue(sourceCode, chain.root);
        if (root.found) {
          let value = root.value;
          for (const key of chain.keys) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
          replace(node, typeof value === 'number' ? String(value) : `<not a number: ${sourceCode.getText(node)}>`);
          return;
        }
      }
    }
    if (node.type === 'TSAsExpression' && sourceCode.getText(node.typeAnnotation) === 'const') {
      // `404 as const` and `StatusCodes.NOT_FOUND as const` name 404 (whether the second type-checks is
      // tests/corpus.test.ts's question).
      const inner = node.expression;
      const chain = inner.type === 'MemberExpression' ? memberChain(inner) : undefined;
      const root = chain && rootValue(sourceCode, chain.root);
      let value: unknown = inner.type === 'Literal' ? inner.value : undefined;
      if (chain && root?.found) {
        value = root.value;
        for (const key of chain.keys) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
      }
      if (typeof value === 'number') {
        replace(node, String(value));
        return;
      }
    }
    if (node.type === 'Literal') {
      if (typeof node.value === 'number') collected.edits.push([node.range[0], node.range[1], String(node.value)]);
      else if (typeof node.value === 'string' && DIGITS.test(node.value)) collected.edits.push([node.range[0], node.range[1], node.value]);
      return;
    }
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string') visit(item as TSESTree.Node);
      }
    }
  };
  visit(sourceCode.ast);
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    if (scope.type !== 'module' && scope.type !== 'global') continue;
    for (const variable of scope.variables) {
      const kinds = variable.defs.filter((def) => def.type === 'ImportBinding' || def.type === 'Variable' || def.type === 'FunctionName');
      if (kinds.length > 1 && kinds.some((def) => def.type === 'ImportBinding' || (def.type === 'Variable' && requiredModule(def.node.init)))) collected.redeclared.push(variable.name);
    }
  }
  return collected;
}

let collected: Collected = { edits: [], bindings: new Set(), redeclared: [] };
const inlinePlugin = {
  rules: {
    inline: {
      meta: { type: 'problem', schema: [] },
      create(context: Rule.RuleContext) {
        return {
          'Program:exit'() {
            collected = inlineEdits(context.sourceCode as unknown as TSESLint.SourceCode);
          },
        };
      },
    } satisfies Rule.RuleModule,
  },
};

/** The code with every constant replaced by its real value, constants imports dropped, whitespace removed. */
function inlined(language: Language, code: string): Inlined {
  collected = { edits: [], bindings: new Set(), redeclared: [] };
  const messages = linter.verify(code, configFor(language, { 'fuzz/inline': 'error' }, { fuzz: inlinePlugin }), FILENAME[language]);
  const broken = fatal(messages);
  if (broken) throw new Error(`does not parse: ${broken.message}\n${code}`);
  let text = code;
  for (const [start, end, replacement] of [...collected.edits].sort((a, b) => b[0] - a[0])) text = text.slice(0, start) + replacement + text.slice(end);
  return { text: text.replaceAll(/\s+/g, ''), bindings: collected.bindings, redeclared: collected.redeclared };
}

/** The fixed (or suggested) code names the same codes as the original, keeps its bindings, and declares no name twice. */
function sameMeaning(language: Language, original: Inlined, code: string, changed: string, what: string): void {
  const after = inlined(language, changed);
  const lost = [...original.bindings].filter((binding) => !after.bindings.has(binding));
  const problem =
    after.text !== original.text
      ? 'a constant it writes does not name the code it replaced (or a comment was lost)'
      : lost.length > 0
        ? `it drops the import binding(s) ${lost.join(', ')}`
        : after.redeclared.length > original.redeclared.length
          ? `it declares ${after.redeclared.join(', ')} twice`
          : undefined;
  if (problem) throw new Error(`${what}: ${problem}\n--- original\n${code}\n--- after\n${changed}`);
}

/** How many programs had something fixed, and how many constants and suggestions were checked. */
const counts = { programs: 0, fixed: 0, fixes: 0, suggestions: 0 };

function checkConstants(language: Language, code: string, constants: string, customSite: boolean): void {
  const options = customSite ? { constants, sites: [{ callee: 'sendError', argument: 1 }] } : { constants };
  const rules: Linter.RulesRecord = { 'http-status/no-magic-status': ['error', options] };
  const { output, messages } = checkRobust(language, code, rules);
  const original = inlined(language, code);
  counts.programs++;
  if (output !== code) {
    counts.fixed++;
    counts.fixes += messages.filter((message) => message.fix).length;
    sameMeaning(language, original, code, output, 'the fix');
  }
  for (const message of messages) {
    for (const suggestion of message.suggestions ?? []) {
      counts.suggestions++;
      sameMeaning(language, original, code, applyFix(code, suggestion.fix), `suggestion "${suggestion.desc}"`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------

const TIMEOUT = Math.max(60_000, RUNS * 400);

describe('fuzz', () => {
  it('generates programs that parse', () => {
    fc.assert(
      fc.property(programArb, (program) => {
        const code = render(program);
        expect(parseError(program.language, code)).toBeUndefined();
      }),
      { numRuns: Math.min(RUNS, 100), seed: SEED },
    );
  });

  it('checks constants by their real values', () => {
    // The checker itself: a wrong constant, a shadowed one, a lost comment and a lost binding are caught.
    const plain = inlined('mjs', 'res.status(404);\n');
    const check = (code: string, changed: string): string | undefined => {
      try {
        sameMeaning('mjs', inlined('mjs', code), code, changed, 'test');
        return undefined;
      } catch (error) {
        return String(error);
      }
    };
    expect(inlined('mjs', "import { StatusCodes } from 'http-status-codes';\nres.status(StatusCodes.NOT_FOUND);\n").text).toBe(plain.text);
    expect(inlined('mjs', "import { StatusCodes } from 'http-status-codes';\nres.status(StatusCodes.GONE);\n").text).not.toBe(plain.text);
    expect(inlined('cjs', "const { constants } = require('node:http2');\nres.status(constants.HTTP_STATUS_TEAPOT);\n").text).toBe(inlined('cjs', 'res.status(418);\n').text);
    expect(check('function f(StatusCodes) { res.status(404); }\n', "import { StatusCodes } from 'http-status-codes';\nfunction f(StatusCodes) { res.status(StatusCodes.NOT_FOUND); }\n")).toMatch(/does not name/);
    expect(check('res.status(404 /* c */);\n', "import { StatusCodes } from 'http-status-codes';\nres.status(StatusCodes.NOT_FOUND);\n")).toMatch(/comment/);
    expect(check("import { getReasonPhrase } from 'http-status-codes';\nres.status(404);\n", "import { StatusCodes } from 'http-status-codes';\nres.status(StatusCodes.NOT_FOUND);\n")).toMatch(/drops/);
    expect(check('function StatusCodes() {}\nres.status(404);\n', "import { StatusCodes } from 'http-status-codes';\nfunction StatusCodes() {}\nres.status(StatusCodes.NOT_FOUND);\n")).toBeDefined();
    expect(check('res.status(404);\n', "import { StatusCodes } from 'http-status-codes';\nres.status(StatusCodes.NOT_FOUND);\n")).toBeUndefined();
    // TypeScript is parsed and inlined too (a config that ESLint does not apply to `.ts` files would check nothing).
    expect(inlined('ts', "import { StatusCodes } from 'http-status-codes';\nres.status(StatusCodes.NOT_FOUND as const);\n").text).toBe(inlined('ts', 'res.status(404);\n').text);
    expect(checkRobust('ts', 'function f(res: any) {\n  res.status(404);\n}\n', { 'http-status/no-magic-status': ['error', { constants: 'http-status-codes' }] }).output).toContain('StatusCodes.NOT_FOUND');
  });

  it(
    `every rule: no exception, fixes and suggestions parse, fixing is idempotent (${RUNS} programs)`,
    () => {
      fc.assert(
        fc.property(programArb, (program) => {
          checkRobust(program.language, render(program), ALL_RULES);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    `finding sites status first reports what finding them site first does (in any order at one position) (${RUNS} programs)`,
    () => {
      fc.assert(
        fc.property(programArb, (program) => {
          const code = render(program);
          const options = program.customSite ? { constants: program.constants, sites: [{ callee: 'sendError', argument: 1 }] } : { constants: program.constants };
          const config = configFor(program.language, { ...ALL_RULES, 'http-status/no-magic-status': ['error', options] });
          const reports = (statusFirst: boolean): string[] => {
            engine.statusFirst = statusFirst;
            try {
              return linter
                .verify(code, config, FILENAME[program.language])
                .map((message) => JSON.stringify([message.ruleId, message.line, message.column, message.message, message.fix, message.suggestions]))
                .sort();
            } finally {
              engine.statusFirst = true;
            }
          };
          expect(reports(true)).toEqual(reports(false));
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    `no-magic-status: every constant written names the code it replaces (${RUNS} programs)`,
    () => {
      fc.assert(
        fc.property(programArb, (program) => {
          checkConstants(program.language, render(program), program.constants, program.customSite);
        }),
        { numRuns: RUNS, seed: SEED },
      );
      console.log(
        `no-magic-status over ${counts.programs} programs (shrinking included): ${counts.fixed} fixed, ${counts.fixes} fixes and ${counts.suggestions} suggestions checked by value`,
      );
      expect(counts.fixed).toBeGreaterThan(RUNS / 10);
    },
    TIMEOUT,
  );
});
