/** Every rule is exported, documented, tested, has its docs URL, and sits in the configs its `meta.docs` says. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TSESLint } from '@typescript-eslint/utils';
import plugin, { configs, rules } from '../src/index.js';
import { docsUrl, type RuleDocs } from '../src/create-rule.js';

const root = new URL('../', import.meta.url);
const ruleFiles = readdirSync(new URL('rules/', root))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/, ''));

describe('plugin', () => {
  it('has meta with name, version and namespace', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { name: string; version: string };
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: 'http-status' });
  });

  it('exports every rule file, and nothing else', () => {
    expect(Object.keys(rules).sort()).toEqual([...ruleFiles].sort());
    expect(plugin.rules).toBe(rules);
    expect(plugin.configs).toBe(configs);
  });

  for (const name of ruleFiles) {
    describe(name, () => {
      // `rules` is typed with ESLint's types for users; the modules are typescript-eslint rules with this plugin's docs.
      const rule = rules[name] as TSESLint.RuleModule<string, readonly unknown[], RuleDocs> | undefined;
      it('has a doc, a test and the docs URL', () => {
        expect(existsSync(new URL(`docs/rules/${name}.md`, root))).toBe(true);
        expect(existsSync(new URL(`tests/rules/${name}.test.ts`, root))).toBe(true);
        expect(rule?.meta.docs?.url).toBe(docsUrl(name));
      });
      it('has a description that is a sentence without a full stop, and a schema', () => {
        expect(rule?.meta.docs?.description).toMatch(/^[A-Z][^.]*[^.]$/);
        expect(Array.isArray(rule?.meta.schema)).toBe(true);
      });
      it('has messages that are whole sentences ending in a full stop', () => {
        for (const message of Object.values(rule?.meta.messages ?? {})) expect(message).toMatch(/^[A-Z`'].*\.$/s);
      });
      it('sits in the configs its meta.docs names', () => {
        const id = `http-status/${name}`;
        const docs = rule?.meta.docs;
        expect(configs.all.rules?.[id]).toBe('error');
        expect(configs.recommended.rules?.[id]).toBe(docs?.recommended ? 'error' : undefined);
        expect(configs.strict.rules?.[id]).toBe(docs?.recommended || docs?.strict ? 'error' : undefined);
        expect(configs['legacy-recommended'].rules?.[id]).toBe(docs?.recommended ? 'error' : undefined);
      });
    });
  }

  it('configs register the plugin under its namespace', () => {
    for (const config of [configs.recommended, configs.strict, configs.all]) {
      expect(config.plugins?.['http-status']).toBe(plugin);
    }
    expect(configs['legacy-recommended'].plugins).toEqual(['http-status']);
  });
});
