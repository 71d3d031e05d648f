/**
 * Status sites: every place where code sets, sends, throws, compares or asserts
 * an HTTP status. Framework adapters (src/frameworks/) turn syntax into sites;
 * rules ask questions of sites and never match framework syntax themselves.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, propertyName, unwrap, type Node } from './ast.js';
import type { ConstantsSource } from './constants.js';
import { requiredModule, type Context } from './origins.js';
import { readsAsStatus, resolveStatus, type StatusValue } from './status-value.js';

export type Framework =
  | 'express'
  | 'node-http'
  | 'http-errors'
  | 'lambda'
  | 'fastify'
  | 'koa'
  | 'nest'
  | 'hono'
  | 'fetch'
  | 'next'
  | 'remix'
  | 'msw'
  | 'sveltekit'
  | 'h3'
  | 'elysia'
  | 'hapi'
  | 'test'
  | 'custom';

/**
 * - `response`: the status of a response that is sent, thrown or returned.
 * - `comparison`: a status compared with `===`, `!==`, `==`, `!=` or `case`.
 * - `assertion`: a status expected by a test or answered by a mock.
 */
export type SiteKind = 'response' | 'comparison' | 'assertion';

export interface StatusSite {
  readonly framework: Framework;
  readonly kind: SiteKind;
  /** The expression that gives the status. */
  readonly status: Node;
  /** The whole site: the call, `new`, assignment, decorator call or object property. */
  readonly node: Node;
  /** The response object (`res`, `reply`, `ctx`, `c`), when the site has one. */
  readonly response?: Node;
  /** The API types its status as a union of literal codes: a `number`-typed constant does not fit. */
  readonly literalTypes?: boolean;
  /** The site is a redirect helper that sets `Location` itself. */
  readonly redirect?: boolean;
}

/** What adapters get: the rule's context and memoized status resolution. */
export interface SiteContext {
  readonly context: Context;
  resolve(node: Node): StatusValue | undefined;
  /** An integer 100 to 599, or a known constant: what a generic method name needs to count. */
  readsAsStatus(node: Node | undefined): boolean;
}

type Found = StatusSite | readonly StatusSite[] | undefined;
export type CallMatcher = (call: TSESTree.CallExpression, sites: SiteContext) => Found;
export type NewMatcher = (expression: TSESTree.NewExpression, sites: SiteContext) => Found;
export type AssignmentMatcher = (assignment: TSESTree.AssignmentExpression, target: TSESTree.MemberExpression, sites: SiteContext) => Found;
export type PropertyMatcher = (property: TSESTree.Property, sites: SiteContext) => Found;

export interface Adapter {
  readonly framework: Framework;
  /** By callee name: `status` matches `res.status(...)`, `error` matches `error(...)`. */
  readonly calls?: Readonly<Record<string, CallMatcher>>;
  /** By constructor name. */
  readonly news?: Readonly<Record<string, NewMatcher>>;
  /** By the assigned property's name: `statusCode` matches `res.statusCode = 500`. */
  readonly assignments?: Readonly<Record<string, AssignmentMatcher>>;
  /** By key, for object literals that are responses on their own (Lambda results). */
  readonly properties?: Readonly<Record<string, PropertyMatcher>>;
  readonly comparisons?: (node: TSESTree.BinaryExpression | TSESTree.SwitchCase, sites: SiteContext) => Found;
  /**
   * Imports whose local name may differ from the name the matchers are keyed by:
   * module, then export (`default`, `*` for the namespace or `require`'s value, or a name), then the key.
   * `import HttpError from 'http-errors'` makes `HttpError(404)` dispatch as `createError`.
   */
  readonly imports?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface SiteOptions {
  readonly comparisons?: boolean;
  readonly assertions?: boolean;
  /** A project's own helpers: `{ callee: 'sendError', argument: 1 }`. */
  readonly sites?: readonly { readonly callee: string; readonly argument: number }[];
  /** Extra constants sources to resolve (a custom `constants` option). */
  readonly sources?: readonly ConstantsSource[];
}

interface Dispatch {
  readonly calls: Map<string, CallMatcher[]>;
  readonly news: Map<string, NewMatcher[]>;
  readonly assignments: Map<string, AssignmentMatcher[]>;
  readonly properties: Map<string, PropertyMatcher[]>;
  readonly comparisons: NonNullable<Adapter['comparisons']>[];
  readonly imports: Map<string, Map<string, string>>;
}

function index<T>(target: Map<string, T[]>, entries: Readonly<Record<string, T>> | undefined): void {
  if (!entries) return;
  for (const [name, matcher] of Object.entries(entries)) {
    const list = target.get(name);
    if (list) list.push(matcher);
    else target.set(name, [matcher]);
  }
}

export function buildDispatch(adapters: readonly Adapter[]): Dispatch {
  const dispatch: Dispatch = { calls: new Map(), news: new Map(), assignments: new Map(), properties: new Map(), comparisons: [], imports: new Map() };
  for (const adapter of adapters) {
    index(dispatch.calls, adapter.calls);
    index(dispatch.news, adapter.news);
    index(dispatch.assignments, adapter.assignments);
    index(dispatch.properties, adapter.properties);
    if (adapter.comparisons) dispatch.comparisons.push(adapter.comparisons);
    for (const [module, exports] of Object.entries(adapter.imports ?? {})) {
      const known = dispatch.imports.get(module) ?? new Map<string, string>();
      for (const [exported, key] of Object.entries(exports)) known.set(exported, key);
      dispatch.imports.set(module, known);
    }
  }
  return dispatch;
}

/** What a node with no site gives: one shared empty list, so that the listeners allocate nothing for it. */
const NONE: readonly StatusSite[] = [];

function firstFound<N>(matchers: readonly ((node: N, sites: SiteContext) => Found)[] | undefined, node: N, sites: SiteContext): readonly StatusSite[] {
  if (!matchers) return NONE;
  for (const matcher of matchers) {
    const found = matcher(node, sites);
    if (found) return Array.isArray(found) ? found : [found as StatusSite];
  }
  return NONE;
}

/**
 * What every rule of a file shares: the site context (and its resolution cache), the import aliases, and the
 * sites the matchers found per node. Rules that visit with the same adapters and no extra constants sources
 * find the same sites, so the matchers run once per node for all of them, not once per rule.
 */
interface FileSites {
  readonly sites: SiteContext;
  readonly found: Map<Node, readonly StatusSite[]>;
  aliases: ReadonlyMap<string, string> | undefined;
}

const fileSitesCache = new WeakMap<TSESTree.Program, Map<readonly Adapter[], FileSites>>();

function fileSites(context: Context, adapters: readonly Adapter[], sources: readonly ConstantsSource[]): FileSites {
  if (sources.length > 0) return { sites: createSiteContext(context, sources), found: new Map(), aliases: undefined };
  const program = context.sourceCode.ast;
  let byAdapters = fileSitesCache.get(program);
  if (!byAdapters) {
    byAdapters = new Map();
    fileSitesCache.set(program, byAdapters);
  }
  let shared = byAdapters.get(adapters);
  if (!shared) {
    shared = { sites: createSiteContext(context, sources), found: new Map(), aliases: undefined };
    byAdapters.set(adapters, shared);
  }
  return shared;
}

function createSiteContext(context: Context, sources: readonly ConstantsSource[]): SiteContext {
  const cache = new Map<Node, StatusValue | undefined>();
  const resolve = (node: Node): StatusValue | undefined => {
    if (cache.has(node)) return cache.get(node);
    const value = resolveStatus(context, node, sources);
    cache.set(node, value);
    return value;
  };
  return {
    context,
    resolve,
    readsAsStatus: (node) => node !== undefined && branchesOf(node).some((branch) => readsAsStatus(resolve(branch))),
  };
}

/** The text of a callee as a dotted path (`res.status`, `sendError`), for the `sites` option. */
function calleePath(callee: Node): string | undefined {
  const target = unwrap(callee);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(target);
    const object = calleePath(target.object);
    return name !== undefined && object !== undefined ? `${object}.${name}` : undefined;
  }
  return undefined;
}

/**
 * A rule listener that calls `onSite` for every status site in the file, once per site.
 * The listener does a map lookup per call, `new`, assignment and property, and
 * resolves values only for candidates.
 */
export function visitStatusSites(
  context: Context,
  adapters: readonly Adapter[],
  options: SiteOptions,
  onSite: (site: StatusSite, value: StatusValue | undefined, sites: SiteContext) => void,
): TSESLint.RuleListener {
  const dispatch = dispatchFor(adapters);
  const shared = fileSites(context, adapters, options.sources ?? []);
  const { sites } = shared;
  /** The sites a node gives, from the file's cache, or found now (and cached for the other rules). */
  const match = <N extends Node>(matchers: readonly ((node: N, sites: SiteContext) => Found)[], node: N): readonly StatusSite[] => {
    let found = shared.found.get(node);
    if (found === undefined) {
      found = firstFound(matchers, node, sites);
      shared.found.set(node, found);
    }
    return found;
  };
  const wantComparisons = options.comparisons !== false;
  const wantAssertions = options.assertions !== false;
  const customSites = new Map<string, number[]>();
  for (const site of options.sites ?? []) {
    const list = customSites.get(site.callee) ?? [];
    list.push(site.argument);
    customSites.set(site.callee, list);
  }
  const lastNames = new Set([...customSites.keys()].map((path) => path.slice(path.lastIndexOf('.') + 1)));
  const seen = new Set<Node>();
  let aliases: ReadonlyMap<string, string> = new Map();
  const keyOf = (callee: Node): string | undefined => {
    const name = calleeName(callee);
    if (name === undefined || aliases.size === 0 || unwrap(callee).type !== AST_NODE_TYPES.Identifier) return name;
    return aliases.get(name) ?? name;
  };

  const emit = (found: readonly StatusSite[]): void => {
    for (const site of found) {
      if (site.kind === 'comparison' && !wantComparisons) continue;
      if (site.kind === 'assertion' && !wantAssertions) continue;
      for (const branch of splitBranches(site)) {
        if (seen.has(branch.status)) continue;
        seen.add(branch.status);
        onSite(branch, sites.resolve(branch.status), sites);
      }
    }
  };

  const custom = (call: TSESTree.CallExpression): void => {
    const path = calleePath(call.callee);
    const positions = path === undefined ? undefined : customSites.get(path);
    if (!positions) return;
    const found: StatusSite[] = [];
    for (const position of positions) {
      const argument = call.arguments[position];
      if (argument && argument.type !== AST_NODE_TYPES.SpreadElement) {
        found.push({ framework: 'custom', kind: 'response', status: argument, node: call });
      }
    }
    emit(found);
  };

  const listener: TSESLint.RuleListener = {
    Program(program) {
      shared.aliases ??= importAliases(program, dispatch.imports);
      aliases = shared.aliases;
    },
    CallExpression(node) {
      const name = keyOf(node.callee);
      if (name === undefined) return;
      const matchers = dispatch.calls.get(name);
      if (matchers) emit(match(matchers, node));
      if (lastNames.has(name)) custom(node);
    },
    NewExpression(node) {
      const name = keyOf(node.callee);
      if (name === undefined) return;
      const matchers = dispatch.news.get(name);
      if (matchers) emit(match(matchers, node));
    },
    AssignmentExpression(node) {
      if (node.operator !== '=' || node.left.type !== AST_NODE_TYPES.MemberExpression) return;
      const name = propertyName(node.left);
      if (name === undefined) return;
      const matchers = dispatch.assignments.get(name);
      if (!matchers) return;
      const target = node.left;
      let found = shared.found.get(node);
      if (found === undefined) {
        found = NONE;
        for (const matcher of matchers) {
          const result = matcher(node, target, sites);
          if (result) {
            found = Array.isArray(result) ? result : [result as StatusSite];
            break;
          }
        }
        shared.found.set(node, found);
      }
      emit(found);
    },
    Property(node) {
      if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
      const { key } = node;
      const name = key.type === AST_NODE_TYPES.Identifier && !node.computed ? key.name : undefined;
      if (name === undefined) return;
      const matchers = dispatch.properties.get(name);
      if (matchers) emit(match(matchers, node));
    },
  };
  if (wantComparisons && dispatch.comparisons.length > 0) {
    const compare = (node: TSESTree.BinaryExpression | TSESTree.SwitchCase): void => {
      emit(match(dispatch.comparisons, node));
    };
    listener.BinaryExpression = (node) => {
      if (node.operator === '===' || node.operator === '!==' || node.operator === '==' || node.operator === '!=') compare(node);
    };
    listener.SwitchCase = (node) => {
      if (node.test) compare(node);
    };
  }
  return listener;
}

const dispatchCache = new WeakMap<readonly Adapter[], Dispatch>();

function dispatchFor(adapters: readonly Adapter[]): Dispatch {
  let dispatch = dispatchCache.get(adapters);
  if (!dispatch) {
    dispatch = buildDispatch(adapters);
    dispatchCache.set(adapters, dispatch);
  }
  return dispatch;
}

/** Local names of imports (and top-level requires) that dispatch under another key. */
function importAliases(program: TSESTree.Program, imports: ReadonlyMap<string, ReadonlyMap<string, string>>): Map<string, string> {
  const aliases = new Map<string, string>();
  const note = (module: string, exported: string, local: string): void => {
    const key = imports.get(module)?.get(exported);
    if (key !== undefined && key !== local) aliases.set(local, key);
  };
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      const module = statement.source.value;
      if (!imports.has(module)) continue;
      for (const specifier of statement.specifiers) {
        const exported =
          specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier
            ? 'default'
            : specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier
              ? '*'
              : specifier.imported.type === AST_NODE_TYPES.Identifier
                ? specifier.imported.name
                : String(specifier.imported.value);
        note(module, exported, specifier.local.name);
      }
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const module = declarator.init ? requiredModule(declarator.init) : undefined;
        if (module === undefined || !imports.has(module)) continue;
        if (declarator.id.type === AST_NODE_TYPES.Identifier) note(module, '*', declarator.id.name);
        else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
          for (const property of declarator.id.properties) {
            if (property.type !== AST_NODE_TYPES.Property || property.key.type !== AST_NODE_TYPES.Identifier) continue;
            const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
            if (value.type === AST_NODE_TYPES.Identifier) note(module, property.key.name, value.name);
          }
        }
      }
    }
  }
  return aliases;
}

/**
 * The expressions a status can come from: `cond ? 404 : 500` gives both branches,
 * `err.status ?? 500` and `err.status || 500` give both sides. Anything else is itself.
 */
export function branchesOf(node: Node): Node[] {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.ConditionalExpression) return [...branchesOf(target.consequent), ...branchesOf(target.alternate)];
  if (target.type === AST_NODE_TYPES.LogicalExpression && (target.operator === '??' || target.operator === '||')) {
    return [...branchesOf(target.left), ...branchesOf(target.right)];
  }
  return [target];
}

/** A site whose status is a conditional becomes one site per branch. */
function splitBranches(site: StatusSite): StatusSite[] {
  const branches = branchesOf(site.status);
  if (branches.length === 1) return [site];
  return branches.map((status) => ({ ...site, status }));
}
