/**
 * What a framework does at run time with a status it cannot take: a RangeError from the Fetch `Response`
 * constructor, Express 5's TypeError, Fastify's FST_ERR_BAD_STATUS_CODE, http-errors' fallback to 500. Checked with
 * Node 20, Express 5.1, Fastify 5, Koa 3, http-errors 2, Hono 4 and SvelteKit 2; `valid-status` adds it to its messages.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calleeName, keyName, propertyName, simpleName, unwrap, type Node } from '../ast.js';
import { originOf, type Context } from '../origins.js';
import type { Framework, StatusSite } from '../sites.js';
import { isResponseName } from './shared.js';

/** What is wrong with a status at a site. */
export type Problem = 'range' | 'integer' | 'string' | 'redirect' | 'fetchRange';

/** Frameworks whose every response site ends in a Fetch `Response`, which throws a RangeError outside 200-599. */
const FETCH_FRAMEWORKS = new Set<Framework>(['fetch', 'next', 'msw', 'remix', 'hono']);

const CONTEXT_NAME = /^(?:ctx|context)$|Context$/;

/** `res.status`, `response.statusCode`, `response.status()`: the status of a response object, a number for sure. */
export function isResponseStatus(node: Node | undefined): boolean {
  const target = node && unwrap(node);
  if (!target) return false;
  if (target.type === AST_NODE_TYPES.MemberExpression) return isResponseName(simpleName(target.object));
  if (target.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(target.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && isResponseName(simpleName(callee.object));
  }
  return false;
}

/** The API a site calls, by the name it is exported under: `json` for `import { json as kitJson }`. */
function apiName(context: Context, site: StatusSite): string | undefined {
  const { node } = site;
  if (node.type === AST_NODE_TYPES.AssignmentExpression) return node.left.type === AST_NODE_TYPES.MemberExpression ? `=${propertyName(node.left) ?? ''}` : undefined;
  if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const callee = unwrap(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const last = originOf(context, callee)?.path.at(-1);
    if (last !== undefined && last !== 'default') return last;
  }
  return calleeName(callee);
}

/** `{ status: 101, webSocket: client }`: Cloudflare Workers' `Response` takes 101 along with the socket it upgrades to. */
export function isWebSocketUpgrade(site: StatusSite): boolean {
  const property = site.status.parent;
  const init = property?.type === AST_NODE_TYPES.Property ? property.parent : undefined;
  return init?.type === AST_NODE_TYPES.ObjectExpression && init.properties.some((other) => other.type === AST_NODE_TYPES.Property && keyName(other) === 'webSocket');
}

/** A site whose response is a Fetch `Response`: the Fetch family, SvelteKit's `json` / `text`, h3's `HTTPResponse`. */
export function isFetchSite(context: Context, site: StatusSite): boolean {
  if (FETCH_FRAMEWORKS.has(site.framework)) return true;
  const api = apiName(context, site);
  if (site.framework === 'sveltekit') return api === 'json' || api === 'text';
  return site.framework === 'h3' && api === 'HTTPResponse';
}

/**
 * What goes wrong at run time, where it is known (checked with Node 20, Express 5.1, Fastify 5, Koa 3,
 * http-errors 2, Hono 4, SvelteKit 2): the clause a message adds, or undefined.
 */
export function consequenceOf(context: Context, site: StatusSite, problem: Problem, code: number): string | undefined {
  if (site.kind !== 'response') return problem === 'range' || problem === 'integer' ? 'no response has it, so this check never matches' : undefined;
  const api = apiName(context, site);
  const beyondNode = code < 100 || code > 999;
  // `ctx.status(n)` is no Express call (Hono under another name, most likely): what it does is unknown.
  if (site.framework === 'express' && CONTEXT_NAME.test(simpleName(site.response) ?? '')) return undefined;
  const ignoredRedirect = `browsers do not follow the \`Location\` of a ${code} response`;
  switch (site.framework) {
    case 'express':
      if (api === '=statusCode') return problem === 'range' && beyondNode ? "Node's `writeHead()` throws a RangeError for it" : undefined;
      if (problem === 'range') return beyondNode ? "Express 5's `res.status()` throws a RangeError for it" : undefined;
      if (problem === 'integer' || problem === 'string') return "Express 5's `res.status()` throws a TypeError for it";
      return problem === 'redirect' ? ignoredRedirect : undefined;
    case 'node-http':
      return problem === 'range' && beyondNode && api === 'writeHead' ? "Node's `writeHead()` throws a RangeError for it" : undefined;
    case 'fastify':
      if (problem === 'range') return 'Fastify throws FST_ERR_BAD_STATUS_CODE for it';
      return problem === 'redirect' ? ignoredRedirect : undefined;
    case 'koa':
      if (api === '=status') {
        if (problem === 'range') return beyondNode ? 'Koa throws an AssertionError for it' : undefined;
        return problem === 'integer' || problem === 'string' ? 'Koa throws an AssertionError for it' : undefined;
      }
      return problem === 'range' || problem === 'string' ? 'http-errors turns it into a 500 Internal Server Error' : undefined;
    case 'http-errors':
      // `createError(n)`; not `err.status = n`, which is read by whatever handles the error.
      if (site.node.type !== AST_NODE_TYPES.CallExpression && site.node.type !== AST_NODE_TYPES.NewExpression) return undefined;
      return problem === 'range' || problem === 'string' ? 'http-errors turns it into a 500 Internal Server Error' : undefined;
    case 'sveltekit':
      if (api === 'error') return problem === 'range' ? "SvelteKit's `error()` throws an Error for it" : undefined;
      if (api === 'redirect') {
        if (problem === 'range' || (problem === 'redirect' && (code < 300 || code > 308))) return "SvelteKit's `redirect()` throws an Error for it";
        return problem === 'redirect' ? ignoredRedirect : undefined;
      }
      return problem === 'range' && isFetchSite(context, site) ? 'the Fetch `Response` constructor throws a RangeError for it' : undefined;
    case 'fetch':
      if (problem === 'redirect') return '`Response.redirect()` throws a RangeError for it';
      return problem === 'range' ? 'the Fetch `Response` constructor throws a RangeError for it' : undefined;
    case 'next':
    case 'msw':
      return problem === 'range' ? 'the Fetch `Response` constructor throws a RangeError for it' : undefined;
    case 'remix':
    case 'hono':
      if (problem === 'redirect') return ignoredRedirect;
      return problem === 'range' ? 'the Fetch `Response` constructor throws a RangeError for it' : undefined;
    case 'h3':
      return problem === 'range' && api === 'HTTPResponse' ? 'the Fetch `Response` constructor throws a RangeError for it' : undefined;
    default:
      return undefined;
  }
}

