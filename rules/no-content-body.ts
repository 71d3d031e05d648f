/**
 * `no-content-body`: content sent with 204 No Content, 205 Reset Content or 304 Not Modified,
 * which never carry any (RFC 9110 §15.3.5, §15.3.6, §15.4.5).
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { BODILESS_STATUSES, bodySentWith, type SentBody } from '../src/body.js';
import { constantEdit, statusEdit } from '../src/import-fixer.js';
import { createRule } from '../src/create-rule.js';
import { ADAPTERS } from '../src/frameworks/index.js';
import { isResponseSite, visitStatusSites, type StatusSite } from '../src/sites.js';
import { STATUS_CODES } from '../src/status-table.js';
import { isInsideTestDouble } from '../src/test-doubles.js';
import type { StatusValue } from '../src/status-value.js';

export type Options = [];
export type MessageIds = 'noContentBody' | 'removeBody' | 'useOk';

const OK = 200;

export default createRule<Options, MessageIds>({
  name: 'no-content-body',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow a body in 204 No Content, 205 Reset Content and 304 Not Modified responses',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      noContentBody: 'A {{code}} ({{phrase}}) response never carries content (RFC 9110 {{section}}){{consequence}}.',
      removeBody: 'Send the {{code}} response without content.',
      useOk: 'Send the content with 200 (OK) instead.',
    },
  },
  defaultOptions: [],
  create(context) {
    /** Writes 200 where the status is: a number, or the same library's constant. */
    const useOk = (site: StatusSite, value: StatusValue): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined => {
      if (value.kind === 'number') return { messageId: 'useOk', fix: statusEdit(context, OK, value.node, site).fix };
      if (value.kind === 'constant' && value.source) {
        const edit = constantEdit(context, value.source, OK, value.node);
        return edit ? { messageId: 'useOk', fix: edit.fix } : undefined;
      }
      return undefined;
    };

    const report = (site: StatusSite, value: StatusValue, code: number, body: SentBody): void => {
      const info = STATUS_CODES.get(code);
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      if (body.removal) suggest.push({ messageId: 'removeBody', data: { code }, fix: body.removal });
      const ok = useOk(site, value);
      if (ok) suggest.push(ok);
      context.report({
        node: body.node,
        messageId: 'noContentBody',
        data: {
          code,
          phrase: info?.phrase ?? '',
          section: (info?.reference ?? '').replace(/^RFC 9110 /, ''),
          consequence: consequenceOf(body),
        },
        suggest,
      });
    };

    return visitStatusSites(context, ADAPTERS, { comparisons: false, assertions: false, accepts: (code) => BODILESS_STATUSES.has(code) }, (site, value) => {
      if (!isResponseSite(site) || !value || value.kind === 'string' || !BODILESS_STATUSES.has(value.value)) return;
      if (isInsideTestDouble(context, site.node)) return;
      const body = bodySentWith(context, site, value.value);
      if (body) report(site, value, value.value, body);
    });
  },
});

/** What the runtime does with the content, as a clause the message ends with. */
function consequenceOf(body: SentBody): string {
  if (!body.runtime) return '';
  switch (body.fate) {
    case 'throws':
      return `: ${body.runtime} throws a TypeError for it`;
    case 'dropped':
      return `: ${body.runtime} drops it silently`;
    case 'sent':
      return `: ${body.runtime} sends it anyway, and clients may misread it`;
    default:
      return '';
  }
}
