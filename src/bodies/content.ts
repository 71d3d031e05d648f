/**
 * What an expression sends as content: nothing (`null`, `undefined`, `void 0`, an omitted argument),
 * an empty text (`''`), or something. Also whether dropping it is safe (no side effects), and the
 * edits that drop it.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { isOpeningParenToken } from '../scope.js';
import { isJsonStringify, unwrap, type Node } from '../ast.js';
import { constInitializer, isUndeclared, variableOf, type Context } from '../origins.js';

/**
 * How an API turns its argument into content:
 * - `json`: serialised, so anything but `undefined` is content (`null` becomes `"null"`);
 * - `value`: a Fetch body, anything but `null` / `undefined` is content (`''` too: the constructor throws for it);
 * - `text`: a Node-style chunk, `''` sends nothing either;
 * - `chunk`: as `text`, and a function is the callback of `res.end(cb)`, not content.
 */
export type ContentKind = 'json' | 'value' | 'text' | 'chunk';

const MAX_DEPTH = 4;
const CALLBACK_NAME = /^(?:cb|callback|done|next|resolve|onEnd|onFinish)$/;

/** `null`, `undefined`, `void x`, or a `const` bound to one of these. */
export function isNullish(context: Context, node: Node, depth = 0): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Literal) return target.raw === 'null';
  if (target.type === AST_NODE_TYPES.UnaryExpression) return target.operator === 'void';
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  if (target.name === 'undefined' && isUndeclared(context, target)) return true;
  return depth < MAX_DEPTH && boundTo(context, target, (init) => isNullish(context, init, depth + 1));
}

/** `undefined`, `void x`, or a `const` bound to one of these: what `JSON.stringify` turns into no text. */
function isUndefined(context: Context, node: Node, depth = 0): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.UnaryExpression) return target.operator === 'void';
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  if (target.name === 'undefined' && isUndeclared(context, target)) return true;
  return depth < MAX_DEPTH && boundTo(context, target, (init) => isUndefined(context, init, depth + 1));
}

/** `''`, a template without text, or a `const` bound to one. */
function isEmptyText(context: Context, node: Node, depth = 0): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Literal) return target.value === '';
  if (target.type === AST_NODE_TYPES.TemplateLiteral) return target.expressions.length === 0 && target.quasis.every((quasi) => quasi.value.cooked === '');
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  return depth < MAX_DEPTH && boundTo(context, target, (init) => isEmptyText(context, init, depth + 1));
}

function boundTo(context: Context, identifier: TSESTree.Identifier, test: (init: Node) => boolean): boolean {
  const variable = variableOf(context, identifier);
  const bound = variable && constInitializer(variable);
  return bound !== undefined && bound.id.type === AST_NODE_TYPES.Identifier && test(bound.init);
}

function isCallback(node: Node): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.ArrowFunctionExpression || target.type === AST_NODE_TYPES.FunctionExpression) return true;
  return target.type === AST_NODE_TYPES.Identifier && CALLBACK_NAME.test(target.name);
}

/** True when `node` (an argument, or undefined when it is omitted) sends content through an API of this kind. */
export function isContent(context: Context, node: Node | undefined, kind: ContentKind): boolean {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return false;
  switch (kind) {
    case 'json':
      return !isUndefined(context, node);
    case 'value':
      return !isNullish(context, node);
    case 'text':
      return !isNullish(context, node) && !isEmptyText(context, node);
    case 'chunk':
      return !isNullish(context, node) && !isEmptyText(context, node) && !isCallback(node);
  }
}

/**
 * True when evaluating `node` has no effect but its value: literals, names, member reads,
 * object and array literals and operators over those, functions (made, not called).
 * A call, `new`, assignment, update, `await`, `yield` or `delete` is an effect.
 */
export function hasNoSideEffects(node: Node | null | undefined, depth = 0): boolean {
  if (!node) return true;
  if (depth > 12) return false;
  const next = (child: Node | null | undefined): boolean => hasNoSideEffects(child, depth + 1);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.every(next);
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.every((element) => element === null || (element.type === AST_NODE_TYPES.SpreadElement ? false : next(element)));
    case AST_NODE_TYPES.ObjectExpression:
      return node.properties.every((property) =>
        property.type === AST_NODE_TYPES.Property ? (!property.computed || next(property.key)) && next(property.value) : false,
      );
    case AST_NODE_TYPES.MemberExpression:
      return next(node.object) && (!node.computed || next(node.property));
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator !== 'delete' && next(node.argument);
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return node.left.type !== AST_NODE_TYPES.PrivateIdentifier && next(node.left) && next(node.right);
    case AST_NODE_TYPES.ConditionalExpression:
      return next(node.test) && next(node.consequent) && next(node.alternate);
    case AST_NODE_TYPES.CallExpression:
      // `JSON.stringify(x)` reads its argument and nothing else (a `toJSON` aside).
      return isJsonStringify(node.callee) && node.arguments.every((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && next(argument));
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.ChainExpression:
      return next(node.expression);
    default:
      return false;
  }
}


/** The range inside a call's parentheses: everything between `(` and `)`. */
function argumentsRange(context: Context, call: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.Range | undefined {
  const { sourceCode } = context;
  const before = call.typeArguments ?? call.callee;
  const open = sourceCode.getTokenAfter(before, isOpeningParenToken);
  const close = sourceCode.getLastToken(call);
  if (!open || !close || close.value !== ')') return undefined;
  return [open.range[1], close.range[0]];
}

/**
 * The edits that rewrite a member call's name and arguments: `json(x)` to `end()` (`rename: 'end'`,
 * `firstArgument: 'drop'`), `json(x, 204)` to `body(null, 204)` (`rename: 'body'`, `firstArgument: 'null'`).
 * Undefined when the call is not a plain member call with its content first.
 */
export function rewriteCall(
  context: Context,
  call: TSESTree.CallExpression,
  options: { readonly rename?: string; readonly firstArgument: 'drop' | 'null' },
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | undefined {
  const callee = unwrap(call.callee);
  const [first] = call.arguments;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || call.optional || !first || !hasNoSideEffects(first)) return undefined;
  if (options.firstArgument === 'drop' && call.arguments.length !== 1) return undefined;
  const range = options.firstArgument === 'drop' ? argumentsRange(context, call) : first.range;
  if (!range) return undefined;
  const property = callee.property;
  return (fixer) => [
    ...(options.rename !== undefined ? [fixer.replaceText(property, options.rename)] : []),
    fixer.replaceTextRange(range, options.firstArgument === 'drop' ? '' : 'null'),
  ];
}
