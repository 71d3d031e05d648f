/**
 * no-magic-status, the forms real applications and their tests write that it used to miss (issue 15): a status
 * renamed on destructuring, chai's equality aliases, membership checks, and a status that reaches its site through
 * a local constant bound to a choice. Every case as the real-world shape, expected output written out.
 */
import rule from '../../../rules/no-magic-status.js';
import { createRuleTester } from '../../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-magic-status recall', rule, {
  valid: [
    {
      name: 'a number in an array checked against something that is not a status',
      code: `const allowed = [200, 201].includes(item.count);
expect([400, 401]).toContain(errors.length);
`,
    },
    {
      name: 'numbers that are not statuses, checked against a status',
      code: `if ([1, 2].includes(response.status)) retry();
`,
    },
    {
      name: 'a destructured field that is not a status, or a status compared with a string',
      code: `const { code: errorCode } = await api.get('/x');
expect(errorCode).toBe(404);
const { status: orderState } = order;
expect(orderState).toBe('shipped');
`,
    },
    {
      name: 'a let may change before the site: not followed',
      code: `app.use((err, req, res, next) => {
  let status = err.status || 500;
  if (err.expose) status = err.status;
  res.status(status).end();
});
`,
    },
    {
      name: 'a choice bound to a const but used as something else than a status',
      code: `const limit = options.limit || 500;
items.slice(0, limit);
`,
    },
  ],
  invalid: [
    {
      name: 'a status renamed on destructuring (supertest, axios, a test client)',
      code: `import { StatusCodes } from 'http-status-codes';
const { status: createStatus, body } = await http.post('/orders').send(order);
expect(createStatus).toEqual(201);
const { statusCode: deleteStatus = 200 } = await client.delete('/orders/1');
assert.equal(deleteStatus, 204);
`,
      output: `import { StatusCodes } from 'http-status-codes';
const { status: createStatus, body } = await http.post('/orders').send(order);
expect(createStatus).toEqual(StatusCodes.CREATED);
const { statusCode: deleteStatus = 200 } = await client.delete('/orders/1');
assert.equal(deleteStatus, StatusCodes.NO_CONTENT);
`,
      errors: [
        { messageId: 'useConstant', line: 3, column: 30, suggestions: [] },
        { messageId: 'useConstant', line: 5, column: 28, suggestions: [] },
      ],
    },
    {
      name: "chai's aliases of equal: eq, eqls",
      code: `import { StatusCodes } from 'http-status-codes';
expect(res.status).to.eq(409);
expect(res.status).to.be.eq(200);
expect(res.statusCode).to.eqls(404);
`,
      output: `import { StatusCodes } from 'http-status-codes';
expect(res.status).to.eq(StatusCodes.CONFLICT);
expect(res.status).to.be.eq(StatusCodes.OK);
expect(res.statusCode).to.eqls(StatusCodes.NOT_FOUND);
`,
      errors: [
        { messageId: 'useConstant', line: 2, column: 26, suggestions: [] },
        { messageId: 'useConstant', line: 3, column: 29, suggestions: [] },
        { messageId: 'useConstant', line: 4, column: 32, suggestions: [] },
      ],
    },
    {
      name: 'membership: Array#includes, toContain, toBeOneOf, chai oneOf',
      code: `import { StatusCodes } from 'http-status-codes';
if ([301, 302].includes(response.status)) follow(response);
expect([400, 401, 422]).toContain(response.status());
expect(res.status).toBeOneOf([200, 204]);
expect(res.status).to.be.oneOf([200, 204]);
`,
      output: `import { StatusCodes } from 'http-status-codes';
if ([StatusCodes.MOVED_PERMANENTLY, StatusCodes.MOVED_TEMPORARILY].includes(response.status)) follow(response);
expect([StatusCodes.BAD_REQUEST, StatusCodes.UNAUTHORIZED, StatusCodes.UNPROCESSABLE_ENTITY]).toContain(response.status());
expect(res.status).toBeOneOf([StatusCodes.OK, StatusCodes.NO_CONTENT]);
expect(res.status).to.be.oneOf([StatusCodes.OK, StatusCodes.NO_CONTENT]);
`,
      errors: [
        { messageId: 'useConstant', line: 2, column: 6, suggestions: [] },
        { messageId: 'useConstant', line: 2, column: 11, suggestions: [] },
        { messageId: 'useConstant', line: 3, column: 9, suggestions: [] },
        { messageId: 'useConstant', line: 3, column: 14, suggestions: [] },
        { messageId: 'useConstant', line: 3, column: 19, suggestions: [] },
        { messageId: 'useConstant', line: 4, column: 31, suggestions: [] },
        { messageId: 'useConstant', line: 4, column: 36, suggestions: [] },
        { messageId: 'useConstant', line: 5, column: 33, suggestions: [] },
        { messageId: 'useConstant', line: 5, column: 38, suggestions: [] },
      ],
    },
    {
      name: 'a status that reaches its site through a local constant bound to a choice',
      code: `import { StatusCodes } from 'http-status-codes';
app.use((err, req, res, next) => {
  const status = err.status || 500;
  res.status(status).json({ error: err.message });
});
export function created(res, isNew) {
  const code = isNew ? 201 : 200;
  return res.status(code).end();
}
`,
      output: `import { StatusCodes } from 'http-status-codes';
app.use((err, req, res, next) => {
  const status = err.status || StatusCodes.INTERNAL_SERVER_ERROR;
  res.status(status).json({ error: err.message });
});
export function created(res, isNew) {
  const code = isNew ? StatusCodes.CREATED : StatusCodes.OK;
  return res.status(code).end();
}
`,
      errors: [
        { messageId: 'useConstant', line: 3, column: 32, suggestions: [] },
        { messageId: 'useConstant', line: 7, column: 24, suggestions: [] },
        { messageId: 'useConstant', line: 7, column: 30, suggestions: [] },
      ],
    },
  ],
});
