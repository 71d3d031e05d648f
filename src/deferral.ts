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
import { isFunctionNode, type FunctionNode } from './handlers.js';
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
      if (deferralOfCall(context, call, patterns, afterNames)) {
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

  return { listener, defers, worksAfter };
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
