/**
 * What src/redirects.ts says each framework sends for a redirect without a status, checked against the installed
 * framework by a real run: each app listens on 127.0.0.1 at a free port (Hono answers `app.request` without one),
 * and node's fetch asks it with `redirect: 'manual'`, so the status is the one the framework wrote.
 */
/* eslint-disable http-status/no-magic-status, http-status/redirect-status -- the apps send these statuses and redirects on purpose: they are what is measured */
import { createRequire } from 'node:module';
import type { AddressInfo, Server } from 'node:net';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

type Handler = (request: never, response: never) => unknown;
interface Routes {
  post(path: string, handler: Handler): void;
}

async function statusOf(port: number, path: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', redirect: 'manual' });
  await response.arrayBuffer();
  return response.status;
}

async function listening(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.once('listening', resolve));
  return (server.address() as AddressInfo).port;
}

interface ExpressResponse {
  status(code: number): ExpressResponse;
  redirect(...args: unknown[]): void;
}
interface FastifyReply {
  code(code: number): FastifyReply;
  status(code: number): FastifyReply;
  redirect(url: string, code?: number): FastifyReply;
}
interface KoaContext {
  path: string;
  status: number;
  redirect(url: string): void;
}
interface HonoContext {
  status(code: number): void;
  redirect(url: string, code?: number): Response;
}

describe('redirects without a status, as the installed frameworks send them', () => {
  it('express: 302, over a status set before, in the chain or in an earlier statement', async () => {
    const express = require('express') as () => Routes & { listen(port: number, host: string): Server };
    const app = express();
    app.post('/default', ((request: unknown, res: ExpressResponse) => res.redirect('/x')) as Handler);
    app.post('/chain', ((request: unknown, res: ExpressResponse) => res.status(301).redirect('/x')) as Handler);
    app.post('/earlier', ((request: unknown, res: ExpressResponse) => {
      res.status(308);
      res.redirect('/x');
    }) as Handler);
    app.post('/passed', ((request: unknown, res: ExpressResponse) => res.status(301).redirect(303, '/x')) as Handler);
    const server = app.listen(0, '127.0.0.1');
    try {
      const port = await listening(server);
      expect(await statusOf(port, '/default')).toBe(302);
      expect(await statusOf(port, '/chain')).toBe(302);
      expect(await statusOf(port, '/earlier')).toBe(302);
      expect(await statusOf(port, '/passed')).toBe(303);
    } finally {
      server.close();
    }
  });

  it('fastify: the status set before, else 302', async () => {
    const Fastify = require('fastify') as () => Routes & {
      listen(options: { port: number; host: string }): Promise<string>;
      server: Server;
      close(): Promise<void>;
    };
    const app = Fastify();
    app.post('/default', ((request: unknown, reply: FastifyReply) => reply.redirect('/x')) as Handler);
    app.post('/chain', ((request: unknown, reply: FastifyReply) => reply.code(301).redirect('/x')) as Handler);
    app.post('/earlier', ((request: unknown, reply: FastifyReply) => {
      reply.status(307);
      return reply.redirect('/x');
    }) as Handler);
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = app.server.address() as AddressInfo;
      expect(await statusOf(port, '/default')).toBe(302);
      expect(await statusOf(port, '/chain')).toBe(301);
      expect(await statusOf(port, '/earlier')).toBe(307);
    } finally {
      await app.close();
    }
  });

  it('koa: the status set before when it is a redirect status, else 302', async () => {
    const Koa = require('koa') as new () => { use(fn: (ctx: KoaContext) => void): void; listen(port: number, host: string): Server };
    const app = new Koa();
    app.use((ctx) => {
      if (ctx.path === '/earlier') ctx.status = 301;
      if (ctx.path === '/not-a-redirect') ctx.status = 200;
      ctx.redirect('/x');
    });
    const server = app.listen(0, '127.0.0.1');
    try {
      const port = await listening(server);
      expect(await statusOf(port, '/default')).toBe(302);
      expect(await statusOf(port, '/earlier')).toBe(301);
      expect(await statusOf(port, '/not-a-redirect')).toBe(302);
    } finally {
      server.close();
    }
  });

  it('hono: 302, over a c.status(n) before', async () => {
    const { Hono } = (await import('hono')) as unknown as {
      Hono: new () => { post(path: string, handler: (c: HonoContext) => Response): void; request(path: string, init: RequestInit): Promise<Response> };
    };
    const app = new Hono();
    app.post('/default', (c) => c.redirect('/x'));
    app.post('/earlier', (c) => {
      c.status(301);
      return c.redirect('/x');
    });
    app.post('/passed', (c) => c.redirect('/x', 303));
    const statusOfHono = async (path: string): Promise<number> => (await app.request(path, { method: 'POST' })).status;
    expect(await statusOfHono('/default')).toBe(302);
    expect(await statusOfHono('/earlier')).toBe(302);
    expect(await statusOfHono('/passed')).toBe(303);
  });
});
