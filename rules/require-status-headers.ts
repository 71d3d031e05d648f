/**
 * `require-status-headers`: the headers RFC 9110 requires of a status, set on the same
 * response: `WWW-Authenticate` on 401, `Allow` on 405, `Content-Range` on 206 and 416,
 * `Location` on a hand-made redirect, and whatever the `headers` option adds.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isStringLike, unwrap, type Node } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { fromOptions } from '../src/options.js';
import { ADAPTERS } from '../src/frameworks/index.js';
import { hasHeader, headerFacts, sendName, type HeaderFacts } from '../src/headers.js';
import { isMadeForCaller } from '../src/handlers.js';
import { isResponseSite, visitStatusSites } from '../src/sites.js';
import { isInsideTestDouble } from '../src/test-doubles.js';
import { reasonPhrase } from '../src/status-table.js';

export type Options = [
  {
    headers?: Record<string, string[]>;
  },
];

export type MessageIds = 'missingHeader' | 'missingConfiguredHeader' | 'headerAfterSend';

/** What RFC 9110 requires (MUST) or asks for (SHOULD) per status. 201 `Location` is opt-in. */
const DEFAULT_HEADERS: Readonly<Record<number, readonly string[]>> = {
  206: ['Content-Range'],
  301: ['Location'],
  302: ['Location'],
  303: ['Location'],
  307: ['Location'],
  308: ['Location'],
  401: ['WWW-Authenticate'],
  405: ['Allow'],
  407: ['Proxy-Authenticate'],
  416: ['Content-Range'],
};

/** Why a header belongs on a status, and where the RFC says so. */
const REASONS: Readonly<Record<string, { readonly rfc: string; readonly why: string }>> = {
  '201:location': { rfc: 'RFC 9110 §15.3.2', why: 'it names the resource that was created' },
  '206:content-range': {
    rfc: 'RFC 9110 §15.3.7',
    why: 'it says which part of the representation the body holds; for a page of a list, answer 200 with a `Link` header instead',
  },
  '301:location': { rfc: 'RFC 9110 §15.4.2', why: "it tells the client where to go (a framework's redirect helper sets it for you)" },
  '302:location': { rfc: 'RFC 9110 §15.4.3', why: "it tells the client where to go (a framework's redirect helper sets it for you)" },
  '303:location': { rfc: 'RFC 9110 §15.4.4', why: "it tells the client where to go (a framework's redirect helper sets it for you)" },
  '307:location': { rfc: 'RFC 9110 §15.4.8', why: "it tells the client where to go (a framework's redirect helper sets it for you)" },
  '308:location': { rfc: 'RFC 9110 §15.4.9', why: "it tells the client where to go (a framework's redirect helper sets it for you)" },
  '401:www-authenticate': { rfc: 'RFC 9110 §15.5.2', why: 'it names the authentication scheme the client must use' },
  '405:allow': { rfc: 'RFC 9110 §15.5.6', why: 'it lists the methods the resource supports' },
  '407:proxy-authenticate': { rfc: 'RFC 9110 §15.5.8', why: 'it names the authentication scheme the proxy expects' },
  '416:content-range': { rfc: 'RFC 9110 §15.5.17', why: 'it gives the current length of the representation, as `bytes */<length>`' },
};

/** A 206 with several ranges carries `Content-Type: multipart/byteranges` instead of `Content-Range` (RFC 9110 §15.3.7.2). */
function isMultipartByteranges(facts: HeaderFacts): boolean {
  const source = facts.headers.names.get('content-type');
  if (!source) return false;
  const value = source.value && unwrap(source.value);
  if (!value) return true;
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return value.value.toLowerCase().startsWith('multipart/byteranges');
  if (value.type === AST_NODE_TYPES.TemplateLiteral && value.quasis[0]) return (value.quasis[0].value.cooked ?? '').toLowerCase().startsWith('multipart/byteranges');
  return !isStringLike(value);
}

/** The headers each status needs: the defaults, with the `headers` option's lists in their place. */
const requiredHeaders = fromOptions((options: Options[0]): ReadonlyMap<number, readonly string[]> => {
  const required = new Map<number, readonly string[]>();
  for (const [code, headers] of Object.entries(DEFAULT_HEADERS)) required.set(Number(code), headers);
  for (const [code, headers] of Object.entries(options.headers ?? {})) required.set(Number(code), headers);
  return required;
});

export default createRule<Options, MessageIds>({
  name: 'require-status-headers',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the headers RFC 9110 asks of a status, such as `WWW-Authenticate` on 401 and `Allow` on 405',
      strict: true,
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          headers: {
            type: 'object',
            description:
              'Headers per status, replacing the default list for that status: `{ "201": ["Location"] }` opts in to `Location` on 201, `{ "206": [] }` turns a status off.',
            patternProperties: {
              '^[1-5][0-9][0-9]$': {
                type: 'array',
                items: { type: 'string', pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" },
                uniqueItems: true,
              },
            },
            additionalProperties: false,
          },
        },
      },
    ],
    defaultOptions: [{ headers: {} }],
    messages: {
      missingHeader: 'Set `{{header}}` on this {{code}} ({{phrase}}) response: {{why}} ({{rfc}}).',
      missingConfiguredHeader: 'Set `{{header}}` on this {{code}} ({{phrase}}) response: the `headers` option requires it.',
      headerAfterSend: '`{{header}}` is set after this {{code}} ({{phrase}}) response was sent, so it never reaches the client: set it before `{{send}}`.',
    },
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const required = requiredHeaders(options);
    const reportedLate = new Set<string>();
    /** One report per response and header: `new HTTPError({ status: 401 })` may be two sites of one response. */
    const reported = new Set<string>();

    return visitStatusSites(context, ADAPTERS, { comparisons: false, assertions: false, accepts: (code) => (required.get(code)?.length ?? 0) > 0 }, (site, value) => {
      if (!isResponseSite(site) || !value || value.value === undefined) return;
      const code = value.value;
      const headers = required.get(code);
      if (!headers || headers.length === 0) return;
      if (isInsideTestDouble(context, site.node) || isMadeForCaller(context, site)) return;
      const facts = headerFacts(context, site);
      if (!facts || facts.carrier === 'none') return;
      const phrase = reasonPhrase(code) ?? 'unregistered';
      for (const header of headers) {
        const lower = header.toLowerCase();
        if (lower === 'location' && site.redirect) continue;
        const late = facts.late.filter((entry) => entry.name === lower);
        for (const entry of late) {
          const id = `${entry.node.range[0]}:${lower}`;
          if (reportedLate.has(id)) continue;
          reportedLate.add(id);
          context.report({ node: entry.node, messageId: 'headerAfterSend', data: { header, code, phrase, send: sendName(entry.send) } });
        }
        if (late.length > 0 || hasHeader(facts, lower)) continue;
        if (code === 206 && lower === 'content-range' && isMultipartByteranges(facts)) continue;
        const id = `${site.node.range[0]}:${site.node.range[1]}:${lower}`;
        if (reported.has(id)) continue;
        reported.add(id);
        const reason = REASONS[`${code}:${lower}`];
        const node: Node = site.status;
        if (reason) context.report({ node, messageId: 'missingHeader', data: { header, code, phrase, why: reason.why, rfc: reason.rfc } });
        else context.report({ node, messageId: 'missingConfiguredHeader', data: { header, code, phrase } });
      }
    });
  },
});
