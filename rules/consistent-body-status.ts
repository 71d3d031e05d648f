/**
 * `consistent-body-status`: a body whose own `status` / `statusCode` field names another status than the
 * response is sent with (RFC 9457 §3.1.2); behind an option, a Problem Details body sent without
 * `application/problem+json` (RFC 9457 §3).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { calleeName, enclosingFunction, objectProperty, unwrap, type Node } from '../src/ast.js';
import { bodyObjectOf } from '../src/body-object.js';
import { createRule } from '../src/create-rule.js';
import { ADAPTERS } from '../src/frameworks/index.js';
import { headerFacts } from '../src/headers.js';
import type { Context } from '../src/origins.js';
import { isResponseSite, visitStatusSites, type SiteContext, type StatusSite } from '../src/sites.js';
import { isInsideTestDouble } from '../src/test-doubles.js';
import { isStatusInRange, reasonPhrase } from '../src/status-table.js';
import { readsAsStatus, type StatusValue } from '../src/status-value.js';

export type Options = [
  {
    requireProblemContentType?: boolean;
  },
];
export type MessageIds = 'bodyStatusMismatch' | 'useResponseStatus' | 'missingProblemContentType' | 'otherProblemContentType';

/** The body fields that name a status. */
const STATUS_FIELDS = ['status', 'statusCode'] as const;

/** A file that may have such a field at all: `status:`, `statusCode:`, quoted, or shorthand (`{ status }`). */
const STATUS_FIELD_TEXT = /\bstatus(?:Code)?\b['"]?\s*[:,}]/;

const PROBLEM_JSON = 'application/problem+json';

export default createRule<Options, MessageIds>({
  name: 'consistent-body-status',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the `status` or `statusCode` field of a response body to match the status the response is sent with',
      strict: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          requireProblemContentType: {
            type: 'boolean',
            description:
              'Also report a body with the Problem Details shape (both `type` and `title` members) that its response does not send as `application/problem+json` (RFC 9457 §3).',
          },
        },
      },
    ],
    defaultOptions: [{ requireProblemContentType: false }],
    messages: {
      bodyStatusMismatch:
        'The body says `{{field}}: {{bodyCode}}`{{bodyPhrase}} but the response is sent with {{code}}{{phrase}}: make them the same, since clients may read either (RFC 9457 §3.1.2).',
      useResponseStatus: 'Set `{{field}}` to `{{text}}`, the status the response is sent with.',
      missingProblemContentType:
        'This body has the Problem Details shape (`type` and `title`): send it with `Content-Type: application/problem+json` (RFC 9457 §3).',
      otherProblemContentType:
        'This body has the Problem Details shape (`type` and `title`) but is sent as `{{actual}}`: send it as `application/problem+json` (RFC 9457 §3).',
    },
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const requireProblem = options.requireProblemContentType === true;
    const { text } = context.sourceCode;
    if (!STATUS_FIELD_TEXT.test(text) && !(requireProblem && text.includes('title'))) return {};

    const checkFields = (site: StatusSite, value: StatusValue, code: number, body: TSESTree.ObjectExpression, sites: SiteContext): void => {
      for (const field of STATUS_FIELDS) {
        const property = objectProperty(body, field);
        if (!property) continue;
        const bodyValue = sites.resolve(property.value);
        if (!bodyValue || bodyValue.kind === 'string' || !readsAsStatus(bodyValue) || bodyValue.value === code) continue;
        if (isInsideTestDouble(context, site.node)) return;
        const written = context.sourceCode.getText(value.node);
        context.report({
          node: property.value,
          messageId: 'bodyStatusMismatch',
          data: { field, bodyCode: bodyValue.value, bodyPhrase: phraseOf(bodyValue.value), code, phrase: phraseOf(code) },
          suggest: [
            {
              messageId: 'useResponseStatus',
              data: { field, text: written },
              fix: (fixer: TSESLint.RuleFixer) =>
                property.shorthand ? fixer.replaceText(property, `${field}: ${written}`) : fixer.replaceText(property.value, written),
            },
          ],
        });
      }
    };

    const checkProblem = (site: StatusSite, body: TSESTree.ObjectExpression): void => {
      if (!objectProperty(body, 'type') || !objectProperty(body, 'title')) return;
      const verdict = problemContentType(context, site, body);
      if (verdict.kind === 'ok' || isInsideTestDouble(context, site.node)) return;
      if (verdict.kind === 'missing') context.report({ node: body, messageId: 'missingProblemContentType' });
      else context.report({ node: body, messageId: 'otherProblemContentType', data: { actual: verdict.actual } });
    };

    return visitStatusSites(context, ADAPTERS, { comparisons: false, assertions: false, accepts: isStatusInRange }, (site, value, sites) => {
      if (!isResponseSite(site) || site.framework === 'msw' || !value || value.kind === 'string') return;
      const code = value.value;
      if (!isStatusInRange(code)) return;
      const body = bodyObjectOf(context, site, code);
      if (!body) return;
      checkFields(site, value, code, body, sites);
      if (requireProblem) checkProblem(site, body);
    });
  },
});

function phraseOf(code: number): string {
  const phrase = reasonPhrase(code);
  return phrase === undefined ? '' : ` (${phrase})`;
}

type Verdict = { readonly kind: 'ok' } | { readonly kind: 'missing' } | { readonly kind: 'other'; readonly actual: string };
const OK: Verdict = { kind: 'ok' };
const MISSING: Verdict = { kind: 'missing' };

/**
 * Hono's helpers write their own Content-Type over one set before (`c.header(...)`, an init's `headers`): only one
 * in their third argument wins (checked with Hono 4.13).
 */
const HONO_TYPED_HELPERS: ReadonlyMap<string, string> = new Map([
  ['json', 'application/json'],
  ['text', 'text/plain; charset=UTF-8'],
  ['html', 'text/html; charset=UTF-8'],
]);

/**
 * Whether the response of a Problem Details body is sent as `application/problem+json`. Silent (`ok`) when the
 * rule cannot tell: headers out of sight, a Content-Type value it cannot read, an API without headers (Nest's
 * `HttpException`), or Koa's `ctx.type = x`, which the header facts do not read.
 */
function problemContentType(context: Context, site: StatusSite, body: TSESTree.ObjectExpression): Verdict {
  const facts = headerFacts(context, site);
  if (!facts || facts.carrier === 'none') return OK;
  if (site.framework === 'koa' && /\.type\s*=[^=]/.test(context.sourceCode.getText(enclosingFunction(site.node) ?? context.sourceCode.ast))) return OK;
  const source = facts.headers.names.get('content-type');
  const helper = honoHelperOf(site, body);
  if (helper && source && !isWithin(source.node, helper.call.arguments[2])) return { kind: 'other', actual: helper.contentType };
  if (!source) return facts.headers.unknown ? OK : MISSING;
  const written = source.value && stringValue(source.value);
  if (written === undefined) return OK;
  const mediaType = written.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === PROBLEM_JSON ? OK : { kind: 'other', actual: written };
}

/** The Hono `c.json/text/html(...)` call that sends `body`, and the Content-Type it writes. */
function honoHelperOf(site: StatusSite, body: Node): { call: TSESTree.CallExpression; contentType: string } | undefined {
  if (site.framework !== 'hono') return undefined;
  let current: Node = body;
  while (current.parent && current.parent.type !== AST_NODE_TYPES.CallExpression) current = current.parent;
  const call = current.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== current) return undefined;
  const contentType = HONO_TYPED_HELPERS.get(calleeName(call.callee) ?? '');
  return contentType === undefined ? undefined : { call, contentType };
}

function isWithin(inner: Node, outer: Node | undefined): boolean {
  return outer !== undefined && inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

function stringValue(node: Node): string | undefined {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Literal && typeof target.value === 'string') return target.value;
  if (target.type === AST_NODE_TYPES.TemplateLiteral && target.expressions.length === 0) return target.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}
