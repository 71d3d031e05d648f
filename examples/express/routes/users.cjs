// User routes in CommonJS, mounted by ../app.js.
const express = require('express');
const createError = require('http-errors');
const { sendResetMail } = require('../lib/mail.cjs');

const router = express.Router();
const users = new Map([['1', { id: '1', email: 'ada@example.com', role: 'admin' }]]);
const MAX_RESULTS = 200;

function currentUser(req) {
  const token = (req.get('authorization') ?? '').replace(/^Bearer /, '');
  return token ? users.get(token) : undefined;
}

router.get('/', (req, res) => {
  const all = [...users.values()];
  res.json(all.slice(0, MAX_RESULTS));
});

router.get('/me', (req, res) => {
  const user = currentUser(req);
  if (!user) {
    return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Login required' });
  }
  res.json(user);
});

router.get('/:id', (req, res, next) => {
  const user = users.get(req.params.id);
  if (!user) return next(createError(404, 'User not found'));
  res.json(user);
});

router.post('/', (req, res) => {
  const { email } = req.body ?? {};
  if (typeof email !== 'string' || !email.includes('@')) {
    return res.status(400).json({ error: 'A valid email is required' });
  }
  if ([...users.values()].some((u) => u.email === email)) {
    return res.status(409).json({ error: 'Email already registered' });
  }
  const id = String(users.size + 1);
  const user = { id, email, role: 'member' };
  users.set(id, user);
  res.status(201).json(user);
});

const RESET_INTERVAL_MS = 15 * 60 * 1000;
const lastResetMail = new Map();

// One reset mail per address every 15 minutes; the 429 does not say when the client may ask again.
router.post('/password-reset', async (req, res) => {
  const { email } = req.body ?? {};
  if (Date.now() - (lastResetMail.get(email) ?? 0) < RESET_INTERVAL_MS) {
    return res.status(429).json({ error: 'A reset mail was sent recently' });
  }
  lastResetMail.set(email, Date.now());
  await sendResetMail(email);
  res.sendStatus(204);
});

router.delete('/:id', (req, res, next) => {
  const user = currentUser(req);
  if (!user || user.role !== 'admin') {
    return next(createError(403, 'Admins only'));
  }
  if (!users.delete(req.params.id)) {
    return res.sendStatus(404);
  }
  res.sendStatus(204);
});

module.exports = router;
