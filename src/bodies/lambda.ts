/** Bodies of AWS Lambda / API Gateway results: the `body` next to `statusCode` in `{ statusCode: n, body }`. */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { objectProperty } from '../ast.js';
import type { SentBody } from '../body.js';
import type { Context } from '../origins.js';
import type { StatusSite } from '../sites.js';
import { hasNoSideEffects, isContent } from './content.js';

export function lambdaBody(context: Context, site: StatusSite): SentBody | undefined {
  const { node } = site;
  if (node.type !== AST_NODE_TYPES.Property || node.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const content = objectProperty(node.parent, 'body')?.value;
  if (!content || !isContent(context, content, 'text')) return undefined;
  const removal: SentBody['removal'] = hasNoSideEffects(content) ? (fixer) => [fixer.replaceText(content, "''")] : undefined;
  return { node: content, runtime: undefined, fate: undefined, removal };
}
