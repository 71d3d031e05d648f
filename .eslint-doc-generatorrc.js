import { basename } from 'node:path';
import { replaceOptionsTables } from './scripts/rule-options-tables.js';

/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  ignoreConfig: ['all', 'legacy-recommended', 'legacy-strict', 'legacy-all'],
  ruleDocSectionInclude: ['Examples', 'When Not To Use It'],
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'options'],
  // The options list of a rule doc: top-level options in one table, nested keys in tables of their own
  // (eslint-doc-generator lists nested keys as top-level ones); see scripts/rule-options-tables.js.
  async postprocess(content, path) {
    if (!/[\\/]docs[\\/]rules[\\/][^\\/]+\.md$/.test(path)) return content;
    // The plugin eslint-doc-generator reads: the package's main, built by `npm run build`.
    const { default: plugin } = await import('./dist/src/index.js');
    const rule = plugin.rules[basename(path, '.md')];
    return rule ? replaceOptionsTables(content, rule) : content;
  },
};
