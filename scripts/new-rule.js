// `npm run new-rule <id>`: writes rules/<id>.ts, tests/rules/<id>.test.ts and docs/rules/<id>.md
// from templates, and registers the rule in src/index.ts. Then run `npm run docs` for the headers.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const id = process.argv[2];
if (!id || !/^[a-z]+(?:-[a-z0-9]+)*$/.test(id)) {
  console.error('usage: npm run new-rule <rule-id>   (kebab-case, e.g. require-vary-header)');
  process.exit(2);
}
const camel = id.replace(/-([a-z0-9])/g, (_, letter) => letter.toUpperCase());
const root = new URL('../', import.meta.url);
const files = {
  [`rules/${id}.ts`]: `import { createRule } from '../src/create-rule.js';
import { ADAPTERS } from '../src/frameworks/index.js';
import { visitStatusSites } from '../src/sites.js';

export type Options = [Record<string, never>];
export type MessageIds = 'todo';

export default createRule<Options, MessageIds>({
  name: '${id}',
  meta: {
    type: 'problem',
    docs: { description: 'Report TODO' },
    schema: [{ type: 'object', additionalProperties: false, properties: {} }],
    defaultOptions: [{}],
    messages: { todo: 'TODO: say what is wrong and how to fix it.' },
  },
  defaultOptions: [{}],
  create(context) {
    return visitStatusSites(context, ADAPTERS, {}, (site, value) => {
      if (value?.kind === 'number' && value.value === 0) context.report({ node: site.status, messageId: 'todo' });
    });
  },
});
`,
  [`tests/rules/${id}.test.ts`]: `import rule from '../../rules/${id}.js';
import { createRuleTester } from '../rule-tester.js';

createRuleTester().run('${id}', rule, {
  valid: [\`res.status(200);\`],
  invalid: [],
});
`,
  [`docs/rules/${id}.md`]: `# http-status/${id}

<!-- end auto-generated rule header -->

Why it matters (with the RFC section).

## Examples

### ❌ Incorrect

\`\`\`ts
\`\`\`

### ✅ Correct

\`\`\`ts
res.status(200);
\`\`\`

## Options

<!-- begin auto-generated rule options list -->
<!-- end auto-generated rule options list -->

## When Not To Use It
`,
};
for (const [path, text] of Object.entries(files)) {
  const url = new URL(path, root);
  if (existsSync(url)) {
    console.error(`${path} exists already`);
    process.exit(1);
  }
  writeFileSync(url, text);
  console.log(`wrote ${path}`);
}
const indexUrl = new URL('src/index.ts', root);
let index = readFileSync(indexUrl, 'utf8');
index = index.replace(/(import type \{ RuleDocs \})/, `import ${camel} from '../rules/${id}.js';\n$1`);
index = index.replace(/(export const rules: Record<string, AnyRule> = \{\n)/, `$1  '${id}': ${camel},\n`);
writeFileSync(indexUrl, index);
console.log('registered in src/index.ts');
