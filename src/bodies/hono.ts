/**
 * Bodies of Hono responses: `c.json(x, n)`, `c.text(x, n)`, `c.html(x, n)`, `c.body(x, n)`, `c.newResponse(x, n)`
 * (and their `{ status: n }` forms), and after `c.status(n)` a later `c.json(x)` of the same block.
 * Hono builds a Fetch `Response`, so content with 204, 205 or 304 throws
 * ("TypeError: Response constructor: Invalid response status code 204"); `c.json(undefined)` and `c.body(null)` send none.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calleeName, plainArguments } from '../ast.js';
import type { SentBody } from '../body.js';
import type { Context } from '../origins.js';
import type { StatusSite } from '../sites.js';
import { isContent, rewriteCall } from './content.js';
import { RESPONSE_RUNTIME, isWithin } from './fetch.js';
import { contentAfterStatus, type BodyApi, type ResponseApi } from './sequence.js';

const RUNTIME = `${RESPONSE_RUNTIME} (which Hono calls)`;
const throws = (): 'throws' => 'throws';
const TO_BODY_NULL = { rename: 'body', firstArgument: 'null' } as const;

const JSON_API: BodyApi = { content: 'json', runtime: RUNTIME, fate: throws, removal: TO_BODY_NULL };
const VALUE_API: BodyApi = { content: 'value', runtime: RUNTIME, fate: throws, removal: TO_BODY_NULL };

const HONO: ResponseApi = {
  bodyMethods: new Map([
    ['json', JSON_API],
    ['text', VALUE_API],
    ['html', VALUE_API],
    ['body', VALUE_API],
    ['newResponse', VALUE_API],
  ]),
  bodyProperties: new Map(),
  passThrough: new Set(['header', 'set', 'get']),
  statusMethods: new Set(['status', 'redirect', 'notFound', 'render']),
  statusProperties: new Set(['res', 'error']),
};

export function honoBody(context: Context, site: StatusSite, code: number): SentBody | undefined {
  const { node } = site;
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const name = calleeName(node.callee) ?? '';
  if (name === 'status') return contentAfterStatus(context, HONO, site, code);
  const api = HONO.bodyMethods.get(name);
  if (!api) return undefined;
  const [content, init] = plainArguments(node.arguments) ?? [];
  if (!content || !isWithin(site.status, init) || !isContent(context, content, api.content)) return undefined;
  return { node: content, runtime: api.runtime, fate: 'throws', removal: rewriteCall(context, node, TO_BODY_NULL) };
}
