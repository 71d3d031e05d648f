/**
 * Where a name comes from: the module and the export path of an imported or
 * required value, followed through aliases, destructuring and `const`s.
 * Everything goes through scope analysis, so a local that shadows an import
 * is never taken for it.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from './scope.js';
import { propertyName, unwrap, type Node } from './ast.js';
import { FileMemo } from './memo.js';

export type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A value reached from a module: `import { a } from 'm'` then `a.b` is `{ module: 'm', path: ['a', 'b'] }`. */
export interface Origin {
  readonly module: string;
  /** Export path; `[]` is the module namespace (or `require`'s value), `['default']` the default export. */
  readonly path: readonly string[];
}

const MAX_DEPTH = 8;

/** The variable an identifier refers to, looked up from its own scope. */
export function variableOf(context: Context, identifier: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
  const scope = context.sourceCode.getScope(identifier);
  return findVariable(scope, identifier);
}

/** True when an identifier is not declared anywhere in the file (a global, or an auto-import). */
export function isUndeclared(context: Context, identifier: TSESTree.Identifier): boolean {
  const variable = variableOf(context, identifier);
  return !variable || variable.defs.length === 0;
}

/** The module a plain `require('m')` (or `await import('m')`) call loads. */
export function requiredModule(node: Node): string | undefined {
  let target = unwrap(node);
  if (target.type === AST_NODE_TYPES.AwaitExpression) target = unwrap(target.argument);
  if (target.type === AST_NODE_TYPES.ImportExpression) {
    const source = target.source;
    return source.type === AST_NODE_TYPES.Literal && typeof source.value === 'string' ? source.value : undefined;
  }
  if (
    target.type === AST_NODE_TYPES.CallExpression &&
    target.callee.type === AST_NODE_TYPES.Identifier &&
    target.callee.name === 'require' &&
    target.arguments.length === 1
  ) {
    const [source] = target.arguments;
    return source?.type === AST_NODE_TYPES.Literal && typeof source.value === 'string' ? source.value : undefined;
  }
  return undefined;
}

/** `require('m')`, `import('m')` (a leading block comment allowed), `import x = require('m')`: what `originOf` follows besides import declarations. */
const LOADED = /\b(?:require|import)\s*\(\s*(?:\/\*[^]*?\*\/\s*)*(['"])([^'"\n]+)\1/g;

/** Per file: the modules its import declarations and `require` calls load (`required`), and with `import('m')` too (`loaded`). */
const modulesMemo = new FileMemo<'required' | 'loaded', ReadonlySet<string>>();

/**
 * The modules a file's import declarations (and `import x = require('m')`) and `require('m')` calls load, cached
 * per file. The `require` calls are the references to `require` (declared as a global, or not declared at all),
 * so no text is scanned for them.
 */
export function requiredModules(sourceCode: Readonly<TSESLint.SourceCode>): ReadonlySet<string> {
  return modulesMemo.get(sourceCode.ast, 'required', () => {
    const found = new Set<string>();
    for (const statement of sourceCode.ast.body) {
      if (statement.type === AST_NODE_TYPES.ImportDeclaration) found.add(statement.source.value);
      else if (
        statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
        statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference &&
        statement.moduleReference.expression.type === AST_NODE_TYPES.Literal
      ) {
        found.add(String(statement.moduleReference.expression.value));
      }
    }
    const global = sourceCode.scopeManager?.globalScope;
    if (global) {
      const note = (identifier: TSESTree.Identifier | TSESTree.JSXIdentifier): void => {
        const call = identifier.parent;
        const module = call?.type === AST_NODE_TYPES.CallExpression && call.callee === identifier ? requiredModule(call) : undefined;
        if (module !== undefined) found.add(module);
      };
      for (const reference of global.set.get('require')?.references ?? []) note(reference.identifier);
      for (const reference of global.through) if (reference.identifier.name === 'require') note(reference.identifier);
    } else {
      for (const match of sourceCode.text.matchAll(LOADED)) found.add(match[2] as string);
    }
    return found;
  });
}

/**
 * Every module a file imports or requires anywhere, cached per file: a superset of what `originOf` can reach.
 * `requiredModules`, and the `import('m')` calls found in the text when it has any.
 */
export function loadedModules(sourceCode: Readonly<TSESLint.SourceCode>): ReadonlySet<string> {
  return modulesMemo.get(sourceCode.ast, 'loaded', () => {
    const required = requiredModules(sourceCode);
    // `import('m')` as Prettier writes it; `import ('m')` with a space is not looked for.
    if (!sourceCode.text.includes('import(')) return required;
    const found = new Set(required);
    for (const match of sourceCode.text.matchAll(LOADED)) if (match[0].startsWith('import')) found.add(match[2] as string);
    return found;
  });
}

/** The key path from a destructuring pattern's root down to `identifier`, or undefined if it is not there. */
function patternPath(pattern: Node, identifier: TSESTree.Identifier): string[] | undefined {
  const target = pattern.type === AST_NODE_TYPES.AssignmentPattern ? pattern.left : pattern;
  if (target === identifier) return [];
  if (target.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of target.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const key =
        !property.computed && property.key.type === AST_NODE_TYPES.Identifier
          ? property.key.name
          : property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string'
            ? property.key.value
            : undefined;
      if (key === undefined) continue;
      const rest = patternPath(property.value, identifier);
      if (rest) return [key, ...rest];
    }
  }
  return undefined;
}

/** The declarator's initializer when the binding is a `const` (never reassigned). */
export function constInitializer(variable: TSESLint.Scope.Variable): { init: Node; id: TSESTree.BindingName } | undefined {
  const def = variable.defs[0];
  if (!def || variable.defs.length !== 1 || def.type !== 'Variable') return undefined;
  const declarator = def.node;
  const declaration = declarator.parent;
  if (declaration.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== 'const' || !declarator.init) return undefined;
  return { init: declarator.init, id: declarator.id };
}

/** The module origin of an expression, or undefined when it does not come from a module. */
export function originOf(context: Context, node: Node, depth = 0): Origin | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(target);
    if (name === undefined) return undefined;
    const base = originOf(context, target.object, depth + 1);
    return base ? { module: base.module, path: [...base.path, name] } : undefined;
  }
  if (target.type !== AST_NODE_TYPES.Identifier) {
    const module = requiredModule(target);
    return module === undefined ? undefined : { module, path: [] };
  }
  const variable = variableOf(context, target);
  const def = variable?.defs[0];
  if (!variable || !def) return undefined;
  if (def.type === 'ImportBinding') {
    const specifier = def.node;
    if (specifier.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const reference = specifier.moduleReference;
      if (reference.type === AST_NODE_TYPES.TSExternalModuleReference && reference.expression.type === AST_NODE_TYPES.Literal) {
        return { module: String(reference.expression.value), path: [] };
      }
      return undefined;
    }
    const declaration = specifier.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration || declaration.importKind === 'type') return undefined;
    const module = declaration.source.value;
    switch (specifier.type) {
      case AST_NODE_TYPES.ImportDefaultSpecifier:
        return { module, path: ['default'] };
      case AST_NODE_TYPES.ImportNamespaceSpecifier:
        return { module, path: [] };
      case AST_NODE_TYPES.ImportSpecifier: {
        if (specifier.importKind === 'type') return undefined;
        const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : String(specifier.imported.value);
        return { module, path: [imported] };
      }
      default:
        return undefined;
    }
  }
  const bound = constInitializer(variable);
  if (!bound) return undefined;
  const path = patternPath(bound.id, def.name as TSESTree.Identifier);
  if (!path) return undefined;
  const base = originOf(context, bound.init, depth + 1);
  return base ? { module: base.module, path: [...base.path, ...path] } : undefined;
}

/** True when `identifier` is bound to an import (or require) from one of `modules`, exported as one of `names`. */
export function isImportedFrom(
  context: Context,
  identifier: TSESTree.Identifier,
  modules: ReadonlySet<string>,
  names?: ReadonlySet<string>,
): boolean {
  const origin = originOf(context, identifier);
  if (!origin || !modules.has(origin.module)) return false;
  if (!names) return true;
  const last = origin.path.at(-1);
  return last !== undefined && names.has(last);
}
