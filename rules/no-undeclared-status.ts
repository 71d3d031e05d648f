/**
 * `no-undeclared-status`: a status that a handler sends but its route does not declare (NestJS `@ApiResponse` and
 * its shortcuts, Fastify `schema.response`); behind `reportUnsent`, a declared success or redirect status that the
 * handler never sends. Same-file only; where the file does not settle it, silent.
 */
import type { TSESTree } from '@typescript-eslint/types';
import type { Node } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { isDeclared, type Declaration, type SentStatus } from '../src/declared-responses.js';
import { fastifyRouteResponses } from '../src/frameworks/fastify.js';
import { nestRouteResponses } from '../src/frameworks/nest.js';
import type { FunctionNode } from '../src/handlers.js';
import { reasonPhrase } from '../src/status-table.js';

export type Options = [
  {
    reportUnsent?: boolean;
  },
];
export type MessageIds = 'undeclaredNest' | 'undeclaredFastify' | 'unsentStatus';

/** `304` is sent by the platform's freshness check, not by the handler: its declaration is never unsent. */
const PLATFORM_SENT = 304;

export default createRule<Options, MessageIds>({
  name: 'no-undeclared-status',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the statuses a handler sends to be declared by its route (NestJS `@ApiResponse`, Fastify response schemas)',
      strict: true,
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          reportUnsent: {
            type: 'boolean',
            description:
              'Also report a declared 2xx or 3xx status (other than 304) that the handler never sends in the file: a route documented with a response it does not give.',
          },
        },
      },
    ],
    defaultOptions: [{ reportUnsent: false }],
    messages: {
      undeclaredNest:
        'This handler sends {{code}}{{phrase}} but neither the method nor its controller declares it: add `@ApiResponse({ status: {{code}} })` (or its shortcut) so the OpenAPI document lists it.',
      undeclaredFastify:
        'This handler sends {{code}}{{phrase}} but `schema.response` has no entry for it: Fastify serializes this body with plain `JSON.stringify`, without the schema\'s field filtering. Add a `{{code}}` response schema.',
      unsentStatus: 'The route declares {{code}}{{phrase}} but the handler never sends it: remove the declaration, or send the status it documents.',
    },
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const reportUnsent = options.reportUnsent === true;
    const { text } = context.sourceCode;
    const nest = text.includes('@nestjs/swagger');
    const fastify = text.includes('response');
    if (!nest && !fastify) return {};

    const check = (declarations: readonly Declaration[], sent: readonly SentStatus[], messageId: 'undeclaredNest' | 'undeclaredFastify', unsentSeen: boolean, alwaysSent: readonly number[]): void => {
      if (declarations.length === 0) return;
      for (const { code, node } of sent) {
        if (!isDeclared(declarations, code)) context.report({ node, messageId, data: { code, phrase: phraseOf(code) } });
      }
      if (!reportUnsent || !unsentSeen) return;
      const codes = new Set([...alwaysSent, ...sent.map((status) => status.code)]);
      for (const { key, node, own } of declarations) {
        if (!own || key.kind !== 'code' || key.code < 200 || key.code >= 400 || key.code === PLATFORM_SENT || codes.has(key.code)) continue;
        context.report({ node, messageId: 'unsentStatus', data: { code: key.code, phrase: phraseOf(key.code) } });
      }
    };

    const checkFastify = (fn: FunctionNode): void => {
      const route = fastifyRouteResponses(context, fn);
      // Fastify answers 200 unless told otherwise.
      if (route) check(route.declarations, route.sent, 'undeclaredFastify', route.complete, [200]);
    };

    return {
      ...(nest && {
        'MethodDefinition[decorators.length>0]'(method: TSESTree.MethodDefinition) {
          const route = nestRouteResponses(context, method);
          if (route) check(route.declarations, route.sent, 'undeclaredNest', true, []);
        },
      }),
      ...(fastify && {
        'CallExpression > :function, Property[key.name="handler"] > :function'(fn: Node) {
          checkFastify(fn as FunctionNode);
        },
      }),
    };
  },
});

function phraseOf(code: number): string {
  const phrase = reasonPhrase(code);
  return phrase === undefined ? '' : ` (${phrase})`;
}
