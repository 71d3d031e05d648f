/**
 * `redirect-status`: a redirect whose status is not the one it seems to send (Express and Hono overwrite a status set
 * before `redirect(url)` with 302), and a 301 or 302 that answers a POST, PUT, PATCH or DELETE route, which makes
 * clients change or repeat the method (RFC 9110 §15.4.2, §15.4.3): 303 sends them to GET the result (§15.4.4),
 * 307 and 308 keep the method.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import type { Node } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { ADAPTERS } from '../src/frameworks/index.js';
import { handlerOf, routeMethodOf } from '../src/handlers.js';
import { statusEdit } from '../src/import-fixer.js';
import { defaultRedirectOf, koaKeeps, returnsOwnStatus, statusSetsBefore, type DefaultRedirect, type EarlierSet } from '../src/redirects.js';
import { isResponseSite, visitStatusSites, type StatusSite } from '../src/sites.js';
import { reasonPhrase } from '../src/status-table.js';
import { resolveStatus } from '../src/status-value.js';
import { isInsideTestDouble } from '../src/test-doubles.js';

export type Options = [];
export type MessageIds = 'statusLost' | 'passStatus' | 'methodChange' | 'useSeeOther' | 'keepMethod';

const SEE_OTHER = 303;
/** The redirects that let a client change the method, and the one that keeps it in their place. */
const METHOD_KEEPING: ReadonlyMap<number, number> = new Map([
  [301, 308],
  [302, 307],
]);
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export default createRule<Options, MessageIds>({
  name: 'redirect-status',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow redirects that drop the status set before them, or answer a POST, PUT, PATCH or DELETE with 301 or 302',
      strict: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      statusLost:
        '`{{call}}` sends {{sent}} ({{sentPhrase}}) and drops the {{code}} ({{codePhrase}}) set before it: pass the status to the redirect instead.',
      passStatus: 'Pass {{text}} to the redirect.',
      methodChange:
        'This {{code}} ({{phrase}}) answers a {{method}} route: {{consequence}} (RFC 9110 §15.4.{{section}}). Use 303 (See Other) to send the client to GET the result, or {{keeping}} ({{keepingPhrase}}) to keep the method.',
      useSeeOther: 'Redirect with {{text}} (See Other): the client follows it with a GET (RFC 9110 §15.4.4).',
      keepMethod: 'Redirect with {{text}} ({{phrase}}): the client repeats the {{method}} at the new URL.',
    },
  },
  defaultOptions: [],
  create(context) {
    if (!context.sourceCode.text.includes('edirect')) return {};

    /** The method of the route the node answers, when it is one that must not become a GET unasked. */
    const unsafeMethodOf = (node: Node): string | undefined => {
      const handler = handlerOf(node);
      const method = handler && routeMethodOf(handler);
      if (!handler || method === undefined || !UNSAFE_METHODS.has(method)) return undefined;
      if (handler.kind === 'nest' && returnsOwnStatus(context, handler.node)) return undefined;
      return method;
    };

    const reportMethod = (
      node: Node,
      code: number,
      method: string,
      edit: (code: number) => { text: string; fix: TSESLint.ReportFixFunction } | undefined,
    ): void => {
      const keeping = METHOD_KEEPING.get(code);
      if (keeping === undefined || isInsideTestDouble(context, node)) return;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const seeOther = edit(SEE_OTHER);
      if (seeOther) suggest.push({ messageId: 'useSeeOther', data: { text: seeOther.text }, fix: seeOther.fix });
      const keep = edit(keeping);
      if (keep) suggest.push({ messageId: 'keepMethod', data: { text: keep.text, phrase: phraseOf(keeping), method }, fix: keep.fix });
      context.report({
        node,
        messageId: 'methodChange',
        data: {
          code,
          phrase: phraseOf(code),
          method,
          consequence: method === 'POST' ? 'browsers follow it with a GET, other clients may repeat the POST' : `browsers repeat the ${method} at the new URL`,
          section: code === 301 ? 2 : 3,
          keeping,
          keepingPhrase: phraseOf(keeping),
        },
        suggest,
      });
    };

    /** `res.redirect(301, url)`, `@Redirect(url, 302)`, `redirect(302, url)`: the engine's redirect sites. */
    const checkSite = (site: StatusSite, code: number): void => {
      const method = unsafeMethodOf(site.node);
      if (method === undefined) return;
      reportMethod(site.status, code, method, (next) => statusEdit(context, next, site.status, site));
    };

    /** `res.redirect(url)`: the status set before it, kept or lost, else the framework's default. */
    const checkDefault = (redirect: DefaultRedirect): void => {
      const sets = statusSetsBefore(redirect);
      const write = (code: number): { text: string; fix: TSESLint.ReportFixFunction } | undefined => {
        const { writeStatus } = redirect;
        return writeStatus && { text: String(code), fix: (fixer) => writeStatus(fixer, String(code)) };
      };
      let code = redirect.code;
      if (sets.length > 0) {
        // the chain runs after the statements before it; of those, the last one wins
        const last = sets[0]?.chained === true ? sets[0] : sets.at(-1);
        const value = last && resolveStatus(context, last.status);
        const known = last?.certain === true && value !== undefined && value.kind !== 'string' ? value.value : undefined;
        if (redirect.earlier === 'overwritten') {
          if (known !== undefined && known !== code && known >= 300 && known <= 308) {
            if (!isInsideTestDouble(context, redirect.call)) reportLost(redirect, last as EarlierSet, known);
            return;
          }
        } else if (known === undefined) {
          return;
        } else if (redirect.earlier === 'kept' || koaKeeps(known)) {
          code = known;
        }
      }
      const method = unsafeMethodOf(redirect.call);
      if (method !== undefined) reportMethod(redirect.call, code, method, write);
    };

    const reportLost = (redirect: DefaultRedirect, set: EarlierSet, code: number): void => {
      const text = context.sourceCode.getText(set.status);
      const { writeStatus } = redirect;
      context.report({
        node: redirect.call,
        messageId: 'statusLost',
        data: { call: `${redirect.response?.name ?? ''}.redirect(url)`, sent: redirect.code, sentPhrase: phraseOf(redirect.code), code: text, codePhrase: phraseOf(code) },
        suggest: writeStatus
          ? [
              {
                messageId: 'passStatus',
                data: { text },
                fix: (fixer) => {
                  const fixes = [writeStatus(fixer, text)];
                  // res.status(301).redirect(url) → res.redirect(301, url): the status call goes with it.
                  const call = set.node as TSESTree.CallExpression;
                  if (set.chained && call.callee.type === AST_NODE_TYPES.MemberExpression) fixes.push(fixer.removeRange([call.callee.object.range[1], call.range[1]]));
                  return fixes;
                },
              },
            ]
          : [],
      });
    };

    const listener = visitStatusSites(context, ADAPTERS, { comparisons: false, assertions: false, accepts: (code) => METHOD_KEEPING.has(code) }, (site, value) => {
      if (!isResponseSite(site) || site.redirect !== true || !value || value.kind === 'string' || !METHOD_KEEPING.has(value.value)) return;
      checkSite(site, value.value);
    });
    const engineCall = listener.CallExpression;
    return {
      ...listener,
      CallExpression(node: TSESTree.CallExpression) {
        engineCall?.(node);
        const redirect = defaultRedirectOf(context, node);
        if (redirect) checkDefault(redirect);
      },
    };
  },
});

function phraseOf(code: number): string {
  return reasonPhrase(code) ?? String(code);
}
