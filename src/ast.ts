/**
 * Small, allocation-free questions about ESTree nodes, shared by the adapters.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

export type Node = TSESTree.Node;
export type Expression = TSESTree.Expression;

type ValueWrapper = TSESTree.TSAsExpression | TSESTree.TSNonNullExpression | TSESTree.TSSatisfiesExpression | TSESTree.TSTypeAssertion | TSESTree.ChainExpression;

/** A wrapper that does not change the value inside: `x as T`, `x!`, `x satisfies T`, `<T>x`, `a?.b` (ESTree has no node for `(x)`). */
export function isValueWrapper(node: Node): node is ValueWrapper {
  switch (node.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.ChainExpression:
      return true;
    default:
      return false;
  }
}

/** Strips the wrappers that do not change a value (`isValueWrapper`). */
export function unwrap(node: Node): Node {
  let current = node;
  while (isValueWrapper(current)) current = current.expression;
  return current;
}

/** `'404'`, `'4040'`: a string of ASCII digits, checked without a regular expression (most strings stop at the first character). */
export function isDigits(value: string): boolean {
  if (value.length === 0) return false;
  for (let index = 0; index < value.length; index++) {
    const char = value.charCodeAt(index);
    if (char < 48 || char > 57) return false;
  }
  return true;
}

/** The name of an enum member: `NotFound` in `NotFound = 404`, `'404'` in `'404' = 404`. */
export function enumMemberName(member: TSESTree.TSEnumMember): string | undefined {
  const { id } = member;
  if (id.type === AST_NODE_TYPES.Identifier) return id.name;
  return id.type === AST_NODE_TYPES.Literal ? String(id.value) : undefined;
}

/** The name of a non-computed (or string-literal computed) member's property. */
export function propertyName(member: TSESTree.MemberExpression): string | undefined {
  const { property } = member;
  if (!member.computed) {
    return property.type === AST_NODE_TYPES.Identifier ? property.name : undefined;
  }
  return property.type === AST_NODE_TYPES.Literal && typeof property.value === 'string' ? property.value : undefined;
}

/** The key of an object property, when it is written plainly (`a`, `'a'`, `["a"]`). */
export function keyName(property: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | undefined {
  const { key } = property;
  if (key.type === AST_NODE_TYPES.Identifier && !property.computed) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return key.value;
  return undefined;
}

/**
 * The name a call or `new` is dispatched on: `f(...)` gives `f`, `a.b.f(...)` gives `f`.
 * Anything else (calls of calls, computed non-literal members) gives undefined.
 */
export function calleeName(callee: Node): string | undefined {
  const target = unwrap(callee);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type === AST_NODE_TYPES.MemberExpression) return propertyName(target);
  return undefined;
}

/** The object a member call is made on: `res` in `res.status(404)`, unwrapped. */
export function calleeObject(callee: Node): Node | undefined {
  const target = unwrap(callee);
  return target.type === AST_NODE_TYPES.MemberExpression ? unwrap(target.object) : undefined;
}

/** The plain name of an identifier, `this`, or the last property of a member path. */
export function simpleName(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (target.type === AST_NODE_TYPES.MemberExpression) return propertyName(target);
  return undefined;
}

/** Arguments without spreads: a spread hides positions, so the caller gets undefined. */
export function plainArguments(args: readonly TSESTree.CallExpressionArgument[]): readonly TSESTree.Expression[] | undefined {
  for (const arg of args) if (arg.type === AST_NODE_TYPES.SpreadElement) return undefined;
  return args as readonly TSESTree.Expression[];
}

/** The property of an object literal with a given key; undefined when the object has a spread after it could be overridden. */
export function objectProperty(object: Node | undefined, name: string): TSESTree.Property | undefined {
  if (!object) return undefined;
  const target = unwrap(object);
  if (target.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  let found: TSESTree.Property | undefined;
  for (const property of target.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      found = undefined;
      continue;
    }
    if (keyName(property) === name && property.kind === 'init') found = property;
  }
  return found;
}

/** True for a string literal or a template literal without expressions. */
export function isStringLike(node: Node): boolean {
  const target = unwrap(node);
  return (target.type === AST_NODE_TYPES.Literal && typeof target.value === 'string') || target.type === AST_NODE_TYPES.TemplateLiteral;
}

/** The function that contains a node, or undefined at module level. */
export function enclosingFunction(node: Node): TSESTree.FunctionLike | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.FunctionDeclaration ||
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.ArrowFunctionExpression
    ) {
      return current;
    }
  }
  return undefined;
}

/** The node a constant replaces: `404 as const` whole (a constant cannot take a `const` assertion), else the literal. */
export function constantTarget(status: Node, literal: Node): Node {
  if (
    status.type === AST_NODE_TYPES.TSAsExpression &&
    status.typeAnnotation.type === AST_NODE_TYPES.TSTypeReference &&
    status.typeAnnotation.typeName.type === AST_NODE_TYPES.Identifier &&
    status.typeAnnotation.typeName.name === 'const'
  ) {
    return status;
  }
  return literal;
}

/** `JSON.stringify` as a callee (through the wrappers `unwrap` strips). */
export function isJsonStringify(callee: Node): boolean {
  const target = unwrap(callee);
  return (
    target.type === AST_NODE_TYPES.MemberExpression &&
    !target.computed &&
    target.object.type === AST_NODE_TYPES.Identifier &&
    target.object.name === 'JSON' &&
    target.property.type === AST_NODE_TYPES.Identifier &&
    target.property.name === 'stringify'
  );
}
