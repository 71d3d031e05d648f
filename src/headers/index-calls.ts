/**
 * One walk per function: the calls made on response-like receivers (`res.set(...)`,
 * `ctx.response.set(...)`, `reply.raw.setHeader(...)`, `c.res.headers.set(...)`), the
 * plain function calls (`setResponseHeader(event, ...)`, `setHeaders({...})`), the
 * assignments to a receiver's `headers` (`set.headers['x'] = v`), and every call that
 * receives an identifier (a response handed to code we cannot see). Receivers are
 * keyed by their root name; cached per function node.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { propertyName, unwrap, type Node } from '../ast.js';

/** A method call on a response: `res.set(...)` has key `res` and method `set`; `c.res.headers.set(...)` has method `headers.set`. */
export interface ReceiverCall {
  readonly node: TSESTree.CallExpression;
  readonly key: string;
  readonly method: string;
}

/** A call of a plain function: `setResponseHeader(event, ...)`, `setHeaders({...})`, `send(event, ...)`. */
export interface FunctionCall {
  readonly node: TSESTree.CallExpression;
  readonly name: string;
}

/** `set.headers['retry-after'] = v` (kind `member`), `set.headers = {...}` (kind `object`), `set.redirect = url` (kind `redirect`). */
export interface HeaderAssignment {
  readonly node: TSESTree.AssignmentExpression;
  readonly key: string;
  readonly kind: 'member' | 'object' | 'redirect';
}

/** A call that receives a receiver-like value as an argument: `applyHeaders(res)`. */
export interface Handoff {
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly key: string;
  readonly callee: string | undefined;
}

export interface FunctionIndex {
  readonly calls: readonly ReceiverCall[];
  readonly functions: readonly FunctionCall[];
  readonly assignments: readonly HeaderAssignment[];
  readonly handoffs: readonly Handoff[];
}

/** Properties between a response root and a method that still reach the same response. */
const SAME_RESPONSE = new Set(['response', 'raw', 'res', 'node', 'outgoing']);

/** The root name a receiver expression hangs from, and whether it ends in `.headers`. */
export function receiverKey(node: Node): { key: string; headers: boolean } | undefined {
  let current = unwrap(node);
  const segments: string[] = [];
  for (;;) {
    if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(current.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      // A chain link (`res.status(429).set`) or a factory (`h.response(x).header`): keep the root.
      segments.length = 0;
      current = unwrap(callee.object);
    } else if (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(current);
      if (name === undefined) return undefined;
      segments.unshift(name);
      current = unwrap(current.object);
    } else if (current.type === AST_NODE_TYPES.Identifier) {
      return checked(current.name, segments);
    } else if (current.type === AST_NODE_TYPES.ThisExpression) {
      return checked('this', segments);
    } else {
      return undefined;
    }
  }
}

function checked(key: string, segments: readonly string[]): { key: string; headers: boolean } | undefined {
  const headers = segments.at(-1) === 'headers';
  const path = headers ? segments.slice(0, -1) : segments;
  return path.every((segment) => SAME_RESPONSE.has(segment)) ? { key, headers } : undefined;
}

const cache = new WeakMap<Node, FunctionIndex>();

/** The index of a function (or program), built on first use. */
export function indexOf(owner: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): FunctionIndex {
  let index = cache.get(owner);
  if (!index) {
    index = build(owner, visitorKeys);
    cache.set(owner, index);
  }
  return index;
}

function build(owner: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): FunctionIndex {
  const calls: ReceiverCall[] = [];
  const functions: FunctionCall[] = [];
  const assignments: HeaderAssignment[] = [];
  const handoffs: Handoff[] = [];
  const stack: Node[] = [owner];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(node.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = propertyName(callee);
        const receiver = method === undefined ? undefined : receiverKey(callee.object);
        if (receiver && method !== undefined) calls.push({ node, key: receiver.key, method: receiver.headers ? `headers.${method}` : method });
      } else if (callee.type === AST_NODE_TYPES.Identifier) {
        functions.push({ node, name: callee.name });
      }
    }
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
      for (const argument of node.arguments) {
        if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
        const value = unwrap(argument);
        if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression && value.type !== AST_NODE_TYPES.ThisExpression) continue;
        const receiver = receiverKey(value);
        if (receiver) handoffs.push({ node, key: receiver.key, callee: calleeNameOf(node) });
      }
    }
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=' && node.left.type === AST_NODE_TYPES.MemberExpression) {
      const left = node.left;
      const receiver = receiverKey(left.object);
      if (receiver?.headers) assignments.push({ node, key: receiver.key, kind: 'member' });
      else if (receiver && propertyName(left) === 'headers') assignments.push({ node, key: receiver.key, kind: 'object' });
      else if (receiver && propertyName(left) === 'redirect') assignments.push({ node, key: receiver.key, kind: 'redirect' });
    }
    const keys = visitorKeys[node.type] ?? [];
    for (const key of keys) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof (item as Node).type === 'string') stack.push(item as Node);
      } else if (child && typeof (child as Node).type === 'string') {
        stack.push(child as Node);
      }
    }
  }
  const byStart = (a: { node: Node }, b: { node: Node }): number => a.node.range[0] - b.node.range[0] || a.node.range[1] - b.node.range[1];
  calls.sort(byStart);
  functions.sort(byStart);
  assignments.sort(byStart);
  handoffs.sort(byStart);
  return { calls, functions, assignments, handoffs };
}

function calleeNameOf(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return propertyName(callee);
  return undefined;
}
