import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import rule, { type MessageIds, type Options } from '../../rules/no-accepted-without-queue.js';
import plugin from '../../src/index.js';
import { createRuleTester } from '../rule-tester.js';

type Valid = string | ValidTestCase<Options>;
type Invalid = InvalidTestCase<MessageIds, Options>;

const ruleTester = createRuleTester();

/** Where the status goes in a template; replaced before the case is written. */
const MARK = '\u2060STATUS\u2060';

/** 1-based line and column of `marker` in `code`. */
function locate(code: string, marker: string): { line: number; column: number } {
  const index = code.indexOf(marker);
  const before = code.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

// ---------------------------------------------------------------------------
// Handlers per framework: `status` is where the 202 goes, `work` a statement at the top of the handler.
// ---------------------------------------------------------------------------

interface Template {
  readonly name: string;
  /** The file imports `@nestjs/common`: a literal's suggestion is `HttpStatus.*`, merged into this import. */
  readonly nestImport?: string;
  code(status: string, work: string): string;
}

const NEST_IMPORT = "import { Body, Controller, HttpCode, Post } from '@nestjs/common';";

const TEMPLATES: readonly Template[] = [
  {
    name: 'express res.status',
    code: (status, work) => `app.post('/orders', async (req, res) => {
  ${work}
  res.status(${status}).json({ accepted: true });
});`,
  },
  {
    name: 'express res.sendStatus',
    code: (status, work) => `router.post('/orders', async (req, res) => {
  ${work}
  res.sendStatus(${status});
});`,
  },
  {
    name: 'express res.statusCode',
    code: (status, work) => `app.post('/orders', async (req, res) => {
  ${work}
  res.statusCode = ${status};
  res.end();
});`,
  },
  {
    name: 'express router.route().post',
    code: (status, work) => `router.route('/orders').post(async (req, res) => {
  ${work}
  res.status(${status}).end();
});`,
  },
  {
    name: 'express wrapped callback',
    code: (status, work) => `app.post('/orders', asyncHandler(async (req, res) => {
  ${work}
  res.status(${status}).send('queued');
}));`,
  },
  {
    name: 'express named handler',
    code: (status, work) => `export async function createOrder(req, res) {
  ${work}
  res.status(${status}).json({ accepted: true });
}`,
  },
  {
    name: 'node:http createServer',
    code: (status, work) => `createServer(async (req, res) => {
  ${work}
  res.writeHead(${status}, { 'Content-Type': 'text/plain' });
  res.end();
});`,
  },
  {
    name: 'fastify reply.code',
    code: (status, work) => `fastify.post('/orders', async (request, reply) => {
  ${work}
  return reply.code(${status}).send({ accepted: true });
});`,
  },
  {
    name: 'fastify route options',
    code: (status, work) => `fastify.route({
  method: 'POST',
  url: '/orders',
  handler: async (request, reply) => {
    ${work}
    reply.status(${status});
    return { accepted: true };
  },
});`,
  },
  {
    name: 'hapi route',
    code: (status, work) => `server.route({
  method: 'POST',
  path: '/orders',
  handler: async (request, h) => {
    ${work}
    return h.response({ accepted: true }).code(${status});
  },
});`,
  },
  {
    name: 'koa router',
    code: (status, work) => `router.post('/orders', async (ctx) => {
  ${work}
  ctx.status = ${status};
});`,
  },
  {
    name: 'koa app.use',
    code: (status, work) => `app.use(async (ctx, next) => {
  ${work}
  ctx.status = ${status};
  ctx.body = { accepted: true };
});`,
  },
  {
    name: 'hono c.json',
    code: (status, work) => `app.post('/orders', async (c) => {
  ${work}
  return c.json({ accepted: true }, ${status});
});`,
  },
  {
    name: 'hono app.on',
    code: (status, work) => `app.on('POST', '/orders', async (c) => {
  ${work}
  return c.body(null, ${status});
});`,
  },
  {
    name: 'next route handler',
    code: (status, work) => `import { NextResponse } from 'next/server';
export async function POST(request: Request) {
  ${work}
  return NextResponse.json({ accepted: true }, { status: ${status} });
}`,
  },
  {
    name: 'wrapped exported route',
    code: (status, work) => `export const POST = withAuth(async (request: Request) => {
  ${work}
  return new Response(null, { status: ${status} });
});`,
  },
  {
    name: 'worker fetch',
    code: (status, work) => `export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext) {
    ${work}
    return new Response('accepted', { status: ${status} });
  },
};`,
  },
  {
    name: 'sveltekit +server',
    code: (status, work) => `import { json } from '@sveltejs/kit';
export const POST = async ({ request }) => {
  ${work}
  return json({ accepted: true }, { status: ${status} });
};`,
  },
  {
    name: 'react-router action',
    code: (status, work) => `import { data } from 'react-router';
export async function action({ request }) {
  ${work}
  return data({ accepted: true }, { status: ${status} });
}`,
  },
  {
    name: 'h3 defineEventHandler',
    code: (status, work) => `import { defineEventHandler, setResponseStatus } from 'h3';
export default defineEventHandler(async (event) => {
  ${work}
  setResponseStatus(event, ${status});
  return { accepted: true };
});`,
  },
  {
    name: 'lambda',
    code: (status, work) => `export const handler = async (event) => {
  ${work}
  return { statusCode: ${status}, body: JSON.stringify({ accepted: true }) };
};`,
  },
  {
    name: 'elysia',
    code: (status, work) => `new Elysia().post('/orders', async ({ set }) => {
  ${work}
  set.status = ${status};
  return 'accepted';
});`,
  },
  {
    name: 'nest @HttpCode',
    nestImport: NEST_IMPORT,
    code: (status, work) => `${NEST_IMPORT}
@Controller('orders')
export class OrdersController {
  @Post()
  @HttpCode(${status})
  async create(@Body() dto: CreateOrderDto) {
    ${work}
    return { accepted: true };
  }
}`,
  },
];

// ---------------------------------------------------------------------------
// How the 202 is written, and what the 200 / 201 suggestions write.
// ---------------------------------------------------------------------------

interface Form {
  readonly name: string;
  readonly preamble: string;
  readonly status: string;
  /** The text of a suggestion for `code`; undefined: the number, or `HttpStatus.*` in a Nest file. */
  readonly constant?: (code: 200 | 201) => string;
}

const FORMS: readonly Form[] = [
  { name: 'literal', preamble: '', status: '202' },
  {
    name: 'http-status-codes',
    preamble: "import { StatusCodes } from 'http-status-codes';\n",
    status: 'StatusCodes.ACCEPTED',
    constant: (code) => (code === 200 ? 'StatusCodes.OK' : 'StatusCodes.CREATED'),
  },
  {
    name: '@nestjs/common HttpStatus',
    preamble: "import { HttpStatus } from '@nestjs/common';\n",
    status: 'HttpStatus.ACCEPTED',
    constant: (code) => (code === 200 ? 'HttpStatus.OK' : 'HttpStatus.CREATED'),
  },
  {
    name: 'http-status',
    preamble: "import httpStatus from 'http-status';\n",
    status: 'httpStatus.ACCEPTED',
    constant: (code) => (code === 200 ? 'httpStatus.OK' : 'httpStatus.CREATED'),
  },
  { name: 'local const', preamble: 'const ACCEPTED = 202;\n', status: 'ACCEPTED' },
];

const AWAITED_WORK = 'await db.orders.insert(req.body);';

function suggestionsFor(template: Template, form: Form, skeleton: string): Invalid['errors'][number]['suggestions'] {
  return ([200, 201] as const).map((code) => {
    const messageId = code === 200 ? 'suggestOk' : 'suggestCreated';
    if (form.constant) {
      const status = form.constant(code);
      return { messageId, data: { status }, output: skeleton.replace(MARK, status) };
    }
    if (template.nestImport) {
      const status = code === 200 ? 'HttpStatus.OK' : 'HttpStatus.CREATED';
      const merged = template.nestImport.replace(' } from', ', HttpStatus } from');
      return { messageId, data: { status }, output: skeleton.replace(MARK, status).replace(template.nestImport, merged) };
    }
    const status = String(code);
    return { messageId, data: { status }, output: skeleton.replace(MARK, status) };
  });
}

function reported(template: Template, form: Form, work: string, preamble = ''): Invalid {
  const skeleton = preamble + form.preamble + template.code(MARK, work);
  const { line, column } = locate(skeleton, MARK);
  return {
    name: `${template.name}, ${form.name}: ${work}`,
    code: skeleton.replace(MARK, form.status),
    output: null,
    errors: [{ messageId: 'acceptedWithoutQueue', line, column, suggestions: suggestionsFor(template, form, skeleton) }],
  };
}

// ---------------------------------------------------------------------------
// Work that hands off to the background: each silences every handler.
// ---------------------------------------------------------------------------

interface Deferral {
  readonly work: string;
  readonly preamble?: string;
}

const DEFERRALS: readonly Deferral[] = [
  // queues and job APIs
  { work: "await queue.add('send-receipt', { id: 1 });" },
  { work: 'await emailQueue.addBulk(jobs);' },
  { work: 'await getQueue("mail").add("send", { id: 1 });' },
  { work: 'await queue.createJob({ id: 1 }).save();' },
  { work: "await agenda.now('send-receipt', { id: 1 });" },
  { work: "await agenda.schedule('in 5 minutes', 'send-receipt', { id: 1 });" },
  { work: "await agenda.every('1 hour', 'cleanup');" },
  { work: "await boss.send('send-receipt', { id: 1 });" },
  { work: "channel.sendToQueue('orders', Buffer.from('1'));" },
  { work: "channel.publish('orders', 'created', Buffer.from('1'));" },
  { work: "await producer.send({ topic: 'orders', messages: [] });" },
  { work: "await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: '1' }));", preamble: "import { SendMessageCommand } from '@aws-sdk/client-sqs';\n" },
  { work: "await sqs.sendMessage({ QueueUrl: url, MessageBody: '1' }).promise();" },
  { work: "await pubsub.topic('orders').publishMessage({ json: { id: 1 } });" },
  { work: "await env.ORDERS_QUEUE.send({ id: 1 });" },
  { work: 'await env.ORDERS_QUEUE.sendBatch([{ body: 1 }]);' },
  { work: "await inngest.send({ name: 'order/created', data: {} });" },
  { work: "await tasks.trigger('process-order', { id: 1 });" },
  { work: "await client.workflow.start(processOrder, { taskQueue: 'orders', workflowId: 'o-1' });" },
  { work: "nc.publish('orders.created', payload);" },
  { work: "await redis.lpush('orders', payload);" },
  { work: "await redis.rPush('orders', payload);" },
  { work: "await redis.xadd('orders', '*', 'id', '1');" },
  { work: "await jobs.enqueue('send-receipt', { id: 1 });" },
  { work: 'await enqueueReceipt(order);' },
  { work: "await ordersQueue.add('process', order);" },
  { work: 'await scheduleReceipt(order);' },
  { work: 'dispatchOrderCreated(order);' },
  { work: 'deferWork(() => sendReceipt(order));' },
  { work: 'await events.publishOrderCreated(order);' },
  { work: 'await mailer.sendReceiptLater(order);' },
  { work: "await eventEmitter.emit('order.created', order);" },
  // runtime deferral
  { work: 'setImmediate(() => processOrder(order));' },
  { work: 'setTimeout(() => processOrder(order), 0);' },
  { work: 'process.nextTick(() => processOrder(order));' },
  { work: 'queueMicrotask(() => processOrder(order));' },
  { work: "new Worker('./process-order.js', { workerData: order });" },
  { work: 'worker.postMessage(order);' },
  { work: 'ctx.waitUntil(processOrder(order));' },
  { work: 'c.executionCtx.waitUntil(processOrder(order));' },
  { work: 'event.waitUntil(processOrder(order));' },
  { work: 'waitUntil(processOrder(order));', preamble: "import { waitUntil } from '@vercel/functions';\n" },
  { work: 'after(() => processOrder(order));', preamble: "import { after } from 'next/server';\n" },
  { work: "fork('./process-order.js', ['1']);", preamble: "import { fork } from 'node:child_process';\n" },
  { work: "spawn('convert', [path], { detached: true }).unref();", preamble: "const { spawn } = require('child_process');\n" },
  // promises left running
  { work: 'void processOrder(order);' },
  { work: 'processOrder(order).catch(console.error);' },
  { work: 'processOrder(order).then(notify, report);' },
  { work: 'Promise.allSettled([sendReceipt(order), notify(order)]);' },
];

// ---------------------------------------------------------------------------
// Work that only looks like it: each still reports.
// ---------------------------------------------------------------------------

const LOOK_ALIKES: readonly Deferral[] = [
  { work: 'const now = Date.now();' },
  { work: 'const valid = items.every((item) => item.valid);' },
  { work: 'cache.set(order.id, order);' },
  { work: 'seen.add(order.id);' },
  { work: "logger.info('accepted', order);" },
  { work: 'await new Promise((resolve) => setTimeout(resolve, 100));' },
  { work: 'await sleep(100);', preamble: "import { setTimeout as sleep } from 'node:timers/promises';\n" },
  { work: 'scheduled.push(order);' },
  { work: "reply.trigger('sent');" },
  { work: 'const id = crypto.randomUUID();' },
  { work: 'const input = schema.parse(await readJson());', preamble: 'const readJson = async () => ({});\n' },
];

/** Calls the rule cannot see into: silent by default, reported (as look-alikes) with `assumeOpaqueCallsFinish`. */
const OPAQUE_LOOK_ALIKES: readonly Deferral[] = [
  { work: 'await processOrder(order);' },
  { work: 'await mailer.send(receipt);' },
  { work: "socket.emit('order', order);" },
  { work: 'const publisher = createPublisher();' },
  { work: 'await workflow.execute(processOrder, { args: [order] });' },
  { work: 'await queue.getJobCounts();' },
  { work: 'await processOrder(order).catch(console.error);' },
  { work: 'await Promise.all([sendReceipt(order), notify(order)]);' },
  { work: "target.dispatchEvent(new Event('order'));" },
  { work: 'after(() => processOrder(order));', preamble: "import { after } from './hooks';\n" },
  { work: 'await createManualCommissions({ programId, partnerId });', preamble: "import { createManualCommissions } from '@/lib/api/commissions';\n" },
  { work: 'await this.clientInstanceService.registerBackendClient(data, clientIp);' },
  { work: "const productService = req.scope.resolve('product');" },
  { work: "await container.get('orders').process(order);" },
];

const LOOK_ALIKE_TEMPLATES = TEMPLATES.filter((template) => ['express res.status', 'nest @HttpCode', 'next route handler'].includes(template.name));
const [LITERAL] = FORMS as [Form];

const ASSUME_FINISH: Options = [{ assumeOpaqueCallsFinish: true }];

const tableInvalid: Invalid[] = [
  ...TEMPLATES.flatMap((template) => FORMS.map((form) => reported(template, form, AWAITED_WORK))),
  ...LOOK_ALIKE_TEMPLATES.flatMap((template) => LOOK_ALIKES.map(({ work, preamble }) => reported(template, LITERAL, work, preamble))),
  ...LOOK_ALIKE_TEMPLATES.flatMap((template) =>
    OPAQUE_LOOK_ALIKES.map(({ work, preamble }) => ({
      ...reported(template, LITERAL, work, preamble),
      name: `${template.name}, assumeOpaqueCallsFinish: ${work}`,
      options: ASSUME_FINISH,
    })),
  ),
];

const tableValid: Valid[] = [
  ...TEMPLATES.flatMap((template) =>
    DEFERRALS.map(({ work, preamble = '' }) => ({ name: `${template.name}: ${work}`, code: preamble + template.code('202', work) })),
  ),
  ...LOOK_ALIKE_TEMPLATES.flatMap((template) =>
    OPAQUE_LOOK_ALIKES.map(({ work, preamble = '' }) => ({ name: `${template.name}, opaque: ${work}`, code: preamble + template.code('202', work) })),
  ),
];

// ---------------------------------------------------------------------------
// One case per situation.
// ---------------------------------------------------------------------------

const handwrittenValid: Valid[] = [
  // other statuses, and 202 where it is not a response
  `app.post('/orders', async (req, res) => { await db.orders.insert(req.body); res.status(201).json({ id: 1 }); });`,
  `app.post('/orders', async (req, res) => { await db.orders.insert(req.body); res.sendStatus(204); });`,
  `app.get('/orders', async (req, res) => { if (res.statusCode === 202) log('accepted'); res.status(200).end(); });`,
  `it('accepts', async () => { const res = await request(app).post('/orders'); expect(res.status).toBe(202); });`,
  `it('accepts', async () => { await request(app).post('/orders').expect(202); });`,
  `nock('https://api.example.com').post('/jobs').reply(202, { id: 1 });`,
  `const accepted = new Response(null, { status: 202 });`,
  `app.post('/orders', (req, res) => res.status(202n).end());`,
  `app.post('/orders', (req, res) => res.status(...args).end());`,
  `app.post('/orders', (req, res) => res.redirect(202, '/jobs/1'));`,
  // work queued in a nested callback inside the handler counts
  `app.post('/orders', async (req, res) => {
  req.body.items.forEach((item) => queue.add('item', item));
  res.sendStatus(202);
});`,
  `app.post('/orders', async (req, res) => {
  if (req.body.later) {
    await Promise.all(req.body.items.map(async (item) => { await jobs.enqueue(item); }));
  }
  res.sendStatus(202);
});`,
  // the 202 in a callback belongs to the function that passes the callback
  `app.post('/orders', (req, res) => {
  queue.add('order', req.body).then(() => res.sendStatus(202));
});`,
  `function createOrder(req, res) {
  queue.add('order', req.body).then(() => {
    res.status(202).end();
  });
}`,
  `export async function POST(request: Request) {
  await jobs.enqueue(await request.json());
  async function respond() {
    return new Response(null, { status: 202 });
  }
  return respond();
}`,
  `function createOrder(req, res) {
  setImmediate(() => { res.status(202).end(); });
}`,
  // the handler calls a function of the same file that defers
  `async function startProcessing(order) {
  await ordersQueue.add('process', order);
}
app.post('/orders', async (req, res) => {
  await startProcessing(req.body);
  res.sendStatus(202);
});`,
  `const queueIt = (order) => jobs.enqueue(order);
app.post('/orders', async (req, res) => {
  await queueIt(req.body);
  res.sendStatus(202);
});`,
  // an async function of the same file called and left running
  `async function processOrder(order) {
  await db.orders.insert(order);
}
app.post('/orders', (req, res) => {
  processOrder(req.body);
  res.sendStatus(202);
});`,
  `app.post('/orders', (req, res) => {
  const p = processOrder(req.body);
  void p;
  res.sendStatus(202);
});`,
  `app.post('/orders', (req, res) => {
  processOrder?.(req.body)?.catch(console.error);
  res.sendStatus(202);
});`,
  `app.post('/orders', (req, res) => {
  queue?.add('order', req.body);
  res.sendStatus(202);
});`,
  // Express, node:http and Fastify send at the call: work after it runs after the answer
  `app.post('/webhooks/stripe', (req, res) => {
  res.sendStatus(202);
  processWebhook(req.body);
});`,
  `app.post('/webhooks/github', async (req, res) => {
  res.status(202).json({ received: true });
  await handleEvent(req.headers['x-github-event'], req.body);
});`,
  `fastify.post('/imports', async (request, reply) => {
  reply.code(202).send();
  for (const row of request.body.rows) await importRow(row);
});`,
  `createServer(async (req, res) => {
  res.writeHead(202).end();
  await ingest(req);
});`,
  `app.post('/events', (req, res) => {
  if (!req.body) {
    res.sendStatus(400);
    return;
  }
  res.sendStatus(202);
  req.body.events.forEach((event) => store(event));
});`,
  // response helpers answer for their callers
  `function accepted(res, body) {
  res.status(202).json(body);
}
app.post('/orders', async (req, res) => {
  await queue.add('order', req.body);
  accepted(res, { queued: true });
});`,
  `const accepted = (body: unknown) => Response.json(body, { status: 202 });
export async function POST(request: Request) {
  await jobs.enqueue(await request.json());
  return accepted({ queued: true });
}`,
  `function accepted(res) {
  res.sendStatus(202);
}
app.post('/hooks', (req, res) => {
  accepted(res);
  processHook(req.body);
});`,
  `export function sendAccepted(res, body) {
  res.status(202).json(body);
}`,
  // Nest: the decorated method owns the @HttpCode
  `import { Controller, HttpCode, Post } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  constructor(@InjectQueue('orders') private readonly ordersQueue: Queue) {}
  @Post()
  @HttpCode(202)
  async create(@Body() dto: CreateOrderDto) {
    await this.ordersQueue.add('create', dto);
  }
}`,
  `import { Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
@Controller('reports')
export class ReportsController {
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  generate(@Body() dto: ReportDto) {
    this.build(dto);
    return { accepted: true };
  }
  private async build(dto: ReportDto) {
    await this.reports.render(dto);
  }
}`,
  `import { Controller, HttpCode, Post } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  @Post()
  @HttpCode(202)
  async create(@Body() dto: CreateOrderDto) {
    await this.startProcessing(dto);
  }
  private async startProcessing(dto: CreateOrderDto) {
    await this.client.emit('order_created', dto);
  }
}`,
  `import { Controller, HttpCode, Post } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  @Post()
  @HttpCode(202)
  create(@Body() dto: CreateOrderDto) {
    this.commandBus.dispatch(new CreateOrder(dto));
  }
}`,
  // Next.js after(), under another name or its old one
  `import { after as later, NextResponse } from 'next/server';
export async function POST(request: Request) {
  later(() => audit(request));
  return NextResponse.json({ accepted: true }, { status: 202 });
}`,
  `import { unstable_after, NextResponse } from 'next/server';
export async function POST(request: Request) {
  unstable_after(async () => { await audit(request); });
  return NextResponse.json({ accepted: true }, { status: 202 });
}`,
  `import * as server from 'next/server';
export async function POST(request: Request) {
  server.after(() => audit(request));
  return server.NextResponse.json({ accepted: true }, { status: 202 });
}`,
  // SvelteKit form action and load, Worker class, addEventListener
  `import { json } from '@sveltejs/kit';
export const actions = {
  default: async ({ request }) => {
    await jobs.enqueue(await request.formData());
    return json({ accepted: true }, { status: 202 });
  },
};`,
  `export class Api extends WorkerEntrypoint {
  async fetch(request: Request) {
    this.ctx.waitUntil(this.process(request));
    return new Response(null, { status: 202 });
  }
}`,
  `addEventListener('fetch', (event) => {
  event.waitUntil(handle(event.request));
  event.respondWith(new Response(null, { status: 202 }));
});`,
  // CommonJS
  {
    code: `const { StatusCodes } = require('http-status-codes');
module.exports = function createOrder(req, res) {
  jobs.enqueue(req.body);
  res.status(StatusCodes.ACCEPTED).end();
};`,
    filename: 'file.cjs',
  },
  // options
  {
    code: `app.post('/exports', async (req, res) => {
  await this.jobs.submit(req.body);
  res.sendStatus(202);
});`,
    options: [{ queueCalls: ['jobs.submit'] }],
  },
  {
    code: `app.post('/mail', async (req, res) => {
  await mailer.sendWhenIdle(req.body);
  res.sendStatus(202);
});`,
    options: [{ queueCalls: ['*.sendWhenIdle'] }],
  },
  {
    code: `app.post('/exports', async (req, res) => {
  startExport(req.body.id);
  res.sendStatus(202);
});`,
    options: [{ queueCalls: ['startExport'] }],
  },
  {
    code: `app.post('/exports', async (req, res) => {
  await client.send(new StartExportCommand({ id: 1 }));
  res.sendStatus(202);
});`,
    options: [{ queueCalls: ['Start*Command'] }],
  },
  {
    code: `app.post('/webhooks/stripe', async (req, res) => {
  await handleStripe(req.body);
  res.sendStatus(202);
});`,
    options: [{ ignoreHandlers: ['/webhooks/*'] }],
  },
  {
    code: `export async function POST(request: Request) {
  await handle(request);
  return new Response(null, { status: 202 });
}`,
    options: [{ ignoreHandlers: ['POST'] }],
  },
  {
    code: `import { Controller, HttpCode, Post } from '@nestjs/common';
@Controller('webhooks')
export class WebhooksController {
  @Post()
  @HttpCode(202)
  async receiveWebhook(@Body() body: unknown) {
    await this.webhooks.store(body);
  }
}`,
    options: [{ ignoreHandlers: ['receive*'] }],
  },
  // requireStatusMonitor: a Location header or a URL or id in the body
  {
    code: `app.post('/reports', async (req, res) => {
  const job = await queue.add('report', req.body);
  res.location(\`/jobs/\${job.id}\`).sendStatus(202);
});`,
    options: [{ requireStatusMonitor: true }],
  },
  {
    code: `app.post('/reports', async (req, res) => {
  const job = await queue.add('report', req.body);
  res.set('Location', \`/jobs/\${job.id}\`);
  res.sendStatus(202);
});`,
    options: [{ requireStatusMonitor: true }],
  },
  {
    code: `export async function POST(request: Request) {
  const job = await jobs.enqueue(await request.json());
  return new Response(null, { status: 202, headers: { Location: \`/jobs/\${job.id}\` } });
}`,
    options: [{ requireStatusMonitor: true }],
  },
  {
    code: `app.post('/analyze', async (c) => {
  const op = await queue.add('analyze', await c.req.json());
  c.header('Operation-Location', \`/operations/\${op.id}\`);
  return c.body(null, 202);
});`,
    options: [{ requireStatusMonitor: true }],
  },
  {
    code: `app.post('/reports', async (req, res) => {
  const job = await queue.add('report', req.body);
  res.status(202).json({ jobId: job.id });
});`,
    options: [{ requireStatusMonitor: true }],
  },
  {
    code: `import { Controller, HttpCode, Post } from '@nestjs/common';
@Controller('reports')
export class ReportsController {
  @Post()
  @HttpCode(202)
  async create(@Body() dto: ReportDto) {
    const job = await this.reportsQueue.add('render', dto);
    return { statusUrl: \`/reports/jobs/\${job.id}\` };
  }
}`,
    options: [{ requireStatusMonitor: true }],
  },
  {
    code: `router.post('/reports', async (ctx) => {
  const job = await queue.add('report', ctx.request.body);
  ctx.status = 202;
  ctx.body = { id: job.id };
});`,
    options: [{ requireStatusMonitor: true }],
  },
  {
    code: `app.post('/reports', async (req, res) => {
  const job = await queue.add('report', req.body);
  res.status(202).set('Content-Location', \`/jobs/\${job.id}\`).end();
});`,
    options: [{ requireStatusMonitor: true }],
  },
  {
    code: `app.post('/reports', async (c) => {
  const job = await queue.add('report', await c.req.json());
  return c.json({ id: job.id, state: 'queued' }, 202);
});`,
    options: [{ requireStatusMonitor: true }],
  },
  {
    code: `export async function POST(request: Request) {
  const job = await jobs.enqueue(await request.json());
  return Response.json(job, { status: 202 });
}`,
    options: [{ requireStatusMonitor: true }],
  },
  {
    code: `import { Controller, Header, HttpCode, Post } from '@nestjs/common';
@Controller('reports')
export class ReportsController {
  @Post()
  @HttpCode(202)
  @Header('Location', '/reports/status')
  async create(@Body() dto: ReportDto) {
    await this.reportsQueue.add('render', dto);
  }
}`,
    options: [{ requireStatusMonitor: true }],
  },
];

/** `code` with `length` characters at (line, column) replaced by `text`. */
function spliceAt(code: string, line: number, column: number, length: number, text: string): string {
  const lines = code.split('\n');
  const target = lines[line - 1] as string;
  lines[line - 1] = target.slice(0, column - 1) + text + target.slice(column - 1 + length);
  return lines.join('\n');
}

interface Expected {
  /** The reported status as written (what the suggestions replace). */
  readonly status?: string;
  readonly ok?: string;
  readonly created?: string;
  /** Import changes the suggestions make as well. */
  readonly imports?: (output: string) => string;
}

/** An `acceptedWithoutQueue` error at (line, column) with its two suggestions. */
function accepted(code: string, line: number, column: number, expected: Expected = {}): Invalid['errors'][number] {
  const { status = '202', ok = '200', created = '201', imports = (output: string) => output } = expected;
  return {
    messageId: 'acceptedWithoutQueue',
    line,
    column,
    suggestions: [
      { messageId: 'suggestOk', data: { status: ok }, output: imports(spliceAt(code, line, column, status.length, ok)) },
      { messageId: 'suggestCreated', data: { status: created }, output: imports(spliceAt(code, line, column, status.length, created)) },
    ],
  };
}

/** A case reported once, at (line, column). */
function reportedAt(code: string, line: number, column: number, expected: Expected = {}, options?: Options): Invalid {
  return { code, output: null, errors: [accepted(code, line, column, expected)], ...(options ? { options } : {}) };
}

const TWO_ROUTES = `app.post('/orders', async (req, res) => {
  await queue.add('order', req.body);
  res.sendStatus(202);
});
app.post('/refunds', async (req, res) => {
  await db.refunds.insert(req.body);
  res.sendStatus(202);
});`;

const ROUTES_IN_A_FUNCTION = `export function routes(app) {
  app.post('/a', async (req, res) => { await jobs.enqueue(req.body); res.sendStatus(202); });
  app.post('/b', async (req, res) => { await db.orders.insert(req.body); res.sendStatus(202); });
}`;

const TWO_EXPORTS = `export async function POST(request: Request) {
  await jobs.enqueue(await request.json());
  return new Response(null, { status: 202 });
}
export async function PUT(request: Request) {
  await db.save(await request.json());
  return new Response(null, { status: 202 });
}`;

const NEST_TWO_METHODS = `import { Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  async create(@Body() dto: CreateOrderDto) {
    await this.ordersQueue.add('create', dto);
  }
  @Post('import')
  @HttpCode(HttpStatus.ACCEPTED)
  async import(@Body() dto: ImportDto) {
    await this.prisma.order.createMany({ data: dto.orders });
  }
}`;

const NEST_AWAITED_HELPER = `import { Controller, HttpCode, Post } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  @Post()
  @HttpCode(202)
  async create(@Body() dto: CreateOrderDto) {
    await this.process(dto);
  }
  private async process(dto: CreateOrderDto) {
    await this.ordersRepository.save(dto);
  }
}`;

const NEST_MERGED = (output: string): string =>
  output.replace("import { Controller, HttpCode, Post } from '@nestjs/common';", "import { Controller, HttpCode, Post, HttpStatus } from '@nestjs/common';");

const LOCAL_SYNC_FUNCTION = `function audit(order) {
  log.info(order);
}
app.post('/orders', (req, res) => {
  audit(req.body);
  res.sendStatus(202);
});`;

const LOCAL_SET_TIMEOUT = `function setTimeout(callback) {
  callback();
}
app.post('/orders', (req, res) => {
  setTimeout(() => console.log(req.body));
  res.sendStatus(202);
});`;

const LOCAL_AFTER = `import { NextResponse } from 'next/server';
const after = (callback: () => void) => callback();
export async function POST(request: Request) {
  after(() => console.log(request.url));
  return NextResponse.json({ accepted: true }, { status: 202 });
}`;

const WORKER_OTHER_HANDLER = `export default {
  async fetch(request: Request, env: Env) {
    await env.DB.prepare('insert into orders values (?)').bind(1).run();
    return new Response(null, { status: 202 });
  },
  async queue(batch: MessageBatch, env: Env) {
    for (const message of batch.messages) await env.OUT_QUEUE.send(message.body);
  },
};`;

const STRING_STATUS = `app.post('/orders', async (req, res) => {
  await db.orders.insert(req.body);
  res.status('202').end();
});`;

const AS_CONST = `import { StatusCodes } from 'http-status-codes';
app.post('/orders', async (c) => {
  await db.orders.insert(await c.req.json());
  return c.json({ accepted: true }, 202 as const);
});`;

const HTTP2_ON_HONO = `import { constants } from 'node:http2';
app.post('/orders', async (c) => {
  await db.orders.insert(await c.req.json());
  return c.json({ accepted: true }, constants.HTTP_STATUS_ACCEPTED);
});`;

const HTTP2_ON_EXPRESS = `import { constants } from 'node:http2';
app.post('/orders', async (req, res) => {
  await db.orders.insert(req.body);
  res.status(constants.HTTP_STATUS_ACCEPTED).end();
});`;

const ENUM_STATUS = `enum Status { Accepted = 202 }
app.post('/orders', async (req, res) => {
  await db.orders.insert(req.body);
  res.status(Status.Accepted).end();
});`;

const COMMONJS = `const { StatusCodes } = require('http-status-codes');
module.exports = async function createOrder(req, res) {
  await db.orders.insert(req.body);
  res.status(202).end();
};`;

const TWO_SITES = `app.post('/orders', async (req, res) => {
  if (req.body.duplicate) return res.sendStatus(202);
  await db.orders.insert(req.body);
  res.sendStatus(202);
});`;

/** A bare call of a function from elsewhere: it may be synchronous, so it is not taken for a promise left running. */
const BARE_UNKNOWN_CALL = `app.post('/orders', (req, res) => {
  save(req.body);
  setHeaders(res).status(202).end();
});`;

const STATUS_THEN_WORK = `app.post('/orders', async (req, res) => {
  await db.orders.insert(req.body);
  res.status(202);
  await db.audit.insert(req.body);
  res.end();
});`;

const KOA_STATUS_THEN_WORK = `router.post('/orders', async (ctx) => {
  ctx.status = 202;
  await db.orders.insert(ctx.request.body);
});`;

const LOG_AFTER_SEND = `app.post('/orders', async (req, res) => {
  await db.orders.insert(req.body);
  res.sendStatus(202);
  logger.info('answered');
  console.log('done');
});`;

const FETCH_NO_MONITOR = `export async function POST(request: Request) {
  await jobs.enqueue(await request.json());
  return Response.json({ accepted: true }, { status: 202 });
}`;

const HELPER_WITHOUT_QUEUE = `function accepted(res, body) {
  res.status(202).json(body);
}
app.post('/orders', async (req, res) => {
  await db.orders.insert(req.body);
  accepted(res, { saved: true });
});`;

const QUEUED_NO_MONITOR = `app.post('/reports', async (req, res) => {
  await queue.add('report', { userId: req.user.id });
  res.status(202).json({ accepted: true });
});`;

const NOT_QUEUED_WITH_MONITOR = `app.post('/reports', async (req, res) => {
  const report = await prisma.report.create({ data: req.body });
  res.location(\`/reports/\${report.id}\`).sendStatus(202);
});`;

const OTHER_SUBMIT = `app.post('/exports', async (req, res) => {
  await forms.submit(req.body);
  res.sendStatus(202);
});`;

const OTHER_ROUTE = `app.post('/orders', async (req, res) => {
  await handle(req.body);
  res.sendStatus(202);
});`;

const handwrittenInvalid: Invalid[] = [
  // work queued in a different route does not count
  reportedAt(TWO_ROUTES, 7, 18),
  reportedAt(ROUTES_IN_A_FUNCTION, 3, 89),
  reportedAt(TWO_EXPORTS, 7, 39),
  // Nest: each decorated method is its own handler
  reportedAt(NEST_TWO_METHODS, 10, 13, { status: 'HttpStatus.ACCEPTED', ok: 'HttpStatus.OK', created: 'HttpStatus.CREATED' }),
  reportedAt(NEST_AWAITED_HELPER, 5, 13, { ok: 'HttpStatus.OK', created: 'HttpStatus.CREATED', imports: NEST_MERGED }),
  // calls that are not deferrals after all
  reportedAt(LOCAL_SYNC_FUNCTION, 6, 18),
  reportedAt(LOCAL_SET_TIMEOUT, 6, 18),
  reportedAt(LOCAL_AFTER, 5, 58),
  reportedAt(WORKER_OTHER_HANDLER, 4, 41),
  reportedAt(BARE_UNKNOWN_CALL, 3, 26, {}, ASSUME_FINISH),
  // a response helper whose only caller does the work first
  reportedAt(HELPER_WITHOUT_QUEUE, 2, 14),
  // how the status is written
  reportedAt(STRING_STATUS, 3, 14, { status: "'202'", ok: "'200'", created: "'201'" }),
  reportedAt(AS_CONST, 4, 37, { status: '202 as const', ok: 'StatusCodes.OK', created: 'StatusCodes.CREATED' }),
  reportedAt(HTTP2_ON_HONO, 4, 37, { status: 'constants.HTTP_STATUS_ACCEPTED' }),
  reportedAt(HTTP2_ON_EXPRESS, 4, 14, { status: 'constants.HTTP_STATUS_ACCEPTED', ok: 'constants.HTTP_STATUS_OK', created: 'constants.HTTP_STATUS_CREATED' }),
  reportedAt(ENUM_STATUS, 4, 14, { status: 'Status.Accepted' }),
  { ...reportedAt(COMMONJS, 4, 14, { ok: 'StatusCodes.OK', created: 'StatusCodes.CREATED' }), filename: 'file.cjs' },
  {
    code: TWO_SITES,
    output: null,
    errors: [accepted(TWO_SITES, 2, 49), accepted(TWO_SITES, 4, 18)],
  },
  // work after a status that does not send, or in a framework that answers when the handler returns
  reportedAt(STATUS_THEN_WORK, 3, 14),
  reportedAt(KOA_STATUS_THEN_WORK, 2, 16),
  reportedAt(LOG_AFTER_SEND, 3, 18),
  // options
  {
    code: QUEUED_NO_MONITOR,
    output: null,
    options: [{ requireStatusMonitor: true }],
    errors: [{ messageId: 'acceptedWithoutMonitor', line: 3, column: 14, suggestions: [] }],
  },
  {
    code: FETCH_NO_MONITOR,
    output: null,
    options: [{ requireStatusMonitor: true }],
    errors: [{ messageId: 'acceptedWithoutMonitor', line: 3, column: 54, suggestions: [] }],
  },
  reportedAt(NOT_QUEUED_WITH_MONITOR, 3, 52, {}, [{ requireStatusMonitor: true }]),
  reportedAt(OTHER_SUBMIT, 3, 18, {}, [{ queueCalls: ['jobs.submit'], assumeOpaqueCallsFinish: true }]),
  reportedAt(OTHER_ROUTE, 3, 18, {}, [{ ignoreHandlers: ['/webhooks/*'], assumeOpaqueCallsFinish: true }]),
];

ruleTester.run('no-accepted-without-queue', rule, {
  valid: [...tableValid, ...handwrittenValid],
  invalid: [...tableInvalid, ...handwrittenInvalid],
});

// ---------------------------------------------------------------------------
// Declarations: `@ApiResponse({ status: 202 })` documents a response and is none.
// ---------------------------------------------------------------------------

ruleTester.run('no-accepted-without-queue: declarations are not responses', rule, {
  valid: [
    {
      name: 'nest @ApiResponse 202 alone',
      code: `import { Body, Controller, Post } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
@Controller('orders')
export class OrdersController {
  @Post()
  @ApiResponse({ status: 202, description: 'The order is queued.' })
  async create(@Body() dto: CreateOrderDto) {
    await this.ordersRepository.save(dto);
  }
}`,
    },
    {
      name: 'nest @ApiResponse 202 under another name',
      code: `import { Body, Controller, Post } from '@nestjs/common';
import { ApiResponse as Doc } from '@nestjs/swagger';
@Controller('orders')
export class OrdersController {
  @Post()
  @Doc({ status: 202 })
  async create(@Body() dto: CreateOrderDto) {
    await this.ordersRepository.save(dto);
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'nest @HttpCode 202 with its @ApiResponse: reported at @HttpCode only',
      code: `import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
@Controller('orders')
export class OrdersController {
  @Post()
  @HttpCode(202)
  @ApiResponse({ status: 202, description: 'The order is queued.' })
  async create(@Body() dto: CreateOrderDto) {
    await this.ordersRepository.save(dto);
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'acceptedWithoutQueue',
          line: 6,
          column: 13,
          suggestions: [
            {
              messageId: 'suggestOk',
              data: { status: 'HttpStatus.OK' },
              output: `import { Body, Controller, HttpCode, Post, HttpStatus } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
@Controller('orders')
export class OrdersController {
  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiResponse({ status: 202, description: 'The order is queued.' })
  async create(@Body() dto: CreateOrderDto) {
    await this.ordersRepository.save(dto);
  }
}`,
            },
            {
              messageId: 'suggestCreated',
              data: { status: 'HttpStatus.CREATED' },
              output: `import { Body, Controller, HttpCode, Post, HttpStatus } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
@Controller('orders')
export class OrdersController {
  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiResponse({ status: 202, description: 'The order is queued.' })
  async create(@Body() dto: CreateOrderDto) {
    await this.ordersRepository.save(dto);
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});

// ---------------------------------------------------------------------------
// Calls the rule cannot see into (`src/deferral.ts` `classifyCall`): silent by default,
// reported with `assumeOpaqueCallsFinish`; a handler that provably finishes its work is reported.
// ---------------------------------------------------------------------------

const MEDUSA_WORKFLOW = `import { exportProductsWorkflow } from '@medusajs/core-flows';
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const { transaction } = await exportProductsWorkflow(req.scope).run({ input: { filters: req.filterableFields } });
  res.status(202).json({ transaction_id: transaction.transactionId });
};`;

const NEXT_OTHER_MODULE = `import { NextResponse } from 'next/server';
import { createManualCommissions } from '@/lib/api/partners/create-manual-commissions';
export const POST = withWorkspace(async ({ req, workspace }) => {
  const { programId, partnerId, commissions } = await req.json();
  await createManualCommissions({ programId, partnerId, commissions });
  return NextResponse.json({ ok: true }, { status: 202 });
});`;

const INJECTED_SERVICE = `export default class RegisterController extends Controller {
  constructor(private readonly clientInstanceService: ClientInstanceService) {
    super();
  }
  async handleBackendRegistration(req: IAuthRequest, res: Response<void>) {
    const { data, clientIp } = req.body;
    await this.clientInstanceService.registerBackendClient(data, clientIp);
    res.status(202).end();
  }
}`;

ruleTester.run('no-accepted-without-queue: calls it cannot see into', rule, {
  valid: [
    { name: 'issue shape: a workflow run', code: MEDUSA_WORKFLOW },
    { name: 'issue shape: a function of another module', code: NEXT_OTHER_MODULE },
    { name: 'issue shape: an injected service', code: INJECTED_SERVICE },
    {
      name: 'nest: a controller that delegates to its service',
      code: `import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
@Controller('exports')
export class ExportsController {
  constructor(private readonly exportsService: ExportsService) {}
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  async create(@Body() dto: CreateExportDto) {
    return this.exportsService.start(dto);
  }
}`,
    },
    {
      name: 'a DI container resolved from the request',
      code: `export const POST = async (req, res) => {
  const exporter = req.scope.resolve('productExportService');
  await exporter.start(req.body);
  res.sendStatus(202);
};`,
    },
    {
      name: 'a local function that calls into another module',
      code: `import { registerClient } from './clients';
async function register(data) {
  await registerClient(data);
}
app.post('/register', async (req, res) => {
  await register(req.body);
  res.sendStatus(202);
});`,
    },
    {
      name: 'Temporal: a workflow executed through the client',
      code: `app.post('/reports', async (req, res) => {
  await temporal.workflow.execute(buildReport, { taskQueue: 'reports', args: [req.body] });
  res.sendStatus(202);
});`,
    },
    {
      name: 'graphile-worker quickAddJob, imported',
      code: `import { quickAddJob } from 'graphile-worker';
app.post('/emails', async (req, res) => {
  await quickAddJob({ connectionString }, 'send_email', req.body);
  res.sendStatus(202);
});`,
    },
    {
      name: 'an event bus put',
      code: `app.post('/events', async (req, res) => {
  await eventBridge.putEvents({ Entries: [{ Detail: JSON.stringify(req.body) }] });
  res.sendStatus(202);
});`,
    },
    // writes to a table named like a job queue or an outbox hand the work off
    {
      name: 'Prisma: a row in a job table',
      code: `import { prisma } from '@/lib/prisma';
export async function POST(request: Request) {
  const job = await prisma.exportJob.create({ data: await request.json() });
  return Response.json({ id: job.id }, { status: 202 });
}`,
    },
    {
      name: 'Drizzle: a row in the outbox',
      code: `import { db } from './db';
import { outbox } from './schema';
app.post('/orders', async (c) => {
  await db.insert(outbox).values({ type: 'order.created', payload: await c.req.json() });
  return c.body(null, 202);
});`,
    },
    {
      name: 'Knex: a row in a jobs table',
      code: `router.post('/imports', async (ctx) => {
  await knex('import_jobs').insert({ payload: ctx.request.body });
  ctx.status = 202;
});`,
    },
    {
      name: 'SQL: insert into a queue table',
      code: `app.post('/mail', async (req, res) => {
  await pool.query('insert into mail_queue (payload) values ($1)', [req.body]);
  res.sendStatus(202);
});`,
    },
    {
      name: 'postgres.js: a tagged insert into jobs',
      code: `app.post('/mail', async (req, res) => {
  await sql\`insert into jobs (payload) values (\${req.body})\`;
  res.sendStatus(202);
});`,
    },
    {
      name: 'Mongoose: a Task model',
      code: `app.post('/tasks', async (req, res) => {
  const task = await Task.create({ payload: req.body });
  res.status(202).json({ id: task.id });
});`,
    },
  ],
  invalid: [
    {
      name: "issue shape: a workflow run, with assumeOpaqueCallsFinish",
      code: `import { exportProductsWorkflow } from '@medusajs/core-flows';
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const { transaction } = await exportProductsWorkflow(req.scope).run({ input: { filters: req.filterableFields } });
  res.status(202).json({ transaction_id: transaction.transactionId });
};`,
      options: [{ assumeOpaqueCallsFinish: true }],
      output: null,
      errors: [
        {
          messageId: 'acceptedWithoutQueue',
          line: 4,
          column: 14,
          suggestions: [
            {
              messageId: 'suggestOk',
              data: { status: '200' },
              output: `import { exportProductsWorkflow } from '@medusajs/core-flows';
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const { transaction } = await exportProductsWorkflow(req.scope).run({ input: { filters: req.filterableFields } });
  res.status(200).json({ transaction_id: transaction.transactionId });
};`,
            },
            {
              messageId: 'suggestCreated',
              data: { status: '201' },
              output: `import { exportProductsWorkflow } from '@medusajs/core-flows';
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const { transaction } = await exportProductsWorkflow(req.scope).run({ input: { filters: req.filterableFields } });
  res.status(201).json({ transaction_id: transaction.transactionId });
};`,
            },
          ],
        },
      ],
    },
    {
      name: "issue shape: a function of another module, with assumeOpaqueCallsFinish",
      code: `import { NextResponse } from 'next/server';
import { createManualCommissions } from '@/lib/api/partners/create-manual-commissions';
export const POST = withWorkspace(async ({ req, workspace }) => {
  const { programId, partnerId, commissions } = await req.json();
  await createManualCommissions({ programId, partnerId, commissions });
  return NextResponse.json({ ok: true }, { status: 202 });
});`,
      options: [{ assumeOpaqueCallsFinish: true }],
      output: null,
      errors: [
        {
          messageId: 'acceptedWithoutQueue',
          line: 6,
          column: 52,
          suggestions: [
            {
              messageId: 'suggestOk',
              data: { status: '200' },
              output: `import { NextResponse } from 'next/server';
import { createManualCommissions } from '@/lib/api/partners/create-manual-commissions';
export const POST = withWorkspace(async ({ req, workspace }) => {
  const { programId, partnerId, commissions } = await req.json();
  await createManualCommissions({ programId, partnerId, commissions });
  return NextResponse.json({ ok: true }, { status: 200 });
});`,
            },
            {
              messageId: 'suggestCreated',
              data: { status: '201' },
              output: `import { NextResponse } from 'next/server';
import { createManualCommissions } from '@/lib/api/partners/create-manual-commissions';
export const POST = withWorkspace(async ({ req, workspace }) => {
  const { programId, partnerId, commissions } = await req.json();
  await createManualCommissions({ programId, partnerId, commissions });
  return NextResponse.json({ ok: true }, { status: 201 });
});`,
            },
          ],
        },
      ],
    },
    {
      name: "issue shape: an injected service, with assumeOpaqueCallsFinish",
      code: `export default class RegisterController extends Controller {
  constructor(private readonly clientInstanceService: ClientInstanceService) {
    super();
  }
  async handleBackendRegistration(req: IAuthRequest, res: Response<void>) {
    const { data, clientIp } = req.body;
    await this.clientInstanceService.registerBackendClient(data, clientIp);
    res.status(202).end();
  }
}`,
      options: [{ assumeOpaqueCallsFinish: true }],
      output: null,
      errors: [
        {
          messageId: 'acceptedWithoutQueue',
          line: 8,
          column: 16,
          suggestions: [
            {
              messageId: 'suggestOk',
              data: { status: '200' },
              output: `export default class RegisterController extends Controller {
  constructor(private readonly clientInstanceService: ClientInstanceService) {
    super();
  }
  async handleBackendRegistration(req: IAuthRequest, res: Response<void>) {
    const { data, clientIp } = req.body;
    await this.clientInstanceService.registerBackendClient(data, clientIp);
    res.status(200).end();
  }
}`,
            },
            {
              messageId: 'suggestCreated',
              data: { status: '201' },
              output: `export default class RegisterController extends Controller {
  constructor(private readonly clientInstanceService: ClientInstanceService) {
    super();
  }
  async handleBackendRegistration(req: IAuthRequest, res: Response<void>) {
    const { data, clientIp } = req.body;
    await this.clientInstanceService.registerBackendClient(data, clientIp);
    res.status(201).end();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: "a Prisma write, then 202",
      code: `import { NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';
export async function POST(request: Request) {
  const body = await request.json();
  const order = await prisma.order.create({ data: body });
  return NextResponse.json({ id: order.id }, { status: 202 });
}`,
      output: null,
      errors: [
        {
          messageId: 'acceptedWithoutQueue',
          line: 6,
          column: 56,
          suggestions: [
            {
              messageId: 'suggestOk',
              data: { status: '200' },
              output: `import { NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';
export async function POST(request: Request) {
  const body = await request.json();
  const order = await prisma.order.create({ data: body });
  return NextResponse.json({ id: order.id }, { status: 200 });
}`,
            },
            {
              messageId: 'suggestCreated',
              data: { status: '201' },
              output: `import { NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';
export async function POST(request: Request) {
  const body = await request.json();
  const order = await prisma.order.create({ data: body });
  return NextResponse.json({ id: order.id }, { status: 201 });
}`,
            },
          ],
        },
      ],
    },
    {
      name: "purely local computation, then 202",
      code: `function total(items) {
  return items.reduce((sum, item) => sum + item.price, 0);
}
app.post('/quotes', (req, res) => {
  const quote = { total: total(req.body.items), at: new Date().toISOString() };
  res.status(202).json(quote);
});`,
      output: null,
      errors: [
        {
          messageId: 'acceptedWithoutQueue',
          line: 6,
          column: 14,
          suggestions: [
            {
              messageId: 'suggestOk',
              data: { status: '200' },
              output: `function total(items) {
  return items.reduce((sum, item) => sum + item.price, 0);
}
app.post('/quotes', (req, res) => {
  const quote = { total: total(req.body.items), at: new Date().toISOString() };
  res.status(200).json(quote);
});`,
            },
            {
              messageId: 'suggestCreated',
              data: { status: '201' },
              output: `function total(items) {
  return items.reduce((sum, item) => sum + item.price, 0);
}
app.post('/quotes', (req, res) => {
  const quote = { total: total(req.body.items), at: new Date().toISOString() };
  res.status(201).json(quote);
});`,
            },
          ],
        },
      ],
    },
    {
      name: "a Drizzle insert, then 202",
      code: `import { Hono } from 'hono';
import { db } from './db';
import { orders } from './schema';
const app = new Hono();
app.post('/orders', async (c) => {
  const [order] = await db.insert(orders).values(await c.req.json()).returning();
  return c.json(order, 202);
});`,
      output: null,
      errors: [
        {
          messageId: 'acceptedWithoutQueue',
          line: 7,
          column: 24,
          suggestions: [
            {
              messageId: 'suggestOk',
              data: { status: '200' },
              output: `import { Hono } from 'hono';
import { db } from './db';
import { orders } from './schema';
const app = new Hono();
app.post('/orders', async (c) => {
  const [order] = await db.insert(orders).values(await c.req.json()).returning();
  return c.json(order, 200);
});`,
            },
            {
              messageId: 'suggestCreated',
              data: { status: '201' },
              output: `import { Hono } from 'hono';
import { db } from './db';
import { orders } from './schema';
const app = new Hono();
app.post('/orders', async (c) => {
  const [order] = await db.insert(orders).values(await c.req.json()).returning();
  return c.json(order, 201);
});`,
            },
          ],
        },
      ],
    },
    {
      name: "a Knex insert, then 202",
      code: `import { knex } from './knex';
router.post('/orders', async (ctx) => {
  await knex('orders').insert(ctx.request.body);
  ctx.status = 202;
});`,
      output: null,
      errors: [
        {
          messageId: 'acceptedWithoutQueue',
          line: 4,
          column: 16,
          suggestions: [
            {
              messageId: 'suggestOk',
              data: { status: '200' },
              output: `import { knex } from './knex';
router.post('/orders', async (ctx) => {
  await knex('orders').insert(ctx.request.body);
  ctx.status = 200;
});`,
            },
            {
              messageId: 'suggestCreated',
              data: { status: '201' },
              output: `import { knex } from './knex';
router.post('/orders', async (ctx) => {
  await knex('orders').insert(ctx.request.body);
  ctx.status = 201;
});`,
            },
          ],
        },
      ],
    },
    {
      name: "a Mongoose document saved, then 202",
      code: `import Order from '../models/order';
app.post('/orders', async (req, res) => {
  const order = new Order(req.body);
  await order.save();
  res.status(202).json(order);
});`,
      output: null,
      errors: [
        {
          messageId: 'acceptedWithoutQueue',
          line: 5,
          column: 14,
          suggestions: [
            {
              messageId: 'suggestOk',
              data: { status: '200' },
              output: `import Order from '../models/order';
app.post('/orders', async (req, res) => {
  const order = new Order(req.body);
  await order.save();
  res.status(200).json(order);
});`,
            },
            {
              messageId: 'suggestCreated',
              data: { status: '201' },
              output: `import Order from '../models/order';
app.post('/orders', async (req, res) => {
  const order = new Order(req.body);
  await order.save();
  res.status(201).json(order);
});`,
            },
          ],
        },
      ],
    },
    {
      name: "a Sequelize model create, then 202",
      code: `import { Order } from '../models';
fastify.post('/orders', async (request, reply) => {
  const order = await Order.create(request.body);
  return reply.code(202).send(order);
});`,
      output: null,
      errors: [
        {
          messageId: 'acceptedWithoutQueue',
          line: 4,
          column: 21,
          suggestions: [
            {
              messageId: 'suggestOk',
              data: { status: '200' },
              output: `import { Order } from '../models';
fastify.post('/orders', async (request, reply) => {
  const order = await Order.create(request.body);
  return reply.code(200).send(order);
});`,
            },
            {
              messageId: 'suggestCreated',
              data: { status: '201' },
              output: `import { Order } from '../models';
fastify.post('/orders', async (request, reply) => {
  const order = await Order.create(request.body);
  return reply.code(201).send(order);
});`,
            },
          ],
        },
      ],
    },
    {
      name: "a TypeORM repository save in a Nest controller, then 202",
      code: `import { Body, Controller, HttpCode, Post } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  constructor(@InjectRepository(Order) private readonly ordersRepository: Repository<Order>) {}
  @Post()
  @HttpCode(202)
  async create(@Body() dto: CreateOrderDto) {
    return this.ordersRepository.save(dto);
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'acceptedWithoutQueue',
          line: 6,
          column: 13,
          suggestions: [
            {
              messageId: 'suggestOk',
              data: { status: 'HttpStatus.OK' },
              output: `import { Body, Controller, HttpCode, Post, HttpStatus } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  constructor(@InjectRepository(Order) private readonly ordersRepository: Repository<Order>) {}
  @Post()
  @HttpCode(HttpStatus.OK)
  async create(@Body() dto: CreateOrderDto) {
    return this.ordersRepository.save(dto);
  }
}`,
            },
            {
              messageId: 'suggestCreated',
              data: { status: 'HttpStatus.CREATED' },
              output: `import { Body, Controller, HttpCode, Post, HttpStatus } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  constructor(@InjectRepository(Order) private readonly ordersRepository: Repository<Order>) {}
  @Post()
  @HttpCode(HttpStatus.CREATED)
  async create(@Body() dto: CreateOrderDto) {
    return this.ordersRepository.save(dto);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'requireStatusMonitor: an opaque call, no status monitor',
      code: `import { startExport } from './exports';
app.post('/exports', async (req, res) => {
  await startExport(req.body);
  res.status(202).json({ accepted: true });
});`,
      options: [{ requireStatusMonitor: true }],
      output: null,
      errors: [{ messageId: 'acceptedWithoutMonitor', line: 4, column: 14, suggestions: [] }],
    },
  ],
});

// ---------------------------------------------------------------------------
// Test doubles (`src/test-doubles.ts`): a response built in a mock, a fetch stub, an MSW handler or a nock
// reply simulates someone else's server; a handler registered on a real app inside a test is still a handler.
// ---------------------------------------------------------------------------

ruleTester.run('no-accepted-without-queue: test doubles are not the app’s responses', rule, {
  valid: [
    {
      name: 'issue: vi.mocked(...).mockImplementation',
      code: `vi.mocked(handleApiError).mockImplementation(() => new Response(null, { status: 202 }));`,
    },
    {
      name: 'issue: a mocked upstream with vi.fn',
      code: `const fetch = vi.fn(async () => new Response(null, { status: 202 }));`,
    },
    {
      name: 'issue: mockResolvedValueOnce',
      code: `customFetch.mockResolvedValueOnce(new Response(null, { status: 202 }));`,
    },
    {
      name: 'issue: an MSW handler',
      code: `import { http } from 'msw';
export const handlers = [
  http.get('https://api.github.com/user', () => new Response(null, { status: 202 })),
];`,
    },
    {
      name: 'jest.fn with an implementation',
      code: `const handler = jest.fn(() => new Response(null, { status: 202 }));`,
    },
    {
      name: 'mockReturnValue',
      code: `api.request.mockReturnValue(new Response(null, { status: 202 }));`,
    },
    {
      name: 'mockResolvedValue on vi.spyOn',
      code: `vi.spyOn(client, 'send').mockResolvedValue(new Response(null, { status: 202 }));`,
    },
    {
      name: 'sinon stub resolves',
      code: `sinon.stub(client, 'fetch').resolves(new Response(null, { status: 202 }));`,
    },
    {
      name: 'sinon stub returns',
      code: `sinon.stub(client, 'fetch').returns(Promise.resolve(new Response(null, { status: 202 })));`,
    },
    {
      name: 'global.fetch replaced',
      code: `global.fetch = async () => new Response(null, { status: 202 });`,
    },
    {
      name: 'globalThis.fetch replaced',
      code: `globalThis.fetch = vi.fn().mockImplementation(async () => {
  return new Response(null, { status: 202 });
});`,
    },
    {
      name: 'vi.stubGlobal fetch',
      code: `vi.stubGlobal('fetch', async () => new Response(null, { status: 202 }));`,
    },
    {
      name: 'a module mock factory',
      code: `vi.mock('./upstream', () => ({
  call: async () => new Response(null, { status: 202 }),
}));`,
    },
    {
      name: 'MSW rest handler (v1) with res',
      code: `import { rest } from 'msw';
const server = setupServer(
  rest.post('/api/items', (req, res, ctx) => {
    return new Response(null, { status: 202 });
  }),
);`,
    },
    {
      name: 'MSW handlers passed to setupServer',
      code: `import { setupServer } from 'msw/node';
const server = setupServer(...[() => new Response(null, { status: 202 })]);`,
    },
  ],
  invalid: [
    {
      name: 'an Express handler registered inside a test is still a handler',
      code: `import express from 'express';
describe('orders', () => {
  const app = express();
  app.post('/orders', (req, res) => {
    res.status(202).json({ total: req.body.items.length });
  });
});`,
      output: null,
      errors: [
        {
          messageId: 'acceptedWithoutQueue',
          line: 5,
          column: 16,
          suggestions: [
            {
              messageId: 'suggestOk',
              data: { status: '200' },
              output: `import express from 'express';
describe('orders', () => {
  const app = express();
  app.post('/orders', (req, res) => {
    res.status(200).json({ total: req.body.items.length });
  });
});`,
            },
            {
              messageId: 'suggestCreated',
              data: { status: '201' },
              output: `import express from 'express';
describe('orders', () => {
  const app = express();
  app.post('/orders', (req, res) => {
    res.status(201).json({ total: req.body.items.length });
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
it('accepts', async () => {
  const server = createServer((req, res) => {
    res.writeHead(202);
    res.end();
  });
});`,
      output: null,
      errors: [
        {
          messageId: 'acceptedWithoutQueue',
          line: 4,
          column: 19,
          suggestions: [
            {
              messageId: 'suggestOk',
              data: { status: '200' },
              output: `import { createServer } from 'node:http';
it('accepts', async () => {
  const server = createServer((req, res) => {
    res.writeHead(200);
    res.end();
  });
});`,
            },
            {
              messageId: 'suggestCreated',
              data: { status: '201' },
              output: `import { createServer } from 'node:http';
it('accepts', async () => {
  const server = createServer((req, res) => {
    res.writeHead(201);
    res.end();
  });
});`,
            },
          ],
        },
      ],
    },
  ],
});

// ---------------------------------------------------------------------------
// The frameworks' own shipped code: no crash, and only the reports judged right.
// ---------------------------------------------------------------------------

const NODE_MODULES = fileURLToPath(new URL('../../node_modules/', import.meta.url));
const FRAMEWORK_PACKAGES = ['express', 'fastify', 'koa', 'hono', 'h3', '@sveltejs/kit', '@nestjs/core'];

function* javascriptFiles(directory: string): Generator<string> {
  for (const entry of readdirSync(directory)) {
    if (entry === 'node_modules') continue;
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) yield* javascriptFiles(path);
    else if (/\.[cm]?js$/.test(entry)) yield path;
  }
}

describe('no-accepted-without-queue on the frameworks’ shipped code', () => {
  it('lints every JS file without a crash', () => {
    const linter = new Linter({ configType: 'flat' });
    const reports: string[] = [];
    let files = 0;
    let unparsed = 0;
    for (const name of FRAMEWORK_PACKAGES) {
      for (const path of javascriptFiles(join(NODE_MODULES, name))) {
        const code = readFileSync(path, 'utf8');
        const relative = path.slice(NODE_MODULES.length);
        files++;
        let messages: Linter.LintMessage[] = [];
        for (const sourceType of ['module', 'commonjs'] as const) {
          messages = linter.verify(
            code,
            [
              {
                files: ['**/*.js'],
                languageOptions: { sourceType, ecmaVersion: 'latest' },
                linterOptions: { noInlineConfig: true, reportUnusedInlineConfigs: 'off', reportUnusedDisableDirectives: 'off' },
                plugins: { 'http-status': plugin as never },
                rules: { 'http-status/no-accepted-without-queue': ['error', { requireStatusMonitor: true }] },
              },
            ],
            `shipped/${relative.replaceAll('/', '__')}.js`,
          );
          if (!messages.some((message) => message.fatal)) break;
        }
        if (messages.some((message) => message.fatal)) {
          unparsed++;
          continue;
        }
        for (const message of messages) {
          if (message.ruleId === 'http-status/no-accepted-without-queue') reports.push(`${relative}:${message.line}:${message.column} ${message.messageId}`);
        }
      }
    }
    expect(files).toBeGreaterThan(500);
    expect(unparsed).toBe(0);
    // A Fastify test route that answers `reply.code(202)` with nothing deferred: right by the rule's definition.
    expect(reports).toEqual(['fastify/test/schema-serialization.test.js:224:20 acceptedWithoutQueue']);
  }, 180_000);
});
