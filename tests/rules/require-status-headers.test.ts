/**
 * require-status-headers, table-driven: every framework's response site × every status with a
 * required header (206, 301, 302, 303, 307, 308, 401, 405, 407, 416) must report when the header
 * is missing, with its position and message data; every way to set the header × every status
 * must stay silent; constants from http-status-codes and @nestjs/common (names looked up in the
 * installed libraries), header names in any case and as node:http2 constants; headers set after
 * the send; the `headers` option. The run over the frameworks' own code, for both header rules,
 * is in require-retry-after.test.ts.
 */
import { HttpStatus } from '@nestjs/common';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { StatusCodes } from 'http-status-codes';
import rule, { type MessageIds, type Options } from '../../rules/require-status-headers.js';
import { createRuleTester } from '../rule-tester.js';
import { MARK, place, positionOf } from '../templates.js';

type Invalid = InvalidTestCase<MessageIds, Options>;
type Valid = ValidTestCase<Options>;

const LATE = '‸';

const REDIRECT_WHY = "it tells the client where to go (a framework's redirect helper sets it for you)";

/** The header each status needs by default, the RFC section and the reason the message gives, and a value to set it to. */
const REQUIRED: readonly { readonly code: number; readonly header: string; readonly rfc: string; readonly why: string; readonly value: string }[] = [
  {
    code: 206,
    header: 'Content-Range',
    rfc: 'RFC 9110 §15.3.7',
    why: 'it says which part of the representation the body holds; for a page of a list, answer 200 with a `Link` header instead',
    value: "'bytes 0-99/1000'",
  },
  { code: 301, header: 'Location', rfc: 'RFC 9110 §15.4.2', why: REDIRECT_WHY, value: "'/new'" },
  { code: 302, header: 'Location', rfc: 'RFC 9110 §15.4.3', why: REDIRECT_WHY, value: "'/new'" },
  { code: 303, header: 'Location', rfc: 'RFC 9110 §15.4.4', why: REDIRECT_WHY, value: "'/new'" },
  { code: 307, header: 'Location', rfc: 'RFC 9110 §15.4.8', why: REDIRECT_WHY, value: "'/new'" },
  { code: 308, header: 'Location', rfc: 'RFC 9110 §15.4.9', why: REDIRECT_WHY, value: "'/new'" },
  { code: 401, header: 'WWW-Authenticate', rfc: 'RFC 9110 §15.5.2', why: 'it names the authentication scheme the client must use', value: "'Bearer'" },
  { code: 405, header: 'Allow', rfc: 'RFC 9110 §15.5.6', why: 'it lists the methods the resource supports', value: "'GET, HEAD'" },
  { code: 407, header: 'Proxy-Authenticate', rfc: 'RFC 9110 §15.5.8', why: 'it names the authentication scheme the proxy expects', value: "'Basic'" },
  { code: 416, header: 'Content-Range', rfc: 'RFC 9110 §15.5.17', why: 'it gives the current length of the representation, as `bytes */<length>`', value: "'bytes */1000'" },
];

const PHRASES: Readonly<Record<number, string>> = {
  201: 'Created',
  206: 'Partial Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  401: 'Unauthorized',
  405: 'Method Not Allowed',
  407: 'Proxy Authentication Required',
  416: 'Range Not Satisfiable',
  418: "I'm a Teapot",
};

interface Spelling {
  readonly name: string;
  readonly text: string;
  readonly header: string;
}

function memberOf(table: Record<string, unknown>, code: number): string {
  const name = Object.keys(table).find((key) => table[key] === code);
  if (!name) throw new Error(`no member for ${code}`);
  return name;
}

/** A status as a number, and as a member of two constants libraries (looked up in the installed library). */
function spellings(code: number): Spelling[] {
  return [
    { name: 'number', text: String(code), header: '' },
    { name: 'http-status-codes', text: `StatusCodes.${memberOf(StatusCodes as Record<string, unknown>, code)}`, header: "import { StatusCodes } from 'http-status-codes';\n" },
    { name: '@nestjs/common', text: `HttpStatus.${memberOf(HttpStatus as unknown as Record<string, unknown>, code)}`, header: "import { HttpStatus } from '@nestjs/common';\n" },
  ];
}



interface Site {
  readonly name: string;
  readonly code: string;
  /** Errors thrown with a status: only for 4xx statuses. */
  readonly errorsOnly?: boolean;
}

/** Every framework's response site, without the header. */
const SITES: readonly Site[] = [
  { name: 'express status().json()', code: `app.get('/', (req, res) => {\n  res.status(§).json({});\n});` },
  { name: 'express sendStatus()', code: `app.get('/', (req, res) => res.sendStatus(§));` },
  { name: 'express status() then end()', code: `app.get('/', (req, res) => {\n  res.status(§);\n  res.end();\n});` },
  { name: 'node writeHead', code: `createServer((req, res) => {\n  res.writeHead(§, { 'Content-Type': 'text/plain' });\n  res.end();\n});` },
  { name: 'node statusCode', code: `createServer((req, res) => {\n  res.statusCode = §;\n  res.end();\n});` },
  { name: 'fastify code().send()', code: `fastify.get('/', async (request, reply) => reply.code(§).send());` },
  { name: 'koa ctx.status', code: `router.get('/', async (ctx) => {\n  ctx.status = §;\n});` },
  { name: 'koa ctx.throw', code: `router.get('/', async (ctx) => {\n  ctx.throw(§, 'no');\n});`, errorsOnly: true },
  { name: 'koa ctx.assert', code: `router.get('/', async (ctx) => {\n  ctx.assert(ctx.state.user, §);\n});`, errorsOnly: true },
  { name: 'hono c.body()', code: `app.get('/', (c) => c.body(null, §));` },
  { name: 'hono c.status()', code: `app.get('/', (c) => {\n  c.status(§);\n  return c.body(null);\n});` },
  { name: 'hono HTTPException', code: `import { HTTPException } from 'hono/http-exception';\napp.get('/', () => {\n  throw new HTTPException(§, { message: 'no' });\n});`, errorsOnly: true },
  { name: 'fetch new Response', code: `export const GET = () => new Response(null, { status: § });` },
  { name: 'next NextResponse.json', code: `import { NextResponse } from 'next/server';\nexport const GET = () => NextResponse.json({}, { status: § });` },
  { name: 'sveltekit json', code: `import { json } from '@sveltejs/kit';\nexport const GET = () => json({}, { status: § });` },
  { name: 'sveltekit error', code: `import { error } from '@sveltejs/kit';\nexport function load() {\n  error(§, 'no');\n}`, errorsOnly: true },
  { name: 'h3 setResponseStatus', code: `import { defineEventHandler, setResponseStatus } from 'h3';\nexport default defineEventHandler((event) => {\n  setResponseStatus(event, §);\n});` },
  { name: 'h3 createError', code: `import { createError } from 'h3';\nexport default () => {\n  throw createError({ statusCode: § });\n};`, errorsOnly: true },
  { name: 'http-errors createError', code: `import createError from 'http-errors';\napp.use((req, res, next) => next(createError(§)));`, errorsOnly: true },
  { name: 'lambda result', code: `export const handler = async () => ({ statusCode: §, body: '' });` },
  { name: 'nest @HttpCode', code: `import { Controller, Get, HttpCode } from '@nestjs/common';\n@Controller()\nexport class A {\n  @Get()\n  @HttpCode(§)\n  find() {}\n}` },
  { name: 'node:http2 respond', code: `server.on('stream', (stream) => {\n  stream.respond({ ':status': § });\n});` },
  { name: 'hapi code()', code: `server.route({ method: 'GET', path: '/', handler: (request, h) => h.response().code(§) });` },
  { name: 'elysia set.status', code: `new Elysia().get('/', ({ set }) => {\n  set.status = §;\n});` },
];

function missing(site: Site, code: number, spelling: Spelling): Invalid {
  const required = REQUIRED.find((entry) => entry.code === code);
  if (!required) throw new Error(`no header for ${code}`);
  const source = spelling.header + site.code;
  return {
    name: `${site.name}: ${code} (${spelling.name})`,
    code: place(source, spelling.text),
    errors: [{ messageId: 'missingHeader', ...positionOf(source, MARK), data: { header: required.header, code, phrase: PHRASES[code], rfc: required.rfc, why: required.why }, suggestions: [] }],
    output: null,
  };
}

const isError = (code: number): boolean => code >= 400;

const MISSING: readonly Invalid[] = [
  ...SITES.flatMap((site) => REQUIRED.filter(({ code }) => !site.errorsOnly || isError(code)).map(({ code }) => missing(site, code, spellings(code)[0] as Spelling))),
  ...SITES.flatMap((site) => [401, 302].filter((code) => !site.errorsOnly || isError(code)).flatMap((code) => spellings(code).slice(1).map((spelling) => missing(site, code, spelling)))),
];

/** Every way to set the header on the same response: `«H»` is the header name, `«V»` its value. */
const SET_WAYS: readonly { readonly name: string; readonly code: string; readonly errorsOnly?: boolean }[] = [
  { name: 'express chain', code: `app.get('/', (req, res) => res.status(§).set(«H», «V»).end());` },
  { name: 'express chain before', code: `app.get('/', (req, res) => res.set(«H», «V»).status(§).end());` },
  { name: 'express header() first', code: `app.get('/', (req, res) => {\n  res.header(«H», «V»);\n  res.sendStatus(§);\n});` },
  { name: 'express set({...})', code: `app.get('/', (req, res) => {\n  res.set({ [«H»]: «V» });\n  res.status(§).json({});\n});` },
  { name: 'express append() between status and send', code: `app.get('/', (req, res) => {\n  res.status(§);\n  res.append(«H», «V»);\n  res.end();\n});` },
  { name: 'node writeHead headers', code: `createServer((req, res) => {\n  res.writeHead(§, { [«H»]: «V» });\n  res.end();\n});` },
  { name: 'node writeHead flat list', code: `createServer((req, res) => {\n  res.writeHead(§, [«H», «V»]);\n  res.end();\n});` },
  { name: 'node setHeader then statusCode', code: `createServer((req, res) => {\n  res.setHeader(«H», «V»);\n  res.statusCode = §;\n  res.end();\n});` },
  { name: 'fastify header chain', code: `fastify.get('/', async (request, reply) => reply.code(§).header(«H», «V»).send());` },
  { name: 'fastify headers({...})', code: `fastify.get('/', async (request, reply) => {\n  reply.headers({ [«H»]: «V» });\n  return reply.code(§).send();\n});` },
  { name: 'koa set', code: `router.get('/', async (ctx) => {\n  ctx.set(«H», «V»);\n  ctx.status = §;\n});` },
  { name: 'koa response.set after status', code: `router.get('/', async (ctx) => {\n  ctx.response.status = §;\n  ctx.response.set(«H», «V»);\n});` },
  { name: 'koa throw headers', code: `router.get('/', async (ctx) => {\n  ctx.throw(§, 'no', { headers: { [«H»]: «V» } });\n});`, errorsOnly: true },
  { name: 'koa assert headers', code: `router.get('/', async (ctx) => {\n  ctx.assert(ctx.state.user, §, 'no', { headers: { [«H»]: «V» } });\n});`, errorsOnly: true },
  { name: 'hono header', code: `app.get('/', (c) => {\n  c.header(«H», «V»);\n  return c.body(null, §);\n});` },
  { name: 'hono helper headers', code: `app.get('/', (c) => c.body(null, §, { [«H»]: «V» }));` },
  { name: 'hono header then HTTPException', code: `import { HTTPException } from 'hono/http-exception';\napp.get('/', (c) => {\n  c.header(«H», «V»);\n  throw new HTTPException(§);\n});`, errorsOnly: true },
  { name: 'fetch init headers', code: `export const GET = () => new Response(null, { status: §, headers: { [«H»]: «V» } });` },
  { name: 'fetch Headers variable', code: `export function GET() {\n  const headers = new Headers();\n  headers.append(«H», «V»);\n  return new Response(null, { status: §, headers });\n}` },
  { name: 'next response.headers.set', code: `import { NextResponse } from 'next/server';\nexport function GET() {\n  const response = NextResponse.json({}, { status: § });\n  response.headers.set(«H», «V»);\n  return response;\n}` },
  { name: 'sveltekit json headers', code: `import { json } from '@sveltejs/kit';\nexport const GET = () => json({}, { status: §, headers: { [«H»]: «V» } });` },
  { name: 'sveltekit setHeaders then error', code: `import { error } from '@sveltejs/kit';\nexport function load({ setHeaders }) {\n  setHeaders({ [«H»]: «V» });\n  error(§, 'no');\n}`, errorsOnly: true },
  { name: 'h3 setResponseHeader', code: `import { defineEventHandler, setResponseHeader, setResponseStatus } from 'h3';\nexport default defineEventHandler((event) => {\n  setResponseHeader(event, «H», «V»);\n  setResponseStatus(event, §);\n});` },
  { name: 'h3 HTTPError headers', code: `import { HTTPError } from 'h3';\nexport default () => {\n  throw new HTTPError({ status: §, headers: { [«H»]: «V» } });\n};`, errorsOnly: true },
  { name: 'http-errors props', code: `import createError from 'http-errors';\napp.use((req, res, next) => next(createError(§, { headers: { [«H»]: «V» } })));`, errorsOnly: true },
  { name: 'lambda headers', code: `export const handler = async () => ({ statusCode: §, headers: { [«H»]: «V» }, body: '' });` },
  { name: 'nest @Header', code: `import { Controller, Get, Header, HttpCode } from '@nestjs/common';\n@Controller()\nexport class A {\n  @Get()\n  @HttpCode(§)\n  @Header(«H», «V»)\n  find() {}\n}` },
  { name: 'node:http2 respond', code: `server.on('stream', (stream) => {\n  stream.respond({ ':status': §, [«H»]: «V» });\n});` },
  { name: 'hapi header', code: `server.route({ method: 'GET', path: '/', handler: (request, h) => h.response().code(§).header(«H», «V») });` },
  { name: 'elysia set.headers', code: `new Elysia().get('/', ({ set }) => {\n  set.status = §;\n  set.headers[«H»] = «V»;\n});` },
];

function setWays(code: number, spelling: Spelling, header: string, value: string): Valid[] {
  return SET_WAYS.filter((way) => !way.errorsOnly || isError(code)).map((way) => ({
    name: `${way.name}: ${code} (${spelling.name}) with ${header}`,
    code: place(spelling.header + way.code.replaceAll('«H»', `'${header}'`).replaceAll('«V»', value), spelling.text),
  }));
}

const SET: readonly Valid[] = [
  ...REQUIRED.flatMap(({ code, header, value }) => setWays(code, spellings(code)[0] as Spelling, header, value)),
  ...[401, 302].flatMap((code) => {
    const required = REQUIRED.find((entry) => entry.code === code);
    return spellings(code)
      .slice(1)
      .flatMap((spelling) => setWays(code, spelling, required?.header ?? '', required?.value ?? "''"));
  }),
];

/** Header names spelled every way: any case, node:http2 constants, a local const. */
const NAMES: readonly { readonly code: number; readonly text: string; readonly header: string }[] = [
  { code: 401, text: "'www-authenticate'", header: '' },
  { code: 401, text: "'WWW-AUTHENTICATE'", header: '' },
  { code: 401, text: 'constants.HTTP2_HEADER_WWW_AUTHENTICATE', header: "import { constants } from 'node:http2';\n" },
  { code: 405, text: "'allow'", header: '' },
  { code: 405, text: 'http2.constants.HTTP2_HEADER_ALLOW', header: "import http2 from 'node:http2';\n" },
  { code: 407, text: 'constants.HTTP2_HEADER_PROXY_AUTHENTICATE', header: "import { constants } from 'http2';\n" },
  { code: 206, text: "'content-range'", header: '' },
  { code: 206, text: 'HTTP2_HEADER_CONTENT_RANGE', header: "import { constants } from 'node:http2';\nconst { HTTP2_HEADER_CONTENT_RANGE } = constants;\n" },
  { code: 416, text: 'CONTENT_RANGE', header: "const CONTENT_RANGE = 'Content-Range';\n" },
  { code: 301, text: "'LOCATION'", header: '' },
  { code: 308, text: 'constants.HTTP2_HEADER_LOCATION', header: "import { constants } from 'node:http2';\n" },
];

const NAME_WAYS: readonly string[] = [
  `app.get('/', (req, res) => res.status(CODE).set(NAME, 'x').end());`,
  `router.get('/', async (ctx) => {\n  ctx.set(NAME, 'x');\n  ctx.status = CODE;\n});`,
  `export const GET = () => new Response(null, { status: CODE, headers: { [NAME]: 'x' } });`,
  `fastify.get('/', async (request, reply) => reply.code(CODE).header(NAME, 'x').send());`,
];

/** Redirect helpers set `Location` themselves. */
const REDIRECT_HELPERS: readonly string[] = [
  `app.get('/', (req, res) => res.redirect(301, '/new'));`,
  `app.get('/', (req, res) => res.redirect('/new', 308));`,
  `fastify.get('/', async (request, reply) => reply.redirect('/new', 303));`,
  `app.get('/', (c) => c.redirect('/new', 301));`,
  `export const GET = () => Response.redirect('https://example.com/new', 307);`,
  `import { NextResponse } from 'next/server';\nexport const GET = (request) => NextResponse.redirect(new URL('/new', request.url), 308);`,
  `import { redirect } from '@remix-run/node';\nexport const loader = () => redirect('/new', 302);`,
  `import { redirect } from '@sveltejs/kit';\nexport function load() {\n  redirect(303, '/login');\n}`,
  `import { sendRedirect } from 'h3';\nexport default defineEventHandler((event) => sendRedirect(event, '/new', 302));`,
  `import { Controller, Get, Redirect } from '@nestjs/common';\n@Controller()\nexport class A {\n  @Get()\n  @Redirect('/new', 301)\n  old() {}\n}`,
  `router.get('/', async (ctx) => {\n  ctx.redirect('/new');\n  ctx.status = 301;\n});`,
  `app.get('/', (req, res) => {\n  res.status(302);\n  res.redirect('/new');\n});`,
  `app.get('/', (req, res) => res.status(301).location('/new').end());`,
];

/** Where the framework gives no way to attach headers, and what is not a response. */
const NOT_REPORTED: readonly string[] = [
  `import { HttpException } from '@nestjs/common';\nexport class A {\n  find() {\n    throw new HttpException('no', 401);\n  }\n}`,
  `import { fail } from '@sveltejs/kit';\nexport const actions = { default: () => fail(401, { missing: true }) };`,
  `import { http, HttpResponse } from 'msw';\nexport const handlers = [http.get('/me', () => HttpResponse.json({}, { status: 401 }))];`,
  `import { ApiResponse } from '@nestjs/swagger';\nexport class A {\n  @ApiResponse({ status: 401 })\n  find() {}\n}`,
  `if (res.status === 401) login();`,
  `expect(res.status).toBe(405);`,
  `await request(app).get('/').expect(206);`,
  `nock('https://api.test').get('/').reply(401);`,
  `app.get('/', (req, res) => res.status(201).json({}));`,
  `app.get('/', (req, res) => res.status(204).end());`,
  `app.get('/', (req, res) => res.status(304).end());`,
  `app.get('/', (req, res) => res.status(300).end());`,
  `app.get('/', (req, res) => res.status(400).json({}));`,
  `app.get('/', (req, res) => res.status(403).json({}));`,
  `app.get('/', (req, res) => res.status(code).json({}));`,
  `app.get('/', (req, res) => {\n  res.set(securityHeaders);\n  res.status(401).end();\n});`,
  `app.get('/', (req, res) => {\n  challenge(res);\n  res.status(401).end();\n});`,
  `export const GET = (init) => new Response(null, { status: 401, headers: init.headers });`,
  `export const handler = async (event, headers) => ({ statusCode: 405, headers, body: '' });`,
  `app.get('/', (req, res) => {\n  res.status(206).type('multipart/byteranges; boundary=3d6b6a416f9b5').send(body);\n});`,
  `app.get('/', (req, res) => {\n  res.setHeader('Content-Type', contentType);\n  res.status(206);\n  stream.pipe(res);\n});`,
  `try {\n  run();\n} catch (err) {\n  err.status = 401;\n  throw err;\n}`,
  `app.get('/', (req, res) => res.status(401n));`,
  `app.get('/', (req, res) => res[verb](401));`,
];

const late = (name: string, code: string, data: { header: string; code: number; send: string }): Invalid => ({
  name,
  code: code.replace(LATE, ''),
  errors: [{ messageId: 'headerAfterSend', ...positionOf(code, LATE), data: { ...data, phrase: PHRASES[data.code] }, suggestions: [] }],
  output: null,
});

const LATE_CASES: readonly Invalid[] = [
  late('express', `app.get('/', (req, res) => {\n  res.status(401).json({});\n  ‸res.set('WWW-Authenticate', 'Bearer');\n});`, { header: 'WWW-Authenticate', code: 401, send: '.json()' }),
  late('node writeHead', `createServer((req, res) => {\n  res.writeHead(405);\n  ‸res.setHeader('Allow', 'GET');\n  res.end();\n});`, { header: 'Allow', code: 405, send: '.writeHead()' }),
  late('fastify', `fastify.get('/', async (request, reply) => {\n  await reply.code(301).send();\n  ‸reply.header('location', '/new');\n});`, { header: 'Location', code: 301, send: '.send()' }),
  late('chained after send', `app.get('/', (req, res) => {\n  ‸res.status(206).send(part).set('Content-Range', 'bytes 0-9/10');\n});`, { header: 'Content-Range', code: 206, send: '.send()' }),
  late('koa after throw', `router.get('/', async (ctx) => {\n  ctx.throw(405);\n  ‸ctx.set('Allow', 'GET');\n});`, { header: 'Allow', code: 405, send: '.throw()' }),
];

const ruleTester = createRuleTester();

ruleTester.run('require-status-headers', rule, {
  valid: [
    ...SET,
    ...NAMES.flatMap(({ code, text, header }) =>
      NAME_WAYS.map((way) => ({ name: `${text} on ${code}: ${way.slice(0, 30)}`, code: header + way.replace('CODE', String(code)).replace('NAME', text) })),
    ),
    ...REDIRECT_HELPERS,
    ...NOT_REPORTED,
    { name: '206 turned off', code: `app.get('/', (req, res) => res.status(206).json(page));`, options: [{ headers: { 206: [] } }] },
    { name: '201 with Location, opted in', code: `app.post('/', (req, res) => res.status(201).location('/items/1').json({}));`, options: [{ headers: { 201: ['Location'] } }] },
    { name: 'a configured header that is set', code: `app.get('/', (req, res) => res.status(418).set('X-Teapot', 'yes').end());`, options: [{ headers: { 418: ['X-Teapot'] } }] },
  ],
  invalid: [
    ...MISSING,
    ...LATE_CASES,
    {
      name: '206 for a page of a list',
      code: `app.get('/items', (req, res) => {\n  res.status(206).json(page);\n});`,
      errors: [
        {
          messageId: 'missingHeader',
          line: 2,
          column: 14,
          data: {
            header: 'Content-Range',
            code: 206,
            phrase: 'Partial Content',
            rfc: 'RFC 9110 §15.3.7',
            why: 'it says which part of the representation the body holds; for a page of a list, answer 200 with a `Link` header instead',
          },
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      name: '206 with a JSON Content-Type',
      code: `app.get('/items', (req, res) => res.status(206).type('application/json').send(page));`,
      errors: [{ messageId: 'missingHeader', line: 1, column: 44, suggestions: [] }],
      output: null,
    },
    {
      name: '201 without Location, opted in',
      code: `app.post('/', (req, res) => res.status(201).json({}));`,
      options: [{ headers: { 201: ['Location'] } }],
      errors: [{ messageId: 'missingHeader', line: 1, column: 40, data: { header: 'Location', code: 201, phrase: 'Created', rfc: 'RFC 9110 §15.3.2', why: 'it names the resource that was created' }, suggestions: [] }],
      output: null,
    },
    {
      name: 'a header of your own',
      code: `app.get('/', (req, res) => res.status(418).end());`,
      options: [{ headers: { 418: ['X-Teapot'] } }],
      errors: [{ messageId: 'missingConfiguredHeader', line: 1, column: 39, data: { header: 'X-Teapot', code: 418, phrase: PHRASES[418] }, suggestions: [] }],
      output: null,
    },
    {
      name: 'two headers for one status',
      code: `app.get('/', (req, res) => res.status(401).end());`,
      options: [{ headers: { 401: ['WWW-Authenticate', 'Cache-Control'] } }],
      errors: [
        { messageId: 'missingHeader', line: 1, column: 39, suggestions: [] },
        { messageId: 'missingConfiguredHeader', line: 1, column: 39, data: { header: 'Cache-Control', code: 401, phrase: 'Unauthorized' }, suggestions: [] },
      ],
      output: null,
    },
    {
      name: 'a header set in the other branch',
      code: `app.get('/', (req, res) => {\n  if (api) {\n    res.set('WWW-Authenticate', 'Bearer');\n  } else {\n    res.status(401).end();\n  }\n});`,
      errors: [{ messageId: 'missingHeader', line: 5, column: 16, suggestions: [] }],
      output: null,
    },
    {
      name: 'an error object with a status and no headers',
      code: `const err = new Error('moved');\nerr.status = 401;\nthrow err;`,
      errors: [{ messageId: 'missingHeader', line: 2, column: 14, suggestions: [] }],
      output: null,
    },
  ],
});

// Declarations: `@ApiResponse({ status: 401 })` documents a response and is none.
ruleTester.run('require-status-headers: declarations are not responses', rule, {
  valid: [
    {
      name: 'nest @ApiResponse 401 under another name',
      code: `import { Controller, Get } from '@nestjs/common';
import { ApiResponse as Doc } from '@nestjs/swagger';
@Controller('me')
export class MeController {
  @Get()
  @Doc({ status: 401, description: 'Not signed in.' })
  find() {}
}`,
    },
  ],
  invalid: [
    {
      name: 'nest @HttpCode 401 with its @ApiResponse: reported at @HttpCode only',
      code: `import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiResponse as Doc } from '@nestjs/swagger';
@Controller('me')
export class MeController {
  @Get()
  @HttpCode(401)
  @Doc({ status: 401, description: 'Not signed in.' })
  find() {}
}`,
      errors: [
        {
          messageId: 'missingHeader',
          line: 6,
          column: 13,
          data: {
            header: 'WWW-Authenticate',
            code: 401,
            phrase: 'Unauthorized',
            rfc: 'RFC 9110 §15.5.2',
            why: 'it names the authentication scheme the client must use',
          },
          suggestions: [],
        },
      ],
      output: null,
    },
  ],
});

// ---------------------------------------------------------------------------
// Test doubles (`src/test-doubles.ts`): a response built in a mock, a fetch stub, an MSW handler or a nock
// reply simulates someone else's server; a handler registered on a real app inside a test is still a handler.
// ---------------------------------------------------------------------------

ruleTester.run('require-status-headers: test doubles are not the app’s responses', rule, {
  valid: [
    {
      name: 'issue: vi.mocked(...).mockImplementation',
      code: `vi.mocked(handleApiError).mockImplementation(() => new Response('Unauthorized', { status: 401 }));`,
    },
    {
      name: 'issue: a mocked upstream with vi.fn',
      code: `const fetch = vi.fn(async () => new Response('Unauthorized', { status: 401 }));`,
    },
    {
      name: 'issue: mockResolvedValueOnce',
      code: `customFetch.mockResolvedValueOnce(new Response('Unauthorized', { status: 401 }));`,
    },
    {
      name: 'issue: an MSW handler',
      code: `import { http } from 'msw';
export const handlers = [
  http.get('https://api.github.com/user', () => new Response('Unauthorized', { status: 401 })),
];`,
    },
    {
      name: 'jest.fn with an implementation',
      code: `const handler = jest.fn(() => new Response('Unauthorized', { status: 401 }));`,
    },
    {
      name: 'mockReturnValue',
      code: `api.request.mockReturnValue(new Response('Unauthorized', { status: 401 }));`,
    },
    {
      name: 'mockResolvedValue on vi.spyOn',
      code: `vi.spyOn(client, 'send').mockResolvedValue(new Response('Unauthorized', { status: 401 }));`,
    },
    {
      name: 'sinon stub resolves',
      code: `sinon.stub(client, 'fetch').resolves(new Response('Unauthorized', { status: 401 }));`,
    },
    {
      name: 'sinon stub returns',
      code: `sinon.stub(client, 'fetch').returns(Promise.resolve(new Response('Unauthorized', { status: 401 })));`,
    },
    {
      name: 'global.fetch replaced',
      code: `global.fetch = async () => new Response('Unauthorized', { status: 401 });`,
    },
    {
      name: 'globalThis.fetch replaced',
      code: `globalThis.fetch = vi.fn().mockImplementation(async () => {
  return new Response('Unauthorized', { status: 401 });
});`,
    },
    {
      name: 'vi.stubGlobal fetch',
      code: `vi.stubGlobal('fetch', async () => new Response('Unauthorized', { status: 401 }));`,
    },
    {
      name: 'a module mock factory',
      code: `vi.mock('./upstream', () => ({
  call: async () => new Response('Unauthorized', { status: 401 }),
}));`,
    },
    {
      name: 'MSW rest handler (v1) with res',
      code: `import { rest } from 'msw';
const server = setupServer(
  rest.post('/api/items', (req, res, ctx) => {
    return new Response('Unauthorized', { status: 401 });
  }),
);`,
    },
    {
      name: 'MSW handlers passed to setupServer',
      code: `import { setupServer } from 'msw/node';
const server = setupServer(...[() => new Response('Unauthorized', { status: 401 })]);`,
    },
  ],
  invalid: [
    {
      name: 'an Express handler registered inside a test is still a handler',
      code: `import express from 'express';
describe('auth', () => {
  const app = express();
  app.get('/me', (req, res) => {
    res.status(401).send('Unauthorized');
  });
});`,
      output: null,
      errors: [
        {
          messageId: 'missingHeader',
          line: 5,
          column: 16,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a node:http server created inside a test is still a handler',
      code: `import { createServer } from 'node:http';
it('asks for credentials', async () => {
  const server = createServer((req, res) => {
    res.writeHead(401);
    res.end();
  });
});`,
      output: null,
      errors: [
        {
          messageId: 'missingHeader',
          line: 4,
          column: 19,
          suggestions: [],
        },
      ],
    },
  ],
});

// ---------------------------------------------------------------------------
// A response or error object that a function returns, not a handler (`src/handlers.ts` `isMadeForCaller`):
// it belongs to whoever sends or throws it.
// ---------------------------------------------------------------------------

ruleTester.run('require-status-headers: a 401 made for the caller to send', rule, {
  valid: [
    {
      name: 'an exported error factory',
      code: `import httpErrors from 'http-errors';
export function Unauthorized(message = 'Login required') {
  return httpErrors(401, message);
}`,
    },
    {
      name: 'a Response factory',
      code: `export const unauthorized = () => new Response('Unauthorized', { status: 401 });`,
    },
    {
      name: 'a Lambda result made by a helper',
      code: `function denied() {
  return { statusCode: 401, body: 'Unauthorized' };
}`,
    },
  ],
  invalid: [
    {
      name: 'thrown, not returned',
      code: `import createError from 'http-errors';
export function assertUser(user) {
  if (!user) throw createError(401, 'Login required');
}`,
      output: null,
      errors: [
        {
          messageId: 'missingHeader',
          line: 3,
          column: 32,
          suggestions: [],
        },
      ],
    },
    {
      name: 'returned from a route handler',
      code: `export async function GET() {
  return new Response('Unauthorized', { status: 401 });
}`,
      output: null,
      errors: [
        {
          messageId: 'missingHeader',
          line: 2,
          column: 49,
          suggestions: [],
        },
      ],
    },
    {
      name: 'returned from Next.js middleware',
      code: `export function middleware(request: Request) {
  return new Response('Unauthorized', { status: 401 });
}`,
      output: null,
      errors: [
        {
          messageId: 'missingHeader',
          line: 2,
          column: 49,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a Lambda handler',
      code: `export const handler = async () => {
  return { statusCode: 401, body: 'Unauthorized' };
};`,
      output: null,
      errors: [
        {
          messageId: 'missingHeader',
          line: 2,
          column: 24,
          suggestions: [],
        },
      ],
    },
  ],
});

// ---------------------------------------------------------------------------
// A response handed to a helper (`src/headers/frameworks.ts` `isHarmlessHandoff`): one rule, whatever the name.
// A call made for its value reads the request; a call made for what it does may set any header.
// ---------------------------------------------------------------------------

ruleTester.run('require-status-headers: a response handed to a helper', rule, {
  valid: [
    {
      name: 'Koa: the context handed to a helper for what it does',
      code: `router.get('/admin', async (ctx) => {
  await getAuthChallenge(ctx);
  ctx.status = 401;
});`,
    },
    {
      name: 'Hono: the context handed to a helper for what it does',
      code: `app.get('/admin', async (c) => {
  await challenge(c);
  return c.text('Unauthorized', 401);
});`,
    },
    {
      name: 'Express: the response handed to a helper for what it does',
      code: `app.get('/admin', (req, res) => {
  applyAuthHeaders(res);
  res.status(401).end();
});`,
    },
  ],
  invalid: [
    {
      name: 'issue: Koa, the context handed to helpers for their values (secretKey)',
      code: `router.post('/webhooks', async (ctx) => {
  const key = await secretKey(ctx);
  const signature = getSignatureFromHeader(ctx);
  if (!verify(ctx.request.rawBody, signature, key)) {
    ctx.status = 401;
    return;
  }
  ctx.status = 204;
});`,
      output: null,
      errors: [
        {
          messageId: 'missingHeader',
          line: 5,
          column: 18,
          suggestions: [],
        },
      ],
    },
    {
      name: 'issue: Koa, getSignatureFromHeader alone',
      code: `router.post('/webhooks', async (ctx) => {
  const signature = getSignatureFromHeader(ctx);
  if (!signature) {
    ctx.status = 401;
    return;
  }
  ctx.status = 204;
});`,
      output: null,
      errors: [
        {
          messageId: 'missingHeader',
          line: 4,
          column: 18,
          suggestions: [],
        },
      ],
    },
    {
      name: 'issue: Hono, resolveFileUploadUserId',
      code: `app.post('/uploads', async (c) => {
  const userId = await resolveFileUploadUserId(c);
  if (!userId) return c.json({ error: 'unauthorized' }, 401);
  return c.json({ userId });
});`,
      output: null,
      errors: [
        {
          messageId: 'missingHeader',
          line: 3,
          column: 57,
          suggestions: [],
        },
      ],
    },
    {
      name: 'issue: Hono, getOptionalSession',
      code: `app.get('/me', async (c) => {
  const session = await getOptionalSession(c);
  if (!session) return c.json({ error: 'unauthorized' }, 401);
  return c.json(session.user);
});`,
      output: null,
      errors: [
        {
          messageId: 'missingHeader',
          line: 3,
          column: 58,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a helper tested for its value',
      code: `router.get('/admin', async (ctx) => {
  if (!(await isAdmin(ctx))) {
    ctx.status = 401;
  }
});`,
      output: null,
      errors: [
        {
          messageId: 'missingHeader',
          line: 3,
          column: 18,
          suggestions: [],
        },
      ],
    },
  ],
});
