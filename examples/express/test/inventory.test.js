// Tests of the fulfil route, with the inventory service mocked. The mocked responses simulate someone else's
// server: the rules about what a response must do (Retry-After on 429, no body on 204, 202 with queued work) say
// nothing of them. The statuses the tests expect are still magic numbers, which no-magic-status reports.
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { app } from '../app.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('POST /orders/:id/fulfil', () => {
  it('hands the reservation to the inventory service', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 202 }));
    vi.stubGlobal('fetch', fetch);
    const res = await request(app).post('/orders/1/fulfil').set('x-api-key', 'test');
    expect(res.status).toBe(202);
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('passes on a throttled inventory service', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValueOnce(new Response('Too many', { status: 429 })));
    const res = await request(app).post('/orders/1/fulfil').set('x-api-key', 'test');
    expect([429, 502]).toContain(res.status);
  });

  it('reads an empty answer', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('ignored', { status: 204 })));
    await request(app).post('/orders/1/fulfil').set('x-api-key', 'test').expect(202);
  });
});
