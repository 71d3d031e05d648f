/** Option schemas that several rules share, so they read and validate the same everywhere. */
import type { JSONSchema } from '@typescript-eslint/utils';

/** `sites`: a project's own helpers that take a status, `[{ callee: 'sendError', argument: 1 }]`. */
export const SITES_OPTION_SCHEMA: JSONSchema.JSONSchema4ArraySchema = {
  type: 'array',
  description: "A project's own helpers that take a status: `{ callee: 'sendError', argument: 1 }` (`callee` is a name or a dotted path).",
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['callee', 'argument'],
    properties: {
      callee: { type: 'string', minLength: 1, description: 'The function name (`sendError`) or dotted path (`api.fail`).' },
      argument: { type: 'integer', minimum: 0, description: 'The zero-based position of the status argument.' },
    },
  },
};
