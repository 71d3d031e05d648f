/**
 * Handlers: the function that owns a response. A status site belongs to the
 * innermost enclosing function that a framework calls to answer a request:
 *
 * - a route callback: `app.post('/x', fn)` (Express, Fastify, Koa router, Hono, Elysia),
 *   through wrappers (`app.post('/x', asyncHandler(fn))`), `router.route('/x').post(fn)`,
 *   `app.use(fn)`, Hono's `app.on('POST', '/x', fn)`, `{ handler: fn }` in Fastify / hapi route options;
 * - a NestJS controller method: a decorated method (and `@HttpCode(n)` belongs to the method it decorates);
 * - an exported route function: `export function POST`, `export const GET = ...`, Remix `action` / `loader`,
 *   SvelteKit `load`, `export default function`;
 * - a SvelteKit form action: a property of `export const actions = { ... }`;
 * - a Worker's `fetch`: `export default { fetch() {} }`, a class's `fetch` method, `addEventListener('fetch', fn)`;
 * - an h3 / Nuxt / Nitro `defineEventHandler(fn)` (also `eventHandler`, `defineHandler`, `{ handler: fn }`);
 * - a node:http `createServer(fn)` or `server.on('request', fn)`.
 *
 * Otherwise the handler is the nearest enclosing function that is not an inline
 * callback (`.then(fn)`, `forEach(fn)`, `new Promise(fn)`): the function a
 * callback is passed from owns what the callback does. With no such function,
 * the outermost enclosing one.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { calleeName, calleeObject, keyName, propertyName, simpleName, unwrap, type Node } from './ast.js';
import type { Context } from './origins.js';

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export type HandlerKind =
  /** `app.post('/x', fn)`, `app.use(fn)`, `{ handler: fn }` route options. */
  | 'route'
  /** A decorated NestJS controller method. */
  | 'nest'
  /** `export function POST`, `export const load`, `export default function`. */
  | 'route-export'
  /** A SvelteKit form action. */
  | 'action'
  /** A Worker's `fetch`. */
  | 'worker'
  /** h3 `defineEventHandler(fn)`. */
  | 'event-handler'
  /** node:http `createServer(fn)`, `server.on('request', fn)`. */
  | 'server'
  /** None of these: the nearest enclosing function that is not an inline callback. */
  | 'function';

export interface Handler {
  readonly node: FunctionNode;
  readonly kind: HandlerKind;
  /** What a user names the handler by: the route path, the method, export or function name. */
  readonly name: string | undefined;
}

type Shape = { readonly kind: Exclude<HandlerKind, 'function'>; readonly name: string | undefined };

/** Route registration methods; `use` takes a handler at any position, the verbs after a path. */
const ROUTE_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all', 'any', 'propfind', 'search']);
/** The names an exported function takes when a file-based router calls it. */
const ROUTE_EXPORTS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ALL', 'fallback', 'load', 'action', 'loader', 'handler']);
const H3_DEFINERS = new Set(['defineEventHandler', 'eventHandler', 'defineHandler', 'defineCachedEventHandler', 'defineLazyEventHandler']);
const SERVER_FACTORIES = new Set(['createServer', 'createSecureServer']);
const HTTP_METHOD = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/;
/** How many wrapper calls may sit between a route call and its callback: `app.post('/x', auth(wrap(fn)))`. */
const MAX_WRAPPERS = 2;

export function isFunctionNode(node: Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** The node as its parent sees it: `fn as T`, `fn satisfies T`, `(fn)!` are the same value. */
function outerValue(node: Node): Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      current.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.parent.type === AST_NODE_TYPES.TSTypeAssertion)
  ) {
    current = current.parent;
  }
  return current;
}

/** A route path: `'/orders'`, `` `/orders/${id}` ``, `/^\/orders/`, `['/a', '/b']`, `'*'`. */
function pathText(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Literal) {
    if (typeof target.value === 'string') return /^[/*]/.test(target.value) ? target.value : undefined;
    return 'regex' in target ? target.raw : undefined;
  }
  if (target.type === AST_NODE_TYPES.TemplateLiteral) {
    const first = target.quasis[0]?.value.cooked ?? '';
    return first.startsWith('/') ? target.quasis.map((quasi) => quasi.value.cooked).join('*') : undefined;
  }
  if (target.type === AST_NODE_TYPES.ArrayExpression) {
    const first = target.elements[0];
    return first && first.type !== AST_NODE_TYPES.SpreadElement ? pathText(first) : undefined;
  }
  return undefined;
}

/** A string literal's value. */
function stringValue(node: Node | undefined): string | undefined {
  const target = node && unwrap(node);
  return target?.type === AST_NODE_TYPES.Literal && typeof target.value === 'string' ? target.value : undefined;
}

/** `router.route('/x').post(fn)`: the receiver is a call chain with a `.route(path)` in it. */
function isRouteChain(receiver: Node | undefined): boolean {
  let current = receiver && unwrap(receiver);
  while (current?.type === AST_NODE_TYPES.CallExpression) {
    if (calleeName(current.callee) === 'route' && pathText(current.arguments[0])) return true;
    current = calleeObject(current.callee);
  }
  return false;
}

/** The route shape of a call that takes `argument` as its handler, if the call registers a route. */
function routeCallShape(call: TSESTree.CallExpression, argument: Node): Shape | undefined {
  const callee = unwrap(call.callee);
  const args = call.arguments;
  const position = args.indexOf(argument as TSESTree.CallExpressionArgument);
  if (position < 0) return undefined;
  const name = calleeName(callee);
  if (name === undefined) return undefined;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (SERVER_FACTORIES.has(name)) return { kind: 'server', name: undefined };
    if (H3_DEFINERS.has(name)) return { kind: 'event-handler', name: undefined };
    if (name === 'addEventListener' && stringValue(args[0]) === 'fetch') return { kind: 'worker', name: 'fetch' };
    return undefined;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (SERVER_FACTORIES.has(name)) return { kind: 'server', name: undefined };
  if (H3_DEFINERS.has(name)) return { kind: 'event-handler', name: undefined };
  if (name === 'use') return { kind: 'route', name: pathText(args[0]) };
  if (name === 'addEventListener' && stringValue(args[0]) === 'fetch') return { kind: 'worker', name: 'fetch' };
  if (name === 'on') {
    const first = stringValue(args[0]);
    if (first === 'request' || first === 'stream') return { kind: 'server', name: undefined };
    // Hono: app.on('POST', '/x', fn), app.on(['GET', 'POST'], '/x', fn)
    const methods = unwrap(args[0] ?? callee);
    const isMethod =
      (first !== undefined && HTTP_METHOD.test(first)) ||
      (methods.type === AST_NODE_TYPES.ArrayExpression && methods.elements.some((element) => HTTP_METHOD.test(stringValue(element ?? undefined) ?? '')));
    return isMethod && position >= 2 ? { kind: 'route', name: pathText(args[1]) } : undefined;
  }
  if (!ROUTE_VERBS.has(name.toLowerCase())) return undefined;
  if (position === 0) return isRouteChain(calleeObject(callee)) ? { kind: 'route', name: routeChainPath(calleeObject(callee)) } : undefined;
  // app.post('/x', fn); koa-router's named routes: router.post('name', '/x', fn)
  const path = pathText(args[0]) ?? (position >= 2 ? pathText(args[1]) : undefined);
  return path === undefined ? undefined : { kind: 'route', name: path };
}

function routeChainPath(receiver: Node | undefined): string | undefined {
  let current = receiver && unwrap(receiver);
  while (current?.type === AST_NODE_TYPES.CallExpression) {
    if (calleeName(current.callee) === 'route') return pathText(current.arguments[0]);
    current = calleeObject(current.callee);
  }
  return undefined;
}

/** `{ method: 'POST', url: '/x', handler: fn }` (Fastify `route`, hapi `server.route`) or `{ handler: fn }` passed to a route call or an h3 definer. */
function handlerPropertyShape(property: TSESTree.Property): Shape | undefined {
  if (keyName(property) !== 'handler') return undefined;
  const object = property.parent;
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const outer = outerValue(object);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(outer as TSESTree.CallExpressionArgument)) {
    const name = calleeName(parent.callee);
    if (name !== undefined && H3_DEFINERS.has(name)) return { kind: 'event-handler', name: undefined };
    if (name !== undefined && (ROUTE_VERBS.has(name.toLowerCase()) || name === 'route')) {
      const path = pathText(parent.arguments[0]);
      return { kind: 'route', name: path ?? routeOptionPath(object) };
    }
  }
  const hasMethod = object.properties.some((other) => other.type === AST_NODE_TYPES.Property && keyName(other) === 'method');
  const path = routeOptionPath(object);
  return hasMethod && path !== undefined ? { kind: 'route', name: path } : undefined;
}

function routeOptionPath(object: TSESTree.ObjectExpression): string | undefined {
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = keyName(property);
    if (key === 'url' || key === 'path') return pathText(property.value);
  }
  return undefined;
}

/** `export const POST = fn`, `export const POST = withAuth(fn)`: the exported name, when the declarator is exported. */
function exportedDeclaratorName(declarator: TSESTree.VariableDeclarator): string | undefined {
  const declaration = declarator.parent;
  if (declaration.type !== AST_NODE_TYPES.VariableDeclaration || declaration.parent?.type !== AST_NODE_TYPES.ExportNamedDeclaration) return undefined;
  return declarator.id.type === AST_NODE_TYPES.Identifier ? declarator.id.name : undefined;
}

/** True for the object of `export default { ... }` or `module.exports = { ... }`. */
function isDefaultExportObject(object: TSESTree.ObjectExpression): boolean {
  const outer = outerValue(object);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === outer) {
    const left = parent.left;
    return left.type === AST_NODE_TYPES.MemberExpression && simpleName(left.object) === 'module' && propertyName(left) === 'exports';
  }
  return false;
}

/** `export const actions = { default: fn, create: fn }`. */
function isActionsObject(object: TSESTree.ObjectExpression): boolean {
  const outer = outerValue(object);
  const parent = outer.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer && exportedDeclaratorName(parent) === 'actions';
}

/** The shape of a function that a framework calls to answer a request, or undefined. */
function shapeOf(fn: FunctionNode): Shape | undefined {
  // Declarations: export function POST() {}, export default function handler() {}
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    const parent = fn.parent;
    if (parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) return { kind: 'route-export', name: fn.id?.name ?? 'default' };
    if (parent.type === AST_NODE_TYPES.ExportNamedDeclaration && fn.id && ROUTE_EXPORTS.has(fn.id.name)) return { kind: 'route-export', name: fn.id.name };
    return undefined;
  }
  const outer = outerValue(fn);
  const parent = outer.parent;
  if (!parent) return undefined;
  switch (parent.type) {
    case AST_NODE_TYPES.MethodDefinition: {
      const name = keyName(parent);
      if (parent.decorators.length > 0) return { kind: 'nest', name };
      return name === 'fetch' ? { kind: 'worker', name } : undefined;
    }
    case AST_NODE_TYPES.PropertyDefinition: {
      const name = keyName(parent);
      if (parent.decorators.length > 0) return { kind: 'nest', name };
      return name === 'fetch' ? { kind: 'worker', name } : undefined;
    }
    case AST_NODE_TYPES.Property: {
      if (parent.value !== outer) return undefined;
      const object = parent.parent;
      if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
      const name = keyName(parent);
      if (name === 'fetch' && isDefaultExportObject(object)) return { kind: 'worker', name };
      if (isActionsObject(object)) return { kind: 'action', name };
      return handlerPropertyShape(parent);
    }
    case AST_NODE_TYPES.ExportDefaultDeclaration:
      return { kind: 'route-export', name: 'default' };
    case AST_NODE_TYPES.VariableDeclarator: {
      const name = parent.init === outer ? exportedDeclaratorName(parent) : undefined;
      return name !== undefined && ROUTE_EXPORTS.has(name) ? { kind: 'route-export', name } : undefined;
    }
    case AST_NODE_TYPES.CallExpression:
      return callbackShape(parent, outer);
    default:
      return undefined;
  }
}

/** A callback passed to a route call, directly or through up to two wrapper calls, or wrapped and exported. */
function callbackShape(call: TSESTree.CallExpression, argument: Node): Shape | undefined {
  let currentCall = call;
  let currentArgument = argument;
  for (let depth = 0; depth <= MAX_WRAPPERS; depth++) {
    const shape = routeCallShape(currentCall, currentArgument);
    if (shape) return shape;
    const next = outerValue(currentCall);
    const parent = next.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(next as TSESTree.CallExpressionArgument)) {
      currentCall = parent;
      currentArgument = next;
      continue;
    }
    // export const POST = withAuth(fn); export default defineEventHandler(fn)
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === next) {
      const name = exportedDeclaratorName(parent);
      return name !== undefined && ROUTE_EXPORTS.has(name) ? { kind: 'route-export', name } : undefined;
    }
    if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return { kind: 'route-export', name: 'default' };
    return undefined;
  }
  return undefined;
}

const shapeCache = new WeakMap<FunctionNode, Shape | null>();

/** The handler shape of a function, when a framework calls it to answer a request. */
export function handlerShape(fn: FunctionNode): Shape | undefined {
  let shape = shapeCache.get(fn);
  if (shape === undefined) {
    shape = shapeOf(fn) ?? null;
    shapeCache.set(fn, shape);
  }
  return shape ?? undefined;
}

/** A callback: the function is an argument (or the callee) of a call or `new`. */
export function isInlineCallback(fn: FunctionNode): boolean {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return false;
  const outer = outerValue(fn);
  const parent = outer.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.NewExpression) return false;
  return parent.callee === outer || parent.arguments.includes(outer as TSESTree.CallExpressionArgument);
}

/** The name a plain function goes by: its own, its method or property key, or the variable it is assigned to. */
export function functionName(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  const outer = outerValue(fn);
  const parent = outer.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.Property:
      return keyName(parent);
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.left.type === AST_NODE_TYPES.MemberExpression ? propertyName(parent.left) : simpleName(parent.left);
    default:
      return undefined;
  }
}

/** `@HttpCode(202)` on a method: the decorated method's function. */
function decoratedMethod(node: Node): FunctionNode | undefined {
  for (let current: Node | undefined = node; current; current = current.parent) {
    if (isFunctionNode(current)) return undefined;
    if (current.type === AST_NODE_TYPES.Decorator) {
      const owner = current.parent;
      if ((owner.type === AST_NODE_TYPES.MethodDefinition || owner.type === AST_NODE_TYPES.PropertyDefinition) && owner.value) {
        const value = unwrap(owner.value);
        return isFunctionNode(value) ? value : undefined;
      }
      return undefined;
    }
  }
  return undefined;
}

/** The handler that owns a node (a status site's node), or undefined at module level. */
export function handlerOf(node: Node): Handler | undefined {
  const method = decoratedMethod(node);
  if (method) return { node: method, kind: 'nest', name: functionName(method) };
  let fallback: FunctionNode | undefined;
  let outermost: FunctionNode | undefined;
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const shape = handlerShape(current);
    if (shape) return { node: current, kind: shape.kind, name: shape.name ?? functionName(current) };
    if (!fallback && !isInlineCallback(current)) fallback = current;
    outermost = current;
  }
  const owner = fallback ?? outermost;
  return owner ? { node: owner, kind: 'function', name: functionName(owner) } : undefined;
}

/** The calls of a plain function in the same file: `accepted(res, body)` for `function accepted(res, body) {}` or `const accepted = (...) => {}`. */
export function callersOf(context: Context, fn: FunctionNode): TSESTree.CallExpression[] {
  const outer = outerValue(fn);
  const declaration =
    fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : outer.parent?.type === AST_NODE_TYPES.VariableDeclarator && outer.parent.init === outer ? outer.parent : undefined;
  if (!declaration) return [];
  const calls: TSESTree.CallExpression[] = [];
  for (const variable of context.sourceCode.getDeclaredVariables(declaration)) {
    // the function's own name, not its parameters (`next()` in `function accepted(res, next)` is no caller)
    if (variable.defs[0]?.type === 'Parameter') continue;
    for (const reference of variable.references) {
      const parent = reference.identifier.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier) calls.push(parent);
    }
  }
  return calls;
}

/** Frameworks whose handlers take the request first: a function that takes the response first is a helper. */
const REQUEST_FIRST = new Set(['express', 'fastify', 'node-http']);

/**
 * A response helper rather than a handler: `function accepted(res, body) { res.status(202).json(body) }`.
 * The site's response object is the first parameter of a plain function, in a framework whose handlers
 * take the request first.
 */
export function isResponseHelper(handler: Handler, framework: string, response: Node | undefined): boolean {
  if (handler.kind !== 'function' || !REQUEST_FIRST.has(framework) || !response) return false;
  let root: Node = unwrap(response);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
  const [first] = handler.node.params;
  return root.type === AST_NODE_TYPES.Identifier && first?.type === AST_NODE_TYPES.Identifier && first.name === root.name;
}

/**
 * Functions a framework calls and whose return value it sends, besides route handlers: Next.js `middleware` and
 * `proxy`, SvelteKit's `handle` hook, Astro's `onRequest`.
 */
const ANSWERING_FUNCTIONS = new Set(['middleware', 'proxy', 'handle', 'onRequest']);

/** The node as the code around it sees its value: through `await`, `?:`, `??`, `||`, `&&` and TypeScript wrappers. */
function valueOuter(node: Node): Node {
  let current = node;
  for (;;) {
    const parent: Node | undefined = current.parent;
    if (!parent) return current;
    if (
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSTypeAssertion ||
      parent.type === AST_NODE_TYPES.AwaitExpression ||
      parent.type === AST_NODE_TYPES.ChainExpression ||
      parent.type === AST_NODE_TYPES.LogicalExpression ||
      (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== current)
    ) {
      current = parent;
    } else {
      return current;
    }
  }
}

/** The function whose return value `value` is: `return value` in it, or the body of an arrow. */
function returningFunction(value: Node): FunctionNode | undefined {
  const outer = valueOuter(value);
  const parent = outer.parent;
  if (parent && isFunctionNode(parent) && parent.body === outer) return parent;
  if (parent?.type !== AST_NODE_TYPES.ReturnStatement) return undefined;
  for (let current: Node | undefined = parent.parent; current; current = current.parent) if (isFunctionNode(current)) return current;
  return undefined;
}

/** The file hands the function on as a value (`{ fetch: handleRequest }`, `app.get('/', handle)`): a framework may call it. */
function isPassedAsValue(context: Context, fn: FunctionNode): boolean {
  const outer = outerValue(fn);
  const declaration =
    fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : outer.parent?.type === AST_NODE_TYPES.VariableDeclarator && outer.parent.init === outer ? outer.parent : undefined;
  if (!declaration) return false;
  for (const variable of context.sourceCode.getDeclaredVariables(declaration)) {
    // a declaration's own name, not its parameters
    if (variable.defs[0]?.type === 'Parameter') continue;
    for (const reference of variable.references) {
      if (reference.init) continue;
      const identifier = reference.identifier;
      const parent = identifier.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier) continue;
      if (parent?.type === AST_NODE_TYPES.ExportSpecifier) continue;
      return true;
    }
  }
  return false;
}

/**
 * A response or error object made for the caller of a function to send or throw, not by a handler: the site makes
 * a value (a Fetch `Response`, an `http-errors` error, an `HttpException`, a Lambda result; not a call on a response
 * object such as `res.status(429)`), and that value is what a function returns, where the function is not a
 * handler, nor one a framework calls for its answer (`middleware`), nor handed on as a value in the file
 * (`{ fetch: handleRequest }`). A value returned from an inline callback (`.then(() => new Response(...))`) flows to
 * the function around it, so it is not made for a caller. `export function RateLimitExceededError(message) { return
 * httpErrors(429, message) }` is made for its caller, which sets `Retry-After` before it throws it.
 */
export function isMadeForCaller(context: Context, site: { readonly node: Node; readonly response?: Node }): boolean {
  if (site.response) return false;
  const value = site.node.type === AST_NODE_TYPES.Property ? site.node.parent : site.node;
  const fn = returningFunction(value);
  if (!fn || handlerShape(fn) || isInlineCallback(fn)) return false;
  const name = functionName(fn);
  if (name !== undefined && ANSWERING_FUNCTIONS.has(name)) return false;
  return !isPassedAsValue(context, fn);
}

/** Route registration method names and the HTTP method they answer (`del` is koa-router's and restify's `delete`). */
const VERB_METHODS: ReadonlyMap<string, string> = new Map([
  ['get', 'GET'],
  ['head', 'HEAD'],
  ['post', 'POST'],
  ['put', 'PUT'],
  ['patch', 'PATCH'],
  ['delete', 'DELETE'],
  ['del', 'DELETE'],
  ['options', 'OPTIONS'],
]);
/** NestJS route decorators (`@Post()`) and the method they answer. */
const NEST_METHODS: ReadonlyMap<string, string> = new Map([
  ['Get', 'GET'],
  ['Head', 'HEAD'],
  ['Post', 'POST'],
  ['Put', 'PUT'],
  ['Patch', 'PATCH'],
  ['Delete', 'DELETE'],
  ['Options', 'OPTIONS'],
]);
/**
 * Exports a file-based router calls for one method: `export function POST` (Next.js, SvelteKit, Astro); Remix and
 * React Router call `action` for every submission that is not a GET, which a `<Form>` makes a POST unless told.
 */
const EXPORT_METHODS: ReadonlyMap<string, string> = new Map([
  ['GET', 'GET'],
  ['HEAD', 'HEAD'],
  ['POST', 'POST'],
  ['PUT', 'PUT'],
  ['PATCH', 'PATCH'],
  ['DELETE', 'DELETE'],
  ['OPTIONS', 'OPTIONS'],
  ['action', 'POST'],
  ['loader', 'GET'],
]);

/** One method written as a string (`'POST'`), or an array of one (`['POST']`). */
function singleMethod(node: Node | undefined): string | undefined {
  const target = node && unwrap(node);
  if (target?.type === AST_NODE_TYPES.ArrayExpression) {
    return target.elements.length === 1 ? singleMethod(target.elements[0] ?? undefined) : undefined;
  }
  const method = stringValue(target)?.toUpperCase();
  return method !== undefined && HTTP_METHOD.test(method) ? method : undefined;
}

/** The method of a route call that takes the handler (through wrappers): `app.post(...)`, `app.on('POST', ...)`, `router.route('/x').put(fn)`. */
function routeCallMethod(fn: FunctionNode): string | undefined {
  let argument: Node = outerValue(fn);
  for (let depth = 0; depth <= MAX_WRAPPERS; depth++) {
    const call = argument.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(argument as TSESTree.CallExpressionArgument)) return undefined;
    const name = calleeName(call.callee);
    const method = name === undefined ? undefined : VERB_METHODS.get(name.toLowerCase());
    if (method !== undefined) return method;
    if (name === 'on') return singleMethod(call.arguments[0]);
    if (name === 'route' || name === 'use' || name === 'all') return undefined;
    argument = outerValue(call);
  }
  return undefined;
}

/** `{ method: 'POST', handler: fn }` (Fastify `route`, hapi), or `{ handler: fn }` passed to `fastify.post(path, ...)`. */
function handlerPropertyMethod(property: TSESTree.Property): string | undefined {
  const object = property.parent;
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const method = object.properties.find((other): other is TSESTree.Property => other.type === AST_NODE_TYPES.Property && keyName(other) === 'method');
  if (method) return singleMethod(method.value);
  const outer = outerValue(object);
  const call = outer.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const name = calleeName(call.callee);
  return name === undefined ? undefined : VERB_METHODS.get(name.toLowerCase());
}

/** The method of a NestJS controller method's route decorator: `@Post()`. */
function nestMethod(fn: FunctionNode): string | undefined {
  const owner = outerValue(fn).parent;
  if (owner?.type !== AST_NODE_TYPES.MethodDefinition && owner?.type !== AST_NODE_TYPES.PropertyDefinition) return undefined;
  const methods = owner.decorators.flatMap((decorator) => {
    const expression = unwrap(decorator.expression);
    const name = expression.type === AST_NODE_TYPES.CallExpression ? calleeName(expression.callee) : undefined;
    const method = name === undefined ? undefined : NEST_METHODS.get(name);
    return method === undefined ? [] : [method];
  });
  return methods.length === 1 ? methods[0] : undefined;
}

/**
 * The HTTP method a handler answers, when its registration in the file says one: `app.post(path, fn)`,
 * `router.route(path).put(fn)`, Hono `app.on('PATCH', path, fn)`, `fastify.route({ method: 'POST', handler })`,
 * Nest `@Delete()`, `export function POST`, a SvelteKit form action (always a POST), a Remix `action` (POST unless
 * the form says another). Undefined for `app.use`, `app.all`, several methods, and every other handler.
 */
export function routeMethodOf(handler: Handler): string | undefined {
  switch (handler.kind) {
    case 'route': {
      const parent = outerValue(handler.node).parent;
      return parent?.type === AST_NODE_TYPES.Property ? handlerPropertyMethod(parent) : routeCallMethod(handler.node);
    }
    case 'nest':
      return nestMethod(handler.node);
    case 'route-export':
      return handler.name === undefined ? undefined : EXPORT_METHODS.get(handler.name);
    case 'action':
      return 'POST';
    default:
      return undefined;
  }
}
