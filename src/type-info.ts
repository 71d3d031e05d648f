/**
 * What the type checker says, in a file linted with type information (typescript-eslint's parser with
 * `parserOptions.project` or `projectService`). Everything here sits behind `typeInfo(context)`: in a file without a
 * program (espree, the TypeScript parser without a project, oxlint's empty services) it costs two property reads.
 *
 * TypeScript is not loaded here: the program and its checker come from the parser, and the few flags read off a
 * type are TypeScript's own numbers (`TYPE_FLAGS`, `SYMBOL_FLAGS`; tests/rules/no-magic-status/type-checked.test.ts checks them against the
 * installed TypeScript).
 */
import type { TSESTree } from '@typescript-eslint/types';
import type * as ts from 'typescript';
import { FileMemo } from './memo.js';
import type { Context } from './origins.js';

/** The members of `ts.TypeFlags` read here (the same numbers since TypeScript 4). */
export const TYPE_FLAGS = { Number: 8, Enum: 32, NumberLiteral: 256, EnumLiteral: 1024 } as const;
/** The member of `ts.SymbolFlags` read here. */
export const SYMBOL_FLAGS = { EnumMember: 8 } as const;

/** `ts.TypeFlags.NumberLike` and `ts.TypeFlags.EnumLike`. */
const NUMBER_LIKE = TYPE_FLAGS.Number | TYPE_FLAGS.NumberLiteral | TYPE_FLAGS.Enum;
const ENUM_LIKE = TYPE_FLAGS.Enum | TYPE_FLAGS.EnumLiteral;

export interface TypeInfo {
  /** The type of an ESTree node, as the checker sees it. */
  typeOf(node: TSESTree.Node): ts.Type | undefined;
}

interface Services {
  readonly program?: ts.Program | null;
  readonly esTreeNodeToTSNodeMap?: { get(node: TSESTree.Node): ts.Node | undefined };
}

const infoMemo = new FileMemo<'types', TypeInfo>();

/** The file's type information, or undefined when it was parsed without a program. */
export function typeInfo(context: Context): TypeInfo | undefined {
  const services = context.sourceCode.parserServices as Services | undefined;
  const program = services?.program;
  const map = services?.esTreeNodeToTSNodeMap;
  if (!program || !map) return undefined;
  return infoMemo.get(context.sourceCode.ast, 'types', () => {
    const checker = program.getTypeChecker();
    return {
      typeOf(node) {
        const tsNode = map.get(node);
        return tsNode && checker.getTypeAtLocation(tsNode);
      },
    };
  });
}

/** A TypeScript enum of a constants library: its name, and the package whose types declare it. */
export interface LibraryEnum {
  readonly name: string;
  readonly module: string;
}

const unionParts = (type: ts.Type): readonly ts.Type[] => (type.isUnion() ? type.types : [type]);
const intersectionParts = (type: ts.Type): readonly ts.Type[] => (type.isIntersection() ? type.types : [type]);
const hasFlag = (type: ts.Type, flags: number): boolean => (type.flags & flags) !== 0;

/** A member of the library's enum: an enum literal type declared in that enum, in the library's own types. */
function isMemberOf(type: ts.Type, libraryEnum: LibraryEnum): boolean {
  if (!hasFlag(type, TYPE_FLAGS.EnumLiteral)) return false;
  const symbol = type.getSymbol();
  if (!symbol || (symbol.flags & SYMBOL_FLAGS.EnumMember) === 0) return false;
  const declaration = symbol.valueDeclaration?.parent as ts.EnumDeclaration | undefined;
  if (declaration?.name.text !== libraryEnum.name) return false;
  return declaration.getSourceFile().fileName.includes(`/node_modules/${libraryEnum.module}/`);
}

/** typescript-eslint's `isNumberLike`: every union part is (or is intersected with) a number, number literal or enum. */
function isNumberLike(type: ts.Type): boolean {
  return unionParts(type).every((part) => intersectionParts(part).some((piece) => hasFlag(piece, NUMBER_LIKE)));
}

/**
 * True when typescript-eslint's `no-unsafe-enum-comparison` would report comparing a value of `node`'s type (the
 * other side of `===`, or a `switch`'s discriminant) with a member of the library's number enum: its own test
 * (`isMismatchedEnumComparisonTypes`) with one side known to be that member. Not reported: a type with a member of
 * the same enum among its union parts (`StatusCodes`, `StatusCodes | undefined`), and a type that is not number-like
 * (`any`, `unknown`, `number | undefined`, a type parameter). Reported: a number-like type (`number`, `404`,
 * `200 | 404`, a branded number, another number enum), and a union with a member of another number enum in it.
 */
export function failsEnumComparison(info: TypeInfo, node: TSESTree.Node, libraryEnum: LibraryEnum): boolean {
  const type = info.typeOf(node);
  if (!type) return false;
  const parts = unionParts(type);
  if (parts.some((part) => isMemberOf(part, libraryEnum))) return false;
  if (parts.some((part) => hasFlag(part, ENUM_LIKE) && hasFlag(part, TYPE_FLAGS.NumberLiteral))) return true;
  return isNumberLike(type);
}
