/**
 * What each framework's response methods do to headers: which set a header by
 * name (`res.set`, `reply.header`, `ctx.set`, `c.header`), which take an object
 * (`res.set({...})`, `reply.headers({...})`), which imply a header
 * (`res.location(url)` sets `Location`), and which send the response
 * (`res.json`, `reply.send`, `c.json`), after which a header is lost.
 * h3's functions (`setResponseHeader(event, ...)`) and SvelteKit's `setHeaders`
 * are plain calls.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { isStringLike, unwrap, type Node } from '../ast.js';
import type { Framework } from '../sites.js';
import type { Context } from '../origins.js';
import { HeaderBag, collectFlatList, collectHeaders } from './names.js';
import type { FunctionCall, ReceiverCall } from './index-calls.js';

/** Groups of frameworks whose response objects share method names. */
export type Family = 'express' | 'fastify' | 'koa' | 'hono' | 'hapi' | 'elysia' | 'h3' | 'any';

export function familyOf(framework: Framework): Family {
  switch (framework) {
    case 'fastify':
      return 'fastify';
    case 'koa':
      return 'koa';
    case 'hono':
      return 'hono';
    case 'hapi':
      return 'hapi';
    case 'elysia':
      return 'elysia';
    case 'h3':
      return 'h3';
    case 'express':
    case 'node-http':
      return 'express';
    default:
      return 'any';
  }
}

/** Methods that set one header by name (or several from an object when given one argument). */
const BY_NAME: Readonly<Record<string, readonly Family[]>> = {
  set: ['express', 'koa', 'any'],
  header: ['express', 'fastify', 'hono', 'hapi', 'any'],
  append: ['express', 'koa', 'any'],
  setHeader: ['express', 'fastify', 'koa', 'hono', 'hapi', 'h3', 'any'],
  appendHeader: ['express', 'fastify', 'koa', 'h3', 'any'],
  'headers.set': ['express', 'fastify', 'koa', 'hono', 'hapi', 'elysia', 'h3', 'any'],
  'headers.append': ['express', 'fastify', 'koa', 'hono', 'hapi', 'elysia', 'h3', 'any'],
};

/** Methods that take a headers object, `Headers` or `Map`. */
const BY_OBJECT: Readonly<Record<string, readonly Family[]>> = {
  headers: ['fastify', 'any'],
  setHeaders: ['express', 'fastify', 'koa', 'h3', 'any'],
};

/** Methods that set one header of their own: `res.location(url)` sets `Location`. */
const IMPLIED: Readonly<Record<string, { readonly header: string; readonly families: readonly Family[] }>> = {
  location: { header: 'location', families: ['express', 'hapi', 'any'] },
  redirect: { header: 'location', families: ['express', 'fastify', 'koa', 'hono', 'hapi', 'any'] },
  type: { header: 'content-type', families: ['express', 'fastify', 'hapi', 'any'] },
  contentType: { header: 'content-type', families: ['express', 'any'] },
  links: { header: 'link', families: ['express', 'any'] },
  vary: { header: 'vary', families: ['express', 'koa', 'hapi', 'any'] },
  attachment: { header: 'content-disposition', families: ['express', 'koa', 'any'] },
  cookie: { header: 'set-cookie', families: ['express', 'any'] },
  created: { header: 'location', families: ['hapi'] },
};

/** Methods that send the response: headers set after them are lost. */
const SENDS: Readonly<Record<Family, ReadonlySet<string>>> = {
  express: new Set(['send', 'json', 'jsonp', 'end', 'sendFile', 'sendfile', 'sendStatus', 'redirect', 'render', 'download', 'write', 'writeHead', 'flushHeaders']),
  fastify: new Set(['send', 'redirect', 'callNotFound', 'view', 'sendFile', 'download', 'end', 'write', 'writeHead', 'flushHeaders']),
  koa: new Set(['end', 'write', 'writeHead', 'flushHeaders', 'throw']),
  hono: new Set(['json', 'text', 'html', 'body', 'newResponse', 'redirect', 'notFound', 'render']),
  hapi: new Set(),
  elysia: new Set(),
  h3: new Set(['end', 'write', 'writeHead', 'flushHeaders']),
  any: new Set(),
};

/** h3's functions that take the event first: name-value setters, object setters, senders. */
const H3_BY_NAME = new Set(['setResponseHeader', 'setHeader', 'appendResponseHeader', 'appendHeader']);
const H3_BY_OBJECT = new Set(['setResponseHeaders', 'appendResponseHeaders', 'appendHeaders', 'setHeaders']);
const H3_SENDS = new Set(['send', 'sendRedirect', 'sendNoContent', 'sendStream', 'sendWebResponse', 'sendProxy', 'proxyRequest', 'sendIterable']);

/**
 * Functions known to receive a response (or the context that carries it) without touching its headers, by their
 * exact name: logging, conversions, the frameworks' own helpers that set no header of the required kinds.
 */
const HARMLESS_CALLEES = new Set([
  'log', 'info', 'warn', 'error', 'debug', 'trace', 'stringify', 'String', 'Number', 'Boolean',
  'setResponseStatus', 'setCookie', 'deleteCookie', 'defineEventHandler', 'eventHandler', 'toWebRequest', 'next',
]);

export interface Effect {
  /** Headers the call sets (empty when it sets none). */
  readonly headers: HeaderBag;
  readonly sends: boolean;
}

function argumentList(call: TSESTree.CallExpression): readonly TSESTree.CallExpressionArgument[] {
  return call.arguments;
}

/** `(name, value)` or, with one argument, `(object)`. */
function nameOrObject(context: Context, call: TSESTree.CallExpression, args: readonly TSESTree.CallExpressionArgument[], bag: HeaderBag): void {
  const [first, second] = args;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) {
    bag.unknown = true;
    return;
  }
  const value = second && second.type !== AST_NODE_TYPES.SpreadElement ? second : undefined;
  if (args.length === 1 && !isStringLike(first)) collectHeaders(context, first, bag);
  else bag.addNameNode(context, first, call, value);
}

/** `writeHead(n)`, `writeHead(n, message)`, `writeHead(n, headers)`, `writeHead(n, message, headers)`, `writeHead(n, [name, value, ...])`. */
export function collectWriteHead(context: Context, call: TSESTree.CallExpression, bag: HeaderBag): void {
  for (const argument of call.arguments.slice(1)) {
    if (argument.type === AST_NODE_TYPES.SpreadElement) {
      bag.unknown = true;
      continue;
    }
    const value = unwrap(argument);
    if (isStringLike(value)) continue;
    if (value.type === AST_NODE_TYPES.ArrayExpression) collectFlatList(context, value, bag);
    else collectHeaders(context, value, bag);
  }
}

/** What a method call on a response does, for a framework family; undefined when it touches no header and sends nothing. */
export function receiverEffect(context: Context, call: ReceiverCall, family: Family): Effect | undefined {
  const { method, node } = call;
  const args = argumentList(node);
  const headers = new HeaderBag();
  let touched = false;
  if (method === 'set' && call.key === 'c') {
    // Hono's `c.set(key, value)` sets a context variable, not a header.
  } else if (BY_NAME[method]?.includes(family)) {
    nameOrObject(context, node, args, headers);
    touched = true;
  } else if (BY_OBJECT[method]?.includes(family)) {
    const [first] = args;
    if (!first || first.type === AST_NODE_TYPES.SpreadElement) headers.unknown = true;
    else collectHeaders(context, first, headers);
    touched = true;
  } else if (method === 'writeHead') {
    collectWriteHead(context, node, headers);
    touched = true;
  } else {
    const implied = IMPLIED[method];
    if (implied?.families.includes(family)) {
      headers.add(implied.header, node, args[0] && args[0].type !== AST_NODE_TYPES.SpreadElement ? args[0] : undefined);
      touched = true;
    }
  }
  const sends = SENDS[family].has(method);
  return touched || sends ? { headers, sends } : undefined;
}

/** What a plain function call does: h3's `setResponseHeader(event, name, v)`, SvelteKit's `setHeaders({...})`, h3's `send(event, ...)`. */
export function functionEffect(context: Context, call: FunctionCall): (Effect & { readonly receiver: Node | undefined }) | undefined {
  const { name, node } = call;
  const args = node.arguments;
  const [first, second] = args;
  const receiver = first && first.type !== AST_NODE_TYPES.SpreadElement ? first : undefined;
  const headers = new HeaderBag();
  if (name === 'setHeaders' && args.length === 1) {
    // SvelteKit's `setHeaders({...})` from the request event.
    if (!receiver) headers.unknown = true;
    else collectHeaders(context, receiver, headers);
    return { headers, sends: false, receiver: undefined };
  }
  if (H3_BY_NAME.has(name) && args.length >= 2) {
    if (!second || second.type === AST_NODE_TYPES.SpreadElement) headers.unknown = true;
    else headers.addNameNode(context, second, node, args[2] && args[2].type !== AST_NODE_TYPES.SpreadElement ? args[2] : undefined);
    return { headers, sends: false, receiver };
  }
  if (H3_BY_OBJECT.has(name) && args.length >= 2) {
    if (!second || second.type === AST_NODE_TYPES.SpreadElement) headers.unknown = true;
    else collectHeaders(context, second, headers);
    return { headers, sends: false, receiver };
  }
  if (H3_SENDS.has(name) && receiver) {
    if (name === 'sendRedirect') headers.add('location', node, args[1] && args[1].type !== AST_NODE_TYPES.SpreadElement ? args[1] : undefined);
    return { headers, sends: true, receiver };
  }
  return undefined;
}

/**
 * True when handing a response to this call cannot set the headers the rules ask for. One rule, whatever the
 * callee's name: a call made for its value reads the request (`const session = await getSession(c)`,
 * `if (!(await isAdmin(ctx)))`, `verify(getToken(ctx))`); a call made for what it does (its value thrown away,
 * `await authenticate(ctx);`, or handed back, `return withCors(res)`) may set any header, so the rules stay silent.
 * A few callees are known to set none (`HARMLESS_CALLEES`).
 */
export function isHarmlessHandoff(call: TSESTree.CallExpression | TSESTree.NewExpression, callee: string | undefined): boolean {
  if (callee !== undefined && HARMLESS_CALLEES.has(callee)) return true;
  return isCalledForValue(call);
}

/** The call's value is used by the code around it, not thrown away (`f(x);`, `void f(x)`) or returned (`return f(x)`, `() => f(x)`). */
function isCalledForValue(call: Node): boolean {
  let current: Node = call;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.AwaitExpression ||
      current.parent.type === AST_NODE_TYPES.ChainExpression ||
      current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)
  ) {
    current = current.parent;
  }
  const parent = current.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.ExpressionStatement || parent.type === AST_NODE_TYPES.ReturnStatement) return false;
  if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') return false;
  if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === current) return false;
  return true;
}

/** The method a framework adds a header with on a call chain, when it has one. */
export function chainSetter(family: Family): string | undefined {
  switch (family) {
    case 'express':
      return 'set';
    case 'fastify':
    case 'hapi':
      return 'header';
    default:
      return undefined;
  }
}

/** The statement a framework sets a header with on its response object: `ctx.set(...)`, `res.setHeader(...)`, `c.header(...)`. */
export function statementSetter(family: Family): string | undefined {
  switch (family) {
    case 'express':
      return 'setHeader';
    case 'koa':
      return 'set';
    case 'fastify':
    case 'hono':
      return 'header';
    default:
      return undefined;
  }
}
