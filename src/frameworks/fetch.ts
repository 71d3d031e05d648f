/**
 * The Fetch API and the frameworks built on it:
 * `new Response(body, { status: n })`, `Response.json(x, { status: n })`, `Response.redirect(url, n)`;
 * Next.js `NextResponse.json/redirect/rewrite`, `new NextResponse(...)`;
 * Remix / React Router `json(x, n | { status })`, `data(x, n | { status })`, `redirect(url, n | { status })`;
 * MSW `HttpResponse.json/text/html/xml(x, { status })`, `new HttpResponse(body, { status })`;
 * h3 v2 `new HTTPResponse(body, { status })`.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { unwrap, type Node } from '../ast.js';
import type { Adapter, CallMatcher, Framework, NewMatcher, SiteContext } from '../sites.js';
import { argumentsOf, calleeIdentifier, initStatus, isGlobalOrImported, isImported, isStatusArgument, makeSite, set, staticReceiver } from './shared.js';

const FETCH_MODULES = set('undici', 'node-fetch', 'cross-fetch', '@whatwg-node/fetch', '@remix-run/web-fetch', 'node:undici');
const NEXT = set('next/server', 'next/server.js');
const MSW = set('msw');
const REMIX = set(
  'react-router',
  'react-router-dom',
  '@remix-run/node',
  '@remix-run/cloudflare',
  '@remix-run/deno',
  '@remix-run/server-runtime',
  '@remix-run/react',
  '@react-router/node',
);
const H3 = set('h3', 'h3-nightly', 'nitro/h3');
const NEXT_RESPONSE = set('NextResponse');
const MSW_RESPONSE = set('HttpResponse');
const H3_RESPONSE = set('HTTPResponse');

/** The status in the init argument: `{ status: n }`, or a bare number where the API takes one. */
function statusIn(init: Node | undefined, numberAllowed: boolean, sites: SiteContext): Node | undefined {
  if (!init) return undefined;
  const target = unwrap(init);
  if (target.type === AST_NODE_TYPES.ObjectExpression) return initStatus(target);
  // The argument as written (`301 as const`), not unwrapped: a fix replaces the whole of it.
  return numberAllowed && isStatusArgument(init, sites) ? init : undefined;
}

/** Which Response-like class a static call or `new` is made on. */
function responseClass(sites: SiteContext, node: Node | undefined): Framework | undefined {
  if (isGlobalOrImported(sites, node, 'Response', FETCH_MODULES)) return 'fetch';
  if (isImported(sites, node, NEXT, NEXT_RESPONSE)) return 'next';
  if (isImported(sites, node, MSW, MSW_RESPONSE)) return 'msw';
  if (isImported(sites, node, H3, H3_RESPONSE)) return 'h3';
  return undefined;
}

const construct: NewMatcher = (expression, sites) => {
  const framework = responseClass(sites, calleeIdentifier(expression));
  if (!framework) return undefined;
  return makeSite(framework, statusIn(argumentsOf(expression)[1], false, sites), expression);
};

/** `Response.json(x, init)`, `NextResponse.json(x, init)`, `HttpResponse.text(x, init)`; Remix's `json(x, init)` and `data(x, init)`. */
const withBody: CallMatcher = (call, sites) => {
  const framework = responseClass(sites, staticReceiver(call));
  if (framework) return makeSite(framework, statusIn(argumentsOf(call)[1], false, sites), call);
  if (isImported(sites, calleeIdentifier(call), REMIX)) return makeSite('remix', statusIn(argumentsOf(call)[1], true, sites), call);
  return undefined;
};

/** `Response.redirect(url, n)`, `NextResponse.redirect(url, n | init)`, Remix `redirect(url, n | init)`. */
const redirect: CallMatcher = (call, sites) => {
  const framework = responseClass(sites, staticReceiver(call));
  const second = argumentsOf(call)[1];
  if (framework) return makeSite(framework, statusIn(second, true, sites), call, { redirect: true });
  if (isImported(sites, calleeIdentifier(call), REMIX)) return makeSite('remix', statusIn(second, true, sites), call, { redirect: true });
  return undefined;
};

const rewrite: CallMatcher = (call, sites) => {
  if (!isImported(sites, staticReceiver(call), NEXT, NEXT_RESPONSE)) return undefined;
  return makeSite('next', statusIn(argumentsOf(call)[1], false, sites), call);
};

export const fetchApi: Adapter = {
  framework: 'fetch',
  news: { Response: construct, NextResponse: construct, HttpResponse: construct, HTTPResponse: construct },
  calls: {
    json: withBody,
    text: withBody,
    html: withBody,
    xml: withBody,
    arrayBuffer: withBody,
    formData: withBody,
    data: withBody,
    redirect,
    redirectDocument: redirect,
    replace: redirect,
    rewrite,
  },
};

