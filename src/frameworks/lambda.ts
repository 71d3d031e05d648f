/**
 * AWS Lambda / API Gateway (and Netlify, Vercel's legacy API) results:
 * `return { statusCode: n, body }`, `callback(null, { statusCode: n, headers })`,
 * `const response = { statusCode: n, body }; return response;`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { keyName, unwrap, type Node } from '../ast.js';
import { variableOf } from '../origins.js';
import type { Adapter, SiteContext } from '../sites.js';
import { isStatusArgument, makeSite } from './shared.js';

const RESULT_KEYS = new Set(['body', 'headers', 'multiValueHeaders', 'isBase64Encoded', 'cookies']);

/**
 * The object is what a handler gives back: returned, the arrow's value, or passed to `callback(null, result)`;
 * or kept in a variable (`const response = { statusCode, body }`) that is given back so.
 */
function isHandlerResult(object: Node, sites?: SiteContext): boolean {
  let node: Node = object;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)) node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  if (sites && parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
    const variable = variableOf(sites.context, parent.id);
    return variable !== undefined && variable.references.some((reference) => reference.isRead() && isHandlerResult(reference.identifier));
  }
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
      if (!hasResultKey || !isHandlerResult(object, sites)) return undefined;
      return makeSite('lambda', property.value, property);
    },
  },
};
