/**
 * The content a response sends after its status is set, found in two places:
 *
 * - the call chain of the status call: `res.status(204).set('X', 'y').json(x)`;
 * - the statements that follow in the same block: `res.writeHead(204); res.end(x)`,
 *   `ctx.status = 204; ctx.body = x`, `c.status(204); return c.json(x)`.
 *
 * The walk goes on through header-setting calls and statements that do not name the
 * response, and stops at anything that may change the status or that it does not know:
 * another status call, an unknown call on the response, a statement that names the
 * response in any other way, a `next()` call, or the end of the straight-line code.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { propertyName, unwrap, type Node } from '../ast.js';
import type { BodyFate, SentBody } from '../body.js';
import { variableOf, type Context } from '../origins.js';
import { hasNoSideEffects, isContent, rewriteCall, type ContentKind } from './content.js';

/** A way to send content: a method (`json`, `send`, `end`) or a property (Koa's `body`). */
export interface BodyApi {
  readonly content: ContentKind;
  readonly runtime: string;
  readonly fate: (code: number) => BodyFate | undefined;
  /** How to send the response without content: rename the method and drop or null its first argument. */
  readonly removal?: { readonly rename?: string; readonly firstArgument: 'drop' | 'null' } | 'statement';
}

/** What a framework's response object offers, as far as bodies go. */
export interface ResponseApi {
  readonly bodyMethods: ReadonlyMap<string, BodyApi>;
  readonly bodyProperties: ReadonlyMap<string, BodyApi>;
  /** Calls that set headers (or nothing) and leave the status alone; chains go on through them. */
  readonly passThrough: ReadonlySet<string>;
  /** Calls that set the status, or end the response in another way. */
  readonly statusMethods: ReadonlySet<string>;
  /** Properties that hold the status. */
  readonly statusProperties: ReadonlySet<string>;
}

type Step = { readonly kind: 'body'; readonly body: SentBody } | { readonly kind: 'stop' } | { readonly kind: 'go' };

const STOP: Step = { kind: 'stop' };
const GO: Step = { kind: 'go' };

/** Two expressions that name the same response object: the same variable, or the same member of it. */
export function sameObject(context: Context, a: Node, b: Node): boolean {
  const left = unwrap(a);
  const right = unwrap(b);
  if (left.type === AST_NODE_TYPES.Identifier && right.type === AST_NODE_TYPES.Identifier) {
    return left.name === right.name && variableOf(context, left) === variableOf(context, right);
  }
  if (left.type === AST_NODE_TYPES.ThisExpression && right.type === AST_NODE_TYPES.ThisExpression) return true;
  if (left.type === AST_NODE_TYPES.MemberExpression && right.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(left);
    return name !== undefined && name === propertyName(right) && sameObject(context, left.object, right.object);
  }
  return false;
}

/** The name at the root of a response expression: `ctx` for `ctx.response`. */
function rootName(node: Node): string | undefined {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
  if (current.type === AST_NODE_TYPES.Identifier) return current.name;
  return current.type === AST_NODE_TYPES.ThisExpression ? 'this' : undefined;
}

function sentBody(context: Context, api: BodyApi, content: Node, code: number, removal: SentBody['removal']): SentBody {
  return { node: content, runtime: api.runtime, fate: api.fate(code), removal };
}

/** A body method's call: content, or a stop when the call sends none (`res.end()`). */
function bodyCall(context: Context, api: BodyApi, call: TSESTree.CallExpression, code: number): Step {
  const [content] = call.arguments;
  if (!content || content.type === AST_NODE_TYPES.SpreadElement || !isContent(context, content, api.content)) return STOP;
  const removal = api.removal && api.removal !== 'statement' ? rewriteCall(context, call, api.removal) : undefined;
  return { kind: 'body', body: sentBody(context, api, content, code, removal) };
}

/** One call of a chain on the response: body, status change, header call, or unknown. */
function callStep(context: Context, responseApi: ResponseApi, name: string, call: TSESTree.CallExpression, code: number): Step {
  if (responseApi.statusMethods.has(name)) return STOP;
  const api = responseApi.bodyMethods.get(name);
  if (api) return bodyCall(context, api, call, code);
  return responseApi.passThrough.has(name) ? GO : STOP;
}

/** The parent, seen through `x!` and `x as T`. */
function parentOf(node: Node): Node | undefined {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSNonNullExpression || current.parent.type === AST_NODE_TYPES.TSAsExpression) &&
    current.parent.expression === current
  ) {
    current = current.parent;
  }
  return current.parent;
}

/**
 * Up the chain from a status call: `res.status(204).set(...).json(x)`.
 * Gives the step, and the outermost call reached (where the statement walk starts).
 */
function chainAfter(context: Context, api: ResponseApi, call: TSESTree.CallExpression, code: number): { step: Step; top: Node } {
  let current: Node = call;
  for (;;) {
    const member = parentOf(current);
    if (member?.type !== AST_NODE_TYPES.MemberExpression || unwrap(member.object) !== unwrap(current)) return { step: GO, top: current };
    const next = member.parent;
    if (next?.type !== AST_NODE_TYPES.CallExpression || next.callee !== member) return { step: STOP, top: current };
    const name = propertyName(member);
    if (name === undefined) return { step: STOP, top: current };
    const step = callStep(context, api, name, next, code);
    if (step.kind !== 'go') return { step, top: next };
    current = next;
  }
}

/** The calls of a chain rooted at an object, in call order: `res.set(...).json(x)` gives `res` and [set, json]. */
function chainCalls(expression: Node): { root: Node; calls: { name: string; call: TSESTree.CallExpression }[] } | undefined {
  const calls: { name: string; call: TSESTree.CallExpression }[] = [];
  let current = unwrap(expression);
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = propertyName(callee);
    if (name === undefined) return undefined;
    calls.unshift({ name, call: current });
    current = unwrap(callee.object);
  }
  return calls.length > 0 ? { root: current, calls } : undefined;
}

/** An expression statement's (or `return`'s) expression, seen through `await` and `void`. */
function statementExpression(statement: TSESTree.Statement): Node | undefined {
  let expression: Node | null | undefined =
    statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : statement.type === AST_NODE_TYPES.ReturnStatement ? statement.argument : undefined;
  while (expression) {
    const target = unwrap(expression);
    if (target.type === AST_NODE_TYPES.AwaitExpression) expression = target.argument;
    else if (target.type === AST_NODE_TYPES.UnaryExpression && target.operator === 'void') expression = target.argument;
    else return target;
  }
  return undefined;
}

/** What one later statement does to the response. */
function statementStep(context: Context, api: ResponseApi, response: Node, statement: TSESTree.Statement, code: number): Step {
  const expression = statementExpression(statement);
  if (expression?.type === AST_NODE_TYPES.AssignmentExpression && expression.left.type === AST_NODE_TYPES.MemberExpression) {
    const target = expression.left;
    if (sameObject(context, target.object, response)) {
      const name = propertyName(target);
      if (name === undefined || expression.operator !== '=' || api.statusProperties.has(name)) return STOP;
      const bodyApi = api.bodyProperties.get(name);
      if (!bodyApi) return mentionsIn(context, expression.right, response) ? STOP : GO;
      if (!isContent(context, expression.right, bodyApi.content)) return STOP;
      const removal =
        bodyApi.removal === 'statement' &&
        statement.type === AST_NODE_TYPES.ExpressionStatement &&
        expression === statement.expression &&
        hasNoSideEffects(expression.right)
          ? (fixer: TSESLint.RuleFixer) => [fixer.remove(statement)]
          : undefined;
      return { kind: 'body', body: sentBody(context, bodyApi, expression.right, code, removal) };
    }
  }
  if (expression?.type === AST_NODE_TYPES.CallExpression) {
    const chain = chainCalls(expression);
    if (chain && sameObject(context, chain.root, response)) {
      for (const { name, call } of chain.calls) {
        const step = callStep(context, api, name, call, code);
        if (step.kind !== 'go') return step;
        if (call.arguments.some((argument) => mentionsIn(context, argument, response))) return STOP;
      }
      return statement.type === AST_NODE_TYPES.ReturnStatement ? STOP : GO;
    }
  }
  if (ENDS_FLOW.has(statement.type) || mentionsIn(context, statement, response) || CALLS_NEXT.test(context.sourceCode.getText(statement))) return STOP;
  return GO;
}

const ENDS_FLOW = new Set<string>([
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.ThrowStatement,
  AST_NODE_TYPES.BreakStatement,
  AST_NODE_TYPES.ContinueStatement,
]);

/** `next()`: the rest of a middleware stack, which may set another status. */
const CALLS_NEXT = /\bnext\s*\(/;

/** True when the text of `node` names the response's root (`res`, `ctx`): it may do anything to it. */
function mentionsIn(context: Context, node: Node, response: Node): boolean {
  const name = rootName(response);
  if (name === undefined) return true;
  const text = context.sourceCode.getText(node);
  return new RegExp(`(?<![\\w$])${name.replaceAll('$', '\\$')}(?![\\w$])`).test(text);
}

/** The statement an expression is the whole of, and the statements after it in its block. */
function followingStatements(expression: Node): readonly TSESTree.Statement[] {
  let current: Node = expression;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.AwaitExpression ||
      current.parent.type === AST_NODE_TYPES.ChainExpression ||
      current.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.parent.type === AST_NODE_TYPES.TSAsExpression)
  ) {
    current = current.parent;
  }
  const statement = current.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return [];
  const block = statement.parent;
  const body: readonly TSESTree.Node[] | undefined =
    block?.type === AST_NODE_TYPES.BlockStatement || block?.type === AST_NODE_TYPES.Program || block?.type === AST_NODE_TYPES.StaticBlock
      ? block.body
      : block?.type === AST_NODE_TYPES.SwitchCase
        ? block.consequent
        : undefined;
  if (!body) return [];
  const index = body.indexOf(statement);
  return index < 0 ? [] : (body.slice(index + 1) as TSESTree.Statement[]);
}

/** Walks the statements after `from` (the whole of an expression statement). */
function statementsAfter(context: Context, api: ResponseApi, response: Node, from: Node, code: number): SentBody | undefined {
  for (const statement of followingStatements(from)) {
    const step = statementStep(context, api, response, statement, code);
    if (step.kind === 'body') return step.body;
    if (step.kind === 'stop') return undefined;
  }
  return undefined;
}

/**
 * The content sent by the response of a status call (`res.status(n)`, `reply.code(n)`, `res.writeHead(n)`,
 * `c.status(n)`) or a status assignment (`res.statusCode = n`, `ctx.status = n`).
 */
export function contentAfterStatus(context: Context, api: ResponseApi, site: { node: Node; response?: Node | undefined }, code: number): SentBody | undefined {
  const { node, response } = site;
  if (!response) return undefined;
  if (node.type === AST_NODE_TYPES.AssignmentExpression) return statementsAfter(context, api, response, node, code);
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const { step, top } = chainAfter(context, api, node, code);
  if (step.kind === 'body') return step.body;
  return step.kind === 'go' ? statementsAfter(context, api, response, top, code) : undefined;
}
