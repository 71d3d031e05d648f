/**
 * Express (and the Connect-style `res` that Fastify, Koa and h3 v1 share):
 * `res.status(n)`, `res.sendStatus(n)`, `res.redirect(n, url)` / `res.redirect(url, n)`,
 * `res.statusCode = n`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { simpleName } from '../ast.js';
import type { Adapter, SiteContext, StatusSite } from '../sites.js';
import { argumentsOf, isLiteralStatus, isResponseName, isStatusArgument, makeSite, receiverName, receiverOf } from './shared.js';

/** `res.status(n)`: the receiver's name decides the framework; a literal-typed API (Hono's `c.status`) is marked. */
export function statusCall(call: TSESTree.CallExpression, sites: SiteContext): StatusSite | undefined {
  const args = argumentsOf(call);
  if (args.length !== 1 || call.arguments.length !== 1) return undefined;
  const [status] = args;
  const name = receiverName(call);
  if (!sites.readsAsStatus(status) && !(isResponseName(name) && isLiteralStatus(status, sites))) return undefined;
  const response = receiverOf(call);
  if (name === 'reply') return makeSite('fastify', status, call, { response, literalTypes: true });
  if (name === 'c') return makeSite('hono', status, call, { response, literalTypes: true });
  return makeSite('express', status, call, { response });
}

/** `res.redirect(301, url)` (Express), `res.redirect(url, 301)` (Express 4 legacy, Fastify 5, Hono). */
export function redirectCall(call: TSESTree.CallExpression, sites: SiteContext): StatusSite | undefined {
  const args = argumentsOf(call);
  if (args.length !== 2) return undefined;
  const [first, second] = args as [TSESTree.Expression, TSESTree.Expression];
  const name = receiverName(call);
  const confident = isResponseName(name) || name === 'c';
  const pick = (node: TSESTree.Expression): boolean => sites.readsAsStatus(node) || (confident && isLiteralStatus(node, sites));
  const status = pick(first) && !pick(second) ? first : pick(second) && !pick(first) ? second : undefined;
  if (!status) return undefined;
  const response = receiverOf(call);
  if (name === 'reply') return makeSite('fastify', status, call, { response, literalTypes: true, redirect: true });
  if (name === 'c') return makeSite('hono', status, call, { response, literalTypes: true, redirect: true });
  return makeSite('express', status, call, { response, redirect: true });
}

/**
 * `res.redirect(404)`: with one argument, Express takes it as the URL (a number becomes the path "404") and sends
 * 302. A number literal on a response-named receiver; a string (`res.redirect('/login')`) is a URL as meant.
 */
function numberAsUrl(call: TSESTree.CallExpression, sites: SiteContext): StatusSite | undefined {
  const args = argumentsOf(call);
  if (args.length !== 1 || call.arguments.length !== 1 || !isResponseName(receiverName(call))) return undefined;
  const [only] = args as [TSESTree.Expression];
  const value = sites.resolve(only);
  if (value?.kind !== 'number' && value?.kind !== 'constant') return undefined;
  return makeSite('express', only, call, { response: receiverOf(call), redirect: true, urlArgument: true });
}

export const express: Adapter = {
  framework: 'express',
  calls: {
    status: statusCall,
    sendStatus(call, sites) {
      const [status] = argumentsOf(call);
      return isStatusArgument(status, sites) ? makeSite('express', status, call, { response: receiverOf(call) }) : undefined;
    },
    redirect(call, sites) {
      if (!receiverOf(call)) return undefined;
      return redirectCall(call, sites) ?? numberAsUrl(call, sites);
    },
  },
  assignments: {
    statusCode(assignment, target, sites) {
      const name = simpleName(target.object);
      if (!isResponseName(name)) return undefined;
      if (!isStatusArgument(assignment.right, sites)) return undefined;
      return makeSite(name === 'reply' ? 'fastify' : 'express', assignment.right, assignment, { response: target.object });
    },
  },
};
