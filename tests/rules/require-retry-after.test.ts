/**
 * require-retry-after, table-driven: every framework's 429 site × every way to spell 429
 * (number, each constants library, a local const) must report, with its position and the
 * suggestion's exact output; every way to set `Retry-After` × every spelling must stay
 * silent; headers set after the send report apart; header names in any case and as
 * constants; unknown header sources stay silent; rate limiters' callbacks stay silent.
 * Then both header rules run over the frameworks' own shipped code with the real Linter.
 */
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule, { type MessageIds, type Options } from '../../rules/require-retry-after.js';
import plugin from '../../src/index.js';
import { createRuleTester } from '../rule-tester.js';
import { MARK, place, positionOf } from '../templates.js';

type Invalid = InvalidTestCase<MessageIds, Options>;
type Valid = ValidTestCase<Options>;

/** Where the status goes in a template. */
/** Just before the node a "set after send" report points at. */
const LATE = '‸';
const SECONDS = 'String(RETRY_AFTER_SECONDS)';

interface Spelling {
  readonly name: string;
  readonly text: string;
  /** Lines the spelling needs on top of the file. */
  readonly header: string;
}

/** 429 written every way the engine resolves. */
const SPELLINGS: readonly Spelling[] = [
  { name: 'number', text: '429', header: '' },
  { name: 'http-status-codes', text: 'StatusCodes.TOO_MANY_REQUESTS', header: "import { StatusCodes } from 'http-status-codes';\n" },
  { name: '@nestjs/common', text: 'HttpStatus.TOO_MANY_REQUESTS', header: "import { HttpStatus } from '@nestjs/common';\n" },
  { name: 'http-status', text: 'httpStatus.TOO_MANY_REQUESTS', header: "import httpStatus from 'http-status';\n" },
  { name: 'node:http2', text: 'http2.constants.HTTP_STATUS_TOO_MANY_REQUESTS', header: "import http2 from 'node:http2';\n" },
  { name: 'status-code-enum', text: 'StatusCode.ClientErrorTooManyRequests', header: "import { StatusCode } from 'status-code-enum';\n" },
  { name: 'local const', text: 'TOO_MANY_REQUESTS', header: 'const TOO_MANY_REQUESTS = 429;\n' },
];



interface Missing {
  readonly name: string;
  /** The code, with `§` where the status goes. */
  readonly code: string;
  /** The suggestion's output (with `§`), or undefined where the site offers none. */
  readonly fixed?: string;
  readonly messageId?: 'missingRetryAfter' | 'nestException';
}

/** Every framework's response site answering 429 without `Retry-After`. */
const MISSING: readonly Missing[] = [
  {
    name: 'express status().json()',
    code: `app.get('/a', (req, res) => {\n  res.status(§).json({ error: 'slow down' });\n});`,
    fixed: `app.get('/a', (req, res) => {\n  res.status(§).set('Retry-After', ${SECONDS}).json({ error: 'slow down' });\n});`,
  },
  {
    name: 'express return status().send()',
    code: `app.use((req, res, next) => {\n  if (limited(req)) return res.status(§).send('slow down');\n  next();\n});`,
    fixed: `app.use((req, res, next) => {\n  if (limited(req)) return res.status(§).set('Retry-After', ${SECONDS}).send('slow down');\n  next();\n});`,
  },
  {
    name: 'express sendStatus',
    code: `app.get('/b', (req, res) => {\n  res.sendStatus(§);\n});`,
    fixed: `app.get('/b', (req, res) => {\n  res.set('Retry-After', ${SECONDS}).sendStatus(§);\n});`,
  },
  {
    name: 'express status() statement',
    code: `app.get('/c', (req, res) => {\n  res.status(§);\n  res.end();\n});`,
    fixed: `app.get('/c', (req, res) => {\n  res.status(§).set('Retry-After', ${SECONDS});\n  res.end();\n});`,
  },
  {
    name: 'node statusCode',
    code: `createServer((req, res) => {\n  res.statusCode = §;\n  res.end('slow down');\n});`,
    fixed: `createServer((req, res) => {\n  res.setHeader('Retry-After', ${SECONDS});\n  res.statusCode = §;\n  res.end('slow down');\n});`,
  },
  {
    name: 'node writeHead with headers',
    code: `createServer((req, res) => {\n  res.writeHead(§, { 'Content-Type': 'text/plain' });\n  res.end('slow down');\n});`,
    fixed: `createServer((req, res) => {\n  res.writeHead(§, { 'Content-Type': 'text/plain', 'Retry-After': ${SECONDS} });\n  res.end('slow down');\n});`,
  },
  {
    name: 'node writeHead alone',
    code: `createServer((req, res) => {\n  res.writeHead(§);\n  res.end();\n});`,
    fixed: `createServer((req, res) => {\n  res.writeHead(§, { 'Retry-After': ${SECONDS} });\n  res.end();\n});`,
  },
  {
    name: 'node writeHead with a message',
    code: `createServer((req, res) => {\n  res.writeHead(§, 'Slow Down');\n  res.end();\n});`,
    fixed: `createServer((req, res) => {\n  res.writeHead(§, 'Slow Down', { 'Retry-After': ${SECONDS} });\n  res.end();\n});`,
  },
  {
    name: 'node writeHead with a flat list of other headers',
    code: `createServer((req, res) => {\n  res.writeHead(§, ['Content-Type', 'text/plain']);\n  res.end();\n});`,
  },
  {
    name: 'fastify code().send()',
    code: `fastify.get('/d', async (request, reply) => {\n  return reply.code(§).send({ error: 'slow down' });\n});`,
    fixed: `fastify.get('/d', async (request, reply) => {\n  return reply.code(§).header('Retry-After', ${SECONDS}).send({ error: 'slow down' });\n});`,
  },
  {
    name: 'fastify status().send()',
    code: `fastify.get('/e', async (request, reply) => {\n  reply.status(§).send();\n});`,
    fixed: `fastify.get('/e', async (request, reply) => {\n  reply.status(§).header('Retry-After', ${SECONDS}).send();\n});`,
  },
  {
    name: 'fastify statusCode',
    code: `fastify.get('/f', async (request, reply) => {\n  reply.statusCode = §;\n  return { error: 'slow down' };\n});`,
    fixed: `fastify.get('/f', async (request, reply) => {\n  reply.header('Retry-After', ${SECONDS});\n  reply.statusCode = §;\n  return { error: 'slow down' };\n});`,
  },
  {
    name: 'koa ctx.status',
    code: `router.get('/g', async (ctx) => {\n  ctx.status = §;\n  ctx.body = { error: 'slow down' };\n});`,
    fixed: `router.get('/g', async (ctx) => {\n  ctx.set('Retry-After', ${SECONDS});\n  ctx.status = §;\n  ctx.body = { error: 'slow down' };\n});`,
  },
  {
    name: 'koa ctx.response.status',
    code: `app.use(async (ctx) => {\n  ctx.response.status = §;\n});`,
    fixed: `app.use(async (ctx) => {\n  ctx.response.set('Retry-After', ${SECONDS});\n  ctx.response.status = §;\n});`,
  },
  {
    name: 'koa ctx.throw with a message',
    code: `app.use(async (ctx) => {\n  ctx.throw(§, 'slow down');\n});`,
    fixed: `app.use(async (ctx) => {\n  ctx.throw(§, 'slow down', { headers: { 'Retry-After': ${SECONDS} } });\n});`,
  },
  {
    name: 'koa ctx.throw with props',
    code: `app.use(async (ctx) => {\n  ctx.throw(§, 'slow down', { expose: true });\n});`,
    fixed: `app.use(async (ctx) => {\n  ctx.throw(§, 'slow down', { expose: true, headers: { 'Retry-After': ${SECONDS} } });\n});`,
  },
  {
    name: 'koa ctx.assert',
    code: `app.use(async (ctx) => {\n  ctx.assert(ctx.state.allowed, §, 'slow down');\n});`,
    fixed: `app.use(async (ctx) => {\n  ctx.assert(ctx.state.allowed, §, 'slow down', { headers: { 'Retry-After': ${SECONDS} } });\n});`,
  },
  {
    name: 'hono c.json(x, n)',
    code: `app.get('/h', (c) => {\n  return c.json({ error: 'slow down' }, §);\n});`,
    fixed: `app.get('/h', (c) => {\n  return c.json({ error: 'slow down' }, §, { 'Retry-After': ${SECONDS} });\n});`,
  },
  {
    name: 'hono c.text(x, n, headers)',
    code: `app.get('/i', (c) => c.text('slow down', §, { 'Content-Type': 'text/plain' }));`,
    fixed: `app.get('/i', (c) => c.text('slow down', §, { 'Content-Type': 'text/plain', 'Retry-After': ${SECONDS} }));`,
  },
  {
    name: 'hono c.text(x, init)',
    code: `app.get('/j', (c) => c.text('slow down', { status: § }));`,
    fixed: `app.get('/j', (c) => c.text('slow down', { status: §, headers: { 'Retry-After': ${SECONDS} } }));`,
  },
  {
    name: 'hono c.status() statement',
    code: `app.get('/k', (c) => {\n  c.status(§);\n  return c.text('slow down');\n});`,
    fixed: `app.get('/k', (c) => {\n  c.header('Retry-After', ${SECONDS});\n  c.status(§);\n  return c.text('slow down');\n});`,
  },
  {
    name: 'hono HTTPException',
    code: `import { HTTPException } from 'hono/http-exception';\napp.get('/l', () => {\n  throw new HTTPException(§, { message: 'slow down' });\n});`,
  },
  {
    name: 'fetch new Response',
    code: `export async function GET() {\n  return new Response('slow down', { status: § });\n}`,
    fixed: `export async function GET() {\n  return new Response('slow down', { status: §, headers: { 'Retry-After': ${SECONDS} } });\n}`,
  },
  {
    name: 'fetch Response.json with other headers',
    code: `export async function POST() {\n  return Response.json({ error: 'slow down' }, { status: §, headers: { 'Cache-Control': 'no-store' } });\n}`,
    fixed: `export async function POST() {\n  return Response.json({ error: 'slow down' }, { status: §, headers: { 'Cache-Control': 'no-store', 'Retry-After': ${SECONDS} } });\n}`,
  },
  {
    name: 'next NextResponse.json',
    code: `import { NextResponse } from 'next/server';\nexport async function GET() {\n  return NextResponse.json({ error: 'slow down' }, { status: § });\n}`,
    fixed: `import { NextResponse } from 'next/server';\nexport async function GET() {\n  return NextResponse.json({ error: 'slow down' }, { status: §, headers: { 'Retry-After': ${SECONDS} } });\n}`,
  },
  {
    name: 'next NextResponse kept in a variable',
    code: `import { NextResponse } from 'next/server';\nexport async function GET() {\n  const response = NextResponse.json({ error: 'slow down' }, { status: § });\n  response.headers.set('Cache-Control', 'no-store');\n  return response;\n}`,
    fixed: `import { NextResponse } from 'next/server';\nexport async function GET() {\n  const response = NextResponse.json({ error: 'slow down' }, { status: §, headers: { 'Retry-After': ${SECONDS} } });\n  response.headers.set('Cache-Control', 'no-store');\n  return response;\n}`,
  },
  {
    name: 'remix json(x, init)',
    code: `import { json } from '@remix-run/node';\nexport async function action() {\n  return json({ error: 'slow down' }, { status: § });\n}`,
    fixed: `import { json } from '@remix-run/node';\nexport async function action() {\n  return json({ error: 'slow down' }, { status: §, headers: { 'Retry-After': ${SECONDS} } });\n}`,
  },
  {
    name: 'remix json(x, n)',
    code: `import { json } from '@remix-run/node';\nexport async function loader() {\n  return json({ error: 'slow down' }, §);\n}`,
  },
  {
    name: 'sveltekit json',
    code: `import { json } from '@sveltejs/kit';\nexport async function GET() {\n  return json({ error: 'slow down' }, { status: § });\n}`,
    fixed: `import { json } from '@sveltejs/kit';\nexport async function GET() {\n  return json({ error: 'slow down' }, { status: §, headers: { 'Retry-After': ${SECONDS} } });\n}`,
  },
  {
    name: 'sveltekit error',
    code: `import { error } from '@sveltejs/kit';\nexport async function load() {\n  error(§, 'slow down');\n}`,
  },
  {
    name: 'h3 setResponseStatus',
    code: `import { defineEventHandler, setResponseStatus } from 'h3';\nexport default defineEventHandler((event) => {\n  setResponseStatus(event, §);\n  return 'slow down';\n});`,
  },
  {
    name: 'h3 createError',
    code: `import { createError, defineEventHandler } from 'h3';\nexport default defineEventHandler(() => {\n  throw createError({ statusCode: §, statusMessage: 'Slow Down' });\n});`,
  },
  {
    name: 'h3 HTTPResponse',
    code: `import { HTTPResponse } from 'h3';\nexport default () => new HTTPResponse('slow down', { status: § });`,
    fixed: `import { HTTPResponse } from 'h3';\nexport default () => new HTTPResponse('slow down', { status: §, headers: { 'Retry-After': ${SECONDS} } });`,
  },
  {
    name: 'h3 event.res.status',
    code: `export default defineHandler((event) => {\n  event.res.status = §;\n  return 'slow down';\n});`,
    fixed: `export default defineHandler((event) => {\n  event.res.headers.set('Retry-After', ${SECONDS});\n  event.res.status = §;\n  return 'slow down';\n});`,
  },
  {
    name: 'http-errors createError(n)',
    code: `import createError from 'http-errors';\napp.use((req, res, next) => {\n  next(createError(§));\n});`,
    fixed: `import createError from 'http-errors';\napp.use((req, res, next) => {\n  next(createError(§, { headers: { 'Retry-After': ${SECONDS} } }));\n});`,
  },
  {
    name: 'http-errors createError(n, msg, props)',
    code: `import createError from 'http-errors';\nexport function check() {\n  throw createError(§, 'slow down', { expose: true });\n}`,
    fixed: `import createError from 'http-errors';\nexport function check() {\n  throw createError(§, 'slow down', { expose: true, headers: { 'Retry-After': ${SECONDS} } });\n}`,
  },
  {
    name: 'lambda result',
    code: `export const handler = async () => {\n  return { statusCode: §, body: JSON.stringify({ error: 'slow down' }) };\n};`,
    fixed: `export const handler = async () => {\n  return { statusCode: §, body: JSON.stringify({ error: 'slow down' }), headers: { 'Retry-After': ${SECONDS} } };\n};`,
  },
  {
    name: 'lambda result with other headers',
    code: `export const handler = async () => ({\n  statusCode: §,\n  headers: { 'Content-Type': 'application/json' },\n  body: '{}',\n});`,
    fixed: `export const handler = async () => ({\n  statusCode: §,\n  headers: { 'Content-Type': 'application/json', 'Retry-After': ${SECONDS} },\n  body: '{}',\n});`,
  },
  {
    name: 'nest @HttpCode',
    code: `import { Controller, Get, HttpCode } from '@nestjs/common';\n@Controller('a')\nexport class A {\n  @Get()\n  @HttpCode(§)\n  list() {\n    return [];\n  }\n}`,
  },
  {
    name: 'nest HttpException',
    code: `import { Controller, Get, HttpException } from '@nestjs/common';\n@Controller('b')\nexport class B {\n  @Get()\n  list() {\n    throw new HttpException('slow down', §);\n  }\n}`,
    messageId: 'nestException',
  },
  {
    name: 'node:http2 stream.respond',
    code: `server.on('stream', (stream) => {\n  stream.respond({ ':status': § });\n  stream.end();\n});`,
    fixed: `server.on('stream', (stream) => {\n  stream.respond({ ':status': §, 'Retry-After': ${SECONDS} });\n  stream.end();\n});`,
  },
  {
    name: 'elysia set.status',
    code: `new Elysia().get('/', ({ set }) => {\n  set.status = §;\n  return 'slow down';\n});`,
    fixed: `new Elysia().get('/', ({ set }) => {\n  set.headers['Retry-After'] = ${SECONDS};\n  set.status = §;\n  return 'slow down';\n});`,
  },
  {
    name: 'hapi h.response().code()',
    code: `server.route({ method: 'GET', path: '/', handler: (request, h) => h.response('slow down').code(§) });`,
    fixed: `server.route({ method: 'GET', path: '/', handler: (request, h) => h.response('slow down').code(§).header('Retry-After', ${SECONDS}) });`,
  },
  {
    name: 'a header set in the other branch',
    code: `app.get('/m', (req, res) => {\n  if (soft) {\n    res.set('Retry-After', '60');\n  } else {\n    res.status(§).end();\n  }\n});`,
    fixed: `app.get('/m', (req, res) => {\n  if (soft) {\n    res.set('Retry-After', '60');\n  } else {\n    res.status(§).set('Retry-After', ${SECONDS}).end();\n  }\n});`,
  },
  {
    name: 'a header set after an early return',
    code: `app.get('/n', (req, res) => {\n  if (limited) {\n    return res.status(§).end();\n  }\n  res.set('Retry-After', '60');\n  res.json({});\n});`,
    fixed: `app.get('/n', (req, res) => {\n  if (limited) {\n    return res.status(§).set('Retry-After', ${SECONDS}).end();\n  }\n  res.set('Retry-After', '60');\n  res.json({});\n});`,
  },
  {
    name: 'a header after a return is never set',
    code: `app.get('/r', (req, res) => {\n  res.status(§).send();\n  return;\n  res.set('Retry-After', '60');\n});`,
    fixed: `app.get('/r', (req, res) => {\n  res.status(§).set('Retry-After', ${SECONDS}).send();\n  return;\n  res.set('Retry-After', '60');\n});`,
  },
  {
    name: 'a header in another switch case',
    code: `app.get('/s', (req, res) => {\n  switch (req.query.mode) {\n    case 'soft':\n      res.set('Retry-After', '60');\n      break;\n    default:\n      res.status(§).end();\n  }\n});`,
    fixed: `app.get('/s', (req, res) => {\n  switch (req.query.mode) {\n    case 'soft':\n      res.set('Retry-After', '60');\n      break;\n    default:\n      res.status(§).set('Retry-After', ${SECONDS}).end();\n  }\n});`,
  },
  {
    name: 'another header only',
    code: `app.get('/o', (req, res) => {\n  res.set({ 'X-RateLimit-Remaining': '0' });\n  res.status(§).end();\n});`,
    fixed: `app.get('/o', (req, res) => {\n  res.set({ 'X-RateLimit-Remaining': '0' });\n  res.status(§).set('Retry-After', ${SECONDS}).end();\n});`,
  },
  {
    name: 'a cookie, not a header',
    code: `router.get('/p', async (ctx) => {\n  ctx.cookies.set('Retry-After', '60');\n  ctx.status = §;\n});`,
    fixed: `router.get('/p', async (ctx) => {\n  ctx.cookies.set('Retry-After', '60');\n  ctx.set('Retry-After', ${SECONDS});\n  ctx.status = §;\n});`,
  },
  {
    name: "hono's c.set is a context variable",
    code: `app.get('/q', (c) => {\n  c.set('Retry-After', '60');\n  return c.json({}, §);\n});`,
    fixed: `app.get('/q', (c) => {\n  c.set('Retry-After', '60');\n  return c.json({}, §, { 'Retry-After': ${SECONDS} });\n});`,
  },
  {
    name: 'an empty Headers',
    code: `export function GET() {\n  const headers = new Headers();\n  return new Response(null, { status: §, headers });\n}`,
  },
  {
    name: 'a rate-limit-like property outside a rate limiter',
    code: `export const routes = { handler: (req, res) => res.status(§).json({}) };`,
    fixed: `export const routes = { handler: (req, res) => res.status(§).set('Retry-After', ${SECONDS}).json({}) };`,
  },
];

function missingCase(template: Missing, spelling: Spelling): Invalid {
  const source = spelling.header + template.code;
  const messageId = template.messageId ?? 'missingRetryAfter';
  return {
    name: `${template.name} (${spelling.name})`,
    code: place(source, spelling.text),
    errors: [
      {
        messageId,
        ...positionOf(source, MARK),
        suggestions: template.fixed ? [{ messageId: 'suggestRetryAfter', output: place(spelling.header + template.fixed, spelling.text) }] : [],
      },
    ],
    output: null,
  };
}

/** Every way to set `Retry-After` on the same response: must stay silent with every spelling of 429. */
const SET_WAYS: readonly (readonly [string, string])[] = [
  ['express chain after status', `app.get('/', (req, res) => res.status(§).set('Retry-After', '60').json({}));`],
  ['express chain before status', `app.get('/', (req, res) => res.set('Retry-After', '60').status(§).json({}));`],
  ['express header()', `app.get('/', (req, res) => {\n  res.header('Retry-After', '60');\n  res.status(§).end();\n});`],
  ['express setHeader()', `app.get('/', (req, res) => {\n  res.setHeader('Retry-After', '60');\n  res.status(§).end();\n});`],
  ['express append()', `app.get('/', (req, res) => {\n  res.append('Retry-After', '60');\n  res.sendStatus(§);\n});`],
  ['express set({...})', `app.get('/', (req, res) => {\n  res.set({ 'Retry-After': '60', 'X-RateLimit-Limit': '100' });\n  res.status(§).send('slow down');\n});`],
  ['express header({...})', `app.get('/', (req, res) => {\n  res.header({ 'retry-after': '60' });\n  return res.status(§).json({});\n});`],
  ['express set between status and send', `app.get('/', (req, res) => {\n  res.status(§);\n  res.set('Retry-After', '60');\n  res.send('slow down');\n});`],
  ['express set before an early return', `app.use((req, res, next) => {\n  res.set('Retry-After', '60');\n  if (limited) {\n    return res.status(§).json({});\n  }\n  next();\n});`],
  ['express set in a middleware that then answers', `app.use((req, res, next) => {\n  if (!limited) return next();\n  res.setHeader('Retry-After', 60);\n  res.status(§).json({ error: 'slow down' });\n});`],
  ['express set outside the callback that answers', `app.get('/', (req, res) => {\n  limiter.consume(req.ip).catch(() => {\n    res.status(§).send('slow down');\n  });\n  res.set('Retry-After', '60');\n});`],
  ['express set in try, answered in catch', `app.get('/', async (req, res) => {\n  try {\n    res.set('Retry-After', '60');\n    await limiter.consume(req.ip);\n  } catch {\n    return res.status(§).end();\n  }\n  res.json({});\n});`],
  ['node writeHead headers', `createServer((req, res) => {\n  res.writeHead(§, { 'Retry-After': '60' });\n  res.end();\n});`],
  ['node writeHead message and headers', `createServer((req, res) => {\n  res.writeHead(§, 'Slow Down', { 'retry-after': '60' });\n  res.end();\n});`],
  ['node writeHead flat list', `createServer((req, res) => {\n  res.writeHead(§, ['Retry-After', '60', 'Content-Type', 'text/plain']);\n  res.end();\n});`],
  ['node writeHead pairs', `createServer((req, res) => {\n  res.writeHead(§, [['Retry-After', '60']]);\n  res.end();\n});`],
  ['node setHeader then writeHead', `createServer((req, res) => {\n  res.setHeader('Retry-After', '60');\n  res.writeHead(§);\n  res.end();\n});`],
  ['node statusCode then setHeader', `createServer((req, res) => {\n  res.statusCode = §;\n  res.setHeader('Retry-After', '60');\n  res.end();\n});`],
  ['node appendHeader', `createServer((req, res) => {\n  res.appendHeader('Retry-After', '60');\n  res.statusCode = §;\n  res.end();\n});`],
  ['node setHeaders(Headers)', `createServer((req, res) => {\n  res.setHeaders(new Headers({ 'Retry-After': '60' }));\n  res.statusCode = §;\n  res.end();\n});`],
  ['node setHeaders(Map)', `createServer((req, res) => {\n  res.setHeaders(new Map([['Retry-After', '60']]));\n  res.statusCode = §;\n  res.end();\n});`],
  ['fastify chain', `fastify.get('/', async (request, reply) => reply.code(§).header('Retry-After', 60).send());`],
  ['fastify header() first', `fastify.get('/', async (request, reply) => {\n  reply.header('retry-after', 60);\n  return reply.code(§).send();\n});`],
  ['fastify headers({...})', `fastify.get('/', async (request, reply) => {\n  reply.headers({ 'Retry-After': 60 });\n  return reply.status(§).send();\n});`],
  ['fastify raw.setHeader', `fastify.get('/', async (request, reply) => {\n  reply.raw.setHeader('Retry-After', 60);\n  return reply.code(§).send();\n});`],
  ['fastify statusCode then header', `fastify.get('/', async (request, reply) => {\n  reply.statusCode = §;\n  reply.header('Retry-After', 60);\n  return { error: 'slow down' };\n});`],
  ['koa set first', `router.get('/', async (ctx) => {\n  ctx.set('Retry-After', '60');\n  ctx.status = §;\n});`],
  ['koa set after', `router.get('/', async (ctx) => {\n  ctx.status = §;\n  ctx.set('Retry-After', '60');\n  ctx.body = { error: 'slow down' };\n});`],
  ['koa append', `router.get('/', async (ctx) => {\n  ctx.append('Retry-After', '60');\n  ctx.status = §;\n});`],
  ['koa response.set', `router.get('/', async (ctx) => {\n  ctx.response.set('Retry-After', '60');\n  ctx.response.status = §;\n});`],
  ['koa set({...})', `router.get('/', async (ctx) => {\n  ctx.set({ 'Retry-After': '60' });\n  ctx.status = §;\n});`],
  ['koa res.setHeader', `router.get('/', async (ctx) => {\n  ctx.res.setHeader('Retry-After', '60');\n  ctx.status = §;\n});`],
  ['koa throw with headers', `router.get('/', async (ctx) => {\n  ctx.throw(§, 'slow down', { headers: { 'Retry-After': '60' } });\n});`],
  ['koa throw with props only', `router.get('/', async (ctx) => {\n  ctx.throw(§, { headers: { 'retry-after': '60' } });\n});`],
  ['koa assert with headers', `router.get('/', async (ctx) => {\n  ctx.assert(ctx.state.ok, §, 'slow down', { headers: { 'Retry-After': '60' } });\n});`],
  ['hono header first', `app.get('/', (c) => {\n  c.header('Retry-After', '60');\n  return c.json({}, §);\n});`],
  ['hono helper headers', `app.get('/', (c) => c.json({}, §, { 'Retry-After': '60' }));`],
  ['hono init headers', `app.get('/', (c) => c.text('slow down', { status: §, headers: { 'Retry-After': '60' } }));`],
  ['hono status then header', `app.get('/', (c) => {\n  c.status(§);\n  c.header('Retry-After', '60');\n  return c.text('slow down');\n});`],
  ['hono header before HTTPException', `import { HTTPException } from 'hono/http-exception';\napp.get('/', (c) => {\n  c.header('Retry-After', '60');\n  throw new HTTPException(§, { message: 'slow down' });\n});`],
  ['hono HTTPException res', `import { HTTPException } from 'hono/http-exception';\napp.get('/', () => {\n  throw new HTTPException(§, { res: new Response('slow down', { headers: { 'Retry-After': '60' } }) });\n});`],
  ['fetch init headers object', `export const GET = () => new Response('slow down', { status: §, headers: { 'Retry-After': '60' } });`],
  ['fetch init headers pairs', `export const GET = () => new Response('slow down', { status: §, headers: [['Retry-After', '60']] });`],
  ['fetch init new Headers', `export const GET = () => new Response('slow down', { status: §, headers: new Headers({ 'Retry-After': '60' }) });`],
  ['fetch Headers variable', `export function GET() {\n  const headers = new Headers();\n  headers.set('Retry-After', '60');\n  return new Response('slow down', { status: §, headers });\n}`],
  ['fetch object variable', `export function GET() {\n  const headers = { 'Retry-After': '60' };\n  return Response.json({}, { status: §, headers });\n}`],
  ['fetch object variable written later', `export function GET() {\n  const headers = {};\n  headers['Retry-After'] = '60';\n  return Response.json({}, { status: §, headers });\n}`],
  ['fetch init variable', `export function GET() {\n  const init = { status: §, headers: { 'Retry-After': '60' } };\n  return new Response(null, init);\n}`],
  ['fetch response headers set later', `export function GET() {\n  const response = new Response('slow down', { status: § });\n  response.headers.set('Retry-After', '60');\n  return response;\n}`],
  ['next response headers append', `import { NextResponse } from 'next/server';\nexport async function GET() {\n  const response = NextResponse.json({}, { status: § });\n  response.headers.append('Retry-After', '60');\n  return response;\n}`],
  ['remix json init headers', `import { json } from '@remix-run/node';\nexport const action = () => json({}, { status: §, headers: { 'Retry-After': '60' } });`],
  ['sveltekit json headers', `import { json } from '@sveltejs/kit';\nexport const GET = () => json({}, { status: §, headers: { 'Retry-After': '60' } });`],
  ['sveltekit setHeaders then error', `import { error } from '@sveltejs/kit';\nexport function load({ setHeaders }) {\n  setHeaders({ 'Retry-After': '60' });\n  error(§, 'slow down');\n}`],
  ['sveltekit event.setHeaders then error', `import { error } from '@sveltejs/kit';\nexport function load(event) {\n  event.setHeaders({ 'retry-after': '60' });\n  error(§, 'slow down');\n}`],
  ['h3 setResponseHeader then status', `import { defineEventHandler, setResponseHeader, setResponseStatus } from 'h3';\nexport default defineEventHandler((event) => {\n  setResponseHeader(event, 'Retry-After', '60');\n  setResponseStatus(event, §);\n  return 'slow down';\n});`],
  ['h3 status then setResponseHeaders', `import { defineEventHandler, setResponseHeaders, setResponseStatus } from 'h3';\nexport default defineEventHandler((event) => {\n  setResponseStatus(event, §);\n  setResponseHeaders(event, { 'Retry-After': '60' });\n  return 'slow down';\n});`],
  ['h3 appendResponseHeader then createError', `import { appendResponseHeader, createError, defineEventHandler } from 'h3';\nexport default defineEventHandler((event) => {\n  appendResponseHeader(event, 'Retry-After', '60');\n  throw createError({ statusCode: § });\n});`],
  ['h3 HTTPError headers', `import { HTTPError } from 'h3';\nexport default () => {\n  throw new HTTPError({ status: §, headers: { 'Retry-After': '60' } });\n};`],
  ['h3 event.res.headers', `export default defineHandler((event) => {\n  event.res.headers.set('Retry-After', '60');\n  event.res.status = §;\n  return 'slow down';\n});`],
  ['http-errors props headers', `import createError from 'http-errors';\napp.use((req, res, next) => next(createError(§, 'slow down', { headers: { 'Retry-After': '60' } })));`],
  ['http-errors after res.set', `import createError from 'http-errors';\napp.use((req, res, next) => {\n  res.set('Retry-After', '60');\n  next(createError(§));\n});`],
  ['error object with headers', `app.use((req, res, next) => {\n  const err = new Error('slow down');\n  err.status = §;\n  err.headers = { 'Retry-After': '60' };\n  next(err);\n});`],
  ['lambda headers', `export const handler = async () => ({ statusCode: §, headers: { 'Retry-After': '60' }, body: '' });`],
  ['lambda multiValueHeaders', `export const handler = async () => ({ statusCode: §, multiValueHeaders: { 'Retry-After': ['60'] }, body: '' });`],
  ['lambda spread of a known object', `const RATE_HEADERS = { 'Retry-After': '60' };\nexport const handler = async () => ({ statusCode: §, headers: { ...RATE_HEADERS }, body: '' });`],
  ['nest @Header with @HttpCode', `import { Controller, Get, Header, HttpCode } from '@nestjs/common';\n@Controller()\nexport class A {\n  @Get()\n  @HttpCode(§)\n  @Header('Retry-After', '60')\n  list() {\n    return [];\n  }\n}`],
  ['nest @Header with HttpException', `import { Controller, Get, Header, HttpException } from '@nestjs/common';\n@Controller()\nexport class A {\n  @Get()\n  @Header('Retry-After', '60')\n  list() {\n    throw new HttpException('slow down', §);\n  }\n}`],
  ['nest @Res passthrough', `import { Controller, Get, HttpCode, Res } from '@nestjs/common';\n@Controller()\nexport class A {\n  @Get()\n  @HttpCode(§)\n  list(@Res({ passthrough: true }) res) {\n    res.header('Retry-After', '60');\n    return [];\n  }\n}`],
  ['node:http2 respond', `server.on('stream', (stream) => {\n  stream.respond({ ':status': §, 'retry-after': '60' });\n  stream.end();\n});`],
  ['elysia set.headers', `new Elysia().get('/', ({ set }) => {\n  set.status = §;\n  set.headers['retry-after'] = '60';\n  return 'slow down';\n});`],
  ['hapi header', `server.route({ method: 'GET', path: '/', handler: (request, h) => h.response('slow down').code(§).header('Retry-After', '60') });`],
];

/** Headers we cannot see, and callbacks a rate limiter calls after setting `Retry-After`: silent with every spelling. */
const OUT_OF_SIGHT: readonly (readonly [string, string])[] = [
  ['headers object from a parameter', `app.use((req, res) => {\n  res.set(req.app.locals.limits);\n  res.status(§).end();\n});`],
  ['headers from a call', `app.use((req, res) => {\n  res.set(buildHeaders(req));\n  res.status(§).end();\n});`],
  ['headers spread from elsewhere', `app.use((req, res) => {\n  res.set({ ...rateLimitHeaders });\n  res.status(§).end();\n});`],
  ['response handed to a helper', `app.use((req, res) => {\n  applyRateLimitHeaders(res);\n  res.status(§).end();\n});`],
  ['header name from a variable', `app.use((req, res) => {\n  res.setHeader(headerName, '60');\n  res.status(§).end();\n});`],
  ['helper whose caller may set headers', `function tooMany(res) {\n  res.status(§).json({ error: 'slow down' });\n}\napp.use((req, res) => {\n  res.set('Retry-After', '60');\n  tooMany(res);\n});`],
  ['writeHead headers from a parameter', `export function reject(res, headers) {\n  res.writeHead(§, headers);\n  res.end();\n}`],
  ['fetch headers from a parameter', `export const GET = (init) => new Response('slow down', { status: §, headers: init.headers });`],
  ['fetch headers from a call', `export const GET = () => new Response('slow down', { status: §, headers: makeHeaders() });`],
  ['fetch init spread', `export const GET = (init) => new Response('slow down', { ...init, status: § });`],
  ['fetch response handed on', `export function GET() {\n  const response = new Response('slow down', { status: § });\n  decorate(response);\n  return response;\n}`],
  ['fetch Headers variable handed on', `export function GET() {\n  const headers = new Headers();\n  addRateLimit(headers);\n  return new Response('slow down', { status: §, headers });\n}`],
  ['lambda headers from a parameter', `export const handler = async (event, headers) => ({ statusCode: §, headers, body: '' });`],
  ['lambda spread from a parameter', `export const handler = async (event, base) => ({ ...base, statusCode: §, body: '' });`],
  ['koa throw with an error', `router.get('/', async (ctx) => {\n  try {\n    await limiter.consume(ctx.ip);\n  } catch (err) {\n    ctx.throw(§, err);\n  }\n});`],
  ['http-errors with an error', `import createError from 'http-errors';\napp.use((req, res, next) => limiter.consume(req.ip).catch((error) => next(createError(§, error))));`],
  ['hono helper headers from a parameter', `export const reject = (c, headers) => c.json({}, §, headers);`],
  ['hono HTTPException with a response', `import { HTTPException } from 'hono/http-exception';\nexport function reject(res) {\n  throw new HTTPException(§, { res });\n}`],
  ['h3 createError with a cause', `import { createError } from 'h3';\nexport function reject(cause) {\n  throw createError({ statusCode: §, cause });\n}`],
  ['nest @Header name from a variable', `import { Controller, Get, Header, HttpCode } from '@nestjs/common';\n@Controller()\nexport class A {\n  @Get()\n  @HttpCode(§)\n  @Header(RETRY, '60')\n  list() {}\n}`],
  ['express-rate-limit handler', `import rateLimit from 'express-rate-limit';\napp.use(rateLimit({ windowMs: 60_000, limit: 100, handler: (req, res) => res.status(§).json({ error: 'slow down' }) }));`],
  ['express-rate-limit handler as a const', `import { rateLimit } from 'express-rate-limit';\nconst onLimit = (req, res) => {\n  res.status(§).json({ error: 'slow down' });\n};\napp.use(rateLimit({ handler: onLimit }));`],
  ['express-rate-limit handler in an options const', `import rateLimit from 'express-rate-limit';\nconst options = { handler(req, res) {\n  res.status(§).send('slow down');\n} };\napp.use(rateLimit(options));`],
  ['hono-rate-limiter handler', `import { rateLimiter } from 'hono-rate-limiter';\napp.use(rateLimiter({ windowMs: 60_000, limit: 100, keyGenerator: (c) => c.req.header('x-key') ?? '', handler: (c) => c.text('slow down', §) }));`],
  ['@fastify/rate-limit errorResponseBuilder', `await fastify.register(import('@fastify/rate-limit'), {\n  max: 100,\n  errorResponseBuilder: (request, context) => ({ statusCode: §, error: 'Too Many Requests', body: context.after }),\n});`],
  ['@fastify/rate-limit errorResponseBuilder in route config', `fastify.get('/', { config: { rateLimit: { errorResponseBuilder(request, context) {\n  return { statusCode: §, body: 'slow down' };\n} } } }, handler);`],
  ['@nestjs/throttler guard', `import { HttpException } from '@nestjs/common';\nimport { ThrottlerGuard } from '@nestjs/throttler';\nexport class Guard extends ThrottlerGuard {\n  protected async throwThrottlingException() {\n    throw new HttpException('slow down', §);\n  }\n}`],
];

function validCases(ways: readonly (readonly [string, string])[]): Valid[] {
  return ways.flatMap(([name, code]) => SPELLINGS.map((spelling) => ({ name: `${name} (${spelling.name})`, code: place(spelling.header + code, spelling.text) })));
}

/** `Retry-After` spelled every way a name resolves: literals in any case, consts, node:http2 constants. */
const NAMES: readonly { readonly name: string; readonly text: string; readonly header: string }[] = [
  { name: 'lower case', text: "'retry-after'", header: '' },
  { name: 'upper case', text: "'RETRY-AFTER'", header: '' },
  { name: 'mixed case', text: "'Retry-after'", header: '' },
  { name: 'template literal', text: '`Retry-After`', header: '' },
  { name: 'local const', text: 'RETRY_AFTER', header: "const RETRY_AFTER = 'Retry-After';\n" },
  { name: 'local table', text: 'HEADERS.RETRY_AFTER', header: "const HEADERS = { RETRY_AFTER: 'Retry-After' } as const;\n" },
  { name: 'http2 constants', text: 'constants.HTTP2_HEADER_RETRY_AFTER', header: "import { constants } from 'node:http2';\n" },
  { name: 'http2 namespace', text: 'http2.constants.HTTP2_HEADER_RETRY_AFTER', header: "import * as http2 from 'http2';\n" },
  { name: 'http2 destructured', text: 'HTTP2_HEADER_RETRY_AFTER', header: "import http2 from 'node:http2';\nconst { HTTP2_HEADER_RETRY_AFTER } = http2.constants;\n" },
];

const NAME_SITES: readonly (readonly [string, string])[] = [
  ['express set', `app.get('/', (req, res) => {\n  res.set(NAME, '60');\n  res.status(429).end();\n});`],
  ['node setHeader', `createServer((req, res) => {\n  res.setHeader(NAME, '60');\n  res.statusCode = 429;\n  res.end();\n});`],
  ['fastify header', `fastify.get('/', async (request, reply) => reply.code(429).header(NAME, 60).send());`],
  ['koa set', `router.get('/', async (ctx) => {\n  ctx.set(NAME, '60');\n  ctx.status = 429;\n});`],
  ['hono header', `app.get('/', (c) => {\n  c.header(NAME, '60');\n  return c.json({}, 429);\n});`],
  ['fetch computed key', `export const GET = () => new Response(null, { status: 429, headers: { [NAME]: '60' } });`],
  ['fetch Headers.set', `export function GET() {\n  const headers = new Headers();\n  headers.set(NAME, '60');\n  return new Response(null, { status: 429, headers });\n}`],
  ['h3 setResponseHeader', `export default defineEventHandler((event) => {\n  setResponseHeader(event, NAME, '60');\n  setResponseStatus(event, 429);\n});`],
];

/** Not a 429 response: other statuses, comparisons, assertions, mocks, documentation, unresolved statuses, odd syntax. */
const NOT_A_429_RESPONSE: readonly string[] = [
  `app.get('/', (req, res) => res.status(428).json({}));`,
  `app.get('/', (req, res) => res.status(430).json({}));`,
  `app.get('/', (req, res) => res.status(503).json({}));`,
  `app.get('/', (req, res) => res.status(status).json({}));`,
  `app.get('/', (req, res) => res.status(err.status ?? 500).json({}));`,
  `if (response.status === 429) retry();`,
  `switch (res.statusCode) { case 429: break; }`,
  `expect(response.status).toBe(429);`,
  `await request(app).get('/').expect(429);`,
  `nock('https://api.test').get('/').reply(429);`,
  `import { http, HttpResponse } from 'msw';\nexport const handlers = [http.get('/api', () => HttpResponse.json({}, { status: 429 }))];`,
  `import { ApiResponse } from '@nestjs/swagger';\nexport class A {\n  @ApiResponse({ status: 429, description: 'Too many requests' })\n  list() {}\n}`,
  `import { fail } from '@sveltejs/kit';\nexport const actions = { default: () => fail(429, { error: 'slow down' }) };`,
  `const limits = { status: 429 };`,
  `cache.set('status', 429);`,
  `console.log(429);`,
  `app.get('/', (req, res) => res[method](429));`,
  `app.get('/', (req, res) => res?.status(429n));`,
  `app.get('/', (req, res) => res.status(...codes).json({}));`,
  `export const handler = () => ({ statusCode: 429 });`,
];

const late = (name: string, code: string, options?: Options): Invalid => {
  const clean = code.replace(LATE, '');
  return {
    name,
    code: clean,
    ...(options ? { options } : {}),
    errors: [{ messageId: 'retryAfterAfterSend', ...positionOf(code, LATE), suggestions: [] }],
    output: null,
  };
};

/** `Retry-After` set after the response was sent: reported where it is set. */
const LATE_CASES: readonly Invalid[] = [
  late('express set after json()', `app.get('/', (req, res) => {\n  res.status(429).json({});\n  ‸res.set('Retry-After', '60');\n});`),
  late('express chained after send()', `app.get('/', (req, res) => {\n  ‸res.status(429).send('slow down').set('Retry-After', '60');\n});`),
  late('express set after sendStatus()', `app.get('/', (req, res) => {\n  res.sendStatus(429);\n  ‸res.header('retry-after', '60');\n});`),
  late('express set after send() in a later if', `app.get('/', (req, res) => {\n  res.status(429).send();\n  if (retry) {\n    ‸res.set('Retry-After', '60');\n  }\n});`),
  late('express status, send, then set', `app.get('/', (req, res) => {\n  res.status(429);\n  res.end();\n  ‸res.setHeader('Retry-After', '60');\n});`),
  late('node writeHead then setHeader', `createServer((req, res) => {\n  res.writeHead(429);\n  ‸res.setHeader('Retry-After', '60');\n  res.end();\n});`),
  late('node statusCode, end, setHeader', `createServer((req, res) => {\n  res.statusCode = 429;\n  res.end();\n  ‸res.setHeader('RETRY-AFTER', 60);\n});`),
  late('fastify header after send()', `fastify.get('/', async (request, reply) => {\n  reply.code(429).send();\n  ‸reply.header('Retry-After', 60);\n});`),
  late('fastify headers() after send()', `fastify.get('/', async (request, reply) => {\n  await reply.status(429).send({});\n  ‸reply.headers({ 'Retry-After': 60 });\n});`),
  late('hono header after the response is made', `app.get('/', (c) => {\n  const response = c.json({}, 429);\n  ‸c.header('Retry-After', '60');\n  return response;\n});`),
  late('koa set after ctx.throw()', `router.get('/', async (ctx) => {\n  ctx.throw(429);\n  ‸ctx.set('Retry-After', '60');\n});`),
  late('h3 after send()', `export default defineEventHandler(async (event) => {\n  setResponseStatus(event, 429);\n  await send(event, 'slow down');\n  ‸setResponseHeader(event, 'Retry-After', '60');\n});`),
  late('constant name after send()', `import { constants } from 'node:http2';\napp.get('/', (req, res) => {\n  res.status(429).end();\n  ‸res.set(constants.HTTP2_HEADER_RETRY_AFTER, '60');\n});`),
  late('503 with the statuses option', `app.get('/', (req, res) => {\n  res.status(503).end();\n  ‸res.set('Retry-After', '3600');\n});`, [{ statuses: [429, 503] }]),
];

const ruleTester = createRuleTester();

ruleTester.run('require-retry-after', rule, {
  valid: [
    ...validCases(SET_WAYS),
    ...validCases(OUT_OF_SIGHT),
    ...NAMES.flatMap((spelling) => NAME_SITES.map(([site, code]) => ({ name: `${site} with ${spelling.name}`, code: spelling.header + code.replace('NAME', spelling.text) }))),
    ...NOT_A_429_RESPONSE,
    { name: '503 is not in the default statuses', code: `app.get('/', (req, res) => res.status(503).json({}));` },
    { name: '429 taken out of statuses', code: `app.get('/', (req, res) => res.status(429).json({}));`, options: [{ statuses: [503] }] },
    {
      name: 'a callback of your own limiter',
      code: `import limiter from 'my-limiter';\napp.use(limiter({ onLimit: (req, res) => res.status(429).end() }));`,
      options: [{ ignoreCallbacks: [{ property: 'onLimit', module: 'my-limiter' }] }],
    },
    {
      name: 'a module-less callback of your own',
      code: `export const config = { reject: (req, res) => res.status(429).end() };`,
      options: [{ ignoreCallbacks: [{ property: 'reject' }] }],
    },
    {
      name: 'Retry-After set on 503 with the statuses option',
      code: `app.get('/', (req, res) => res.status(503).set('Retry-After', '3600').end());`,
      options: [{ statuses: [429, 503] }],
    },
  ],
  invalid: [
    ...MISSING.flatMap((template) => SPELLINGS.map((spelling) => missingCase(template, spelling))),
    ...LATE_CASES,
    {
      name: '503 with the statuses option',
      code: `app.get('/', (req, res) => res.status(503).json({}));`,
      options: [{ statuses: [429, 503] }],
      errors: [
        {
          messageId: 'missingRetryAfter',
          line: 1,
          column: 39,
          data: { code: 503, phrase: 'Service Unavailable', rfc: 'RFC 9110 §15.6.4' },
          suggestions: [{ messageId: 'suggestRetryAfter', output: `app.get('/', (req, res) => res.status(503).set('Retry-After', ${SECONDS}).json({}));` }],
        },
      ],
      output: null,
    },
    {
      name: 'one report for an HttpException with the status twice',
      code: `import { HttpException } from '@nestjs/common';\nexport function limit() {\n  throw new HttpException({ statusCode: 429, message: 'slow down' }, 429);\n}`,
      errors: [{ messageId: 'nestException', line: 3, column: 70, suggestions: [] }],
      output: null,
    },
    {
      name: 'the message names the status and the RFC',
      code: `app.get('/', (req, res) => res.sendStatus(429));`,
      errors: [
        {
          messageId: 'missingRetryAfter',
          line: 1,
          column: 43,
          data: { code: 429, phrase: 'Too Many Requests', rfc: 'RFC 6585 §4' },
          suggestions: [{ messageId: 'suggestRetryAfter', output: `app.get('/', (req, res) => res.set('Retry-After', ${SECONDS}).sendStatus(429));` }],
        },
      ],
      output: null,
    },
    {
      name: 'a callback of another module is not a rate limiter',
      code: `import limiter from 'other-limiter';\napp.use(limiter({ handler: (req, res) => res.status(429).end() }));`,
      errors: [
        {
          messageId: 'missingRetryAfter',
          line: 2,
          column: 53,
          suggestions: [
            { messageId: 'suggestRetryAfter', output: `import limiter from 'other-limiter';\napp.use(limiter({ handler: (req, res) => res.status(429).set('Retry-After', ${SECONDS}).end() }));` },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'two sites, one set in time and one not',
      code: `app.get('/', (req, res) => {\n  if (a) return res.status(429).set('Retry-After', '1').end();\n  return res.status(429).end();\n});`,
      errors: [
        {
          messageId: 'missingRetryAfter',
          line: 3,
          column: 21,
          suggestions: [
            {
              messageId: 'suggestRetryAfter',
              output: `app.get('/', (req, res) => {\n  if (a) return res.status(429).set('Retry-After', '1').end();\n  return res.status(429).set('Retry-After', ${SECONDS}).end();\n});`,
            },
          ],
        },
      ],
      output: null,
    },
  ],
});

// Declarations: `@ApiResponse({ status: 429 })` documents a response and is none.
ruleTester.run('require-retry-after: declarations are not responses', rule, {
  valid: [
    {
      name: 'nest @ApiResponse 429 alone',
      code: `import { Controller, Get } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
@Controller('search')
export class SearchController {
  @Get()
  @ApiResponse({ status: 429, description: 'Too many searches.' })
  find() {}
}`,
    },
    {
      name: 'nest @ApiResponse 429 under another name',
      code: `import { Controller, Get } from '@nestjs/common';
import { ApiResponse as Doc } from '@nestjs/swagger';
@Controller('search')
export class SearchController {
  @Get()
  @Doc({ status: 429, description: 'Too many searches.' })
  find() {}
}`,
    },
  ],
  invalid: [
    {
      name: 'nest @HttpCode 429 with its @ApiResponse: reported at @HttpCode only',
      code: `import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiResponse as Doc } from '@nestjs/swagger';
@Controller('search')
export class SearchController {
  @Get()
  @HttpCode(429)
  @Doc({ status: 429, description: 'Too many searches.' })
  find() {}
}`,
      errors: [
        {
          messageId: 'missingRetryAfter',
          line: 6,
          column: 13,
          data: { code: 429, phrase: 'Too Many Requests', rfc: 'RFC 6585 §4' },
          suggestions: [],
        },
      ],
      output: null,
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Both header rules over the frameworks' own shipped code, with the real ESLint Linter.

const NODE_MODULES = new URL('../../node_modules/', import.meta.url);
const FRAMEWORKS = ['express', 'fastify', 'koa', 'hono', 'h3', '@sveltejs/kit', '@nestjs/core'];

function* javascriptFiles(directory: string): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* javascriptFiles(path);
    else if (/\.[cm]?js$/.test(entry.name)) yield path;
  }
}

/**
 * At default options, every report on the frameworks' code, judged by hand: all are true (a 401
 * without `WWW-Authenticate`, a 429 without `Retry-After`), all in Fastify's own tests.
 */
const EXPECTED_REPORTS = [
  'fastify/test/404s.test.js:1463 require-status-headers',
  'fastify/test/404s.test.js:1907 require-status-headers',
  'fastify/test/404s.test.js:2029 require-status-headers',
  'fastify/test/404s.test.js:2045 require-status-headers',
  'fastify/test/404s.test.js:2070 require-status-headers',
  'fastify/test/async-await.test.js:545 require-status-headers',
  'fastify/test/async-await.test.js:580 require-status-headers',
  'fastify/test/async-await.test.js:676 require-status-headers',
  'fastify/test/internals/reply-serialize.test.js:332 require-status-headers',
  'fastify/test/route-hooks.test.js:311 require-status-headers',
  'fastify/test/route.4.test.js:13 require-retry-after',
];

describe("the header rules on the frameworks' own code", () => {
  it(
    'lints every JS file of express, fastify, koa, hono, h3, @sveltejs/kit and @nestjs/core without a crash',
    () => {
      const linter = new Linter({ configType: 'flat' });
      const rules = { 'http-status/require-retry-after': 'error', 'http-status/require-status-headers': 'error' } as const;
      const reports: string[] = [];
      let files = 0;
      for (const framework of FRAMEWORKS) {
        const directory = new URL(`${framework}/`, NODE_MODULES).pathname;
        for (const path of javascriptFiles(directory)) {
          files++;
          const code = readFileSync(path, 'utf8');
          const name = path.slice(new URL('.', NODE_MODULES).pathname.length);
          let messages: Linter.LintMessage[] = [];
          for (const sourceType of path.endsWith('.cjs') ? (['commonjs'] as const) : (['module', 'commonjs'] as const)) {
            messages = linter.verify(
              code,
              [
                {
                  files: ['**/*'],
                  languageOptions: { sourceType, ecmaVersion: 'latest' },
                  linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
                  plugins: { 'http-status': plugin as never },
                  rules,
                },
              ],
              `frameworks/${name}`,
            );
            if (!messages.some((message) => message.fatal)) break;
          }
          expect(messages.filter((message) => message.fatal)).toEqual([]);
          for (const message of messages) {
            if (message.ruleId?.startsWith('http-status/')) reports.push(`${name}:${message.line} ${message.ruleId.slice('http-status/'.length)}`);
          }
        }
      }
      expect(files).toBeGreaterThan(1000);
      expect(reports).toEqual(EXPECTED_REPORTS);
    },
    600_000,
  );
});

// ---------------------------------------------------------------------------
// Test doubles (`src/test-doubles.ts`): a response built in a mock, a fetch stub, an MSW handler or a nock
// reply simulates someone else's server; a handler registered on a real app inside a test is still a handler.
// ---------------------------------------------------------------------------

ruleTester.run('require-retry-after: test doubles are not the app’s responses', rule, {
  valid: [
    {
      name: 'issue: vi.mocked(...).mockImplementation',
      code: `vi.mocked(handleApiError).mockImplementation(() => new Response('Too many', { status: 429 }));`,
    },
    {
      name: 'issue: a mocked upstream with vi.fn',
      code: `const fetch = vi.fn(async () => new Response('Too many', { status: 429 }));`,
    },
    {
      name: 'issue: mockResolvedValueOnce',
      code: `customFetch.mockResolvedValueOnce(new Response('Too many', { status: 429 }));`,
    },
    {
      name: 'issue: an MSW handler',
      code: `import { http } from 'msw';
export const handlers = [
  http.get('https://api.github.com/user', () => new Response('Too many', { status: 429 })),
];`,
    },
    {
      name: 'jest.fn with an implementation',
      code: `const handler = jest.fn(() => new Response('Too many', { status: 429 }));`,
    },
    {
      name: 'mockReturnValue',
      code: `api.request.mockReturnValue(new Response('Too many', { status: 429 }));`,
    },
    {
      name: 'mockResolvedValue on vi.spyOn',
      code: `vi.spyOn(client, 'send').mockResolvedValue(new Response('Too many', { status: 429 }));`,
    },
    {
      name: 'sinon stub resolves',
      code: `sinon.stub(client, 'fetch').resolves(new Response('Too many', { status: 429 }));`,
    },
    {
      name: 'sinon stub returns',
      code: `sinon.stub(client, 'fetch').returns(Promise.resolve(new Response('Too many', { status: 429 })));`,
    },
    {
      name: 'global.fetch replaced',
      code: `global.fetch = async () => new Response('Too many', { status: 429 });`,
    },
    {
      name: 'globalThis.fetch replaced',
      code: `globalThis.fetch = vi.fn().mockImplementation(async () => {
  return new Response('Too many', { status: 429 });
});`,
    },
    {
      name: 'vi.stubGlobal fetch',
      code: `vi.stubGlobal('fetch', async () => new Response('Too many', { status: 429 }));`,
    },
    {
      name: 'a module mock factory',
      code: `vi.mock('./upstream', () => ({
  call: async () => new Response('Too many', { status: 429 }),
}));`,
    },
    {
      name: 'MSW rest handler (v1) with res',
      code: `import { rest } from 'msw';
const server = setupServer(
  rest.post('/api/items', (req, res, ctx) => {
    return new Response('Too many', { status: 429 });
  }),
);`,
    },
    {
      name: 'MSW handlers passed to setupServer',
      code: `import { setupServer } from 'msw/node';
const server = setupServer(...[() => new Response('Too many', { status: 429 })]);`,
    },
  ],
  invalid: [
    {
      name: 'an Express handler registered inside a test is still a handler',
      code: `import express from 'express';
describe('rate limits', () => {
  const app = express();
  app.get('/search', (req, res) => {
    res.status(429).send('slow down');
  });
});`,
      output: null,
      errors: [
        {
          messageId: 'missingRetryAfter',
          line: 5,
          column: 16,
          suggestions: [
            {
              messageId: 'suggestRetryAfter',
              data: { how: ".set('Retry-After', String(RETRY_AFTER_SECONDS))" },
              output: `import express from 'express';
describe('rate limits', () => {
  const app = express();
  app.get('/search', (req, res) => {
    res.status(429).set('Retry-After', String(RETRY_AFTER_SECONDS)).send('slow down');
  });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a node:http server created inside a test is still a handler',
      code: `import { createServer } from 'node:http';
it('retries', async () => {
  const server = createServer((req, res) => {
    res.writeHead(429);
    res.end();
  });
});`,
      output: null,
      errors: [
        {
          messageId: 'missingRetryAfter',
          line: 4,
          column: 19,
          suggestions: [
            {
              messageId: 'suggestRetryAfter',
              data: { how: "{ 'Retry-After': String(RETRY_AFTER_SECONDS) }" },
              output: `import { createServer } from 'node:http';
it('retries', async () => {
  const server = createServer((req, res) => {
    res.writeHead(429, { 'Retry-After': String(RETRY_AFTER_SECONDS) });
    res.end();
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
test('rate limit', async () => {
  const app = new Hono();
  app.get('/search', (c) => c.text('slow down', 429));
});`,
      output: null,
      errors: [
        {
          messageId: 'missingRetryAfter',
          line: 4,
          column: 49,
          suggestions: [
            {
              messageId: 'suggestRetryAfter',
              data: { how: "{ 'Retry-After': String(RETRY_AFTER_SECONDS) }" },
              output: `import { Hono } from 'hono';
test('rate limit', async () => {
  const app = new Hono();
  app.get('/search', (c) => c.text('slow down', 429, { 'Retry-After': String(RETRY_AFTER_SECONDS) }));
});`,
            },
          ],
        },
      ],
    },
  ],
});

// ---------------------------------------------------------------------------
// A response or error object that a function returns, not a handler (`src/handlers.ts` `isMadeForCaller`):
// it belongs to whoever sends or throws it.
// ---------------------------------------------------------------------------

ruleTester.run('require-retry-after: a 429 made for the caller to send', rule, {
  valid: [
    {
      name: 'issue: an exported error factory',
      code: `import httpErrors from 'http-errors';
// errors.ts: an exported factory; its caller sets Retry-After before throwing it
export function RateLimitExceededError(message = 'Rate limit exceeded') {
  return httpErrors(429, message, { id: 'rate_limit_exceeded' });
}`,
    },
    {
      name: 'a Response factory',
      code: `export const tooManyRequests = (message: string) => new Response(message, { status: 429 });`,
    },
    {
      name: 'a Response factory returned through a condition',
      code: `export async function limited(request: Request) {
  return (await isOverLimit(request)) ? Response.json({ error: 'slow down' }, { status: 429 }) : null;
}`,
    },
    {
      name: 'a Lambda result made by a helper',
      code: `function throttled(body) {
  return { statusCode: 429, body: JSON.stringify(body) };
}`,
    },
    {
      name: 'a static factory method',
      code: `import createError from 'http-errors';
export class Errors {
  static rateLimited() {
    return createError(429, 'Too many requests');
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'thrown, not returned',
      code: `import createError from 'http-errors';
export function assertWithinLimit(count: number) {
  if (count > 100) throw createError(429, 'Too many requests');
}`,
      output: null,
      errors: [
        {
          messageId: 'missingRetryAfter',
          line: 3,
          column: 38,
          suggestions: [
            {
              messageId: 'suggestRetryAfter',
              data: { how: "{ headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } }" },
              output: `import createError from 'http-errors';
export function assertWithinLimit(count: number) {
  if (count > 100) throw createError(429, 'Too many requests', { headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'returned from a route handler',
      code: `export async function GET() {
  return new Response('Too many', { status: 429 });
}`,
      output: null,
      errors: [
        {
          messageId: 'missingRetryAfter',
          line: 2,
          column: 45,
          suggestions: [
            {
              messageId: 'suggestRetryAfter',
              data: { how: "headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) }" },
              output: `export async function GET() {
  return new Response('Too many', { status: 429, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'returned from Next.js middleware',
      code: `export function middleware(request: Request) {
  return new Response('Too many', { status: 429 });
}`,
      output: null,
      errors: [
        {
          messageId: 'missingRetryAfter',
          line: 2,
          column: 45,
          suggestions: [
            {
              messageId: 'suggestRetryAfter',
              data: { how: "headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) }" },
              output: `export function middleware(request: Request) {
  return new Response('Too many', { status: 429, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a function the file hands to the Worker runtime',
      code: `async function handleRequest(request: Request) {
  return new Response('Too many', { status: 429 });
}
export default { fetch: handleRequest };`,
      output: null,
      errors: [
        {
          messageId: 'missingRetryAfter',
          line: 2,
          column: 45,
          suggestions: [
            {
              messageId: 'suggestRetryAfter',
              data: { how: "headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) }" },
              output: `async function handleRequest(request: Request) {
  return new Response('Too many', { status: 429, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } });
}
export default { fetch: handleRequest };`,
            },
          ],
        },
      ],
    },
    {
      name: 'a call on the response object, returned by a helper',
      code: `export function tooMany(c) {
  return c.text('slow down', 429);
}`,
      output: null,
      errors: [
        {
          messageId: 'missingRetryAfter',
          line: 2,
          column: 30,
          suggestions: [
            {
              messageId: 'suggestRetryAfter',
              data: { how: "{ 'Retry-After': String(RETRY_AFTER_SECONDS) }" },
              output: `export function tooMany(c) {
  return c.text('slow down', 429, { 'Retry-After': String(RETRY_AFTER_SECONDS) });
}`,
            },
          ],
        },
      ],
    },
  ],
});

// ---------------------------------------------------------------------------
// A response handed to a helper (`src/headers/frameworks.ts` `isHarmlessHandoff`): one rule, whatever the name.
// A call made for its value reads the request; a call made for what it does may set any header.
// ---------------------------------------------------------------------------

ruleTester.run('require-retry-after: a response handed to a helper', rule, {
  valid: [
    {
      name: 'the context handed to a helper for what it does',
      code: `router.get('/search', async (ctx) => {
  await applyRateLimit(ctx);
  if (ctx.state.limited) ctx.status = 429;
});`,
    },
  ],
  invalid: [
    {
      name: 'the context handed to a helper for its value',
      code: `router.get('/search', async (ctx) => {
  const user = await currentUser(ctx);
  if (user.requestsToday > 1000) ctx.status = 429;
});`,
      output: null,
      errors: [
        {
          messageId: 'missingRetryAfter',
          line: 3,
          column: 47,
          suggestions: [],
        },
      ],
    },
  ],
});
