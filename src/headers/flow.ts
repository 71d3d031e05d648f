/**
 * Just enough control flow to order header writes around a response, from the
 * syntax alone: source order, the two branches of an `if` / `?:`, the statements
 * a `return` / `throw` cuts off, and "this call certainly ran before that one".
 * Loops, `try` and callbacks are not modelled: where they matter the answers lean
 * towards "the header may be set" (no report).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { Node } from '../ast.js';

export function isFunction(node: Node): node is TSESTree.FunctionLike {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** `a` ends before `b` starts. */
export function before(a: Node, b: Node): boolean {
  return a.range[1] <= b.range[0];
}

export function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** The lowest node that contains both. */
function commonAncestor(a: Node, b: Node): Node | undefined {
  const seen = new Set<Node>();
  for (let node: Node | undefined = a; node; node = node.parent) seen.add(node);
  for (let node: Node | undefined = b; node; node = node.parent) if (seen.has(node)) return node;
  return undefined;
}

/** The child of `ancestor` on the way down to `node`. */
function childToward(ancestor: Node, node: Node): Node | undefined {
  let current: Node | undefined = node;
  while (current && current.parent !== ancestor) current = current.parent;
  return current;
}

/** `a` and `b` sit in the two branches of one `if`/`else` or `?:`, so they never both run. */
export function exclusive(a: Node, b: Node): boolean {
  const common = commonAncestor(a, b);
  if (!common || (common.type !== AST_NODE_TYPES.IfStatement && common.type !== AST_NODE_TYPES.ConditionalExpression)) return false;
  const left = childToward(common, a);
  const right = childToward(common, b);
  const branches: (Node | null)[] = [common.consequent, common.alternate];
  return left !== right && branches.includes(left ?? null) && branches.includes(right ?? null);
}

const EXITS = new Set<string>([
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.ThrowStatement,
  AST_NODE_TYPES.BreakStatement,
  AST_NODE_TYPES.ContinueStatement,
]);

/** The statement list a statement sits in (block, program, `case`), if any. */
function statementList(statement: Node): readonly Node[] | undefined {
  const parent = statement.parent;
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program || parent.type === AST_NODE_TYPES.StaticBlock) return parent.body;
  if (parent.type === AST_NODE_TYPES.SwitchCase) return parent.consequent;
  return undefined;
}

/**
 * After `from` runs, control certainly leaves before reaching `to` (a later node):
 * `from` is in a `return`/`throw`, or a `return`/`throw`/`break`/`continue` stands
 * between them in a statement list they share.
 */
export function exitsBetween(from: Node, to: Node): boolean {
  let node: Node = from;
  while (node.parent && !contains(node.parent, to)) {
    const parent: Node = node.parent;
    if (isFunction(parent)) return false;
    if ((parent.type === AST_NODE_TYPES.ReturnStatement || parent.type === AST_NODE_TYPES.ThrowStatement) && parent.argument === node) return true;
    const list = statementList(node);
    if (list) {
      const index = list.indexOf(node);
      for (const later of list.slice(index + 1)) if (EXITS.has(later.type)) return true;
    }
    node = parent;
  }
  // `node` is now the child, in the construct that holds both, that holds `from`.
  const list = statementList(node);
  if (!list) return false;
  const start = list.indexOf(node);
  for (const later of list.slice(start + 1)) {
    if (contains(later, to)) return false;
    if (EXITS.has(later.type)) return true;
  }
  return false;
}

/** Wrappers between a call and its statement that do not make the call conditional. */
const UNCONDITIONAL = new Set<string>([
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.VariableDeclarator,
  AST_NODE_TYPES.VariableDeclaration,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.SequenceExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.MemberExpression,
]);

/**
 * `first` certainly ran when `later` runs: they share a statement list, `first`'s statement
 * comes earlier and holds it unconditionally (no `if`, `?:`, `&&`, `return`, callback or `try`
 * in between), and `later` is not inside a callback.
 */
export function dominates(first: Node, later: Node): boolean {
  if (!before(first, later)) return false;
  const common = commonAncestor(first, later);
  if (!common) return false;
  if (common.type !== AST_NODE_TYPES.BlockStatement && common.type !== AST_NODE_TYPES.Program && common.type !== AST_NODE_TYPES.StaticBlock && common.type !== AST_NODE_TYPES.SwitchCase) {
    return false;
  }
  for (let node = first.parent; node && node !== common; node = node.parent) {
    if (!UNCONDITIONAL.has(node.type)) return false;
  }
  for (let node = later.parent; node && node !== common; node = node.parent) {
    if (isFunction(node)) return false;
  }
  return true;
}

/** The nearest enclosing function of a node. */
export function enclosingFunctionOf(node: Node): TSESTree.FunctionLike | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return current;
  return undefined;
}
