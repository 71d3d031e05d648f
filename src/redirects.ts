/**
 * Redirects that name no status, and the status each framework sends for them (checked against the installed
 * sources and a real run: Express 5.3, Fastify 5.12, Koa 3.3, Hono 4.13, Nest 11):
 *
 * - Express `res.redirect(url)`: 302, over any status set before (`res.status(301).redirect(url)` sends 302); not
 *   in a Sails package, whose virtual requests keep the status;
 * - Hono `c.redirect(url)`: 302, over `c.status(301)` before it;
 * - Fastify `reply.redirect(url)`: the status set before (`reply.code(301)`), else 302;
 * - Koa `ctx.redirect(url)`: the status set before when it is a redirect status (`ctx.status = 301`), else 302;
 * - Nest `@Redirect(url)`: 302, unless the method returns a `statusCode`;
 * - Remix / React Router `redirect(url)`: 302.
 *
 * The status sites with a status (`res.redirect(301, url)`) are the engine's (`site.redirect`); this module answers
 * for the call without one, and finds the statuses set before it on the same response.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { calleeName, calleeObject, enclosingFunction, propertyName, simpleName, unwrap, type Node } from './ast.js';
import { isKoaContext } from './frameworks/koa.js';
import { chainRoot, isResponseName } from './frameworks/shared.js';
import { loadedModules, originOf, type Context } from './origins.js';
import { packageOf } from './project.js';

export type RedirectFramework = 'express' | 'fastify' | 'koa' | 'hono' | 'nest' | 'remix';

/** What happens to a status set on the response before the redirect. */
type EarlierStatus = 'overwritten' | 'kept' | 'kept-if-redirect';

export interface DefaultRedirect {
  readonly framework: RedirectFramework;
  readonly call: TSESTree.CallExpression;
  /** `res`, `reply`, `ctx`, `c`; none for Nest's decorator and Remix's function. */
  readonly response?: TSESTree.Identifier;
  /** The status sent when nothing was set before. */
  readonly code: number;
  readonly earlier: EarlierStatus;
  /** The edit that makes the call send `text`, when there is one. */
  readonly writeStatus: ((fixer: TSESLint.RuleFixer, text: string) => TSESLint.RuleFix) | undefined;
}

const FOUND = 302;
const NEST_COMMON = '@nestjs/common';
const REMIX = new Set(['react-router', 'react-router-dom', '@remix-run/node', '@remix-run/cloudflare', '@remix-run/deno', '@remix-run/server-runtime']);
/** Koa keeps a status set before `ctx.redirect(url)` when it is one of these (`statuses.redirect`). */
const KOA_REDIRECTS = new Set([300, 301, 302, 303, 305, 307, 308]);
const EARLIER: Readonly<Record<'express' | 'fastify' | 'koa' | 'hono', EarlierStatus>> = {
  express: 'overwritten',
  hono: 'overwritten',
  fastify: 'kept',
  koa: 'kept-if-redirect',
};
/** The calls that set a status on each framework's response, and the assigned properties. */
const STATUS_CALLS: Readonly<Record<string, ReadonlySet<string>>> = {
  express: new Set(['status', 'sendStatus']),
  hono: new Set(['status']),
  fastify: new Set(['code', 'status']),
  koa: new Set(),
};
const STATUS_PROPERTIES: Readonly<Record<string, ReadonlySet<string>>> = {
  express: new Set(['statusCode']),
  hono: new Set(),
  fastify: new Set(['statusCode']),
  koa: new Set(['status']),
};

/** `ctx.redirect('back')`: Koa 2's "go back" form, whose status this module does not model. */
function isKoaBack(node: Node): boolean {
  const target = unwrap(node);
  return target.type === AST_NODE_TYPES.Literal && target.value === 'back';
}

function isNumberLiteral(node: Node): boolean {
  const target = unwrap(node);
  return target.type === AST_NODE_TYPES.Literal && typeof target.value === 'number';
}

function isImportedFrom(context: Context, node: Node, modules: ReadonlySet<string>): boolean {
  const target = unwrap(node);
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  const known = loadedModules(context.sourceCode);
  if (![...modules].some((module) => known.has(module))) return false;
  const origin = originOf(context, target);
  return origin !== undefined && modules.has(origin.module);
}

/** The response framework of `receiver.redirect(url)`, by the receiver's name (and Hono's import for `ctx`). */
function memberFramework(context: Context, receiver: Node): 'express' | 'fastify' | 'koa' | 'hono' | undefined {
  const name = simpleName(receiver);
  // `Response.redirect(url)`, `NextResponse.redirect(url)` are static methods: the engine's fetch sites
  if (receiver.type !== AST_NODE_TYPES.Identifier || name === undefined || /^[A-Z]/.test(name)) return undefined;
  if (name === 'c') return 'hono';
  if (name === 'reply' || /Reply$/.test(name)) return 'fastify';
  if (isKoaContext(receiver)) return loadedModules(context.sourceCode).has('hono') ? 'hono' : 'koa';
  return isResponseName(name) ? 'express' : undefined;
}

/** The redirect call with no status argument, and what its framework sends for it. */
export function defaultRedirectOf(context: Context, call: TSESTree.CallExpression): DefaultRedirect | undefined {
  if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const args = call.arguments as readonly TSESTree.Expression[];
  const callee = unwrap(call.callee);
  const [url] = args;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    // res.status(301).set(...).redirect(url): the response at the root of the chain
    const receiver = chainRoot(calleeObject(callee));
    if (!receiver || !url || args.length !== 1 || propertyName(callee) !== 'redirect') return undefined;
    const framework = memberFramework(context, receiver);
    // res.redirect(301): a number where the URL goes is valid-status's (urlArgument)
    if (!framework || isNumberLiteral(url) || (framework === 'koa' && isKoaBack(url))) return undefined;
    const response = receiver as TSESTree.Identifier;
    if (framework === 'express' && isSailsPackage(context)) return undefined;
    const base = { framework, call, response, code: FOUND, earlier: EARLIER[framework] };
    if (framework === 'express') return { ...base, writeStatus: (fixer, text) => fixer.insertTextBefore(url, `${text}, `) };
    if (framework === 'koa') return { ...base, writeStatus: koaStatusWriter(context, call, response.name) };
    return { ...base, writeStatus: (fixer, text) => fixer.insertTextAfter(url, `, ${text}`) };
  }
  const name = calleeName(callee);
  if (name === 'Redirect' && call.parent.type === AST_NODE_TYPES.Decorator && args.length <= 1 && isImportedFrom(context, callee, new Set([NEST_COMMON]))) {
    const closing = call.range[1] - 1;
    return {
      framework: 'nest',
      call,
      code: FOUND,
      earlier: 'overwritten',
      writeStatus: (fixer, text) => (url ? fixer.insertTextAfter(url, `, ${text}`) : fixer.insertTextBeforeRange([closing, closing], `'', ${text}`)),
    };
  }
  if (name === 'redirect' && url && args.length === 1 && isImportedFrom(context, callee, REMIX)) {
    return { framework: 'remix', call, code: FOUND, earlier: 'overwritten', writeStatus: (fixer, text) => fixer.insertTextAfter(url, `, ${text}`) };
  }
  return undefined;
}

/**
 * Sails gives `res.redirect(url)` a shim of its own in virtual requests (`sails.request()`, sockets) that keeps the
 * status set before and throws on `res.redirect(301, url)`: in a package that is or uses Sails, which `res` runs is out
 * of sight.
 */
function isSailsPackage(context: Context): boolean {
  const facts = packageOf((context.physicalFilename as string | undefined) ?? context.filename);
  return facts !== undefined && (facts.name === 'sails' || facts.declared.has('sails'));
}

/** Koa takes the status before the call: `ctx.status = 303;` on the line above the statement, when the call is one. */
function koaStatusWriter(context: Context, call: TSESTree.CallExpression, response: string): DefaultRedirect['writeStatus'] {
  let statement: Node = call;
  if (statement.parent?.type === AST_NODE_TYPES.AwaitExpression) statement = statement.parent;
  const parent = statement.parent;
  if (parent?.type !== AST_NODE_TYPES.ExpressionStatement && parent?.type !== AST_NODE_TYPES.ReturnStatement) return undefined;
  const line = context.sourceCode.lines[parent.loc.start.line - 1] ?? '';
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  return (fixer, text) => fixer.insertTextBefore(parent, `${response}.status = ${text};\n${indent}`);
}

/** A status set on the response before a redirect: the status expression and the node that sets it. */
export interface EarlierSet {
  readonly status: Node;
  readonly node: Node;
  /** Set in the redirect's own chain (`res.status(301).redirect(url)`). */
  readonly chained: boolean;
  /** Every run that reaches the redirect ran it: it is in the chain, or in a statement before the redirect's, in a block around it. */
  readonly certain: boolean;
}

/** The statuses set on the redirect's response before it, in the same function: in its chain, and in the code before it. */
export function statusSetsBefore(redirect: DefaultRedirect): readonly EarlierSet[] {
  const { response, call } = redirect;
  if (!response || redirect.framework === 'nest' || redirect.framework === 'remix') return [];
  const calls = STATUS_CALLS[redirect.framework] ?? new Set<string>();
  const properties = STATUS_PROPERTIES[redirect.framework] ?? new Set<string>();
  const found: EarlierSet[] = [];
  // The chain: res.status(301).set(...).redirect(url)
  for (let current = calleeObject(call.callee); current && unwrap(current).type === AST_NODE_TYPES.CallExpression; ) {
    const link = unwrap(current) as TSESTree.CallExpression;
    const [status] = link.arguments;
    if (calls.has(calleeName(link.callee) ?? '') && status && status.type !== AST_NODE_TYPES.SpreadElement) {
      found.push({ status, node: link, chained: true, certain: true });
    }
    current = calleeObject(link.callee);
  }
  const fn = enclosingFunction(call);
  if (!fn?.body) return found;
  const body = fn.body;
  const visit = (node: Node): void => {
    if (node.range[0] >= call.range[0]) return;
    if (node !== fn && (node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.ArrowFunctionExpression)) return;
    const set = setOn(node, response.name, calls, properties);
    if (set) found.push({ ...set, chained: false, certain: runsBefore(node, call) });
    for (const [key, child] of Object.entries(node)) {
      if (key === 'parent') continue;
      if (Array.isArray(child)) for (const item of child as unknown[]) visitChild(item);
      else visitChild(child);
    }
  };
  const visitChild = (child: unknown): void => {
    if (child && typeof child === 'object' && typeof (child as Node).type === 'string') visit(child as Node);
  };
  visit(body);
  return found;
}

/** `res.status(n)` or `res.statusCode = n` on the response named `name`. */
function setOn(node: Node, name: string, calls: ReadonlySet<string>, properties: ReadonlySet<string>): { status: Node; node: Node } | undefined {
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(node.callee);
    const [status] = node.arguments;
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !calls.has(propertyName(callee) ?? '') || simpleName(callee.object) !== name) return undefined;
    return status && status.type !== AST_NODE_TYPES.SpreadElement && unwrap(callee.object).type === AST_NODE_TYPES.Identifier ? { status, node } : undefined;
  }
  if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=' && node.left.type === AST_NODE_TYPES.MemberExpression) {
    const left = node.left;
    if (!properties.has(propertyName(left) ?? '')) return undefined;
    const object = unwrap(left.object);
    // ctx.status = n, ctx.response.status = n
    const root = object.type === AST_NODE_TYPES.MemberExpression && propertyName(object) === 'response' ? unwrap(object.object) : object;
    return root.type === AST_NODE_TYPES.Identifier && root.name === name ? { status: node.right, node } : undefined;
  }
  return undefined;
}

/** The statement of `node` sits, before `target`'s, in a block (or the function body) that holds `target`. */
function runsBefore(node: Node, target: Node): boolean {
  let statement: Node = node;
  while (statement.parent && statement.parent.type !== AST_NODE_TYPES.BlockStatement && statement.parent.type !== AST_NODE_TYPES.Program) {
    if (statement.parent.type !== AST_NODE_TYPES.ExpressionStatement && statement.parent.type !== AST_NODE_TYPES.AwaitExpression) return false;
    statement = statement.parent;
  }
  const block = statement.parent;
  return block !== undefined && block.range[0] <= target.range[0] && target.range[1] <= block.range[1] && statement.range[1] <= target.range[0];
}

/** A Nest method that returns its own `{ url, statusCode }`, which wins over the decorator's status. */
export function returnsOwnStatus(context: Context, fn: Node): boolean {
  return /\bstatusCode\b/.test(context.sourceCode.getText(fn));
}

/** Koa's rule for a status set before `ctx.redirect(url)`. */
export function koaKeeps(code: number): boolean {
  return KOA_REDIRECTS.has(code);
}
