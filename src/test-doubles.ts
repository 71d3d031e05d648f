/**
 * Test doubles: code that simulates someone else's server (a mocked `fetch`, a mock implementation, an MSW
 * handler, a nock reply). A response built there is not the app's: the rules about what a response must do
 * (`require-retry-after`, `require-status-headers`, `no-accepted-without-queue`, `no-content-body`) skip it.
 * `no-magic-status` does not ask: a status in a test is its job.
 *
 * A node is inside a test double when one of its ancestors (the node itself excluded) is
 *
 * - an argument of a mock factory: `vi.fn(impl)`, `jest.fn(impl)`, `vi.mock(id, factory)`, `vi.doMock`,
 *   `jest.mock`, `jest.doMock`, `sinon.fake(impl)`, `vi.stubGlobal(name, value)`;
 * - an argument of a mock's method: `.mockImplementation(Once)`, `.mockReturnValue(Once)`,
 *   `.mockResolvedValue(Once)`, `.mockRejectedValue(Once)`, `.withImplementation`, sinon's `.callsFake`,
 *   `.returns`, `.resolves`, `.rejects`, jest-fetch-mock's `.mockResponse(Once)` (so `vi.spyOn(x, 'y').mockX(...)` too);
 * - the value assigned to a global `fetch`: `global.fetch = ...`, `globalThis.fetch = ...`, `window.fetch = ...`;
 * - a handler of MSW (`http.get(url, resolver)`, `rest.post(...)`, `graphql.query(...)` with `http`, `rest` or
 *   `graphql` imported from `msw`) or an argument of `setupServer` / `setupWorker`;
 * - an argument of nock's `.reply(...)` / `.replyWithError(...)` on an interceptor (`nock(url).get('/x').reply(...)`),
 *   or of a call of fetch-mock (`fetchMock.get(url, response)`, imported from `fetch-mock`).
 *
 * A handler registered on a real app inside a test (`app.get('/x', handler)`, `createServer(handler)`) is none of
 * these: it is still a handler.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { calleeName, propertyName, unwrap, type Node } from './ast.js';
import { isFunctionNode } from './handlers.js';
import { originOf, type Context } from './origins.js';

/** Mock factories by their object: `vi.fn(impl)`, `jest.mock(id, factory)`, `sinon.fake(impl)`. */
const FACTORIES: Readonly<Record<string, ReadonlySet<string>>> = {
  vi: new Set(['fn', 'mock', 'doMock', 'stubGlobal']),
  vitest: new Set(['fn', 'mock', 'doMock', 'stubGlobal']),
  jest: new Set(['fn', 'mock', 'doMock']),
  sinon: new Set(['fake']),
};

/** Methods of mocks, spies and stubs whose arguments are what the double answers. */
const MOCK_METHODS = new Set([
  'mockImplementation',
  'mockImplementationOnce',
  'mockReturnValue',
  'mockReturnValueOnce',
  'mockResolvedValue',
  'mockResolvedValueOnce',
  'mockRejectedValue',
  'mockRejectedValueOnce',
  'withImplementation',
  // sinon stubs and fakes
  'callsFake',
  'returns',
  'resolves',
  'rejects',
  // jest-fetch-mock, vitest-fetch-mock
  'mockResponse',
  'mockResponseOnce',
  'mockResponses',
  'mockResponseIf',
  'mockResponseOnceIf',
]);

/** Globals whose `fetch` a test replaces. */
const GLOBAL_OBJECTS = new Set(['global', 'globalThis', 'window', 'self']);

/** MSW's request handler namespaces and their methods. */
const MSW_NAMESPACES = new Set(['http', 'rest', 'graphql']);
const MSW_SETUP = new Set(['setupServer', 'setupWorker']);
const MSW_MODULES = new Set(['msw', 'msw/node', 'msw/browser', 'msw/native']);

/** nock's interceptor methods: `.reply` on one of these is nock's answer. */
const NOCK_INTERCEPTS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'merge', 'intercept', 'query', 'times', 'once', 'twice', 'thrice', 'persist', 'delay', 'delayBody', 'delayConnection', 'matchHeader', 'basicAuth', 'optionally']);
const NOCK_REPLIES = new Set(['reply', 'replyWithError', 'replyWithFile']);
const FETCH_MOCK_MODULES = new Set(['fetch-mock', 'fetch-mock-jest']);

/** The call's callee is `object.method` with `object` one of the factory objects. */
function isFactoryCall(callee: Node): boolean {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrap(callee.object);
  const method = propertyName(callee);
  return object.type === AST_NODE_TYPES.Identifier && method !== undefined && FACTORIES[object.name]?.has(method) === true;
}

/** `nock(url).get('/x').reply(...)`, `scope.post('/y').reply(...)`: `.reply` on an interceptor chain. */
function isNockReply(callee: TSESTree.MemberExpression): boolean {
  if (!NOCK_REPLIES.has(propertyName(callee) ?? '')) return false;
  const receiver = unwrap(callee.object);
  if (receiver.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = calleeName(receiver.callee);
  return name !== undefined && (NOCK_INTERCEPTS.has(name) || name === 'nock');
}

/** An identifier imported (or required) from one of `modules`. */
function importedFrom(context: Context, node: Node, modules: ReadonlySet<string>): boolean {
  const origin = originOf(context, node);
  return origin !== undefined && modules.has(origin.module);
}

/** The root identifier of a member chain: `http` in `http.get`, `fetchMock` in `fetchMock.route`. */
function rootOf(node: Node): Node {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
  return current;
}

/** `child` is an argument (not the callee) of `call`, and `call` makes a test double of it. */
function makesDouble(context: Context, call: TSESTree.CallExpression | TSESTree.NewExpression, child: Node): boolean {
  if (call.callee === child || call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return MSW_SETUP.has(callee.name) && importedFrom(context, callee, MSW_MODULES);
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = propertyName(callee);
  if (method === undefined) return false;
  if (MOCK_METHODS.has(method) || isFactoryCall(callee) || isNockReply(callee)) return true;
  const root = rootOf(callee.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  if (MSW_NAMESPACES.has(root.name) && importedFrom(context, root, MSW_MODULES)) return true;
  return importedFrom(context, root, FETCH_MOCK_MODULES);
}

/** `global.fetch = value`, `globalThis.fetch = value`: `child` is the value. */
function replacesFetch(assignment: TSESTree.AssignmentExpression, child: Node): boolean {
  if (assignment.right !== child) return false;
  const left = assignment.left;
  if (left.type !== AST_NODE_TYPES.MemberExpression || propertyName(left) !== 'fetch') return false;
  const object = unwrap(left.object);
  return object.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.has(object.name);
}

/** Whether a function node (or the Program) lies inside a test double, kept per node: many sites share their functions. */
const insideCache = new WeakMap<Node, boolean>();

/** True when `node` was made inside a test double (see the module comment): its response simulates another server. */
export function isInsideTestDouble(context: Context, node: Node): boolean {
  let child: Node = node;
  const visited: Node[] = [];
  let result = false;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isFunctionNode(current)) {
      const known = insideCache.get(current);
      if (known !== undefined) {
        result = known;
        break;
      }
      visited.push(current);
    }
    if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) {
      if (makesDouble(context, current, child)) {
        result = true;
        break;
      }
    } else if (current.type === AST_NODE_TYPES.AssignmentExpression && replacesFetch(current, child)) {
      result = true;
      break;
    }
  }
  // Every function passed on the way shares the answer: the double (or none) is above all of them.
  for (const fn of visited) insideCache.set(fn, result);
  return result;
}
