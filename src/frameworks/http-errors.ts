/**
 * Errors that carry a status: `createError(n, ...)` / `new createError(n)` /
 * `httpErrors(n)` from `http-errors` (under any local name), and
 * `err.status = n` / `err.statusCode = n` on an error that is thrown or passed on.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { unwrap } from '../ast.js';
import { variableOf } from '../origins.js';
import type { Adapter, AssignmentMatcher, CallMatcher, NewMatcher, SiteContext, StatusSite } from '../sites.js';
import { argumentsOf, calleeIdentifier, isImported, isStatusArgument, makeSite, set } from './shared.js';

const HTTP_ERRORS = set('http-errors');

function createErrorSite(call: TSESTree.CallExpression | TSESTree.NewExpression, sites: SiteContext): StatusSite | undefined {
  if (!isImported(sites, calleeIdentifier(call), HTTP_ERRORS)) return undefined;
  // http-errors takes its arguments in any order; the status is the number among them.
  const status = argumentsOf(call).find((argument) => isStatusArgument(argument, sites));
  return makeSite('http-errors', status, call);
}

/** Calls that pass an error on: `next(err)`, `reject(err)`, `done(err)`, `callback(err)`. */
const PASS_ON = set('next', 'reject', 'done', 'cb', 'callback');

/** True when `identifier` holds an error: made by `new SomethingError(...)`, thrown, or passed to `next`. */
function isErrorVariable(sites: SiteContext, identifier: TSESTree.Identifier): boolean {
  const variable = variableOf(sites.context, identifier);
  if (!variable || variable.defs.length === 0) return false;
  const def = variable.defs[0];
  if (def?.type === 'Variable' && def.node.init) {
    const init = unwrap(def.node.init);
    if (init.type === AST_NODE_TYPES.NewExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name.endsWith('Error')) return true;
  }
  if (def?.type === 'CatchClause') return true;
  return variable.references.some(({ identifier: reference }) => {
    const parent = reference.parent;
    if (parent?.type === AST_NODE_TYPES.ThrowStatement) return true;
    return (
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.callee.type === AST_NODE_TYPES.Identifier &&
      PASS_ON.has(parent.callee.name) &&
      parent.arguments[0] === reference
    );
  });
}

const errorStatusAssignment: AssignmentMatcher = (assignment, target, sites) => {
  const object = unwrap(target.object);
  if (object.type !== AST_NODE_TYPES.Identifier || !isStatusArgument(assignment.right, sites)) return undefined;
  if (!sites.readsAsStatus(assignment.right) && !/err/i.test(object.name)) return undefined;
  return isErrorVariable(sites, object) ? makeSite('http-errors', assignment.right, assignment) : undefined;
};

const createErrorCall: CallMatcher = (call, sites) => createErrorSite(call, sites);
const createErrorNew: NewMatcher = (expression, sites) => createErrorSite(expression, sites);

/** The local names `http-errors` is imported under are mapped to `createError` by the engine's import pass. */
export const httpErrors: Adapter = {
  framework: 'http-errors',
  calls: { createError: createErrorCall },
  news: { createError: createErrorNew },
  assignments: { status: errorStatusAssignment, statusCode: errorStatusAssignment },
};
