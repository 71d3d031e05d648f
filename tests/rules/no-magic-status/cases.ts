/**
 * Turns templates into RuleTester cases: the expected report, fix and
 * suggestions of a status written at a site, for a configured library or for
 * 'auto'. Every expectation comes from the template text and the hand-written
 * member tables.
 */
import type { InvalidTestCase, TestCaseError, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { MessageIds, Options } from '../../../rules/no-magic-status.js';
import { isCommonJSFile, markPosition, place, withImport } from './expect.js';
import { LIBRARIES, library, memberOf, phraseOf, type Library } from './libraries.js';
import type { SiteTemplate } from './sites.js';

export type Invalid = InvalidTestCase<MessageIds, Options>;
export type Valid = ValidTestCase<Options>;
export type Expected = TestCaseError<MessageIds>;
type Suggestion = NonNullable<Expected['suggestions']>[number];

/** How a status is written: `404`, or the digit string `'404'`. */
export type Spelling = 'number' | 'string';

export const written = (code: number, spelling: Spelling): string => (spelling === 'string' ? `'${code}'` : String(code));

/** The library a file uses in 'auto' mode: the first one it imports, else `@nestjs/common` if it imports that module at all. */
export function autoLibrary(code: string): Library | undefined {
  const modules = [...code.matchAll(/^(?:import\s(?!type\s).*\sfrom\s+|(?:const|let|var)\s.*=\s*require\()(['"])([^'"]+)\1/gm)].map((match) => match[2]);
  for (const module of modules) {
    const lib = LIBRARIES.find((candidate) => candidate.id !== '@nestjs/common' && (candidate.module === module || `node:${module}` === candidate.module));
    if (lib) return lib;
  }
  return modules.includes('@nestjs/common') ? library('@nestjs/common') : undefined;
}

/** `lib`'s constant for `code`, as a new import writes it. */
export function constantOf(lib: Library, code: number, local = lib.local): string | undefined {
  const member = memberOf(lib, code);
  return member === undefined ? undefined : `${local}.${member}`;
}

export function suggestion(lib: Library, constant: string, output: string): Suggestion {
  return { messageId: 'suggestConstant', data: { constant, module: lib.module }, output };
}

interface Report {
  readonly error: Expected;
  readonly output: string | null;
}

/**
 * The report for `code` at the mark of `template` (the whole file), when the fix uses `lib`
 * (configured, or picked by 'auto'); `reference` is how the file reaches the constants
 * object when it already imports it (then no import is added).
 */
export function reportWith(
  template: string,
  code: number,
  spelling: Spelling,
  lib: Library,
  options: { literalTypes?: boolean; filename?: string; reference?: string; local?: string } = {},
): Report {
  const { line, column } = markPosition(template);
  const phrase = phraseOf(code);
  const member = memberOf(lib, code);
  const text = String(code);
  if (member === undefined) {
    return {
      error: { messageId: spelling === 'string' ? 'magicStatusString' : 'magicStatus', data: { code, phrase, text }, line, column, suggestions: [] },
      output: null,
    };
  }
  const constant = `${options.reference ?? options.local ?? lib.local}.${member}`;
  const replaced = place(template, constant);
  const fixed = options.reference ? replaced : withImport(replaced, lib, isCommonJSFile(template, options.filename), options.local);
  const data = { constant, code, phrase, text };
  if (spelling === 'string' || (lib.typedAsNumber && options.literalTypes)) {
    return {
      error: { messageId: spelling === 'string' ? 'useConstantForString' : 'useConstant', data, line, column, suggestions: [suggestion(lib, constant, fixed)] },
      output: null,
    };
  }
  return { error: { messageId: 'useConstant', data, line, column, suggestions: [] }, output: fixed };
}

/**
 * The report for `code` when no library is chosen: one suggestion per library of `libs` (by default every library,
 * as for a file with no `package.json`) that has the code, each the full fix.
 */
export function reportWithoutLibrary(template: string, code: number, spelling: Spelling, filename?: string, libs: readonly Library[] = LIBRARIES): Report {
  const { line, column } = markPosition(template);
  const cjs = isCommonJSFile(template, filename);
  const suggestions: Suggestion[] = [];
  for (const lib of libs) {
    const constant = constantOf(lib, code);
    if (constant) suggestions.push(suggestion(lib, constant, withImport(place(template, constant), lib, cjs)));
  }
  return {
    error: {
      // With nothing to suggest, the message says how to get the fix.
      messageId:
        spelling === 'string'
          ? suggestions.length > 0
            ? 'magicStatusString'
            : 'noConstantsLibraryForString'
          : suggestions.length > 0
            ? 'magicStatus'
            : 'noConstantsLibrary',
      data: { code, phrase: phraseOf(code), text: String(code) },
      line,
      column,
      suggestions,
    },
    output: null,
  };
}

/** A site template with `code` written in, as an invalid case for `constants` (a library id or 'auto'). */
export function siteCase(site: SiteTemplate, code: number, spelling: Spelling, constants: Library | 'auto'): Invalid {
  const template = place(site.code, '§');
  const source = place(site.code, written(code, spelling));
  const lib = constants === 'auto' ? autoLibrary(site.code) : constants;
  const report = lib
    ? reportWith(template, code, spelling, lib, { literalTypes: site.literalTypes === true, ...(site.filename ? { filename: site.filename } : {}) })
    : reportWithoutLibrary(template, code, spelling, site.filename);
  return {
    name: `${site.name}: ${written(code, spelling)} with ${constants === 'auto' ? 'auto' : constants.id}`,
    code: source,
    ...(site.filename ? { filename: site.filename } : {}),
    options: [constants === 'auto' ? { ...site.options } : { ...site.options, constants: constants.id }],
    output: report.output,
    errors: [report.error],
  };
}

/** The code each fix (and suggestion) of an invalid case leaves: already fixed, so it must be valid under the same options. */
export function fixedCodes(testCase: Invalid): string[] {
  const outputs: string[] = [];
  if (typeof testCase.output === 'string') outputs.push(testCase.output);
  else if (Array.isArray(testCase.output)) outputs.push(testCase.output.at(-1) as string);
  for (const error of testCase.errors) for (const suggested of error.suggestions ?? []) outputs.push(suggested.output);
  return outputs;
}

/** Drops cases that repeat another's code, filename and options (the RuleTester refuses duplicates). */
export function unique<T extends { code: string; filename?: string; options?: unknown }>(cases: readonly T[]): T[] {
  const seen = new Set<string>();
  return cases.filter((testCase) => {
    const key = JSON.stringify([testCase.code, testCase.filename ?? null, testCase.options ?? null]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
