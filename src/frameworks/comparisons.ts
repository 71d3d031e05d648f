/**
 * Comparisons of a status: `x.status === n`, `x.statusCode !== n`, `==`, `!=`, either side,
 * `status === n`, `response.status() === n`, and `case n:` under `switch (x.status)`.
 * Never ranges or arithmetic (`status >= 500`, `status / 100`): those are classes, not statuses.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calleeName, unwrap, type Node } from '../ast.js';
import type { Adapter, SiteContext } from '../sites.js';
import { isLiteralStatus, makeSite, memberName } from './shared.js';

const STATUS_NAMES = new Set(['status', 'statusCode', 'httpStatus', 'httpStatusCode', 'responseStatus']);

/** An expression that holds a status: `res.status`, `err.statusCode`, `status`, `response.status()`. */
export function isStatusHolder(node: Node): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) return STATUS_NAMES.has(target.name);
  if (target.type === AST_NODE_TYPES.MemberExpression) return STATUS_NAMES.has(memberName(target) ?? '');
  if (target.type === AST_NODE_TYPES.CallExpression && target.arguments.length === 0) return calleeName(target.callee) === 'status';
  return false;
}

/** The compared value counts when it reads as a status, or is a literal of three or four digits (to catch `'404'` and the typo `4040`). */
function isComparedStatus(node: Node, sites: SiteContext): boolean {
  if (sites.readsAsStatus(node)) return true;
  if (!isLiteralStatus(node, sites)) return false;
  const value = sites.resolve(node);
  return value?.value !== undefined && value.value >= 100 && value.value <= 9999;
}

export const comparisons: Adapter = {
  framework: 'test',
  comparisons(node, sites) {
    if (node.type === AST_NODE_TYPES.SwitchCase) {
      const { test } = node;
      if (!test || !isStatusHolder(node.parent.discriminant) || !isComparedStatus(test, sites)) return undefined;
      return makeSite('test', test, node, { kind: 'comparison' });
    }
    const { left, right } = node;
    if (left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
    if (isStatusHolder(left) && isComparedStatus(right, sites)) return makeSite('test', right, node, { kind: 'comparison' });
    if (isStatusHolder(right) && isComparedStatus(left, sites)) return makeSite('test', left, node, { kind: 'comparison' });
    return undefined;
  },
};
