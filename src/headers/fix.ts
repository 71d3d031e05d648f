/**
 * Where a header can be added at a response site, written with the framework's own API:
 * a link on the call chain (`.set(name, v)` for Express, `.header(name, v)` for Fastify and
 * hapi), a key in the headers object the site already passes (`writeHead`, `c.json(x, n, {...})`,
 * `{ status, headers }` inits, Lambda results, http-errors props), a new `headers` key, or a
 * statement before a status assignment (`ctx.set(...)`, `res.setHeader(...)`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { calleeName, isStringLike, keyName, unwrap } from '../ast.js';
import type { Context } from '../origins.js';
import type { StatusSite } from '../sites.js';
import { chainSetter, familyOf, statementSetter } from './frameworks.js';

export interface HeaderInsertion {
  /** How the header is added, for the suggestion's message: `.set('Retry-After', …)`. */
  readonly how: string;
  readonly fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;
}

const HONO_HELPERS = new Set(['json', 'text', 'html', 'body', 'newResponse']);
const INIT_FRAMEWORKS = new Set(['fetch', 'next', 'remix']);

/** An edit that adds `header: value` to the response at `site`, or undefined where the site gives no place for one. */
export function headerInsertion(context: Context, site: StatusSite, header: string, value: string): HeaderInsertion | undefined {
  const entry = `${quote(header)}: ${value}`;
  const node = site.node;
  const family = familyOf(site.framework);
  if (node.type === AST_NODE_TYPES.Property) {
    return node.parent.type === AST_NODE_TYPES.ObjectExpression ? initInsertion(node.parent, entry) : undefined;
  }
  if (node.type === AST_NODE_TYPES.AssignmentExpression) return statementInsertion(context, site, header, value);
  if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const name = calleeName(node.callee);
  const args = node.arguments;
  if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const plain = args as readonly TSESTree.Expression[];

  if (INIT_FRAMEWORKS.has(site.framework) || (site.framework === 'sveltekit' && (name === 'json' || name === 'text')) || (site.framework === 'h3' && name === 'HTTPResponse')) {
    const init = plain[1] && unwrap(plain[1]);
    return init?.type === AST_NODE_TYPES.ObjectExpression ? initInsertion(init, entry) : undefined;
  }
  if (site.framework === 'http-errors' || (site.framework === 'koa' && (name === 'throw' || name === 'assert'))) {
    return propsInsertion(name === 'assert' ? plain.slice(2) : plain, plain.at(-1), entry);
  }
  if (node.type !== AST_NODE_TYPES.CallExpression || !site.response) return undefined;
  if (site.framework === 'node-http') {
    if (name === 'respond') {
      const headers = plain[0] && unwrap(plain[0]);
      return headers?.type === AST_NODE_TYPES.ObjectExpression ? objectInsertion(headers, entry) : undefined;
    }
    return writeHeadInsertion(plain, entry);
  }
  if (site.framework === 'hono' && name !== undefined && HONO_HELPERS.has(name)) {
    const [, second, third] = plain;
    if (!second) return undefined;
    if (unwrap(second).type === AST_NODE_TYPES.ObjectExpression) return initInsertion(unwrap(second) as TSESTree.ObjectExpression, entry);
    if (!third) return { how: `{ ${entry} }`, fix: (fixer) => fixer.insertTextAfter(second, `, { ${entry} }`) };
    const headers = unwrap(third);
    return headers.type === AST_NODE_TYPES.ObjectExpression ? objectInsertion(headers, entry) : undefined;
  }
  const setter = chainSetter(family);
  if (setter === undefined) return site.framework === 'hono' && name === 'status' ? statementInsertion(context, site, header, value) : undefined;
  const link = `.${setter}(${quote(header)}, ${value})`;
  if (name === 'status' || name === 'code') return { how: link, fix: (fixer) => fixer.insertTextAfter(node, link) };
  if (name === 'sendStatus') {
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.optional) return undefined;
    return { how: link, fix: (fixer) => fixer.insertTextAfter(callee.object, link) };
  }
  return undefined;
}

function quote(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** `{ key: value }` added to an object literal, after its last property. */
function objectInsertion(object: TSESTree.ObjectExpression, entry: string): HeaderInsertion {
  const last = object.properties.at(-1);
  if (!last) return { how: `{ ${entry} }`, fix: (fixer) => fixer.replaceText(object, `{ ${entry} }`) };
  return { how: entry, fix: (fixer) => fixer.insertTextAfter(last, `, ${entry}`) };
}

/** A `{ status, headers }` init or a Lambda result: into `headers` when it is an object literal, else a new `headers` key. */
function initInsertion(init: TSESTree.ObjectExpression, entry: string): HeaderInsertion | undefined {
  const headers = init.properties.find((property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && keyName(property) === 'headers');
  if (headers) {
    const value = unwrap(headers.value);
    return value.type === AST_NODE_TYPES.ObjectExpression ? objectInsertion(value, entry) : undefined;
  }
  return objectInsertion(init, `headers: { ${entry} }`);
}

/** http-errors props (`createError(429, msg, { headers })`), added as a new last argument when there are none. */
function propsInsertion(
  args: readonly TSESTree.Expression[],
  last: TSESTree.Expression | undefined,
  entry: string,
): HeaderInsertion | undefined {
  const props = args.map((argument) => unwrap(argument)).find((argument): argument is TSESTree.ObjectExpression => argument.type === AST_NODE_TYPES.ObjectExpression);
  if (props) return initInsertion(props, entry);
  if (!last) return undefined;
  const text = `{ headers: { ${entry} } }`;
  return { how: text, fix: (fixer) => fixer.insertTextAfter(last, `, ${text}`) };
}

/** `res.writeHead(n)`, `res.writeHead(n, message)`, `res.writeHead(n, { ... })`, `res.writeHead(n, message, { ... })`. */
function writeHeadInsertion(args: readonly TSESTree.Expression[], entry: string): HeaderInsertion | undefined {
  const last = args.at(-1);
  if (!last) return undefined;
  if (args.length === 1 || (args.length === 2 && isStringLike(last))) {
    return { how: `{ ${entry} }`, fix: (fixer) => fixer.insertTextAfter(last, `, { ${entry} }`) };
  }
  const headers = unwrap(last);
  return headers.type === AST_NODE_TYPES.ObjectExpression ? objectInsertion(headers, entry) : undefined;
}

/** A statement before `ctx.status = 429;` / `res.statusCode = 429;` / `c.status(429);`. */
function statementInsertion(context: Context, site: StatusSite, header: string, value: string): HeaderInsertion | undefined {
  const statement = site.node.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || !site.response) return undefined;
  const list = statement.parent;
  if (list.type !== AST_NODE_TYPES.BlockStatement && list.type !== AST_NODE_TYPES.Program && list.type !== AST_NODE_TYPES.SwitchCase) return undefined;
  const receiver = context.sourceCode.getText(site.response);
  const family = familyOf(site.framework);
  let text: string;
  if (family === 'h3') text = `${receiver}.headers.set(${quote(header)}, ${value});`;
  else if (family === 'elysia') text = `${receiver}.headers[${quote(header)}] = ${value};`;
  else {
    const setter = statementSetter(family);
    if (setter === undefined) return undefined;
    text = `${receiver}.${setter}(${quote(header)}, ${value});`;
  }
  const line = context.sourceCode.lines[statement.loc.start.line - 1] ?? '';
  const lead = line.slice(0, statement.loc.start.column);
  const separator = /^\s*$/.test(lead) ? `\n${lead}` : ' ';
  return { how: text, fix: (fixer) => fixer.insertTextBefore(statement, `${text}${separator}`) };
}

