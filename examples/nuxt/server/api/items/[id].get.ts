// Nuxt 3 server route: GET /api/items/:id (h3 v1 API).
import { createError, defineEventHandler, getCookie, getRouterParam, sendRedirect } from 'h3';
import { useStorage } from '#imports';

interface Item {
  id: string;
  name: string;
  tags: string[];
  private: boolean;
}

const MAX_TAGS = 100;

export default defineEventHandler(async (event) => {
  const id = getRouterParam(event, 'id');
  if (!id || !/^[\w-]{1,64}$/.test(id)) {
    throw createError({ statusCode: 400, statusMessage: 'Bad Request', message: 'Invalid id' });
  }

  const item = await useStorage('data').getItem<Item>(`items:${id}`);
  if (!item) {
    throw createError({ statusCode: 404, statusMessage: 'Not Found' });
  }

  if (item.private && !getCookie(event, 'session')) {
    return sendRedirect(event, `/login?next=/items/${id}`, 302);
  }

  return { ...item, tags: item.tags.slice(0, MAX_TAGS) };
});
