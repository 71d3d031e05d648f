/**
 * Hono: `c.json(x, n)`, `c.text(x, n)`, `c.html(x, n)`, `c.body(x, n)`, `c.newResponse(x, n)` and
 * their init form `c.json(x, { status: n })`, `c.redirect(url, n)`, `c.status(n)` (through the
 * Express adapter's receiver naming), `new HTTPException(n, ...)`.
 * Hono types these statuses as unions of literal codes.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { simpleName, unwrap } from '../ast.js';
import type { Adapter, CallMatcher } from '../sites.js';
import { argumentsOf, calleeIdentifier, initStatus, isImported, isLiteralStatus, makeSite, receiverOf, set } from './shared.js';

const HONO = set('hono', 'hono/http-exception');
const HONO_CONTEXT = /^(?:c|ctx|context)$|Context$/;

const responseHelper: CallMatcher = (call, sites) => {
  const receiver = receiverOf(call);
  if (!receiver || unwrap(receiver).type !== AST_NODE_TYPES.Identifier || !HONO_CONTEXT.test(simpleName(receiver) ?? '')) return undefined;
  const args = argumentsOf(call);
  if (args.length < 2 || args.length > 3) return undefined;
  const second = args[1] as TSESTree.Expression;
  const target = unwrap(second);
  if (target.type === AST_NODE_TYPES.ObjectExpression) {
    const status = initStatus(target);
    return status ? makeSite('hono', status, call, { response: receiver }) : undefined;
  }
  const third = args[2];
  if (third && unwrap(third).type === AST_NODE_TYPES.Literal && typeof (unwrap(third) as TSESTree.Literal).value === 'number') return undefined;
  if (!sites.readsAsStatus(second) && !(simpleName(receiver) === 'c' && isLiteralStatus(second, sites))) return undefined;
  return makeSite('hono', second, call, { response: receiver, literalTypes: true });
};

export const hono: Adapter = {
  framework: 'hono',
  calls: {
    json: responseHelper,
    text: responseHelper,
    html: responseHelper,
    body: responseHelper,
    newResponse: responseHelper,
  },
  news: {
    HTTPException(expression, sites) {
      if (!isImported(sites, calleeIdentifier(expression), HONO)) return undefined;
      return makeSite('hono', argumentsOf(expression)[0], expression, { literalTypes: true });
    },
  },
};
