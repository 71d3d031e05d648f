/**
 * Status sites: every place where code sets, sends, throws, compares or asserts
 * an HTTP status. Framework adapters (src/frameworks/) turn syntax into sites;
 * rules ask questions of sites and never match framework syntax themselves.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { calleeName, enumMemberName, isDigits, isValueWrapper, keyName, objectProperty, propertyName, unwrap, type Node } from './ast.js';
import { LIBRARY_SOURCES, mayNameConstants, type ConstantsSource } from './constants.js';
import { FileMemo, weakMemo } from './memo.js';
import { constInitializer, requiredModule, requiredModules, variableOf, type Context } from './origins.js';
import { readsAsStatus, resolveStatus, type StatusValue } from './status-value.js';
import type { Adapter, AssignmentMatcher, CallMatcher, Found, Framework, NewMatcher, PropertyMatcher, SiteContext } from './frameworks/adapter.js';

export type { Adapter, AssignmentMatcher, CallMatcher, Found, Framework, NewMatcher, PropertyMatcher, SiteContext } from './frameworks/adapter.js';

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
  /**
   * The site declares a status that an API may answer with (`@ApiResponse({ status: 202 })`): it documents a
   * response and is none. Rules about the number read it; rules about what a response does skip it.
   */
  readonly declaration?: boolean;
  /**
   * The number stands where the API takes a URL: Express's `res.redirect(404)` redirects to the URL "404". Rules about
   * the number's validity read it; it is no response's status.
   */
  readonly urlArgument?: boolean;
}

/** A site that sets the status of a response the code sends: not a comparison, an assertion, a declaration or a URL. */
export function isResponseSite(site: StatusSite): boolean {
  return site.kind === 'response' && site.declaration !== true && site.urlArgument !== true;
}

export interface SiteOptions {
  readonly comparisons?: boolean;
  readonly assertions?: boolean;
  /** A project's own helpers: `{ callee: 'sendError', argument: 1 }`. */
  readonly sites?: readonly CustomSite[];
  /** Extra constants sources to resolve (a custom `constants` option). */
  readonly sources?: readonly ConstantsSource[];
  /**
   * The codes the rule has something to say about (`(code) => code === 429`): a literal of another code is not
   * looked at. Sites of other statuses may still be passed to `onSite`.
   */
  readonly accepts?: (code: number) => boolean;
  /**
   * The rule says nothing of a status that names a constant (`no-magic-status`): every site it cares about has a
   * literal in it, so the file is read status first even where it names a library constant, and nothing is decided
   * per file.
   */
  readonly literalsOnly?: boolean;
}

/**
 * A project's own status site (the `sites` option): the status is argument `argument` of a call or `new` of `callee`
 * (a name, a dotted path, or `*.` and a path: any receiver), or the `property` of that argument when it is an
 * object literal (`throwHTTPErr({ statusCode: 404 })`).
 */
export interface CustomSite {
  readonly callee: string;
  readonly argument: number;
  readonly property?: string;
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

const fileSitesMemo = new FileMemo<readonly Adapter[], FileSites>();

function fileSites(context: Context, adapters: readonly Adapter[], sources: readonly ConstantsSource[]): FileSites {
  if (sources.length > 0) return { sites: createSiteContext(context, sources), found: new Map(), aliases: undefined };
  return fileSitesMemo.get(context.sourceCode.ast, adapters, () => ({ sites: createSiteContext(context, sources), found: new Map(), aliases: undefined }));
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
    readsAsStatus: (node) => node !== undefined && statusBranches(context, node).some((branch) => readsAsStatus(resolve(branch))),
  };
}

/** A `sites` callee against a call's path: the same path, or for `*.a.b` any path that ends in `a.b` (with a receiver or none). */
function matchesCallee(callee: string, path: string): boolean {
  if (!callee.startsWith('*.')) return callee === path;
  const rest = callee.slice(2);
  return path === rest || path.endsWith(`.${rest}`);
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
 *
 * Two ways to find them, with the same adapters and the same sites:
 * - status first, in a file that names no constant of a library (most files): a status there is a literal, or a
 *   local constant bound to one (`const LIMIT = 429`, an enum member, an `as const` table). The listener visits
 *   number and digit-string literals only (only the codes the rule asks about, `accepts`), climbs from each to
 *   the calls, `new`s, assignments, properties and comparisons it is an argument or value of, and follows local
 *   constants to where they are used; the adapters are asked about those nodes alone.
 * - site first, in a file that may name a library constant (`StatusCodes.NOT_FOUND`, `HttpStatus.ACCEPTED`), for a
 *   rule that has something to say about a constant's site: every call, `new`, assignment, property (and comparison)
 *   is looked up by name, and resolved when an adapter knows it.
 */
export function visitStatusSites(
  context: Context,
  adapters: readonly Adapter[],
  options: SiteOptions,
  onSite: (site: StatusSite, value: StatusValue | undefined, sites: SiteContext) => void,
): TSESLint.RuleListener {
  if (engine.statusFirst && (options.literalsOnly === true || !namesConstants(context, options.sources ?? []))) {
    // Nothing is set up for a file until a literal asks: most files have none that a rule accepts.
    let visit: SiteVisitors | undefined;
    return statusFirst(context, options.accepts, () => (visit ??= siteVisitors(context, adapters, options, onSite)));
  }
  const visit = siteVisitors(context, adapters, options, onSite);
  const listener: TSESLint.RuleListener = {
    CallExpression: visit.call,
    NewExpression: visit.construct,
    AssignmentExpression: visit.assignment,
    Property: visit.property,
  };
  if (visit.comparison) {
    listener.BinaryExpression = visit.comparison;
    listener.SwitchCase = visit.comparison;
  }
  return listener;
}

/** What finds the sites of one node of each kind, and reports each site once to `onSite`. */
function siteVisitors(
  context: Context,
  adapters: readonly Adapter[],
  options: SiteOptions,
  onSite: (site: StatusSite, value: StatusValue | undefined, sites: SiteContext) => void,
): SiteVisitors {
  const dispatch = dispatchFor(adapters);
  const sources = options.sources ?? [];
  const shared = fileSites(context, adapters, sources);
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
  const wantComparisons = options.comparisons !== false && dispatch.comparisons.length > 0;
  const wantAssertions = options.assertions !== false;
  /** The custom sites by the callee's last name (what `keyOf` gives): `formatApiResponse` for `*.helpers.formatApiResponse`. */
  const customSites = new Map<string, CustomSite[]>();
  for (const site of options.sites ?? []) {
    const last = site.callee.slice(site.callee.lastIndexOf('.') + 1);
    const list = customSites.get(last) ?? [];
    list.push(site);
    customSites.set(last, list);
  }
  const seen = new Set<Node>();
  const keyOf = (callee: Node): string | undefined => {
    const name = calleeName(callee);
    if (name === undefined || dispatch.imports.size === 0 || unwrap(callee).type !== AST_NODE_TYPES.Identifier) return name;
    shared.aliases ??= importAliases(context.sourceCode.ast, dispatch.imports);
    return shared.aliases.get(name) ?? name;
  };

  const emit = (found: readonly StatusSite[]): void => {
    for (const site of found) {
      if (site.kind === 'comparison' && !wantComparisons) continue;
      if (site.kind === 'assertion' && !wantAssertions) continue;
      for (const branch of splitBranches(context, site)) {
        if (seen.has(branch.status)) continue;
        seen.add(branch.status);
        onSite(branch, sites.resolve(branch.status), sites);
      }
    }
  };

  const custom = (node: TSESTree.CallExpression | TSESTree.NewExpression, candidates: readonly CustomSite[]): void => {
    const path = calleePath(node.callee);
    if (path === undefined) return;
    const found: StatusSite[] = [];
    for (const site of candidates) {
      if (!matchesCallee(site.callee, path)) continue;
      const argument = node.arguments[site.argument];
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) continue;
      const status = site.property === undefined ? argument : objectProperty(argument, site.property)?.value;
      if (status) found.push({ framework: 'custom', kind: 'response', status, node });
    }
    emit(found);
  };

  return {
    call(node) {
      const name = keyOf(node.callee);
      if (name === undefined) return;
      const matchers = dispatch.calls.get(name);
      if (matchers) emit(match(matchers, node));
      const candidates = customSites.get(name);
      if (candidates) custom(node, candidates);
    },
    construct(node) {
      const name = keyOf(node.callee);
      if (name === undefined) return;
      const matchers = dispatch.news.get(name);
      if (matchers) emit(match(matchers, node));
      const candidates = customSites.get(name);
      if (candidates) custom(node, candidates);
    },
    assignment(node) {
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
    property(node) {
      if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
      const { key } = node;
      const name = key.type === AST_NODE_TYPES.Identifier && !node.computed ? key.name : undefined;
      if (name === undefined) return;
      const matchers = dispatch.properties.get(name);
      if (matchers) emit(match(matchers, node));
    },
    comparison: wantComparisons
      ? (node) => {
          // Not cached per file like the other nodes: most comparisons are not of a status, and the adapter says so at once.
          if (node.type === AST_NODE_TYPES.SwitchCase ? node.test !== null : isEquality(node)) emit(firstFound(dispatch.comparisons, node, sites));
        }
      : undefined,
  };
}

/**
 * Which way sites are found: `statusFirst: false` finds them site first in every file. Only the differential test
 * (`tests/corpus.test.ts`) turns it off, to check that both ways find the same sites.
 */
export const engine = { statusFirst: true };

const namesConstantsMemo = new FileMemo<'libraries', boolean>();

/** The file may name a library constant (or one of `sources`): decided once per file for the libraries. */
function namesConstants(context: Context, sources: readonly ConstantsSource[]): boolean {
  const { sourceCode } = context;
  const ask = (list: readonly ConstantsSource[]): boolean =>
    mayNameConstants(sourceCode.text, list, () => requiredModules(sourceCode));
  if (sources.length > 0 && ask(sources)) return true;
  return namesConstantsMemo.get(sourceCode.ast, 'libraries', () => ask(LIBRARY_SOURCES));
}

function isEquality(node: TSESTree.BinaryExpression): boolean {
  return node.operator === '===' || node.operator === '!==' || node.operator === '==' || node.operator === '!=';
}

interface SiteVisitors {
  call(node: TSESTree.CallExpression): void;
  construct(node: TSESTree.NewExpression): void;
  assignment(node: TSESTree.AssignmentExpression): void;
  property(node: TSESTree.Property): void;
  comparison: ((node: TSESTree.BinaryExpression | TSESTree.SwitchCase) => void) | undefined;
}

/** How far a status is from the node of its site: wrappers, branches, a property of an init object, nested options. */
const MAX_CLIMB = 10;
/** How many local constants a status is followed through (`const A = 404; const B = A;`), as `resolveStatus` does. */
const MAX_FOLLOW = 6;

/** The path from a literal up to a node: the value itself (through wrappers), a member of an object literal, or anything else. */
type Shape = { readonly kind: 'value' } | { readonly kind: 'member'; readonly key: string } | { readonly kind: 'other' };
const VALUE: Shape = { kind: 'value' };
const OTHER: Shape = { kind: 'other' };

/**
 * The status-first listener: from each literal that may be a status, up to its site. The nodes the adapters are
 * asked about are ones the site-first listener asks about too, so no site is found that it would not find.
 */
function statusFirst(context: Context, accepts: ((code: number) => boolean) | undefined, visitors: () => SiteVisitors): TSESLint.RuleListener {
  let climb: ((start: Node, depth: number) => void) | undefined;
  return {
    Literal(node) {
      const { value } = node;
      let code: number;
      if (typeof value === 'number') code = value;
      else if (typeof value === 'string' && isDigits(value)) code = Number(value);
      else return;
      if (accepts && !accepts(code)) return;
      climb ??= climber(context, visitors());
      climb(node, 0);
    },
  };
}

/** Climbs from a status to the nodes of its sites, following local constants to their uses. */
function climber(context: Context, visit: SiteVisitors): (start: Node, depth: number) => void {
  const { scopeManager } = context.sourceCode;
  /**
   * Per table or enum: the reads of its members (`name.key`) not followed yet, by key, found once. A key is taken
   * out when it is followed, so each key is followed once, on its own.
   */
  const membersByDeclaration = new Map<Node, Map<string, TSESTree.MemberExpression[]>>();
  /** The constants whose uses have been followed. */
  const followedValues = new Set<Node>();

  /** Each read of the names a declaration declares (not the initialisation). */
  const forEachRead = (declaration: Node, use: (identifier: TSESTree.Identifier) => void): void => {
    for (const variable of scopeManager?.getDeclaredVariables(declaration) ?? []) {
      for (const reference of variable.references) {
        const identifier = reference.identifier;
        if (!reference.init && identifier.type === AST_NODE_TYPES.Identifier) use(identifier);
      }
    }
  };

  const membersOf = (declaration: Node): Map<string, TSESTree.MemberExpression[]> => {
    const known = membersByDeclaration.get(declaration);
    if (known) return known;
    const found = new Map<string, TSESTree.MemberExpression[]>();
    forEachRead(declaration, (identifier) => {
      const member = identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return;
      const key = propertyName(member);
      if (key === undefined) return;
      const list = found.get(key);
      if (list) list.push(member);
      else found.set(key, [member]);
    });
    membersByDeclaration.set(declaration, found);
    return found;
  };

  /** The uses of a local constant (or of a member of a local table or enum) become statuses to climb from. */
  const follow = (declaration: Node, shape: Shape, depth: number): void => {
    if (depth >= MAX_FOLLOW || !scopeManager || shape.kind === 'other') return;
    if (shape.kind === 'value') {
      if (followedValues.has(declaration)) return;
      followedValues.add(declaration);
      forEachRead(declaration, (identifier) => climb(identifier, depth + 1));
      return;
    }
    const members = membersOf(declaration);
    const reads = members.get(shape.key);
    if (!reads) return;
    members.delete(shape.key);
    for (const member of reads) climb(member, depth + 1);
  };

  const climb = (start: Node, depth: number): void => {
    let node: Node = start;
    let shape: Shape = VALUE;
    for (let step = 0; step < MAX_CLIMB; step++) {
      const parent: Node | undefined = node.parent;
      if (!parent) return;
      // Through what `unwrap` strips, so that every status `resolveStatus` reads is climbed from.
      if (isValueWrapper(parent)) {
        node = parent;
        continue;
      }
      switch (parent.type) {
        // A branch is still the value, for a local constant (`const status = err.status || 500`): its uses are
        // sites whose status has this branch (`statusBranches`). Not for a table member, which is read whole.
        case AST_NODE_TYPES.ConditionalExpression:
          if (parent.test === node) return;
          if (shape.kind !== 'value') shape = OTHER;
          break;
        case AST_NODE_TYPES.LogicalExpression:
          if (parent.operator !== '??' && parent.operator !== '||') return;
          if (shape.kind !== 'value') shape = OTHER;
          break;
        case AST_NODE_TYPES.ArrayExpression:
          visitMembership(parent, visit);
          return;
        case AST_NODE_TYPES.CallExpression:
          if (parent.callee === node) return;
          visit.call(parent);
          shape = OTHER;
          break;
        case AST_NODE_TYPES.NewExpression:
          if (parent.callee === node) return;
          visit.construct(parent);
          shape = OTHER;
          break;
        case AST_NODE_TYPES.AssignmentExpression:
          if (parent.right !== node) return;
          visit.assignment(parent);
          shape = OTHER;
          break;
        case AST_NODE_TYPES.Property: {
          if (parent.value !== node) return;
          visit.property(parent);
          const key = shape.kind === 'value' ? keyName(parent) : undefined;
          shape = key === undefined ? OTHER : { kind: 'member', key };
          break;
        }
        case AST_NODE_TYPES.ObjectExpression:
          break;
        case AST_NODE_TYPES.BinaryExpression:
          visit.comparison?.(parent);
          return;
        case AST_NODE_TYPES.SwitchCase:
          if (parent.test === node) visit.comparison?.(parent);
          return;
        case AST_NODE_TYPES.VariableDeclarator:
          if (parent.init === node && shape.kind !== 'other' && parent.id.type === AST_NODE_TYPES.Identifier) follow(parent, shape, depth);
          return;
        case AST_NODE_TYPES.TSEnumMember: {
          const key = enumMemberName(parent);
          const body = parent.parent as Node;
          const declaration = body.type === AST_NODE_TYPES.TSEnumBody ? body.parent : body;
          if (parent.initializer === node && shape.kind === 'value' && key !== undefined && declaration) follow(declaration, { kind: 'member', key }, depth);
          return;
        }
        default:
          return;
      }
      node = parent;
    }
  };
  return climb;
}

/**
 * The calls that check a status against an array literal: `[301, 302].includes(s)`, `expect(s).toBeOneOf([...])`,
 * `expect([400, 401]).toContain(s)` (the call at the end of the chain that `expect([...])` starts).
 */
function visitMembership(array: TSESTree.ArrayExpression, visit: SiteVisitors): void {
  const parent = array.parent;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === array) {
    if (parent.parent.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent) visit.call(parent.parent);
    return;
  }
  if (parent.type !== AST_NODE_TYPES.CallExpression || parent.callee === array) return;
  visit.call(parent);
  if (calleeName(parent.callee) !== 'expect') return;
  let chain: Node = parent;
  while (chain.parent?.type === AST_NODE_TYPES.MemberExpression && chain.parent.object === chain) chain = chain.parent;
  if (chain !== parent && chain.parent?.type === AST_NODE_TYPES.CallExpression && chain.parent.callee === chain) visit.call(chain.parent);
}

const dispatchFor = weakMemo(buildDispatch);

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

/**
 * `branchesOf`, and through a local constant bound to a choice: `status` in `const status = err.status || 500;
 * res.status(status)` gives `err.status` and `500`, so that the literal is where the status is written.
 */
export function statusBranches(context: Context, node: Node, depth = 0): Node[] {
  const branches = branchesOf(node);
  if (depth >= MAX_FOLLOW) return branches;
  let expanded: Node[] | undefined;
  for (const [index, branch] of branches.entries()) {
    const choice = branch.type === AST_NODE_TYPES.Identifier ? boundChoice(context, branch) : undefined;
    if (!choice) {
      expanded?.push(branch);
      continue;
    }
    expanded ??= branches.slice(0, index);
    expanded.push(...statusBranches(context, choice, depth + 1));
  }
  return expanded ?? branches;
}

/** `boundChoice` per identifier (a node belongs to one file): the matchers, `readsAsStatus` and the branch split all ask. */
const boundChoices = new WeakMap<TSESTree.Identifier, Node | null>();

/** The initializer of a `const` the identifier names, when it is a conditional or a `??` / `||` choice. */
function boundChoice(context: Context, identifier: TSESTree.Identifier): Node | undefined {
  let known = boundChoices.get(identifier);
  if (known === undefined) {
    known = findBoundChoice(context, identifier) ?? null;
    boundChoices.set(identifier, known);
  }
  return known ?? undefined;
}

function findBoundChoice(context: Context, identifier: TSESTree.Identifier): Node | undefined {
  const variable = variableOf(context, identifier);
  const bound = variable && constInitializer(variable);
  if (!bound || bound.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const init = unwrap(bound.init);
  if (init.type === AST_NODE_TYPES.ConditionalExpression) return init;
  if (init.type === AST_NODE_TYPES.LogicalExpression && (init.operator === '??' || init.operator === '||')) return init;
  return undefined;
}

/** A site whose status is a choice becomes one site per branch. */
function splitBranches(context: Context, site: StatusSite): StatusSite[] {
  const branches = statusBranches(context, site.status);
  if (branches.length === 1) return [site];
  return branches.map((status) => ({ ...site, status }));
}
