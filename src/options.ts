/** Option schemas that several rules share, so they read and validate the same everywhere. */
import type { JSONSchema } from '@typescript-eslint/utils';
import { weakMemo } from './memo.js';

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

/**
 * What a rule builds from its options (a `Set` of codes, compiled patterns), built once per option set: `createRule`
 * hands every file of a config the same frozen options object, so it is the key.
 */
export const fromOptions: <Options extends object, Value>(build: (options: Options) => Value) => (options: Options) => Value = weakMemo;
