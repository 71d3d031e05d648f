/**
 * Declared responses: the statuses a route says it answers with (`@ApiResponse({ status })`, Fastify's
 * `schema.response`), written once per framework in its adapter (src/frameworks/nest.ts, fastify.ts), and the
 * statuses the handler is seen to send. `no-undeclared-status` compares the two.
 */
import type { Node } from './ast.js';

/** One declared response: an exact code, a class of codes (`'2XX'`, `'4xx'`), or `'default'`. */
export type DeclaredKey = { readonly kind: 'code'; readonly code: number } | { readonly kind: 'range'; readonly digit: number } | { readonly kind: 'default' };

export interface Declaration {
  readonly key: DeclaredKey;
  /** The node to report an unsent declaration at. */
  readonly node: Node;
  /** Declared for this handler alone (on the method, in the route's own schema), not for a whole controller. */
  readonly own: boolean;
}

/** A status the handler sends, and where. */
export interface SentStatus {
  readonly code: number;
  readonly node: Node;
}

const RANGE_KEY = /^([1-5])xx$/i;

/** `200`, `'200'`, `'2XX'`, `'2xx'`, `'default'` as a declared key; undefined for anything else. */
export function declaredKeyOf(value: unknown): DeclaredKey | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 100 && value <= 599 ? { kind: 'code', code: value } : undefined;
  if (typeof value !== 'string') return undefined;
  if (value === 'default') return { kind: 'default' };
  const range = RANGE_KEY.exec(value);
  if (range) return { kind: 'range', digit: Number(range[1]) };
  return /^[1-5]\d\d$/.test(value) ? { kind: 'code', code: Number(value) } : undefined;
}

/** Whether `code` is covered by the declarations: its own code, its class, or a `default`. */
export function isDeclared(declarations: readonly Declaration[], code: number): boolean {
  return declarations.some(({ key }) => key.kind === 'default' || (key.kind === 'range' ? Math.floor(code / 100) === key.digit : key.code === code));
}
