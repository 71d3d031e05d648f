/**
 * Callbacks that a library calls after it has set headers itself: express-rate-limit's
 * `handler`, @fastify/rate-limit's `errorResponseBuilder`, hono-rate-limiter's `handler`,
 * and the `throwThrottlingException` of a `ThrottlerGuard` subclass (@nestjs/throttler
 * sets `Retry-After` before calling it). A callback is found as an object property
 * (`{ handler: fn }`, `{ handler }`, `{ handler(req, res) {} }`) or a class method; with a
 * `module`, the object must be passed to a call of something imported from that module
 * (`rateLimit({...})`, `app.register(rateLimit, {...})`), or the class must extend one.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { keyName, unwrap, type Node } from '../ast.js';
import { originOf, requiredModule, type Context } from '../origins.js';
import { enclosingFunctionOf } from './flow.js';

export interface CallbackOption {
  /** The property (or class method) the library calls. */
  readonly property: string;
  /** The library's module: the options object must be passed to a call of one of its exports (or the class extend one). */
  readonly module?: string;
}

export const RATE_LIMIT_CALLBACKS: readonly CallbackOption[] = [
  { property: 'handler', module: 'express-rate-limit' },
  { property: 'errorResponseBuilder' },
  { property: 'handler', module: 'hono-rate-limiter' },
  { property: 'throwThrottlingException', module: '@nestjs/throttler' },
];

/** True when `node` is inside a function that one of `callbacks` names. */
export function isInsideCallback(context: Context, node: Node, callbacks: readonly CallbackOption[]): boolean {
  if (callbacks.length === 0) return false;
  for (let fn = enclosingFunctionOf(node); fn; fn = enclosingFunctionOf(fn)) {
    if (isCallback(context, fn, callbacks)) return true;
  }
  return false;
}

/** The node as its parent sees it, through `as`, `satisfies` and `!`. */
function outer(node: Node): Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      current.parent.type === AST_NODE_TYPES.TSNonNullExpression)
  ) {
    current = current.parent;
  }
  return current;
}

function isCallback(context: Context, fn: TSESTree.FunctionLike, callbacks: readonly CallbackOption[]): boolean {
  const value = outer(fn);
  const parent = value.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.Property && parent.value === value && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    return propertyMatches(context, keyName(parent), parent.parent, callbacks);
  }
  if ((parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) && parent.value === value) {
    const name = keyName(parent);
    const classNode = parent.parent.parent;
    return callbacks.some((callback) => callback.property === name && (callback.module === undefined || extendsFrom(context, classNode, callback.module)));
  }
  let declaring: Node | undefined;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value) declaring = parent;
  else if (fn.type === AST_NODE_TYPES.FunctionDeclaration) declaring = fn;
  if (!declaring) return false;
  for (const variable of context.sourceCode.getDeclaredVariables(declaring)) {
    for (const reference of variable.references) {
      const use = outer(reference.identifier);
      const property = use.parent;
      if (property?.type === AST_NODE_TYPES.Property && property.value === use && property.parent.type === AST_NODE_TYPES.ObjectExpression) {
        if (propertyMatches(context, keyName(property), property.parent, callbacks)) return true;
      }
    }
  }
  return false;
}

function propertyMatches(context: Context, name: string | undefined, object: TSESTree.ObjectExpression, callbacks: readonly CallbackOption[]): boolean {
  return callbacks.some((callback) => callback.property === name && (callback.module === undefined || passedTo(context, object, callback.module, 0)));
}

/** The options object (or the object that nests it, or the `const` that holds it) is passed to a call from `module`. */
function passedTo(context: Context, object: Node, module: string, depth: number): boolean {
  if (depth > 4) return false;
  const value = outer(object);
  const parent = value.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.Property && parent.value === value && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    return passedTo(context, parent.parent, module, depth + 1);
  }
  if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(value as TSESTree.Expression)) {
    return callFrom(context, parent, module);
  }
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value) {
    for (const variable of context.sourceCode.getDeclaredVariables(parent)) {
      for (const reference of variable.references) {
        if (reference.init) continue;
        if (passedTo(context, reference.identifier, module, depth + 1)) return true;
      }
    }
  }
  return false;
}

function isFrom(context: Context, node: Node, module: string): boolean {
  const target = unwrap(node);
  if (requiredModule(target) === module) return true;
  let root: Node = target;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
  return originOf(context, target)?.module === module || originOf(context, root)?.module === module;
}

/** `rateLimit({...})`, `app.register(rateLimit, {...})`, `app.register(import('@fastify/rate-limit'), {...})`. */
function callFrom(context: Context, call: TSESTree.CallExpression | TSESTree.NewExpression, module: string): boolean {
  if (isFrom(context, call.callee, module)) return true;
  return call.arguments.some((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && isFrom(context, argument, module));
}

function extendsFrom(context: Context, classNode: Node | undefined, module: string): boolean {
  if (classNode?.type !== AST_NODE_TYPES.ClassDeclaration && classNode?.type !== AST_NODE_TYPES.ClassExpression) return false;
  return classNode.superClass !== null && classNode.superClass !== undefined && isFrom(context, classNode.superClass, module);
}
