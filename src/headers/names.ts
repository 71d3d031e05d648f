/**
 * Header names and header values, as far as the file shows them: a name written
 * as a string literal in any case, a `const` bound to one, a member of
 * `node:http2`'s `constants` (`HTTP2_HEADER_RETRY_AFTER`), or a member of a
 * local `as const` table; a headers value written as an object literal, an
 * array of pairs, `new Headers(...)` / `new Map(...)`, or a variable whose
 * initializer and `.set` / `.append` / `[name] =` writes are all in sight.
 * Anything else (a parameter, a call, a computed key) makes the value unknown:
 * it may hold any header.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { constants as http2Constants } from 'node:http2';
import { calleeName, keyName, propertyName, unwrap, type Node } from '../ast.js';
import { constInitializer, originOf, variableOf, type Context } from '../origins.js';

/** Where a header is set: the call, property or assignment, and the value it is given when one is written. */
export interface HeaderSource {
  readonly node: Node;
  readonly value: Node | undefined;
}

/** The headers a value or a response is known to carry, and whether some may be out of sight. */
export class HeaderBag {
  readonly names = new Map<string, HeaderSource>();
  unknown = false;

  add(name: string, node: Node, value: Node | undefined): void {
    const lower = name.toLowerCase();
    if (!this.names.has(lower)) this.names.set(lower, { node, value });
  }

  /** Adds a name node: a resolvable name is added, anything else makes the bag unknown. */
  addNameNode(context: Context, nameNode: Node | undefined, node: Node, value: Node | undefined): void {
    const name = nameNode && headerName(context, nameNode);
    if (name === undefined) this.unknown = true;
    else this.add(name, node, value);
  }

  merge(other: HeaderBag): void {
    for (const [name, source] of other.names) if (!this.names.has(name)) this.names.set(name, source);
    if (other.unknown) this.unknown = true;
  }

  has(name: string): boolean {
    return this.unknown || this.names.has(name.toLowerCase());
  }
}

const HTTP2_MODULES = new Set(['node:http2', 'http2']);
const MAX_DEPTH = 6;

/** `HTTP2_HEADER_RETRY_AFTER` -> `retry-after`, read from the running Node's own table. */
function http2HeaderName(member: string): string | undefined {
  if (!member.startsWith('HTTP2_HEADER_')) return undefined;
  const value = (http2Constants as Record<string, unknown>)[member];
  return typeof value === 'string' ? value : undefined;
}

/** The header name an expression spells, lower-cased; undefined when the file does not show it. */
export function headerName(context: Context, node: Node, depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const target = unwrap(node);
  switch (target.type) {
    case AST_NODE_TYPES.Literal:
      return typeof target.value === 'string' ? target.value.toLowerCase() : undefined;
    case AST_NODE_TYPES.TemplateLiteral: {
      const [quasi] = target.quasis;
      return target.expressions.length === 0 && typeof quasi?.value.cooked === 'string' ? quasi.value.cooked.toLowerCase() : undefined;
    }
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      const origin = originOf(context, target);
      if (origin) {
        const member = origin.path.at(-1);
        return HTTP2_MODULES.has(origin.module) && origin.path.at(-2) === 'constants' && member !== undefined ? http2HeaderName(member) : undefined;
      }
      return target.type === AST_NODE_TYPES.Identifier ? constantName(context, target, depth) : tableName(context, target, depth);
    }
    default:
      return undefined;
  }
}

/** `const RETRY_AFTER = 'Retry-After'`. */
function constantName(context: Context, identifier: TSESTree.Identifier, depth: number): string | undefined {
  const variable = variableOf(context, identifier);
  const bound = variable && constInitializer(variable);
  if (!bound || bound.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return headerName(context, bound.init, depth + 1);
}

/** `HEADERS.RETRY_AFTER` with `const HEADERS = { RETRY_AFTER: 'Retry-After' } as const` (or a plain `const` object never written to). */
function tableName(context: Context, member: TSESTree.MemberExpression, depth: number): string | undefined {
  const name = propertyName(member);
  const object = unwrap(member.object);
  if (name === undefined || object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = variableOf(context, object);
  const bound = variable && constInitializer(variable);
  if (!bound) return undefined;
  const init = unwrap(bound.init);
  if (init.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  let found: Node | undefined;
  for (const property of init.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) return undefined;
    if (keyName(property) === name) found = property.value;
  }
  return found ? headerName(context, found, depth + 1) : undefined;
}

/** Calls that only read a headers value passed to them (so passing it does not add headers we cannot see). */
const READING_CALLEES = new Set([
  'Response',
  'Headers',
  'Map',
  'NextResponse',
  'HttpResponse',
  'HTTPResponse',
  'json',
  'text',
  'html',
  'body',
  'newResponse',
  'redirect',
  'writeHead',
  'set',
  'header',
  'headers',
  'setHeaders',
  'setResponseHeaders',
  'appendResponseHeaders',
  'appendHeaders',
  'respond',
  'data',
  'log',
  'info',
  'warn',
  'debug',
  'stringify',
  'entries',
  'keys',
]);

/** Methods of a `Headers` / `Map` that add a header by name. */
const ADDING_METHODS = new Set(['set', 'append']);

/** Reads the headers in a value (object literal, pairs, `Headers`, `Map`, a variable of those) into `bag`. */
export function collectHeaders(context: Context, node: Node | undefined, bag: HeaderBag, depth = 0): void {
  if (!node) return;
  if (depth > MAX_DEPTH) {
    bag.unknown = true;
    return;
  }
  const target = unwrap(node);
  switch (target.type) {
    case AST_NODE_TYPES.ObjectExpression:
      collectObject(context, target, bag, depth);
      return;
    case AST_NODE_TYPES.ArrayExpression:
      collectPairs(context, target, bag, depth);
      return;
    case AST_NODE_TYPES.NewExpression: {
      const name = calleeName(target.callee);
      if (name !== 'Headers' && name !== 'Map') {
        bag.unknown = true;
        return;
      }
      const [first] = target.arguments;
      if (!first) return;
      if (first.type === AST_NODE_TYPES.SpreadElement) bag.unknown = true;
      else collectHeaders(context, first, bag, depth + 1);
      return;
    }
    case AST_NODE_TYPES.Identifier:
      if (target.name === 'undefined') return;
      collectVariable(context, target, bag, depth);
      return;
    case AST_NODE_TYPES.Literal:
      if (target.value !== null) bag.unknown = true;
      return;
    case AST_NODE_TYPES.ConditionalExpression:
      collectHeaders(context, target.consequent, bag, depth + 1);
      collectHeaders(context, target.alternate, bag, depth + 1);
      return;
    case AST_NODE_TYPES.LogicalExpression:
      collectHeaders(context, target.left, bag, depth + 1);
      collectHeaders(context, target.right, bag, depth + 1);
      return;
    default:
      bag.unknown = true;
  }
}

function collectObject(context: Context, object: TSESTree.ObjectExpression, bag: HeaderBag, depth: number): void {
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      collectHeaders(context, property.argument, bag, depth + 1);
      continue;
    }
    const plain = keyName(property);
    if (plain !== undefined) bag.add(plain, property, property.kind === 'init' ? property.value : undefined);
    else if (property.computed) bag.addNameNode(context, property.key, property, property.value);
    else if (property.key.type === AST_NODE_TYPES.Literal) bag.add(String(property.key.value), property, property.value);
    else bag.unknown = true;
  }
}

/** `[['Retry-After', '60']]`: an array of name/value pairs. */
function collectPairs(context: Context, array: TSESTree.ArrayExpression, bag: HeaderBag, depth: number): void {
  for (const element of array.elements) {
    if (!element) continue;
    const pair = element.type === AST_NODE_TYPES.SpreadElement ? undefined : unwrap(element);
    if (pair?.type !== AST_NODE_TYPES.ArrayExpression) {
      if (element.type === AST_NODE_TYPES.SpreadElement) collectHeaders(context, element.argument, bag, depth + 1);
      else bag.unknown = true;
      continue;
    }
    const [name, value] = pair.elements;
    if (!name || name.type === AST_NODE_TYPES.SpreadElement) bag.unknown = true;
    else bag.addNameNode(context, name, pair, value && value.type !== AST_NODE_TYPES.SpreadElement ? value : undefined);
  }
}

/** `writeHead(n, ['Retry-After', '60', 'Location', '/'])`: node's flat list of names and values. */
export function collectFlatList(context: Context, array: TSESTree.ArrayExpression, bag: HeaderBag): void {
  const elements = array.elements;
  if (elements.some((element) => element?.type === AST_NODE_TYPES.ArrayExpression)) {
    collectPairs(context, array, bag, 0);
    return;
  }
  for (let index = 0; index < elements.length; index += 2) {
    const name = elements[index];
    const value = elements[index + 1];
    if (!name || name.type === AST_NODE_TYPES.SpreadElement) {
      bag.unknown = true;
      return;
    }
    bag.addNameNode(context, name, name, value && value.type !== AST_NODE_TYPES.SpreadElement ? value : undefined);
  }
}

/**
 * A variable holding headers: its initializer, plus every write the file makes to it
 * (`h.set(name, v)`, `h.append(name, v)`, `h[name] = v`). A parameter, an import, a
 * reassignment or a hand-off to a function that may add to it makes it unknown.
 */
function collectVariable(context: Context, identifier: TSESTree.Identifier, bag: HeaderBag, depth: number): void {
  const variable = variableOf(context, identifier);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable' || !def.node.init || def.node.id.type !== AST_NODE_TYPES.Identifier) {
    bag.unknown = true;
    return;
  }
  collectHeaders(context, def.node.init, bag, depth + 1);
  for (const reference of variable.references) {
    if (reference.init) continue;
    if (reference.isWrite()) {
      bag.unknown = true;
      continue;
    }
    collectUse(context, reference.identifier as TSESTree.Identifier, bag);
  }
}

/** What one use of a headers variable does to it. */
function collectUse(context: Context, use: TSESTree.Identifier, bag: HeaderBag): void {
  const parent = use.parent;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === use) {
    const grand = parent.parent;
    if (grand.type === AST_NODE_TYPES.CallExpression && grand.callee === parent) {
      const method = propertyName(parent);
      if (method !== undefined && ADDING_METHODS.has(method)) {
        const [name, value] = grand.arguments;
        if (!name || name.type === AST_NODE_TYPES.SpreadElement) bag.unknown = true;
        else bag.addNameNode(context, name, grand, value && value.type !== AST_NODE_TYPES.SpreadElement ? value : undefined);
      }
      return;
    }
    if (grand.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent) {
      if (parent.computed) bag.addNameNode(context, parent.property, grand, grand.right);
      else if (parent.property.type === AST_NODE_TYPES.Identifier) bag.add(parent.property.name, grand, grand.right);
    }
    return;
  }
  if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(use)) {
    const name = calleeName(parent.callee);
    if (name === undefined || !READING_CALLEES.has(name)) bag.unknown = true;
  }
}
