/**
 * consistent-body-status, table-driven per framework: each framework's ways to send an object body with a
 * status, written out with their reports (position, message data, the suggestion's whole output); then the
 * same sites × a spread of status pairs (1xx..5xx, numbers and library constants); then the must-stay-silent
 * side per framework: agreeing statuses, fields that are not a status, values from elsewhere, statuses the
 * rule cannot read, bodies out of sight, and test doubles; then the `requireProblemContentType` option.
 */
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule, { type MessageIds, type Options } from '../../rules/consistent-body-status.js';
import { createRuleTester } from '../rule-tester.js';
import { MARK, positionOf } from '../templates.js';

type Invalid = InvalidTestCase<MessageIds, Options>;
type Valid = ValidTestCase<Options>;
type Error = Invalid['errors'][number];

/** The message data of a mismatch, as the message shows it: field, the body's code and phrase, the response's. */
function says(field: string, bodyCode: number, bodyPhrase: string, code: number, phrase: string): Error['data'] {
  return { field, bodyCode: String(bodyCode), bodyPhrase: bodyPhrase && ` (${bodyPhrase})`, code: String(code), phrase: phrase && ` (${phrase})` };
}

/** One mismatch report: where, what it says, and the code once the suggestion sets the field (written out). */
function mismatch(line: number, column: number, data: Error['data'], text: string, output: string): Error {
  const field = (data as { field: string }).field;
  return { messageId: 'bodyStatusMismatch', data, line, column, suggestions: [{ messageId: 'useResponseStatus', data: { field, text }, output }] };
}

// ---------------------------------------------------------------------------
// Must report, written out per framework
// ---------------------------------------------------------------------------

const express: Invalid[] = [
  {
    name: 'express: res.status().json() with statusCode',
    code: `app.get('/orders/:id', (req, res) => {
  res.status(400).json({ statusCode: 404, error: 'Not Found' });
});`,
    output: null,
    errors: [
      mismatch(2, 38, says('statusCode', 404, 'Not Found', 400, 'Bad Request'), '400', `app.get('/orders/:id', (req, res) => {
  res.status(400).json({ statusCode: 400, error: 'Not Found' });
});`),
    ],
  },
  {
    name: 'express: res.status().send() with status',
    code: `res.status(500).send({ status: 503, message: 'Try later' });`,
    output: null,
    errors: [mismatch(1, 32, says('status', 503, 'Service Unavailable', 500, 'Internal Server Error'), '500', `res.status(500).send({ status: 500, message: 'Try later' });`)],
  },
  {
    name: 'express: chain through headers',
    code: `return res.status(422).set('Cache-Control', 'no-store').json({ status: 400, errors });`,
    output: null,
    errors: [mismatch(1, 72, says('status', 400, 'Bad Request', 422, 'Unprocessable Content'), '422', `return res.status(422).set('Cache-Control', 'no-store').json({ status: 422, errors });`)],
  },
  {
    name: 'express: status then body in later statements',
    code: `router.post('/login', (req, res) => {
  res.status(401);
  res.setHeader('WWW-Authenticate', 'Bearer');
  res.json({ statusCode: 403, message: 'Forbidden' });
});`,
    output: null,
    errors: [
      mismatch(4, 26, says('statusCode', 403, 'Forbidden', 401, 'Unauthorized'), '401', `router.post('/login', (req, res) => {
  res.status(401);
  res.setHeader('WWW-Authenticate', 'Bearer');
  res.json({ statusCode: 401, message: 'Forbidden' });
});`),
    ],
  },
  {
    name: 'express: both fields disagree: two reports',
    code: `res.status(400).json({ status: 404, statusCode: 404 });`,
    output: null,
    errors: [
      mismatch(1, 32, says('status', 404, 'Not Found', 400, 'Bad Request'), '400', `res.status(400).json({ status: 400, statusCode: 404 });`),
      mismatch(1, 49, says('statusCode', 404, 'Not Found', 400, 'Bad Request'), '400', `res.status(400).json({ status: 404, statusCode: 400 });`),
    ],
  },
  {
    name: 'express: a 2xx envelope that says 200 on a 201',
    code: `res.status(201).json({ status: 200, data: order });`,
    output: null,
    errors: [mismatch(1, 32, says('status', 200, 'OK', 201, 'Created'), '201', `res.status(201).json({ status: 201, data: order });`)],
  },
  {
    name: 'express: "always 200" with the error in the body',
    code: `res.status(200).json({ success: false, statusCode: 500, message: err.message });`,
    output: null,
    errors: [
      mismatch(1, 52, says('statusCode', 500, 'Internal Server Error', 200, 'OK'), '200', `res.status(200).json({ success: false, statusCode: 200, message: err.message });`),
    ],
  },
  {
    name: 'express: a const body read only here',
    code: `const problem = { type: 'about:blank', title: 'Conflict', status: 400 };
res.status(409).json(problem);`,
    output: null,
    errors: [
      mismatch(1, 67, says('status', 400, 'Bad Request', 409, 'Conflict'), '409', `const problem = { type: 'about:blank', title: 'Conflict', status: 409 };
res.status(409).json(problem);`),
    ],
  },
  {
    name: 'express: a shorthand field from a const',
    code: `const status = 404;
res.status(400).json({ status, error: 'Not Found' });`,
    output: null,
    errors: [
      mismatch(2, 24, says('status', 404, 'Not Found', 400, 'Bad Request'), '400', `const status = 404;
res.status(400).json({ status: 400, error: 'Not Found' });`),
    ],
  },
  {
    name: 'express: a field after a spread still wins',
    code: `res.status(400).json({ ...base, statusCode: 404 });`,
    output: null,
    errors: [mismatch(1, 45, says('statusCode', 404, 'Not Found', 400, 'Bad Request'), '400', `res.status(400).json({ ...base, statusCode: 400 });`)],
  },
  {
    name: 'express: res.statusCode = then res.end(JSON.stringify(...))',
    code: `res.statusCode = 503;
res.end(JSON.stringify({ statusCode: 500 }));`,
    output: null,
    errors: [
      mismatch(2, 38, says('statusCode', 500, 'Internal Server Error', 503, 'Service Unavailable'), '503', `res.statusCode = 503;
res.end(JSON.stringify({ statusCode: 503 }));`),
    ],
  },
  {
    name: 'express: an unregistered body code has no phrase',
    code: `res.status(500).json({ status: 599 });`,
    output: null,
    errors: [mismatch(1, 32, says('status', 599, '', 500, 'Internal Server Error'), '500', `res.status(500).json({ status: 500 });`)],
  },
  {
    name: 'express: the field written as a string key',
    code: `res.status(404).json({ 'statusCode': 400 });`,
    output: null,
    errors: [mismatch(1, 38, says('statusCode', 400, 'Bad Request', 404, 'Not Found'), '404', `res.status(404).json({ 'statusCode': 404 });`)],
  },
];

const nodeHttp: Invalid[] = [
  {
    name: 'node:http: writeHead() then end(JSON.stringify(...))',
    code: `http.createServer((req, res) => {
  res.writeHead(404, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ statusCode: 400, error: 'Bad Request' }));
});`,
    output: null,
    errors: [
      mismatch(3, 40, says('statusCode', 400, 'Bad Request', 404, 'Not Found'), '404', `http.createServer((req, res) => {
  res.writeHead(404, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ statusCode: 404, error: 'Bad Request' }));
});`),
    ],
  },
];

const fastify: Invalid[] = [
  {
    name: 'fastify: reply.code().send()',
    code: `fastify.get('/items/:id', async (request, reply) => {
  reply.code(400).send({ statusCode: 404, error: 'Not Found', message: 'No such item' });
});`,
    output: null,
    errors: [
      mismatch(2, 38, says('statusCode', 404, 'Not Found', 400, 'Bad Request'), '400', `fastify.get('/items/:id', async (request, reply) => {
  reply.code(400).send({ statusCode: 400, error: 'Not Found', message: 'No such item' });
});`),
    ],
  },
  {
    name: 'fastify: reply.status().header().send()',
    code: `return reply.status(429).header('Retry-After', '60').send({ statusCode: 503 });`,
    output: null,
    errors: [mismatch(1, 73, says('statusCode', 503, 'Service Unavailable', 429, 'Too Many Requests'), '429', `return reply.status(429).header('Retry-After', '60').send({ statusCode: 429 });`)],
  },
  {
    name: 'fastify: reply.code() then return reply.send()',
    code: `fastify.post('/items', async (request, reply) => {
  reply.code(201);
  return reply.send({ statusCode: 200, item });
});`,
    output: null,
    errors: [
      mismatch(3, 35, says('statusCode', 200, 'OK', 201, 'Created'), '201', `fastify.post('/items', async (request, reply) => {
  reply.code(201);
  return reply.send({ statusCode: 201, item });
});`),
    ],
  },
];

const koa: Invalid[] = [
  {
    name: 'koa: ctx.status = ; ctx.body =',
    code: `app.use(async (ctx) => {
  ctx.status = 400;
  ctx.body = { status: 404, message: 'Not Found' };
});`,
    output: null,
    errors: [
      mismatch(3, 24, says('status', 404, 'Not Found', 400, 'Bad Request'), '400', `app.use(async (ctx) => {
  ctx.status = 400;
  ctx.body = { status: 400, message: 'Not Found' };
});`),
    ],
  },
  {
    name: 'koa: ctx.response',
    code: `ctx.response.status = 502;
ctx.response.body = { statusCode: 500 };`,
    output: null,
    errors: [
      mismatch(2, 35, says('statusCode', 500, 'Internal Server Error', 502, 'Bad Gateway'), '502', `ctx.response.status = 502;
ctx.response.body = { statusCode: 502 };`),
    ],
  },
];

const NEST = "import { HttpException, HttpStatus } from '@nestjs/common';";

const nest: Invalid[] = [
  {
    name: 'nest: new HttpException(body, n)',
    code: `${NEST}
throw new HttpException({ statusCode: 404, message: 'Order not found' }, 400);`,
    output: null,
    errors: [
      mismatch(2, 39, says('statusCode', 404, 'Not Found', 400, 'Bad Request'), '400', `${NEST}
throw new HttpException({ statusCode: 400, message: 'Order not found' }, 400);`),
    ],
  },
  {
    name: 'nest: HttpStatus on both sides',
    code: `${NEST}
throw new HttpException({ status: HttpStatus.FORBIDDEN, error: 'No access' }, HttpStatus.UNAUTHORIZED);`,
    output: null,
    errors: [
      mismatch(2, 35, says('status', 403, 'Forbidden', 401, 'Unauthorized'), 'HttpStatus.UNAUTHORIZED', `${NEST}
throw new HttpException({ status: HttpStatus.UNAUTHORIZED, error: 'No access' }, HttpStatus.UNAUTHORIZED);`),
    ],
  },
  {
    name: 'nest: in a controller method',
    code: `${NEST}
export class OrdersController {
  find(id: string) {
    if (!this.orders.has(id)) {
      throw new HttpException({ statusCode: 400, message: 'Not found' }, HttpStatus.NOT_FOUND);
    }
  }
}`,
    output: null,
    errors: [
      mismatch(5, 45, says('statusCode', 400, 'Bad Request', 404, 'Not Found'), 'HttpStatus.NOT_FOUND', `${NEST}
export class OrdersController {
  find(id: string) {
    if (!this.orders.has(id)) {
      throw new HttpException({ statusCode: HttpStatus.NOT_FOUND, message: 'Not found' }, HttpStatus.NOT_FOUND);
    }
  }
}`),
    ],
  },
];

const hono: Invalid[] = [
  {
    name: 'hono: c.json(x, n)',
    code: `app.get('/me', (c) => c.json({ status: 401, error: 'Log in' }, 403));`,
    output: null,
    errors: [mismatch(1, 40, says('status', 401, 'Unauthorized', 403, 'Forbidden'), '403', `app.get('/me', (c) => c.json({ status: 403, error: 'Log in' }, 403));`)],
  },
  {
    name: 'hono: c.json(x, { status })',
    code: `app.post('/items', (c) => c.json({ statusCode: 200 }, { status: 201 }));`,
    output: null,
    errors: [mismatch(1, 48, says('statusCode', 200, 'OK', 201, 'Created'), '201', `app.post('/items', (c) => c.json({ statusCode: 201 }, { status: 201 }));`)],
  },
  {
    name: 'hono: c.status() then c.json()',
    code: `app.get('/items/:id', async (c) => {
  c.status(404);
  return c.json({ status: 400 });
});`,
    output: null,
    errors: [
      mismatch(3, 27, says('status', 400, 'Bad Request', 404, 'Not Found'), '404', `app.get('/items/:id', async (c) => {
  c.status(404);
  return c.json({ status: 404 });
});`),
    ],
  },
];

const fetchStyle: Invalid[] = [
  {
    name: 'fetch: Response.json(problem, { status })',
    code: `export async function GET() {
  return Response.json({ type: 'about:blank', title: 'Upstream failed', status: 500 }, { status: 502 });
}`,
    output: null,
    errors: [
      mismatch(2, 81, says('status', 500, 'Internal Server Error', 502, 'Bad Gateway'), '502', `export async function GET() {
  return Response.json({ type: 'about:blank', title: 'Upstream failed', status: 502 }, { status: 502 });
}`),
    ],
  },
  {
    name: 'fetch: new Response(JSON.stringify(x), { status })',
    code: `return new Response(JSON.stringify({ status: 404 }), { status: 410, headers });`,
    output: null,
    errors: [mismatch(1, 46, says('status', 404, 'Not Found', 410, 'Gone'), '410', `return new Response(JSON.stringify({ status: 410 }), { status: 410, headers });`)],
  },
  {
    name: 'next: NextResponse.json()',
    code: `import { NextResponse } from 'next/server';
export async function POST() {
  return NextResponse.json({ statusCode: 400, error: 'Invalid body' }, { status: 422 });
}`,
    output: null,
    errors: [
      mismatch(3, 42, says('statusCode', 400, 'Bad Request', 422, 'Unprocessable Content'), '422', `import { NextResponse } from 'next/server';
export async function POST() {
  return NextResponse.json({ statusCode: 422, error: 'Invalid body' }, { status: 422 });
}`),
    ],
  },
  {
    name: 'remix: json(x, n)',
    code: `import { json } from '@remix-run/node';
export const action = async () => json({ status: 500 }, 503);`,
    output: null,
    errors: [
      mismatch(2, 50, says('status', 500, 'Internal Server Error', 503, 'Service Unavailable'), '503', `import { json } from '@remix-run/node';
export const action = async () => json({ status: 503 }, 503);`),
    ],
  },
  {
    name: 'sveltekit: json(x, { status })',
    code: `import { json } from '@sveltejs/kit';
export function GET() {
  return json({ status: 200, items: [] }, { status: 206 });
}`,
    output: null,
    errors: [
      mismatch(3, 25, says('status', 200, 'OK', 206, 'Partial Content'), '206', `import { json } from '@sveltejs/kit';
export function GET() {
  return json({ status: 206, items: [] }, { status: 206 });
}`),
    ],
  },
  {
    name: 'h3 v2: new HTTPResponse(JSON.stringify(x), { status })',
    code: `import { HTTPResponse } from 'h3';
return new HTTPResponse(JSON.stringify({ statusCode: 404 }), { status: 400 });`,
    output: null,
    errors: [
      mismatch(2, 54, says('statusCode', 404, 'Not Found', 400, 'Bad Request'), '400', `import { HTTPResponse } from 'h3';
return new HTTPResponse(JSON.stringify({ statusCode: 400 }), { status: 400 });`),
    ],
  },
];

const lambda: Invalid[] = [
  {
    name: 'lambda: body: JSON.stringify(x)',
    code: `export const handler = async () => {
  return { statusCode: 400, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ statusCode: 404 }) };
};`,
    output: null,
    errors: [
      mismatch(2, 113, says('statusCode', 404, 'Not Found', 400, 'Bad Request'), '400', `export const handler = async () => {
  return { statusCode: 400, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ statusCode: 400 }) };
};`),
    ],
  },
];

const inTests: Invalid[] = [
  {
    name: 'a handler registered on a real app inside a test is still checked',
    code: `it('answers 404', async () => {
  app.get('/x', (req, res) => res.status(404).json({ statusCode: 400 }));
  await request(app).get('/x').expect(404);
});`,
    output: null,
    errors: [
      mismatch(2, 66, says('statusCode', 400, 'Bad Request', 404, 'Not Found'), '404', `it('answers 404', async () => {
  app.get('/x', (req, res) => res.status(404).json({ statusCode: 404 }));
  await request(app).get('/x').expect(404);
});`),
    ],
  },
];

const HSC = "import { StatusCodes } from 'http-status-codes';";

const constants: Invalid[] = [
  {
    name: 'http-status-codes on both sides: the suggestion writes the response constant',
    code: `${HSC}
res.status(StatusCodes.BAD_REQUEST).json({ statusCode: StatusCodes.NOT_FOUND });`,
    output: null,
    errors: [
      mismatch(2, 56, says('statusCode', 404, 'Not Found', 400, 'Bad Request'), 'StatusCodes.BAD_REQUEST', `${HSC}
res.status(StatusCodes.BAD_REQUEST).json({ statusCode: StatusCodes.BAD_REQUEST });`),
    ],
  },
  {
    name: 'a constant response, a number body',
    code: `${HSC}
res.status(StatusCodes.IM_A_TEAPOT).json({ status: 500 });`,
    output: null,
    errors: [
      mismatch(2, 52, says('status', 500, 'Internal Server Error', 418, "I'm a Teapot"), 'StatusCodes.IM_A_TEAPOT', `${HSC}
res.status(StatusCodes.IM_A_TEAPOT).json({ status: StatusCodes.IM_A_TEAPOT });`),
    ],
  },
  {
    name: 'a local enum and a local const',
    code: `enum Status { NotFound = 404, Gone = 410 }
const GONE = Status.Gone;
res.status(GONE).json({ status: Status.NotFound });`,
    output: null,
    errors: [
      mismatch(3, 33, says('status', 404, 'Not Found', 410, 'Gone'), 'GONE', `enum Status { NotFound = 404, Gone = 410 }
const GONE = Status.Gone;
res.status(GONE).json({ status: GONE });`),
    ],
  },
  {
    name: 'CommonJS: a required library',
    code: `const { StatusCodes } = require('http-status-codes');
module.exports = (req, res) => res.status(StatusCodes.CONFLICT).json({ statusCode: StatusCodes.BAD_REQUEST });`,
    languageOptions: { parserOptions: { sourceType: 'script' } },
    output: null,
    errors: [
      mismatch(2, 84, says('statusCode', 400, 'Bad Request', 409, 'Conflict'), 'StatusCodes.CONFLICT', `const { StatusCodes } = require('http-status-codes');
module.exports = (req, res) => res.status(StatusCodes.CONFLICT).json({ statusCode: StatusCodes.CONFLICT });`),
    ],
  },
];

// ---------------------------------------------------------------------------
// Must report: every site × a spread of status pairs
// ---------------------------------------------------------------------------

/** `§S` is the response's status, `§B` the body's; the report is at `§B`. */
interface Site {
  readonly name: string;
  readonly code: string;
  readonly header?: string;
  /** The field the site's body uses. */
  readonly field: 'status' | 'statusCode';
}

const SITES: readonly Site[] = [
  { name: 'express json', code: "res.status(§S).json({ statusCode: §B, message: 'x' });", field: 'statusCode' },
  { name: 'express send', code: 'res.status(§S).send({ status: §B });', field: 'status' },
  { name: 'node writeHead/end', code: 'res.writeHead(§S);\nres.end(JSON.stringify({ statusCode: §B }));', field: 'statusCode' },
  { name: 'fastify', code: 'reply.code(§S).send({ statusCode: §B });', field: 'statusCode' },
  { name: 'koa', code: 'ctx.status = §S;\nctx.body = { status: §B };', field: 'status' },
  { name: 'nest', header: "import { HttpException } from '@nestjs/common';", code: 'throw new HttpException({ statusCode: §B }, §S);', field: 'statusCode' },
  { name: 'hono c.json', code: "app.get('/', (c) => c.json({ status: §B }, §S));", field: 'status' },
  { name: 'fetch Response.json', code: "return Response.json({ type: 'about:blank', title: 'x', status: §B }, { status: §S });", field: 'status' },
  { name: 'next', header: "import { NextResponse } from 'next/server';", code: 'return NextResponse.json({ status: §B }, { status: §S });', field: 'status' },
  { name: 'sveltekit', header: "import { json } from '@sveltejs/kit';", code: 'return json({ status: §B }, { status: §S });', field: 'status' },
  { name: 'lambda', code: 'export const handler = async () => ({ statusCode: §S, body: JSON.stringify({ statusCode: §B }) });', field: 'statusCode' },
];

/** Body code, its phrase, response code, its phrase: 1xx..5xx, and the constants-library quirks (302, 413, 418). */
const PAIRS: readonly [number, string, number, string][] = [
  [200, 'OK', 202, 'Accepted'],
  [101, 'Switching Protocols', 200, 'OK'],
  [302, 'Found', 303, 'See Other'],
  [404, 'Not Found', 400, 'Bad Request'],
  [413, 'Content Too Large', 400, 'Bad Request'],
  [418, "I'm a Teapot", 500, 'Internal Server Error'],
  [500, 'Internal Server Error', 502, 'Bad Gateway'],
  [503, 'Service Unavailable', 429, 'Too Many Requests'],
];

function fill(site: Site, response: string, body: string): string {
  const code = site.code.replace('§S', response).replace('§B', body);
  return site.header ? `${site.header}\n${code}` : code;
}

const sweep: Invalid[] = SITES.flatMap((site) =>
  PAIRS.map(([bodyCode, bodyPhrase, code, phrase]): Invalid => {
    const { line, column } = positionOf(fill(site, String(code), MARK), MARK);
    return {
      name: `${site.name}: body ${bodyCode}, response ${code}`,
      code: fill(site, String(code), String(bodyCode)),
      output: null,
      errors: [mismatch(line, column, says(site.field, bodyCode, bodyPhrase, code, phrase), String(code), fill(site, String(code), String(code)))],
    };
  }),
);

// ---------------------------------------------------------------------------
// Must stay silent
// ---------------------------------------------------------------------------

/** Every site with the two sides equal, for each code of the pairs. */
const CODES = [...new Set(PAIRS.flatMap(([bodyCode, , code]) => [bodyCode, code]))];
const agreeing: Valid[] = SITES.flatMap((site) => CODES.map((code) => ({ name: `${site.name}: both ${code}`, code: fill(site, String(code), String(code)) })));

/** Every site with a body field that is not a number status, or not in sight. */
const NOT_A_STATUS = ["'ok'", "'404'", 'order.status', 'upstream.status', 'err.statusCode', 'cached ? 200 : 404', '0', '1', '42', '1000', 'undefined', 'null', '404.5', 'getStatus()'];
const notAStatus: Valid[] = SITES.flatMap((site) => NOT_A_STATUS.map((body) => ({ name: `${site.name}: body field ${body}`, code: fill(site, '400', body) })));

/** Every site whose response status the rule cannot read. */
const RESPONSE_UNKNOWN = ['status', 'err.status', 'cached ? 304 : 404', 'err.status ?? 500', 'getStatus()'];
const responseUnknown: Valid[] = SITES.flatMap((site) =>
  RESPONSE_UNKNOWN.map((status) => ({ name: `${site.name}: response ${status}`, code: fill(site, status, '404') })),
);

const silentByHand: Record<string, string[]> = {
  express: [
    // other fields
    'res.status(400).json({ upstreamStatus: 404, code: 404, errorCode: 404 });',
    'res.status(502).json({ error: { status: 500 } });',
    'res.status(400).json({ statusText: 404 });',
    // a spread after the field may set it again
    'res.status(400).json({ status: 404, ...rest });',
    // the body is not an object literal in sight
    'res.status(400).json(body);',
    'const body = { status: 404 };\nlog(body);\nres.status(400).json(body);',
    'let body = { status: 404 };\nres.status(400).json(body);',
    'res.status(400).json(makeBody({ status: 404 }));',
    'res.status(400).json([{ status: 404 }]);',
    // the status may change before the body is sent
    'res.status(400);\nif (x) res.status(404);\nres.json({ status: 404 });',
    'res.status(400);\nnext();\nres.json({ status: 404 });',
    'res.status(400);\nhelper(res);\nres.json({ status: 404 });',
    'if (missing) res.status(404);\nres.json({ status: 404 });',
    // another response
    'res.status(400);\nother.json({ status: 404 });',
    // no body
    'res.sendStatus(400);',
    "res.redirect(301, '/new');",
    'res.status(404).end();',
    // a bigint, a string status
    "res.status('400').json({ status: 404 });",
    // comparisons and tests are not responses
    'if (res.status === 400) log({ status: 404 });',
    'expect(res.status).toBe(400);\nexpect(res.body).toEqual({ status: 404 });',
    "await request(app).get('/x').expect(400, { status: 404 });",
  ],
  fastify: [
    // a handler's return value is out of reach
    'reply.code(400);\nreturn { statusCode: 404 };',
    'reply.code(400).send(new NotFoundError());',
    'reply.code(400).send(err);',
  ],
  koa: [
    'ctx.body = { status: 404 };\nctx.status = 400;',
    "ctx.throw(400, 'Bad', { status: 404 });",
    'ctx.status = 400;\nawait next();\nctx.body = { status: 404 };',
  ],
  nest: [
    // the body's own field is a site of the adapter too: not a response of its own
    "import { HttpException, HttpStatus } from '@nestjs/common';\nthrow new HttpException({ status: HttpStatus.FORBIDDEN, error: 'No access' }, HttpStatus.FORBIDDEN);",
    "import { HttpException } from '@nestjs/common';\nthrow new HttpException({ statusCode: 404 }, cond ? 400 : 404);",
    "import { HttpException } from '@nestjs/common';\nthrow new HttpException('Not found', 404);",
    "import { HttpException } from '@nestjs/common';\nthrow new HttpException(body, 404);",
    // not the Nest class
    'throw new HttpException({ statusCode: 404 }, 400);',
    // a built-in exception: no status site in the engine
    "import { BadRequestException } from '@nestjs/common';\nthrow new BadRequestException({ statusCode: 404 });",
    // a declaration is not a response
    "import { ApiResponse } from '@nestjs/swagger';\nclass A {\n  @ApiResponse({ status: 400, schema: { example: { statusCode: 404 } } })\n  find() {}\n}",
    // @HttpCode with a return value: out of reach
    "import { HttpCode } from '@nestjs/common';\nclass A {\n  @HttpCode(202)\n  find() {\n    return { status: 200 };\n  }\n}",
  ],
  hono: [
    "app.get('/', (c) => c.json({ status: 401 }, cond ? 401 : 403));",
    "import { HTTPException } from 'hono/http-exception';\nthrow new HTTPException(401, { message: 'x', cause: { status: 403 } });",
  ],
  fetch: [
    'return new Response(JSON.stringify({ status: 404 }), init);',
    'return new Response({ status: 404 }.toString(), { status: 400 });',
    "return Response.redirect('/x', 301);",
    "import { error } from '@sveltejs/kit';\nerror(400, { message: 'x', status: 404 });",
    "import { fail } from '@sveltejs/kit';\nreturn fail(400, { status: 404 });",
    "import { createError } from 'h3';\nthrow createError({ statusCode: 400, data: { statusCode: 404 } });",
    "import { setResponseStatus } from 'h3';\nsetResponseStatus(event, 400);\nreturn { statusCode: 404 };",
  ],
  lambda: [
    'export const handler = async () => ({ statusCode: 400, body: JSON.stringify(payload) });',
    'const result = { statusCode: 404, body: JSON.stringify({ statusCode: 400 }) };\nlog(result);',
  ],
  // Test doubles stand for someone else's server.
  testDoubles: [
    'const fetchMock = vi.fn(() => Response.json({ status: 404 }, { status: 400 }));',
    'vi.fn().mockResolvedValue(Response.json({ status: 404 }, { status: 400 }));',
    'jest.spyOn(global, "fetch").mockImplementation(async () => new Response(JSON.stringify({ statusCode: 500 }), { status: 502 }));',
    "jest.mock('./client', () => ({ get: (req, res) => res.status(400).json({ status: 404 }) }));",
    'handler.mockImplementationOnce((req, res) => res.status(400).json({ statusCode: 404 }));',
    'sinon.stub(api, "get").callsFake((req, res) => res.status(400).json({ statusCode: 404 }));',
    "import { http, HttpResponse } from 'msw';\nexport const handlers = [http.get('/x', () => HttpResponse.json({ status: 404 }, { status: 400 }))];",
    "import { http } from 'msw';\nexport const handlers = [http.get('/x', () => Response.json({ status: 404 }, { status: 400 }))];",
    "import nock from 'nock';\nnock('https://api.example.com').get('/x').reply(400, { statusCode: 404 });",
    'globalThis.fetch = async () => Response.json({ status: 404 }, { status: 400 });',
    "vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ statusCode: 404 }), { status: 500 }));",
  ],
  // A handler registered on a real app inside a test is still the app's: see the invalid case below.

};

const byHand: Valid[] = Object.entries(silentByHand).flatMap(([framework, codes]) =>
  codes.map((code) => ({ name: `${framework}: ${code.replaceAll('\n', ' ').slice(0, 90)}`, code })),
);

const silent: Valid[] = [...agreeing, ...notAStatus, ...responseUnknown, ...byHand];
const invalid: Invalid[] = [...express, ...nodeHttp, ...fastify, ...koa, ...nest, ...hono, ...fetchStyle, ...lambda, ...inTests, ...constants, ...sweep];

describe('consistent-body-status tables', () => {
  it('stay silent at least as often as they report', () => {
    expect(silent.length).toBeGreaterThanOrEqual(invalid.length);
  });
});

createRuleTester().run('consistent-body-status', rule, { valid: silent, invalid });

// ---------------------------------------------------------------------------
// requireProblemContentType
// ---------------------------------------------------------------------------

const PROBLEM = [{ requireProblemContentType: true }] as Options;
const missing = (line: number, column: number): Error => ({ messageId: 'missingProblemContentType', line, column, suggestions: [] });
const other = (line: number, column: number, actual: string): Error => ({ messageId: 'otherProblemContentType', data: { actual }, line, column, suggestions: [] });

createRuleTester().run('consistent-body-status: requireProblemContentType', rule, {
  valid: [
    // off by default
    "res.status(400).json({ type: 'about:blank', title: 'Bad Request' });",
    ...[
      "res.status(400).type('application/problem+json').json({ type: 'about:blank', title: 'Bad Request' });",
      "res.set('Content-Type', 'application/problem+json; charset=utf-8');\nres.status(400).json({ type: 'about:blank', title: 'Bad Request' });",
      "res.status(400).setHeader('content-type', 'Application/Problem+JSON').send({ type: 'about:blank', title: 'Bad Request' });",
      // a value the rule cannot read, headers out of sight
      "res.status(400).set('Content-Type', contentType).json({ type: 'about:blank', title: 'Bad Request' });",
      "res.set(headers);\nres.status(400).json({ type: 'about:blank', title: 'Bad Request' });",
      // not the Problem Details shape
      "res.status(400).json({ title: 'Bad Request', detail: 'x' });",
      "res.status(400).json({ type: 'validation', errors });",
      "reply.code(400).header('content-type', 'application/problem+json').send({ type: 'about:blank', title: 'x' });",
      "ctx.status = 400;\nctx.set('Content-Type', 'application/problem+json');\nctx.body = { type: 'about:blank', title: 'x' };",
      // Koa's `ctx.type = x` is not read by the header facts: silent
      "app.use(async (ctx) => {\n  ctx.status = 400;\n  ctx.type = 'application/problem+json';\n  ctx.body = { type: 'about:blank', title: 'x' };\n});",
      "app.get('/', (c) => c.json({ type: 'about:blank', title: 'x' }, 403, { 'Content-Type': 'application/problem+json' }));",
      "app.get('/', (c) => c.body(JSON.stringify({ type: 'about:blank', title: 'x' }), 403, { 'Content-Type': 'application/problem+json' }));",
      "return Response.json({ type: 'about:blank', title: 'x' }, { status: 502, headers: { 'Content-Type': 'application/problem+json' } });",
      "export const handler = async () => ({ statusCode: 400, headers: { 'Content-Type': 'application/problem+json' }, body: JSON.stringify({ type: 'a', title: 'b' }) });",
      // NestJS's HttpException carries no headers: the exception filter's business
      "import { HttpException } from '@nestjs/common';\nthrow new HttpException({ type: 'about:blank', title: 'x', statusCode: 400 }, 400);",
      // test doubles
      "vi.fn(() => Response.json({ type: 'about:blank', title: 'x' }, { status: 400 }));",
    ].map((code) => ({ code, options: PROBLEM })),
  ],
  invalid: [
    {
      name: 'express: no Content-Type',
      code: `res.status(400).json({ type: 'about:blank', title: 'Bad Request', status: 400 });`,
      options: PROBLEM,
      output: null,
      errors: [missing(1, 22)],
    },
    {
      name: 'express: another Content-Type',
      code: `res.status(400).set('Content-Type', 'application/json').json({ type: 'about:blank', title: 'Bad Request' });`,
      options: PROBLEM,
      output: null,
      errors: [other(1, 62, 'application/json')],
    },
    {
      name: 'both reports on one body',
      code: `res.status(400).json({ type: 'about:blank', title: 'Not Found', status: 404 });`,
      options: PROBLEM,
      output: null,
      errors: [
        missing(1, 22),
        mismatch(1, 73, says('status', 404, 'Not Found', 400, 'Bad Request'), '400', `res.status(400).json({ type: 'about:blank', title: 'Not Found', status: 400 });`),
      ],
    },
    {
      name: 'fastify: no Content-Type',
      code: `fastify.get('/', (request, reply) => {
  reply.code(400).send({ type: 'a', title: 'b' });
});`,
      options: PROBLEM,
      output: null,
      errors: [missing(2, 24)],
    },
    {
      name: 'koa: no Content-Type',
      code: `app.use(async (ctx) => {
  ctx.status = 400;
  ctx.body = { type: 'about:blank', title: 'x' };
});`,
      options: PROBLEM,
      output: null,
      errors: [missing(3, 14)],
    },
    {
      name: 'hono: c.header() before c.json() is overwritten',
      code: `app.get('/', (c) => {
  c.header('Content-Type', 'application/problem+json');
  return c.json({ type: 'about:blank', title: 'x' }, 403);
});`,
      options: PROBLEM,
      output: null,
      errors: [other(3, 17, 'application/json')],
    },
    {
      name: 'hono: an init headers object is overwritten by c.json()',
      code: `app.get('/', (c) => c.json({ type: 'about:blank', title: 'x' }, { status: 403, headers: { 'Content-Type': 'application/problem+json' } }));`,
      options: PROBLEM,
      output: null,
      errors: [other(1, 28, 'application/json')],
    },
    {
      name: 'hono: no Content-Type',
      code: `app.get('/', (c) => c.json({ type: 'about:blank', title: 'x' }, 403));`,
      options: PROBLEM,
      output: null,
      errors: [missing(1, 28)],
    },
    {
      name: 'fetch: Response.json() without headers',
      code: `export function GET() {
  return Response.json({ type: 'about:blank', title: 'x' }, { status: 502 });
}`,
      options: PROBLEM,
      output: null,
      errors: [missing(2, 24)],
    },
    {
      name: 'next: NextResponse.json() as application/json',
      code: `import { NextResponse } from 'next/server';
export function GET() {
  return NextResponse.json({ type: 'about:blank', title: 'x' }, { status: 404, headers: { 'content-type': 'application/json' } });
}`,
      options: PROBLEM,
      output: null,
      errors: [other(3, 28, 'application/json')],
    },
    {
      name: 'lambda: no Content-Type',
      code: `export const handler = async () => ({ statusCode: 400, body: JSON.stringify({ type: 'a', title: 'b' }) });`,
      options: PROBLEM,
      output: null,
      errors: [missing(1, 77)],
    },
  ],
});
