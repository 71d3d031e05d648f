/**
 * Fastify: `reply.code(n)`, `reply.status(n)`, `reply.redirect(url, n)`, `reply.statusCode = n`
 * (the last three are found by the Express adapter, which names the framework by the receiver).
 * hapi: `h.response(x).code(n)`.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calleeName, unwrap } from '../ast.js';
import type { Adapter } from '../sites.js';
import { argumentsOf, isLiteralStatus, isResponseName, makeSite, receiverName, receiverOf } from './shared.js';

export const fastify: Adapter = {
  framework: 'fastify',
  calls: {
    code(call, sites) {
      const args = argumentsOf(call);
      if (args.length !== 1 || call.arguments.length !== 1) return undefined;
      const [status] = args;
      const receiver = receiverOf(call);
      if (!receiver) return undefined;
      const name = receiverName(call);
      if (!sites.readsAsStatus(status) && !(isResponseName(name) && isLiteralStatus(status, sites))) return undefined;
      const root = unwrap(receiver);
      if (root.type === AST_NODE_TYPES.CallExpression && calleeName(root.callee) === 'response') {
        return makeSite('hapi', status, call, { response: receiver });
      }
      return makeSite('fastify', status, call, { response: receiver, literalTypes: true });
    },
  },
};
