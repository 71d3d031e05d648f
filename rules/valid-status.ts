/**
 * `valid-status`: a status that no HTTP response can have, that the registry does not list,
 * that is a string or a fraction, or a redirect helper's status that does not redirect.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { calleeName, calleeObject, simpleName, unwrap, type Node } from '../src/ast.js';
import { isResponseName } from '../src/frameworks/shared.js';
import { createRule } from '../src/create-rule.js';
import { SITES_OPTION_SCHEMA, fromOptions } from '../src/options.js';
import { ADAPTERS } from '../src/frameworks/index.js';
import { consequenceOf, isFetchSite, isResponseStatus, isWebSocketUpgrade } from '../src/frameworks/consequences.js';
import { statusEdit } from '../src/import-fixer.js';
import { visitStatusSites, type CustomSite, type StatusSite } from '../src/sites.js';
import { isRegisteredStatus, reasonPhrase } from '../src/status-table.js';
import type { StatusValue } from '../src/status-value.js';

export type Options = [
  {
    allow?: number[];
    comparisons?: boolean;
    assertions?: boolean;
    sites?: CustomSite[];
  },
];

export type MessageIds =
  | 'outOfRange'
  | 'outOfRangeTypo'
  | 'fetchRange'
  | 'unregistered'
  | 'unregisteredTypo'
  | 'notInteger'
  | 'stringStatus'
  | 'stringComparison'
  | 'notRedirect'
  | 'statusAsUrl'
  | 'replaceWith';

/** The statuses a browser follows `Location` for (Fetch standard, "redirect status"). */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const allowedCodes = fromOptions((options: Options[0]): ReadonlySet<number> => new Set(options.allow ?? []));

export default createRule<Options, MessageIds>({
  name: 'valid-status',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow HTTP status codes that are out of range, unregistered, not integers, or not redirects where a redirect is made',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            type: 'array',
            description: "A project's own status codes (in 100-599) that the IANA registry does not list, such as 499; they are not reported as unregistered.",
            items: { type: 'integer', minimum: 100, maximum: 599 },
            uniqueItems: true,
          },
          comparisons: {
            type: 'boolean',
            description: 'Also check statuses in comparisons (`res.status === 4040`, `res.status === \'404\'`, `case 4040:`).',
          },
          assertions: {
            type: 'boolean',
            description: 'Also check statuses in tests and mocks (`expect(res.status).toBe(4040)`, `.expect(4040)`).',
          },
          sites: SITES_OPTION_SCHEMA,
        },
      },
    ],
    defaultOptions: [{ allow: [], comparisons: true, assertions: true, sites: [] }],
    messages: {
      outOfRange: 'Status {{text}} is not a valid HTTP status code (RFC 9110 allows 100 to 599){{consequence}}.',
      outOfRangeTypo: 'Status {{text}} looks like a typo of {{candidates}}: it is not a valid HTTP status code (RFC 9110 allows 100 to 599){{consequence}}.',
      fetchRange: 'Status {{text}} cannot be given to a Fetch `Response`: its constructor throws a RangeError for any status outside 200 to 599.',
      unregistered: 'Status {{text}} is not a registered HTTP status code: use a registered one, or list it in `allow` if it is your own.',
      unregisteredTypo: 'Status {{text}} looks like a typo of {{candidates}}: it is not a registered HTTP status code (list it in `allow` if it is your own).',
      notInteger: 'Status {{text}} is not an integer{{consequence}}.',
      stringStatus: 'Status {{text}} is a string: write {{replacement}} instead{{consequence}}.',
      stringComparison: 'Status {{text}} is a string, and a status is a number: this strict comparison never matches.',
      notRedirect: 'Status {{text}} is not a redirect status: a redirect needs 301, 302, 303, 307 or 308{{consequence}}.',
      statusAsUrl:
        'Status {{text}} is the only argument of `redirect()`, which takes it as the URL: Express redirects to the path "{{text}}" with 302. To redirect, give the status and then the URL (`res.redirect(301, url)`); to answer with the status, use `res.sendStatus({{text}})`.',
      replaceWith: 'Replace {{text}} with {{replacement}}.',
    },
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const allow = allowedCodes(options);

    const report = (
      node: Node,
      messageId: MessageIds,
      data: Record<string, string | number>,
      extra: { fix?: TSESLint.ReportFixFunction; suggest?: TSESLint.SuggestionReportDescriptor<MessageIds>[] } = {},
    ): void => {
      context.report({ node, messageId, data, ...(extra.fix ? { fix: extra.fix } : {}), suggest: extra.suggest ?? [] });
    };

    /** Suggestions that write each candidate code in place of the value. */
    const replacements = (site: StatusSite, value: StatusValue, text: string, codes: readonly number[]): TSESLint.SuggestionReportDescriptor<MessageIds>[] => {
      if (value.kind === 'constant') return [];
      return codes.map((code) => {
        const edit = statusEdit(context, code, value.node, site);
        return { messageId: 'replaceWith', data: { text, replacement: `${edit.text} (${reasonPhrase(code) ?? code})` }, fix: edit.fix };
      });
    };

    const checkRange = (site: StatusSite, value: StatusValue, code: number, text: string): boolean => {
      if (code >= 100 && code <= 599) return false;
      // A comparison or a test may meet 0 (a network error) or 999 (some servers' own): only a fourth digit is surely wrong,
      // and only where the checked value is a response's status, not a field of a parsed body (`body.status === 21002`).
      if (site.kind !== 'response' && (code < 1000 || !checksResponseStatus(site))) return false;
      const candidates = value.kind === 'constant' ? [] : typoCandidates(code);
      const consequence = clause(', and ', consequenceOf(context, site, 'range', code));
      if (candidates.length > 0) {
        report(value.node, 'outOfRangeTypo', { text, candidates: describe(candidates), consequence }, { suggest: replacements(site, value, text, candidates) });
      } else {
        report(value.node, 'outOfRange', { text, consequence });
      }
      return true;
    };

    const checkInteger = (site: StatusSite, value: StatusValue, code: number, text: string): boolean => {
      if (site.kind !== 'response' && !checksResponseStatus(site)) return false;
      const whole = Math.trunc(code);
      const suggest = isRegisteredStatus(whole) ? replacements(site, value, text, [whole]) : [];
      report(value.node, 'notInteger', { text, consequence: clause(': ', consequenceOf(context, site, 'integer', code)) }, { suggest });
      return true;
    };

    const checkNumber = (site: StatusSite, value: StatusValue, code: number, text: string): void => {
      if (!Number.isInteger(code)) {
        checkInteger(site, value, code, text);
        return;
      }
      if (checkRange(site, value, code, text)) return;
      if (site.kind !== 'response') return;
      if (site.redirect && !REDIRECT_STATUSES.has(code)) {
        report(value.node, 'notRedirect', { text, consequence: clause(', and ', consequenceOf(context, site, 'redirect', code)) });
        return;
      }
      if (code < 200 && isFetchSite(context, site) && !isWebSocketUpgrade(site)) {
        report(value.node, 'fetchRange', { text });
        return;
      }
      // A named constant for an unregistered code is the project's own code, documented by its name.
      if (isRegisteredStatus(code) || allow.has(code) || value.kind === 'constant') return;
      const candidates = swappedDigits(code);
      if (candidates.length > 0) {
        report(value.node, 'unregisteredTypo', { text, candidates: describe(candidates) }, { suggest: replacements(site, value, text, candidates) });
      } else {
        report(value.node, 'unregistered', { text });
      }
    };

    const checkString = (site: StatusSite, value: Extract<StatusValue, { kind: 'string' }>, code: number, text: string): void => {
      if (site.kind === 'assertion') return;
      if (site.kind === 'comparison') {
        if (!isStrictComparison(site.node) || !isResponseStatus(compared(site))) return;
        if (code < 100 || code > 599) return;
        report(value.node, 'stringComparison', { text }, { suggest: replacements(site, value, text, [code]) });
        return;
      }
      const valid = code >= 100 && code <= 599 && (isRegisteredStatus(code) || allow.has(code));
      if (!valid) {
        checkNumber(site, value, code, text);
        return;
      }
      const edit = statusEdit(context, code, value.node, site);
      report(
        value.node,
        'stringStatus',
        { text, replacement: edit.text, consequence: clause(', as ', consequenceOf(context, site, 'string', code)) },
        { fix: edit.fix },
      );
    };

    return visitStatusSites(
      context,
      ADAPTERS,
      { comparisons: options.comparisons ?? true, assertions: options.assertions ?? true, sites: options.sites ?? [] },
      (site, value) => {
        if (!value || value.value === undefined) return;
        const text = value.kind === 'constant' ? `\`${context.sourceCode.getText(value.node)}\` (${value.value})` : value.node.raw;
        if (site.urlArgument) {
          report(value.node, 'statusAsUrl', { text });
          return;
        }
        if (value.kind === 'string') checkString(site, value, value.value, text);
        else checkNumber(site, value, value.value, text);
      },
    );
  },
});

function clause(connector: string, text: string | undefined): string {
  return text === undefined ? '' : `${connector}${text}`;
}

function describe(codes: readonly number[]): string {
  return codes.map((code) => `${code} (${reasonPhrase(code) ?? 'unknown'})`).join(' or ');
}

/** Registered codes a mistyped code was probably meant to be: one extra digit (`4040`, `2000`). */
export function typoCandidates(code: number): number[] {
  const digits = String(code);
  if (!/^\d{4}$/.test(digits)) return [];
  const found: number[] = [];
  for (let index = digits.length - 1; index >= 0; index--) {
    const shorter = digits.slice(0, index) + digits.slice(index + 1);
    const candidate = Number(shorter);
    if (/^[1-5]/.test(shorter) && isRegisteredStatus(candidate) && !found.includes(candidate)) found.push(candidate);
  }
  return found;
}

/** Registered codes an unregistered one becomes with two neighbouring digits swapped (`430` for 403). */
export function swappedDigits(code: number): number[] {
  const digits = String(code);
  if (!/^\d{3}$/.test(digits)) return [];
  const found: number[] = [];
  for (let index = 0; index < digits.length - 1; index++) {
    const swapped = digits.slice(0, index) + (digits[index + 1] as string) + (digits[index] as string) + digits.slice(index + 2);
    const candidate = Number(swapped);
    if (/^[1-5]/.test(swapped) && isRegisteredStatus(candidate) && !found.includes(candidate)) found.push(candidate);
  }
  return found;
}

/** `===`, `!==`, or a `case` (which compares strictly). */
function isStrictComparison(node: Node): boolean {
  return node.type === AST_NODE_TYPES.SwitchCase || (node.type === AST_NODE_TYPES.BinaryExpression && (node.operator === '===' || node.operator === '!=='));
}

/** Assertions whose subject is the response itself: supertest `.expect(n)`, chai-http `.status(n)`, nock `.reply(n)`. */
const RESPONSE_ASSERTIONS = new Set(['expect', 'status', 'reply']);
/** Assertions of the `assert.equal(actual, expected)` shape. */
const TWO_ARGUMENT_ASSERTIONS = new Set(['equal', 'strictEqual', 'deepEqual', 'deepStrictEqual', 'notEqual', 'notStrictEqual', 'notDeepStrictEqual', 'is', 'not', 'same', 'strictSame']);

/** The argument of `expect(subject)` at the start of a matcher chain (`expect(x).not.toBe(n)`, `expect(x).to.equal(n)`). */
function expectSubject(call: Node): Node | undefined {
  let current: Node | undefined = call.type === AST_NODE_TYPES.CallExpression ? calleeObject(call.callee) : undefined;
  while (current && unwrap(current).type === AST_NODE_TYPES.MemberExpression) current = (unwrap(current) as { object: Node }).object;
  const target = current && unwrap(current);
  if (target?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const name = calleeName(target.callee);
  return name === 'expect' || name === 'soft' ? target.arguments[0] : undefined;
}

/**
 * The value a comparison or assertion checks is certainly the status of a response: `res.status`,
 * `response.statusCode`, `response.status()`, `expect(res).toHaveProperty('status', n)`, a supertest or chai-http
 * assertion, a nock reply. Not a field of a parsed body (`body.status`, `data.status`, `json.statusCode`,
 * `result.body.status`), nor a bare `status`, which may be any field.
 */
function checksResponseStatus(site: StatusSite): boolean {
  const { node } = site;
  if (node.type === AST_NODE_TYPES.SwitchCase || node.type === AST_NODE_TYPES.BinaryExpression) return isResponseStatus(compared(site));
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = calleeName(node.callee);
  if (name === undefined) return false;
  if (RESPONSE_ASSERTIONS.has(name) && name !== 'expect') return true;
  if (name === 'expect') return expectSubject(node) === undefined;
  // `[301, 302].includes(res.status)`, `expect([400, 401]).toContain(res.status)`
  if (name === 'includes' || name === 'toContain') return isResponseStatus(node.arguments[0]);
  if (name === 'toHaveProperty') return isResponseName(simpleName(expectSubject(node)));
  if (TWO_ARGUMENT_ASSERTIONS.has(name) && expectSubject(node) === undefined) {
    const [actual, expected] = node.arguments;
    return isResponseStatus(actual === site.status ? expected : actual);
  }
  return isResponseStatus(expectSubject(node));
}

/** The other side of a comparison site: what holds the status. */
function compared(site: StatusSite): Node | undefined {
  const { node } = site;
  if (node.type === AST_NODE_TYPES.SwitchCase) return node.parent.discriminant;
  if (node.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  return node.left === site.status ? node.right : node.left;
}
