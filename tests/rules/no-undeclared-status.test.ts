/**
 * no-undeclared-status, per framework: a status the handler sends that its route does not declare (NestJS
 * `@ApiResponse` and shortcuts on the method or the controller, Fastify `schema.response`), and with `reportUnsent`
 * a declared 2xx/3xx the handler never sends; then the must-stay-silent side: routes without declarations, ranges and
 * `default`, `@Res()`, `@Redirect`, throws caught in the method or made by services, schemas out of sight. The
 * framework tables (`NEST_SWAGGER_SHORTCUTS`, `NEST_EXCEPTION_STATUS`) are checked against the installed
 * `@nestjs/common`.
 */
import * as nestCommon from '@nestjs/common';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule, { type MessageIds, type Options } from '../../rules/no-undeclared-status.js';
import { NEST_EXCEPTION_STATUS, NEST_SWAGGER_SHORTCUTS } from '../../src/frameworks/nest.js';
import { createRuleTester } from '../rule-tester.js';

type Invalid = InvalidTestCase<MessageIds, Options>;
type Valid = ValidTestCase<Options>;
type Error = Invalid['errors'][number];

const UNSENT: Options = [{ reportUnsent: true }];

function error(messageId: MessageIds, line: number, column: number): Error {
  return { messageId, line, column, suggestions: [] };
}

const NEST_IMPORTS = `import { Controller, Get, Post, Put, Delete, HttpCode, HttpStatus, HttpException, NotFoundException, ConflictException, BadRequestException } from '@nestjs/common';
import { ApiResponse, ApiOkResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiNoContentResponse, ApiDefaultResponse } from '@nestjs/swagger';`;

// ---------------------------------------------------------------------------
// Must report: NestJS
// ---------------------------------------------------------------------------

const nest: Invalid[] = [
  {
    name: 'nest: a thrown NotFoundException the method does not declare',
    code: `${NEST_IMPORTS}
@Controller('orders')
export class OrdersController {
  @Get(':id')
  @ApiOkResponse()
  find() {
    if (!this.order) throw new NotFoundException();
    return this.order;
  }
}`,
    output: null,
    errors: [error('undeclaredNest', 8, 28)],
  },
  {
    name: 'nest: @Post() answers 201, but only 200 is declared',
    code: `${NEST_IMPORTS}
@Controller('orders')
export class OrdersController {
  @Post()
  @ApiOkResponse()
  create() {
    return {};
  }
}`,
    output: null,
    errors: [error('undeclaredNest', 5, 3)],
  },
  {
    name: 'nest: @HttpCode(204) on a route that declares 200',
    code: `${NEST_IMPORTS}
@Controller('orders')
export class OrdersController {
  @Delete(':id')
  @HttpCode(204)
  @ApiOkResponse()
  remove() {}
}`,
    output: null,
    errors: [error('undeclaredNest', 6, 13)],
  },
  {
    name: 'nest: @HttpCode(HttpStatus.ACCEPTED) read through the constant',
    code: `${NEST_IMPORTS}
@Controller('jobs')
export class JobsController {
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiCreatedResponse()
  start() {}
}`,
    output: null,
    errors: [error('undeclaredNest', 6, 13)],
  },
  {
    name: 'nest: new HttpException(body, HttpStatus.GONE) not declared',
    code: `${NEST_IMPORTS}
@Controller('orders')
export class OrdersController {
  @Get(':id')
  @ApiResponse({ status: 200 })
  find() {
    throw new HttpException('gone', HttpStatus.GONE);
  }
}`,
    output: null,
    errors: [error('undeclaredNest', 8, 11)],
  },
  {
    name: 'nest: a 4XX range covers 409 but not a thrown 500-class exception',
    code: `import { Controller, Get, InternalServerErrorException, ConflictException } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
@Controller('orders')
@ApiResponse({ status: '4XX' })
export class OrdersController {
  @Get()
  @ApiResponse({ status: 200 })
  list() {
    if (this.a) throw new ConflictException();
    throw new InternalServerErrorException();
  }
}`,
    output: null,
    errors: [error('undeclaredNest', 10, 11)],
  },
  {
    name: 'nest: declarations on the class only still check the method',
    code: `${NEST_IMPORTS}
@ApiOkResponse()
@Controller('orders')
export class OrdersController {
  @Get()
  list() {
    if (this.closed) throw new BadRequestException('closed');
    return [];
  }
}`,
    output: null,
    errors: [error('undeclaredNest', 8, 28)],
  },
  {
    name: 'nest: an aliased shortcut import',
    code: `import { Controller, Get, NotFoundException as Missing } from '@nestjs/common';
import { ApiOkResponse as Ok } from '@nestjs/swagger';
@Controller('orders')
export class OrdersController {
  @Get(':id')
  @Ok()
  find() {
    throw new Missing();
  }
}`,
    output: null,
    errors: [error('undeclaredNest', 8, 11)],
  },
  {
    name: 'nest (reportUnsent): a declared 204 the method never sends',
    code: `${NEST_IMPORTS}
@Controller('orders')
export class OrdersController {
  @Get()
  @ApiOkResponse()
  @ApiNoContentResponse()
  list() {
    return [];
  }
}`,
    options: UNSENT,
    output: null,
    errors: [error('unsentStatus', 7, 3)],
  },
  {
    name: 'nest (reportUnsent): a declared 200 on a @Post() that answers 201, both ways',
    code: `${NEST_IMPORTS}
@Controller('orders')
export class OrdersController {
  @Post()
  @ApiResponse({ status: 200 })
  create() {
    return {};
  }
}`,
    options: UNSENT,
    output: null,
    errors: [error('undeclaredNest', 5, 3), error('unsentStatus', 6, 3)],
  },
];

// ---------------------------------------------------------------------------
// Must report: Fastify
// ---------------------------------------------------------------------------

const fastify: Invalid[] = [
  {
    name: 'fastify: reply.code(404) with only 200 in schema.response',
    code: `fastify.get('/orders/:id', { schema: { response: { 200: orderSchema } } }, async (request, reply) => {
  const order = await findOrder(request.params.id);
  if (!order) return reply.code(404).send({ message: 'not found' });
  return order;
});`,
    output: null,
    errors: [error('undeclaredFastify', 3, 33)],
  },
  {
    name: "fastify: reply.status(201) beside a '4xx' range",
    code: `fastify.post('/orders', { schema: { body: orderBody, response: { 200: orderSchema, '4xx': errorSchema } } }, async (request, reply) => {
  reply.status(201);
  return createOrder(request.body);
});`,
    output: null,
    errors: [error('undeclaredFastify', 2, 16)],
  },
  {
    name: 'fastify: fastify.route({ schema, handler }) with the schema in a same-file const',
    code: `const schema = {
  response: {
    '2xx': orderSchema,
  },
};
fastify.route({
  method: 'GET',
  url: '/orders/:id',
  schema,
  handler: async (request, reply) => {
    reply.code(503).send({ retry: true });
  },
});`,
    output: null,
    errors: [error('undeclaredFastify', 11, 16)],
  },
  {
    name: 'fastify: a status constant in a nested callback of the handler',
    code: `import { StatusCodes } from 'http-status-codes';
app.get('/orders', { schema: { response: { 200: list } } }, function (request, reply) {
  load().catch(() => {
    reply.code(StatusCodes.BAD_GATEWAY).send();
  });
});`,
    output: null,
    errors: [error('undeclaredFastify', 4, 16)],
  },
  {
    name: 'fastify (reportUnsent): a declared 201 the handler never sets',
    code: `fastify.post('/orders', { schema: { response: { 200: orderSchema, 201: orderSchema } } }, async (request, reply) => {
  reply.header('Cache-Control', 'no-store');
  return createOrder(request.body);
});`,
    options: UNSENT,
    output: null,
    errors: [error('unsentStatus', 1, 67)],
  },
];

// ---------------------------------------------------------------------------
// Must stay silent
// ---------------------------------------------------------------------------

const silent: Valid[] = [
  {
    name: 'nest: no declarations on the method or the class',
    code: `${NEST_IMPORTS}
@Controller('orders')
export class OrdersController {
  @Post()
  create() {
    throw new NotFoundException();
  }
}`,
  },
  {
    name: 'nest: every sent status declared',
    code: `${NEST_IMPORTS}
@Controller('orders')
@ApiNotFoundResponse()
export class OrdersController {
  @Post()
  @ApiCreatedResponse()
  @ApiResponse({ status: HttpStatus.CONFLICT })
  create() {
    if (this.a) throw new NotFoundException();
    throw new ConflictException();
  }
}`,
  },
  {
    name: "nest: @ApiResponse({ status: 'default' }) declares everything",
    code: `${NEST_IMPORTS}
@Controller('orders')
export class OrdersController {
  @Get()
  @ApiOkResponse()
  @ApiResponse({ status: 'default', description: 'error' })
  list() {
    throw new NotFoundException();
  }
}`,
  },
  {
    name: 'nest: ApiDefaultResponse, and @ApiResponse without a status (swagger files it under default)',
    code: `${NEST_IMPORTS}
@Controller('orders')
export class OrdersController {
  @Get()
  @ApiDefaultResponse()
  list() {
    throw new NotFoundException();
  }
  @Post()
  @ApiResponse({ description: 'anything' })
  create() {
    throw new ConflictException();
  }
}`,
  },
  {
    name: "nest: '2XX' covers @HttpCode(204)",
    code: `${NEST_IMPORTS}
@Controller('orders')
export class OrdersController {
  @Delete(':id')
  @HttpCode(204)
  @ApiResponse({ status: '2XX' })
  remove() {}
}`,
  },
  {
    name: 'nest: a throw caught in the method, and one in a nested callback',
    code: `${NEST_IMPORTS}
@Controller('orders')
export class OrdersController {
  @Get()
  @ApiOkResponse()
  list() {
    try {
      throw new NotFoundException();
    } catch {
      return [];
    }
  }
  @Get('x')
  @ApiOkResponse()
  other() {
    return this.items.map(() => {
      throw new ConflictException();
    });
  }
}`,
  },
  {
    name: 'nest: exceptions thrown by a service are out of reach',
    code: `${NEST_IMPORTS}
@Controller('orders')
export class OrdersController {
  @Get(':id')
  @ApiOkResponse()
  find() {
    return this.orders.findOrThrow();
  }
}`,
  },
  {
    name: 'nest: @Res() handlers set their own status',
    code: `import { Controller, Post, Res, NotFoundException } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
@Controller('orders')
export class OrdersController {
  @Post()
  @ApiOkResponse()
  create(@Res() res) {
    throw new NotFoundException();
  }
}`,
  },
  {
    name: 'nest: @Redirect sends its own status',
    code: `import { Controller, Get, Redirect } from '@nestjs/common';
import { ApiFoundResponse } from '@nestjs/swagger';
@Controller('docs')
export class DocsController {
  @Get()
  @Redirect('https://docs.example.com', 301)
  @ApiFoundResponse()
  docs() {}
}`,
  },
  {
    name: 'nest: a custom decorator that may declare responses',
    code: `import { Controller, Get, NotFoundException } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ApiErrors } from './docs';
@Controller('orders')
export class OrdersController {
  @Get(':id')
  @ApiOkResponse()
  @ApiErrors()
  find() {
    throw new NotFoundException();
  }
}`,
  },
  {
    name: 'nest: a status that is not read (a variable), and HttpException with an unknown status',
    code: `${NEST_IMPORTS}
@Controller('orders')
export class OrdersController {
  @Get()
  @ApiOkResponse()
  list(code: number) {
    throw new HttpException('x', code);
  }
  @Post()
  @HttpCode(this.code)
  @ApiOkResponse()
  create() {}
}`,
  },
  {
    name: 'nest: two route decorators leave the default status unsettled',
    code: `${NEST_IMPORTS}
@Controller('orders')
export class OrdersController {
  @Get()
  @Post()
  @ApiOkResponse()
  list() {
    return [];
  }
}`,
  },
  {
    name: 'nest: a class of its own named like the exceptions, not from @nestjs/common',
    code: `import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
class NotFoundException extends Error {}
@Controller('orders')
export class OrdersController {
  @Get()
  @ApiOkResponse()
  list() {
    throw new NotFoundException();
  }
}`,
  },
  {
    name: 'nest (reportUnsent): class-level declarations and 304 are not the method’s own to send',
    code: `${NEST_IMPORTS}
@Controller('orders')
@ApiCreatedResponse()
export class OrdersController {
  @Get()
  @ApiOkResponse()
  @ApiResponse({ status: 304 })
  @ApiNotFoundResponse()
  list() {
    return [];
  }
}`,
    options: UNSENT,
  },
  {
    name: 'fastify: every status declared, by code, range or default',
    code: `fastify.get('/a', { schema: { response: { 200: a, 404: b } } }, async (request, reply) => {
  if (x) return reply.code(404).send({});
  return {};
});
fastify.get('/b', { schema: { response: { '2xx': a, '5XX': b } } }, async (request, reply) => {
  if (x) return reply.code(503).send({});
  reply.code(201);
  return {};
});
fastify.get('/c', { schema: { response: { 200: a, default: b } } }, async (request, reply) => {
  reply.code(500).send({});
});`,
  },
  {
    name: 'fastify: no schema.response, or a schema out of sight',
    code: `import { orderRoute } from './schemas';
fastify.get('/a', { schema: { body: x } }, async (request, reply) => {
  reply.code(404).send({});
});
fastify.get('/b', orderRoute, async (request, reply) => {
  reply.code(404).send({});
});
fastify.get('/c', { schema: imported }, async (request, reply) => {
  reply.code(404).send({});
});
fastify.get('/d', async (request, reply) => {
  reply.code(404).send({});
});`,
  },
  {
    name: 'fastify: a spread or a computed key in schema.response',
    code: `fastify.get('/a', { schema: { response: { 200: a, ...errors } } }, async (request, reply) => {
  reply.code(404).send({});
});
fastify.get('/b', { schema: { response: { 200: a, [NOT_FOUND]: b } } }, async (request, reply) => {
  reply.code(404).send({});
});`,
  },
  {
    name: 'fastify: a status the rule cannot read',
    code: `fastify.get('/a', { schema: { response: { 200: a } } }, async (request, reply) => {
  reply.code(error.statusCode).send({});
});`,
  },
  {
    name: 'fastify (reportUnsent): 200 is the default; a helper given reply may send the rest; 4xx may come from validation',
    code: `fastify.get('/a', { schema: { response: { 200: a, 400: b } } }, async (request, reply) => {
  return {};
});
fastify.post('/b', { schema: { response: { 200: a, 201: b } } }, async (request, reply) => {
  return created(reply);
});`,
    options: UNSENT,
  },
  {
    name: 'express: app.get(path, middleware, handler) is no Fastify route',
    code: `app.get('/a', auth, (req, res) => {
  res.status(404).send();
});`,
  },
];

const invalid: Invalid[] = [...nest, ...fastify];

describe('no-undeclared-status tables', () => {
  it('has at least as many silent cases as reports', () => {
    expect(silent.length).toBeGreaterThanOrEqual(invalid.length);
  });

  it('knows the status of each @nestjs/common built-in exception, as the installed package sends it', () => {
    const common = nestCommon as unknown as Record<string, new () => { getStatus(): number }>;
    const actual = Object.fromEntries([...NEST_EXCEPTION_STATUS.keys()].map((name) => [name, new (common[name] as new () => { getStatus(): number })().getStatus()]));
    expect(actual).toEqual({
      BadRequestException: 400,
      UnauthorizedException: 401,
      ForbiddenException: 403,
      NotFoundException: 404,
      MethodNotAllowedException: 405,
      NotAcceptableException: 406,
      RequestTimeoutException: 408,
      ConflictException: 409,
      GoneException: 410,
      PreconditionFailedException: 412,
      PayloadTooLargeException: 413,
      UnsupportedMediaTypeException: 415,
      ImATeapotException: 418,
      MisdirectedException: 421,
      UnprocessableEntityException: 422,
      InternalServerErrorException: 500,
      NotImplementedException: 501,
      BadGatewayException: 502,
      ServiceUnavailableException: 503,
      GatewayTimeoutException: 504,
      HttpVersionNotSupportedException: 505,
    });
    expect(Object.fromEntries(NEST_EXCEPTION_STATUS)).toEqual(actual);
  });

  it("lists @nestjs/swagger's shortcuts as swagger derives them from the installed HttpStatus", () => {
    // lib/decorators/api-response.decorator.ts: one `Api<Words>Response` per numeric HttpStatus member.
    const derived = Object.entries(nestCommon.HttpStatus)
      .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
      .map(([key, code]) => [`Api${key.split('_').map((word) => word[0] + word.slice(1).toLowerCase()).join('')}Response`, code] as const);
    const known = new Map<string, number>(derived);
    for (const [name, code] of NEST_SWAGGER_SHORTCUTS) {
      if (code === 'default') continue;
      expect([name, known.get(name)]).toEqual([name, code]);
    }
    expect(NEST_SWAGGER_SHORTCUTS.get('ApiDefaultResponse')).toBe('default');
  });
});

createRuleTester().run('no-undeclared-status', rule, { valid: silent, invalid });
