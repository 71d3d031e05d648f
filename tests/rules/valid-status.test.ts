/**
 * valid-status, table-driven: every status site of every framework × a spread of bad codes
 * (out of range, typos, unregistered, fractions, strings, non-redirects, 1xx for a Fetch `Response`),
 * each expectation (message, data, position, fix, suggestions) computed from the site template;
 * then the must-stay-silent side: every site × valid codes, and look-alikes. Last, a sweep over the
 * JavaScript that Express, Fastify, Koa, Hono, h3, SvelteKit and NestJS ship, with the real ESLint `Linter`.
 */
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule, { swappedDigits, typoCandidates, type MessageIds, type Options } from '../../rules/valid-status.js';
import plugin from '../../src/index.js';
import { LIBRARY_MEMBERS, reasonPhrase } from '../../src/status-table.js';
import { createRuleTester } from '../rule-tester.js';

type Invalid = InvalidTestCase<MessageIds, Options>;
type Valid = ValidTestCase<Options>;
type Suggestion = NonNullable<Invalid['errors'][number]['suggestions']>[number];

// ---------------------------------------------------------------------------
// What each runtime does, as the messages say it (checked with Node 20, Express 5, Fastify 5, Koa 3, SvelteKit 2)
// ---------------------------------------------------------------------------

const EXPRESS_RANGE = "Express 5's `res.status()` throws a RangeError for it";
const EXPRESS_TYPE = "Express 5's `res.status()` throws a TypeError for it";
const NODE_RANGE = "Node's `writeHead()` throws a RangeError for it";
const FASTIFY_RANGE = 'Fastify throws FST_ERR_BAD_STATUS_CODE for it';
const KOA_ASSERT = 'Koa throws an AssertionError for it';
const HTTP_ERRORS = 'http-errors turns it into a 500 Internal Server Error';
const FETCH_RANGE = 'the Fetch `Response` constructor throws a RangeError for it';
const FETCH_REDIRECT = '`Response.redirect()` throws a RangeError for it';
const KIT_ERROR = "SvelteKit's `error()` throws an Error for it";
const KIT_REDIRECT = "SvelteKit's `redirect()` throws an Error for it";
const CHECK = 'no response has it, so this check never matches';
const ignored = (code: number): string => `browsers do not follow the \`Location\` of a ${code} response`;

interface Says {
  /** Below 100 or above 999 (Node's own limits). */
  readonly beyond?: string;
  /** 600 to 999. */
  readonly over599?: string;
  readonly integer?: string;
  readonly string?: string;
  readonly redirect?: (code: number) => string | undefined;
}

interface Site {
  readonly name: string;
  /** The code, `%` where the status goes. */
  readonly code: string;
  /** Imports the site needs. */
  readonly header?: string;
  readonly says?: Says;
  /** A Fetch `Response` is made: 1xx throw. */
  readonly fetch?: boolean;
  readonly redirect?: boolean;
  /** The site takes a digit string as a status. */
  readonly strings?: boolean;
  /** Typed as a union of literal codes. */
  readonly literalTypes?: boolean;
  /**
   * A generic method name on a receiver that is not a response name (`c.status(n)`): a site only when
   * the argument reads as a status (an integer 100 to 599, or a constant), so 4040, 200.5 and '404' stay silent.
   */
  readonly generic?: boolean;
  readonly options?: Options;
}

const EXPRESS: Says = { beyond: EXPRESS_RANGE, integer: EXPRESS_TYPE, string: EXPRESS_TYPE };
const FASTIFY: Says = { beyond: FASTIFY_RANGE, over599: FASTIFY_RANGE };
const FETCH: Says = { beyond: FETCH_RANGE, over599: FETCH_RANGE };
const KOA_SET: Says = { beyond: KOA_ASSERT, integer: KOA_ASSERT, string: KOA_ASSERT };
const CREATE_ERROR: Says = { beyond: HTTP_ERRORS, over599: HTTP_ERRORS, string: HTTP_ERRORS };

const KIT = "import { error, redirect, json, fail } from '@sveltejs/kit';";
const H3 = "import { setResponseStatus, createError, sendRedirect } from 'h3';";

/** Every response site, per framework. */
const SITES: readonly Site[] = [
  // Express
  { name: 'express res.status()', code: 'res.status(%).json({ ok: true });', says: EXPRESS, strings: true },
  { name: 'express res.sendStatus()', code: 'res.sendStatus(%);', says: EXPRESS, strings: true },
  { name: 'express response.status()', code: "response.status(%).send('x');", says: EXPRESS, strings: true },
  { name: 'express res.statusCode =', code: 'res.statusCode = %;', says: { beyond: NODE_RANGE }, strings: true },
  { name: 'express res.redirect(n, url)', code: "res.redirect(%, '/login');", says: { ...EXPRESS, redirect: ignored }, strings: true, redirect: true },
  { name: 'express res.status()?.', code: 'res?.status(%).end();', says: EXPRESS, strings: true },
  { name: 'express res.status() as', code: 'res.status(% as number).end();', says: EXPRESS },
  // node:http
  { name: 'node res.writeHead()', code: "res.writeHead(%, { 'Content-Type': 'text/plain' });", says: { beyond: NODE_RANGE }, strings: true },
  { name: 'node:http2 stream.respond()', code: "stream.respond({ ':status': % });", strings: true },
  // Fastify
  { name: 'fastify reply.code()', code: 'reply.code(%).send({ ok: true });', says: FASTIFY, strings: true, literalTypes: true },
  { name: 'fastify reply.status()', code: 'reply.status(%).send();', says: FASTIFY, strings: true, literalTypes: true },
  { name: 'fastify reply.statusCode =', code: 'reply.statusCode = %;', says: FASTIFY, strings: true },
  { name: 'fastify reply.redirect()', code: "reply.redirect('/login', %);", says: { ...FASTIFY, redirect: ignored }, strings: true, literalTypes: true, redirect: true },
  // Koa
  { name: 'koa ctx.status =', code: 'ctx.status = %;', says: KOA_SET, strings: true },
  { name: 'koa ctx.response.status =', code: 'ctx.response.status = %;', says: KOA_SET, strings: true },
  { name: 'koa ctx.throw()', code: "ctx.throw(%, 'Not allowed');", says: CREATE_ERROR, strings: true },
  // http-errors
  { name: 'http-errors createError()', header: "import createError from 'http-errors';", code: "next(createError(%, 'Not allowed'));", says: CREATE_ERROR, strings: true },
  { name: 'http-errors require()', header: "const HttpError = require('http-errors');", code: 'throw new HttpError(%);', says: CREATE_ERROR, strings: true },
  { name: 'err.status =', code: "const err = new Error('x');\nerr.status = %;\nthrow err;", strings: true },
  // NestJS
  {
    name: 'nest @HttpCode()',
    header: "import { Controller, Post, HttpCode } from '@nestjs/common';",
    code: "@Controller('cats')\nclass CatsController {\n  @Post()\n  @HttpCode(%)\n  create() {}\n}",
    strings: true,
  },
  { name: 'nest new HttpException()', header: "import { HttpException } from '@nestjs/common';", code: "throw new HttpException('Forbidden', %);", strings: true },
  {
    name: 'nest @Redirect()',
    header: "import { Controller, Get, Redirect } from '@nestjs/common';",
    code: "@Controller()\nclass Docs {\n  @Get('docs')\n  @Redirect('https://docs.nestjs.com', %)\n  docs() {}\n}",
    strings: true,
    redirect: true,
  },
  // Hono
  { name: 'hono c.json(x, n)', code: 'app.get((c) => c.json({ ok: true }, %));', says: FETCH, fetch: true, strings: true, literalTypes: true },
  { name: 'hono c.text(x, { status })', code: "app.get((c) => c.text('ok', { status: % }));", says: FETCH, fetch: true, strings: true },
  { name: 'hono c.status()', code: "app.get((c) => {\n  c.status(%);\n  return c.text('ok');\n});", says: FETCH, fetch: true, literalTypes: true, generic: true },
  { name: 'generic job.status()', code: 'job.status(%);', says: EXPRESS, generic: true },
  { name: 'hono c.redirect()', code: "app.get((c) => c.redirect('/login', %));", says: { ...FETCH, redirect: ignored }, fetch: true, strings: true, literalTypes: true, redirect: true },
  { name: 'hono new HTTPException()', header: "import { HTTPException } from 'hono/http-exception';", code: "throw new HTTPException(%, { message: 'x' });", says: FETCH, fetch: true, strings: true, literalTypes: true },
  // Fetch, Next.js, Remix, MSW
  { name: 'fetch new Response()', code: "return new Response('x', { status: % });", says: FETCH, fetch: true, strings: true },
  { name: 'fetch Response.json()', code: 'return Response.json({ ok: true }, { status: % });', says: FETCH, fetch: true, strings: true },
  { name: 'fetch Response.redirect()', code: "return Response.redirect('https://example.com/', %);", says: { ...FETCH, redirect: () => FETCH_REDIRECT }, fetch: true, strings: true, redirect: true },
  { name: 'next NextResponse.json()', header: "import { NextResponse } from 'next/server';", code: 'return NextResponse.json({ ok: true }, { status: % });', says: FETCH, fetch: true, strings: true },
  { name: 'next NextResponse.redirect()', header: "import { NextResponse } from 'next/server';", code: "return NextResponse.redirect(new URL('/login', request.url), %);", says: FETCH, fetch: true, strings: true, redirect: true },
  { name: 'remix json()', header: "import { json, redirect } from '@remix-run/node';", code: 'return json({ ok: true }, %);', says: FETCH, fetch: true, strings: true },
  { name: 'remix redirect()', header: "import { json, redirect } from '@remix-run/node';", code: "return redirect('/login', %);", says: { ...FETCH, redirect: ignored }, fetch: true, strings: true, redirect: true },
  { name: 'msw HttpResponse.json()', header: "import { HttpResponse } from 'msw';", code: 'return HttpResponse.json({ ok: true }, { status: % });', says: FETCH, fetch: true, strings: true },
  // SvelteKit
  { name: 'sveltekit error()', header: KIT, code: "error(%, 'Not found');", says: { beyond: KIT_ERROR, over599: KIT_ERROR }, strings: true, literalTypes: true },
  {
    name: 'sveltekit redirect()',
    header: KIT,
    code: "redirect(%, '/login');",
    says: { beyond: KIT_REDIRECT, over599: KIT_REDIRECT, redirect: (code) => (code < 300 || code > 308 ? KIT_REDIRECT : ignored(code)) },
    strings: true,
    literalTypes: true,
    redirect: true,
  },
  { name: 'sveltekit json()', header: KIT, code: 'return json({ ok: true }, { status: % });', says: FETCH, fetch: true, strings: true },
  { name: 'sveltekit fail()', header: KIT, code: "return fail(%, { message: 'x' });", strings: true },
  // h3 / Nuxt / Nitro
  { name: 'h3 setResponseStatus()', header: H3, code: 'setResponseStatus(event, %);', strings: true },
  { name: 'h3 createError()', header: H3, code: "throw createError({ statusCode: %, statusMessage: 'x' });", strings: true },
  { name: 'h3 sendRedirect()', header: H3, code: "return sendRedirect(event, '/login', %);", strings: true, redirect: true },
  // Lambda, Elysia, a project's own helper
  { name: 'lambda result', code: "export const handler = async () => ({ statusCode: %, body: '' });", strings: true },
  { name: 'elysia set.status =', code: "app.get('/', ({ set }) => {\n  set.status = %;\n  return 'x';\n});", strings: true },
  { name: 'custom sites option', code: "sendError(res, %, 'x');", strings: true, options: [{ sites: [{ callee: 'sendError', argument: 1 }] }] },
];

interface Check {
  readonly name: string;
  readonly code: string;
  /** Takes a strict comparison with a string as a bug. */
  readonly strictString?: boolean;
}

/** Comparisons and assertions: only sure-wrong values (four digits, fractions, strict strings) are reported. */
const CHECKS: readonly Check[] = [
  { name: 'res.status ===', code: 'if (res.status === %) {}', strictString: true },
  { name: 'response.statusCode !==', code: 'if (response.statusCode !== %) retry();', strictString: true },
  { name: 'n === res.status', code: 'const missing = % === res.status;', strictString: true },
  { name: 'case under switch (res.status)', code: 'switch (res.status) {\n  case %:\n    break;\n}', strictString: true },
  { name: 'response.status() ===', code: 'expect(response.status() === %).toBe(true);', strictString: true },
  { name: 'expect().toBe()', code: 'expect(res.status).toBe(%);' },
  { name: 'supertest .expect()', code: "await request(app).get('/').expect(%);" },
  { name: 'assert.strictEqual()', code: 'assert.strictEqual(res.statusCode, %);' },
  { name: 'assert.equal(), expected first', code: 'assert.equal(%, response.statusCode);' },
  { name: 'expect(res).toHaveProperty()', code: "expect(res).toHaveProperty('status', %);" },
  { name: 'chai expect().to.equal()', code: 'expect(res.status).to.equal(%);' },
  { name: 'chai-http .to.have.status()', code: 'expect(res).to.have.status(%);' },
];

/**
 * Comparisons and assertions of a value that may be a field of a parsed body, not a response's status: an
 * out-of-range number or a fraction there may be the field's own value (Apple's receipt status 21002).
 */
const UNCERTAIN_CHECKS: readonly Check[] = [
  { name: 'expect(body.status).toBe()', code: 'expect(body.status).toBe(%);' },
  { name: 'data.status ===', code: 'if (data.status === %) {}' },
  { name: 'expect(json.statusCode).toEqual()', code: 'expect(json.statusCode).toEqual(%);' },
  { name: 'expect(result.body.status).toBe()', code: 'expect(result.body.status).toBe(%);' },
  { name: 'res.body.status ===', code: 'if (res.body.status === %) {}' },
  { name: 'status == (bare name)', code: 'if (status == %) {}' },
  { name: 'assert.strictEqual(payload.status)', code: 'assert.strictEqual(payload.status, %);' },
  { name: 'expect(body).toHaveProperty()', code: "expect(body).toHaveProperty('status', %);" },
  { name: 'case under switch (receipt.status)', code: 'switch (receipt.status) {\n  case %:\n    break;\n}' },
  { name: 'includes(data.status)', code: '[21000, %].includes(data.status);' },
];

// ---------------------------------------------------------------------------
// Placing a status in a template
// ---------------------------------------------------------------------------

function fill(site: { code: string; header?: string }, status: string): string {
  return [site.header, site.code.replace('%', status)].filter((part) => part !== undefined).join('\n');
}

/** Line and column of the status in the filled code. */
function position(site: { code: string; header?: string }): { line: number; column: number } {
  const lines = fill(site, '\u0000').split('\n');
  const line = lines.findIndex((text) => text.includes('\u0000'));
  return { line: line + 1, column: (lines[line] as string).indexOf('\u0000') + 1 };
}

const clause = (connector: string, text: string | undefined): string => (text === undefined ? '' : `${connector}${text}`);

/** How the rule writes a code at a site: `HttpStatus.NOT_FOUND` in a Nest file (the import merged), else the number. */
function written(site: { code: string; header?: string }, code: number): { text: string; output: string } {
  const member = LIBRARY_MEMBERS['@nestjs/common'][code];
  if (site.header?.includes("'@nestjs/common'") && member !== undefined) {
    const text = `HttpStatus.${member}`;
    return { text, output: fill({ code: site.code, header: site.header.replace(' } from', ', HttpStatus } from') }, text) };
  }
  return { text: String(code), output: fill(site, String(code)) };
}
const describeCodes = (codes: readonly number[]): string => codes.map((code) => `${code} (${reasonPhrase(code)})`).join(' or ');

function replacements(site: { code: string; header?: string }, text: string, codes: readonly number[]): Suggestion[] {
  return codes.map((code) => {
    const edit = written(site, code);
    return { messageId: 'replaceWith' as const, data: { text, replacement: `${edit.text} (${reasonPhrase(code)})` }, output: edit.output };
  });
}

function rangeClause(says: Says | undefined, code: number): string | undefined {
  return code < 100 || code > 999 ? says?.beyond : says?.over599;
}

/** The expected report for a bad number at a response site. */
function responseCase(site: Site, raw: string): Invalid {
  const code = Number(raw.replaceAll("'", ''));
  const { line, column } = position(site);
  const base = { name: `${site.name}: ${raw}`, code: fill(site, raw), output: null, ...(site.options ? { options: site.options } : {}) };
  const error = (messageId: MessageIds, data: Record<string, string>, suggestions: Suggestion[] = []): Invalid => ({
    ...base,
    errors: [{ messageId, data, line, column, suggestions }],
  });
  if (!Number.isInteger(code)) {
    const whole = Math.trunc(code);
    const suggestions = reasonPhrase(whole) ? replacements(site, raw, [whole]) : [];
    return error('notInteger', { text: raw, consequence: clause(': ', site.says?.integer) }, suggestions);
  }
  if (code < 100 || code > 599) {
    const candidates = typoCandidates(code);
    const consequence = clause(', and ', rangeClause(site.says, code));
    return candidates.length > 0
      ? error('outOfRangeTypo', { text: raw, candidates: describeCodes(candidates), consequence }, replacements(site, raw, candidates))
      : error('outOfRange', { text: raw, consequence });
  }
  if (site.redirect && ![301, 302, 303, 307, 308].includes(code)) {
    return error('notRedirect', { text: raw, consequence: clause(', and ', site.says?.redirect?.(code)) });
  }
  if (code < 200 && site.fetch) return error('fetchRange', { text: raw });
  const candidates = swappedDigits(code);
  return candidates.length > 0
    ? error('unregisteredTypo', { text: raw, candidates: describeCodes(candidates) }, replacements(site, raw, candidates))
    : error('unregistered', { text: raw });
}

/** A digit string at a response site: the fix writes the number. */
function stringCase(site: Site, code: number): Invalid {
  const raw = `'${code}'`;
  const { line, column } = position(site);
  const edit = written(site, code);
  return {
    name: `${site.name}: ${raw}`,
    code: fill(site, raw),
    output: edit.output,
    ...(site.options ? { options: site.options } : {}),
    errors: [{ messageId: 'stringStatus', data: { text: raw, replacement: edit.text, consequence: clause(', as ', site.says?.string) }, line, column, suggestions: [] }],
  };
}

// ---------------------------------------------------------------------------
// Must report
// ---------------------------------------------------------------------------

/** Out of range (typos and not), unregistered (typos and not), fractions: at every response site. */
const BAD_NUMBERS = ['4040', '2000', '5000', '3001', '600', '99', '12345', '499', '209', '430', '440', '200.5', '404.5', '4.04'];

/** In range: what a generic method name still takes as a status. */
const readsAsStatus = (raw: string): boolean => /^\d+$/.test(raw) && Number(raw) >= 100 && Number(raw) <= 599;

const badNumbers: Invalid[] = SITES.flatMap((site) => BAD_NUMBERS.filter((raw) => !site.generic || readsAsStatus(raw)).map((raw) => responseCase(site, raw)));

/** Non-redirect statuses at redirect helpers. */
const nonRedirects: Invalid[] = SITES.filter((site) => site.redirect).flatMap((site) => ['200', '404', '304', '300', '201'].map((raw) => responseCase(site, raw)));

/** 1xx where a Fetch `Response` is made. */
const informational: Invalid[] = SITES.filter((site) => site.fetch && !site.redirect).flatMap((site) => ['100', '101', '103'].map((raw) => responseCase(site, raw)));

/** Digit strings: the number, fixed; a bad one is reported as the number it spells. */
const strings: Invalid[] = SITES.filter((site) => site.strings).flatMap((site, index) => [
  stringCase(site, [404, 201, 503, 422][index % 4] as number),
  stringCase(site, site.redirect ? 302 : 500),
  responseCase(site, "'4040'"),
]);

/** Comparisons and assertions: four digits and fractions; strict comparisons with a string. */
const checks: Invalid[] = CHECKS.flatMap((check) => {
  const { line, column } = position(check);
  const one = (raw: string, messageId: MessageIds, data: Record<string, string>, suggestions: Suggestion[]): Invalid => ({
    name: `${check.name}: ${raw}`,
    code: fill(check, raw),
    output: null,
    errors: [{ messageId, data, line, column, suggestions }],
  });
  const found: Invalid[] = [
    one('4040', 'outOfRangeTypo', { text: '4040', candidates: describeCodes([404, 400]), consequence: `, and ${CHECK}` }, replacements(check, '4040', [404, 400])),
    one('2000', 'outOfRangeTypo', { text: '2000', candidates: describeCodes([200]), consequence: `, and ${CHECK}` }, replacements(check, '2000', [200])),
    one('5030', 'outOfRangeTypo', { text: '5030', candidates: describeCodes([503, 500]), consequence: `, and ${CHECK}` }, replacements(check, '5030', [503, 500])),
    one('7777', 'outOfRange', { text: '7777', consequence: `, and ${CHECK}` }, []),
    one('200.5', 'notInteger', { text: '200.5', consequence: `: ${CHECK}` }, replacements(check, '200.5', [200])),
  ];
  if (check.strictString) {
    found.push(one("'404'", 'stringComparison', { text: "'404'" }, replacements(check, "'404'", [404])));
    found.push(one("'500'", 'stringComparison', { text: "'500'" }, replacements(check, "'500'", [500])));
  }
  return found;
});

/** The fix and suggestions write the constant of the library the file imports, as no-magic-status would. */
const withLibrary: Invalid[] = [
  {
    name: 'string, http-status-codes imported',
    code: "import { StatusCodes } from 'http-status-codes';\nres.status('404').end();",
    output: "import { StatusCodes } from 'http-status-codes';\nres.status(StatusCodes.NOT_FOUND).end();",
    errors: [
      { messageId: 'stringStatus', data: { text: "'404'", replacement: 'StatusCodes.NOT_FOUND', consequence: `, as ${EXPRESS_TYPE}` }, line: 2, column: 12, suggestions: [] },
    ],
  },
  {
    name: 'string, http-status required',
    code: "const { status } = require('http-status');\nres.status('201').json(order);",
    output: "const { status } = require('http-status');\nres.status(status.CREATED).json(order);",
    errors: [
      { messageId: 'stringStatus', data: { text: "'201'", replacement: 'status.CREATED', consequence: `, as ${EXPRESS_TYPE}` }, line: 2, column: 12, suggestions: [] },
    ],
  },
  {
    name: 'string, Nest file',
    code: "import { Controller, HttpException } from '@nestjs/common';\nthrow new HttpException('Forbidden', '403');",
    output: "import { Controller, HttpException, HttpStatus } from '@nestjs/common';\nthrow new HttpException('Forbidden', HttpStatus.FORBIDDEN);",
    errors: [{ messageId: 'stringStatus', data: { text: "'403'", replacement: 'HttpStatus.FORBIDDEN', consequence: '' }, line: 2, column: 38, suggestions: [] }],
  },
  {
    name: 'string, node:http2 constants at a literal-typed site: the number',
    code: "import { constants } from 'node:http2';\nreply.code('404').send();",
    output: "import { constants } from 'node:http2';\nreply.code(404).send();",
    errors: [{ messageId: 'stringStatus', data: { text: "'404'", replacement: '404', consequence: '' }, line: 2, column: 12, suggestions: [] }],
  },
  {
    name: 'string, node:http2 constants at a number-typed site: the constant',
    code: "import { constants } from 'node:http2';\nres.writeHead('404');",
    output: "import { constants } from 'node:http2';\nres.writeHead(constants.HTTP_STATUS_NOT_FOUND);",
    errors: [{ messageId: 'stringStatus', data: { text: "'404'", replacement: 'constants.HTTP_STATUS_NOT_FOUND', consequence: '' }, line: 2, column: 15, suggestions: [] }],
  },
  {
    name: 'typo, http-status-codes imported: the suggestions write constants',
    code: "import { StatusCodes } from 'http-status-codes';\nres.status(4040).end();",
    output: null,
    errors: [
      {
        messageId: 'outOfRangeTypo',
        data: { text: '4040', candidates: describeCodes([404, 400]), consequence: `, and ${EXPRESS_RANGE}` },
        line: 2,
        column: 12,
        suggestions: [
          {
            messageId: 'replaceWith',
            data: { text: '4040', replacement: 'StatusCodes.NOT_FOUND (Not Found)' },
            output: "import { StatusCodes } from 'http-status-codes';\nres.status(StatusCodes.NOT_FOUND).end();",
          },
          {
            messageId: 'replaceWith',
            data: { text: '4040', replacement: 'StatusCodes.BAD_REQUEST (Bad Request)' },
            output: "import { StatusCodes } from 'http-status-codes';\nres.status(StatusCodes.BAD_REQUEST).end();",
          },
        ],
      },
    ],
  },
];

/**
 * Constants: a project's own out-of-range or fractional constant where the API makes a site of any value
 * (a generic `res.status(NOT_FOUND)` with `NOT_FOUND = 4040` is no site: see the silent side);
 * a library's non-redirect at a redirect helper, its 1xx at a Fetch `Response`.
 */
const constants: Invalid[] = [
  {
    name: 'const out of range',
    code: 'const NOT_FOUND = 4040;\nreturn new Response(null, { status: NOT_FOUND });',
    output: null,
    errors: [{ messageId: 'outOfRange', data: { text: '`NOT_FOUND` (4040)', consequence: `, and ${FETCH_RANGE}` }, line: 2, column: 37, suggestions: [] }],
  },
  {
    name: 'enum member out of range',
    code: "import { HttpCode } from '@nestjs/common';\nenum Status { Gone = 4100 }\nclass A {\n  @HttpCode(Status.Gone)\n  remove() {}\n}",
    output: null,
    errors: [{ messageId: 'outOfRange', data: { text: '`Status.Gone` (4100)', consequence: '' }, line: 4, column: 13, suggestions: [] }],
  },
  // Each member of a table or enum is followed on its own: the second member's uses are not lost to the first's.
  {
    name: 'second enum member out of range',
    code: 'enum Codes { Missing = 404, Huge = 4040 }\nnew Response(null, { status: Codes.Missing });\nreturn new Response(null, { status: Codes.Huge });',
    output: null,
    errors: [{ messageId: 'outOfRange', data: { text: '`Codes.Huge` (4040)', consequence: `, and ${FETCH_RANGE}` }, line: 3, column: 37, suggestions: [] }],
  },
  {
    name: 'second table member out of range',
    code: 'const TABLE = { missing: 404, huge: 4040 } as const;\nreturn new Response(null, { status: TABLE.huge });',
    output: null,
    errors: [{ messageId: 'outOfRange', data: { text: '`TABLE.huge` (4040)', consequence: `, and ${FETCH_RANGE}` }, line: 2, column: 37, suggestions: [] }],
  },
  {
    name: 'const fraction',
    code: `${KIT}\nconst PARTIAL = 206.5;\nerror(PARTIAL, 'x');`,
    output: null,
    errors: [{ messageId: 'notInteger', data: { text: '`PARTIAL` (206.5)', consequence: '' }, line: 3, column: 7, suggestions: [] }],
  },
  {
    name: 'library constant at a redirect helper',
    code: "import { StatusCodes } from 'http-status-codes';\nres.redirect(StatusCodes.OK, '/login');",
    output: null,
    errors: [{ messageId: 'notRedirect', data: { text: '`StatusCodes.OK` (200)', consequence: `, and ${ignored(200)}` }, line: 2, column: 14, suggestions: [] }],
  },
  {
    name: 'library 1xx constant at a Fetch Response',
    code: "import { StatusCodes } from 'http-status-codes';\nreturn new Response(null, { status: StatusCodes.SWITCHING_PROTOCOLS });",
    output: null,
    errors: [{ messageId: 'fetchRange', data: { text: '`StatusCodes.SWITCHING_PROTOCOLS` (101)' }, line: 2, column: 37, suggestions: [] }],
  },
];

/** Odd spellings and several reports in one file. */
const odd: Invalid[] = [
  {
    name: 'numeric separator',
    code: 'res.status(4_040).end();',
    output: null,
    errors: [
      {
        messageId: 'outOfRangeTypo',
        data: { text: '4_040', candidates: describeCodes([404, 400]), consequence: `, and ${EXPRESS_RANGE}` },
        line: 1,
        column: 12,
        suggestions: [
          { messageId: 'replaceWith', data: { text: '4_040', replacement: '404 (Not Found)' }, output: 'res.status(404).end();' },
          { messageId: 'replaceWith', data: { text: '4_040', replacement: '400 (Bad Request)' }, output: 'res.status(400).end();' },
        ],
      },
    ],
  },
  {
    name: 'exponent',
    code: 'res.status(1e4).end();',
    output: null,
    errors: [{ messageId: 'outOfRange', data: { text: '1e4', consequence: `, and ${EXPRESS_RANGE}` }, line: 1, column: 12, suggestions: [] }],
  },
  {
    name: 'allow lists 499, not 4990',
    code: 'res.status(499).end();\nres.status(4990).end();',
    options: [{ allow: [499] }],
    output: null,
    errors: [{ messageId: 'outOfRange', data: { text: '4990', consequence: `, and ${EXPRESS_RANGE}` }, line: 2, column: 12, suggestions: [] }],
  },
  {
    name: 'three problems in one handler',
    code: "app.get('/a', (req, res) => {\n  if (req.query.old) return res.redirect(200, '/b');\n  res.status(2000).send('x');\n  res.status('404').end();\n});",
    output: "app.get('/a', (req, res) => {\n  if (req.query.old) return res.redirect(200, '/b');\n  res.status(2000).send('x');\n  res.status(404).end();\n});",
    errors: [
      { messageId: 'notRedirect', data: { text: '200', consequence: `, and ${ignored(200)}` }, line: 2, column: 42, suggestions: [] },
      {
        messageId: 'outOfRangeTypo',
        data: { text: '2000', candidates: describeCodes([200]), consequence: `, and ${EXPRESS_RANGE}` },
        line: 3,
        column: 14,
        suggestions: [
          {
            messageId: 'replaceWith',
            data: { text: '2000', replacement: '200 (OK)' },
            output: "app.get('/a', (req, res) => {\n  if (req.query.old) return res.redirect(200, '/b');\n  res.status(200).send('x');\n  res.status('404').end();\n});",
          },
        ],
      },
      { messageId: 'stringStatus', data: { text: "'404'", replacement: '404', consequence: `, as ${EXPRESS_TYPE}` }, line: 4, column: 14, suggestions: [] },
    ],
  },
  {
    name: 'each branch of a chosen status',
    code: "res.status(found ? 200 : 4040).end();\nctx.status = err.status ?? '500';",
    output: "res.status(found ? 200 : 4040).end();\nctx.status = err.status ?? 500;",
    errors: [
      {
        messageId: 'outOfRangeTypo',
        data: { text: '4040', candidates: describeCodes([404, 400]), consequence: `, and ${EXPRESS_RANGE}` },
        line: 1,
        column: 26,
        suggestions: [
          { messageId: 'replaceWith', data: { text: '4040', replacement: '404 (Not Found)' }, output: "res.status(found ? 200 : 404).end();\nctx.status = err.status ?? '500';" },
          { messageId: 'replaceWith', data: { text: '4040', replacement: '400 (Bad Request)' }, output: "res.status(found ? 200 : 400).end();\nctx.status = err.status ?? '500';" },
        ],
      },
      { messageId: 'stringStatus', data: { text: "'500'", replacement: '500', consequence: `, as ${KOA_ASSERT}` }, line: 2, column: 28, suggestions: [] },
    ],
  },
  {
    name: 'ctx.status(n) is not Express: what happens is not said',
    code: 'app.get((ctx) => {\n  ctx.status(7777);\n  return ctx.json(item);\n});',
    output: null,
    errors: [{ messageId: 'outOfRange', data: { text: '7777', consequence: '' }, line: 2, column: 14, suggestions: [] }],
  },
  {
    name: 'CommonJS file, string fixed',
    code: "const { StatusCodes } = require('http-status-codes');\nmodule.exports = (req, res) => res.status('503').end();",
    output: "const { StatusCodes } = require('http-status-codes');\nmodule.exports = (req, res) => res.status(StatusCodes.SERVICE_UNAVAILABLE).end();",
    languageOptions: { parserOptions: { sourceType: 'script' } },
    errors: [
      {
        messageId: 'stringStatus',
        data: { text: "'503'", replacement: 'StatusCodes.SERVICE_UNAVAILABLE', consequence: `, as ${EXPRESS_TYPE}` },
        line: 2,
        column: 43,
        suggestions: [],
      },
    ],
  },
];

// ---------------------------------------------------------------------------
// Must stay silent
// ---------------------------------------------------------------------------

/** Registered codes at every site (redirect helpers: redirect codes; Fetch: 2xx to 5xx). */
const GOOD = ['200', '201', '204', '400', '401', '403', '404', '409', '418', '422', '429', '451', '500', '503', '510', '4_04', '0x194', '404.0'];
const GOOD_REDIRECTS = ['301', '302', '303', '307', '308', '0x12E'];

const goodCodes: Valid[] = SITES.flatMap((site) =>
  (site.redirect ? GOOD_REDIRECTS : GOOD).map((raw) => ({ name: `${site.name}: ${raw}`, code: fill(site, raw), ...(site.options ? { options: site.options } : {}) })),
);

/** Unregistered codes a project lists in `allow`, at every non-redirect site. */
const allowed: Valid[] = SITES.filter((site) => !site.redirect).flatMap((site) =>
  ['499', '460', '520'].map((raw) => ({
    name: `${site.name}: allowed ${raw}`,
    code: fill(site, raw),
    options: [{ ...site.options?.[0], allow: [499, 460, 520] }] as Options,
  })),
);

/** 1xx where no Fetch `Response` is made: Express, Node, Koa can send them. */
const informationalElsewhere: Valid[] = SITES.filter((site) => !site.fetch && !site.redirect).flatMap((site) =>
  ['100', '101', '103'].map((raw) => ({ name: `${site.name}: ${raw}`, code: fill(site, raw), ...(site.options ? { options: site.options } : {}) })),
);

/** Comparisons and tests: status 0 (a network error), servers' own codes (499, 520, 999), strings compared loosely. */
const checksSilent: Valid[] = CHECKS.flatMap((check) => [
  ...['0', '99', '499', '520', '999', '600', '200', '404', '0x194'].map((raw) => ({ name: `${check.name}: ${raw}`, code: fill(check, raw) })),
  ...(check.strictString ? [] : ["'404'", "'4040'"].map((raw) => ({ name: `${check.name}: ${raw}`, code: fill(check, raw) }))),
]);

/** A field of a parsed body: nothing but a strict comparison with a string is sure to be wrong there. */
const uncertainSilent: Valid[] = UNCERTAIN_CHECKS.flatMap((check) =>
  ['4040', '2000', '7777', '21002', '200.5'].map((raw) => ({ name: `${check.name}: ${raw}`, code: fill(check, raw) })),
);

/** With the option off, nothing in comparisons or tests. */
const optionsOff: Valid[] = CHECKS.flatMap((check) =>
  ['4040', '200.5', "'404'"].map((raw) => ({ name: `${check.name}: ${raw}, off`, code: fill(check, raw), options: [{ comparisons: false, assertions: false }] as Options })),
);

const lookAlikes: string[] = [
  // not a response: generic names with a number that does not read as a status
  'foo.status(4040);',
  'job.status(4040);',
  'queue.code(4040);',
  'obj.statusCode = 4040;',
  'task.status = 4040;',
  "order.status = '404';",
  'list.redirect(4040, target);',
  'router.redirect(200);',
  'car.code(12345).send(x);',
  'new Responder(body, { status: 4040 });',
  'Response.error();',
  "const x = { status: 4040, body: 'x' };",
  "const result = { statusCode: 4040, body: '' };",
  // not resolvable: stays silent
  'res.status(code).end();',
  'res.status(Number(input)).end();',
  'res.status(404n).end();',
  'res.status(-1).end();',
  'res.status(...args).end();',
  'res.status(`404`).end();',
  "res.status('Not Found').end();",
  'res.status(404, 500).end();',
  'res.status().end();',
  'res[method](4040);',
  'ctx.status = status;',
  'ctx.status = 200 + offset;',
  // a constant out of range where only a status-looking value makes a site
  'const NOT_FOUND = 4040;\nres.status(NOT_FOUND).end();',
  'enum Status { Gone = 4100 }\nreply.code(Status.Gone).send();',
  'const PARTIAL = 206.5;\nctx.status = PARTIAL;',
  // named constants for a project's own codes are documented by their names
  'const CLIENT_CLOSED_REQUEST = 499;\nres.status(CLIENT_CLOSED_REQUEST).end();',
  'enum AppStatus { Custom = 460 }\nreply.code(AppStatus.Custom).send();',
  "import { StatusCodes } from 'http-status-codes';\nres.status(StatusCodes.IM_A_TEAPOT).end();",
  "import { HttpStatus } from '@nestjs/common';\nthrow new HttpException('x', HttpStatus.I_AM_A_TEAPOT);",
  // redirect helpers with a redirect status or none
  "res.redirect('/login');",
  "res.redirect(301, '/login');",
  "res.redirect('back');",
  "reply.redirect('/login');",
  "c.redirect('/login');",
  "return Response.redirect('https://example.com/');",
  "return Response.redirect('https://example.com/', 307);",
  // Cloudflare Workers: 101 with the socket it upgrades to
  'return new Response(null, { status: 101, webSocket: client });',
  'return new Response(null, { webSocket: client, status: 101 });',
  // 1xx at a server that can send them
  'res.writeHead(103, { Link: "</style.css>; rel=preload" });',
  'res.status(101).end();',
  // strings compared loosely, or against something that is not a response's status
  "if (res.status == '404') {}",
  "if (req.query.status === '404') {}",
  "if (status === '404') {}",
  "if (data.status === '200') {}",
  "switch (params.status) {\n  case '404':\n    break;\n}",
  "expect(res.status).toBe('404');",
  "expect(body.status).toEqual('500');",
  // not statuses
  'if (res.status === 4040 + 1) {}',
  'if (res.status >= 4040) {}',
  'if (res.status / 100 === 4) {}',
  'if (res.headers.length === 4040) {}',
  'if (event.code === 1000) {}',
  'setTimeout(fn, 4040);',
  'res.setHeader("Retry-After", 4040);',
  'res.set("X-Count", "4040");',
];

/** Generic method names on other receivers: a value that does not read as a status makes no site. */
const genericSilent: Valid[] = SITES.filter((site) => site.generic).flatMap((site) =>
  [...BAD_NUMBERS.filter((raw) => !readsAsStatus(raw)), "'404'", "'4040'", "'499'"].map((raw) => ({ name: `${site.name}: ${raw}`, code: fill(site, raw) })),
);

const silent: Valid[] = [
  ...goodCodes,
  ...genericSilent,
  ...allowed,
  ...informationalElsewhere,
  ...checksSilent,
  ...uncertainSilent,
  {
    name: "issue 15: Apple's receipt status, a field of the body",
    code: `const { body } = await request(app).post('/verifyReceipt').send(receipt);
expect(body.status).toBe(21002);`,
  },
  ...optionsOff,
  ...lookAlikes.map((code) => ({ name: `look-alike: ${code.split('\n').at(-1)}`, code })),
];

const invalid: Invalid[] = [...badNumbers, ...nonRedirects, ...informational, ...strings, ...checks, ...withLibrary, ...constants, ...odd];

describe('valid-status tables', () => {
  it('stay silent at least as often as they report', () => {
    expect(silent.length).toBeGreaterThanOrEqual(invalid.length);
  });
  it('name typos', () => {
    expect(typoCandidates(4040)).toEqual([404, 400]);
    expect(typoCandidates(2000)).toEqual([200]);
    expect(typoCandidates(600)).toEqual([]);
    expect(swappedDigits(430)).toEqual([403]);
    expect(swappedDigits(499)).toEqual([]);
  });
});

createRuleTester().run('valid-status', rule, { valid: silent, invalid });

// ---------------------------------------------------------------------------
// The frameworks' own shipped code: no crash
// ---------------------------------------------------------------------------

const PACKAGES = ['express', 'fastify', 'koa', 'hono', 'h3', '@sveltejs/kit', '@nestjs/core', '@nestjs/common'];
const NODE_MODULES = new URL('../../node_modules/', import.meta.url).pathname;

function* shippedFiles(directory: string): Generator<string> {
  for (const name of readdirSync(directory)) {
    if (name === 'node_modules') continue;
    const path = join(directory, name);
    if (statSync(path).isDirectory()) yield* shippedFiles(path);
    else if (/\.[cm]?js$/.test(name)) yield path;
  }
}

describe('valid-status and no-content-body on the frameworks’ shipped code', () => {
  it('lint every file without an exception', { timeout: 300_000 }, () => {
    const linter = new Linter({ configType: 'flat' });
    const config = (sourceType: 'module' | 'commonjs'): Linter.Config[] => [
      {
        files: ['**/*'],
        languageOptions: { sourceType, ecmaVersion: 'latest' },
        linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
        plugins: { 'http-status': plugin as never },
        rules: { 'http-status/valid-status': 'error', 'http-status/no-content-body': 'error' },
      },
    ];
    let files = 0;
    const reports: Record<string, number> = { 'http-status/valid-status': 0, 'http-status/no-content-body': 0 };
    for (const pkg of PACKAGES) {
      for (const file of shippedFiles(join(NODE_MODULES, pkg))) {
        const code = readFileSync(file, 'utf8');
        const name = file.slice(NODE_MODULES.length).replaceAll(/[@/]/g, '_');
        // A rule that throws makes `verify` throw: that is the failure this test is for.
        let messages = linter.verify(code, config(file.endsWith('.cjs') ? 'commonjs' : 'module'), name);
        if (messages.some((message) => message.fatal)) messages = linter.verify(code, config('commonjs'), name);
        expect(messages.filter((message) => message.fatal)).toEqual([]);
        files++;
        for (const message of messages) if (message.ruleId && message.ruleId in reports) reports[message.ruleId] = (reports[message.ruleId] ?? 0) + 1;
      }
    }
    expect(files).toBeGreaterThan(1000);
    // Today: 5 and 4, all in Fastify's own tests and integration server, all true (see the docs).
    expect(reports['http-status/valid-status']).toBeLessThanOrEqual(10);
    expect(reports['http-status/no-content-body']).toBeLessThanOrEqual(10);
  });
});
