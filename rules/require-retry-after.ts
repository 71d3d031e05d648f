/**
 * `require-retry-after`: a 429 (Too Many Requests) response should say how long to wait,
 * with `Retry-After` (RFC 6585 §4, RFC 9110 §10.2.3).
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { Node } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { fromOptions } from '../src/options.js';
import { ADAPTERS } from '../src/frameworks/index.js';
import { RATE_LIMIT_CALLBACKS, hasHeader, headerFacts, headerInsertion, isInsideCallback, sendName, type CallbackOption } from '../src/headers.js';
import { isMadeForCaller } from '../src/handlers.js';
import { isResponseSite, visitStatusSites } from '../src/sites.js';
import { isInsideTestDouble } from '../src/test-doubles.js';
import { reasonPhrase } from '../src/status-table.js';

export type Options = [
  {
    statuses?: number[];
    ignoreCallbacks?: CallbackOption[];
  },
];

export type MessageIds = 'missingRetryAfter' | 'retryAfterAfterSend' | 'nestException' | 'suggestRetryAfter';

const HEADER = 'Retry-After';
const NAME = 'retry-after';
/** An identifier no file declares: the fix does not compile (or throws) until the user picks the value. */
const PLACEHOLDER = 'String(RETRY_AFTER_SECONDS)';

/** The RFC section that asks for `Retry-After` on a status. */
function rfcFor(code: number): string {
  if (code === 429) return 'RFC 6585 §4';
  if (code === 503) return 'RFC 9110 §15.6.4';
  return 'RFC 9110 §10.2.3';
}

const settings = fromOptions((options: Options[0]) => ({
  statuses: new Set(options.statuses ?? [429]) as ReadonlySet<number>,
  callbacks: [...RATE_LIMIT_CALLBACKS, ...(options.ignoreCallbacks ?? [])],
}));

export default createRule<Options, MessageIds>({
  name: 'require-retry-after',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a `Retry-After` header on 429 (Too Many Requests) responses',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          statuses: {
            type: 'array',
            description: 'The statuses that must carry `Retry-After` (add 503 for planned downtime).',
            items: { type: 'integer', minimum: 100, maximum: 599 },
            uniqueItems: true,
          },
          ignoreCallbacks: {
            type: 'array',
            description:
              'More callbacks that a library calls after setting `Retry-After` itself, besides the built-in rate limiters: `{ property: "onLimit", module: "my-limiter" }`.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['property'],
              properties: {
                property: { type: 'string', minLength: 1, description: 'The options property (or class method) the library calls.' },
                module: { type: 'string', minLength: 1, description: 'The library: the options object must be passed to a call of one of its exports.' },
              },
            },
          },
        },
      },
    ],
    defaultOptions: [{ statuses: [429], ignoreCallbacks: [] }],
    messages: {
      missingRetryAfter: 'Set `Retry-After` on this {{code}} ({{phrase}}) response to tell the client how long to wait ({{rfc}}).',
      retryAfterAfterSend: '`Retry-After` is set after this {{code}} ({{phrase}}) response was sent, so it never reaches the client: set it before `{{send}}`.',
      nestException:
        "`HttpException` cannot carry `Retry-After`, so this {{code}} ({{phrase}}) response goes out without it ({{rfc}}): add `@Header('Retry-After', '…')` to the handler, set it on `@Res({ passthrough: true })`, or let `@nestjs/throttler` answer, whose guard sets it.",
      suggestRetryAfter: 'Add `{{how}}` and replace `RETRY_AFTER_SECONDS` with the number of seconds to wait.',
    },
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const { statuses, callbacks } = settings(options);
    const reportedLate = new Set<Node>();
    /** One report per response: `new HttpException({ statusCode: 429 }, 429)` is two sites of one response. */
    const reportedSites = new Set<Node>();

    return visitStatusSites(context, ADAPTERS, { comparisons: false, assertions: false, accepts: (code) => statuses.has(code) }, (site, value) => {
      if (!isResponseSite(site) || !value || value.value === undefined) return;
      const code = value.value;
      if (!statuses.has(code)) return;
      if (isInsideTestDouble(context, site.node) || isMadeForCaller(context, site)) return;
      if (isInsideCallback(context, site.node, callbacks)) return;
      const facts = headerFacts(context, site);
      if (!facts) return;
      const data = { code, phrase: reasonPhrase(code) ?? 'unregistered', rfc: rfcFor(code) };
      const late = facts.late.filter((header) => header.name === NAME);
      for (const header of late) {
        if (reportedLate.has(header.node)) continue;
        reportedLate.add(header.node);
        context.report({ node: header.node, messageId: 'retryAfterAfterSend', data: { code, phrase: data.phrase, send: sendName(header.send) } });
      }
      if (late.length > 0 || hasHeader(facts, NAME) || reportedSites.has(site.node)) return;
      reportedSites.add(site.node);
      if (facts.carrier === 'none') {
        if (facts.api === 'HttpException') context.report({ node: site.status, messageId: 'nestException', data });
        return;
      }
      const insertion = headerInsertion(context, site, HEADER, PLACEHOLDER);
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = insertion
        ? [{ messageId: 'suggestRetryAfter', data: { how: insertion.how }, fix: insertion.fix }]
        : [];
      context.report({ node: site.status, messageId: 'missingRetryAfter', data, suggest });
    });
  },
});
