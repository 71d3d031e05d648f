/**
 * The object body of a response site: the object literal a response sends, when the file shows it.
 * Rules that read fields of a body (`consistent-body-status`) ask `bodyObjectOf(context, site, code)`.
 *
 * Built on the body facts of `src/body.ts` (the content a response sends: `res.status(n).json(x)`,
 * `new Response(x, init)`, `c.json(x, n)`, `ctx.status = n; ctx.body = x`, a Lambda result's `body`), plus
 * NestJS `new HttpException(body, n)`, whose first argument is the body Nest sends. The content is an object
 * when it is written as one, is `JSON.stringify` of one, or is a `const` bound to one and read nowhere else
 * (so nothing in sight changes it before it is sent). Anything else gives undefined.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { isJsonStringify, plainArguments, unwrap, type Node } from './ast.js';
import { bodySentWith } from './body.js';
import { constInitializer, variableOf, type Context } from './origins.js';
import { branchesOf, type StatusSite } from './sites.js';

const MAX_DEPTH = 4;

/** The object a response sends as its body, or undefined when it is not an object literal in sight. */
export function bodyObjectOf(context: Context, site: StatusSite, code: number): TSESTree.ObjectExpression | undefined {
  if (site.kind !== 'response' || site.declaration) return undefined;
  if (site.framework === 'nest') return exceptionBody(context, site);
  const sent = bodySentWith(context, site, code);
  return sent ? objectOf(context, sent.node, 0) : undefined;
}

/**
 * `new HttpException(body, n)`: the body argument, for the site of `n` (the adapter also gives the body's own
 * `status` as a site, which has no body of its own). Not when `n` is one branch of several.
 */
function exceptionBody(context: Context, site: StatusSite): TSESTree.ObjectExpression | undefined {
  const { node } = site;
  if (node.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const [body, status] = plainArguments(node.arguments) ?? [];
  if (!body || !status || !isWithin(site.status, status) || branchesOf(status).length !== 1) return undefined;
  return objectOf(context, body, 0);
}

function isWithin(inner: Node, outer: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/** An object literal, `JSON.stringify` of one, or a `const` bound to one that nothing else reads. */
function objectOf(context: Context, node: Node, depth: number): TSESTree.ObjectExpression | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.ObjectExpression) return target;
  if (target.type === AST_NODE_TYPES.CallExpression && isJsonStringify(target.callee)) {
    const [value] = target.arguments;
    return value && value.type !== AST_NODE_TYPES.SpreadElement ? objectOf(context, value, depth + 1) : undefined;
  }
  if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = variableOf(context, target);
  const bound = variable && constInitializer(variable);
  if (!bound || bound.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const reads = variable.references.filter((reference) => !reference.init);
  return reads.length === 1 && reads[0]?.identifier === target ? objectOf(context, bound.init, depth + 1) : undefined;
}

