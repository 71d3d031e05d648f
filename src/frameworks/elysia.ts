/**
 * Elysia: `set.status = n` on the handler context's `set`, and the context's own
 * `status(n, body)` / `error(n, body)` (`({ status }) => status(418, 'x')`), taken from a
 * destructured handler parameter: a local or imported function of that name is not one.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { keyName, unwrap } from '../ast.js';
import { variableOf } from '../origins.js';
import type { Adapter, CallMatcher, SiteContext } from '../sites.js';
import { argumentsOf, calleeIdentifier, isStatusArgument, makeSite } from './shared.js';

/**
 * `status` in `({ status }) => ...`: a property of the first parameter's object pattern. (Calls are
 * dispatched by name, so a renamed `({ status: reply })` is not reached.)
 */
function isContextFunction(sites: SiteContext, identifier: TSESTree.Identifier | undefined, key: string): boolean {
  if (!identifier) return false;
  const def = variableOf(sites.context, identifier)?.defs[0];
  if (def?.type !== 'Parameter') return false;
  const property = def.name.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== def.name || keyName(property) !== key) return false;
  const pattern = property.parent;
  return pattern?.type === AST_NODE_TYPES.ObjectPattern && def.node.params[0] === pattern;
}

const contextFunction =
  (key: string): CallMatcher =>
  (call, sites) => {
    if (!isContextFunction(sites, calleeIdentifier(call), key)) return undefined;
    const [status] = argumentsOf(call);
    return isStatusArgument(status, sites) ? makeSite('elysia', status, call) : undefined;
  };

export const elysia: Adapter = {
  framework: 'elysia',
  calls: {
    status: contextFunction('status'),
    error: contextFunction('error'),
  },
  assignments: {
    status(assignment, target, sites) {
      const object = unwrap(target.object);
      if (object.type !== AST_NODE_TYPES.Identifier || object.name !== 'set') return undefined;
      return isStatusArgument(assignment.right, sites) ? makeSite('elysia', assignment.right, assignment, { response: object }) : undefined;
    },
  },
};
