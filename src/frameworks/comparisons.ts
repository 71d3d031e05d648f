/**
 * Comparisons of a status: `x.status === n`, `x.statusCode !== n`, `==`, `!=`, either side,
 * `status === n`, `response.status() === n`, `case n:` under `switch (x.status)`, and membership:
 * `[301, 302].includes(x.status)`. Never ranges or arithmetic (`status >= 500`, `status / 100`):
 * those are classes, not statuses.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { calleeName, calleeObject, keyName, unwrap, type Node } from '../ast.js';
import { variableOf } from '../origins.js';
import type { Adapter, SiteContext, SiteKind, StatusSite } from '../sites.js';
import { argumentsOf, isLiteralStatus, makeSite, memberName } from './shared.js';

const STATUS_NAMES = new Set(['status', 'statusCode', 'httpStatus', 'httpStatusCode', 'responseStatus']);

/**
 * An expression that holds a status: `res.status`, `err.statusCode`, `status`, `response.status()`, and a name
 * destructured from a status under another name: `createStatus` of `const { status: createStatus } = await post()`.
 */
export function isStatusHolder(node: Node, sites: SiteContext): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) return STATUS_NAMES.has(target.name) || isRenamedStatus(target, sites);
  if (target.type === AST_NODE_TYPES.MemberExpression) return STATUS_NAMES.has(memberName(target) ?? '');
  if (target.type === AST_NODE_TYPES.CallExpression && target.arguments.length === 0) return calleeName(target.callee) === 'status';
  return false;
}

/** `createStatus`, bound by `{ status: createStatus }` (or `{ status: createStatus = 200 }`) in a declaration or parameter. */
function isRenamedStatus(identifier: TSESTree.Identifier, sites: SiteContext): boolean {
  const def = variableOf(sites.context, identifier)?.defs[0];
  if (!def || (def.type !== 'Variable' && def.type !== 'Parameter')) return false;
  let binding: Node = def.name;
  if (binding.parent?.type === AST_NODE_TYPES.AssignmentPattern && binding.parent.left === binding) binding = binding.parent;
  const property = binding.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== binding || property.parent.type !== AST_NODE_TYPES.ObjectPattern) return false;
  return STATUS_NAMES.has(keyName(property) ?? '');
}

/**
 * The statuses of a membership check, one site each: the elements of `[301, 302]` that read as statuses (or are
 * literals), when the array is checked against a status holder.
 */
export function membershipSites(array: Node | undefined, node: Node, kind: SiteKind, sites: SiteContext): StatusSite[] | undefined {
  const target = array && unwrap(array);
  if (target?.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
  const found: StatusSite[] = [];
  for (const element of target.elements) {
    if (!element || element.type === AST_NODE_TYPES.SpreadElement || !isComparedStatus(element, sites)) continue;
    const site = makeSite('test', element, node, { kind });
    if (site) found.push(site);
  }
  return found.length > 0 ? found : undefined;
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
  calls: {
    includes(call, sites) {
      // `[301, 302].includes(response.status)`
      const [checked] = argumentsOf(call);
      if (!checked || call.arguments.length !== 1 || !isStatusHolder(checked, sites)) return undefined;
      return membershipSites(calleeObject(call.callee), call, 'comparison', sites);
    },
  },
  comparisons(node, sites) {
    if (node.type === AST_NODE_TYPES.SwitchCase) {
      const { test } = node;
      if (!test || !isStatusHolder(node.parent.discriminant, sites) || !isComparedStatus(test, sites)) return undefined;
      return makeSite('test', test, node, { kind: 'comparison' });
    }
    const { left, right } = node;
    if (left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
    if (isStatusHolder(left, sites) && isComparedStatus(right, sites)) return makeSite('test', right, node, { kind: 'comparison' });
    if (isStatusHolder(right, sites) && isComparedStatus(left, sites)) return makeSite('test', left, node, { kind: 'comparison' });
    return undefined;
  },
};
