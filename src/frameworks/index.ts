/**
 * Every framework adapter, in the order they are asked: strict ones (by import) first,
 * the generic method names (`.status(`, `.code(`, `.redirect(`) last.
 */
import type { Adapter } from './adapter.js';
import { assertions } from './assertions.js';
import { comparisons } from './comparisons.js';
import { elysia } from './elysia.js';
import { express } from './express.js';
import { fastify } from './fastify.js';
import { fetchApi } from './fetch.js';
import { h3 } from './h3.js';
import { hono } from './hono.js';
import { httpErrors } from './http-errors.js';
import { koa } from './koa.js';
import { lambda } from './lambda.js';
import { nest } from './nest.js';
import { nodeHttp } from './node-http.js';
import { sveltekit } from './sveltekit.js';

const KIT_EXPORTS = { error: 'error', redirect: 'redirect', fail: 'fail', json: 'json', text: 'text', isHttpError: 'isHttpError' };
const REMIX_EXPORTS = { json: 'json', data: 'data', redirect: 'redirect', redirectDocument: 'redirectDocument', replace: 'replace' };
const H3_EXPORTS = { createError: 'createError', setResponseStatus: 'setResponseStatus', sendRedirect: 'sendRedirect', sendNoContent: 'sendNoContent', redirect: 'redirect', noContent: 'noContent', HTTPError: 'HTTPError', HTTPResponse: 'HTTPResponse' };

/** Renamed imports: `import { error as kitError } from '@sveltejs/kit'` still dispatches as `error`. */
const importAliases: Adapter = {
  framework: 'custom',
  imports: {
    'http-errors': { default: 'createError', '*': 'createError' },
    '@sveltejs/kit': KIT_EXPORTS,
    '@nestjs/common': { HttpCode: 'HttpCode', Redirect: 'Redirect', HttpException: 'HttpException' },
    '@nestjs/swagger': { ApiResponse: 'ApiResponse' },
    'hono/http-exception': { HTTPException: 'HTTPException' },
    hono: { HTTPException: 'HTTPException' },
    'react-router': REMIX_EXPORTS,
    '@remix-run/node': REMIX_EXPORTS,
    '@remix-run/cloudflare': REMIX_EXPORTS,
    '@remix-run/server-runtime': REMIX_EXPORTS,
    h3: H3_EXPORTS,
    'next/server': { NextResponse: 'NextResponse' },
    msw: { HttpResponse: 'HttpResponse' },
  },
};

export const ADAPTERS: readonly Adapter[] = [
  importAliases,
  nest,
  sveltekit,
  h3,
  httpErrors,
  fetchApi,
  hono,
  koa,
  elysia,
  lambda,
  nodeHttp,
  assertions,
  fastify,
  express,
  comparisons,
];

let byId: ReadonlyMap<string, Adapter> | undefined;

/**
 * The adapter of a framework id: the first adapter in the registry that declares it. Built on first use, so that
 * the engine modules the adapters import may ask without an import-order cycle.
 */
export function adapterById(id: string): Adapter | undefined {
  if (!byId) {
    const map = new Map<string, Adapter>();
    for (const adapter of ADAPTERS) if (adapter.framework !== 'custom' && !map.has(adapter.framework)) map.set(adapter.framework, adapter);
    byId = map;
  }
  return byId.get(id);
}
