/**
 * Koa: `ctx.status = n`, `ctx.response.status = n`, `ctx.throw(n, ...)` (arguments in any
 * order, as http-errors takes them), `ctx.assert(value, n, ...)`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { simpleName, unwrap, type Node } from '../ast.js';
import type { Adapter } from '../sites.js';
import { argumentsOf, isLiteralStatus, isStatusArgument, makeSite, receiverOf } from './shared.js';

const CONTEXT_NAME = /^(?:ctx|context|koaCtx)$|Ctx$|Context$/;

/** `ctx`, `context`, `this` (Koa 1 generators): what a Koa context is called. */
export function isKoaContext(node: Node | undefined): boolean {
  if (!node) return false;
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.ThisExpression) return true;
  const name = simpleName(target);
  return target.type === AST_NODE_TYPES.Identifier && name !== undefined && CONTEXT_NAME.test(name);
}

/** `ctx.response`: the response object of a Koa context. */
function isKoaResponse(node: Node): boolean {
  const target = unwrap(node);
  return target.type === AST_NODE_TYPES.MemberExpression && simpleName(target) === 'response' && isKoaContext(target.object);
}

export const koa: Adapter = {
  framework: 'koa',
  calls: {
    throw(call, sites) {
      const receiver = receiverOf(call);
      if (!isKoaContext(receiver)) return undefined;
      const args = argumentsOf(call);
      const status = args.find((argument) => sites.readsAsStatus(argument)) ?? (isLiteralStatus(args[0], sites) ? args[0] : undefined);
      return makeSite('koa', status, call, { response: receiver });
    },
    assert(call, sites) {
      const receiver = receiverOf(call);
      if (!isKoaContext(receiver)) return undefined;
      const status = argumentsOf(call)[1];
      return isStatusArgument(status, sites) ? makeSite('koa', status, call, { response: receiver }) : undefined;
    },
  },
  assignments: {
    status(assignment: TSESTree.AssignmentExpression, target: TSESTree.MemberExpression, sites) {
      const object = target.object;
      if (!(isKoaContext(object) || isKoaResponse(object))) return undefined;
      if (unwrap(object).type === AST_NODE_TYPES.ThisExpression && !sites.readsAsStatus(assignment.right)) return undefined;
      return isStatusArgument(assignment.right, sites) ? makeSite('koa', assignment.right, assignment, { response: object }) : undefined;
    },
  },
};
