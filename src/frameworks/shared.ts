/**
 * Pieces every adapter uses: who looks like a response object, where an init
 * object keeps its status, and how to make a site.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { calleeObject, objectProperty, plainArguments, propertyName, simpleName, unwrap, type Node } from '../ast.js';
import { isUndeclared, loadedModules, originOf } from '../origins.js';
import { statusBranches, type Framework, type SiteContext, type SiteKind, type StatusSite } from '../sites.js';

/** Names that response objects go by in handler code. */
const RESPONSE_NAME = /^(?:res|resp|response|reply|rep|ctx|context|serverResponse|httpResponse|outgoing)$|(?:Res|Response|Reply|Ctx|Context)$/;

export function isResponseName(name: string | undefined): boolean {
  return name !== undefined && RESPONSE_NAME.test(name);
}

/** The receiver of a member call: `res` for `res.status(404)`. */
export function receiverOf(call: TSESTree.CallExpression): Node | undefined {
  return calleeObject(call.callee);
}

/** The plain name of a member call's receiver: `res`, `reply`, `c`, or `response` for `ctx.response`. */
export function receiverName(call: TSESTree.CallExpression): string | undefined {
  return simpleName(receiverOf(call));
}

/** The first receiver at the root of a call chain: `res` for `res.status(201).set(...).json(x)`. */
export function chainRoot(node: Node | undefined): Node | undefined {
  let current = node && unwrap(node);
  while (current) {
    if (current.type === AST_NODE_TYPES.CallExpression) current = calleeObject(current.callee);
    else if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
    else return current;
  }
  return undefined;
}

/** The `status` of a fetch-style init object (`{ status: 404, headers }`). */
export function initStatus(init: Node | undefined): Node | undefined {
  return objectProperty(init, 'status')?.value;
}

/** True for a number literal, or a string literal of digits: what a site with a distinctive API takes as a status even out of range. */
export function isLiteralStatus(node: Node | undefined, sites: SiteContext): boolean {
  if (!node) return false;
  return statusBranches(sites.context, node).some((branch) => {
    const value = sites.resolve(branch);
    return value !== undefined && (value.kind === 'number' || (value.kind === 'string' && value.value !== undefined));
  });
}

/** A distinctive API's status argument: a literal, or anything that resolves to a status. */
export function isStatusArgument(node: Node | undefined, sites: SiteContext): boolean {
  return node !== undefined && (isLiteralStatus(node, sites) || sites.readsAsStatus(node));
}

export function argumentsOf(call: TSESTree.CallExpression | TSESTree.NewExpression): readonly TSESTree.Expression[] {
  return plainArguments(call.arguments) ?? [];
}

/** `Response`, `NextResponse`, ...: a global, or an import from one of `modules`. */
export function isGlobalOrImported(sites: SiteContext, node: Node | undefined, name: string, modules: ReadonlySet<string> | undefined): boolean {
  const target = node && unwrap(node);
  if (target?.type !== AST_NODE_TYPES.Identifier || target.name !== name) {
    return false;
  }
  if (isUndeclared(sites.context, target)) return true;
  return isImported(sites, target, modules);
}

/**
 * False when the file imports and requires none of `modules`: then no name in it comes from them, and the
 * scope lookups of `isImported` can be skipped (one pass over the imports and the text per file).
 */
function mentionsAny(sites: SiteContext, modules: ReadonlySet<string>): boolean {
  const known = loadedModules(sites.context.sourceCode);
  for (const module of modules) if (known.has(module)) return true;
  return false;
}

/** True when `node` is an identifier imported from one of `modules` (under any local name). */
export function isImported(sites: SiteContext, node: Node | undefined, modules: ReadonlySet<string> | undefined, exportNames?: ReadonlySet<string>): boolean {
  const target = node && unwrap(node);
  if (target?.type !== AST_NODE_TYPES.Identifier || !modules) return false;
  if (!mentionsAny(sites, modules)) return false;
  const origin = originOf(sites.context, target);
  if (!origin || !modules.has(origin.module)) return false;
  if (!exportNames) return true;
  const last = origin.path.at(-1);
  return last !== undefined && exportNames.has(last);
}

/** The callee of a call as an identifier, when it is one (`error(...)`, not `x.error(...)`). */
export function calleeIdentifier(call: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.Identifier | undefined {
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.Identifier ? callee : undefined;
}

/** The object of a static-method call: `Response` in `Response.json(x)`. */
export function staticReceiver(call: TSESTree.CallExpression): TSESTree.Identifier | undefined {
  const object = receiverOf(call);
  return object?.type === AST_NODE_TYPES.Identifier ? object : undefined;
}

export function makeSite(
  framework: Framework,
  status: Node | undefined,
  node: Node,
  extra: { kind?: SiteKind; response?: Node | undefined; literalTypes?: boolean; redirect?: boolean; declaration?: boolean; urlArgument?: boolean } = {},
): StatusSite | undefined {
  if (!status) return undefined;
  const site: { -readonly [K in keyof StatusSite]: StatusSite[K] } = { framework, kind: extra.kind ?? 'response', status, node };
  if (extra.response) site.response = extra.response;
  if (extra.literalTypes) site.literalTypes = true;
  if (extra.redirect) site.redirect = true;
  if (extra.declaration) site.declaration = true;
  if (extra.urlArgument) site.urlArgument = true;
  return site;
}

/** A member path's last property name: `status` in `res.status`. */
export function memberName(node: Node | undefined): string | undefined {
  const target = node && unwrap(node);
  return target?.type === AST_NODE_TYPES.MemberExpression ? propertyName(target) : undefined;
}

export const set = (...values: string[]): ReadonlySet<string> => new Set(values);
