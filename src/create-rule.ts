import type { TSESLint } from '@typescript-eslint/utils';

/** What each rule's `meta.docs` says; the configs are built from it. */
export interface RuleDocs {
  readonly description: string;
  /** In `recommended` (and so in `strict`). */
  readonly recommended?: boolean;
  /** In `strict`. */
  readonly strict?: boolean;
}

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-http-status/eslint-plugin-http-status';

export const docsUrl = (name: string): string => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`;

/** A rule as written in rules/: typescript-eslint's `RuleCreator` input, with `meta.docs` of this plugin's shape. */
export interface RuleSpec<Options extends readonly unknown[], MessageIds extends string> {
  readonly name: string;
  readonly meta: { readonly docs: RuleDocs } & Omit<TSESLint.RuleMetaData<MessageIds, RuleDocs, Options>, 'docs'>;
  readonly defaultOptions?: Readonly<Options>;
  readonly create: (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, options: Readonly<Options>) => TSESLint.RuleListener;
}

/** Distinct option sets kept per rule: a config has a handful (one per override block), never thousands. */
const MAX_OPTION_SETS = 64;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * What typescript-eslint's `ESLintUtils.RuleCreator` does (the docs URL, `meta.defaultOptions` merged into the
 * options), written here so that no part of typescript-eslint but its AST types is needed at run time; and the options merged once per distinct
 * `context.options` instead of on every file: its `create` clones and deep-merges the defaults each time it runs,
 * which is once per rule per file linted, and in an editor once per keystroke. The merged options are frozen, so
 * no file can change what the next one sees.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  spec: RuleSpec<Options, MessageIds>,
): TSESLint.RuleModule<MessageIds, Options, RuleDocs> & { name: string } {
  const defaults = (spec.meta.defaultOptions ?? spec.defaultOptions ?? []) as Options;
  /** The option sets seen (as given, cloned) and their merged form. */
  const seen: { given: unknown; merged: Options }[] = [];
  // ESLint 9.15+ merges `meta.defaultOptions` into each file's options (a new array per file), and for a rule
  // configured without options the new array holds the very objects of `meta.defaultOptions`: frozen here, they are
  // known by identity, with no comparison.
  const metaDefaults = spec.meta.defaultOptions ? deepFreeze(spec.meta.defaultOptions) : undefined;
  let defaultsMerged: Options | undefined;
  const optionsFor = (options: readonly unknown[]): Options => {
    if (metaDefaults && isSameElements(options, metaDefaults)) return (defaultsMerged ??= mergedFor(metaDefaults));
    return mergedFor(options);
  };
  const mergedFor = (options: readonly unknown[]): Options => {
    for (const entry of seen) if (sameJson(entry.given, options)) return entry.merged;
    const merged = deepFreeze(applyDefault(defaults, options));
    if (seen.length >= MAX_OPTION_SETS) seen.length = 0;
    seen.push({ given: structuredClone(options), merged });
    return merged;
  };
  return {
    name: spec.name,
    meta: { ...spec.meta, docs: { ...spec.meta.docs, url: docsUrl(spec.name) } },
    // ESLint 8 reads `defaultOptions` off the rule (typescript-eslint's RuleCreator keeps it too).
    defaultOptions: defaults,
    create: (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>) => spec.create(context, optionsFor(context.options)),
  };
}

/** typescript-eslint's `applyDefault`: each option an object is deep-merged into its default, any other replaces it. */
function applyDefault<Options extends readonly unknown[]>(defaults: Options, given: readonly unknown[]): Options {
  const merged = structuredClone(defaults) as unknown as unknown[];
  for (let index = 0; index < merged.length; index++) {
    const option = given[index];
    if (option === undefined) continue;
    const fallback = merged[index];
    merged[index] = isPlainObject(option) && isPlainObject(fallback) ? deepMerge(fallback, option) : option;
  }
  return merged as unknown as Options;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A new object: `second`'s values over `first`'s, objects merged key by key. */
function deepMerge(first: Record<string, unknown>, second: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...first };
  for (const [key, value] of Object.entries(second)) {
    const base = merged[key];
    merged[key] = Object.hasOwn(first, key) && isPlainObject(base) && isPlainObject(value) ? deepMerge(base, value) : value;
  }
  return merged;
}

/** The same elements, by identity. */
function isSameElements(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/** Deep equality of JSON values (what rule options are, once ESLint has validated them). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!sameJson(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) {
    if (!Object.hasOwn(b, key) || !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
