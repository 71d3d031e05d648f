/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  ignoreConfig: ['all', 'legacy-recommended', 'legacy-strict', 'legacy-all'],
  ruleDocSectionInclude: ['Examples', 'When Not To Use It'],
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'options'],
};
