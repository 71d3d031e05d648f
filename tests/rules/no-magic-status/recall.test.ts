/**
 * no-magic-status, the forms real applications and their tests write that it used to miss (issue 15): a status
 * renamed on destructuring, chai's equality aliases, membership checks, and a status that reaches its site through
 * a local constant bound to a choice; and the `sites` option for helpers, object arguments, constructors and
 * decorators. Every case as the real-world shape, expected output written out.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-magic-status.js';
import plugin from '../../../src/index.js';
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

/** The `sites` option, for the helpers and classes real apps wrap their statuses in. */
ruleTester.run('no-magic-status sites option', rule, {
  valid: [
    {
      name: 'a dotted path is exact: another receiver is not it',
      options: [{ sites: [{ callee: 'helpers.formatApiResponse', argument: 0 }] }],
      code: `controllers.helpers.formatApiResponse(404, res);
formatApiResponse(404, res);
`,
    },
    {
      name: '`property` reads only that property of an object literal',
      options: [{ sites: [{ callee: 'throwHTTPErr', argument: 0, property: 'statusCode' }] }],
      code: `throwHTTPErr({ code: 404, message: 'missing' });
throwHTTPErr(404);
`,
    },
  ],
  invalid: [
    {
      name: '`*.` and a path: any receiver, or none',
      options: [{ sites: [{ callee: '*.helpers.formatApiResponse', argument: 0 }] }],
      code: `import { StatusCodes } from 'http-status-codes';
helpers.formatApiResponse(404, res);
controllers.helpers.formatApiResponse(403, res);
other.formatApiResponse(400, res);
`,
      output: `import { StatusCodes } from 'http-status-codes';
helpers.formatApiResponse(StatusCodes.NOT_FOUND, res);
controllers.helpers.formatApiResponse(StatusCodes.FORBIDDEN, res);
other.formatApiResponse(400, res);
`,
      errors: [
        { messageId: 'useConstant', line: 2, column: 27, suggestions: [] },
        { messageId: 'useConstant', line: 3, column: 39, suggestions: [] },
      ],
    },
    {
      name: 'a status in an object argument',
      options: [
        {
          sites: [
            { callee: 'throwHTTPErr', argument: 0, property: 'statusCode' },
            { callee: 'invariantResponse', argument: 2, property: 'status' },
          ],
        },
      ],
      code: `import { StatusCodes } from 'http-status-codes';
if (!user) throwHTTPErr({ statusCode: 404, message: 'no such user' });
invariantResponse(params.id, 'id is required', { status: 400 });
`,
      output: `import { StatusCodes } from 'http-status-codes';
if (!user) throwHTTPErr({ statusCode: StatusCodes.NOT_FOUND, message: 'no such user' });
invariantResponse(params.id, 'id is required', { status: StatusCodes.BAD_REQUEST });
`,
      errors: [
        { messageId: 'useConstant', line: 2, column: 39, suggestions: [] },
        { messageId: 'useConstant', line: 3, column: 58, suggestions: [] },
      ],
    },
    {
      name: 'a constructor, with new, and a status in its options object',
      options: [
        {
          sites: [
            { callee: 'HttpError', argument: 0 },
            { callee: 'AppError', argument: 1, property: 'statusCode' },
          ],
        },
      ],
      code: `import { StatusCodes } from 'http-status-codes';
throw new HttpError(503);
throw new AppError(code, { statusCode: 400 });
`,
      output: `import { StatusCodes } from 'http-status-codes';
throw new HttpError(StatusCodes.SERVICE_UNAVAILABLE);
throw new AppError(code, { statusCode: StatusCodes.BAD_REQUEST });
`,
      errors: [
        { messageId: 'useConstant', line: 2, column: 21, suggestions: [] },
        { messageId: 'useConstant', line: 3, column: 40, suggestions: [] },
      ],
    },
    {
      name: 'a decorator',
      options: [{ sites: [{ callee: 'ApiResponse', argument: 1 }] }],
      code: `import { StatusCodes } from 'http-status-codes';
class OrdersController {
  @ApiResponse(OrderDto, 201)
  create() {}
}
`,
      output: `import { StatusCodes } from 'http-status-codes';
class OrdersController {
  @ApiResponse(OrderDto, StatusCodes.CREATED)
  create() {}
}
`,
      errors: [{ messageId: 'useConstant', line: 3, column: 26, suggestions: [] }],
    },
  ],
});

describe('the sites option schema', () => {
  it('rejects a callee that is not a name or a dotted path, with ESLint’s schema error', () => {
    const config: Linter.Config[] = [{ plugins: { 'http-status': plugin }, rules: { 'http-status/no-magic-status': ['error', { sites: [{ callee: 'send error', argument: 0 }] }] } }];
    expect(() => new Linter().verify('x;', config, { filename: 'a.js' })).toThrow(/"http-status\/no-magic-status":\s+Value "send error" should match pattern/);
  });
});
