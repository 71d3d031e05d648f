/**
 * The contract between the engine and a framework: types only.
 *
 * One module per framework (`src/frameworks/<id>.ts`) exports one `Adapter` that says everything the engine needs
 * to know about the framework: the modules that identify it, the syntax of its status sites, how headers are set on
 * its response, which calls send the response, how it sends a body, what it does at run time with a status it
 * cannot take, and its handler shapes. The registry (`src/frameworks/index.ts`) orders the adapters and builds the
 * indexes; the engine reads adapters through the registry and never names a framework.
 *
 * Each trait is optional: an adapter that leaves one out gets the engine's neutral answer (no header facts, no body
 * facts, no run-time consequence), which makes the rules about that trait stay silent on its sites.
 */
import type { TSESTree } from '@typescript-eslint/types';
import type { Node } from '../ast.js';
import type { Context } from '../origins.js';
import type { StatusSite } from '../sites.js';
import type { StatusValue } from '../status-value.js';

/**
 * A framework's id: the name its sites carry (`site.framework`) and its file is named by. `test` is the test
 * libraries' assertions and comparisons, `custom` a project's own `sites`.
 */
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
  | 'ts-rest'
  | 'tsoa'
  | 'routing-controllers'
  | 'adonis'
  | 'test'
  | 'custom';

/** What adapters get: the rule's context and memoized status resolution. */
export interface SiteContext {
  readonly context: Context;
  resolve(node: Node): StatusValue | undefined;
  /** An integer 100 to 599, or a known constant: what a generic method name needs to count. */
  readsAsStatus(node: Node | undefined): boolean;
}

export type Found = StatusSite | readonly StatusSite[] | undefined;
export type CallMatcher = (call: TSESTree.CallExpression, sites: SiteContext) => Found;
export type NewMatcher = (expression: TSESTree.NewExpression, sites: SiteContext) => Found;
export type AssignmentMatcher = (assignment: TSESTree.AssignmentExpression, target: TSESTree.MemberExpression, sites: SiteContext) => Found;
export type PropertyMatcher = (property: TSESTree.Property, sites: SiteContext) => Found;

/** The matchers by which a framework's syntax becomes status sites. */
export interface SiteMatchers {
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

/**
 * - `framework`: a server framework whose sites are responses the app sends.
 * - `test`: test libraries (assertions, comparisons): their sites are expectations, not responses.
 * - `custom`: the project's own helpers (the `sites` option).
 */
export type AdapterRole = 'framework' | 'test' | 'custom';

/** A type that identifies the framework's response or context object, by the package that declares it (issue 16). */
export interface TypeName {
  readonly name: string;
  /** The package (or a path inside it) whose declaration files declare `name`. */
  readonly package: string;
}

export interface Adapter extends SiteMatchers {
  readonly framework: Framework;
  /** The name people write it by, for docs and messages: `Express`, `Fastify`, `Next.js`. */
  readonly title?: string;
  /** Packages whose import identifies the framework (`express`, `@nestjs/common`). */
  readonly modules?: readonly string[];
  /** `framework` unless said: see `AdapterRole`. */
  readonly role?: AdapterRole;
  /** The types of its response and context objects (for the type-aware mode). */
  readonly types?: readonly TypeName[];
}
