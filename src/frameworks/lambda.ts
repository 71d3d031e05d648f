/**
 * AWS Lambda / API Gateway (and Netlify, Vercel's legacy API) results:
 * `return { statusCode: n, body }`, `callback(null, { statusCode: n, headers })`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { keyName, unwrap, type Node } from '../ast.js';
import type { Adapter } from '../sites.js';
import { isStatusArgument, makeSite } from './shared.js';

const RESULT_KEYS = new Set(['body', 'headers', 'multiValueHeaders', 'isBase64Encoded', 'cookies']);

/** The object is what a handler gives back: returned, the arrow's value, or passed to `callback(null, result)`. */
function isHandlerResult(object: Node): boolean {
  let node: Node = object;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)) node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.ReturnStatement) return true;
  if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === node) return true;
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[1] === node) {
    const callee = unwrap(parent.callee);
    return callee.type === AST_NODE_TYPES.Identifier && /^(?:callback|cb|done)$/.test(callee.name);
  }
  return false;
}

export const lambda: Adapter = {
  framework: 'lambda',
  properties: {
    statusCode(property, sites) {
      const object = property.parent as TSESTree.ObjectExpression;
      if (!isStatusArgument(property.value, sites)) return undefined;
      const hasResultKey = object.properties.some((other) => other.type === AST_NODE_TYPES.Property && RESULT_KEYS.has(keyName(other) ?? ''));
      if (!hasResultKey || !isHandlerResult(object)) return undefined;
      return makeSite('lambda', property.value, property);
    },
  },
};
