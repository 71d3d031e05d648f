/**
 * Every status site the adapters know, as a template: `§` marks where the
 * status goes (exactly once). Imports are on one line each, at the top.
 */
import type { Options } from '../../../rules/no-magic-status.js';

export interface SiteTemplate {
  readonly name: string;
  readonly code: string;
  /** `response` unless the site is a comparison (off with `comparisons: false`) or an assertion (`assertions: false`). */
  readonly kind?: 'comparison' | 'assertion';
  /** The API takes a union of literal codes: a `node:http2` constant (typed `number`) is only suggested. */
  readonly literalTypes?: boolean;
  /** A digit string (`'404'`) is reported here too (only distinctive APIs and response objects take one). */
  readonly strings?: boolean;
  /** Options the site needs (the `sites` option). */
  readonly options?: Options[0];
  readonly filename?: string;
}

export { MARK } from '../../templates.js';

export const SITES: readonly SiteTemplate[] = [
  // Express
  { name: 'express res.status()', strings: true, code: `app.get('/', (req, res) => {\n  res.status(§).json({ error: 'x' });\n});` },
  { name: 'express res.status() chained', strings: true, code: `import express from 'express';\nconst app = express();\napp.use((req, res) => res.status(§).send('x'));` },
  { name: 'express response.status()', strings: true, code: `function handle(request, response) {\n  return response.status(§).end();\n}` },
  { name: 'express res.sendStatus()', strings: true, code: `router.delete('/:id', async (req, res) => {\n  res.sendStatus(§);\n});` },
  { name: 'express res.redirect(n, url)', strings: true, code: `res.redirect(§, '/login');` },
  { name: 'express res.redirect(url, n)', strings: true, code: `res.redirect('/login', §);` },
  { name: 'express res.statusCode =', strings: true, code: `function handler(req, res) {\n  res.statusCode = §;\n  res.end();\n}` },
  { name: 'express res["status"]()', strings: true, code: `res['status'](§).end();` },
  { name: 'express optional chain res?.status?.()', strings: true, code: `res?.status?.(§);` },
  { name: 'express (res as Response).status()', strings: true, code: `(res as Response).status(§);` },
  // node:http, node:http2
  { name: 'node:http res.writeHead()', strings: true, code: `import { createServer } from 'node:http';\ncreateServer((req, res) => {\n  res.writeHead(§, { 'Content-Type': 'text/plain' });\n  res.end();\n});` },
  { name: 'node:http serverResponse.statusCode =', strings: true, code: `serverResponse.statusCode = §;` },
  { name: 'node:http2 stream.respond()', strings: true, code: `server.on('stream', (stream) => {\n  stream.respond({ ':status': § });\n});` },
  // http-errors
  { name: 'http-errors createError(n)', strings: true, code: `import createError from 'http-errors';\nthrow createError(§, 'Nope');` },
  { name: 'http-errors new createError(n)', strings: true, code: `import createError from 'http-errors';\nthrow new createError(§);` },
  { name: 'http-errors next(httpErrors(n))', strings: true, code: `import httpErrors from 'http-errors';\napp.use((req, res, next) => next(httpErrors(§)));` },
  { name: 'http-errors createError(msg, n)', strings: true, code: `import HttpError from 'http-errors';\nthrow HttpError('Nope', §);` },
  { name: 'http-errors namespace import', strings: true, code: `import * as createHttpError from 'http-errors';\nnext(createHttpError(§));` },
  { name: 'http-errors require', strings: true, code: `const createError = require('http-errors');\nmodule.exports = (req, res, next) => next(createError(§));` },
  { name: 'http-errors destructured require default', strings: true, code: `const { default: makeError } = require('http-errors');\nthrow makeError(§);` },
  // errors that carry a status
  { name: 'err.status = n, thrown', strings: true, code: `const err = new Error('x');\nerr.status = §;\nthrow err;` },
  { name: 'err.statusCode = n, passed to next', strings: true, code: `try {\n  load();\n} catch (error) {\n  error.statusCode = §;\n  next(error);\n}` },
  { name: 'e.status = n on new HttpError', strings: false, code: `const e = new NotFoundError();\ne.status = §;\nthrow e;` },
  // Lambda
  { name: 'lambda return { statusCode, body }', strings: true, code: `export const handler = async (event) => {\n  return { statusCode: §, body: JSON.stringify({}) };\n};` },
  { name: 'lambda arrow result { statusCode, headers }', strings: true, code: `export const handler = async () => ({ statusCode: §, headers: { 'x-a': 'b' } });` },
  { name: 'lambda callback(null, result)', strings: true, code: `export const handler = (event, context, callback) => {\n  callback(null, { statusCode: §, body: 'x' });\n};` },
  { name: 'lambda result satisfies type', strings: true, code: `export async function handler() {\n  return { statusCode: §, body: '' } satisfies Result;\n}` },
  { name: 'lambda result kept in a variable', strings: true, code: `export const handler = async () => {\n  const response = { statusCode: §, body: JSON.stringify({}) };\n  return response;\n};` },
  // Fastify
  { name: 'fastify reply.code()', strings: true, literalTypes: true, code: `fastify.get('/', async (request, reply) => {\n  return reply.code(§).send({ error: 'x' });\n});` },
  { name: 'fastify reply.status()', strings: true, literalTypes: true, code: `reply.status(§).send();` },
  { name: 'fastify reply.redirect(url, n)', strings: true, literalTypes: true, code: `reply.redirect('/login', §);` },
  { name: 'fastify reply.statusCode =', strings: true, code: `reply.statusCode = §;` },
  // Koa
  { name: 'koa ctx.status =', strings: true, code: `app.use(async (ctx) => {\n  ctx.status = §;\n});` },
  { name: 'koa ctx.response.status =', strings: true, code: `app.use(async (ctx, next) => {\n  await next();\n  ctx.response.status = §;\n});` },
  { name: 'koa ctx.throw(n, msg)', strings: true, code: `router.get('/', (ctx) => {\n  ctx.throw(§, 'Nope');\n});` },
  { name: 'koa ctx.throw(msg, n)', strings: false, code: `ctx.throw('Nope', §);` },
  { name: 'koa ctx.assert(value, n)', strings: true, code: `ctx.assert(ctx.state.user, §, 'Log in first');` },
  { name: 'koa this.status = (koa 1)', strings: false, code: `app.use(function* () {\n  this.status = §;\n});` },
  // NestJS
  { name: 'nest @HttpCode()', strings: true, code: `import { Controller, HttpCode, Post } from '@nestjs/common';\n@Controller('cats')\nexport class CatsController {\n  @Post()\n  @HttpCode(§)\n  create() {}\n}` },
  { name: 'nest @Redirect(url, n)', strings: true, code: `import { Controller, Get, Redirect } from '@nestjs/common';\n@Controller()\nexport class AppController {\n  @Get('docs')\n  @Redirect('https://docs.nestjs.com', §)\n  docs() {}\n}` },
  { name: 'nest new HttpException(body, n)', strings: true, code: `import { HttpException } from '@nestjs/common';\nthrow new HttpException('Forbidden', §);` },
  { name: 'nest HttpException body { status }', strings: true, code: `import { HttpException } from '@nestjs/common';\nthrow new HttpException({ status: §, error: 'x' }, code);` },
  { name: 'nest HttpException body { statusCode }', strings: true, code: `import { HttpException } from '@nestjs/common';\nthrow new HttpException({ statusCode: §, message: 'x' }, code);` },
  { name: 'nest @ApiResponse({ status })', strings: true, code: `import { ApiResponse } from '@nestjs/swagger';\nclass Cats {\n  @ApiResponse({ status: §, description: 'x' })\n  find() {}\n}` },
  // Hono
  { name: 'hono c.json(x, n)', strings: true, literalTypes: true, code: `import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/', (c) => c.json({ error: 'x' }, §));` },
  { name: 'hono c.text(x, n)', strings: true, literalTypes: true, code: `app.get('/', (c) => {\n  return c.text('x', §);\n});` },
  { name: 'hono c.html(x, n)', strings: true, literalTypes: true, code: `app.get('/', (c) => c.html('<p>x</p>', §));` },
  { name: 'hono c.body(x, n)', strings: true, literalTypes: true, code: `app.get('/', (c) => c.body(null, §));` },
  { name: 'hono c.newResponse(x, n)', strings: true, literalTypes: true, code: `app.get('/', (c) => c.newResponse(null, §, { 'x-a': 'b' }));` },
  { name: 'hono c.json(x, { status })', strings: true, code: `app.get('/', (c) => c.json({}, { status: §, headers: {} }));` },
  { name: 'hono c.redirect(url, n)', strings: true, literalTypes: true, code: `app.get('/old', (c) => c.redirect('/new', §));` },
  { name: 'hono c.status(n)', literalTypes: true, code: `app.post('/', (c) => {\n  c.status(§);\n  return c.body(null);\n});` },
  { name: 'hono new HTTPException(n)', strings: true, literalTypes: true, code: `import { HTTPException } from 'hono/http-exception';\nthrow new HTTPException(§, { message: 'x' });` },
  // Fetch API, Next.js, Remix / React Router, MSW
  { name: 'fetch new Response(b, { status })', strings: true, code: `export function GET() {\n  return new Response('x', { status: § });\n}` },
  { name: 'fetch Response.json(x, { status })', strings: true, code: `export async function POST() {\n  return Response.json({ error: 'x' }, { status: § });\n}` },
  { name: 'fetch Response.redirect(url, n)', strings: true, code: `export const GET = () => Response.redirect('https://example.com/', §);` },
  { name: 'fetch undici Response', strings: true, code: `import { Response } from 'undici';\nexport const GET = () => new Response(null, { status: § });` },
  { name: 'next NextResponse.json(x, { status })', strings: true, code: `import { NextResponse } from 'next/server';\nexport function GET() {\n  return NextResponse.json({ error: 'x' }, { status: § });\n}` },
  { name: 'next NextResponse.redirect(url, n)', strings: true, code: `import { NextResponse } from 'next/server';\nexport function middleware(request) {\n  return NextResponse.redirect(new URL('/login', request.url), §);\n}` },
  { name: 'next NextResponse.rewrite(url, { status })', strings: true, code: `import { NextResponse } from 'next/server';\nexport const GET = () => NextResponse.rewrite(url, { status: § });` },
  { name: 'next new NextResponse(b, { status })', strings: true, code: `import { NextResponse } from 'next/server';\nexport const GET = () => new NextResponse(null, { status: § });` },
  { name: 'remix json(x, n)', strings: true, code: `import { json } from '@remix-run/node';\nexport const loader = () => json({ error: 'x' }, §);` },
  { name: 'remix json(x, { status })', strings: true, code: `import { json } from '@remix-run/node';\nexport const action = () => json({}, { status: § });` },
  { name: 'react-router data(x, { status })', strings: true, code: `import { data } from 'react-router';\nexport function loader() {\n  throw data('Not here', { status: § });\n}` },
  { name: 'react-router redirect(url, n)', strings: true, code: `import { redirect } from 'react-router';\nexport const loader = () => redirect('/login', §);` },
  { name: 'react-router redirect(url, { status })', strings: true, code: `import { redirect as go } from 'react-router';\nthrow go('/login', { status: § });` },
  { name: 'msw HttpResponse.json(x, { status })', strings: true, code: `import { http, HttpResponse } from 'msw';\nhttp.get('/user', () => HttpResponse.json({}, { status: § }));` },
  { name: 'msw HttpResponse.text(x, { status })', strings: true, code: `import { HttpResponse } from 'msw';\nexport const GET = () => HttpResponse.text('x', { status: § });` },
  { name: 'msw new HttpResponse(b, { status })', strings: true, code: `import { HttpResponse } from 'msw';\nexport const GET = () => new HttpResponse(null, { status: § });` },
  // SvelteKit
  { name: 'sveltekit error(n)', strings: true, literalTypes: true, code: `import { error } from '@sveltejs/kit';\nexport function load() {\n  error(§, 'Not found');\n}` },
  { name: 'sveltekit redirect(n, url)', strings: true, literalTypes: true, code: `import { redirect } from '@sveltejs/kit';\nexport function load() {\n  redirect(§, '/login');\n}` },
  { name: 'sveltekit renamed error()', strings: true, literalTypes: true, code: `import { error as kitError } from '@sveltejs/kit';\nkitError(§);` },
  { name: 'sveltekit fail(n, data)', strings: true, code: `import { fail } from '@sveltejs/kit';\nexport const actions = {\n  default: async () => fail(§, { missing: true }),\n};` },
  { name: 'sveltekit json(x, { status })', strings: true, code: `import { json } from '@sveltejs/kit';\nexport const GET = () => json({}, { status: § });` },
  { name: 'sveltekit text(x, { status })', strings: true, code: `import { text } from '@sveltejs/kit';\nexport const GET = () => text('x', { status: § });` },
  { name: 'sveltekit isHttpError(e, n)', strings: true, kind: 'comparison', code: `import { isHttpError } from '@sveltejs/kit';\nif (isHttpError(e, §)) retry();` },
  // h3 / Nuxt / Nitro
  { name: 'h3 createError({ statusCode })', strings: true, code: `import { createError } from 'h3';\nthrow createError({ statusCode: §, statusMessage: 'x' });` },
  { name: 'h3 createError({ status })', strings: true, code: `import { createError } from 'h3';\nthrow createError({ status: § });` },
  { name: 'nuxt auto-imported createError()', strings: true, code: `export default defineEventHandler(() => {\n  throw createError({ statusCode: §, statusMessage: 'x' });\n});` },
  { name: 'h3 setResponseStatus(event, n)', strings: true, code: `import { setResponseStatus } from 'h3';\nsetResponseStatus(event, §);` },
  { name: 'h3 sendRedirect(event, url, n)', strings: true, code: `import { sendRedirect } from 'h3';\nexport const GET = () => sendRedirect(event, '/login', §);` },
  { name: 'h3 v1 sendNoContent(event, n)', strings: true, code: `import { sendNoContent } from 'h3';\nexport default eventHandler((event) => sendNoContent(event, §));` },
  { name: 'nuxt auto-imported setResponseStatus()', strings: true, code: `export default defineEventHandler((event) => {\n  setResponseStatus(event, §);\n  return null;\n});` },
  { name: 'h3 v2 new HTTPError({ status })', strings: true, code: `import { HTTPError } from 'h3';\nthrow new HTTPError({ status: §, message: 'x' });` },
  { name: 'h3 v2 new HTTPError(msg, { status })', strings: true, code: `import { HTTPError } from 'h3';\nthrow new HTTPError('x', { status: § });` },
  { name: 'h3 v2 HTTPError.status(n)', strings: true, code: `import { HTTPError } from 'h3';\nthrow HTTPError.status(§);` },
  { name: 'h3 v2 new HTTPResponse(b, { status })', strings: true, code: `import { HTTPResponse } from 'h3';\nexport const GET = () => new HTTPResponse('x', { status: § });` },
  { name: 'h3 v2 event.res.status =', strings: true, code: `app.get('/', (event) => {\n  event.res.status = §;\n  return '';\n});` },
  { name: 'h3 redirect(url, n)', strings: true, code: `import { redirect } from 'h3';\nexport const GET = () => redirect('/login', §);` },
  // Elysia, hapi
  { name: 'elysia set.status =', strings: true, code: `app.get('/', ({ set }) => {\n  set.status = §;\n  return 'x';\n});` },
  { name: 'elysia ({ status }) => status(n, x)', strings: true, code: `new Elysia().get('/', ({ status }) => status(§, 'Not here'));` },
  { name: 'elysia ({ error }) => error(n, x)', strings: true, code: `app.get('/:id', ({ params, error }) => {\n  if (!params.id) return error(§, 'Missing');\n});` },
  { name: 'hapi h.response(x).code(n)', code: `server.route({ handler: (request, h) => h.response({}).code(§) });` },
  // Comparisons
  { name: 'comparison res.status === n', strings: true, kind: 'comparison', code: `if (res.status === §) {\n  retry();\n}` },
  { name: 'comparison n === res.status', strings: true, kind: 'comparison', code: `if (§ === res.status) retry();` },
  { name: 'comparison !==', strings: true, kind: 'comparison', code: `const failed = response.statusCode !== §;` },
  { name: 'comparison ==', strings: true, kind: 'comparison', code: `if (err.status == §) throw err;` },
  { name: 'comparison !=', strings: true, kind: 'comparison', code: `while (status != §) status = poll();` },
  { name: 'comparison response.status()', strings: true, kind: 'comparison', code: `if (response.status() === §) done();` },
  { name: 'comparison error.response.status', strings: true, kind: 'comparison', code: `if (error.response?.status === §) logout();` },
  { name: 'comparison switch case', strings: true, kind: 'comparison', code: `switch (res.status) {\n  case §:\n    break;\n}` },
  // Assertions
  { name: 'vitest expect(x.status).toBe(n)', strings: true, kind: 'assertion', code: `expect(res.status).toBe(§);` },
  { name: 'jest expect(x.statusCode).toEqual(n)', strings: true, kind: 'assertion', code: `it('works', async () => {\n  const res = await get('/');\n  expect(res.statusCode).toEqual(§);\n});` },
  { name: 'expect().toStrictEqual(n)', strings: true, kind: 'assertion', code: `expect(response.status).toStrictEqual(§);` },
  { name: 'expect().not.toBe(n)', strings: true, kind: 'assertion', code: `expect(res.status).not.toBe(§);` },
  { name: 'expect(x, message).toBe(n)', strings: true, kind: 'assertion', code: `expect(res.status, 'status').toBe(§);` },
  { name: 'expect.soft().toBe(n)', strings: true, kind: 'assertion', code: `expect.soft(res.status).toBe(§);` },
  { name: 'playwright expect(response.status()).toBe(n)', strings: true, kind: 'assertion', code: `const response = await page.goto('/');\nexpect(response.status()).toBe(§);` },
  { name: 'toHaveProperty("status", n)', strings: true, kind: 'assertion', code: `expect(res).toHaveProperty('status', §);` },
  { name: 'expect(res.status).toHaveBeenCalledWith(n)', strings: true, kind: 'assertion', code: `expect(res.status).toHaveBeenCalledWith(§);` },
  { name: 'assert.equal(x.status, n)', strings: true, kind: 'assertion', code: `import assert from 'node:assert';\nassert.equal(res.status, §);` },
  { name: 'assert.strictEqual(x.statusCode, n)', strings: true, kind: 'assertion', code: `import assert from 'node:assert/strict';\nassert.strictEqual(res.statusCode, §);` },
  { name: 'assert.deepEqual(n, x.status)', strings: true, kind: 'assertion', code: `assert.deepEqual(§, res.status);` },
  { name: 'assert.deepStrictEqual(x.status, n)', strings: true, kind: 'assertion', code: `assert.deepStrictEqual(res.status, §);` },
  { name: 'node:test t.assert.equal()', strings: true, kind: 'assertion', code: `test('x', async (t) => {\n  t.assert.equal(res.status, §);\n});` },
  { name: 'tap t.equal()', strings: true, kind: 'assertion', code: `t.equal(res.statusCode, §);` },
  { name: 'supertest .expect(n)', kind: 'assertion', code: `await request(app).get('/').expect(§);` },
  { name: 'supertest .expect(n, body)', kind: 'assertion', code: `request(app)\n  .post('/users')\n  .send({})\n  .expect(§, { ok: true });` },
  { name: 'chai expect(res).to.have.status(n)', strings: true, kind: 'assertion', code: `expect(res).to.have.status(§);` },
  { name: 'chai res.should.have.status(n)', strings: true, kind: 'assertion', code: `res.should.have.status(§);` },
  { name: 'chai expect(x.status).to.equal(n)', strings: true, kind: 'assertion', code: `expect(res.status).to.equal(§);` },
  { name: 'nock .reply(n, body)', kind: 'assertion', code: `nock('https://api.example.com').get('/users').reply(§, []);` },
  { name: 'undici MockAgent .reply(n)', kind: 'assertion', code: `mockPool.intercept({ path: '/' }).reply(§, { ok: true });` },
  { name: 'axios-mock-adapter .reply(n)', kind: 'assertion', code: `mock.onGet('/users').reply(§, []);` },
  // The `sites` option
  { name: 'sites: sendError(res, n)', strings: true, options: { sites: [{ callee: 'sendError', argument: 1 }] }, code: `sendError(res, §, 'Nope');` },
  { name: 'sites: api.fail(n)', strings: true, options: { sites: [{ callee: 'api.fail', argument: 0 }] }, code: `api.fail(§);` },
  { name: 'sites: this.respond(x, n)', strings: true, options: { sites: [{ callee: 'this.respond', argument: 1 }] }, code: `class A {\n  m() {\n    this.respond({}, §);\n  }\n}` },
];
