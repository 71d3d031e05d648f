// Nuxt 3 server route: POST /api/items (h3 v1 API).
import {
  createError,
  defineEventHandler,
  getHeader,
  readBody,
  setResponseHeader,
  setResponseStatus,
} from 'h3';
import { useStorage } from '#imports';

interface NewItem {
  name?: string;
  tags?: string[];
}

const MAX_NAME_LENGTH = 200;

export default defineEventHandler(async (event) => {
  const token = getHeader(event, 'authorization');
  if (!token?.startsWith('Bearer ')) {
    throw createError({ statusCode: 401, statusMessage: 'Unauthorized' });
  }

  const body = await readBody<NewItem>(event);
  if (!body?.name || body.name.length > MAX_NAME_LENGTH) {
    throw createError({
      statusCode: 422,
      statusMessage: 'Unprocessable Entity',
      data: { field: 'name', reason: 'required, at most 200 characters' },
    });
  }

  const storage = useStorage('data');
  const id = body.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  if (await storage.hasItem(`items:${id}`)) {
    throw createError({ statusCode: 409, statusMessage: 'Conflict' });
  }

  const item = { id, name: body.name, tags: body.tags ?? [], private: false };
  await storage.setItem(`items:${id}`, item);

  setResponseStatus(event, 201);
  setResponseHeader(event, 'Location', `/api/items/${id}`);
  return item;
});
