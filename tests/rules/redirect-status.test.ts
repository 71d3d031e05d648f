/**
 * redirect-status, table-driven per framework: a status that the redirect drops (Express, Hono), and a 301 or 302
 * (written, or the framework's default) that answers a POST, PUT, PATCH or DELETE route, written out with their
 * reports and each suggestion's whole output; then the must-stay-silent side per framework: statuses the framework
 * keeps (Fastify, Koa), 303/307/308, GET and HEAD routes, routes whose method the file does not say, and test doubles.
 */
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import rule, { type MessageIds, type Options } from '../../rules/redirect-status.js';
import { createRuleTester } from '../rule-tester.js';

type Invalid = InvalidTestCase<MessageIds, Options>;
type Valid = ValidTestCase<Options>;
type Error = Invalid['errors'][number];

/** A 301/302 on an unsafe method's route: the 303 suggestion's output, then the 307/308 one's. */
function methodChange(line: number, column: number, seeOther: string, keep: string): Error {
  return {
    messageId: 'methodChange',
    line,
    column,
    suggestions: [
      { messageId: 'useSeeOther', output: seeOther },
      { messageId: 'keepMethod', output: keep },
    ],
  };
}

/** A status the redirect drops: the output once the status is passed to the redirect. */
function statusLost(line: number, column: number, output: string): Error {
  return { messageId: 'statusLost', line, column, suggestions: [{ messageId: 'passStatus', output }] };
}

// ---------------------------------------------------------------------------
// Must report, written out per framework
// ---------------------------------------------------------------------------

const express: Invalid[] = [
  {
    name: 'express: res.status(301).redirect(url) sends 302',
    code: `app.get('/old', (req, res) => {
  res.status(301).redirect('/new');
});`,
    output: null,
    errors: [
      statusLost(2, 3, `app.get('/old', (req, res) => {
  res.redirect(301, '/new');
});`),
    ],
  },
  {
    name: 'express: a status set in an earlier statement is dropped',
    code: `router.get('/docs', (req, res) => {
  res.status(308);
  res.setHeader('Cache-Control', 'max-age=3600');
  return res.redirect('/documentation');
});`,
    output: null,
    errors: [
      statusLost(4, 10, `router.get('/docs', (req, res) => {
  res.status(308);
  res.setHeader('Cache-Control', 'max-age=3600');
  return res.redirect(308, '/documentation');
});`),
    ],
  },
  {
    name: 'express: res.statusCode = 301 before the redirect',
    code: `app.get('/a', (req, res) => {
  res.statusCode = 301;
  res.redirect('/b');
});`,
    output: null,
    errors: [
      statusLost(3, 3, `app.get('/a', (req, res) => {
  res.statusCode = 301;
  res.redirect(301, '/b');
});`),
    ],
  },
  {
    name: 'express: a dropped 303 on a POST route is reported once, as dropped',
    code: `app.post('/orders', (req, res) => {
  res.status(303).redirect('/orders/1');
});`,
    output: null,
    errors: [
      statusLost(2, 3, `app.post('/orders', (req, res) => {
  res.redirect(303, '/orders/1');
});`),
    ],
  },
  {
    name: 'express: the default 302 on a POST route',
    code: `app.post('/login', (req, res) => {
  res.redirect('/dashboard');
});`,
    output: null,
    errors: [
      methodChange(
        2,
        3,
        `app.post('/login', (req, res) => {
  res.redirect(303, '/dashboard');
});`,
        `app.post('/login', (req, res) => {
  res.redirect(307, '/dashboard');
});`,
      ),
    ],
  },
  {
    name: 'express: an explicit 301 on a PUT route',
    code: `router.put('/items/:id', async (req, res) => {
  await save(req.body);
  res.redirect(301, '/items');
});`,
    output: null,
    errors: [
      methodChange(
        3,
        16,
        `router.put('/items/:id', async (req, res) => {
  await save(req.body);
  res.redirect(303, '/items');
});`,
        `router.put('/items/:id', async (req, res) => {
  await save(req.body);
  res.redirect(308, '/items');
});`,
      ),
    ],
  },
  {
    name: 'express: router.route(path).delete(fn) through a wrapper',
    code: `router.route('/items/:id').delete(asyncHandler(async (req, res) => {
  await remove(req.params.id);
  res.redirect(302, '/items');
}));`,
    output: null,
    errors: [
      methodChange(
        3,
        16,
        `router.route('/items/:id').delete(asyncHandler(async (req, res) => {
  await remove(req.params.id);
  res.redirect(303, '/items');
}));`,
        `router.route('/items/:id').delete(asyncHandler(async (req, res) => {
  await remove(req.params.id);
  res.redirect(307, '/items');
}));`,
      ),
    ],
  },
];

const fastify: Invalid[] = [
  {
    name: 'fastify: the default 302 on a POST route',
    code: `fastify.post('/login', async (request, reply) => {
  return reply.redirect('/home');
});`,
    output: null,
    errors: [
      methodChange(
        2,
        10,
        `fastify.post('/login', async (request, reply) => {
  return reply.redirect('/home', 303);
});`,
        `fastify.post('/login', async (request, reply) => {
  return reply.redirect('/home', 307);
});`,
      ),
    ],
  },
  {
    name: 'fastify: reply.code(301) is kept, and is a 301 on a PATCH route',
    code: `fastify.patch('/users/:id', (request, reply) => {
  reply.code(301).redirect('/users');
});`,
    output: null,
    errors: [
      methodChange(
        2,
        3,
        `fastify.patch('/users/:id', (request, reply) => {
  reply.code(301).redirect('/users', 303);
});`,
        `fastify.patch('/users/:id', (request, reply) => {
  reply.code(301).redirect('/users', 308);
});`,
      ),
    ],
  },
  {
    name: 'fastify: route({ method: "DELETE", handler }) with an explicit 302',
    code: `fastify.route({
  method: 'DELETE',
  url: '/sessions',
  handler: (request, reply) => reply.redirect('/', 302),
});`,
    output: null,
    errors: [
      methodChange(
        4,
        52,
        `fastify.route({
  method: 'DELETE',
  url: '/sessions',
  handler: (request, reply) => reply.redirect('/', 303),
});`,
        `fastify.route({
  method: 'DELETE',
  url: '/sessions',
  handler: (request, reply) => reply.redirect('/', 307),
});`,
      ),
    ],
  },
];

const koa: Invalid[] = [
  {
    name: 'koa: the default 302 on a router.post route',
    code: `router.post('/login', async (ctx) => {
  ctx.redirect('/home');
});`,
    output: null,
    errors: [
      methodChange(
        2,
        3,
        `router.post('/login', async (ctx) => {
  ctx.status = 303;
  ctx.redirect('/home');
});`,
        `router.post('/login', async (ctx) => {
  ctx.status = 307;
  ctx.redirect('/home');
});`,
      ),
    ],
  },
  {
    name: 'koa: ctx.status = 301 is kept, and is a 301 on a DELETE route',
    code: `router.delete('/items/:id', (ctx) => {
  ctx.status = 301;
  ctx.redirect('/items');
});`,
    output: null,
    errors: [
      methodChange(
        3,
        3,
        `router.delete('/items/:id', (ctx) => {
  ctx.status = 301;
  ctx.status = 303;
  ctx.redirect('/items');
});`,
        `router.delete('/items/:id', (ctx) => {
  ctx.status = 301;
  ctx.status = 308;
  ctx.redirect('/items');
});`,
      ),
    ],
  },
];

const hono: Invalid[] = [
  {
    name: 'hono: c.status(301) is dropped by c.redirect(url)',
    code: `app.get('/old', (c) => {
  c.status(301);
  return c.redirect('/new');
});`,
    output: null,
    errors: [
      statusLost(3, 10, `app.get('/old', (c) => {
  c.status(301);
  return c.redirect('/new', 301);
});`),
    ],
  },
  {
    name: 'hono: the default 302 on a POST route',
    code: `app.post('/logout', (c) => c.redirect('/'));`,
    output: null,
    errors: [methodChange(1, 28, `app.post('/logout', (c) => c.redirect('/', 303));`, `app.post('/logout', (c) => c.redirect('/', 307));`)],
  },
  {
    name: "hono: app.on('PUT', path, fn) with an explicit 301",
    code: `app.on('PUT', '/posts/:id', (c) => c.redirect('/posts', 301));`,
    output: null,
    errors: [
      methodChange(1, 57, `app.on('PUT', '/posts/:id', (c) => c.redirect('/posts', 303));`, `app.on('PUT', '/posts/:id', (c) => c.redirect('/posts', 308));`),
    ],
  },
];

const nest: Invalid[] = [
  {
    name: 'nest: @Post() with @Redirect(url) (302)',
    code: `import { Controller, Post, Redirect } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  @Post()
  @Redirect('/orders')
  create() {}
}`,
    output: null,
    errors: [
      methodChange(
        5,
        4,
        `import { Controller, Post, Redirect } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  @Post()
  @Redirect('/orders', 303)
  create() {}
}`,
        `import { Controller, Post, Redirect } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  @Post()
  @Redirect('/orders', 307)
  create() {}
}`,
      ),
    ],
  },
  {
    name: 'nest: @Delete() with @Redirect(url, 301)',
    code: `import { Controller, Delete, Redirect } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  @Delete(':id')
  @Redirect('/orders', 301)
  remove() {}
}`,
    output: null,
    errors: [
      methodChange(
        5,
        24,
        `import { Controller, Delete, Redirect, HttpStatus } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  @Delete(':id')
  @Redirect('/orders', HttpStatus.SEE_OTHER)
  remove() {}
}`,
        `import { Controller, Delete, Redirect, HttpStatus } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  @Delete(':id')
  @Redirect('/orders', HttpStatus.PERMANENT_REDIRECT)
  remove() {}
}`,
      ),
    ],
  },
];

const fileRouters: Invalid[] = [
  {
    name: 'next: export async function POST with NextResponse.redirect(url, 302)',
    code: `import { NextResponse } from 'next/server';
export async function POST(request) {
  return NextResponse.redirect(new URL('/thanks', request.url), 302);
}`,
    output: null,
    errors: [
      methodChange(
        3,
        65,
        `import { NextResponse } from 'next/server';
export async function POST(request) {
  return NextResponse.redirect(new URL('/thanks', request.url), 303);
}`,
        `import { NextResponse } from 'next/server';
export async function POST(request) {
  return NextResponse.redirect(new URL('/thanks', request.url), 307);
}`,
      ),
    ],
  },
  {
    name: 'sveltekit: a form action that redirects with 302',
    code: `import { redirect } from '@sveltejs/kit';
export const actions = {
  default: async ({ request }) => {
    redirect(302, '/done');
  },
};`,
    output: null,
    errors: [
      methodChange(
        4,
        14,
        `import { redirect } from '@sveltejs/kit';
export const actions = {
  default: async ({ request }) => {
    redirect(303, '/done');
  },
};`,
        `import { redirect } from '@sveltejs/kit';
export const actions = {
  default: async ({ request }) => {
    redirect(307, '/done');
  },
};`,
      ),
    ],
  },
  {
    name: 'remix: an action that returns redirect(url) (302)',
    code: `import { redirect } from '@remix-run/node';
export async function action({ request }) {
  await createNote(await request.formData());
  return redirect('/notes');
}`,
    output: null,
    errors: [
      methodChange(
        4,
        10,
        `import { redirect } from '@remix-run/node';
export async function action({ request }) {
  await createNote(await request.formData());
  return redirect('/notes', 303);
}`,
        `import { redirect } from '@remix-run/node';
export async function action({ request }) {
  await createNote(await request.formData());
  return redirect('/notes', 307);
}`,
      ),
    ],
  },
];

// ---------------------------------------------------------------------------
// Must stay silent, per framework
// ---------------------------------------------------------------------------

const silent: Valid[] = [
  // express
  { name: 'express: the status passed to the redirect', code: `app.get('/old', (req, res) => res.redirect(301, '/new'));` },
  { name: 'express: a GET route with the default 302', code: `app.get('/login', (req, res) => res.redirect('/sso'));` },
  { name: 'express: a HEAD route with 301', code: `app.head('/old', (req, res) => res.redirect(301, '/new'));` },
  { name: 'express: a POST route with 303', code: `app.post('/orders', (req, res) => res.redirect(303, '/orders/1'));` },
  { name: 'express: a POST route with 307', code: `app.post('/upload', (req, res) => res.redirect(307, '/v2/upload'));` },
  { name: 'express: a POST route with 308', code: `app.post('/api/v1/items', (req, res) => res.redirect(308, '/api/v2/items'));` },
  { name: 'express: app.use has no one method', code: `app.use((req, res) => res.redirect('/login'));` },
  { name: 'express: app.all has no one method', code: `app.all('/old', (req, res) => res.redirect('/new'));` },
  { name: 'express: a function whose route is elsewhere', code: `export function login(req, res) { res.redirect('/home'); }` },
  { name: 'express: a status that is no redirect (200) before the default', code: `app.get('/a', (req, res) => { res.status(200); res.redirect('/b'); });` },
  { name: 'express: a 302 set before the default 302', code: `app.get('/a', (req, res) => res.status(302).redirect('/b'));` },
  {
    name: 'express: a status set in a branch the redirect does not follow',
    code: `app.get('/a', (req, res) => {
  if (req.query.old) {
    res.status(301);
  }
  res.redirect('/b');
});`,
  },
  { name: 'express: a status the rule cannot read', code: `app.get('/a', (req, res) => { res.status(code); res.redirect('/b'); });` },
  { name: 'express: another response object', code: `app.get('/a', (req, res) => { other.status(301); res.redirect('/b'); });` },
  { name: 'express: the status set inside a callback', code: `app.get('/a', (req, res) => { later(() => res.status(301)); res.redirect('/b'); });` },
  {
    name: 'express: a Sails package, whose virtual requests keep the status set before res.redirect(url)',
    code: `app.get('/a', (req, res) => res.status(301).redirect('/b'));`,
    filename: fileURLToPath(new URL('../fixtures/projects/sails-app/api/controllers/redirect.js', import.meta.url)),
  },
  { name: 'express: res.redirect(301) on a POST route takes 301 as the URL (valid-status reports it)', code: `app.post('/a', (req, res) => res.redirect(301));` },
  { name: 'express: a redirect that is no response method', code: `app.post('/a', (req, res) => { router.redirect('/b'); });` },
  // fastify
  { name: 'fastify: reply.code(301) is kept on a GET route', code: `fastify.get('/old', (request, reply) => reply.code(301).redirect('/new'));` },
  { name: 'fastify: a POST route with reply.code(303)', code: `fastify.post('/orders', (request, reply) => reply.code(303).redirect('/orders/1'));` },
  { name: 'fastify: a POST route with redirect(url, 303)', code: `fastify.post('/orders', (request, reply) => reply.redirect('/orders/1', 303));` },
  { name: 'fastify: a status the rule cannot read, kept', code: `fastify.post('/a', (request, reply) => { reply.code(status); return reply.redirect('/b'); });` },
  { name: 'fastify: route({ method: "GET" })', code: `fastify.route({ method: 'GET', url: '/a', handler: (request, reply) => reply.redirect('/b') });` },
  { name: 'fastify: route with several methods', code: `fastify.route({ method: ['GET', 'POST'], url: '/a', handler: (request, reply) => reply.redirect('/b') });` },
  // koa
  { name: 'koa: ctx.status = 301 is kept on a GET route', code: `router.get('/old', (ctx) => { ctx.status = 301; ctx.redirect('/new'); });` },
  { name: 'koa: a POST route with ctx.status = 303', code: `router.post('/orders', (ctx) => { ctx.status = 303; ctx.redirect('/orders/1'); });` },
  { name: 'koa: a POST route with ctx.status = 307', code: `router.post('/upload', (ctx) => { ctx.status = 307; ctx.redirect('/v2/upload'); });` },
  { name: "koa: ctx.redirect('back')", code: `router.post('/a', (ctx) => { ctx.redirect('back'); });` },
  { name: 'koa: app.use middleware has no one method', code: `app.use(async (ctx) => { ctx.redirect('/login'); });` },
  // hono
  { name: 'hono: the status passed to the redirect', code: `app.get('/old', (c) => c.redirect('/new', 301));` },
  { name: 'hono: a POST route with 303', code: `app.post('/logout', (c) => c.redirect('/', 303));` },
  { name: 'hono: a GET route with the default', code: `app.get('/', (c) => c.redirect('/home'));` },
  // nest
  {
    name: 'nest: @Get() with @Redirect(url)',
    code: `import { Controller, Get, Redirect } from '@nestjs/common';
@Controller()
export class DocsController {
  @Get('docs')
  @Redirect('https://docs.nestjs.com', 302)
  docs() {}
}`,
  },
  {
    name: 'nest: @Post() with @Redirect(url, 303)',
    code: `import { Controller, Post, Redirect } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  @Post()
  @Redirect('/orders', 303)
  create() {}
}`,
  },
  {
    name: 'nest: the method returns its own statusCode',
    code: `import { Controller, Post, Redirect } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  @Post()
  @Redirect('/orders')
  create() {
    return { url: '/orders/1', statusCode: 303 };
  }
}`,
  },
  {
    name: 'nest: a Redirect that is not Nest',
    code: `import { Redirect } from './decorators';
class OrdersController {
  @Post()
  @Redirect('/orders')
  create() {}
}`,
  },
  // file routers
  {
    name: 'next: NextResponse.redirect(url) sends 307, which keeps the method',
    code: `import { NextResponse } from 'next/server';
export async function POST(request) {
  return NextResponse.redirect(new URL('/thanks', request.url));
}`,
  },
  {
    name: 'next: a GET route with 302',
    code: `import { NextResponse } from 'next/server';
export function GET(request) {
  return NextResponse.redirect(new URL('/login', request.url), 302);
}`,
  },
  {
    name: 'sveltekit: a form action with 303',
    code: `import { redirect } from '@sveltejs/kit';
export const actions = {
  default: async () => {
    redirect(303, '/done');
  },
};`,
  },
  {
    name: 'sveltekit: a load with 302',
    code: `import { redirect } from '@sveltejs/kit';
export function load() {
  redirect(302, '/login');
}`,
  },
  {
    name: 'remix: a loader with the default 302',
    code: `import { redirect } from '@remix-run/node';
export async function loader() {
  return redirect('/login');
}`,
  },
  {
    name: 'remix: a redirect that is not imported from Remix',
    code: `export async function action() {
  return redirect('/notes');
}`,
  },
  // test doubles
  {
    name: 'a mock server in a test',
    code: `import nock from 'nock';
jest.mock('./client', () => ({
  post: (req, res) => res.redirect('/x'),
}));`,
  },
];

const invalid: Invalid[] = [...express, ...fastify, ...koa, ...hono, ...nest, ...fileRouters];

describe('redirect-status tables', () => {
  it('has at least as many silent cases as reports', () => {
    expect(silent.length).toBeGreaterThanOrEqual(invalid.length);
  });
});

createRuleTester().run('redirect-status', rule, { valid: silent, invalid });
