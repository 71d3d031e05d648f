/**
 * Fastify: `reply.code(n)`, `reply.status(n)`, `reply.redirect(url, n)`, `reply.statusCode = n`
 * (the last three are found by the Express adapter, which names the framework by the receiver).
 * hapi: `h.response(x).code(n)`.
 * Also a route's `schema.response` keys against its inline handler's `reply.code(n)`: `fastifyRouteResponses`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { calleeName, keyName, objectProperty, propertyName, unwrap, type Node } from '../ast.js';
import { declaredKeyOf, type Declaration, type SentStatus } from '../declared-responses.js';
import { isFunctionNode, type FunctionNode } from '../handlers.js';
import { constInitializer, variableOf, type Context } from '../origins.js';
import { resolveStatus } from '../status-value.js';
import type { Adapter } from '../sites.js';
import { argumentsOf, isLiteralStatus, isResponseName, makeSite, receiverName, receiverOf } from './shared.js';

export const fastify: Adapter = {
  framework: 'fastify',
  calls: {
    code(call, sites) {
      const args = argumentsOf(call);
      if (args.length !== 1 || call.arguments.length !== 1) return undefined;
      const [status] = args;
      const receiver = receiverOf(call);
      if (!receiver) return undefined;
      const name = receiverName(call);
      if (!sites.readsAsStatus(status) && !(isResponseName(name) && isLiteralStatus(status, sites))) return undefined;
      const root = unwrap(receiver);
      if (root.type === AST_NODE_TYPES.CallExpression && calleeName(root.callee) === 'response') {
        return makeSite('hapi', status, call, { response: receiver });
      }
      return makeSite('fastify', status, call, { response: receiver, literalTypes: true });
    },
  },
};

/** Fastify's route shorthands, which take `(path, options, handler)`. */
const FASTIFY_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']);
/** What a handler may do with `reply` and still have every status it sets in sight. */
const REPLY_PLAIN_MEMBERS = new Set(['code', 'status', 'send', 'header', 'headers', 'type']);

/** What a Fastify route declares in `schema.response` and what its handler sets with `reply.code(n)` / `reply.status(n)`. */
export interface FastifyRouteResponses {
  readonly declarations: readonly Declaration[];
  readonly sent: readonly SentStatus[];
  /**
   * Every status the handler sets is in `sent`, but for Fastify's default 200: `reply` is only used for
   * `code`/`status`/`send`/`header(s)`/`type` in the handler itself.
   */
  readonly complete: boolean;
}

/**
 * The responses of an inline handler of `fastify.get(path, { schema }, handler)` or `fastify.route({ schema,
 * handler })`, where the options, the schema and its `response` are object literals in the call or same-file
 * consts. Undefined when the route has no `schema.response` or the file does not settle it (a spread, a computed
 * key, a key that is no status).
 */
export function fastifyRouteResponses(context: Context, fn: FunctionNode): FastifyRouteResponses | undefined {
  const options = routeOptionsOf(fn);
  if (!options) return undefined;
  const schema = objectOf(context, objectProperty(options, 'schema')?.value);
  const response = objectOf(context, schema && objectProperty(schema, 'response')?.value);
  if (!response) return undefined;
  const declarations: Declaration[] = [];
  for (const property of response.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) return undefined;
    const key = property.key.type === AST_NODE_TYPES.Literal ? property.key.value : keyName(property);
    const declared = declaredKeyOf(typeof key === 'string' && /^\d+$/.test(key) ? Number(key) : key);
    if (!declared) return undefined;
    declarations.push({ key: declared, node: property.key, own: true });
  }
  const reply = fn.params[1];
  if (reply?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = variableOf(context, reply);
  if (!variable) return undefined;
  const sent: SentStatus[] = [];
  let complete = true;
  for (const reference of variable.references) {
    const identifier = reference.identifier;
    const member = identifier.parent;
    const name = member?.type === AST_NODE_TYPES.MemberExpression && member.object === identifier && !member.computed ? propertyName(member) : undefined;
    if (name === undefined || !REPLY_PLAIN_MEMBERS.has(name) || ownerOf(identifier) !== fn) complete = false;
    if ((name === 'code' || name === 'status') && member?.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member) {
      const status = member.parent.arguments[0];
      const value = status && status.type !== AST_NODE_TYPES.SpreadElement ? resolveStatus(context, status) : undefined;
      if (value && value.kind !== 'string') sent.push({ code: value.value, node: status as Node });
      else complete = false;
    }
  }
  return { declarations, sent, complete };
}

/** The function a node is in, seen through nothing: a callback inside the handler is its own owner. */
function ownerOf(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) return current;
  return undefined;
}

/** The route options object of an inline handler: `get(path, options, fn)`, or the object of `{ handler: fn }` in a route call. */
function routeOptionsOf(fn: FunctionNode): TSESTree.ObjectExpression | undefined {
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.CallExpression) {
    const name = calleeName(parent.callee);
    if (parent.callee.type !== AST_NODE_TYPES.MemberExpression || name === undefined || !FASTIFY_VERBS.has(name)) return undefined;
    if (parent.arguments.length !== 3 || parent.arguments[2] !== fn) return undefined;
    const options = unwrap(parent.arguments[1] as Node);
    return options.type === AST_NODE_TYPES.ObjectExpression ? options : undefined;
  }
  if (parent.type === AST_NODE_TYPES.Property && parent.value === fn && keyName(parent) === 'handler') {
    const object = parent.parent;
    const call = object.parent;
    if (object.type !== AST_NODE_TYPES.ObjectExpression || call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = calleeName(call.callee);
    return name === 'route' || (name !== undefined && FASTIFY_VERBS.has(name)) ? object : undefined;
  }
  return undefined;
}

/** An object literal, written in place or as a same-file `const`. */
function objectOf(context: Context, node: Node | undefined): TSESTree.ObjectExpression | undefined {
  if (!node) return undefined;
  let target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = variableOf(context, target);
    const bound = variable && constInitializer(variable);
    if (!bound || bound.id.type !== AST_NODE_TYPES.Identifier) return undefined;
    target = unwrap(bound.init);
  }
  return target.type === AST_NODE_TYPES.ObjectExpression ? target : undefined;
}
