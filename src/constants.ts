/**
 * Constants sources: the libraries (or the project's own module) whose named
 * members stand for status codes. For each: how a member is reached from an
 * import, how to write a new import in ESM and in CommonJS, and the local name
 * to give it.
 */
import { weakMemo } from './memo.js';
import { LIBRARY_MEMBERS, reasonPhrase, type LibraryId } from './status-table.js';

export type ImportStyle =
  /** `import { StatusCodes } from 'm'` / `const { StatusCodes } = require('m')` */
  | { readonly kind: 'named'; readonly exportName: string }
  /** `import httpStatus from 'm'` */
  | { readonly kind: 'default' }
  /** `import * as Status from 'm'` / `const Status = require('m')` */
  | { readonly kind: 'namespace' };

export interface ConstantsSource {
  /** The library id, or the user's module for a custom source. */
  readonly id: string;
  /** The module specifier written in new imports. */
  readonly module: string;
  /** Other specifiers of the same module (`http2` for `node:http2`). */
  readonly moduleAliases: readonly string[];
  readonly esm: ImportStyle;
  readonly cjs: ImportStyle;
  /** Export paths (from the module) that hold the members; the first is what new imports use. */
  readonly objectPaths: readonly (readonly string[])[];
  /** The local name new imports use, and fallbacks when it is taken. */
  readonly localNames: readonly string[];
  /** Member name per code; a code with no entry has no constant. */
  readonly members: Readonly<Partial<Record<number, string>>>;
  /** The members are typed `number` (not literal types), so they do not fit literal-union parameters. */
  readonly typedAsNumber: boolean;
  /**
   * The members are those of a TypeScript number enum of this name, declared in the module's types: comparing one
   * with a value of another type is what typescript-eslint's `no-unsafe-enum-comparison` reports.
   */
  readonly enumName?: string;
}

const KNOWN: Readonly<Record<LibraryId, Omit<ConstantsSource, 'members' | 'id'>>> = {
  'http-status-codes': {
    module: 'http-status-codes',
    moduleAliases: [],
    esm: { kind: 'named', exportName: 'StatusCodes' },
    cjs: { kind: 'named', exportName: 'StatusCodes' },
    objectPaths: [['StatusCodes'], []],
    localNames: ['StatusCodes', 'HttpStatusCodes', 'StatusCodesEnum'],
    typedAsNumber: false,
    enumName: 'StatusCodes',
  },
  'http-status': {
    module: 'http-status',
    moduleAliases: [],
    esm: { kind: 'default' },
    cjs: { kind: 'named', exportName: 'status' },
    objectPaths: [['default'], ['status'], []],
    localNames: ['httpStatus', 'HttpStatusCodes', 'httpStatusCodes'],
    typedAsNumber: false,
  },
  '@nestjs/common': {
    module: '@nestjs/common',
    moduleAliases: [],
    esm: { kind: 'named', exportName: 'HttpStatus' },
    cjs: { kind: 'named', exportName: 'HttpStatus' },
    objectPaths: [['HttpStatus']],
    localNames: ['HttpStatus', 'NestHttpStatus', 'HttpStatusCode'],
    typedAsNumber: false,
    enumName: 'HttpStatus',
  },
  'node:http2': {
    module: 'node:http2',
    moduleAliases: ['http2'],
    esm: { kind: 'named', exportName: 'constants' },
    cjs: { kind: 'named', exportName: 'constants' },
    objectPaths: [['constants'], ['default', 'constants']],
    localNames: ['constants', 'http2Constants', 'http2constants'],
    typedAsNumber: true,
  },
  'status-code-enum': {
    module: 'status-code-enum',
    moduleAliases: [],
    esm: { kind: 'named', exportName: 'StatusCode' },
    cjs: { kind: 'named', exportName: 'StatusCode' },
    objectPaths: [['StatusCode'], ['default']],
    localNames: ['StatusCode', 'HttpStatusCode', 'StatusCodeEnum'],
    typedAsNumber: false,
    enumName: 'StatusCode',
  },
};

export const LIBRARY_IDS = Object.keys(KNOWN) as LibraryId[];

export function librarySource(id: LibraryId): ConstantsSource {
  return { id, ...KNOWN[id], members: LIBRARY_MEMBERS[id] };
}

export const LIBRARY_SOURCES: readonly ConstantsSource[] = LIBRARY_IDS.map(librarySource);

/** A project's own constants module, as given in the `constants` option. */
export interface CustomConstantsOption {
  readonly module: string;
  readonly object: string;
  readonly import: 'named' | 'default' | 'namespace';
  readonly members?: Readonly<Record<string, string>>;
}

/** `NOT_FOUND` from "Not Found", `IM_A_TEAPOT` from "I'm a Teapot": the names a custom module has when it does not list its own. */
export function upperSnakeName(code: number): string | undefined {
  const phrase = reasonPhrase(code);
  if (!phrase) return undefined;
  return phrase
    .replaceAll("'", '')
    .replaceAll(/[^A-Za-z0-9]+/g, '_')
    .replaceAll(/^_|_$/g, '')
    .toUpperCase();
}

/**
 * The members of a custom module: the ones `members` lists, and for every other registered code its UPPER_SNAKE
 * reason phrase (unless `members` gives that name to a code of its own).
 */
export function customSource(option: CustomConstantsOption, registered: Iterable<number>): ConstantsSource {
  const listed = Object.entries(option.members ?? {});
  const listedNames = new Set(listed.map(([, name]) => name));
  const members: Partial<Record<number, string>> = {};
  for (const code of registered) {
    const name = upperSnakeName(code);
    if (name && !listedNames.has(name)) members[code] = name;
  }
  for (const [code, name] of listed) members[Number(code)] = name;
  const style: ImportStyle =
    option.import === 'named' ? { kind: 'named', exportName: option.object } : option.import === 'default' ? { kind: 'default' } : { kind: 'namespace' };
  const objectPath = option.import === 'named' ? [option.object] : option.import === 'default' ? ['default'] : [];
  return {
    id: option.module,
    module: option.module,
    moduleAliases: [],
    esm: style,
    cjs: style.kind === 'default' ? { kind: 'namespace' } : style,
    objectPaths: [objectPath],
    localNames: [option.object, `${option.object}Codes`, `Http${option.object}`],
    members,
    typedAsNumber: false,
  };
}

/** True when `module` names the source's module. */
export function isSourceModule(source: ConstantsSource, module: string): boolean {
  return module === source.module || source.moduleAliases.includes(module);
}

/** Member name to code, per source (built once per source object). */
const codeByName = weakMemo(
  (source: ConstantsSource): ReadonlyMap<string, number> => new Map(Object.entries(source.members).map(([code, member]) => [member as string, Number(code)])),
);

export function codeOfMember(source: ConstantsSource, name: string): number | undefined {
  return codeByName(source).get(name);
}

/** The code that `module` + export `path` names in `source`, if the path leads to one of its members. */
export function codeAtPath(source: ConstantsSource, module: string, path: readonly string[]): number | undefined {
  if (!isSourceModule(source, module) || path.length === 0) return undefined;
  const member = path.at(-1) as string;
  const objectPath = path.slice(0, -1);
  for (const candidate of source.objectPaths) {
    if (candidate.length === objectPath.length && candidate.every((segment, index) => segment === objectPath[index])) {
      return codeOfMember(source, member);
    }
  }
  return undefined;
}

/**
 * Words one of which every reference to a member of the source has in the file's text: the common prefix of its
 * members (`HTTP_STATUS_` for `node:http2`), else the object every import path goes through (`HttpStatus`), else
 * the module (which its import or `require` spells out).
 */
const markersFor = weakMemo((source: ConstantsSource): readonly string[] => {
  const names = Object.values(source.members).filter((name): name is string => name !== undefined);
  let prefix = names[0] ?? '';
  for (const name of names) while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
  if (prefix.length >= 6) return [prefix];
  const firsts = new Set(source.objectPaths.map((path) => path[0]));
  const [only] = firsts;
  if (firsts.size === 1 && only !== undefined && only !== 'default') return [only];
  return [source.module, ...source.moduleAliases];
});

/** Every library's markers have one of these in them: a file with neither is settled with two short scans. */
const STATUS_WORDS = ['tatus', 'TATUS'];
const hasStatusWord = (word: string): boolean => STATUS_WORDS.some((part) => word.includes(part));

/** Every marker of every source has a status word in it (true of the libraries), once per list of sources. */
const markedByStatusWords = weakMemo((sources: readonly ConstantsSource[]): boolean =>
  sources.every((source) => markersFor(source).every(hasStatusWord)),
);

/**
 * True when the file may name a member of one of `sources`: it imports or requires the source's module (`loaded`:
 * its import declarations and `require` calls) and its text has one of the source's markers. False means no
 * expression of the file resolves to a library constant, so a status there is a literal or a local constant bound
 * to one. A library loaded only with `import('m')` is not looked for (a scan of the text for it would cost more than
 * the rest of the rule on a large file).
 */
export function mayNameConstants(text: string, sources: readonly ConstantsSource[], loaded: () => ReadonlySet<string>): boolean {
  if (markedByStatusWords(sources) && !STATUS_WORDS.some((part) => text.includes(part))) return false;
  const modules = loaded();
  return sources.some(
    (source) =>
      (modules.has(source.module) || source.moduleAliases.some((alias) => modules.has(alias))) && markersFor(source).some((word) => text.includes(word)),
  );
}
