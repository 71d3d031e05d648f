/**
 * Bodies of Fetch-style responses: the first argument of `new Response(body, init)`, `Response.json(x, init)`,
 * Next.js `NextResponse.json` / `new NextResponse`, MSW `HttpResponse.json/text/html/xml/arrayBuffer/formData`
 * and `new HttpResponse`, h3 v2 `new HTTPResponse`, Remix / React Router `json(x, init)`, SvelteKit `json` and `text`.
 *
 * All of them build a Fetch `Response`, whose constructor throws for any non-null body with 204, 205 or 304
 * (Node 20: "TypeError: Response constructor: Invalid response status code 204"). The `json` helpers
 * serialise their argument first, so `json(null)` is the body `"null"`: only `undefined` gives none.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { findVariable } from '../scope.js';
import { plainArguments, propertyName, unwrap, type Node } from '../ast.js';
import type { SentBody } from '../body.js';
import { originOf, type Context } from '../origins.js';
import type { StatusSite } from '../sites.js';
import { hasNoSideEffects, isContent, type ContentKind } from './content.js';

export const RESPONSE_RUNTIME = 'the Fetch `Response` constructor';

/** Constructors that take `(body, init)`. */
const RESPONSE_CLASSES = new Set(['Response', 'NextResponse', 'HttpResponse', 'HTTPResponse']);

/** Static helpers and imported functions that take `(content, init)`, and how they read their content. */
const BODY_HELPERS: ReadonlyMap<string, ContentKind> = new Map([
  ['json', 'json'],
  ['text', 'value'],
  ['html', 'value'],
  ['xml', 'value'],
  ['arrayBuffer', 'value'],
  ['formData', 'value'],
]);

/** The name a callee is exported under (`json` for `import { json as kitJson }`), or its own name. */
function exportedName(context: Context, callee: Node): string | undefined {
  const target = unwrap(callee);
  if (target.type === AST_NODE_TYPES.MemberExpression) return propertyName(target);
  if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
  const last = originOf(context, target)?.path.at(-1);
  return last !== undefined && last !== 'default' ? last : target.name;
}

/** True when `inner` lies inside `outer`. */
export function isWithin(inner: Node, outer: Node | undefined): boolean {
  return outer !== undefined && inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/** `Response` as the global it is (not a local class of the same name). */
function isGlobalResponse(context: Context, node: Node): boolean {
  const variable = findVariable(context.sourceCode.getScope(node), 'Response');
  return !variable || variable.defs.length === 0;
}

/** `Response.json(x, init)` becomes `new Response(null, init)`; `json(x, init)` (Remix, SvelteKit) becomes `new Response(null, init)`. */
function helperRemoval(context: Context, call: TSESTree.CallExpression, content: Node, init: Node | undefined): SentBody['removal'] {
  if (call.arguments.length !== 2 || !init || unwrap(init).type !== AST_NODE_TYPES.ObjectExpression || !hasNoSideEffects(content) || call.optional) return undefined;
  const callee = unwrap(call.callee);
  let constructor: string;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrap(callee.object);
    if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
    constructor = object.name;
  } else if (isGlobalResponse(context, call)) {
    constructor = 'Response';
  } else {
    return undefined;
  }
  return (fixer) => [fixer.replaceText(call.callee, `new ${constructor}`), fixer.replaceText(content, 'null')];
}

export function fetchBody(context: Context, site: StatusSite): SentBody | undefined {
  const { node } = site;
  if (node.type === AST_NODE_TYPES.NewExpression) {
    if (!RESPONSE_CLASSES.has(exportedName(context, node.callee) ?? '')) return undefined;
    const [content, init] = plainArguments(node.arguments) ?? [];
    if (!content || !isWithin(site.status, init) || !isContent(context, content, 'value')) return undefined;
    const removal: SentBody['removal'] = hasNoSideEffects(content) ? (fixer) => [fixer.replaceText(content, 'null')] : undefined;
    return { node: content, runtime: RESPONSE_RUNTIME, fate: 'throws', removal };
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const kind = BODY_HELPERS.get(exportedName(context, node.callee) ?? '');
    if (!kind) return undefined;
    const [content, init] = plainArguments(node.arguments) ?? [];
    if (!content || !isWithin(site.status, init) || !isContent(context, content, kind)) return undefined;
    return { node: content, runtime: RESPONSE_RUNTIME, fate: 'throws', removal: helperRemoval(context, node, content, init) };
  }
  return undefined;
}
