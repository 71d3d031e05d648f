/** Elysia: `set.status = n` on the handler context's `set`. */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { unwrap } from '../ast.js';
import type { Adapter } from '../sites.js';
import { isStatusArgument, makeSite } from './shared.js';

export const elysia: Adapter = {
  framework: 'elysia',
  assignments: {
    status(assignment, target, sites) {
      const object = unwrap(target.object);
      if (object.type !== AST_NODE_TYPES.Identifier || object.name !== 'set') return undefined;
      return isStatusArgument(assignment.right, sites) ? makeSite('elysia', assignment.right, assignment, { response: object }) : undefined;
    },
  },
};
