/** node:http and node:http2: `res.writeHead(n, ...)`, `stream.respond({ ':status': n })`. */
import { objectProperty } from '../ast.js';
import type { Adapter } from '../sites.js';
import { argumentsOf, isStatusArgument, makeSite, receiverOf } from './shared.js';

export const nodeHttp: Adapter = {
  framework: 'node-http',
  calls: {
    writeHead(call, sites) {
      const [status] = argumentsOf(call);
      return isStatusArgument(status, sites) ? makeSite('node-http', status, call, { response: receiverOf(call) }) : undefined;
    },
    respond(call, sites) {
      const [headers] = argumentsOf(call);
      const status = objectProperty(headers, ':status')?.value;
      return isStatusArgument(status, sites) ? makeSite('node-http', status, call, { response: receiverOf(call) }) : undefined;
    },
  },
};
