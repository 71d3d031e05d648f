// SvelteKit API route: /api/items
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';

const MAX_ITEMS = 100;

export const GET: RequestHandler = async ({ url, locals }) => {
  if (!locals.user) {
    error(401, 'Log in to see your items');
  }
  const limit = Math.min(Number(url.searchParams.get('limit') ?? 20), MAX_ITEMS);
  const items = await db.item.findMany({ where: { ownerId: locals.user.id } });
  return json(items.slice(0, limit));
};

export const POST: RequestHandler = async ({ request, locals }) => {
  if (!locals.user) {
    error(401, 'Log in to add items');
  }
  const { name, price } = await request.json();
  if (typeof name !== 'string' || name.trim() === '') {
    error(400, 'name is required');
  }
  if (await db.item.findFirst({ where: { name, ownerId: locals.user.id } })) {
    error(409, `An item called "${name}" already exists`);
  }
  const item = await db.item.create({ data: { name, price, ownerId: locals.user.id } });
  return json(item, { status: 201 });
};

export const DELETE: RequestHandler = async ({ url, locals }) => {
  const id = url.searchParams.get('id');
  const item = id ? await db.item.findUnique({ where: { id } }) : null;
  if (!item) {
    error(404, 'Not found');
  }
  if (item.ownerId !== locals.user?.id) {
    error(403, 'You do not own this item');
  }
  await db.item.delete({ where: { id: item.id } });
  return new Response(null, { status: 204 });
};
