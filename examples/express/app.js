// Express 5 order service (ESM). Status codes are written as bare numbers on
// purpose: this is the "before" picture the plugin's demo lints.
import express from 'express';
import createError from 'http-errors';
import usersRouter from './routes/users.cjs';

const app = express();
const PORT = Number(process.env.PORT ?? 3000);
const INVENTORY_URL = process.env.INVENTORY_URL ?? 'http://inventory.internal';
const MAX_PAGE_SIZE = 100;
const orders = new Map();
const hits = new Map();

app.use(express.json());

// Naive fixed-window rate limiter: 60 requests per minute per IP.
app.use((req, res, next) => {
  const count = (hits.get(req.ip) ?? 0) + 1;
  hits.set(req.ip, count);
  if (count > 60) {
    res.set('Retry-After', '60');
    return res.status(429).json({ error: 'Too many requests' });
  }
  next();
});
setInterval(() => hits.clear(), 60_000);

function requireApiKey(req, res, next) {
  if (req.get('x-api-key') !== process.env.API_KEY) {
    return next(createError(403));
  }
  next();
}

app.get('/orders', (req, res) => {
  const limit = Math.min(Number(req.query.limit ?? 20), MAX_PAGE_SIZE);
  res.json([...orders.values()].slice(0, limit));
});

app.get('/orders/:id', (req, res, next) => {
  const order = orders.get(req.params.id);
  if (!order) {
    return next(createError(404, `Order ${req.params.id} not found`));
  }
  res.json(order);
});

app.post('/orders', requireApiKey, async (req, res) => {
  const { sku, quantity } = req.body ?? {};
  if (!sku || !Number.isInteger(quantity)) {
    return res.status(400).json({ error: 'sku and integer quantity are required' });
  }

  const response = await fetch(`${INVENTORY_URL}/skus/${encodeURIComponent(sku)}`);
  if (response.status === 404) {
    return res.status(422).json({ error: `Unknown SKU ${sku}` });
  }
  if (!response.ok) {
    return res.status(502).json({ error: 'Inventory service unavailable' });
  }

  const id = crypto.randomUUID();
  const order = { id, sku, quantity, state: 'pending' };
  orders.set(id, order);
  res.status(201).location(`/orders/${id}`).json(order);
});

app.post('/orders/:id/fulfil', requireApiKey, async (req, res) => {
  const order = orders.get(req.params.id);
  if (!order) {
    return res.status(404).json({ error: 'Order not found' });
  }
  // The inventory service takes the reservation and ships it later: the work is handed off through a call the
  // plugin cannot see into, so no-accepted-without-queue stays silent on this 202.
  await fetch(`${INVENTORY_URL}/reservations`, {
    method: 'POST',
    body: JSON.stringify({ sku: order.sku, quantity: order.quantity }),
    signal: AbortSignal.timeout(5000),
  });
  order.state = 'fulfilled';
  res.status(202).json(order);
});

app.delete('/orders/:id', requireApiKey, (req, res) => {
  orders.delete(req.params.id);
  res.sendStatus(204);
});

// The v1 API moved under /api.
app.get('/v1/orders', (req, res) => res.redirect(301, '/api/orders'));

app.use('/users', usersRouter);

app.use((req, res, next) => next(createError(404, 'Route not found')));

// Error handler: Express recognises it by its four parameters.
app.use((err, req, res, next) => {
  if (!err.status) {
    console.error(err);
    res.statusCode = 500;
    return res.json({ error: 'Internal server error' });
  }
  res.status(err.status).json({ error: err.message });
});

setTimeout(() => console.log('warm-up done'), 500);

if (process.env.NODE_ENV !== 'test') app.listen(PORT, () => console.log(`orders listening on :${PORT}`));

export { app };
