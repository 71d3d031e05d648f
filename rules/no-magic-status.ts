/**
 * `no-magic-status`: a status written as a bare number, where a named constant says what it means.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { constantTarget } from '../src/ast.js';
import { LIBRARY_IDS, LIBRARY_SOURCES, customSource, isSourceModule, type ConstantsSource, type CustomConstantsOption } from '../src/constants.js';
import { createRule } from '../src/create-rule.js';
import { SITES_OPTION_SCHEMA, fromOptions } from '../src/options.js';
import { ADAPTERS } from '../src/frameworks/index.js';
import { autoConstants, constantEdit, type AutoConstants } from '../src/import-fixer.js';
import { requiredModules, type Context } from '../src/origins.js';
import { canImport } from '../src/project.js';
import { visitStatusSites, type CustomSite, type StatusSite } from '../src/sites.js';
import { STATUS_CODES, reasonPhrase, type LibraryId } from '../src/status-table.js';
import type { StatusValue } from '../src/status-value.js';
import { isUnsafeEnumComparison } from '../src/type-info.js';

export type Options = [
  {
    constants?: 'auto' | LibraryId | CustomConstantsOption;
    allow?: number[];
    comparisons?: boolean;
    assertions?: boolean;
    sites?: CustomSite[];
  },
];

export type MessageIds =
  | 'useConstant'
  | 'useConstantForString'
  | 'installConstants'
  | 'installConstantsForString'
  | 'magicStatus'
  | 'magicStatusString'
  | 'noConstantsLibrary'
  | 'noConstantsLibraryForString'
  | 'unregisteredStatus'
  | 'suggestConstant';

const settings = fromOptions((options: Options[0]) => {
  const custom = typeof options.constants === 'object' ? customSource(options.constants, STATUS_CODES.keys()) : undefined;
  const library = LIBRARY_SOURCES.find((source) => source.id === options.constants);
  const configured = custom ?? library;
  return {
    allow: new Set(options.allow ?? []) as ReadonlySet<number>,
    /** What a configured `constants` offers in every file; `undefined` for `'auto'`, decided per file. */
    offer: configured ? ({ fix: configured } as AutoConstants) : undefined,
    /** A configured library: a file that cannot import it gets no edit. */
    library,
    sources: custom ? [custom] : [],
  };
});

/** The file imports or requires the source's module already: an edit adds no import. */
function importsSource(context: Context, source: ConstantsSource): boolean {
  for (const module of requiredModules(context.sourceCode)) if (isSourceModule(source, module)) return true;
  return false;
}

export default createRule<Options, MessageIds>({
  name: 'no-magic-status',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require named constants instead of magic numbers for HTTP status codes',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          constants: {
            description:
              "Where the constants come from: 'auto' (the library the file imports, else `HttpStatus` in a Nest file, else the one the nearest package.json declares), a library name, or a project's own module.",
            oneOf: [
              { type: 'string', enum: ['auto', ...LIBRARY_IDS], description: "'auto' or the name of a constants library." },
              {
                type: 'object',
                description: "A project's own constants module.",
                additionalProperties: false,
                required: ['module', 'object', 'import'],
                properties: {
                  module: { type: 'string', minLength: 1, description: 'The module specifier to import from.' },
                  object: { type: 'string', pattern: '^[A-Za-z_$][\\w$]*$', description: 'The name of the constants object (and of the local binding).' },
                  import: { type: 'string', enum: ['named', 'default', 'namespace'], description: 'How the object is imported.' },
                  members: {
                    type: 'object',
                    description:
                      'Member name per code; a code it does not list has its UPPER_SNAKE reason phrase (`NOT_FOUND`, `CONTENT_TOO_LARGE`), as when `members` is left out.',
                    patternProperties: { '^[1-5][0-9][0-9]$': { type: 'string', pattern: '^[A-Za-z_$][\\w$]*$' } },
                    additionalProperties: false,
                  },
                },
              },
            ],
          },
          allow: {
            type: 'array',
            description: 'Codes that are never reported.',
            items: { type: 'integer', minimum: 100, maximum: 599 },
            uniqueItems: true,
          },
          comparisons: { type: 'boolean', description: 'Also report statuses in comparisons (`res.status === 404`, `case 404:`).' },
          assertions: { type: 'boolean', description: 'Also report statuses in tests and mocks (`expect(res.status).toBe(404)`, `.expect(404)`, `.reply(404)`).' },
          sites: SITES_OPTION_SCHEMA,
        },
      },
    ],
    defaultOptions: [{ constants: 'auto', allow: [], comparisons: true, assertions: true, sites: [] }],
    messages: {
      useConstant: 'Use `{{constant}}` instead of the magic number {{code}} ({{phrase}}).',
      useConstantForString: "Use `{{constant}}` instead of the magic string '{{text}}' ({{phrase}}): a status is a number.",
      installConstants: 'Use `{{constant}}` instead of the magic number {{code}} ({{phrase}}); install `{{module}}` to get the fix.',
      installConstantsForString:
        "Use `{{constant}}` instead of the magic string '{{text}}' ({{phrase}}): a status is a number; install `{{module}}` to get the suggestion.",
      magicStatus: 'Use a named constant instead of the magic number {{code}} ({{phrase}}).',
      magicStatusString: "Use a named constant instead of the magic string '{{text}}' ({{phrase}}): a status is a number.",
      noConstantsLibrary:
        'Use a named constant instead of the magic number {{code}} ({{phrase}}); to get the fix, install a constants library (`npm install http-status-codes`) or set the `constants` option.',
      noConstantsLibraryForString:
        "Use a named constant instead of the magic string '{{text}}' ({{phrase}}): a status is a number; to get a suggestion, install a constants library (`npm install http-status-codes`) or set the `constants` option.",
      unregisteredStatus: 'Use a named constant of your own instead of the magic number {{code}}, or list it in `allow`: it is not a registered HTTP status code.',
      suggestConstant: 'Replace with `{{constant}}` from `{{module}}`.',
    },
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const { allow, offer, library, sources } = settings(options);
    let choice = offer;
    /** The configured library cannot be imported where the file is (asked once per file, on the first report). */
    let missing: boolean | undefined;

    const report = (site: StatusSite, value: StatusValue): void => {
      // `res.redirect(404)` is a URL, not a status: a constant would not say what it means (valid-status reports it).
      if (value.kind === 'constant' || site.urlArgument) return;
      const code = value.value;
      if (code === undefined || !Number.isInteger(code) || code < 100 || code > 599 || allow.has(code)) return;
      const target = constantTarget(site.status, value.node);
      const phrase = reasonPhrase(code);
      const text = value.kind === 'string' ? value.text : '';
      if (phrase === undefined) {
        context.report({ node: value.node, messageId: 'unregisteredStatus', data: { code } });
        return;
      }
      choice ??= autoConstants(context);
      const source = 'fix' in choice ? choice.fix : undefined;
      // No edit when the library has no constant for the code, or every local name for it is taken: reported without one.
      const edit = source && constantEdit(context, source, code, target);
      if (source && edit && source === library) {
        missing ??= !importsSource(context, library) && canImport((context.physicalFilename as string | undefined) ?? context.filename, library.module) === false;
        if (missing) {
          context.report({
            node: value.node,
            messageId: value.kind === 'string' ? 'installConstantsForString' : 'installConstants',
            data: { constant: edit.text, code, phrase, text, module: library.module },
          });
          return;
        }
      }
      if (source && edit) {
        const asSuggestion =
          value.kind === 'string' || (source.typedAsNumber && site.literalTypes === true) || isUnsafeEnumComparison(context, site, source);
        const suggestion: TSESLint.SuggestionReportDescriptor<MessageIds> = {
          messageId: 'suggestConstant',
          data: { constant: edit.text, module: source.module },
          fix: edit.fix,
        };
        context.report({
          node: value.node,
          messageId: value.kind === 'string' ? 'useConstantForString' : 'useConstant',
          data: { constant: edit.text, code, phrase, text },
          ...(asSuggestion ? { suggest: [suggestion] } : { fix: edit.fix }),
        });
        return;
      }
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      for (const candidate of 'suggest' in choice ? choice.suggest : []) {
        const candidateEdit = constantEdit(context, candidate, code, target);
        if (candidateEdit) {
          suggest.push({ messageId: 'suggestConstant', data: { constant: candidateEdit.text, module: candidate.module }, fix: candidateEdit.fix });
        }
      }
      // 'auto' found no library to fix with and nothing to suggest: the message says how to get one.
      const noLibrary = !source && suggest.length === 0;
      context.report({
        node: value.node,
        messageId:
          value.kind === 'string' ? (noLibrary ? 'noConstantsLibraryForString' : 'magicStatusString') : noLibrary ? 'noConstantsLibrary' : 'magicStatus',
        data: { code, phrase, text },
        suggest,
      });
    };

    return visitStatusSites(
      context,
      ADAPTERS,
      {
        comparisons: options.comparisons ?? true,
        assertions: options.assertions ?? true,
        sites: options.sites ?? [],
        sources,
        literalsOnly: true,
        accepts: (code) => Number.isInteger(code) && code >= 100 && code <= 599 && !allow.has(code),
      },
      (site, value) => {
        if (value) report(site, value);
      },
    );
  },
});
