/**
 * What status an expression names, when that can be known from the file alone:
 * a number, a string of digits, a member of a constants library however it
 * was imported, a `const` bound to one of those, or a TS enum member with a
 * literal initializer.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { enumMemberName, isDigits, propertyName, unwrap, type Node } from './ast.js';
import { LIBRARY_SOURCES, codeAtPath, type ConstantsSource } from './constants.js';
import { constInitializer, originOf, variableOf, type Context } from './origins.js';
import { isStatusInRange } from './status-table.js';

export type StatusValue =
  /** A number literal: `404`, also `4_04`, `0x194`, `404.5`. */
  | { readonly kind: 'number'; readonly value: number; readonly node: TSESTree.NumberLiteral }
  /** A string literal: `'404'`; `value` is the number it spells, if it is all digits. */
  | { readonly kind: 'string'; readonly value: number | undefined; readonly text: string; readonly node: TSESTree.StringLiteral }
  /** A named constant: library member, enum member, or a `const` bound to any of these. */
  | { readonly kind: 'constant'; readonly value: number; readonly node: Node; readonly source: ConstantsSource | undefined };

const MAX_DEPTH = 6;

/** The status an expression names, or undefined when it cannot be known. */
export function resolveStatus(context: Context, node: Node, extraSources: readonly ConstantsSource[] = []): StatusValue | undefined {
  return resolve(context, node, extraSources, 0);
}

function resolve(context: Context, node: Node, extraSources: readonly ConstantsSource[], depth: number): StatusValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const target = unwrap(node);
  switch (target.type) {
    case AST_NODE_TYPES.Literal: {
      if (typeof target.value === 'number') return { kind: 'number', value: target.value, node: target as TSESTree.NumberLiteral };
      if (typeof target.value === 'string') {
        const text = target.value;
        return { kind: 'string', value: isDigits(text) ? Number(text) : undefined, text, node: target as TSESTree.StringLiteral };
      }
      return undefined;
    }
    case AST_NODE_TYPES.MemberExpression:
      return resolveMember(context, target, extraSources, depth);
    case AST_NODE_TYPES.Identifier:
      return resolveIdentifier(context, target, extraSources, depth);
    default:
      return undefined;
  }
}

function fromOrigin(context: Context, node: Node, extraSources: readonly ConstantsSource[]): StatusValue | undefined {
  const origin = originOf(context, node);
  if (!origin) return undefined;
  for (const source of [...extraSources, ...LIBRARY_SOURCES]) {
    const value = codeAtPath(source, origin.module, origin.path);
    if (value !== undefined) return { kind: 'constant', value, node, source };
  }
  return undefined;
}

function resolveMember(
  context: Context,
  member: TSESTree.MemberExpression,
  extraSources: readonly ConstantsSource[],
  depth: number,
): StatusValue | undefined {
  const name = propertyName(member);
  if (name === undefined) return undefined;
  const fromLibrary = fromOrigin(context, member, extraSources);
  if (fromLibrary) return fromLibrary;
  const object = unwrap(member.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = variableOf(context, object);
  const def = variable?.defs[0];
  if (!def) return undefined;
  if (def.type === 'TSEnumName' && def.node.type === AST_NODE_TYPES.TSEnumDeclaration) {
    return enumMember(def.node, name, member);
  }
  // `const Status = { NOT_FOUND: 404 } as const` and friends.
  const bound = variable && constInitializer(variable);
  if (bound && bound.id.type === AST_NODE_TYPES.Identifier) {
    const init = unwrap(bound.init);
    if (init.type === AST_NODE_TYPES.ObjectExpression && isFrozenLiteral(bound.init)) {
      for (const property of init.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
        const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
        if (key !== name) continue;
        const value = resolve(context, property.value, extraSources, depth + 1);
        return value && value.kind !== 'string' ? { kind: 'constant', value: value.value, node: member, source: undefined } : undefined;
      }
    }
  }
  return undefined;
}

/** `{...} as const` or `Object.freeze({...})`: a table whose members do not change. */
function isFrozenLiteral(init: Node): boolean {
  return (
    init.type === AST_NODE_TYPES.TSAsExpression &&
    init.typeAnnotation.type === AST_NODE_TYPES.TSTypeReference &&
    init.typeAnnotation.typeName.type === AST_NODE_TYPES.Identifier &&
    init.typeAnnotation.typeName.name === 'const'
  );
}

function enumMember(declaration: TSESTree.TSEnumDeclaration, name: string, node: Node): StatusValue | undefined {
  const members = declaration.body?.members ?? (declaration as unknown as { members?: TSESTree.TSEnumMember[] }).members ?? [];
  for (const member of members) {
    if (enumMemberName(member) !== name) continue;
    const init = member.initializer && unwrap(member.initializer);
    if (init?.type === AST_NODE_TYPES.Literal && typeof init.value === 'number') {
      return { kind: 'constant', value: init.value, node, source: undefined };
    }
    return undefined;
  }
  return undefined;
}

function resolveIdentifier(
  context: Context,
  identifier: TSESTree.Identifier,
  extraSources: readonly ConstantsSource[],
  depth: number,
): StatusValue | undefined {
  const fromLibrary = fromOrigin(context, identifier, extraSources);
  if (fromLibrary) return fromLibrary;
  const variable = variableOf(context, identifier);
  if (!variable) return undefined;
  const bound = constInitializer(variable);
  if (!bound || bound.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const value = resolve(context, bound.init, extraSources, depth + 1);
  if (!value || value.kind === 'string' || value.value === undefined) return undefined;
  return { kind: 'constant', value: value.value, node: identifier, source: value.kind === 'constant' ? value.source : undefined };
}

/**
 * Reads as a status: an integer 100 to 599 written as a number, or any known
 * constant. Generic method names (`.status(`, `.code(`) only count with such an argument.
 */
export function readsAsStatus(value: StatusValue | undefined): value is StatusValue {
  if (!value) return false;
  if (value.kind === 'string') return false;
  return isStatusInRange(value.value);
}
