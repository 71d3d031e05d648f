/**
 * A walk of a subtree that calls a rule listener's handlers, for facts a rule needs only in some files:
 * the rule collects them on demand, after it has found a reason to, instead of listening to every node of every file.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { Node } from './ast.js';
import { isFunctionNode } from './handlers.js';

type Handler = (node: Node) => void;

/**
 * Calls `listener`'s handlers on `root` and every node under it, in ESLint's order: `Type` and `:function` on the
 * way in, `:function:exit` and `Type:exit` on the way out. Other selectors are not supported.
 */
export function replay(sourceCode: Readonly<TSESLint.SourceCode>, root: Node, listener: TSESLint.RuleListener): void {
  const handlers = listener as Readonly<Record<string, Handler | undefined>>;
  const enterFunction = handlers[':function'];
  const exitFunction = handlers[':function:exit'];
  const keys = sourceCode.visitorKeys as Readonly<Record<string, readonly string[] | undefined>>;
  const visit = (node: Node): void => {
    const isFunction = isFunctionNode(node);
    handlers[node.type]?.(node);
    if (isFunction) enterFunction?.(node);
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) visit(item);
      } else if (isNode(child)) {
        visit(child);
      }
    }
    if (isFunction) exitFunction?.(node);
    handlers[`${node.type}:exit`]?.(node);
  };
  visit(root);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
