/**
 * no-content-body, table-driven: every way each framework sends content × 204, 205 and 304 ×
 * a spread of bodies, each expectation (message, data, position, suggestions with their exact
 * output) computed from the template; then the must-stay-silent side: the same sites with a
 * status that allows content, the same statuses without content, and the look-alikes where the
 * content is not sent by the same response, or the status may have changed before it is.
 * (The sweep over the frameworks' shipped code, for both rules, is in valid-status.test.ts.)
 */
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule, { type MessageIds, type Options } from '../../rules/no-content-body.js';
import { createRuleTester } from '../rule-tester.js';

type Invalid = InvalidTestCase<MessageIds, Options>;
type Valid = ValidTestCase<Options>;
type Suggestion = NonNullable<Invalid['errors'][number]['suggestions']>[number];

const PHRASES: Readonly<Record<number, [string, string]>> = {
  204: ['No Content', '§15.3.5'],
  205: ['Reset Content', '§15.3.6'],
  304: ['Not Modified', '§15.4.5'],
};

const FETCH = ': the Fetch `Response` constructor throws a TypeError for it';
const HONO = ': the Fetch `Response` constructor (which Hono calls) throws a TypeError for it';
const EXPRESS = ': Express drops it silently';
const KOA = ': Koa drops it silently';
const node = (code: number): string => (code === 205 ? ': Node sends it anyway, and clients may misread it' : ': Node drops it silently');
const fastify = (code: number): string => (code === 205 ? ': Fastify sends it anyway, and clients may misread it' : ': Fastify drops it silently');

interface Site {
  readonly name: string;
  /** `%S` where the status goes, `%B` where the content goes. */
  readonly code: string;
  readonly header?: string;
  /** The code once the content is dropped (`%S` for the status); none when the rule cannot drop it safely. */
  readonly removed?: string;
  /** What the message says happens. */
  readonly says: (code: number) => string;
  /** The site's content is read as JSON: `null` is content too. */
  readonly json?: boolean;
}

const REMIX = "import { json } from '@remix-run/node';";
const KIT = "import { json, text } from '@sveltejs/kit';";

const SITES: readonly Site[] = [
  // Fetch API, Next.js, MSW, Remix, SvelteKit, h3 v2
  { name: 'new Response()', code: 'return new Response(%B, { status: %S });', removed: 'return new Response(null, { status: %S });', says: () => FETCH },
  { name: 'Response.json()', code: 'return Response.json(%B, { status: %S });', removed: 'return new Response(null, { status: %S });', says: () => FETCH, json: true },
  {
    name: 'Response.json() with headers',
    code: "return Response.json(%B, { status: %S, headers: { 'Cache-Control': 'no-store' } });",
    removed: "return new Response(null, { status: %S, headers: { 'Cache-Control': 'no-store' } });",
    says: () => FETCH,
    json: true,
  },
  {
    name: 'NextResponse.json()',
    header: "import { NextResponse } from 'next/server';",
    code: 'export async function DELETE() {\n  return NextResponse.json(%B, { status: %S });\n}',
    removed: 'export async function DELETE() {\n  return new NextResponse(null, { status: %S });\n}',
    says: () => FETCH,
    json: true,
  },
  {
    name: 'new NextResponse()',
    header: "import { NextResponse } from 'next/server';",
    code: 'return new NextResponse(%B, { status: %S });',
    removed: 'return new NextResponse(null, { status: %S });',
    says: () => FETCH,
  },
  {
    name: 'msw HttpResponse.json()',
    header: "import { HttpResponse } from 'msw';",
    code: 'return HttpResponse.json(%B, { status: %S });',
    removed: 'return new HttpResponse(null, { status: %S });',
    says: () => FETCH,
    json: true,
  },
  {
    name: 'msw HttpResponse.text()',
    header: "import { HttpResponse } from 'msw';",
    code: 'return HttpResponse.text(%B, { status: %S });',
    removed: 'return new HttpResponse(null, { status: %S });',
    says: () => FETCH,
  },
  { name: 'remix json(x, init)', header: REMIX, code: 'return json(%B, { status: %S });', removed: 'return new Response(null, { status: %S });', says: () => FETCH, json: true },
  { name: 'remix json(x, n)', header: REMIX, code: 'return json(%B, %S);', says: () => FETCH, json: true },
  { name: 'sveltekit json()', header: KIT, code: 'export function DELETE() {\n  return json(%B, { status: %S });\n}', removed: 'export function DELETE() {\n  return new Response(null, { status: %S });\n}', says: () => FETCH, json: true },
  { name: 'sveltekit text()', header: KIT, code: 'return text(%B, { status: %S });', removed: 'return new Response(null, { status: %S });', says: () => FETCH },
  { name: 'h3 new HTTPResponse()', header: "import { HTTPResponse } from 'h3';", code: 'return new HTTPResponse(%B, { status: %S });', removed: 'return new HTTPResponse(null, { status: %S });', says: () => FETCH },
  // Hono
  { name: 'hono c.json(x, n)', code: "app.delete('/items/:id', (c) => c.json(%B, %S));", removed: "app.delete('/items/:id', (c) => c.body(null, %S));", says: () => HONO, json: true },
  { name: 'hono c.text(x, n)', code: "app.delete('/items/:id', (c) => c.text(%B, %S));", removed: "app.delete('/items/:id', (c) => c.body(null, %S));", says: () => HONO },
  { name: 'hono c.body(x, n)', code: "app.delete('/items/:id', (c) => c.body(%B, %S));", removed: "app.delete('/items/:id', (c) => c.body(null, %S));", says: () => HONO },
  {
    name: 'hono c.json(x, { status })',
    code: "app.delete('/items/:id', (c) => c.json(%B, { status: %S }));",
    removed: "app.delete('/items/:id', (c) => c.body(null, { status: %S }));",
    says: () => HONO,
    json: true,
  },
  {
    name: 'hono c.html(x, n, headers)',
    code: "app.get('/', (c) => c.html(%B, %S, { 'X-Id': '1' }));",
    removed: "app.get('/', (c) => c.body(null, %S, { 'X-Id': '1' }));",
    says: () => HONO,
  },
  {
    name: 'hono c.status() then c.json()',
    code: "app.delete('/items/:id', async (c) => {\n  await remove(c.req.param('id'));\n  c.status(%S);\n  return c.json(%B);\n});",
    removed: "app.delete('/items/:id', async (c) => {\n  await remove(c.req.param('id'));\n  c.status(%S);\n  return c.body(null);\n});",
    says: () => HONO,
    json: true,
  },
  // Express
  { name: 'express res.status().json()', code: 'res.status(%S).json(%B);', removed: 'res.status(%S).end();', says: () => EXPRESS, json: true },
  { name: 'express res.status().send()', code: 'res.status(%S).send(%B);', removed: 'res.status(%S).end();', says: () => EXPRESS },
  { name: 'express res.status().jsonp()', code: 'res.status(%S).jsonp(%B);', removed: 'res.status(%S).end();', says: () => EXPRESS, json: true },
  { name: 'express res.status().end(x)', code: 'res.status(%S).end(%B);', removed: 'res.status(%S).end();', says: node },
  {
    name: 'express chain through headers',
    code: "return res.status(%S).set('X-Id', '1').type('json').json(%B);",
    removed: "return res.status(%S).set('X-Id', '1').type('json').end();",
    says: () => EXPRESS,
    json: true,
  },
  { name: 'express res?.status()', code: 'res?.status(%S).send(%B);', removed: 'res?.status(%S).end();', says: () => EXPRESS },
  {
    name: 'express statements',
    code: "router.delete('/:id', async (req, res) => {\n  await Item.deleteOne({ _id: req.params.id });\n  res.status(%S);\n  res.json(%B);\n});",
    removed: "router.delete('/:id', async (req, res) => {\n  await Item.deleteOne({ _id: req.params.id });\n  res.status(%S);\n  res.end();\n});",
    says: () => EXPRESS,
    json: true,
  },
  {
    name: 'express statements through headers and locals',
    code: "res.status(%S);\nconst etag = hash(item);\nres.setHeader('ETag', etag);\nreturn res.send(%B);",
    removed: "res.status(%S);\nconst etag = hash(item);\nres.setHeader('ETag', etag);\nreturn res.end();",
    says: () => EXPRESS,
  },
  { name: 'express res.statusCode = then res.end()', code: "res.statusCode = %S;\nres.setHeader('X-Id', '1');\nres.end(%B);", removed: "res.statusCode = %S;\nres.setHeader('X-Id', '1');\nres.end();", says: node },
  // node:http
  { name: 'node writeHead(); end(x)', code: 'http.createServer((req, res) => {\n  res.writeHead(%S);\n  res.end(%B);\n});', removed: 'http.createServer((req, res) => {\n  res.writeHead(%S);\n  res.end();\n});', says: node },
  { name: 'node writeHead().end(x)', code: "res.writeHead(%S, { 'Cache-Control': 'no-cache' }).end(%B);", removed: "res.writeHead(%S, { 'Cache-Control': 'no-cache' }).end();", says: node },
  { name: 'node writeHead(); write(x)', code: 'res.writeHead(%S);\nres.write(%B);\nres.end();', says: node },
  // Fastify
  { name: 'fastify reply.code().send()', code: 'reply.code(%S).send(%B);', removed: 'reply.code(%S).send();', says: fastify },
  { name: 'fastify reply.status().header().send()', code: "return reply.status(%S).header('X-Id', '1').send(%B);", removed: "return reply.status(%S).header('X-Id', '1').send();", says: fastify },
  {
    name: 'fastify statements',
    code: "fastify.delete('/items/:id', async (request, reply) => {\n  reply.code(%S);\n  return reply.send(%B);\n});",
    removed: "fastify.delete('/items/:id', async (request, reply) => {\n  reply.code(%S);\n  return reply.send();\n});",
    says: fastify,
  },
  { name: 'fastify reply.statusCode =', code: 'reply.statusCode = %S;\nreply.send(%B);', removed: 'reply.statusCode = %S;\nreply.send();', says: fastify },
  // Koa
  { name: 'koa ctx.status = ; ctx.body =', code: 'ctx.status = %S;\nctx.body = %B;', removed: 'ctx.status = %S;\n', says: () => KOA },
  {
    name: 'koa middleware',
    code: "app.use(async (ctx) => {\n  ctx.status = %S;\n  ctx.set('X-Id', '1');\n  ctx.type = 'json';\n  ctx.body = %B;\n});",
    removed: "app.use(async (ctx) => {\n  ctx.status = %S;\n  ctx.set('X-Id', '1');\n  ctx.type = 'json';\n  \n});",
    says: () => KOA,
  },
  { name: 'koa ctx.response', code: 'ctx.response.status = %S;\nctx.response.body = %B;', removed: 'ctx.response.status = %S;\n', says: () => KOA },
  // AWS Lambda
  { name: 'lambda result', code: 'export const handler = async () => ({ statusCode: %S, body: %B });', removed: "export const handler = async () => ({ statusCode: %S, body: '' });", says: () => '' },
  {
    name: 'lambda return',
    code: "export const handler = async (event) => {\n  return { statusCode: %S, headers: { 'Content-Type': 'application/json' }, body: %B };\n};",
    removed: "export const handler = async (event) => {\n  return { statusCode: %S, headers: { 'Content-Type': 'application/json' }, body: '' };\n};",
    says: () => '',
  },
];

/** Content with no side effects (the rule offers to drop it), and one with (it does not). */
const BODIES: readonly { readonly text: string; readonly pure: boolean }[] = [
  { text: '{ deleted: true }', pure: true },
  { text: "'done'", pure: true },
  { text: 'item', pure: true },
  { text: 'JSON.stringify(item)', pure: true },
  { text: 'load(id)', pure: false },
];

const CODES = [204, 205, 304];

function fill(site: { code: string; header?: string }, status: string, body: string): string {
  return [site.header, site.code.replace('%S', status).replace('%B', body)].filter((part) => part !== undefined).join('\n');
}

function position(site: { code: string; header?: string }, status: string): { line: number; column: number } {
  const lines = fill(site, status, '\u0000').split('\n');
  const line = lines.findIndex((text) => text.includes('\u0000'));
  return { line: line + 1, column: (lines[line] as string).indexOf('\u0000') + 1 };
}

function invalidCase(site: Site, code: number, body: { text: string; pure: boolean }, status = String(code), header = site.header, okText = '200'): Invalid {
  const withHeader = { ...site, header };
  const { line, column } = position(withHeader, status);
  const [phrase, section] = PHRASES[code] as [string, string];
  const suggestions: Suggestion[] = [];
  if (site.removed && body.pure) {
    suggestions.push({ messageId: 'removeBody', data: { code: String(code) }, output: fill({ code: site.removed, header }, status, '') });
  }
  suggestions.push({ messageId: 'useOk', output: fill(withHeader, okText, body.text) });
  return {
    name: `${site.name}: ${status} with ${body.text}`,
    code: fill(withHeader, status, body.text),
    output: null,
    errors: [{ messageId: 'noContentBody', data: { code: String(code), phrase, section, consequence: site.says(code) }, line, column, suggestions }],
  };
}

// ---------------------------------------------------------------------------
// Must report
// ---------------------------------------------------------------------------

/** Every site × 204, 205, 304 × every body. */
const everySite: Invalid[] = SITES.flatMap((site) => CODES.flatMap((code) => BODIES.map((body) => invalidCase(site, code, body))));

/** The JSON helpers make content of `null` too; the Fetch constructor throws for `''`. */
const nullJson: Invalid[] = SITES.filter((site) => site.json).map((site) => invalidCase(site, 204, { text: 'null', pure: true }));
const FETCH_SITES = SITES.filter((site) => site.says(204) === FETCH && !site.json);
const emptyText: Invalid[] = FETCH_SITES.map((site) => invalidCase(site, 204, { text: "''", pure: true }));

/** The status as a constant: the 200 is written the same way. */
const HSC = "import { StatusCodes } from 'http-status-codes';";
const CONSTANT_NAMES: Readonly<Record<number, string>> = { 204: 'StatusCodes.NO_CONTENT', 205: 'StatusCodes.RESET_CONTENT', 304: 'StatusCodes.NOT_MODIFIED' };
const constants: Invalid[] = SITES.filter((site) => !site.header)
  .filter((_, index) => index % 2 === 0)
  .flatMap((site, index) => {
    const code = CODES[index % CODES.length] as number;
    return [invalidCase(site, code, BODIES[index % 3] as { text: string; pure: boolean }, CONSTANT_NAMES[code], HSC, 'StatusCodes.OK')];
  });

/** A few written out by hand, to read as users will. */
const handWritten: Invalid[] = [
  {
    name: 'the Fetch example of the docs',
    code: "export async function DELETE() {\n  await db.item.delete();\n  return new Response('Deleted', { status: 204 });\n}",
    output: null,
    errors: [
      {
        messageId: 'noContentBody',
        data: { code: '204', phrase: 'No Content', section: '§15.3.5', consequence: FETCH },
        line: 3,
        column: 23,
        suggestions: [
          {
            messageId: 'removeBody',
            data: { code: '204' },
            output: 'export async function DELETE() {\n  await db.item.delete();\n  return new Response(null, { status: 204 });\n}',
          },
          { messageId: 'useOk', output: "export async function DELETE() {\n  await db.item.delete();\n  return new Response('Deleted', { status: 200 });\n}" },
        ],
      },
    ],
  },
  {
    name: 'a const body',
    code: "const message = { ok: true };\nres.status(204).json(message);",
    output: null,
    errors: [
      {
        messageId: 'noContentBody',
        data: { code: '204', phrase: 'No Content', section: '§15.3.5', consequence: EXPRESS },
        line: 2,
        column: 22,
        suggestions: [
          { messageId: 'removeBody', data: { code: '204' }, output: 'const message = { ok: true };\nres.status(204).end();' },
          { messageId: 'useOk', output: 'const message = { ok: true };\nres.status(200).json(message);' },
        ],
      },
    ],
  },
  {
    name: 'sendFile: content, the fate unknown, nothing to drop',
    code: "res.status(304).sendFile(path.join(root, 'index.html'));",
    output: null,
    errors: [
      {
        messageId: 'noContentBody',
        data: { code: '304', phrase: 'Not Modified', section: '§15.4.5', consequence: '' },
        line: 1,
        column: 26,
        suggestions: [{ messageId: 'useOk', output: "res.status(200).sendFile(path.join(root, 'index.html'));" }],
      },
    ],
  },
  {
    name: 'Nest HttpStatus in a 304 with Express',
    code: "import { HttpStatus } from '@nestjs/common';\nres.status(HttpStatus.NOT_MODIFIED).send(cached);",
    output: null,
    errors: [
      {
        messageId: 'noContentBody',
        data: { code: '304', phrase: 'Not Modified', section: '§15.4.5', consequence: EXPRESS },
        line: 2,
        column: 42,
        suggestions: [
          { messageId: 'removeBody', data: { code: '304' }, output: "import { HttpStatus } from '@nestjs/common';\nres.status(HttpStatus.NOT_MODIFIED).end();" },
          { messageId: 'useOk', output: "import { HttpStatus } from '@nestjs/common';\nres.status(HttpStatus.OK).send(cached);" },
        ],
      },
    ],
  },
  {
    name: 'ctx.status(n) is not Express: the content is still wrong, who handles it is unknown',
    code: 'ctx.status(204);\nreturn ctx.json({ ok: true });',
    output: null,
    errors: [
      {
        messageId: 'noContentBody',
        data: { code: '204', phrase: 'No Content', section: '§15.3.5', consequence: '' },
        line: 2,
        column: 17,
        suggestions: [
          { messageId: 'removeBody', data: { code: '204' }, output: 'ctx.status(204);\nreturn ctx.end();' },
          { messageId: 'useOk', output: 'ctx.status(200);\nreturn ctx.json({ ok: true });' },
        ],
      },
    ],
  },
  {
    name: 'in a switch case',
    code: "switch (outcome) {\n  case 'gone':\n    res.status(204);\n    res.send('gone');\n    break;\n}",
    output: null,
    errors: [
      {
        messageId: 'noContentBody',
        data: { code: '204', phrase: 'No Content', section: '§15.3.5', consequence: EXPRESS },
        line: 4,
        column: 14,
        suggestions: [
          { messageId: 'removeBody', data: { code: '204' }, output: "switch (outcome) {\n  case 'gone':\n    res.status(204);\n    res.end();\n    break;\n}" },
          { messageId: 'useOk', output: "switch (outcome) {\n  case 'gone':\n    res.status(200);\n    res.send('gone');\n    break;\n}" },
        ],
      },
    ],
  },
  {
    name: 'the first content only: the walk stops there',
    code: 'res.writeHead(204);\nres.write(head);\nres.end(tail);',
    output: null,
    errors: [
      {
        messageId: 'noContentBody',
        data: { code: '204', phrase: 'No Content', section: '§15.3.5', consequence: ': Node drops it silently' },
        line: 2,
        column: 11,
        suggestions: [{ messageId: 'useOk', output: 'res.writeHead(200);\nres.write(head);\nres.end(tail);' }],
      },
    ],
  },
  {
    name: 'CommonJS: the 200 from the required library',
    code: "const { StatusCodes } = require('http-status-codes');\nmodule.exports = (req, res) => res.status(StatusCodes.NO_CONTENT).json({ ok: true });",
    languageOptions: { parserOptions: { sourceType: 'script' } },
    output: null,
    errors: [
      {
        messageId: 'noContentBody',
        data: { code: '204', phrase: 'No Content', section: '§15.3.5', consequence: EXPRESS },
        line: 2,
        column: 72,
        suggestions: [
          { messageId: 'removeBody', data: { code: '204' }, output: "const { StatusCodes } = require('http-status-codes');\nmodule.exports = (req, res) => res.status(StatusCodes.NO_CONTENT).end();" },
          { messageId: 'useOk', output: "const { StatusCodes } = require('http-status-codes');\nmodule.exports = (req, res) => res.status(StatusCodes.OK).json({ ok: true });" },
        ],
      },
    ],
  },
];

// ---------------------------------------------------------------------------
// Must stay silent
// ---------------------------------------------------------------------------

/** Statuses that allow content, at every site, with every body. */
const contentAllowed: Valid[] = SITES.flatMap((site) =>
  [200, 201, 206, 404, 500].flatMap((code, index) =>
    BODIES.filter((_, bodyIndex) => (bodyIndex + index) % 2 === 0)
      .map((body) => ({ name: `${site.name}: ${code} with ${body.text}`, code: fill(site, String(code), body.text) })),
  ),
);

/** The bodiless statuses with no content: `null`, `undefined`, `void 0`, a `const` bound to `null`; `''` where it sends nothing. */
const noContent: Valid[] = SITES.flatMap((site) =>
  CODES.flatMap((code) => {
    const empties = site.json ? ['undefined', 'void 0'] : ['null', 'undefined', 'void 0'];
    if (site.says(204) !== FETCH && site.says(204) !== HONO && !site.json) empties.push("''", '``');
    return empties.map((empty) => ({ name: `${site.name}: ${code} with ${empty}`, code: fill(site, String(code), empty) }));
  }),
);

const nothing: string[] = [
  'const nothing = null;\nreturn new Response(nothing, { status: 204 });',
  'return new Response(null, { status: 204 });',
  'return new Response(undefined, { status: 304, headers: { ETag: etag } });',
  'return new Response(body, { status });',
  'return new Response(body, init);',
  "return new Response(body, { status: cached ? 304 : 200 });",
  "return new Response(cached ? null : body, { status: cached ? 304 : 200 });",
  'res.status(item ? 200 : 204).json(item);',
  'ctx.status = item ? 200 : 204;\nctx.body = item;',
  'res.status(err.status || 204).send(message);',
  'res.status(204).end();',
  'res.status(204).send();',
  'res.status(204).json();',
  'res.sendStatus(204);',
  'res.sendStatus(304);',
  'res.status(204).end(() => log("sent"));',
  'res.writeHead(204);\nres.end(callback);',
  'res.writeHead(304);\nres.end();',
  'reply.code(204).send();',
  'reply.code(204);',
  'ctx.status = 204;',
  'ctx.status = 204;\nctx.body = null;',
  'c.body(null, 204);',
  'app.delete("/x", (c) => c.body(null, 204));',
  'c.json(undefined, 204);',
  "c.status(204);\nreturn c.body(null);",
  'c.newResponse(null, 204);',
  "export const handler = async () => ({ statusCode: 204, body: '' });",
  'export const handler = async () => ({ statusCode: 204, headers: {} });',
];

/** The status changes, the response differs, or the content is sent where the status may no longer hold. */
const notTheSameResponse: string[] = [
  'res.status(204);\nres.status(200);\nres.json(item);',
  'res.status(204);\nif (item) res.status(200);\nres.json(item);',
  'if (!item) {\n  res.status(204);\n}\nres.json(item);',
  'if (!item) res.status(204);\nelse res.json(item);',
  'res.status(204);\nreturn;\nres.json(item);',
  'res.status(204);\nhelper(res);\nres.json(item);',
  'res.status(204);\nother.json(item);',
  'res.status(204);\nawait next();\nres.json(item);',
  'res.status(204).json;',
  'res.status(204).format({ json: () => res.json(item) });',
  'res.writeHead(204);\nres.statusCode = 200;\nres.end(item);',
  'res.writeHead(204);\nres.writeHead(200);\nres.end(item);',
  'reply.code(204);\nreply.code(200).send(item);',
  'reply.code(204);\nreturn { ok: true };',
  'ctx.status = 204;\nctx.status = 200;\nctx.body = item;',
  'ctx.status = 204;\nawait next();\nctx.body = item;',
  'ctx.status = 204;\nctx.request.body = item;',
  'ctx.status = 204;\nother.body = item;',
  'ctx.status = 204;\nif (item) ctx.body = item;',
  'ctx.body = item;\nctx.status = 204;',
  'ctx.status = 204;\nctx.redirect("/x");\nctx.body = item;',
  'c.status(204);\nc.status(200);\nreturn c.json(item);',
  'c.status(204);\nreturn other.json(item);',
  'function a(res) { res.status(204); }\nfunction b(res) { res.json(item); }',
  'res.status(204);\nsetTimeout(() => res.json(item));',
  // bad input: spreads, computed members, BigInt, compound assignment, dead code
  'res.status(204).json(...args);',
  'return new Response(...args);',
  'return Response.json(...args);',
  'c.json(...args);',
  'return new Response(x, { status: 204, ...init });',
  'res.status(204)[method](x);',
  'ctx.status = 204;\nctx[key] = x;',
  'ctx.status = 204;\nctx.body += x;',
  'res.status(204n).json(x);',
  'lbl: {\n  res.status(204);\n  break lbl;\n  res.json(x);\n}',
  'res.status(204), res.json(x);',
  // comparisons and tests are not responses
  'if (res.status === 204) res.json(item);',
  'expect(res.status).toBe(204);\nexpect(res.body).toEqual({ ok: true });',
  "await request(app).delete('/x').expect(204);",
  // handlers' return values: out of reach (see the docs)
  "import { Controller, Delete, HttpCode } from '@nestjs/common';\n@Controller('items')\nclass Items {\n  @Delete(':id')\n  @HttpCode(204)\n  remove() {\n    return this.items.remove();\n  }\n}",
  "import { setResponseStatus } from 'h3';\nsetResponseStatus(event, 204);\nreturn { ok: true };",
  "import { data } from 'react-router';\nreturn data({ ok: true }, { status: 204 });",
  // redirects and errors with those codes are another rule's business
  "return Response.redirect('https://example.com/', 304);",
  "throw new HttpException('x', 204);",
  // content with a status that allows it, after a bodiless one was considered
  'const status = item ? 200 : 204;\nres.status(status).json(item);',
];

const byHand = (code: string): Valid => ({ name: `by hand: ${code.replaceAll('\n', ' ').slice(0, 80)}`, code });
const silent: Valid[] = [...contentAllowed, ...noContent, ...nothing.map(byHand), ...notTheSameResponse.map(byHand)];
const invalid: Invalid[] = [...everySite, ...nullJson, ...emptyText, ...constants, ...handWritten];

describe('no-content-body tables', () => {
  it('stay silent at least as often as they report', () => {
    expect(silent.length).toBeGreaterThanOrEqual(invalid.length);
  });
});

createRuleTester().run('no-content-body', rule, { valid: silent, invalid });

// Declarations: `@ApiResponse({ status: 204 })` documents a response and is none (and sends no body).
createRuleTester().run('no-content-body: declarations are not responses', rule, {
  valid: [
    {
      name: 'nest @ApiResponse 204 alone',
      code: `import { Controller, Delete } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
@Controller('orders')
export class OrdersController {
  @Delete(':id')
  @ApiResponse({ status: 204, description: 'Deleted.' })
  remove() {}
}`,
    },
    {
      name: 'nest @ApiResponse 304 under another name, with a body-like description',
      code: `import { Controller, Get } from '@nestjs/common';
import { ApiResponse as Doc } from '@nestjs/swagger';
@Controller('orders')
export class OrdersController {
  @Get(':id')
  @Doc({ status: 304, description: 'Not modified.', type: OrderDto })
  find() {}
}`,
    },
  ],
  invalid: [],
});

// ---------------------------------------------------------------------------
// Test doubles (`src/test-doubles.ts`): a response built in a mock, a fetch stub, an MSW handler or a nock
// reply simulates someone else's server; a handler registered on a real app inside a test is still a handler.
// ---------------------------------------------------------------------------

createRuleTester().run('no-content-body: test doubles are not the app’s responses', rule, {
  valid: [
    {
      name: 'issue: vi.mocked(...).mockImplementation',
      code: `vi.mocked(handleApiError).mockImplementation(() => new Response(JSON.stringify({ ok: true }), { status: 204 }));`,
    },
    {
      name: 'issue: a mocked upstream with vi.fn',
      code: `const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true }), { status: 204 }));`,
    },
    {
      name: 'issue: mockResolvedValueOnce',
      code: `customFetch.mockResolvedValueOnce(new Response(JSON.stringify({ ok: true }), { status: 204 }));`,
    },
    {
      name: 'issue: an MSW handler',
      code: `import { http } from 'msw';
export const handlers = [
  http.get('https://api.github.com/user', () => new Response(JSON.stringify({ ok: true }), { status: 204 })),
];`,
    },
    {
      name: 'jest.fn with an implementation',
      code: `const handler = jest.fn(() => new Response(JSON.stringify({ ok: true }), { status: 204 }));`,
    },
    {
      name: 'mockReturnValue',
      code: `api.request.mockReturnValue(new Response(JSON.stringify({ ok: true }), { status: 204 }));`,
    },
    {
      name: 'mockResolvedValue on vi.spyOn',
      code: `vi.spyOn(client, 'send').mockResolvedValue(new Response(JSON.stringify({ ok: true }), { status: 204 }));`,
    },
    {
      name: 'sinon stub resolves',
      code: `sinon.stub(client, 'fetch').resolves(new Response(JSON.stringify({ ok: true }), { status: 204 }));`,
    },
    {
      name: 'sinon stub returns',
      code: `sinon.stub(client, 'fetch').returns(Promise.resolve(new Response(JSON.stringify({ ok: true }), { status: 204 })));`,
    },
    {
      name: 'global.fetch replaced',
      code: `global.fetch = async () => new Response(JSON.stringify({ ok: true }), { status: 204 });`,
    },
    {
      name: 'globalThis.fetch replaced',
      code: `globalThis.fetch = vi.fn().mockImplementation(async () => {
  return new Response(JSON.stringify({ ok: true }), { status: 204 });
});`,
    },
    {
      name: 'vi.stubGlobal fetch',
      code: `vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ ok: true }), { status: 204 }));`,
    },
    {
      name: 'a module mock factory',
      code: `vi.mock('./upstream', () => ({
  call: async () => new Response(JSON.stringify({ ok: true }), { status: 204 }),
}));`,
    },
    {
      name: 'MSW rest handler (v1) with res',
      code: `import { rest } from 'msw';
const server = setupServer(
  rest.post('/api/items', (req, res, ctx) => {
    return new Response(JSON.stringify({ ok: true }), { status: 204 });
  }),
);`,
    },
    {
      name: 'MSW handlers passed to setupServer',
      code: `import { setupServer } from 'msw/node';
const server = setupServer(...[() => new Response(JSON.stringify({ ok: true }), { status: 204 })]);`,
    },
  ],
  invalid: [
    {
      name: 'an Express handler registered inside a test is still a handler',
      code: `import express from 'express';
describe('delete', () => {
  const app = express();
  app.delete('/items/:id', (req, res) => {
    res.status(204).json({ deleted: true });
  });
});`,
      output: null,
      errors: [
        {
          messageId: 'noContentBody',
          line: 5,
          column: 26,
          suggestions: [
            {
              messageId: 'removeBody',
              data: { code: 204 },
              output: `import express from 'express';
describe('delete', () => {
  const app = express();
  app.delete('/items/:id', (req, res) => {
    res.status(204).end();
  });
});`,
            },
            {
              messageId: 'useOk',
              output: `import express from 'express';
describe('delete', () => {
  const app = express();
  app.delete('/items/:id', (req, res) => {
    res.status(200).json({ deleted: true });
  });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a Hono app built inside a test is still an app',
      code: `import { Hono } from 'hono';
test('delete', async () => {
  const app = new Hono();
  app.delete('/items/:id', (c) => c.json({ deleted: true }, 204));
});`,
      output: null,
      errors: [
        {
          messageId: 'noContentBody',
          line: 4,
          column: 42,
          suggestions: [
            {
              messageId: 'removeBody',
              data: { code: 204 },
              output: `import { Hono } from 'hono';
test('delete', async () => {
  const app = new Hono();
  app.delete('/items/:id', (c) => c.body(null, 204));
});`,
            },
            {
              messageId: 'useOk',
              output: `import { Hono } from 'hono';
test('delete', async () => {
  const app = new Hono();
  app.delete('/items/:id', (c) => c.json({ deleted: true }, 200));
});`,
            },
          ],
        },
      ],
    },
  ],
});
