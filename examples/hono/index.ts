// Hono notes API, deployed as a Cloudflare Worker.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';

type Bindings = { NOTES: KVNamespace; API_TOKEN: string };
type Note = { id: string; title: string; body: string };

const app = new Hono<{ Bindings: Bindings }>();
const PAGE_SIZE = 100;

app.use('/api/*', async (c, next) => {
  const auth = c.req.header('Authorization');
  if (auth !== `Bearer ${c.env.API_TOKEN}`) {
    const message = auth ? 'Invalid token' : 'Missing Authorization header';
    throw new HTTPException(401, { message });
  }
  await next();
});

app.use('/api/*', async (c, next) => {
  const ip = c.req.header('CF-Connecting-IP') ?? 'unknown';
  const key = `rate:${ip}`;
  const used = Number((await c.env.NOTES.get(key)) ?? 0);
  if (used > 100) {
    c.header('Retry-After', '60');
    return c.text('Too many requests', 429);
  }
  await c.env.NOTES.put(key, String(used + 1), { expirationTtl: 60 });
  await next();
});

app.get('/', (c) => c.redirect('/api/notes', 301));

app.get('/api/notes', async (c) => {
  const list = await c.env.NOTES.list({ prefix: 'note:', limit: PAGE_SIZE });
  return c.json(list.keys.map((k) => k.name.slice('note:'.length)));
});

app.get('/api/notes/:id', async (c) => {
  const note = await c.env.NOTES.get<Note>(`note:${c.req.param('id')}`, 'json');
  if (!note) {
    return c.json({ error: 'Note not found' }, 404);
  }
  return c.json(note);
});

app.post('/api/notes', async (c) => {
  const input = await c.req.json<Partial<Note>>();
  const problems: string[] = [];
  if (!input.title) problems.push('title is required');
  if ((input.body ?? '').length > 10_000) problems.push('body is too long');
  if (problems.length > 0) {
    return c.json({ problems }, { status: 422 });
  }
  const note: Note = { id: crypto.randomUUID(), title: input.title!, body: input.body ?? '' };
  await c.env.NOTES.put(`note:${note.id}`, JSON.stringify(note));
  c.header('Location', `/api/notes/${note.id}`);
  return c.json(note, 201);
});

app.delete('/api/notes/:id', async (c) => {
  await c.env.NOTES.delete(`note:${c.req.param('id')}`);
  return c.body(null, 204);
});

app.onError((err, c) => {
  if (err instanceof HTTPException) {
    return err.getResponse();
  }
  console.error(err);
  return c.json({ error: 'Internal error' }, 500);
});

export default app;
