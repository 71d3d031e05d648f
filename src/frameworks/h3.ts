/**
 * h3 / Nuxt / Nitro, v1 and v2: `createError({ statusCode: n })` / `{ status: n }` / `createError(n)`,
 * `setResponseStatus(event, n)`, `sendRedirect(event, url, n)`, `sendNoContent(event, n)`, `noContent(n)`, `redirect(url, n)`;
 * v2's `new HTTPError({ status: n })`, `new HTTPError(message, { status: n })`, `HTTPError.status(n)`,
 * `event.res.status = n`. Nuxt and Nitro auto-import these, so an undeclared name counts;
 * a local function of the same name does not.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { objectProperty, simpleName, unwrap, type Node } from '../ast.js';
import { isUndeclared } from '../origins.js';
import type { Adapter, CallMatcher, SiteContext, StatusSite } from '../sites.js';
import { argumentsOf, calleeIdentifier, isImported, isStatusArgument, makeSite, set, staticReceiver } from './shared.js';

export const H3_MODULES = set('h3', 'h3-nightly', 'nitropack', 'nitropack/runtime', 'nitro/h3', 'nitro/runtime', '#imports', '#app', 'nuxt/app', 'vinxi/http');

/** Imported from h3 (or its re-exporters), or undeclared: a Nuxt/Nitro auto-import. */
function isH3(sites: SiteContext, node: Node | undefined, autoImported: boolean): boolean {
  const target = node && unwrap(node);
  if (target?.type !== AST_NODE_TYPES.Identifier) return false;
  if (autoImported && isUndeclared(sites.context, target)) return true;
  return isImported(sites, target, H3_MODULES);
}

/** `{ statusCode: n }` or `{ status: n }` of an error details object. */
function detailsStatus(details: Node | undefined, sites: SiteContext): Node | undefined {
  const status = objectProperty(details, 'statusCode')?.value ?? objectProperty(details, 'status')?.value;
  return isStatusArgument(status, sites) ? status : undefined;
}

function errorSite(call: TSESTree.CallExpression | TSESTree.NewExpression, sites: SiteContext): StatusSite | undefined {
  const [first, second] = argumentsOf(call);
  if (first && unwrap(first).type === AST_NODE_TYPES.ObjectExpression) return makeSite('h3', detailsStatus(first, sites), call);
  if (first && isStatusArgument(first, sites)) return makeSite('h3', first, call);
  return makeSite('h3', detailsStatus(second, sites), call);
}

const argumentAt =
  (index: number, redirect = false): CallMatcher =>
  (call, sites) => {
    if (!isH3(sites, calleeIdentifier(call), true)) return undefined;
    const status = argumentsOf(call)[index];
    return isStatusArgument(status, sites) ? makeSite('h3', status, call, { redirect }) : undefined;
  };

export const h3: Adapter = {
  framework: 'h3',
  calls: {
    createError(call, sites) {
      return isH3(sites, calleeIdentifier(call), true) ? errorSite(call, sites) : undefined;
    },
    setResponseStatus: argumentAt(1),
    sendRedirect: argumentAt(2, true),
    // v1: `sendNoContent(event, 204)`
    sendNoContent: argumentAt(1),
    noContent(call, sites) {
      if (!isH3(sites, calleeIdentifier(call), false)) return undefined;
      return makeSite('h3', argumentsOf(call)[0], call);
    },
    redirect(call, sites) {
      if (!isH3(sites, calleeIdentifier(call), false)) return undefined;
      return makeSite('h3', argumentsOf(call)[1], call, { redirect: true });
    },
    status(call, sites) {
      if (!isImported(sites, staticReceiver(call), H3_MODULES, set('HTTPError'))) return undefined;
      return makeSite('h3', argumentsOf(call)[0], call);
    },
  },
  news: {
    HTTPError(expression, sites) {
      return isH3(sites, calleeIdentifier(expression), false) ? errorSite(expression, sites) : undefined;
    },
  },
  assignments: {
    status(assignment, target, sites) {
      // v2: `event.res.status = n`
      const object = unwrap(target.object);
      if (object.type !== AST_NODE_TYPES.MemberExpression || simpleName(object) !== 'res' || simpleName(object.object) !== 'event') return undefined;
      return isStatusArgument(assignment.right, sites) ? makeSite('h3', assignment.right, assignment, { response: object }) : undefined;
    },
  },
};
