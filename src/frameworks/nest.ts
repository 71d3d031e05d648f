/**
 * NestJS: `@HttpCode(n)`, `@Redirect(url, n)`, `new HttpException(body, n)` and the
 * `status`/`statusCode` of its body object, and the declaration `@ApiResponse({ status: n })` from `@nestjs/swagger`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { objectProperty } from '../ast.js';
import type { Adapter, StatusSite } from '../sites.js';
import { argumentsOf, calleeIdentifier, isImported, isStatusArgument, makeSite, set } from './shared.js';

const NEST_COMMON = set('@nestjs/common');
const NEST_SWAGGER = set('@nestjs/swagger');

export const nest: Adapter = {
  framework: 'nest',
  calls: {
    HttpCode(call, sites) {
      if (!isImported(sites, calleeIdentifier(call), NEST_COMMON)) return undefined;
      return makeSite('nest', argumentsOf(call)[0], call);
    },
    Redirect(call, sites) {
      if (!isImported(sites, calleeIdentifier(call), NEST_COMMON)) return undefined;
      const status = argumentsOf(call)[1];
      return makeSite('nest', status, call, { redirect: true });
    },
    ApiResponse(call, sites) {
      if (!isImported(sites, calleeIdentifier(call), NEST_SWAGGER)) return undefined;
      const status = objectProperty(argumentsOf(call)[0], 'status')?.value;
      const site = isStatusArgument(status, sites) ? makeSite('nest', status, call) : undefined;
      // Documents what the handler may answer; the response itself is set elsewhere (`@HttpCode`, the method's default).
      return site && { ...site, declaration: true };
    },
  },
  news: {
    HttpException(expression, sites) {
      if (!isImported(sites, calleeIdentifier(expression), NEST_COMMON)) return undefined;
      const [body, status] = argumentsOf(expression);
      const found: StatusSite[] = [];
      const main = makeSite('nest', status, expression);
      if (main) found.push(main);
      for (const key of ['status', 'statusCode']) {
        const inBody: TSESTree.Node | undefined = objectProperty(body, key)?.value;
        if (inBody && isStatusArgument(inBody, sites)) {
          const site = makeSite('nest', inBody, expression);
          if (site) found.push(site);
        }
      }
      return found;
    },
  },
};
