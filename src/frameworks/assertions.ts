/**
 * Tests and mocks: `expect(x.status).toBe(n)` / `toEqual` / `toStrictEqual` / `.not.toBe(n)`,
 * Playwright's `expect(response.status()).toBe(n)`, `toHaveProperty('status', n)`,
 * `expect(res.status).toHaveBeenCalledWith(n)`, `assert.equal/strictEqual/deepEqual(x.status, n)`
 * (node:assert, node:test's `t.assert`, tap's `t.equal`, ava's `t.is`), supertest `.expect(n)`,
 * chai `expect(x.status).to.equal(n)` (and its aliases `equals`, `eq`, `eql`, `eqls`) and chai-http
 * `.to.have.status(n)`, nock / undici `MockAgent` / axios-mock-adapter `.reply(n, ...)`; and membership:
 * `expect([400, 401]).toContain(x.status)`, `expect(x.status).toBeOneOf([200, 201])`, chai `.to.be.oneOf([...])`.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calleeName, calleeObject, isStringLike, unwrap, type Node } from '../ast.js';
import type { Adapter, CallMatcher, SiteContext } from '../sites.js';
import { isStatusHolder, membershipSites } from './comparisons.js';
import { argumentsOf, isLiteralStatus, makeSite, receiverOf } from './shared.js';

function isAssertedStatus(node: Node | undefined, sites: SiteContext): node is Node {
  return node !== undefined && (sites.readsAsStatus(node) || isLiteralStatus(node, sites));
}

/** The subject of `expect(subject)`, `expect(subject).not`, `expect.soft(subject)`, `expect(subject).to.be`. */
function expectSubject(node: Node | undefined): Node | undefined {
  let current = node && unwrap(node);
  while (current?.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
  if (current?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const name = calleeName(current.callee);
  if (name !== 'expect' && name !== 'soft') return undefined;
  const [subject] = current.arguments;
  return subject && subject.type !== AST_NODE_TYPES.SpreadElement ? subject : undefined;
}

/** `expect(x.status).toBe(n)`, chai `expect(x.status).to.equal(n)`. */
const matcher: CallMatcher = (call, sites) => {
  const subject = expectSubject(receiverOf(call));
  if (!subject || !isStatusHolder(subject, sites)) return undefined;
  const args = argumentsOf(call);
  const status = calleeName(call.callee) === 'toHaveBeenNthCalledWith' ? args[1] : args[0];
  return isAssertedStatus(status, sites) ? makeSite('test', status, call, { kind: 'assertion' }) : undefined;
};

/** `assert.equal(x.status, n)`, `t.is(res.statusCode, n)`, `strictEqual(n, res.status)`. */
const assertEqual: CallMatcher = (call, sites) => {
  const [actual, expected] = argumentsOf(call);
  if (!actual || !expected) return undefined;
  if (isStatusHolder(actual, sites) && isAssertedStatus(expected, sites)) return makeSite('test', expected, call, { kind: 'assertion' });
  if (isStatusHolder(expected, sites) && isAssertedStatus(actual, sites)) return makeSite('test', actual, call, { kind: 'assertion' });
  return undefined;
};

/** `expect(x.status).toBeOneOf([200, 201])` (jest-extended), chai `expect(x.status).to.be.oneOf([200, 201])`. */
const oneOf: CallMatcher = (call, sites) => {
  const subject = expectSubject(receiverOf(call));
  if (!subject || !isStatusHolder(subject, sites)) return undefined;
  return membershipSites(argumentsOf(call)[0], call, 'assertion', sites);
};

/** A call chain (`request(app).get('/').expect(200)`), not the `expect` function itself. */
function isCallChain(node: Node | undefined): boolean {
  let current = node && unwrap(node);
  while (current?.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
  return current?.type === AST_NODE_TYPES.CallExpression;
}

const CHAI_WORDS = new Set(['have', 'to', 'has', 'be', 'should', 'not']);

export const assertions: Adapter = {
  framework: 'test',
  calls: {
    toBe: matcher,
    toEqual: matcher,
    toStrictEqual: matcher,
    toHaveBeenCalledWith: matcher,
    toBeCalledWith: matcher,
    toHaveBeenLastCalledWith: matcher,
    lastCalledWith: matcher,
    toHaveBeenNthCalledWith: matcher,
    equal: (call, sites) => matcher(call, sites) ?? assertEqual(call, sites),
    equals: matcher,
    eq: matcher,
    eql: matcher,
    eqls: matcher,
    toBeOneOf: oneOf,
    oneOf,
    toContain(call, sites) {
      // `expect([400, 401, 422]).toContain(response.status())`
      const [checked] = argumentsOf(call);
      if (!checked || !isStatusHolder(checked, sites)) return undefined;
      return membershipSites(expectSubject(receiverOf(call)), call, 'assertion', sites);
    },
    strictEqual: assertEqual,
    deepEqual: assertEqual,
    deepStrictEqual: assertEqual,
    notEqual: assertEqual,
    notStrictEqual: assertEqual,
    notDeepStrictEqual: assertEqual,
    is: assertEqual,
    not: assertEqual,
    same: assertEqual,
    strictSame: assertEqual,
    toHaveProperty(call, sites) {
      if (!expectSubject(receiverOf(call))) return undefined;
      const [key, status] = argumentsOf(call);
      const keyNode = key && unwrap(key);
      if (keyNode?.type !== AST_NODE_TYPES.Literal || (keyNode.value !== 'status' && keyNode.value !== 'statusCode')) return undefined;
      return isAssertedStatus(status, sites) ? makeSite('test', status, call, { kind: 'assertion' }) : undefined;
    },
    expect(call, sites) {
      // supertest: request(app).get('/').expect(200), .expect(200, body), .expect(200, done)
      const receiver = calleeObject(call.callee);
      if (!receiver || !isCallChain(receiver)) return undefined;
      const [status] = argumentsOf(call);
      if (!status || isStringLike(status)) return undefined;
      return isAssertedStatus(status, sites) ? makeSite('test', status, call, { kind: 'assertion' }) : undefined;
    },
    reply(call, sites) {
      // nock, undici MockAgent, axios-mock-adapter: interceptor.reply(200, body)
      if (!calleeObject(call.callee)) return undefined;
      const [status] = argumentsOf(call);
      return status && sites.readsAsStatus(status) ? makeSite('test', status, call, { kind: 'assertion' }) : undefined;
    },
    status(call, sites) {
      // chai-http: expect(res).to.have.status(200), res.should.have.status(200)
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const object = unwrap(callee.object);
      if (object.type !== AST_NODE_TYPES.MemberExpression || !CHAI_WORDS.has(calleeName(object) ?? '')) return undefined;
      const [status] = argumentsOf(call);
      return isAssertedStatus(status, sites) ? makeSite('test', status, call, { kind: 'assertion' }) : undefined;
    },
  },
};

