/**
 * Writes a constant in place of a literal, and the import it needs: reuse an
 * existing import (under its alias), merge into an import of the same module,
 * or add one, ESM or `require` as the file is. A new local name never shadows
 * or is shadowed by a name of the file.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from './scope.js';
import type { Node } from './ast.js';
import { LIBRARY_SOURCES, isSourceModule, type ConstantsSource, type ImportStyle } from './constants.js';
import { FileMemo, weakMemo } from './memo.js';
import { requiredModule, requiredModules, type Context } from './origins.js';
import { isNodeBuiltin, isNodeServerPackage, packageOf, type PackageFacts } from './project.js';
import type { StatusSite } from './sites.js';
import { isUnsafeEnumComparison } from './type-info.js';

export interface ConstantEdit {
  /** The constant as it will be written at the site: `StatusCodes.NOT_FOUND`. */
  readonly text: string;
  /** Replaces `target` and adds the import, when one is needed. */
  readonly fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
}

interface Binding {
  /** The local name, followed by the path to the constants object: `StatusCodes`, `http2.constants`. */
  readonly reference: string;
  readonly local: string;
}

type ProgramStatement = TSESTree.ProgramStatement;

/** True when the file is CommonJS: `.cjs`/`.cts`, `sourceType: 'commonjs'`, or `require` with no `import`/`export`. */
export function isCommonJS(context: Context): boolean {
  return commonJsMemo.get(context.sourceCode.ast, 'commonjs', () => detectCommonJS(context));
}

const commonJsMemo = new FileMemo<'commonjs', boolean>();

function detectCommonJS(context: Context): boolean {
  const filename = context.filename;
  if (/\.c[jt]s$/.test(filename)) return true;
  if (/\.m[jt]s$/.test(filename)) return false;
  const program = context.sourceCode.ast;
  let requires = false;
  for (const statement of program.body) {
    if (
      statement.type === AST_NODE_TYPES.ImportDeclaration ||
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      statement.type === AST_NODE_TYPES.ExportAllDeclaration
    ) {
      return false;
    }
    if (requireDeclarations(statement).length > 0) requires = true;
  }
  const sourceType = context.languageOptions.sourceType;
  // A parser told to read a script (`parserOptions.sourceType`) cannot take an `import` either.
  const parserSourceType = (context.languageOptions.parserOptions as { sourceType?: unknown } | undefined)?.sourceType;
  return requires || sourceType === 'commonjs' || sourceType === 'script' || parserSourceType === 'script' || parserSourceType === 'commonjs';
}

/** `const x = require('m')`, `const { a } = require('m')`: the declarators of a top-level statement that require a module. */
function requireDeclarations(statement: ProgramStatement): { declarator: TSESTree.VariableDeclarator; module: string }[] {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return [];
  const found: { declarator: TSESTree.VariableDeclarator; module: string }[] = [];
  for (const declarator of statement.declarations) {
    const module = declarator.init ? requiredModule(declarator.init) : undefined;
    if (module !== undefined && declarator.init?.type === AST_NODE_TYPES.CallExpression) found.push({ declarator, module });
  }
  return found;
}

/** Joins a local name and the rest of an object path: `hsc` + `['StatusCodes']` gives `hsc.StatusCodes`. */
function referenceFrom(local: string, importedPath: readonly string[], source: ConstantsSource): Binding | undefined {
  for (const [index, objectPath] of source.objectPaths.entries()) {
    if (objectPath.length === 0 && index > 0) continue;
    if (importedPath.length > objectPath.length) continue;
    if (!importedPath.every((segment, position) => objectPath[position] === segment)) continue;
    const rest = objectPath.slice(importedPath.length);
    if (rest.some((segment) => !/^[A-Za-z_$][\w$]*$/.test(segment))) continue;
    return { reference: [local, ...rest].join('.'), local };
  }
  return undefined;
}

/** Per file and source: the imports and requires of the source's constants object (whether visible at a site or not). */
const bindingsMemo = new FileMemo<ConstantsSource, readonly Binding[]>();

/** The existing import or require of the source's constants object, visible at `site`. */
function existingBinding(context: Context, source: ConstantsSource, site: Node): Binding | undefined {
  const candidates = bindingsMemo.get(context.sourceCode.ast, source, () => topLevelBindings(context, source));
  if (candidates.length === 0) return undefined;
  const scope = context.sourceCode.getScope(site);
  return candidates.find((binding) => {
    const variable = findVariable(scope, binding.local);
    // Top level: the module scope, the global scope of a script, or (`sourceType: 'commonjs'`) the function scope
    // ESLint wraps a CommonJS file in, whose block is the Program.
    return variable !== undefined && variable.scope.block.type === AST_NODE_TYPES.Program;
  });
}

/** The top-level imports and requires of the source's constants object. */
function topLevelBindings(context: Context, source: ConstantsSource): Binding[] {
  const candidates: Binding[] = [];
  for (const statement of context.sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (statement.importKind === 'type' || !isSourceModule(source, statement.source.value)) continue;
      for (const specifier of statement.specifiers) {
        let path: string[];
        if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) path = ['default'];
        else if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) path = [];
        else if (specifier.importKind === 'type') continue;
        else path = [specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : String(specifier.imported.value)];
        const binding = referenceFrom(specifier.local.name, path, source);
        if (binding) candidates.push(binding);
      }
      continue;
    }
    for (const { declarator, module } of requireDeclarations(statement)) {
      if (!isSourceModule(source, module)) continue;
      if (declarator.id.type === AST_NODE_TYPES.Identifier) {
        const binding = referenceFrom(declarator.id.name, [], source);
        if (binding) candidates.push(binding);
      } else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
        for (const property of declarator.id.properties) {
          if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
          if (property.value.type !== AST_NODE_TYPES.Identifier) continue;
          const binding = referenceFrom(property.value.name, [property.key.name], source);
          if (binding) candidates.push(binding);
        }
      }
    }
  }
  return candidates;
}

/**
 * True when `name` is declared anywhere in the file, or used as a global: a new name must be neither. Asked per
 * candidate name (a handful per file), cached per file; each question looks the name up in every scope's map.
 */
function isTaken(context: Context, name: string): boolean {
  return takenMemo.get(context.sourceCode.ast, name, () => {
    const scopeManager = context.sourceCode.scopeManager;
    return (
      (scopeManager?.scopes.some((scope) => scope.set.has(name)) ?? false) ||
      (scopeManager?.globalScope?.through.some((reference) => reference.identifier.name === name) ?? false)
    );
  });
}

const takenMemo = new FileMemo<string, boolean>();

const quoteMemo = new FileMemo<'quote', string>();

/** The quote the file's imports (or requires) use, once per file. */
function quoteOf(context: Context): string {
  return quoteMemo.get(context.sourceCode.ast, 'quote', () => findQuote(context));
}

function findQuote(context: Context): string {
  for (const statement of context.sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) return statement.source.raw.startsWith('"') ? '"' : "'";
    const [first] = requireDeclarations(statement);
    const argument = first && (first.declarator.init as TSESTree.CallExpression).arguments[0];
    if (argument?.type === AST_NODE_TYPES.Literal) return argument.raw.startsWith('"') ? '"' : "'";
  }
  return "'";
}

/** A statement's range ends with its last token: a `;` there is its semicolon. */
function endsWithSemicolon(context: Context, statement: Node): boolean {
  return context.sourceCode.text.charCodeAt(statement.range[1] - 1) === SEMICOLON;
}

const SEMICOLON = 0x3b;

function importText(style: ImportStyle, source: ConstantsSource, local: string, cjs: boolean, quote: string, semi: string): string {
  const module = `${quote}${source.module}${quote}`;
  if (cjs) {
    if (style.kind === 'named') {
      const pattern = style.exportName === local ? local : `${style.exportName}: ${local}`;
      return `const { ${pattern} } = require(${module})${semi}`;
    }
    return `const ${local} = require(${module})${semi}`;
  }
  if (style.kind === 'named') {
    const specifier = style.exportName === local ? local : `${style.exportName} as ${local}`;
    return `import { ${specifier} } from ${module}${semi}`;
  }
  if (style.kind === 'default') return `import ${local} from ${module}${semi}`;
  return `import * as ${local} from ${module}${semi}`;
}

/** The path, from the local name, to the constants object in a new import: `[]` for most, deeper for none today. */
function newReference(style: ImportStyle, source: ConstantsSource, local: string): string {
  const importedPath = style.kind === 'named' ? [style.exportName] : style.kind === 'default' ? ['default'] : [];
  return referenceFrom(local, importedPath, source)?.reference ?? local;
}

const anchorMemo = new FileMemo<boolean, { readonly after?: Node; readonly before?: Node | TSESTree.Comment }>();

/** Where a new import goes, and the fix that puts it there. */
function insertImport(context: Context, fixer: TSESLint.RuleFixer, text: string, cjs: boolean): TSESLint.RuleFix {
  const anchor = anchorMemo.get(context.sourceCode.ast, cjs, () => importAnchor(context, cjs));
  if (anchor.after) return fixer.insertTextAfter(anchor.after, `\n${text}`);
  return fixer.insertTextBeforeRange((anchor.before as Node).range, `${text}\n`);
}

/** After the last import (or require), else after the directives, else before the first statement and the comments on it. */
function importAnchor(context: Context, cjs: boolean): { readonly after?: Node; readonly before?: Node | TSESTree.Comment } {
  const body = context.sourceCode.ast.body;
  let lastImport: ProgramStatement | undefined;
  for (const statement of body) {
    if (cjs ? requireDeclarations(statement).length > 0 : statement.type === AST_NODE_TYPES.ImportDeclaration) lastImport = statement;
  }
  if (lastImport) return { after: lastImport };
  const firstIndex = body.findIndex((statement) => !(statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined));
  if (firstIndex > 0) return { after: body[firstIndex - 1] as ProgramStatement };
  const first = body[0] as ProgramStatement;
  const comments = context.sourceCode.getCommentsBefore(first);
  let anchor: Node | TSESTree.Comment = first;
  for (let index = comments.length - 1; index >= 0; index--) {
    const comment = comments[index] as TSESTree.Comment;
    // A `#!` line (ESLint's `Shebang` comment) must stay first.
    if (comment.loc.end.line < anchor.loc.start.line - 1 || ((comment.type as string) !== 'Line' && (comment.type as string) !== 'Block')) break;
    anchor = comment;
  }
  return { before: anchor };
}

/** Adds `, Spec` to `import { a } from 'm'`, or `, { Spec }` to `import a from 'm'`. */
function mergeIntoImport(context: Context, source: ConstantsSource, style: ImportStyle, local: string): { after: Node; text: string } | undefined {
  if (style.kind !== 'named') return undefined;
  const specifierText = style.exportName === local ? local : `${style.exportName} as ${local}`;
  for (const statement of context.sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.importKind === 'type' || !isSourceModule(source, statement.source.value)) continue;
    const named = statement.specifiers.filter((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier);
    const last = named.at(-1);
    if (last) return { after: last, text: `, ${specifierText}` };
    const [only] = statement.specifiers;
    if (only?.type === AST_NODE_TYPES.ImportDefaultSpecifier && statement.specifiers.length === 1) {
      return { after: only, text: `, { ${specifierText} }` };
    }
  }
  return undefined;
}

/** A new import of a source in a file: the reference to its constants object, and the edit that adds the import. */
interface NewImport {
  readonly reference: string;
  /** The fix that adds the import: the same for every site of the file, so built once (a fix is plain data). */
  readonly add: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;
}

/** `build` run on first use, with the first fixer: its fix then stands for every later one. */
function builtOnce(build: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix): (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix {
  let fix: TSESLint.RuleFix | undefined;
  return (fixer) => (fix ??= Object.freeze(build(fixer)));
}

const newImportMemo = new FileMemo<ConstantsSource, NewImport | undefined>();

/**
 * How a file would import a source it does not import yet, the same for all its sites (once per file and source):
 * merged into an import of the same module, or a new statement after the imports. Undefined when no safe name is left.
 */
function newImport(context: Context, source: ConstantsSource): NewImport | undefined {
  return newImportMemo.get(context.sourceCode.ast, source, () => {
    const local = source.localNames.find((name) => !isTaken(context, name));
    if (local === undefined) return undefined;
    const cjs = isCommonJS(context);
    const style = cjs ? source.cjs : source.esm;
    const reference = newReference(style, source, local);
    const merge = cjs ? undefined : mergeIntoImport(context, source, style, local);
    if (merge) return { reference, add: builtOnce((fixer) => fixer.insertTextAfter(merge.after, merge.text)) };
    const anchor = context.sourceCode.ast.body.find((statement) =>
      cjs ? requireDeclarations(statement).length > 0 : statement.type === AST_NODE_TYPES.ImportDeclaration,
    );
    const semi = anchor && !endsWithSemicolon(context, anchor) ? '' : ';';
    const statement = importText(style, source, local, cjs, quoteOf(context), semi);
    return { reference, add: builtOnce((fixer) => insertImport(context, fixer, statement, cjs)) };
  });
}

/**
 * The edit that writes the constant for `code` at `target`, or undefined when the
 * source has no such member or no safe name is left for a new import.
 */
export function constantEdit(context: Context, source: ConstantsSource, code: number, target: Node): ConstantEdit | undefined {
  const member = source.members[code];
  if (member === undefined) return undefined;
  const existing = existingBinding(context, source, target);
  if (existing) {
    const text = `${existing.reference}.${member}`;
    return { text, fix: (fixer) => [replaceKeepingComments(context, fixer, target, text)] };
  }
  const plan = newImport(context, source);
  if (!plan) return undefined;
  const text = `${plan.reference}.${member}`;
  return { text, fix: (fixer) => [plan.add(fixer), replaceKeepingComments(context, fixer, target, text)] };
}

/**
 * Replaces `target` with `text`, keeping the comments written inside it: `404 /* why *\/ as const` becomes
 * `StatusCodes.NOT_FOUND /* why *\/` (a line comment is followed by a line break, so it does not swallow what follows).
 */
function replaceKeepingComments(context: Context, fixer: TSESLint.RuleFixer, target: Node, text: string): TSESLint.RuleFix {
  // A literal has no comments inside it (most targets are one): no need to ask the token store.
  if (target.type === AST_NODE_TYPES.Literal) return fixer.replaceText(target, text);
  const comments = context.sourceCode.getCommentsInside(target);
  const last = comments.at(-1);
  if (!last) return fixer.replaceText(target, text);
  const kept = comments.map((comment) => context.sourceCode.getText(comment)).join(' ');
  return fixer.replaceText(target, `${text} ${kept}${(last.type as string) === 'Line' ? '\n' : ''}`);
}

const autoSourceMemo = new FileMemo<'source', ConstantsSource | undefined>();

/**
 * The constants source a file already uses: the library it imports or requires (any, else `@nestjs/common`, which a
 * Nest file imports for its decorators), or none. One pass over the top-level statements, once per file.
 */
export function autoSource(context: Context): ConstantsSource | undefined {
  return autoSourceMemo.get(context.sourceCode.ast, 'source', () => {
    let nest: ConstantsSource | undefined;
    const known = (module: string, statement: ProgramStatement): ConstantsSource | undefined => {
      const source = LIBRARY_SOURCES.find((candidate) => isSourceModule(candidate, module));
      // node:http2 is imported for servers too: it counts only when its constants are in reach.
      if (!source || (source.id === 'node:http2' && !existingBinding(context, source, statement))) return undefined;
      if (source.id !== '@nestjs/common') return source;
      nest ??= source;
      return undefined;
    };
    for (const statement of context.sourceCode.ast.body) {
      if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
        const source = statement.importKind === 'type' ? undefined : known(statement.source.value, statement);
        if (source) return source;
        continue;
      }
      for (const { module } of requireDeclarations(statement)) {
        const source = known(module, statement);
        if (source) return source;
      }
    }
    return nest;
  });
}

/** What `no-magic-status`'s `'auto'` offers in a file: one source to fix with, or sources to suggest (one suggestion each). */
export type AutoConstants = { readonly fix: ConstantsSource } | { readonly suggest: readonly ConstantsSource[] };

const autoMemo = new FileMemo<'auto', AutoConstants>();

/** The libraries a package declares, in the order of `LIBRARY_SOURCES` (`node:http2` is never declared). */
const declaredSources = weakMemo((facts: PackageFacts): readonly ConstantsSource[] =>
  LIBRARY_SOURCES.filter((source) => facts.declared.has(source.module)),
);

const NODE_SOURCES = LIBRARY_SOURCES.filter((source) => source.id === 'node:http2');

/**
 * `'auto'`, in order: the library the file imports (any, else `@nestjs/common`) is the fix; else the file's
 * `package.json`: the one constants library it declares is the fix, several are suggestions; with none declared,
 * `node:http2` is suggested where Node.js is certain (the package is or declares a Node-only server framework, or the
 * file imports a Node.js built-in), else nothing, since an import the program cannot load would not be a fix. A file
 * with no `package.json` (not on disk) gets a suggestion per library: nothing is known to choose by.
 */
export function autoConstants(context: Context): AutoConstants {
  return autoMemo.get(context.sourceCode.ast, 'auto', () => {
    const imported = autoSource(context);
    if (imported) return { fix: imported };
    // `physicalFilename` is the file on disk when the text is a block of it (Markdown); some hosts give only `filename`.
    const facts = packageOf((context.physicalFilename as string | undefined) ?? context.filename);
    if (!facts) return { suggest: LIBRARY_SOURCES };
    const declared = declaredSources(facts);
    if (declared.length === 1) return { fix: declared[0] as ConstantsSource };
    if (declared.length > 1) return { suggest: declared };
    const onNode = isNodeServerPackage(facts) || [...requiredModules(context.sourceCode)].some(isNodeBuiltin);
    return { suggest: onNode ? NODE_SOURCES : [] };
  });
}

/**
 * The text that writes `code` at `target` of `site` as `no-magic-status` would at its default options:
 * the constant of the constants library the file already imports (any library, else `@nestjs/common`),
 * else the bare number. The number stays where the constant would not fit: a site typed as a union of literal
 * codes and a library whose members are typed `number`, or (with type information) a comparison whose other side
 * is not of the library's enum type, which typescript-eslint's `no-unsafe-enum-comparison` would report.
 */
export function statusEdit(context: Context, code: number, target: Node, site: StatusSite): ConstantEdit {
  const source = autoSource(context);
  const fits = source && !(source.typedAsNumber && site.literalTypes === true) && !isUnsafeEnumComparison(context, site, source);
  const edit = fits ? constantEdit(context, source, code, target) : undefined;
  if (edit) return edit;
  const text = String(code);
  return { text, fix: (fixer) => [replaceKeepingComments(context, fixer, target, text)] };
}
