/**
 * Header facts: for a response site, the headers the same response sets before
 * it is sent, and the ones it sets too late.
 *
 * A header counts when it is set, by name in any case or by a known constant:
 * - on the site's own call chain before the body is sent (`res.status(429).set(...).json(x)`);
 * - earlier in the handler on the same receiver (`res.set(...)` then `res.status(429).json(x)`),
 *   or after a status that does not send, before the send (`ctx.status = 429; ctx.set(...)`);
 * - in the site's own arguments: `writeHead(n, headers)`, `c.json(x, n, headers)`,
 *   `{ status, headers }` inits, Lambda results, `createError(n, { headers })`, `ctx.throw(n, msg, { headers })`;
 * - by NestJS `@Header(name, value)` on the handler, h3 `setResponseHeader(event, ...)`,
 *   SvelteKit `setHeaders({...})`, `response.headers.set(...)` on a `Response` kept in a variable.
 * A header set after the response was sent is reported apart (`late`). Headers from where the
 * file does not show them (a parameter, a call, a spread, a response handed to another function)
 * make the facts `unknown`: rules stay silent then.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { calleeName, isStringLike, keyName, propertyName, unwrap, type Node } from './ast.js';
import { isResponseName } from './frameworks/shared.js';
import { before, contains, dominates, enclosingFunctionOf, exclusive, exitsBetween, isFunction } from './headers/flow.js';
import {
  collectWriteHead,
  familyOf,
  functionEffect,
  isHarmlessHandoff,
  receiverEffect,
  type Effect,
  type Family,
} from './headers/frameworks.js';
import { indexOf, receiverKey, type FunctionIndex } from './headers/index-calls.js';
import { HeaderBag, collectHeaders } from './headers/names.js';
import { constInitializer, originOf, variableOf, type Context } from './origins.js';
import type { StatusSite } from './sites.js';

export { HeaderBag, headerName, type HeaderSource } from './headers/names.js';
export { isInsideCallback, RATE_LIMIT_CALLBACKS, type CallbackOption } from './headers/callbacks.js';
export { headerInsertion, type HeaderInsertion } from './headers/fix.js';

/** A header set on a response after that response was sent. */
export interface LateHeader {
  /** Lower-case header name. */
  readonly name: string;
  /** The call or assignment that sets it. */
  readonly node: Node;
  /** The call that sent the response before it. */
  readonly send: Node;
}

export interface HeaderFacts {
  /** The headers set before the response is sent; `unknown` when some may be out of sight. */
  readonly headers: HeaderBag;
  readonly late: readonly LateHeader[];
  /** `none`: the API cannot carry headers at this site (NestJS `HttpException`, SvelteKit `fail`). */
  readonly carrier: 'headers' | 'none';
  /** The API's name where the carrier is `none`, for messages. */
  readonly api: string | undefined;
}

class Facts {
  readonly headers = new HeaderBag();
  readonly late: LateHeader[] = [];
  carrier: 'headers' | 'none' = 'headers';
  api: string | undefined;

  addLate(headers: HeaderBag, node: Node, send: Node): void {
    for (const name of headers.names.keys()) this.late.push({ name, node, send });
  }
}

/** The header facts of a `response` site; undefined for other kinds, mocks and documentation (`@ApiResponse`). */
export function headerFacts(context: Context, site: StatusSite): HeaderFacts | undefined {
  if (site.kind !== 'response' || site.framework === 'msw' || site.framework === 'custom' || site.framework === 'test') return undefined;
  const facts = new Facts();
  if (!collectSite(context, site, facts)) return undefined;
  if (site.redirect) facts.headers.add('location', site.node, undefined);
  nestMethodHeaders(context, site.node, facts);
  return facts;
}

/** True when the response sets `name` (or may, out of sight). */
export function hasHeader(facts: HeaderFacts, name: string): boolean {
  return facts.headers.has(name);
}

function collectSite(context: Context, site: StatusSite, facts: Facts): boolean {
  const node = site.node;
  const family = familyOf(site.framework);
  if (node.type === AST_NODE_TYPES.Property) {
    if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return false;
    collectResult(context, node.parent, facts.headers);
    return true;
  }
  if (node.type === AST_NODE_TYPES.AssignmentExpression) {
    if (site.response) receiverFacts(context, site, site.response, family, facts, false);
    else errorVariableFacts(context, node, facts);
    return true;
  }
  if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return false;
  const name = calleeName(node.callee);
  const args = node.arguments;
  switch (site.framework) {
    case 'nest':
      if (name === 'ApiResponse') return false;
      if (name === 'HttpException') {
        facts.carrier = 'none';
        facts.api = 'HttpException';
      }
      return true;
    case 'fetch':
    case 'next':
    case 'remix':
      collectInit(context, args[1], facts.headers);
      responseVariableHeaders(context, node, facts.headers);
      return true;
    case 'sveltekit':
      if (name === 'fail') {
        facts.carrier = 'none';
        facts.api = 'fail';
      } else if (name === 'json' || name === 'text') {
        collectInit(context, args[1], facts.headers);
        responseVariableHeaders(context, node, facts.headers);
      } else if (name === 'error') {
        keylessFacts(context, node, facts.headers);
      }
      return true;
    case 'http-errors':
      collectProps(context, args, site.status, facts.headers);
      keylessFacts(context, node, facts.headers);
      return true;
    case 'h3':
      return h3Facts(context, site, name, facts);
    case 'hono':
      if (node.type === AST_NODE_TYPES.NewExpression) {
        collectExceptionOptions(context, args[1], facts.headers);
        keylessFacts(context, node, facts.headers);
        return true;
      }
      if (site.response && node.type === AST_NODE_TYPES.CallExpression && (name === 'status' || name === 'redirect')) {
        receiverFacts(context, site, site.response, family, facts, name === 'redirect');
        return true;
      }
      if (site.response) {
        const [, second, third] = args;
        if (second && unwrap(second).type === AST_NODE_TYPES.ObjectExpression) collectInit(context, second, facts.headers);
        else if (third) collectHeaders(context, third.type === AST_NODE_TYPES.SpreadElement ? undefined : third, facts.headers);
        if (third?.type === AST_NODE_TYPES.SpreadElement) facts.headers.unknown = true;
        receiverFacts(context, site, site.response, family, facts, true);
      }
      return true;
    case 'koa':
      if (name === 'throw') collectProps(context, args, site.status, facts.headers);
      if (name === 'assert') collectProps(context, args.slice(2), site.status, facts.headers);
      // `ctx.throw` ends the middleware: a header set after it never runs.
      if (site.response) receiverFacts(context, site, site.response, family, facts, name === 'throw');
      return true;
    case 'node-http':
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      if (name === 'respond') collectRespond(context, args[0], facts.headers);
      else collectWriteHead(context, node, facts.headers);
      if (site.response) receiverFacts(context, site, site.response, family, facts, true);
      return true;
    default:
      if (!site.response) return false;
      receiverFacts(context, site, site.response, family, facts, name === 'sendStatus' || name === 'redirect');
      return true;
  }
}

function h3Facts(context: Context, site: StatusSite, name: string | undefined, facts: Facts): boolean {
  const node = site.node as TSESTree.CallExpression | TSESTree.NewExpression;
  const args = node.arguments;
  const [first] = args;
  switch (name) {
    case 'HTTPResponse':
      collectInit(context, args[1], facts.headers);
      responseVariableHeaders(context, node, facts.headers);
      return true;
    case 'createError':
    case 'HTTPError':
    case 'status':
      collectH3Details(context, args, site.status, facts.headers);
      keylessFacts(context, node, facts.headers);
      return true;
    case 'setResponseStatus':
    case 'sendRedirect':
      if (first && first.type !== AST_NODE_TYPES.SpreadElement) receiverFacts(context, site, first, 'h3', facts, name === 'sendRedirect');
      return true;
    case 'noContent':
      facts.carrier = 'none';
      facts.api = 'noContent';
      return true;
    default:
      if (site.response) receiverFacts(context, site, site.response, 'h3', facts, false);
      return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Headers in the site's own arguments.

/** A Lambda result `{ statusCode, headers, multiValueHeaders, body }`. */
function collectResult(context: Context, object: TSESTree.ObjectExpression, bag: HeaderBag): void {
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      collectInitSpread(context, property.argument, bag);
      continue;
    }
    const key = keyName(property);
    if (key === 'headers' || key === 'multiValueHeaders') collectHeaders(context, property.value, bag);
    else if (key === undefined && property.computed) bag.unknown = true;
  }
}

/** A fetch-style init `{ status, headers }` (or a number, which carries none). */
function collectInit(context: Context, init: Node | undefined, bag: HeaderBag, depth = 0): void {
  if (!init || depth > 4) return;
  const target = unwrap(init);
  if (target.type === AST_NODE_TYPES.SpreadElement) {
    bag.unknown = true;
    return;
  }
  if (target.type === AST_NODE_TYPES.ObjectExpression) {
    collectResult(context, target, bag);
    return;
  }
  if (target.type === AST_NODE_TYPES.Literal && typeof target.value === 'number') return;
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = variableOf(context, target);
    const bound = variable && constInitializer(variable);
    if (bound) {
      const value = unwrap(bound.init);
      if (value.type === AST_NODE_TYPES.ObjectExpression) collectInit(context, value, bag, depth + 1);
      else if (!(value.type === AST_NODE_TYPES.Literal && typeof value.value === 'number')) bag.unknown = true;
      return;
    }
    if (originOf(context, target)) return; // an imported constant: a status, not an init
  }
  if (target.type === AST_NODE_TYPES.MemberExpression && originOf(context, target)) return;
  bag.unknown = true;
}

/** `{ ...init, status: 429 }`: the spread may carry `headers`. */
function collectInitSpread(context: Context, argument: Node, bag: HeaderBag): void {
  const target = unwrap(argument);
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = variableOf(context, target);
    const bound = variable && constInitializer(variable);
    const value = bound && unwrap(bound.init);
    if (value?.type === AST_NODE_TYPES.ObjectExpression) {
      collectResult(context, value, bag);
      return;
    }
  }
  if (target.type === AST_NODE_TYPES.ObjectExpression) {
    collectResult(context, target, bag);
    return;
  }
  bag.unknown = true;
}

/** node:http2 `stream.respond({ ':status': n, 'retry-after': s })`: every key but the pseudo-headers. */
function collectRespond(context: Context, headers: Node | undefined, bag: HeaderBag): void {
  if (!headers || headers.type === AST_NODE_TYPES.SpreadElement) {
    bag.unknown = true;
    return;
  }
  const target = unwrap(headers);
  if (target.type !== AST_NODE_TYPES.ObjectExpression) {
    bag.unknown = true;
    return;
  }
  const inner = new HeaderBag();
  collectHeaders(context, target, inner);
  for (const [name, source] of inner.names) if (!name.startsWith(':')) bag.add(name, source.node, source.value);
  if (inner.unknown) bag.unknown = true;
}

const MESSAGE_NAME = /message|msg|text|reason|detail|title|description/i;

/**
 * http-errors arguments in any order (`createError(429, 'Slow down', { headers })`, Koa's
 * `ctx.throw(...)`): the props object's `headers`. An argument that may be an error or a
 * props object from elsewhere may carry headers.
 */
function collectProps(context: Context, args: readonly TSESTree.CallExpressionArgument[], status: Node, bag: HeaderBag): void {
  for (const argument of args) {
    if (argument === status || contains(argument, status)) continue;
    if (argument.type === AST_NODE_TYPES.SpreadElement) {
      bag.unknown = true;
      continue;
    }
    collectProp(context, argument, bag, 0);
  }
}

function collectProp(context: Context, argument: Node, bag: HeaderBag, depth: number): void {
  const value = unwrap(argument);
  switch (value.type) {
    case AST_NODE_TYPES.ObjectExpression:
      for (const property of value.properties) {
        if (property.type === AST_NODE_TYPES.SpreadElement) bag.unknown = true;
        else if (keyName(property) === 'headers') collectHeaders(context, property.value, bag);
        else if (property.computed && keyName(property) === undefined) bag.unknown = true;
      }
      return;
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.CallExpression:
      return;
    case AST_NODE_TYPES.Identifier: {
      const variable = variableOf(context, value);
      const bound = variable && constInitializer(variable);
      if (bound && depth < 4) {
        collectProp(context, bound.init, bag, depth + 1);
        return;
      }
      if (originOf(context, value) || MESSAGE_NAME.test(value.name) || isStringLike(value)) return;
      bag.unknown = true;
      return;
    }
    case AST_NODE_TYPES.MemberExpression: {
      const name = propertyName(value);
      if (originOf(context, value) || (name !== undefined && MESSAGE_NAME.test(name))) return;
      bag.unknown = true;
      return;
    }
    default:
      bag.unknown = true;
  }
}

/** h3's `createError({ status, headers })`, `new HTTPError(message, { status, headers })`: `headers`, and `cause` (whose headers h3 also reads). */
function collectH3Details(context: Context, args: readonly TSESTree.CallExpressionArgument[], status: Node, bag: HeaderBag): void {
  for (const argument of args) {
    if (argument === status) continue;
    if (argument.type === AST_NODE_TYPES.SpreadElement) {
      bag.unknown = true;
      continue;
    }
    const value = unwrap(argument);
    if (value.type !== AST_NODE_TYPES.ObjectExpression) {
      collectProp(context, value, bag, 0);
      continue;
    }
    for (const property of value.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        bag.unknown = true;
        continue;
      }
      const key = keyName(property);
      if (key === 'headers') collectHeaders(context, property.value, bag);
      else if (key === 'cause' && unwrap(property.value).type !== AST_NODE_TYPES.ObjectExpression) bag.unknown = true;
    }
  }
}

/** Hono's `new HTTPException(n, { res })`: the headers of the `Response` it is given. */
function collectExceptionOptions(context: Context, options: TSESTree.CallExpressionArgument | undefined, bag: HeaderBag): void {
  if (!options) return;
  if (options.type === AST_NODE_TYPES.SpreadElement) {
    bag.unknown = true;
    return;
  }
  const value = unwrap(options);
  if (value.type !== AST_NODE_TYPES.ObjectExpression) {
    bag.unknown = true;
    return;
  }
  for (const property of value.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      bag.unknown = true;
      continue;
    }
    if (keyName(property) !== 'res') continue;
    const response = unwrap(property.value);
    if (response.type === AST_NODE_TYPES.NewExpression && calleeName(response.callee) === 'Response') collectInit(context, response.arguments[1], bag);
    else bag.unknown = true;
  }
}

/** `const res = NextResponse.json(x, { status: 429 }); res.headers.set('Retry-After', '60'); return res;` */
function responseVariableHeaders(context: Context, node: Node, bag: HeaderBag): void {
  let current: Node = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.AwaitExpression ||
      current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)
  ) {
    current = current.parent;
  }
  const declarator = current.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== current || declarator.id.type !== AST_NODE_TYPES.Identifier) return;
  const [variable] = context.sourceCode.getDeclaredVariables(declarator);
  if (!variable) return;
  for (const reference of variable.references) {
    if (reference.init) continue;
    if (reference.isWrite()) {
      bag.unknown = true;
      continue;
    }
    const use = reference.identifier as TSESTree.Identifier;
    const parent = use.parent;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === use) {
      if (propertyName(parent) !== 'headers') continue;
      const method = parent.parent.type === AST_NODE_TYPES.MemberExpression && parent.parent.object === parent ? propertyName(parent.parent) : undefined;
      const call = parent.parent.parent;
      if ((method === 'set' || method === 'append') && call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent.parent) {
        const [name, value] = call.arguments;
        if (!name || name.type === AST_NODE_TYPES.SpreadElement) bag.unknown = true;
        else bag.addNameNode(context, name, call, value && value.type !== AST_NODE_TYPES.SpreadElement ? value : undefined);
      }
      continue;
    }
    if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(use)) {
      if (!isHarmlessHandoff(parent, calleeName(parent.callee))) bag.unknown = true;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Headers set on the same receiver around the site.

/** The root of a receiver expression: `res` for `res.raw`, `ctx` for `ctx.response`. */
function rootOf(node: Node): TSESTree.Identifier | TSESTree.ThisExpression | undefined {
  let current = unwrap(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(current.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      current = unwrap(callee.object);
    } else if (current.type === AST_NODE_TYPES.Identifier || current.type === AST_NODE_TYPES.ThisExpression) return current;
    else return undefined;
  }
}

/** The calls of the site's call chain, innermost first: `res.set(a).status(429).json(x)` gives `set`, `status`, `json`. */
function chainOf(call: TSESTree.CallExpression): TSESTree.CallExpression[] {
  const below: TSESTree.CallExpression[] = [];
  let inner = unwrap(call.callee);
  while (inner.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrap(inner.object);
    if (object.type !== AST_NODE_TYPES.CallExpression) break;
    below.unshift(object);
    inner = unwrap(object.callee);
  }
  const above: TSESTree.CallExpression[] = [];
  let node: Node = call;
  for (;;) {
    let parent: Node | undefined = node.parent;
    while (parent && (parent.type === AST_NODE_TYPES.TSNonNullExpression || parent.type === AST_NODE_TYPES.TSAsExpression)) {
      node = parent;
      parent = parent.parent;
    }
    const grand: Node | undefined = parent?.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node || grand?.type !== AST_NODE_TYPES.CallExpression || grand.callee !== parent) break;
    above.push(grand);
    node = grand;
  }
  return [...below, call, ...above];
}

/** The function whose code can touch the receiver, and whether that function is a helper called from this file. */
function ownerOf(context: Context, root: TSESTree.Identifier | TSESTree.ThisExpression, site: Node): { owner: Node; helper: boolean } {
  const fallback = enclosingFunctionOf(site) ?? context.sourceCode.ast;
  if (root.type === AST_NODE_TYPES.ThisExpression) {
    for (let fn = enclosingFunctionOf(site); fn; fn = enclosingFunctionOf(fn)) {
      if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) return { owner: fn, helper: false };
    }
    return { owner: fallback, helper: false };
  }
  const variable = variableOf(context, root);
  const def = variable?.defs[0];
  if (def?.type === 'Parameter' && isFunction(def.node)) return { owner: def.node, helper: isCalledDirectly(context, def.node) };
  const block = variable?.scope.block;
  if (block && isFunction(block) && contains(block, site)) return { owner: block, helper: false };
  return { owner: fallback, helper: false };
}

/** `function tooMany(res) {...}` called as `tooMany(res)` in this file: its caller may set headers first. */
function isCalledDirectly(context: Context, fn: TSESTree.FunctionLike): boolean {
  let declaring: Node | undefined;
  let name: string | undefined;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
    declaring = fn;
    name = fn.id.name;
  } else if (fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn && fn.parent.id.type === AST_NODE_TYPES.Identifier) {
    declaring = fn.parent;
    name = fn.parent.id.name;
  }
  if (!declaring || name === undefined) return false;
  for (const variable of context.sourceCode.getDeclaredVariables(declaring)) {
    if (variable.name !== name) continue;
    for (const reference of variable.references) {
      const parent = reference.identifier.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier) return true;
    }
  }
  return false;
}

interface ResponseEvent {
  readonly node: Node;
  readonly headers: HeaderBag | undefined;
  readonly sends: boolean;
  /** The response is handed to a function that may set anything. */
  readonly handoff: boolean;
}

/** Per function index, per receiver and family: the events, computed once for every site and rule of the file. */
const eventCache = new WeakMap<FunctionIndex, Map<string, readonly ResponseEvent[]>>();

/** Everything a function does to one receiver (or, with `key` undefined, to any response-like receiver). */
function eventsOf(context: Context, index: FunctionIndex, key: string | undefined, family: Family | undefined): readonly ResponseEvent[] {
  let byKey = eventCache.get(index);
  if (!byKey) {
    byKey = new Map();
    eventCache.set(index, byKey);
  }
  const cacheKey = `${key ?? '*'}\u0000${family ?? '*'}`;
  let events = byKey.get(cacheKey);
  if (!events) {
    events = computeEvents(context, index, key, family);
    byKey.set(cacheKey, events);
  }
  return events;
}

function computeEvents(context: Context, index: FunctionIndex, key: string | undefined, family: Family | undefined): ResponseEvent[] {
  const events: ResponseEvent[] = [];
  const matches = (candidate: string): boolean => (key === undefined ? isResponseKey(candidate) : candidate === key);
  const familyFor = (candidate: string): Family => family ?? (candidate === 'c' ? 'hono' : 'any');
  const effectNodes = new Set<Node>();
  const push = (node: Node, effect: Effect): void => {
    events.push({ node, headers: effect.headers, sends: effect.sends, handoff: false });
    effectNodes.add(node);
  };
  for (const call of index.calls) {
    if (!matches(call.key)) continue;
    const effect = receiverEffect(context, call, familyFor(call.key));
    if (effect) push(call.node, effect);
  }
  for (const call of index.functions) {
    const effect = functionEffect(context, call);
    if (!effect) continue;
    if (effect.receiver === undefined) {
      if (key === undefined || family === 'any') push(call.node, effect);
      continue;
    }
    const receiver = receiverKey(effect.receiver);
    if (receiver && matches(receiver.key)) push(call.node, effect);
  }
  for (const assignment of index.assignments) {
    if (!matches(assignment.key)) continue;
    const headers = new HeaderBag();
    const left = assignment.node.left as TSESTree.MemberExpression;
    if (assignment.kind === 'member') {
      if (left.computed) headers.addNameNode(context, left.property, assignment.node, assignment.node.right);
      else if (left.property.type === AST_NODE_TYPES.Identifier) headers.add(left.property.name, assignment.node, assignment.node.right);
    } else if (assignment.kind === 'object') {
      collectHeaders(context, assignment.node.right, headers);
    } else {
      headers.add('location', assignment.node, assignment.node.right);
    }
    push(assignment.node, { headers, sends: false });
  }
  for (const handoff of index.handoffs) {
    if (!matches(handoff.key) || effectNodes.has(handoff.node) || isHarmlessHandoff(handoff.node, handoff.callee)) continue;
    events.push({ node: handoff.node, headers: undefined, sends: false, handoff: true });
  }
  return events.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/** Receivers that a keyless site (a thrown error) may have set headers on. */
function isResponseKey(key: string): boolean {
  return isResponseName(key) || key === 'c' || key === 'event' || key === 'h';
}

function apply(event: ResponseEvent, bag: HeaderBag): void {
  if (event.handoff) bag.unknown = true;
  else if (event.headers) bag.merge(event.headers);
}

/** Headers set on the site's receiver: on its chain, earlier in the handler, or between a status and its send. */
function receiverFacts(context: Context, site: StatusSite, response: Node, family: Family, facts: Facts, siteSends: boolean): void {
  const root = rootOf(response);
  const key = receiverKey(response)?.key;
  if (!root || key === undefined) {
    facts.headers.unknown = true;
    return;
  }
  const node = site.node;
  const chain = node.type === AST_NODE_TYPES.CallExpression ? chainOf(node) : [];
  const inChain = new Set<Node>(chain);
  let send: Node | undefined = siteSends ? node : undefined;
  const position = chain.indexOf(node as TSESTree.CallExpression);
  chain.forEach((link, at) => {
    if (link === node) return;
    const method = calleeName(link.callee);
    if (method === undefined) return;
    const effect = receiverEffect(context, { node: link, key, method }, family);
    if (!effect) return;
    if (at < position) facts.headers.merge(effect.headers);
    else if (!send) {
      facts.headers.merge(effect.headers);
      if (effect.sends) send = link;
    } else facts.addLate(effect.headers, link, send);
  });

  const { owner, helper } = ownerOf(context, root, node);
  if (helper) facts.headers.unknown = true;
  const events = eventsOf(context, indexOf(owner, context.sourceCode.visitorKeys), key, family).filter(
    (event) => !inChain.has(event.node) && event.node !== node,
  );
  // A site inside a callback (`.catch(() => res.status(429).end())`) runs at a time the
  // source order does not tell: what the handler does outside that callback may come first.
  const siteFunction = enclosingFunctionOf(node);
  const inCallback = siteFunction !== undefined && siteFunction !== owner && contains(owner, siteFunction);
  send ??= events.find(
    (event) =>
      event.sends && before(node, event.node) && !exclusive(node, event.node) && !exitsBetween(node, event.node) && (!inCallback || contains(siteFunction, event.node)),
  )?.node;
  for (const event of events) {
    const at = event.node;
    if (inCallback && siteFunction && !contains(siteFunction, at)) {
      if (!event.sends) apply(event, facts.headers);
      continue;
    }
    if (before(at, node)) {
      if (!exclusive(at, node) && !exitsBetween(at, node)) apply(event, facts.headers);
    } else if (before(node, at)) {
      if (at === send || !send || before(at, send)) {
        if (!exclusive(node, at) && !exitsBetween(node, at)) apply(event, facts.headers);
      } else if (send && event.headers && before(send, at) && dominates(send, at) && !exitsBetween(send, at)) {
        facts.addLate(event.headers, at, send);
      }
    }
  }
}

/** A thrown error (http-errors, h3, SvelteKit, Hono): headers set earlier on any response of the enclosing handlers. */
function keylessFacts(context: Context, node: Node, bag: HeaderBag): void {
  for (let fn = enclosingFunctionOf(node); fn; fn = enclosingFunctionOf(fn)) {
    for (const event of eventsOf(context, indexOf(fn, context.sourceCode.visitorKeys), undefined, undefined)) {
      if (before(event.node, node) && !exclusive(event.node, node) && !exitsBetween(event.node, node)) apply(event, bag);
    }
  }
}

/** `err.status = 429` on an error that is then thrown or passed on: `err.headers`, and headers set earlier on a response. */
function errorVariableFacts(context: Context, assignment: TSESTree.AssignmentExpression, facts: Facts): void {
  const target = assignment.left;
  const object = target.type === AST_NODE_TYPES.MemberExpression ? unwrap(target.object) : undefined;
  if (object?.type !== AST_NODE_TYPES.Identifier) {
    facts.headers.unknown = true;
    return;
  }
  const variable = variableOf(context, object);
  const def = variable?.defs[0];
  const init = def?.type === 'Variable' && def.node.init ? unwrap(def.node.init) : undefined;
  if (init?.type !== AST_NODE_TYPES.NewExpression) facts.headers.unknown = true;
  const owner = enclosingFunctionOf(assignment) ?? context.sourceCode.ast;
  for (const event of eventsOf(context, indexOf(owner, context.sourceCode.visitorKeys), object.name, 'any')) apply(event, facts.headers);
  keylessFacts(context, assignment, facts.headers);
}

// ---------------------------------------------------------------------------------------------
// NestJS: `@Header(name, value)` on the handler, and the `@Res()` it writes to.

const NEST_COMMON = '@nestjs/common';

function isNestImport(context: Context, node: Node, names: ReadonlySet<string>): boolean {
  const origin = originOf(context, node);
  const last = origin?.path.at(-1);
  return origin?.module === NEST_COMMON && last !== undefined && names.has(last);
}

const HEADER_DECORATOR = new Set(['Header']);
const RESPONSE_DECORATORS = new Set(['Res', 'Response']);

function nestMethodHeaders(context: Context, node: Node, facts: Facts): void {
  let method: TSESTree.MethodDefinition | undefined;
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.MethodDefinition) {
      method = current;
      break;
    }
    if (current.type === AST_NODE_TYPES.ClassBody || current.type === AST_NODE_TYPES.Program) return;
  }
  if (!method || method.decorators.length === 0) return;
  for (const decorator of method.decorators) {
    const expression = unwrap(decorator.expression);
    if (expression.type !== AST_NODE_TYPES.CallExpression || !isNestImport(context, expression.callee, HEADER_DECORATOR)) continue;
    const [name, value] = expression.arguments;
    if (!name || name.type === AST_NODE_TYPES.SpreadElement) facts.headers.unknown = true;
    else facts.headers.addNameNode(context, name, expression, value && value.type !== AST_NODE_TYPES.SpreadElement ? value : undefined);
  }
  const fn = method.value;
  for (const param of fn.params) {
    const parameter = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
    const decorators = param.decorators.length > 0 ? param.decorators : parameter.decorators;
    const isResponse = decorators.some((decorator) => {
      const expression = unwrap(decorator.expression);
      return expression.type === AST_NODE_TYPES.CallExpression && isNestImport(context, expression.callee, RESPONSE_DECORATORS);
    });
    const name = parameter.type === AST_NODE_TYPES.Identifier ? parameter.name : undefined;
    if (!isResponse || name === undefined) continue;
    for (const event of eventsOf(context, indexOf(fn, context.sourceCode.visitorKeys), name, 'any')) {
      if (!event.sends) apply(event, facts.headers);
    }
  }
}

/** How a message names the call that sent a response: `.json()`, `writeHead()`, `c.text()`. */
export function sendName(send: Node): string {
  if (send.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(send.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(callee);
      if (name !== undefined) return `.${name}()`;
    }
    if (callee.type === AST_NODE_TYPES.Identifier) return `${callee.name}()`;
  }
  return 'the send';
}
