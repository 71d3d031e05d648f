/**
 * Bodies of Connect-style responses: Express and node:http (`res`), Fastify (`reply`), Koa (`ctx`).
 *
 * What each does with content under 204, 205 or 304 (checked with Express 5.1, Fastify 5, Koa 3, Node 20):
 * - Express `res.send` / `res.json` / `res.jsonp` strip the content for all three (and set `Content-Length: 0` for 205);
 * - Node `res.end(x)` / `res.write(x)` drop it for 204 and 304, and send it for 205;
 * - Fastify `reply.send(x)` drops it for 204 and 304, and sends it for 205;
 * - Koa drops `ctx.body` for all three (`statuses.empty`).
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calleeName, simpleName } from '../ast.js';
import type { BodyApi, ResponseApi } from './sequence.js';
import { contentAfterStatus } from './sequence.js';
import type { SentBody } from '../body.js';
import type { Context } from '../origins.js';
import type { StatusSite } from '../sites.js';

const dropped = (): 'dropped' => 'dropped';
const sentFor205 = (code: number): 'dropped' | 'sent' => (code === 205 ? 'sent' : 'dropped');

const EXPRESS_SEND: BodyApi = { content: 'text', runtime: 'Express', fate: dropped, removal: { rename: 'end', firstArgument: 'drop' } };
const EXPRESS_JSON: BodyApi = { content: 'json', runtime: 'Express', fate: dropped, removal: { rename: 'end', firstArgument: 'drop' } };
const EXPRESS_FILE: BodyApi = { content: 'text', runtime: 'Express', fate: () => undefined };
const NODE_END: BodyApi = { content: 'chunk', runtime: 'Node', fate: sentFor205, removal: { firstArgument: 'drop' } };
const NODE_WRITE: BodyApi = { content: 'chunk', runtime: 'Node', fate: sentFor205 };

/** Express and node:http: `res.status(n).json(x)`, `res.writeHead(n); res.end(x)`. */
const EXPRESS: ResponseApi = {
  bodyMethods: new Map([
    ['send', EXPRESS_SEND],
    ['json', EXPRESS_JSON],
    ['jsonp', EXPRESS_JSON],
    ['render', EXPRESS_FILE],
    ['sendFile', EXPRESS_FILE],
    ['download', EXPRESS_FILE],
    ['end', NODE_END],
    ['write', NODE_WRITE],
  ]),
  bodyProperties: new Map(),
  passThrough: new Set([
    'set',
    'header',
    'setHeader',
    'setHeaders',
    'append',
    'appendHeader',
    'removeHeader',
    'type',
    'contentType',
    'cookie',
    'clearCookie',
    'location',
    'links',
    'vary',
    'attachment',
    'getHeader',
    'hasHeader',
    'get',
  ]),
  statusMethods: new Set(['status', 'sendStatus', 'writeHead', 'redirect', 'code', 'format', 'flushHeaders']),
  statusProperties: new Set(['statusCode', 'status']),
};

/** Fastify: `reply.code(n).send(x)`. */
const FASTIFY: ResponseApi = {
  bodyMethods: new Map([['send', { content: 'text', runtime: 'Fastify', fate: sentFor205, removal: { firstArgument: 'drop' } } satisfies BodyApi]]),
  bodyProperties: new Map(),
  passThrough: new Set(['header', 'headers', 'type', 'removeHeader', 'getHeader', 'hasHeader', 'trailer', 'removeTrailer', 'serializer']),
  statusMethods: new Set(['code', 'status', 'redirect', 'callNotFound', 'hijack', 'sendFile', 'download', 'view']),
  statusProperties: new Set(['statusCode']),
};

/** Koa: `ctx.status = n; ctx.body = x`. */
const KOA: ResponseApi = {
  bodyMethods: new Map(),
  bodyProperties: new Map([['body', { content: 'text', runtime: 'Koa', fate: dropped, removal: 'statement' } satisfies BodyApi]]),
  passThrough: new Set(['set', 'append', 'remove', 'vary', 'attachment', 'get', 'is', 'accepts', 'assert']),
  statusMethods: new Set(['throw', 'redirect', 'status']),
  statusProperties: new Set(['status']),
};

/** Sites that set the status and let the handler go on: `res.status(n)`, `reply.code(n)`, `res.writeHead(n)`, `x.statusCode = n`, `ctx.status = n`. */
const STATUS_CALLS = new Set(['status', 'code', 'writeHead']);
const CONTEXT_NAME = /^(?:ctx|context)$|Context$/;

export function connectBody(context: Context, site: StatusSite, code: number): SentBody | undefined {
  const { node } = site;
  const settable =
    node.type === AST_NODE_TYPES.AssignmentExpression || (node.type === AST_NODE_TYPES.CallExpression && STATUS_CALLS.has(calleeName(node.callee) ?? ''));
  if (!settable) return undefined;
  const api = site.framework === 'fastify' ? FASTIFY : site.framework === 'koa' ? KOA : EXPRESS;
  const found = contentAfterStatus(context, api, site, code);
  // `ctx.status(n)` is not Express: Hono under another name, most likely. The content is still wrong; who handles it is unknown.
  if (found && site.framework === 'express' && CONTEXT_NAME.test(simpleName(site.response) ?? '')) return { ...found, runtime: undefined, fate: undefined };
  return found;
}
