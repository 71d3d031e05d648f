/**
 * Body facts of response sites: does the response whose status a site sets also
 * send content, and what does the runtime do with that content? Rules about
 * bodiless statuses (204, 205, 304) ask `bodySentWith(context, site, code)`.
 *
 * The answer is local and syntactic, organised per framework in `src/bodies/`:
 *
 * - Fetch-style constructors and helpers (`src/bodies/fetch.ts`): the body argument of
 *   `new Response(body, init)`, `Response.json(x, init)`, `NextResponse.json`, MSW's `HttpResponse.*`,
 *   Remix `json(x, init)`, SvelteKit `json` / `text`, h3 v2 `new HTTPResponse(body, init)`.
 * - Hono (`src/bodies/hono.ts`): the body argument of `c.json(x, n)`, `c.text`, `c.html`, `c.body`,
 *   `c.newResponse`; after `c.status(n)`, a later `c.json(x)` of the same handler block.
 * - Connect-style responses (`src/bodies/connect.ts`): Express / node:http `res.status(n).json(x)`,
 *   `res.writeHead(n); res.end(x)`, Fastify `reply.code(n).send(x)`, Koa `ctx.status = n; ctx.body = x`:
 *   the call chain of the status call, then the statements that follow it in the same block,
 *   until something else may change the status (see `src/bodies/sequence.ts`).
 * - AWS Lambda results (`src/bodies/lambda.ts`): the `body` next to `statusCode`.
 *
 * Anything else (a body decided in another function, a handler's return value) is out of reach:
 * the answer is then `undefined`, and rules stay silent.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import type { Node } from './ast.js';
import { connectBody } from './bodies/connect.js';
import { fetchBody } from './bodies/fetch.js';
import { honoBody } from './bodies/hono.js';
import { lambdaBody } from './bodies/lambda.js';
import type { Context } from './origins.js';
import type { StatusSite } from './sites.js';

/** What the runtime does with content sent under a bodiless status. */
export type BodyFate =
  /** Throws (the Fetch `Response` constructor: "Response constructor: Invalid response status code 204"). */
  | 'throws'
  /** Leaves it out of the response without a word (Express, Koa, Fastify and Node for 204 and 304). */
  | 'dropped'
  /** Sends it anyway, against the RFC (Node and Fastify for 205). */
  | 'sent';

export interface SentBody {
  /** The content expression (`x` in `res.status(204).json(x)`), where a rule reports. */
  readonly node: Node;
  /** Who handles the content, as messages name it: `Express`, `Node`, `the Fetch \`Response\` constructor`. */
  readonly runtime: string | undefined;
  /** What happens to the content with this status, when known. */
  readonly fate: BodyFate | undefined;
  /** Sends the same response without the content; only when dropping the content expression has no side effects. */
  readonly removal: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | undefined;
}

/** One of the values a status is chosen from: a branch of `a ? b : c`, a side of `a ?? b` or `a || b`. */
function isBranch(status: Node): boolean {
  let current: Node = status;
  while (current.parent && WRAPPERS.has(current.parent.type)) current = current.parent;
  const parent = current.parent;
  return (
    parent?.type === AST_NODE_TYPES.LogicalExpression ||
    (parent?.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== current)
  );
}

const WRAPPERS = new Set<string>([
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSTypeAssertion,
]);

/** Statuses whose responses never carry content: 204 (RFC 9110 §15.3.5), 205 (§15.3.6), 304 (§15.4.5). */
export const BODILESS_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);

/** The content that the response of `site` sends along with status `code`, when the file shows it. */
export function bodySentWith(context: Context, site: StatusSite, code: number): SentBody | undefined {
  // `cached ? 304 : 200`: the content may go with the other branch (`cached ? null : body`).
  if (site.kind !== 'response' || isBranch(site.status)) return undefined;
  switch (site.framework) {
    case 'fetch':
    case 'next':
    case 'msw':
    case 'remix':
    case 'sveltekit':
    case 'h3':
      return fetchBody(context, site);
    case 'hono':
      return honoBody(context, site, code);
    case 'express':
    case 'node-http':
    case 'fastify':
    case 'koa':
      return connectBody(context, site, code);
    case 'lambda':
      return lambdaBody(context, site);
    default:
      return undefined;
  }
}
