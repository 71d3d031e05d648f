/**
 * Deferral: what counts as handing work to the background, so that a handler
 * may answer before the work is done (202 Accepted, RFC 9110 §15.3.3).
 *
 * - Queue and job APIs: BullMQ / Bee-Queue `queue.add/addBulk/createJob`, Agenda `now/schedule/every`,
 *   pg-boss `boss.send`, amqplib `sendToQueue/publish`, KafkaJS `producer.send`, SQS `SendMessageCommand` /
 *   `sqs.sendMessage`, SNS / EventBridge commands, Google Pub/Sub `publishMessage/publish`, Cloudflare
 *   `env.QUEUE.send/sendBatch`, Inngest `inngest.send`, Trigger.dev `tasks.trigger`, Temporal
 *   `client.workflow.start`, NATS `publish`, Redis `lpush/rpush/xadd`, message buses' `emit`, and names
 *   that say it: `enqueue*`, `*Queue*.add`, `schedule*`, `dispatch*`, `defer*`, `publish*`, `*InBackground`, `*Later`.
 * - Runtime deferral: `setImmediate`, `setTimeout`, `process.nextTick`, `queueMicrotask`, `new Worker()`,
 *   `.postMessage()`, `.waitUntil()` / `waitUntil()`, Next.js `after()` (from `next/server`),
 *   `child_process` `fork` / `spawn`.
 * - A promise left running: `void work()`, `work().catch(log)` / `.then()` / `.finally()` as a statement,
 *   a bare `Promise.all(...)`, a bare call of an `async` function of the same file.
 * - Work after the answer: Express, node:http and Fastify send the response at `res.sendStatus(n)`,
 *   `res.status(n).json(x)`, `reply.code(n).send(x)`; a call that follows that statement in the handler
 *   runs after the client has its answer (`res.sendStatus(202); await processWebhook(body)`).
 *
 * Calls on a response object (`res`, `reply`, `response`) never count.
 * Facts are collected per function in one pass; `defers(fn)` answers at `Program:exit`
 * and follows calls to functions and methods of the same file.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { calleeName, calleeObject, keyName, propertyName, unwrap, type Node } from './ast.js';
import { handlerShape, isFunctionNode, type FunctionNode } from './handlers.js';
import { isUndeclared, originOf, variableOf, type Context } from './origins.js';
import type { StatusSite } from './sites.js';

export type DeferralKind = 'queue' | 'runtime' | 'floating' | 'custom';

/** Receivers that are the response itself: calls on them never hand work off. */
const RESPONSE_ROOT = /^(?:res|resp|response|reply|rep|serverResponse|httpResponse|outgoing)$|(?:Res|Response|Reply)$/;

/**
 * Names that say the call hands work off: `enqueue*`, `schedule*`, `dispatch*`, `defer*`, `publish*`,
 * `addToQueue`, `createJob`, `runInBackground`, `sendLater`. The word ends where no lower-case letter follows,
 * so `publisher()` and `scheduled()` do not count.
 */
const DEFERRING_NAME =
  /^(?:enqueue|schedule|dispatch|defer|publish)(?![a-z])|^(?:add|send|push|put)(?:To|On|Onto)Queue(?![a-z])|^(?:add|create|submit)(?:Background)?Jobs?(?![a-z])|InBackground(?![a-z])|[a-z]Later$|^(?:in)?[Bb]ackground(?:Task|Job)?(?![a-z])/;
/** Look-alikes of those names that run their work at once. */
const NOT_DEFERRING = new Set(['dispatchEvent']);

type ReceiverTest = RegExp | 'any' | 'env';

/** Method name, then what the receiver path must look like. */
const QUEUE_METHODS: ReadonlyMap<string, readonly ReceiverTest[]> = new Map<string, readonly ReceiverTest[]>([
  // BullMQ, Bee-Queue: queue.add(name, data), queue.addBulk([...]), queue.createJob(data).save()
  ['add', [/queue/i]],
  ['addBulk', [/queue/i]],
  ['createJob', ['any']],
  // Agenda: agenda.now('job'), agenda.every('5 minutes', 'job')
  ['now', [/agenda|queue|jobs?\b|scheduler|cron/i]],
  ['every', [/agenda|queue|jobs?\b|scheduler|cron/i]],
  // pg-boss boss.send, KafkaJS producer.send, Inngest inngest.send, Cloudflare env.QUEUE.send
  ['send', [/boss|queue|producer|inngest|kafka|jobs?\b|tasks?\b|bus\b|broker/i, 'env']],
  ['sendBatch', [/queue|producer|bus\b/i, 'env']],
  ['sendMessages', [/sender|queue|bus\b/i]],
  ['scheduleMessages', ['any']],
  // SQS v2: sqs.sendMessage(params).promise()
  ['sendMessage', [/sqs|queue/i]],
  ['sendMessageBatch', [/sqs|queue/i]],
  ['sendToQueue', ['any']],
  // Trigger.dev: tasks.trigger('id', payload), myTask.trigger(payload)
  ['trigger', ['any']],
  ['batchTrigger', ['any']],
  // Temporal: client.workflow.start(fn, opts), workflowClient.signalWithStart(...)
  ['start', [/workflow/i]],
  ['signalWithStart', [/workflow/i]],
  // NestJS microservices ClientProxy.emit, event buses, EventEmitter2 with async listeners
  ['emit', [/client|broker|bus\b|producer|queue|kafka|nats|rabbit|amqp|mq\b|emitter/i]],
  ['emitAsync', ['any']],
  // Redis lists and streams
  ['lpush', ['any']],
  ['rpush', ['any']],
  ['lPush', ['any']],
  ['rPush', ['any']],
  ['lpushx', ['any']],
  ['rpushx', ['any']],
  ['xadd', ['any']],
  ['xAdd', ['any']],
]);

/** AWS SDK v3 commands that hand a message to a queue, topic, bus or state machine. */
const QUEUE_COMMANDS = new Set([
  'SendMessageCommand',
  'SendMessageBatchCommand',
  'PublishCommand',
  'PublishBatchCommand',
  'PutEventsCommand',
  'StartExecutionCommand',
]);

const TIMERS = new Set(['setImmediate', 'setTimeout', 'queueMicrotask']);
const AFTER_NAMES = ['after', 'unstable_after'];
const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self', 'timers']);
const PROMISE_CHAIN = new Set(['then', 'catch', 'finally']);
const PROMISE_COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);
const CHILD_PROCESS = new Set(['child_process', 'node:child_process']);
const TIMERS_PROMISES = new Set(['timers/promises', 'node:timers/promises']);
const NEXT_SERVER = new Set(['next/server', 'next/server.js']);

/**
 * The segments of a callee: `this.jobs.enqueue` gives `['this', 'jobs', 'enqueue']`,
 * `getQueue('mail').add` gives `['getQueue', 'add']` (a call in the chain stands for what it returns).
 */
export function calleeSegments(callee: Node): string[] {
  const segments: string[] = [];
  let current: Node | undefined = unwrap(callee);
  while (current) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      segments.push(propertyName(current) ?? '[]');
      current = unwrap(current.object);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      current = unwrap(current.callee);
    } else if (current.type === AST_NODE_TYPES.Identifier) {
      segments.push(current.name);
      current = undefined;
    } else if (current.type === AST_NODE_TYPES.ThisExpression) {
      segments.push('this');
      current = undefined;
    } else {
      segments.push('()');
      current = undefined;
    }
  }
  return segments.reverse();
}

/** The first segment of a callee (`res` in `res.status(202).json(x)`), without building the whole path. */
function calleeRoot(callee: Node): string | undefined {
  let current: Node = unwrap(callee);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression) current = unwrap(current.callee);
    else if (current.type === AST_NODE_TYPES.Identifier) return current.name;
    else if (current.type === AST_NODE_TYPES.ThisExpression) return 'this';
    else return undefined;
  }
}

/** Names worth a closer look as runtime deferrals or promises left running. */
const RUNTIME_NAMES = new Set([...TIMERS, 'nextTick', 'postMessage', 'waitUntil', 'fork', 'spawn', ...AFTER_NAMES, ...PROMISE_CHAIN, ...PROMISE_COMBINATORS]);

function isResponseRoot(segments: readonly string[]): boolean {
  const root = segments[0];
  return root !== undefined && segments.length > 1 && RESPONSE_ROOT.test(root);
}

/** A `queueCalls` pattern: dot-separated globs matched against the last segments of a callee. */
export type CallPattern = readonly RegExp[];

export function compileCallPattern(pattern: string): CallPattern {
  return pattern.split('.').map((segment) => new RegExp(`^${segment.replaceAll(/[\\^$+?()[\]{}|]/g, '\\$&').replaceAll('*', '.*')}$`));
}

function matchesPattern(segments: readonly string[], pattern: CallPattern): boolean {
  if (pattern.length > segments.length) return false;
  const offset = segments.length - pattern.length;
  return pattern.every((segment, index) => segment.test(segments[offset + index] as string));
}

function receiverMatches(tests: readonly ReceiverTest[], segments: readonly string[]): boolean {
  const receiver = segments.slice(0, -1);
  if (receiver.length === 0) return false;
  const text = receiver.join('.');
  return tests.some((test) => {
    if (test === 'any') return true;
    // Cloudflare bindings: env.QUEUE.send(), c.env.JOBS.send(), this.env.Q.sendBatch()
    if (test === 'env') return receiver.length >= 2 && receiver.at(-2) === 'env';
    return test.test(text);
  });
}

/** `setTimeout(resolve, ms)` inside `new Promise((resolve) => ...)`: a sleep, not a deferral. */
function isSleep(call: TSESTree.CallExpression): boolean {
  const first = call.arguments[0];
  if (first?.type !== AST_NODE_TYPES.Identifier) return false;
  for (let current: Node | undefined = call.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const parent = current.parent;
    if (parent?.type !== AST_NODE_TYPES.NewExpression || parent.arguments[0] !== current) return false;
    if (parent.callee.type !== AST_NODE_TYPES.Identifier || parent.callee.name !== 'Promise') return false;
    return current.params.some((param) => param.type === AST_NODE_TYPES.Identifier && param.name === first.name);
  }
  return false;
}

/** True when the identifier is bound to an import from one of `modules`, exported as one of `names`. */
function importedAs(context: Context, node: Node, modules: ReadonlySet<string>, names?: ReadonlySet<string>): boolean {
  const origin = originOf(context, node);
  if (!origin || !modules.has(origin.module)) return false;
  if (!names) return true;
  const last = origin.path.at(-1);
  return last !== undefined && names.has(last);
}

const AFTER = new Set(AFTER_NAMES);

/** A runtime deferral: timers, `process.nextTick`, workers, `waitUntil`, Next.js `after`, `child_process`. */
function runtimeDeferral(context: Context, call: TSESTree.CallExpression, name: string, segments: readonly string[], afterNames: ReadonlySet<string>): boolean {
  const callee = unwrap(call.callee);
  if (TIMERS.has(name)) {
    if (callee.type === AST_NODE_TYPES.Identifier) {
      if (importedAs(context, callee, TIMERS_PROMISES)) return false;
      if (!isUndeclared(context, callee) && !originOf(context, callee)) return false;
    } else if (!GLOBAL_OBJECTS.has(segments[0] ?? '') || segments.length !== 2) {
      return false;
    }
    return !(name === 'setTimeout' && isSleep(call));
  }
  switch (name) {
    case 'nextTick':
      return segments.length === 2 && segments[0] === 'process';
    case 'postMessage':
    case 'waitUntil':
      return true;
    case 'fork':
    case 'spawn':
      return importedAs(context, callee, CHILD_PROCESS);
    default:
      break;
  }
  if (AFTER.has(name) || afterNames.has(name)) return importedAs(context, callee, NEXT_SERVER, AFTER);
  return false;
}

/** A promise started and left running: `work().catch(log)` or `Promise.all([...])` as a statement. */
function isLeftRunningStatement(call: TSESTree.CallExpression, name: string, segments: readonly string[]): boolean {
  if (!isStatement(call)) return false;
  if (PROMISE_CHAIN.has(name)) return calleeObject(call.callee) !== undefined;
  return PROMISE_COMBINATORS.has(name) && segments.length === 2 && segments[0] === 'Promise';
}

/** The call's value is thrown away: it is an expression statement (`f();`, `f?.();`). */
function isStatement(node: Node): boolean {
  let current: Node = node;
  while (current.parent?.type === AST_NODE_TYPES.ChainExpression) current = current.parent;
  return current.parent?.type === AST_NODE_TYPES.ExpressionStatement;
}

export interface DeferralOptions {
  /** A project's own queue calls: `jobs.submit`, `*.enqueueLater`, `startJob`. */
  readonly queueCalls?: readonly string[];
}

/** What kind of deferral a call is, if any (without following local functions). */
export function deferralOfCall(
  context: Context,
  call: TSESTree.CallExpression,
  patterns: readonly CallPattern[] = [],
  afterNames: ReadonlySet<string> = AFTER,
): DeferralKind | undefined {
  const name = calleeName(call.callee);
  if (name === undefined) return undefined;
  const receivers = QUEUE_METHODS.get(name);
  const saysIt = DEFERRING_NAME.test(name) && !NOT_DEFERRING.has(name);
  // Most calls are none of these: decide before building the callee's path.
  if (patterns.length === 0 && !receivers && !saysIt && !RUNTIME_NAMES.has(name) && !afterNames.has(name)) return undefined;
  const segments = calleeSegments(call.callee);
  if (isResponseRoot(segments)) return undefined;
  if (patterns.some((pattern) => matchesPattern(segments, pattern))) return 'custom';
  if (receivers && receiverMatches(receivers, segments)) return 'queue';
  if (saysIt) return 'queue';
  if (runtimeDeferral(context, call, name, segments, afterNames)) return 'runtime';
  if (isLeftRunningStatement(call, name, segments)) return 'floating';
  return undefined;
}

/** `new SendMessageCommand(...)`, `new Worker(...)`, or a `queueCalls` pattern naming the constructor. */
export function deferralOfNew(expression: TSESTree.NewExpression, patterns: readonly CallPattern[] = []): DeferralKind | undefined {
  const name = calleeName(expression.callee);
  if (name === undefined) return undefined;
  if (patterns.some((pattern) => matchesPattern(calleeSegments(expression.callee), pattern))) return 'custom';
  if (QUEUE_COMMANDS.has(name)) return 'queue';
  if (name === 'Worker') return 'runtime';
  return undefined;
}

/** `void work()`, `void promise`: a promise deliberately left running. */
export function isVoidedPromise(expression: TSESTree.UnaryExpression): boolean {
  if (expression.operator !== 'void') return false;
  const argument = unwrap(expression.argument);
  if (argument.type === AST_NODE_TYPES.CallExpression || argument.type === AST_NODE_TYPES.NewExpression) {
    return !isResponseRoot(calleeSegments(argument.callee));
  }
  return argument.type === AST_NODE_TYPES.Identifier || argument.type === AST_NODE_TYPES.MemberExpression;
}

/*
 * What each call before the 202 does with the work: `classifyCall` sorts a call into
 *
 * - `defers`: it hands the work off (the deferrals above, and a database write to a table named like a job
 *   queue or an outbox: `prisma.exportJob.create`, `db.insert(outbox)`, `knex('jobs').insert`);
 * - `finishes`: its work is done when it returns: the request and response objects, logging, the language's
 *   built-ins (`JSON`, `Math`, `Date`, array, string, `Map` and `Set` methods), functions of the frameworks,
 *   validators and other libraries that do no I/O of their own, and ORM and query-builder calls (Prisma, Drizzle,
 *   Knex, Kysely, TypeORM repositories, Sequelize and Mongoose models, SQL clients);
 * - `opaque`: the rule cannot see what it does: a function of another module, a method of an injected service
 *   (`this.orders.create()`), anything got from a DI container (`req.scope.resolve()`), a workflow or job API
 *   other than the known deferrals (`exportWorkflow(scope).run()`), an undeclared function.
 *
 * A call of a function or method of the same file is `opaque` here: the tracker looks into it instead.
 */
export type CallClass = 'defers' | 'finishes' | 'opaque';

/** The words of a name: `exportJobs` and `export_jobs` give `['export', 'jobs']`. */
function wordsOf(name: string): string[] {
  return name
    .replaceAll(/([a-z\d])([A-Z])/g, '$1 $2')
    .replaceAll(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z\d]+/)
    .filter(Boolean);
}

/** Words that name a job queue or an outbox: a row written there is work for a worker to pick up. */
const QUEUE_TABLE_WORDS = new Set(['job', 'jobs', 'queue', 'queues', 'queued', 'outbox', 'outboxes', 'task', 'tasks']);

function namesQueueTable(name: string): boolean {
  return wordsOf(name).some((word) => QUEUE_TABLE_WORDS.has(word));
}

/** Receivers that are a database client: Prisma, Drizzle, Knex, Kysely, a SQL pool, Mongo, D1, Supabase. */
const DATABASE_NAME =
  /^(?:db|database|prisma|prismaClient|prismaService|tx|trx|knex|drizzle|kysely|orm|em|entityManager|dataSource|sequelize|sql|pool|pg|mysql|conn|connection|mongo|mongoose|supabase|d1|DB)$/;
/** `usersRepository`, `repo`, `this.userRepo`: a TypeORM or MikroORM repository. */
const REPOSITORY_NAME = /^repo(?:sitory)?$|(?:Repo|Repository|_repo|_repository)$/;

/** Methods of ORM clients, repositories, models and query builders: each finishes its query before it resolves. */
const DATABASE_METHODS = new Set([
  // Prisma
  'create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete', 'deleteMany',
  'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'count', 'aggregate', 'groupBy',
  '$transaction', '$executeRaw', '$executeRawUnsafe', '$queryRaw', '$queryRawUnsafe',
  // Drizzle, Knex, Kysely, Supabase query builders
  'insert', 'insertInto', 'into', 'values', 'set', 'where', 'returning', 'onConflictDoUpdate', 'onConflictDoNothing', 'onConflict', 'merge',
  'ignore', 'select', 'selectFrom', 'from', 'table', 'updateTable', 'deleteFrom', 'execute', 'executeTakeFirst', 'executeTakeFirstOrThrow',
  'innerJoin', 'leftJoin', 'orderBy', 'limit', 'offset', 'single', 'maybeSingle', 'eq', 'match', 'upsert', 'del', 'increment', 'decrement',
  // SQL clients: pg, mysql2, better-sqlite3, D1, postgres.js, pg-promise
  'query', 'exec', 'prepare', 'bind', 'run', 'all', 'first', 'raw', 'unsafe', 'none', 'one', 'oneOrNone', 'many', 'manyOrNone', 'any', 'batch',
  // Mongo driver, Mongoose, Sequelize, TypeORM, MikroORM
  'collection', 'insertOne', 'insertMany', 'updateOne', 'replaceOne', 'deleteOne', 'bulkWrite', 'findOne', 'find', 'findById', 'findAll',
  'findAndCountAll', 'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndDelete', 'findByIdAndDelete', 'countDocuments', 'bulkCreate',
  'save', 'remove', 'destroy', 'softDelete', 'restore', 'persist', 'flush', 'persistAndFlush', 'getRepository', 'transaction', 'toArray',
]);
/** Methods of a Mongoose or Sequelize model class (`User.create(data)`) and of a document (`user.save()`). */
const MODEL_METHODS = new Set([
  'create', 'bulkCreate', 'insertMany', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'findOneAndUpdate', 'findByIdAndUpdate',
  'findOneAndDelete', 'findByIdAndDelete', 'findOne', 'findById', 'find', 'findAll', 'findByPk', 'findAndCountAll', 'countDocuments', 'count',
  'upsert', 'update', 'destroy', 'aggregate', 'bulkWrite', 'replaceOne', 'exists',
]);
const DOCUMENT_METHODS = new Set(['save', 'remove', 'destroy', 'update', 'reload', 'deleteOne', 'updateOne', 'increment', 'decrement', 'set']);
/** Query-builder methods whose argument names the table: `db.insert(jobs)`, `knex.into('jobs')`, `db.collection('jobs')`. */
const TABLE_METHODS = new Set(['insert', 'insertInto', 'into', 'update', 'updateTable', 'delete', 'deleteFrom', 'from', 'table', 'collection', 'getRepository', 'selectFrom', 'model']);
/** Text that is SQL, and the tables it writes or reads. */
const SQL_TEXT = /^\s*(?:insert|update|delete|select|with|replace|merge|upsert|call)\b/i;
const SQL_TABLE = /\b(?:into|update|from|join|table)\s+[`"[]?([\w.]+)|\b(\w*add_job\w*)\s*\(/gi;

/** Words in a receiver's path that say it is someone else's code: a service, a container, a client, a worker, a bus. */
const SERVICE_WORDS = new Set([
  'service', 'services', 'svc', 'container', 'scope', 'injector', 'provider', 'providers', 'module', 'client', 'api', 'sdk', 'gateway',
  'worker', 'workers', 'workflow', 'workflows', 'job', 'jobs', 'task', 'tasks', 'queue', 'queues', 'outbox', 'bus', 'broker', 'producer',
  'publisher', 'scheduler', 'dispatcher', 'emitter', 'events', 'bridge', 'inngest', 'trigger', 'temporal', 'qstash', 'boss', 'agenda',
  'graphile', 'pubsub', 'topic', 'sqs', 'sns', 'kafka', 'rabbit', 'amqp', 'nats', 'lambda', 'step', 'handler', 'handlers', 'usecase',
  'interactor', 'command', 'commands', 'facade', 'orchestrator', 'processor', 'pipeline', 'runner', 'executor', 'engine',
]);

/** Roots that log: calls on them do no work of the handler's. */
const LOGGING = new Set(['console', 'log', 'logger', 'Logger', '_logger', 'pino', 'winston', 'debug', 'next']);

/** Methods of built-in values (arrays, strings, numbers, dates, `Map`, `Set`, promises): their work is done when they return. */
const BUILTIN_METHODS = new Set([
  'map', 'filter', 'reduce', 'reduceRight', 'forEach', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'includes', 'indexOf',
  'lastIndexOf', 'join', 'slice', 'splice', 'concat', 'push', 'pop', 'shift', 'unshift', 'sort', 'toSorted', 'reverse', 'toReversed', 'flat',
  'flatMap', 'fill', 'keys', 'values', 'entries', 'at', 'with', 'split', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase',
  'toLocaleLowerCase', 'toLocaleUpperCase', 'replace', 'replaceAll', 'startsWith', 'endsWith', 'padStart', 'padEnd', 'charAt', 'charCodeAt',
  'codePointAt', 'substring', 'substr', 'toString', 'toFixed', 'toPrecision', 'toISOString', 'toJSON', 'toLocaleString', 'toLocaleDateString',
  'toLocaleTimeString', 'toDateString', 'toUTCString', 'getTime', 'valueOf', 'match', 'matchAll', 'test', 'localeCompare', 'normalize', 'repeat',
  'set', 'get', 'has', 'add', 'delete', 'clear', 'then', 'catch', 'finally', 'bind', 'call', 'apply', 'hasOwnProperty',
  // validators: zod, valibot, yup, joi, ajv, superstruct
  'parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'validate', 'validateSync', 'validateAsync', 'assert', 'is', 'cast', 'decode',
]);

/** Globals whose functions and methods do no work of the handler's own. */
const PURE_GLOBALS = new Set([
  'JSON', 'Math', 'Object', 'Array', 'Number', 'String', 'Boolean', 'Date', 'Promise', 'Reflect', 'Symbol', 'BigInt', 'Intl', 'RegExp',
  'Error', 'TypeError', 'RangeError', 'URL', 'URLSearchParams', 'Buffer', 'TextEncoder', 'TextDecoder', 'crypto', 'structuredClone',
  'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'encodeURIComponent', 'decodeURIComponent', 'encodeURI', 'decodeURI', 'atob', 'btoa',
  'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate', 'queueMicrotask', 'require', 'Response',
  'Headers', 'Request', 'FormData', 'Blob', 'File', 'AbortController', 'AbortSignal', 'performance', 'Map', 'Set', 'WeakMap', 'WeakSet',
  'Uint8Array', 'ArrayBuffer', 'DataView',
]);
/** `process` methods that do no work elsewhere (`process.send` hands a message to the parent process). */
const PROCESS_METHODS = new Set(['hrtime', 'cwd', 'memoryUsage', 'uptime', 'emitWarning', 'cpuUsage']);

/** Modules whose functions do their work before they return (and hand nothing off): frameworks, validators, ORMs, utilities. */
const FINISHING_MODULES = new Set([
  'express', 'fastify', 'koa', '@koa/router', 'koa-router', 'hono', 'h3', 'elysia', '@hapi/hapi', '@hapi/boom', 'http-errors', 'http-status-codes',
  'http-status', '@nestjs/common', 'next', '@sveltejs/kit', 'react-router', '@remix-run/node', '@remix-run/server-runtime', '@remix-run/cloudflare',
  'zod', 'valibot', 'yup', 'joi', 'superstruct', '@sinclair/typebox', 'ajv', 'class-validator', 'class-transformer', 'nanoid', 'uuid', 'cuid',
  '@paralleldrive/cuid2', 'ulid', 'date-fns', 'dayjs', 'luxon', 'moment', 'lodash', 'lodash-es', 'ramda', 'jsonwebtoken', 'jose', 'bcrypt',
  'bcryptjs', 'argon2', 'cookie', 'slugify', 'ms', 'qs', 'drizzle-orm', '@prisma/client', 'kysely', 'knex', 'typeorm', 'sequelize', 'mongoose',
  'mongodb', 'pg', 'mysql2', 'better-sqlite3', 'postgres',
]);
/** Node's modules that start work elsewhere: never `finishes`. */
const NODE_HAND_OFF = new Set(['child_process', 'worker_threads', 'cluster', 'events']);

function isFinishingModule(module: string): boolean {
  const bare = module.startsWith('node:') ? module.slice(5) : module;
  if (NODE_HAND_OFF.has(bare.split('/')[0] as string)) return false;
  if (module.startsWith('node:') || NODE_BUILTINS.has(bare.split('/')[0] as string)) return true;
  if (FINISHING_MODULES.has(module)) return true;
  const scoped = module.startsWith('@') ? module.split('/').slice(0, 2).join('/') : module.split('/')[0];
  return scoped !== undefined && FINISHING_MODULES.has(scoped);
}
const NODE_BUILTINS = new Set(['crypto', 'path', 'url', 'util', 'fs', 'os', 'zlib', 'stream', 'buffer', 'querystring', 'assert', 'string_decoder', 'timers']);

/** Parameters a handler calls to pass control on or to answer: `next()`, `done()`, `callback(null, result)`. */
const CALLBACK_PARAMETERS = new Set(['next', 'done', 'cb', 'callback', 'resolve', 'reject']);
/** Parameters that are the framework's request, response or context. */
const CONTEXT_PARAMETER = /^(?:req|request|res|response|reply|rep|ctx|context|c|event|evt|h|set|e|args|input|body|dto|params|query|data|payload|props)$/;
/** Chained calls on a context that return the context (`h.response(x).code(202)`, `res.status(202).set(...)`). */
const FLUENT_METHODS = new Set(['status', 'code', 'header', 'headers', 'type', 'set', 'append', 'cookie', 'response', 'vary', 'redirect', 'location', 'created']);

/** The node a callee's path starts at: `req` in `req.scope.resolve`, the inner call's callee root in `getQueue('x').add`. */
function calleeBase(callee: Node): { base: Node; intermediate: TSESTree.CallExpression[] } {
  const intermediate: TSESTree.CallExpression[] = [];
  let current: Node = unwrap(callee);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression) {
      intermediate.push(current);
      current = unwrap(current.callee);
    } else return { base: current, intermediate };
  }
}

/** A segment other than the last one says the receiver is a service, a container, a client or a queue. */
function receiverIsService(segments: readonly string[]): boolean {
  for (let index = 0; index < segments.length - 1; index++) {
    for (const word of wordsOf(segments[index] as string)) if (SERVICE_WORDS.has(word)) return true;
  }
  return false;
}

/** The calls of a chain, outermost first: `db.insert(jobs).values(row)` gives the `values` call, then `db.insert(jobs)`. */
function chainCalls(call: TSESTree.CallExpression): TSESTree.CallExpression[] {
  const calls = [call];
  let current: Node = unwrap(call.callee);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression) {
      calls.push(current);
      current = unwrap(current.callee);
    } else return calls;
  }
}

/** The text of a string literal or of a template literal's static parts. */
function textOf(node: Node | undefined): string | undefined {
  const target = node && unwrap(node);
  if (target?.type === AST_NODE_TYPES.Literal && typeof target.value === 'string') return target.value;
  if (target?.type === AST_NODE_TYPES.TemplateLiteral) return target.quasis.map((quasi) => quasi.value.cooked ?? '').join(' ');
  if (target?.type === AST_NODE_TYPES.TaggedTemplateExpression) return textOf(target.quasi);
  return undefined;
}

/** SQL text that writes to or reads from a queue table (`insert into jobs`, `select graphile_worker.add_job(...)`). */
function sqlNamesQueueTable(text: string): boolean {
  for (const match of text.matchAll(SQL_TABLE)) {
    const name = match[1] ?? match[2];
    if (name !== undefined && namesQueueTable(name)) return true;
  }
  return false;
}

/** The table a query-builder argument names: `jobs`, `schema.jobs`, `'jobs'`, `Job` (a TypeORM entity). */
function tableName(node: Node | undefined): string | undefined {
  const target = node && unwrap(node);
  if (!target) return undefined;
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type === AST_NODE_TYPES.MemberExpression) return propertyName(target);
  return textOf(target);
}

/** A call of the chain names a queue table: a Prisma model segment, a table argument, or SQL text. */
function chainNamesQueueTable(call: TSESTree.CallExpression, segments: readonly string[], from: number): boolean {
  // prisma.exportJob.create, db.outbox.insert, this.jobRepository.save
  for (let index = from; index < segments.length - 1; index++) if (namesQueueTable(segments[index] as string)) return true;
  for (const link of chainCalls(call)) {
    const name = calleeName(link.callee);
    const [first] = link.arguments;
    const text = textOf(first);
    if (text !== undefined && SQL_TEXT.test(text)) {
      if (sqlNamesQueueTable(text)) return true;
      continue;
    }
    const isTableCall = (name !== undefined && TABLE_METHODS.has(name)) || unwrap(link.callee).type === AST_NODE_TYPES.Identifier;
    const table = isTableCall ? tableName(first) : undefined;
    if (table !== undefined && namesQueueTable(table)) return true;
  }
  return false;
}

/** `knex('orders')`, `db('orders')`: a query builder called with a table name. */
function isTableCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.Identifier && DATABASE_NAME.test(callee.name) && textOf(call.arguments[0]) !== undefined;
}

/** A database call: `defers` when it writes to a queue table, `finishes` otherwise, undefined when it is none. */
function databaseCall(context: Context, call: TSESTree.CallExpression, segments: readonly string[]): CallClass | undefined {
  const name = segments.at(-1) as string;
  const { base, intermediate } = calleeBase(call.callee);
  // knex('orders').insert(row), db('jobs').insert(row)
  const builder = [call, ...intermediate].find(isTableCall);
  if (builder) return chainNamesQueueTable(call, segments, 1) ? 'defers' : 'finishes';
  if (!DATABASE_METHODS.has(name)) return undefined;
  const client = segments.findIndex((segment, index) => index < segments.length - 1 && (DATABASE_NAME.test(segment) || REPOSITORY_NAME.test(segment)));
  if (client !== -1) return chainNamesQueueTable(call, segments, client) ? 'defers' : 'finishes';
  // User.create(data), Order.findByIdAndUpdate(id, data): a model class (PascalCase, not a service)
  if (segments.length === 2 && MODEL_METHODS.has(name) && base.type === AST_NODE_TYPES.Identifier && intermediate.length === 0 && isModelName(base.name)) {
    return namesQueueTable(base.name) ? 'defers' : 'finishes';
  }
  // const user = new User(data); await user.save()
  if (segments.length === 2 && DOCUMENT_METHODS.has(name) && base.type === AST_NODE_TYPES.Identifier) {
    const model = documentModel(context, base);
    if (model !== undefined) return namesQueueTable(model) ? 'defers' : 'finishes';
  }
  return undefined;
}

/** A model's name: PascalCase, and no word that says service, client or queue. */
function isModelName(name: string): boolean {
  if (!/^[A-Z][a-z]/.test(name)) return false;
  const words = wordsOf(name);
  return !words.some((word) => SERVICE_WORDS.has(word) && !QUEUE_TABLE_WORDS.has(word));
}

/** The model a local document was made from: `new User(data)`, `await User.findById(id)`. */
function documentModel(context: Context, identifier: TSESTree.Identifier): string | undefined {
  const variable = variableOf(context, identifier);
  const def = variable?.defs[0];
  if (variable?.defs.length !== 1 || def?.type !== 'Variable' || !def.node.init) return undefined;
  let init = unwrap(def.node.init);
  if (init.type === AST_NODE_TYPES.AwaitExpression) init = unwrap(init.argument);
  if (init.type === AST_NODE_TYPES.NewExpression && init.callee.type === AST_NODE_TYPES.Identifier && isModelName(init.callee.name)) return init.callee.name;
  if (init.type === AST_NODE_TYPES.CallExpression) {
    const { base, intermediate } = calleeBase(init.callee);
    const method = calleeName(init.callee);
    if (base.type === AST_NODE_TYPES.Identifier && intermediate.length === 0 && method !== undefined && MODEL_METHODS.has(method) && isModelName(base.name)) return base.name;
  }
  return undefined;
}

/** The call is (inside) a decorator: `@Body()`, `@CurrentUser()` are the framework's, not work. */
function isInDecorator(node: Node): boolean {
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.Decorator) return true;
    if (isFunctionNode(current) || current.type === AST_NODE_TYPES.ClassBody || current.type === AST_NODE_TYPES.Program) return false;
  }
  return false;
}

/** What a call bound to a name (`save(x)`, `fn()`) does: a global, an import, a parameter, or a local value. */
function classifyNamedCall(context: Context, callee: TSESTree.Identifier): CallClass {
  const variable = variableOf(context, callee);
  const def = variable?.defs[0];
  if (!variable || !def) return PURE_GLOBALS.has(callee.name) ? 'finishes' : 'opaque';
  if (def.type === 'Parameter') return CALLBACK_PARAMETERS.has(callee.name) ? 'finishes' : 'opaque';
  const origin = originOf(context, callee);
  if (origin) return isFinishingModule(origin.module) ? 'finishes' : 'opaque';
  return 'opaque';
}

/** The parameter is the request, response or context of the function that declares it (`req`, `c`, `event`), not an injected dependency. */
function isContextParameter(def: TSESLint.Scope.Definition, name: string): boolean {
  if (CONTEXT_PARAMETER.test(name)) return true;
  const fn = def.node;
  return isFunctionNode(fn as Node) && handlerShape(fn as FunctionNode) !== undefined;
}

/** A local made by a class that is not a built-in (`const mail = new MailQueue()`): its `add` or `set` may be anything. */
function madeByOtherCode(variable: TSESLint.Scope.Variable): boolean {
  const def = variable.defs[0];
  if (def?.type !== 'Variable' || !def.node.init) return false;
  const init = unwrap(def.node.init);
  return init.type === AST_NODE_TYPES.NewExpression && !(init.callee.type === AST_NODE_TYPES.Identifier && PURE_GLOBALS.has(init.callee.name));
}

/** What a method call does, by its receiver: a global, an import, a parameter, `this`, or a local value. */
function classifyMethodCall(context: Context, call: TSESTree.CallExpression, segments: readonly string[]): CallClass {
  const name = segments.at(-1) as string;
  const { base, intermediate } = calleeBase(call.callee);
  const builtin = BUILTIN_METHODS.has(name);
  if (receiverIsService(segments)) return 'opaque';
  if (base.type !== AST_NODE_TYPES.Identifier) return builtin ? 'finishes' : 'opaque';
  const variable = variableOf(context, base);
  const def = variable?.defs[0];
  if (!variable || !def) {
    if (base.name === 'process') return PROCESS_METHODS.has(name) && segments.length === 2 ? 'finishes' : 'opaque';
    return PURE_GLOBALS.has(base.name) || builtin ? 'finishes' : 'opaque';
  }
  if (def.type === 'Parameter' && isContextParameter(def, base.name)) {
    // c.req.json(), ctx.throw(400), h.response(x).code(202); not what c.get('orders') returns
    const fluent = intermediate.every((link) => FLUENT_METHODS.has(calleeName(link.callee) ?? ''));
    return fluent || builtin ? 'finishes' : 'opaque';
  }
  if (builtin) return madeByOtherCode(variable) ? 'opaque' : 'finishes';
  const origin = def.type === 'ImportBinding' || def.type === 'Variable' ? originOf(context, base) : undefined;
  if (origin) return isFinishingModule(origin.module) ? 'finishes' : 'opaque';
  return 'opaque';
}

/**
 * What a call does with the work (see `CallClass`). A call on `this` or of a plain name that the tracker
 * resolves to a function of the same file is looked into there, before this is asked.
 */
export function classifyCall(context: Context, call: TSESTree.CallExpression, patterns: readonly CallPattern[] = [], afterNames: ReadonlySet<string> = AFTER): CallClass {
  if (isInDecorator(call)) return 'finishes';
  if (deferralOfCall(context, call, patterns, afterNames)) return 'defers';
  const callee = unwrap(call.callee);
  const segments = calleeSegments(callee);
  const root = segments[0] ?? '';
  if (isResponseRoot(segments) || LOGGING.has(root) || segments.slice(1, -1).some((segment) => LOGGING.has(segment))) return 'finishes';
  const database = databaseCall(context, call, segments);
  if (database) return database;
  if (callee.type === AST_NODE_TYPES.Identifier) return classifyNamedCall(context, callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return 'opaque';
  return classifyMethodCall(context, call, segments);
}

/** A tagged template: SQL (`` sql`insert into jobs ...` ``) is a database call; other tags format text. */
export function classifyTaggedTemplate(expression: TSESTree.TaggedTemplateExpression): CallClass {
  const text = textOf(expression.quasi) ?? '';
  return SQL_TEXT.test(text) && sqlNamesQueueTable(text) ? 'defers' : 'finishes';
}

/** A database write to a queue table: cheap enough for every call of a file that answers 202. */
function writesToQueueTable(context: Context, call: TSESTree.CallExpression): boolean {
  const name = calleeName(call.callee);
  if (name === undefined || !(DATABASE_METHODS.has(name) || MODEL_METHODS.has(name) || DOCUMENT_METHODS.has(name) || DATABASE_NAME.test(name))) return false;
  return databaseCall(context, call, calleeSegments(call.callee)) === 'defers';
}

export interface DeferralTracker {
  /** Listens to calls, `new` and `void`; merge it into the rule's listener. */
  readonly listener: TSESLint.RuleListener;
  /**
   * True when `fn` hands work off: a deferral in it or in a function nested in it,
   * or in a function or method of the same file that it calls (transitively).
   * Call it at `Program:exit`.
   */
  defers(fn: FunctionNode): boolean;
  /**
   * True when `fn` calls something after the statement that holds `node`, and does not return right after it:
   * once `node` has sent the response (see `sendsResponse`), that work runs after the answer. Call it at `Program:exit`.
   */
  worksAfter(fn: FunctionNode, node: Node): boolean;
  /**
   * True when `fn`, a function nested in it, or a function or method of the same file that it calls (transitively)
   * makes a call that `classifyCall` finds `opaque`: work that may be handed off where the rule cannot see.
   * Call it at `Program:exit`.
   */
  opaque(fn: FunctionNode): boolean;
}

/** The frameworks whose response leaves at the call that sends it; Koa, Hono and the Fetch API answer when the handler returns. */
const SENT_AT_THE_CALL = new Set(['express', 'node-http', 'fastify']);
/** Calls that send a Connect-style response (Express, node:http, Fastify). */
const SEND_CALLS = new Set(['send', 'json', 'jsonp', 'end', 'sendStatus', 'sendFile', 'download', 'render']);
/** Calls after the answer that are not work: logging and passing control on. */
const NOT_WORK_ROOTS = new Set(['console', 'log', 'logger', 'next']);

/** The site's own call chain sends the response: `res.sendStatus(202)`, `res.status(202).json(x)`, `reply.code(202).send()`. */
export function sendsResponse(site: StatusSite): boolean {
  if (!SENT_AT_THE_CALL.has(site.framework) || site.node.type !== AST_NODE_TYPES.CallExpression) return false;
  let current: Node = site.node;
  for (;;) {
    if (current.type === AST_NODE_TYPES.CallExpression && SEND_CALLS.has(calleeName(current.callee) ?? '')) return true;
    const parent: Node | undefined = current.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === current) {
      const call: Node | undefined = parent.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) return false;
      current = call;
    } else {
      return false;
    }
  }
}

/** The handler returns (or throws) right after `node`: `return res.sendStatus(202)`, `res.sendStatus(202); return;`. */
function leavesAfter(node: Node): boolean {
  let current = node;
  while (current.parent && !isFunctionNode(current.parent)) {
    const parent: Node = current.parent;
    if (parent.type === AST_NODE_TYPES.ReturnStatement || parent.type === AST_NODE_TYPES.ThrowStatement) return true;
    const body: readonly Node[] | undefined =
      parent.type === AST_NODE_TYPES.BlockStatement ? parent.body : parent.type === AST_NODE_TYPES.SwitchCase ? parent.consequent : undefined;
    if (body) {
      const next = body[body.indexOf(current) + 1];
      if (next) return next.type === AST_NODE_TYPES.ReturnStatement || next.type === AST_NODE_TYPES.ThrowStatement;
    }
    current = parent;
  }
  return false;
}

/** The statement that holds `node`: where its effects are done. */
function statementOf(node: Node): Node {
  let current = node;
  while (
    current.parent &&
    current.parent.type !== AST_NODE_TYPES.BlockStatement &&
    current.parent.type !== AST_NODE_TYPES.Program &&
    current.parent.type !== AST_NODE_TYPES.SwitchCase &&
    !isFunctionNode(current.parent)
  ) {
    current = current.parent;
  }
  return current;
}

/** Marks `node`'s enclosing functions, innermost first; stops at one already marked (its own are too). */
function markEnclosing(marked: Set<Node>, node: Node): void {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    if (marked.has(current)) return;
    marked.add(current);
  }
}

/** The functions that contain `node`, innermost first. */
function enclosingFunctions(node: Node): FunctionNode[] {
  const found: FunctionNode[] = [];
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) found.push(current);
  return found;
}

/** The function a same-file call reaches: `work()` (a declaration or a `const` function) or `this.work()` (a method of the class). */
function localCallee(context: Context, call: TSESTree.CallExpression): FunctionNode | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const variable = variableOf(context, callee);
    if (!variable || variable.defs.length !== 1) return undefined;
    const def = variable.defs[0];
    if (def?.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
    if (def?.type === 'Variable' && def.node.init) {
      const init = unwrap(def.node.init);
      return isFunctionNode(init) ? init : undefined;
    }
    return undefined;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression) {
    const name = propertyName(callee);
    if (name === undefined) return undefined;
    for (let current: Node | undefined = call.parent; current; current = current.parent) {
      if (current.type !== AST_NODE_TYPES.ClassBody) continue;
      for (const member of current.body) {
        if ((member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) && keyName(member) === name && member.value) {
          const value = unwrap(member.value);
          if (isFunctionNode(value)) return value;
        }
      }
      return undefined;
    }
  }
  return undefined;
}

/** Local names of `after` / `unstable_after` imported from `next/server`. */
function afterImports(program: TSESTree.Program): Set<string> {
  const names = new Set(AFTER);
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || !NEXT_SERVER.has(statement.source.value)) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.imported.type === AST_NODE_TYPES.Identifier && AFTER.has(specifier.imported.name)) {
        names.add(specifier.local.name);
      }
    }
  }
  return names;
}

/** Collects deferrals per function while the file is traversed once. */
export function trackDeferrals(context: Context, options: DeferralOptions = {}): DeferralTracker {
  const patterns = (options.queueCalls ?? []).map(compileCallPattern);
  /** Functions that contain a deferral, directly or in a nested function. */
  const marked = new Set<Node>();
  /** Calls of plain names and `this` methods: candidates for same-file functions that defer. */
  const localCalls: TSESTree.CallExpression[] = [];
  let afterNames: ReadonlySet<string> = AFTER;
  let callsWithin: Map<FunctionNode, TSESTree.CallExpression[]> | undefined;
  const memo = new Map<FunctionNode, boolean>();
  /** Per function, where its last call that may do work starts (calls in nested functions count for those). */
  const lastWork = new Map<FunctionNode, number>();
  const stack: FunctionNode[] = [];
  /** Every call of the file, for `opaque`: sorted by position on the first question. */
  const calls: TSESTree.CallExpression[] = [];
  let sorted = false;
  const classes = new Map<TSESTree.CallExpression, CallClass>();
  const opaqueMemo = new Map<FunctionNode, boolean>();

  const listener: TSESLint.RuleListener = {
    Program(program) {
      afterNames = afterImports(program);
    },
    ':function'(fn: FunctionNode) {
      stack.push(fn);
    },
    ':function:exit'() {
      stack.pop();
    },
    CallExpression(call) {
      const owner = stack.at(-1);
      if (owner) {
        const root = calleeRoot(call.callee);
        if (root === undefined || !(RESPONSE_ROOT.test(root) || NOT_WORK_ROOTS.has(root))) lastWork.set(owner, call.range[0]);
      }
      calls.push(call);
      if (deferralOfCall(context, call, patterns, afterNames) || writesToQueueTable(context, call)) {
        markEnclosing(marked, call);
        return;
      }
      const callee = unwrap(call.callee);
      if (
        callee.type === AST_NODE_TYPES.Identifier ||
        (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression)
      ) {
        localCalls.push(call);
      }
    },
    NewExpression(expression) {
      if (deferralOfNew(expression, patterns)) markEnclosing(marked, expression);
    },
    UnaryExpression(expression) {
      if (isVoidedPromise(expression)) markEnclosing(marked, expression);
    },
    TaggedTemplateExpression(expression) {
      if (classifyTaggedTemplate(expression) === 'defers') markEnclosing(marked, expression);
    },
  };

  /** The calls inside `fn`, nested functions included. */
  const callsInside = (fn: FunctionNode): TSESTree.CallExpression[] => {
    if (!sorted) {
      calls.sort((a, b) => a.range[0] - b.range[0]);
      sorted = true;
    }
    const [start, end] = fn.range;
    let low = 0;
    let high = calls.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((calls[middle] as TSESTree.CallExpression).range[0] < start) low = middle + 1;
      else high = middle;
    }
    const inside: TSESTree.CallExpression[] = [];
    for (let index = low; index < calls.length && (calls[index] as TSESTree.CallExpression).range[0] < end; index++) inside.push(calls[index] as TSESTree.CallExpression);
    return inside;
  };

  const classOf = (call: TSESTree.CallExpression): CallClass => {
    let known = classes.get(call);
    if (known === undefined) {
      known = classifyCall(context, call, patterns, afterNames);
      classes.set(call, known);
    }
    return known;
  };

  const opaque = (fn: FunctionNode): boolean => {
    const known = opaqueMemo.get(fn);
    if (known !== undefined) return known;
    opaqueMemo.set(fn, false); // a cycle of calls adds nothing
    let result = false;
    for (const call of callsInside(fn)) {
      const target = localCallee(context, call);
      if (target ? target !== fn && opaque(target) : classOf(call) === 'opaque') {
        result = true;
        break;
      }
    }
    opaqueMemo.set(fn, result);
    return result;
  };

  /** Built once, on the first question: the local calls inside each function, nested ones included. */
  const callsIn = (fn: FunctionNode): readonly TSESTree.CallExpression[] => {
    if (!callsWithin) {
      callsWithin = new Map();
      for (const call of localCalls) {
        for (const owner of enclosingFunctions(call)) {
          const list = callsWithin.get(owner);
          if (list) list.push(call);
          else callsWithin.set(owner, [call]);
        }
      }
    }
    return callsWithin.get(fn) ?? [];
  };

  const defers = (fn: FunctionNode): boolean => {
    if (marked.has(fn)) return true;
    const known = memo.get(fn);
    if (known !== undefined) return known;
    memo.set(fn, false); // a cycle of calls adds nothing
    let result = false;
    for (const call of callsIn(fn)) {
      const target = localCallee(context, call);
      if (!target || target === fn) continue;
      // An async function of the file called and left running, or one that defers itself.
      if ((target.async && isStatement(call)) || defers(target)) {
        result = true;
        break;
      }
    }
    memo.set(fn, result);
    return result;
  };

  const worksAfter = (fn: FunctionNode, node: Node): boolean => {
    const last = lastWork.get(fn);
    return last !== undefined && last >= statementOf(node).range[1] && !leavesAfter(node);
  };

  return { listener, defers, worksAfter, opaque };
}

/*
 * Status monitors: how a client follows deferred work (RFC 9110 §15.3.3: the 202
 * representation ought to point to a status monitor). The rule asks `src/headers.ts` and
 * `src/body.ts` about the response first; this per-function check covers what they do not
 * see (a Nest method's return value, an h3 handler's): a `Location`, `Content-Location` or
 * `Operation-Location` header set by name (`res.set('Location', url)`, `res.location(url)`,
 * `headers: { Location }`), or a property that names a URL or an id (`{ jobId }`, `{ statusUrl }`,
 * `{ id }`) in an object that is returned or sent.
 */
/** Lower-case names of the headers that point to a status monitor. */
export const MONITOR_HEADERS: readonly string[] = ['location', 'content-location', 'operation-location'];
const MONITOR_HEADER = /^(?:content-|operation-)?location$/i;
const MONITOR_KEY = /^(?:id|url|uri|href|link|links|_links|self|location|monitor)$|(?:Id|_id|ID|Url|_url|URL|Uri|Href|Link)$/;
/** Calls whose object argument is what a response sends. */
const BODY_CALLS = new Set(['json', 'send', 'text', 'body', 'end', 'jsonp', 'stringify', 'write', 'newResponse', 'fail', 'data']);

export interface StatusMonitorTracker {
  readonly listener: TSESLint.RuleListener;
  /** True when `fn`, or a function nested in it, points the client to a status monitor. */
  points(fn: FunctionNode): boolean;
}

/** A sent body names a status monitor: an object with a URL or id property (or a spread), or a value the file does not show. */
export function bodyNamesMonitor(content: Node): boolean {
  const target = unwrap(content);
  if (target.type === AST_NODE_TYPES.Literal) return false;
  if (target.type !== AST_NODE_TYPES.ObjectExpression) return true;
  return target.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement || MONITOR_KEY.test(keyName(property) ?? ''));
}

function isMonitorHeaderName(node: Node | undefined): boolean {
  const target = node && unwrap(node);
  return target?.type === AST_NODE_TYPES.Literal && typeof target.value === 'string' && MONITOR_HEADER.test(target.value);
}

/** The object literal is a response body: returned, an arrow's value, sent, or assigned to `.body`. */
function isSentObject(object: TSESTree.ObjectExpression): boolean {
  let node: Node = object;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)) node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.ReturnStatement) return true;
  if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === node) return true;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    return propertyName(parent.left) === 'body';
  }
  if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
    const name = calleeName(parent.callee);
    return name !== undefined && (BODY_CALLS.has(name) || name === 'Response' || name === 'NextResponse');
  }
  return false;
}

/** Collects, per function, whether it sets a status-monitor header or sends a URL or id. */
export function trackStatusMonitors(): StatusMonitorTracker {
  const marked = new Set<Node>();
  const listener: TSESLint.RuleListener = {
    CallExpression(call) {
      const name = calleeName(call.callee);
      // res.location(url); res.set('Location', url), setHeader, header, headers.set/append, h3 setResponseHeader(event, 'Location', url)
      if ((name === 'location' && call.arguments.length > 0) || call.arguments.some((argument) => isMonitorHeaderName(argument))) markEnclosing(marked, call);
    },
    Property(property) {
      const key = property.key;
      const name = keyName(property);
      if (name === undefined) return;
      // `{ Location: url }`, `{ 'operation-location': url }`; a plain `location` key is too often something else
      const isHeader = key.type === AST_NODE_TYPES.Identifier && !property.computed ? name === 'Location' : MONITOR_HEADER.test(name);
      if (isHeader) {
        markEnclosing(marked, property);
        return;
      }
      if (MONITOR_KEY.test(name) && property.parent.type === AST_NODE_TYPES.ObjectExpression && isSentObject(property.parent)) markEnclosing(marked, property);
    },
  };
  return { listener, points: (fn) => marked.has(fn) };
}
