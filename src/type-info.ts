/**
 * What the type checker says, in a file linted with type information (typescript-eslint's parser with
 * `parserOptions.project` or `projectService`). Everything here sits behind `typeInfo(context)`: in a file without a
 * program (espree, the TypeScript parser without a project, oxlint's empty services) it costs two property reads.
 *
 * TypeScript is not loaded here: the program and its checker come from the parser, and types are asked through
 * their own methods (`isUnion()`, `isNumberLiteral()`, `getSymbol()`) and the checker's, never by `ts.TypeFlags`
 * numbers, which differ between TypeScript versions (5 and 6 number them differently).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { ConstantsSource } from './constants.js';
import type * as ts from 'typescript';
import { FileMemo } from './memo.js';
import type { Context } from './origins.js';
import type { StatusSite } from './sites.js';

export interface TypeInfo {
  /** The type of an ESTree node, as the checker sees it. */
  typeOf(node: TSESTree.Node): ts.Type | undefined;
  /** True for the type `number` itself. */
  isNumber(type: ts.Type): boolean;
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
    // `getNumberType` is public from TypeScript 5.x; before, the intrinsic type is known by its name.
    const numberType = typeof checker.getNumberType === 'function' ? checker.getNumberType() : undefined;
    return {
      typeOf(node) {
        const tsNode = map.get(node);
        return tsNode && checker.getTypeAtLocation(tsNode);
      },
      isNumber: numberType ? (type) => type === numberType : (type) => checker.typeToString(type) === 'number',
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

/**
 * A member of a number enum: a number literal type with a symbol (the checker gives a symbol to the literal type
 * of an enum member only; `404` has none).
 */
const isNumberEnumMember = (type: ts.Type): boolean => type.isNumberLiteral() && type.getSymbol() !== undefined;

/** A member of the library's enum: declared in an enum of that name, in the library's own types. */
function isMemberOf(type: ts.Type, libraryEnum: LibraryEnum): boolean {
  if (!isNumberEnumMember(type)) return false;
  const declaration = type.getSymbol()?.valueDeclaration?.parent as ts.EnumDeclaration | undefined;
  if (declaration?.name?.text !== libraryEnum.name) return false;
  return declaration.getSourceFile().fileName.includes(`/node_modules/${libraryEnum.module}/`);
}

/**
 * typescript-eslint's `isNumberLike`: every union part is (or is intersected with) `number`, a number literal or a
 * number enum member. (A non-union enum, one with computed members, is the one number-like type not seen here.)
 */
function isNumberLike(info: TypeInfo, type: ts.Type): boolean {
  return unionParts(type).every((part) => intersectionParts(part).some((piece) => piece.isNumberLiteral() || info.isNumber(piece)));
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
  if (parts.some(isNumberEnumMember)) return true;
  return isNumberLike(info, type);
}

/**
 * The other side of a comparison site (`x.status` in `x.status === 404`, the discriminant of a `case 404:`), whose
 * type decides whether an enum member fits there; `undefined` for every other site (a call, an assertion).
 */
function comparedWith(site: StatusSite): TSESTree.Node | undefined {
  const { node, status } = site;
  if (node.type === AST_NODE_TYPES.SwitchCase) return node.parent.discriminant;
  if (node.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  const inLeft = node.left.range[0] <= status.range[0] && status.range[1] <= node.left.range[1];
  return inLeft ? node.right : node.left;
}

/**
 * True when the library's constant would be an enum member compared with a value of another type, which typescript-
 * eslint's `no-unsafe-enum-comparison` reports: asked only where the file has type information.
 */
export function isUnsafeEnumComparison(context: Context, site: StatusSite, source: ConstantsSource): boolean {
  if (source.enumName === undefined) return false;
  const other = comparedWith(site);
  if (!other) return false;
  const info = typeInfo(context);
  return info !== undefined && failsEnumComparison(info, other, { name: source.enumName, module: source.module });
}
