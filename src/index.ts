/**
 * eslint-plugin-http-status: the plugin object, its rules and its configs.
 * Configs are built from each rule's `meta.docs`, never listed by hand.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { ESLint, Linter, Rule } from 'eslint';
import { readFileSync } from 'node:fs';
import consistentBodyStatus from '../rules/consistent-body-status.js';
import noAcceptedWithoutQueue from '../rules/no-accepted-without-queue.js';
import noContentBody from '../rules/no-content-body.js';
import noMagicStatus from '../rules/no-magic-status.js';
import noUndeclaredStatus from '../rules/no-undeclared-status.js';
import redirectStatus from '../rules/redirect-status.js';
import requireRetryAfter from '../rules/require-retry-after.js';
import requireStatusHeaders from '../rules/require-status-headers.js';
import validStatus from '../rules/valid-status.js';
import type { RuleDocs } from './create-rule.js';

/** package.json sits one level up from src/ and two from dist/src/. */
function readPackageJson(): { name: string; version: string } {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const json = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (json.name === 'eslint-plugin-http-status' && json.version) return { name: json.name, version: json.version };
    } catch {
      // not at this level
    }
  }
  return { name: 'eslint-plugin-http-status', version: '0.0.0' };
}

const { name, version } = readPackageJson();

export const namespace = 'http-status';

type AnyRule = TSESLint.RuleModule<string, readonly unknown[], RuleDocs>;

const ruleModules: Record<string, AnyRule> = {
  'consistent-body-status': consistentBodyStatus,
  'no-accepted-without-queue': noAcceptedWithoutQueue,
  'no-content-body': noContentBody,
  'no-magic-status': noMagicStatus,
  'no-undeclared-status': noUndeclaredStatus,
  'redirect-status': redirectStatus,
  'require-retry-after': requireRetryAfter,
  'require-status-headers': requireStatusHeaders,
  'valid-status': validStatus,
};

type Level = 'strict' | 'recommended' | 'all';

function ruleEntries(level: Level): Record<string, 'error'> {
  const entries: Record<string, 'error'> = {};
  for (const [ruleName, rule] of Object.entries(ruleModules)) {
    const docs = rule.meta.docs;
    const included = level === 'all' || docs?.recommended === true || (level === 'strict' && docs?.strict === true);
    if (included) entries[`${namespace}/${ruleName}`] = 'error';
  }
  return entries;
}

/**
 * The rules, typed with ESLint's own types: the published types name only `eslint` (a peer dependency), never
 * typescript-eslint, which is not installed with the plugin.
 */
export const rules = ruleModules as unknown as Record<string, Rule.RuleModule>;

const plugin = {
  meta: { name, version, namespace },
  rules,
  configs: {} as Record<string, unknown>,
};

function flatConfig(level: Level): Linter.Config {
  return {
    name: `${namespace}/${level}`,
    plugins: { [namespace]: plugin as unknown as ESLint.Plugin },
    rules: ruleEntries(level),
  };
}

function legacyConfig(level: Level): Linter.LegacyConfig {
  return { plugins: [namespace], rules: ruleEntries(level) };
}

type Configs = {
  recommended: Linter.Config;
  strict: Linter.Config;
  all: Linter.Config;
  'legacy-recommended': Linter.LegacyConfig;
  'legacy-strict': Linter.LegacyConfig;
  'legacy-all': Linter.LegacyConfig;
};

export const configs: Configs = {
  recommended: flatConfig('recommended'),
  strict: flatConfig('strict'),
  all: flatConfig('all'),
  'legacy-recommended': legacyConfig('recommended'),
  'legacy-strict': legacyConfig('strict'),
  'legacy-all': legacyConfig('all'),
};

plugin.configs = configs;

export const meta = plugin.meta;

/**
 * The default export, typed with ESLint's own types so that a typed `eslint.config.ts` takes `plugins: { 'http-status': httpStatus }`
 * and `httpStatus.configs.recommended`.
 */
type PublicPlugin = Omit<typeof plugin, 'configs'> & ESLint.Plugin & { configs: Configs };

export default plugin as unknown as PublicPlugin;
