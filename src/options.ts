/** Option schemas that several rules share, so they read and validate the same everywhere. */
import type { JSONSchema } from '@typescript-eslint/utils';
import { weakMemo } from './memo.js';

/** `sites`: a project's own helpers that take a status, `[{ callee: 'sendError', argument: 1 }]`. */
export const SITES_OPTION_SCHEMA: JSONSchema.JSONSchema4ArraySchema = {
  type: 'array',
  description:
    "A project's own helpers and classes that take a status: `{ callee: 'sendError', argument: 1 }` (`callee` is a name, a dotted path, or `*.` and a path for any receiver; it matches calls, `new` and decorators; `property` reads the status from an object argument).",
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['callee', 'argument'],
    properties: {
      callee: {
        type: 'string',
        pattern: '^(?:\\*\\.)?[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*$',
        description:
          'The function or class name (`sendError`, `HttpError`), a dotted path (`api.fail`), or `*.` and a path for any receiver (`*.formatApiResponse` matches `helpers.formatApiResponse` and `controllers.helpers.formatApiResponse`).',
      },
      argument: { type: 'integer', minimum: 0, description: 'The zero-based position of the status argument (or of the object that holds it).' },
      property: {
        type: 'string',
        minLength: 1,
        description: "The status is this property of the argument, an object literal: `{ callee: 'throwHTTPErr', argument: 0, property: 'statusCode' }`.",
      },
    },
  },
};

/**
 * What a rule builds from its options (a `Set` of codes, compiled patterns), built once per option set: `createRule`
 * hands every file of a config the same frozen options object, so it is the key.
 */
export const fromOptions: <Options extends object, Value>(build: (options: Options) => Value) => (options: Options) => Value = weakMemo;
