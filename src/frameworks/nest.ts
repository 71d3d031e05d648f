/**
 * NestJS: `@HttpCode(n)`, `@Redirect(url, n)`, `new HttpException(body, n)` and the
 * `status`/`statusCode` of its body object, and the declaration `@ApiResponse({ status: n })` from `@nestjs/swagger`.
 * Also what a controller method declares (`@ApiResponse`, the `@Api<Name>Response()` shortcuts) and sends
 * (`@HttpCode`, the route's default, the exceptions it throws): `nestRouteResponses`, for `no-undeclared-status`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { calleeName, objectProperty, unwrap, type Node } from '../ast.js';
import { declaredKeyOf, type Declaration, type DeclaredKey, type SentStatus } from '../declared-responses.js';
import { isFunctionNode } from '../handlers.js';
import { originOf, type Context } from '../origins.js';
import type { Adapter, StatusSite } from '../sites.js';
import { resolveStatus } from '../status-value.js';
import { argumentsOf, calleeIdentifier, isImported, isStatusArgument, makeSite, set } from './shared.js';

const NEST_COMMON = set('@nestjs/common');
const NEST_SWAGGER = set('@nestjs/swagger');

export const nest: Adapter = {
  framework: 'nest',
  calls: {
    HttpCode(call, sites) {
      if (!isImported(sites, calleeIdentifier(call), NEST_COMMON)) return undefined;
      return makeSite('nest', argumentsOf(call)[0], call);
    },
    Redirect(call, sites) {
      if (!isImported(sites, calleeIdentifier(call), NEST_COMMON)) return undefined;
      const status = argumentsOf(call)[1];
      return makeSite('nest', status, call, { redirect: true });
    },
    ApiResponse(call, sites) {
      if (!isImported(sites, calleeIdentifier(call), NEST_SWAGGER)) return undefined;
      const status = objectProperty(argumentsOf(call)[0], 'status')?.value;
      const site = isStatusArgument(status, sites) ? makeSite('nest', status, call) : undefined;
      // Documents what the handler may answer; the response itself is set elsewhere (`@HttpCode`, the method's default).
      return site && { ...site, declaration: true };
    },
  },
  news: {
    HttpException(expression, sites) {
      if (!isImported(sites, calleeIdentifier(expression), NEST_COMMON)) return undefined;
      const [body, status] = argumentsOf(expression);
      const found: StatusSite[] = [];
      const main = makeSite('nest', status, expression);
      if (main) found.push(main);
      for (const key of ['status', 'statusCode']) {
        const inBody: TSESTree.Node | undefined = objectProperty(body, key)?.value;
        if (inBody && isStatusArgument(inBody, sites)) {
          const site = makeSite('nest', inBody, expression);
          if (site) found.push(site);
        }
      }
      return found;
    },
  },
};

/**
 * `@nestjs/swagger`'s `@Api<Name>Response()` shortcuts and the status each declares. Written from the package's
 * source (`lib/decorators/api-response.decorator.ts`, 7.x and later: one shortcut per `HttpStatus` member, its
 * name the member's words in PascalCase, plus `ApiDefaultResponse`); `@nestjs/swagger` is not installed here.
 * tests/rules/no-undeclared-status.test.ts derives the same list from the installed `@nestjs/common` `HttpStatus`.
 */
export const NEST_SWAGGER_SHORTCUTS: ReadonlyMap<string, number | 'default'> = new Map<string, number | 'default'>([
  ['ApiContinueResponse', 100],
  ['ApiSwitchingProtocolsResponse', 101],
  ['ApiProcessingResponse', 102],
  ['ApiEarlyhintsResponse', 103],
  ['ApiOkResponse', 200],
  ['ApiCreatedResponse', 201],
  ['ApiAcceptedResponse', 202],
  ['ApiNonAuthoritativeInformationResponse', 203],
  ['ApiNoContentResponse', 204],
  ['ApiResetContentResponse', 205],
  ['ApiPartialContentResponse', 206],
  ['ApiAmbiguousResponse', 300],
  ['ApiMovedPermanentlyResponse', 301],
  ['ApiFoundResponse', 302],
  ['ApiSeeOtherResponse', 303],
  ['ApiNotModifiedResponse', 304],
  ['ApiTemporaryRedirectResponse', 307],
  ['ApiPermanentRedirectResponse', 308],
  ['ApiBadRequestResponse', 400],
  ['ApiUnauthorizedResponse', 401],
  ['ApiPaymentRequiredResponse', 402],
  ['ApiForbiddenResponse', 403],
  ['ApiNotFoundResponse', 404],
  ['ApiMethodNotAllowedResponse', 405],
  ['ApiNotAcceptableResponse', 406],
  ['ApiProxyAuthenticationRequiredResponse', 407],
  ['ApiRequestTimeoutResponse', 408],
  ['ApiConflictResponse', 409],
  ['ApiGoneResponse', 410],
  ['ApiLengthRequiredResponse', 411],
  ['ApiPreconditionFailedResponse', 412],
  ['ApiPayloadTooLargeResponse', 413],
  ['ApiUriTooLongResponse', 414],
  ['ApiUnsupportedMediaTypeResponse', 415],
  ['ApiRequestedRangeNotSatisfiableResponse', 416],
  ['ApiExpectationFailedResponse', 417],
  ['ApiIAmATeapotResponse', 418],
  ['ApiMisdirectedResponse', 421],
  ['ApiUnprocessableEntityResponse', 422],
  ['ApiFailedDependencyResponse', 424],
  ['ApiPreconditionRequiredResponse', 428],
  ['ApiTooManyRequestsResponse', 429],
  ['ApiInternalServerErrorResponse', 500],
  ['ApiNotImplementedResponse', 501],
  ['ApiBadGatewayResponse', 502],
  ['ApiServiceUnavailableResponse', 503],
  ['ApiGatewayTimeoutResponse', 504],
  ['ApiHttpVersionNotSupportedResponse', 505],
  ['ApiDefaultResponse', 'default'],
]);

/** `@nestjs/common`'s built-in exceptions and the status each is sent with (checked against the installed package in the test). */
export const NEST_EXCEPTION_STATUS: ReadonlyMap<string, number> = new Map([
  ['BadRequestException', 400],
  ['UnauthorizedException', 401],
  ['ForbiddenException', 403],
  ['NotFoundException', 404],
  ['MethodNotAllowedException', 405],
  ['NotAcceptableException', 406],
  ['RequestTimeoutException', 408],
  ['ConflictException', 409],
  ['GoneException', 410],
  ['PreconditionFailedException', 412],
  ['PayloadTooLargeException', 413],
  ['UnsupportedMediaTypeException', 415],
  ['ImATeapotException', 418],
  ['MisdirectedException', 421],
  ['UnprocessableEntityException', 422],
  ['InternalServerErrorException', 500],
  ['NotImplementedException', 501],
  ['BadGatewayException', 502],
  ['ServiceUnavailableException', 503],
  ['GatewayTimeoutException', 504],
  ['HttpVersionNotSupportedException', 505],
]);

/** Nest's route decorators; `@Post()` answers 201 unless `@HttpCode(n)` says otherwise, the others 200. */
const NEST_ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'Options', 'All', 'Search']);
/** Decorators after which the status is not Nest's: `@Redirect` sends its own, `@Sse` streams. */
const NEST_OWN_STATUS_DECORATORS = new Set(['Redirect', 'Sse', 'Render']);
/** Parameter decorators that hand the handler the platform's response object: it may set any status. */
const NEST_RESPONSE_PARAMETERS = new Set(['Res', 'Response', 'Next']);
/** A decorator that is neither Nest's nor swagger's but may declare responses (`applyDecorators(ApiResponse(...))`). */
const MAYBE_DECLARES = /api|response|swagger|doc/i;

/** What a NestJS controller method declares and sends, as far as the file shows it. */
export interface NestRouteResponses {
  readonly declarations: readonly Declaration[];
  readonly sent: readonly SentStatus[];
}

/**
 * The declared and sent statuses of a decorated controller method: `@ApiResponse` and its shortcuts on the method
 * and its class against `@HttpCode(n)` (else 201 for `@Post`, 200 otherwise) and the `HttpException`s thrown in
 * the method's own body (not in a `try`, not in a nested function). Undefined when the file does not settle it: no
 * route decorator, `@Redirect`/`@Sse`/`@Render`, a `@Res()` parameter, a declaration or status it cannot read, a
 * decorator of the project's own that may declare responses.
 */
export function nestRouteResponses(context: Context, method: TSESTree.MethodDefinition): NestRouteResponses | undefined {
  const fn = method.value;
  if (fn.type !== AST_NODE_TYPES.FunctionExpression || !fn.body) return undefined;
  if (fn.params.some((param) => hasResponseParameter(context, param))) return undefined;
  const declarations: Declaration[] = [];
  const routes: { name: string; node: Node }[] = [];
  let httpCode: SentStatus | undefined;
  for (const decorator of method.decorators) {
    const read = readDecorator(context, decorator, true);
    if (read === undefined) return undefined;
    if (read.kind === 'declaration') declarations.push(read.declaration);
    else if (read.kind === 'route') routes.push({ name: read.name, node: read.node });
    else if (read.kind === 'httpCode') httpCode = read.sent;
    else if (read.kind === 'ownStatus') return undefined;
  }
  // One route decorator: with two (`@Get() @Post()`), the default status is not one.
  const [route] = routes;
  if (!route || routes.length !== 1) return undefined;
  const owner = method.parent.parent;
  if (owner.type !== AST_NODE_TYPES.ClassDeclaration && owner.type !== AST_NODE_TYPES.ClassExpression) return undefined;
  for (const decorator of owner.decorators) {
    const read = readDecorator(context, decorator, false);
    if (read === undefined) return undefined;
    if (read.kind === 'declaration') declarations.push(read.declaration);
  }
  const sent: SentStatus[] = [httpCode ?? { code: route.name === 'Post' ? 201 : 200, node: route.node }];
  for (const thrown of thrownExceptions(fn.body)) {
    const code = exceptionStatus(context, thrown);
    if (code !== undefined) sent.push({ code, node: thrown });
  }
  return { declarations, sent };
}

type ReadDecorator =
  | { readonly kind: 'declaration'; readonly declaration: Declaration }
  | { readonly kind: 'route'; readonly name: string; readonly node: Node }
  | { readonly kind: 'httpCode'; readonly sent: SentStatus }
  | { readonly kind: 'ownStatus' }
  | { readonly kind: 'other' };

const OTHER: ReadDecorator = { kind: 'other' };

/** One decorator of a method (`own`) or of its class; undefined when it leaves the responses unsettled. */
function readDecorator(context: Context, decorator: TSESTree.Decorator, own: boolean): ReadDecorator | undefined {
  const expression = unwrap(decorator.expression);
  const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
  const origin = originOf(context, callee);
  const name = origin?.path.at(-1);
  if (!origin || name === undefined) {
    const written = calleeName(callee);
    return written !== undefined && MAYBE_DECLARES.test(written) ? undefined : OTHER;
  }
  const args = expression.type === AST_NODE_TYPES.CallExpression ? expression.arguments : [];
  if (origin.module === '@nestjs/swagger') {
    const shortcut = NEST_SWAGGER_SHORTCUTS.get(name);
    if (shortcut !== undefined) return { kind: 'declaration', declaration: { key: declaredKeyOf(shortcut) as DeclaredKey, node: decorator, own } };
    if (name !== 'ApiResponse') return /Response/.test(name) ? undefined : OTHER;
    const key = apiResponseKey(context, args[0]);
    return key && { kind: 'declaration', declaration: { key, node: decorator, own } };
  }
  if (origin.module === '@nestjs/common') {
    if (NEST_ROUTE_DECORATORS.has(name)) return own ? { kind: 'route', name, node: decorator } : OTHER;
    if (NEST_OWN_STATUS_DECORATORS.has(name)) return { kind: 'ownStatus' };
    if (name === 'HttpCode') {
      const status = args[0];
      const value = status && status.type !== AST_NODE_TYPES.SpreadElement ? resolveStatus(context, status) : undefined;
      return value && value.kind !== 'string' ? { kind: 'httpCode', sent: { code: value.value, node: status as Node } } : undefined;
    }
    if (name === 'applyDecorators') return undefined;
    return OTHER;
  }
  return MAYBE_DECLARES.test(name) ? undefined : OTHER;
}

/** The `status` of `@ApiResponse({ status })`: swagger files a response without one under `default`. */
function apiResponseKey(context: Context, options: Node | undefined): DeclaredKey | undefined {
  const object = options && unwrap(options);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  if (object.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const status = objectProperty(object, 'status');
  if (!status) return { kind: 'default' };
  const value = resolveStatus(context, status.value);
  if (!value) return undefined;
  return declaredKeyOf(value.kind === 'string' ? value.text : value.value);
}

function hasResponseParameter(context: Context, param: TSESTree.Parameter): boolean {
  return param.decorators.some((decorator) => {
    const expression = unwrap(decorator.expression);
    const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
    const origin = originOf(context, callee);
    const name = origin?.path.at(-1) ?? calleeName(callee);
    return name !== undefined && NEST_RESPONSE_PARAMETERS.has(name);
  });
}

/** `throw new X(...)` in a method's own body: not inside a nested function, not inside a `try` block. */
function thrownExceptions(body: TSESTree.BlockStatement): TSESTree.NewExpression[] {
  const found: TSESTree.NewExpression[] = [];
  const visit = (node: Node): void => {
    if (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody) return;
    if (node.type === AST_NODE_TYPES.TryStatement) {
      if (node.handler) visit(node.handler.body);
      if (node.finalizer) visit(node.finalizer);
      return;
    }
    if (node.type === AST_NODE_TYPES.ThrowStatement) {
      const argument = unwrap(node.argument);
      if (argument.type === AST_NODE_TYPES.NewExpression) found.push(argument);
      return;
    }
    for (const key of Object.keys(node) as (keyof typeof node)[]) {
      if (key === 'parent') continue;
      const child = node[key] as unknown;
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) visit(item);
      } else if (isNode(child)) visit(child);
    }
  };
  visit(body);
  return found;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The status a thrown `new X(...)` is sent with: a built-in exception's, or `HttpException`'s second argument. */
function exceptionStatus(context: Context, thrown: TSESTree.NewExpression): number | undefined {
  const origin = originOf(context, thrown.callee);
  const name = origin?.path.at(-1);
  if (origin?.module !== '@nestjs/common' || name === undefined) return undefined;
  if (name !== 'HttpException') return NEST_EXCEPTION_STATUS.get(name);
  const status = thrown.arguments[1];
  if (!status || status.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const value = resolveStatus(context, status);
  return value && value.kind !== 'string' ? value.value : undefined;
}

