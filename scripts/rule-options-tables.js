// The options tables of the rule docs, written between eslint-doc-generator's
// `<!-- begin auto-generated rule options list -->` markers by the `postprocess` of .eslint-doc-generatorrc.js.
//
// eslint-doc-generator (3.x) lists every `properties` key of a schema in one table, at any depth: the keys of a
// nested object (`constants: { module, object, import, members }`, the items of `sites`) come out as top-level
// options, marked required, and an object default prints as `[object Object]`. Here the first table has the
// top-level options only, with their defaults from `meta.defaultOptions` written as JSON; each nested object with
// named keys gets a table of its own under it, named by its path.

/** @typedef {import('json-schema').JSONSchema4} Schema */

const BEGIN = '<!-- begin auto-generated rule options list -->';
const END = '<!-- end auto-generated rule options list -->';

const capitalize = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/** `String`, `Integer[]`, `String, Object` (a `oneOf`). */
function typeOf(/** @type {Schema} */ schema) {
  if (schema.oneOf || schema.anyOf) return [...new Set((schema.oneOf ?? schema.anyOf).map(typeOf).filter(Boolean))].join(', ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return types
    .map((type) => (type === 'array' && schema.items && !Array.isArray(schema.items) && schema.items.type ? `${typeOf(schema.items)}[]` : capitalize(type)))
    .join(', ');
}

/** The allowed values, of the schema or of its `oneOf` branches. */
function choicesOf(/** @type {Schema} */ schema) {
  const branches = schema.oneOf ?? schema.anyOf ?? [schema];
  return branches.flatMap((branch) => branch.enum ?? []);
}

const code = (value) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;

/** One cell: no line breaks, `|` escaped. */
const cell = (text) => String(text).replaceAll('\n', ' ').replaceAll('|', String.raw`\|`);

function table(/** @type {string[][]} */ rows) {
  const columns = rows[0].map((_, index) => index).filter((index) => rows.slice(1).some((row) => row[index] !== ''));
  const kept = rows.map((row) => columns.map((index) => cell(row[index])));
  const widths = columns.map((_, index) => Math.max(3, ...kept.map((row) => [...row[index]].length)));
  const line = (row) => `| ${row.map((text, index) => text + ' '.repeat(widths[index] - [...text].length)).join(' | ')} |`;
  const [header, ...body] = kept;
  return [line(header), `| ${widths.map((width) => `:${'-'.repeat(width - 1)}`).join(' | ')} |`, ...body.map(line)].join('\n');
}

/** The object schemas with named keys inside an option: its own, its `oneOf` branches', its items'. */
function nestedObjects(/** @type {Schema} */ schema, /** @type {string} */ path) {
  const found = [];
  const visit = (node, where, intro) => {
    if (!node || typeof node !== 'object') return;
    if (node.properties) {
      found.push({ path: where, intro, schema: node });
      for (const [key, value] of Object.entries(node.properties)) visit(value, `${where}.${key}`, undefined);
      return;
    }
    for (const branch of node.oneOf ?? node.anyOf ?? []) visit(branch, where, branch.type === 'object' ? 'as an object' : undefined);
    if (node.items && !Array.isArray(node.items)) visit(node.items, where, 'each item');
  };
  visit(schema, path, undefined);
  return found;
}

/**
 * The markdown between the markers for one rule: the top-level options, then a table per nested object.
 * @param {{ meta?: { schema?: Schema | Schema[], defaultOptions?: unknown[] } }} rule
 */
export function optionsTables(rule) {
  const schemas = Array.isArray(rule.meta?.schema) ? rule.meta.schema : rule.meta?.schema ? [rule.meta.schema] : [];
  const parts = [];
  schemas.forEach((schema, position) => {
    const defaults = rule.meta?.defaultOptions?.[position] ?? {};
    const properties = Object.entries(schema.properties ?? {}).sort(([a], [b]) => a.localeCompare(b));
    if (properties.length === 0) return;
    parts.push(
      table([
        ['Name', 'Description', 'Type', 'Choices', 'Default'],
        ...properties.map(([name, option]) => [
          code(name),
          option.description ?? '',
          typeOf(option),
          choicesOf(option).map(code).join(', '),
          name in defaults ? code(defaults[name]) : '',
        ]),
      ]),
    );
    for (const [name, option] of properties) {
      for (const nested of nestedObjects(option, name)) {
        const title = nested.intro === 'each item' ? `Each item of \`${nested.path}\`` : `\`${nested.path}\`${nested.intro ? ` ${nested.intro}` : ''}`;
        const required = new Set(nested.schema.required ?? []);
        parts.push(
          `**${title}.**${nested.schema.description ? ` ${nested.schema.description}` : ''}`,
          table([
            ['Name', 'Description', 'Type', 'Choices', 'Required'],
            ...Object.entries(nested.schema.properties).map(([key, value]) => [
              code(key),
              value.description ?? '',
              typeOf(value),
              choicesOf(value).map(code).join(', '),
              required.has(key) ? 'Yes' : '',
            ]),
          ]),
        );
      }
    }
  });
  return parts.join('\n\n');
}

/** `markdown` with the options tables of `rule` between the markers (unchanged where it has no markers). */
export function replaceOptionsTables(markdown, rule) {
  const start = markdown.indexOf(BEGIN);
  const end = markdown.indexOf(END);
  if (start === -1 || end === -1) return markdown;
  const tables = optionsTables(rule);
  return `${markdown.slice(0, start + BEGIN.length)}\n\n${tables}${tables ? '\n\n' : ''}${markdown.slice(end)}`;
}
