// Koa 3 bookmarks service.
import Koa from 'koa';

const app = new Koa();
const bookmarks = new Map();
const sessions = new Map([['demo-token', { id: 'u1', name: 'Demo' }]]);
const windowHits = new Map();
const DEFAULT_LIMIT = 100;

// Error handler: render thrown HttpErrors as JSON.
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status ?? 500;
    ctx.body = { error: err.expose ? err.message : 'Internal server error' };
    ctx.app.emit('error', err, ctx);
  }
});

// Rate limit per client IP.
app.use(async (ctx, next) => {
  const hits = (windowHits.get(ctx.ip) ?? 0) + 1;
  windowHits.set(ctx.ip, hits);
  if (hits > 50) {
    ctx.set('Retry-After', '60');
    ctx.status = 429;
    ctx.body = { error: 'Rate limit exceeded' };
    return;
  }
  await next();
});

// Authentication.
app.use(async (ctx, next) => {
  const token = ctx.get('Authorization').replace(/^Bearer /, '');
  const user = sessions.get(token);
  ctx.assert(user, 401, 'Please log in');
  ctx.state.user = user;
  await next();
});

app.use(async (ctx) => {
  const match = ctx.path.match(/^\/bookmarks(?:\/([\w-]+))?$/);
  if (!match) ctx.throw(404, 'not found');
  const id = match[1];

  if (ctx.method === 'GET' && !id) {
    const limit = Math.min(Number(ctx.query.limit ?? DEFAULT_LIMIT), DEFAULT_LIMIT);
    ctx.body = [...bookmarks.values()].slice(0, limit);
    return;
  }

  if (ctx.method === 'GET') {
    const bookmark = bookmarks.get(id);
    if (!bookmark) ctx.throw(404, `Bookmark ${id} not found`);
    ctx.body = bookmark;
    return;
  }

  if (ctx.method === 'POST' && !id) {
    const url = ctx.query.url;
    ctx.assert(typeof url === 'string' && URL.canParse(url), 400, 'url must be an absolute URL');
    const bookmark = { id: crypto.randomUUID(), url, owner: ctx.state.user.id };
    bookmarks.set(bookmark.id, bookmark);
    ctx.status = 201;
    ctx.set('Location', `/bookmarks/${bookmark.id}`);
    ctx.body = bookmark;
    return;
  }

  if (ctx.method === 'DELETE' && id) {
    const bookmark = bookmarks.get(id);
    if (bookmark && bookmark.owner !== ctx.state.user.id) ctx.throw(403, 'Not your bookmark');
    bookmarks.delete(id);
    ctx.response.status = 204;
    return;
  }

  ctx.throw(405);
});

setInterval(() => windowHits.clear(), 60_000);
setTimeout(() => console.log('ready'), 500);

app.listen(3000);
