/**
 * `npm run check:corpus`: every rule of the plugin, with fixes, over real code that is not ours
 * (scripts/corpus.mjs). It must hold that
 * - no rule throws;
 * - every fixed file still parses, and every suggestion, applied alone, gives code that parses;
 * - fixing twice equals fixing once.
 * Two passes: every rule at its defaults, then with the `constants` option (for the rules that have
 * one) set to each constants library in turn, file by file, so that fixes are really written.
 *
 * `checkCorpus` is also what tests/corpus.test.ts runs (on the plugin's sources, through vitest).
 *
 * Fixing is ESLint's loop (apply the fixes that do not overlap, lint again, at most 10 passes), run from the
 * first lint's messages; suggestions are parsed (alone, on the original) for the first reports of each file and rule.
 *
 *   node scripts/check-corpus.mjs [--groups express,hono] [--sample] [--json]
 */
import { Linter } from 'eslint';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { assertLinted, configFor, fileOptions, loadCorpus, pluginRuleIds, summarize, syntaxError } from './corpus.mjs';

/** The values a rule's `constants` option takes besides 'auto', read from its schema. */
export function constantsChoices(rule) {
  const schema = Array.isArray(rule.meta?.schema) ? rule.meta.schema[0] : undefined;
  const option = schema?.properties?.constants;
  if (!option) return [];
  const found = new Set();
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node.enum)) for (const value of node.enum) if (typeof value === 'string' && value !== 'auto') found.add(value);
    for (const key of ['oneOf', 'anyOf', 'allOf']) if (Array.isArray(node[key])) node[key].forEach(visit);
  };
  visit(option);
  return [...found];
}

/**
 * The passes: `defaults`, and `constants:<library>` setups that `constantsFor(index)` picks from by file index.
 * @returns {{ name: string, setupFor: (index: number) => { plugins: object, rules: object }, onlyWhereReported?: Set<string> }[]}
 */
export function passesFor(plugin) {
  const namespace = plugin.meta?.namespace ?? 'http-status';
  const plugins = { [namespace]: plugin };
  const ids = pluginRuleIds(plugin);
  const defaults = { plugins, rules: Object.fromEntries(ids.map((id) => [id, 'error'])) };
  const libraries = [...new Set(Object.values(plugin.rules).flatMap(constantsChoices))].sort();
  const passes = [{ name: 'defaults', setupFor: () => defaults }];
  if (libraries.length > 0) {
    const setups = libraries.map((library) => ({
      plugins,
      rules: Object.fromEntries(
        ids.map((id) => {
          const rule = plugin.rules[id.slice(namespace.length + 1)];
          return [id, constantsChoices(rule).includes(library) ? ['error', { constants: library }] : 'error'];
        }),
      ),
    }));
    const withConstants = ids.filter((id) => constantsChoices(plugin.rules[id.slice(namespace.length + 1)]).length > 0);
    passes.push({
      name: `constants (${libraries.join(', ')}, by turns)`,
      setupFor: (index) => setups[index % setups.length],
      // The option only decides between a fix and a suggestion: files where these rules report nothing are skipped.
      onlyWhereReported: new Set(withConstants),
    });
  }
  return passes;
}

/** Suggestions are parsed for this many reports per file and rule (all of a report's suggestions). */
export const SUGGESTION_REPORTS_PER_FILE = 2;

function fatalOf(messages) {
  return messages.find((message) => message.fatal);
}

/** Applies one fix (`{ range, text }`) to a text. */
function applyFix(text, fix) {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

/** One fix pass as ESLint makes it: fixes in range order, each one that overlaps an applied one left for the next pass. */
export function applyFixes(text, messages) {
  const fixes = messages
    .filter((message) => message.fix)
    .map((message) => message.fix)
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let last = Number.NEGATIVE_INFINITY;
  for (const { range, text: replacement } of fixes) {
    if (last >= range[0] || range[0] > range[1]) continue;
    output += text.slice(Math.max(0, last), Math.max(0, range[0])) + replacement;
    last = range[1];
  }
  return output + text.slice(Math.max(0, last));
}

const MAX_FIX_PASSES = 10;

/**
 * `eslint --fix` from messages already in hand: apply, lint again, until a pass has nothing to fix (at most 10
 * passes, as ESLint). `settled` is false when fixes remain after the last pass: fixing again would change the
 * output, so fixing twice would not equal fixing once (the rules are deterministic, so this is the same
 * question as running the fix again, without the lint it costs).
 */
export function fixLoop(linter, text, messages, config, options) {
  let output = text;
  let current = messages;
  let passes = 0;
  while (passes < MAX_FIX_PASSES && current.some((message) => message.fix)) {
    output = applyFixes(output, current);
    passes++;
    current = linter.verify(output, config, options);
    if (fatalOf(current)) break;
  }
  return { output, messages: current, passes, settled: !current.some((message) => message.fix) };
}

function emptyCounts() {
  return { reports: 0, fixable: 0, suggestions: 0, suggestionsParsed: 0, filesWithReports: 0, filesFixed: 0 };
}

/**
 * Lints every file with every pass. Returns counts per pass and rule, and the problems found
 * (each with the file, the rule when known, and a message); `problems.length === 0` is the pass mark.
 * @param {{ plugin: any, files: import('./corpus.mjs').CorpusFile[], onFile?: (index: number) => void }} options
 */
export function checkCorpus({ plugin, files, onFile }) {
  const linter = new Linter({ configType: 'flat' });
  const started = performance.now();
  const ids = pluginRuleIds(plugin);
  const passes = passesFor(plugin);
  const problems = [];
  const unparsable = new Set();
  const sourceTypes = new Map();
  const counts = passes.map((pass) => ({ name: pass.name, rules: Object.fromEntries(ids.map((id) => [id, emptyCounts()])), filesFixed: 0 }));
  const phases = { lint: 0, fix: 0, suggestions: 0 };
  const timed = (phase, run) => {
    const start = performance.now();
    try {
      return run();
    } finally {
      phases[phase] += performance.now() - start;
    }
  };
  const problem = (kind, file, pass, ruleId, message) => problems.push({ kind, file: file.name, pass: pass.name, ruleId, message });

  /** When a whole-setup run throws, run each rule alone to name the ones that throw. */
  const blame = (file, sourceType, setup, text) => {
    const culprits = [];
    for (const [id, entry] of Object.entries(setup.rules)) {
      try {
        linter.verifyAndFix(text, configFor(file, { plugins: setup.plugins, rules: { [id]: entry } }, sourceType), fileOptions(file));
      } catch (error) {
        culprits.push({ id, error });
      }
    }
    return culprits;
  };

  /**
   * Lints with the file's source type; when the original does not parse that way, with the other one.
   * Undefined when neither parses: a file we cannot read is skipped, not counted against the rules.
   */
  const lintSettled = (file, setup) => {
    const options = fileOptions(file);
    const known = sourceTypes.get(file.name);
    const tries = known ? [known] : [file.sourceType, file.sourceType === 'module' ? 'commonjs' : 'module'];
    for (const sourceType of tries) {
      const messages = linter.verify(file.text, configFor(file, setup, sourceType), options);
      assertLinted(messages, file);
      if (known || !fatalOf(messages)) {
        sourceTypes.set(file.name, sourceType);
        return { sourceType, messages };
      }
    }
    unparsable.add(file.name);
    return undefined;
  };

  for (const [index, file] of files.entries()) {
    onFile?.(index);
    const reported = new Set();
    for (const [passIndex, pass] of passes.entries()) {
      if (unparsable.has(file.name)) break;
      if (pass.onlyWhereReported && ![...pass.onlyWhereReported].some((id) => reported.has(id))) continue;
      const setup = pass.setupFor(index);
      const options = fileOptions(file);
      const tally = counts[passIndex];
      let sourceType = sourceTypes.get(file.name) ?? file.sourceType;
      let messages;
      let fixed;
      try {
        const settled = timed('lint', () => lintSettled(file, setup));
        if (!settled) break;
        ({ sourceType, messages } = settled);
        if (messages.some((message) => message.fix)) {
          const withFixes = messages;
          fixed = timed('fix', () => fixLoop(linter, file.text, withFixes, configFor(file, setup, sourceType), options));
        }
      } catch (error) {
        const culprits = blame(file, sourceType, setup, file.text);
        if (culprits.length === 0) problem('exception', file, pass, error.ruleId, String(error?.stack ?? error));
        for (const { id, error: thrown } of culprits) problem('exception', file, pass, id, String(thrown?.stack ?? thrown));
        continue;
      }
      const seenRules = new Set();
      const suggestionsChecked = new Map();
      for (const message of messages) {
        if (message.fatal) {
          problem('parse', file, pass, undefined, `the original no longer parses: ${message.message}`);
          continue;
        }
        if (!message.ruleId || !(message.ruleId in tally.rules)) continue;
        const entry = tally.rules[message.ruleId];
        entry.reports++;
        if (message.fix) entry.fixable++;
        seenRules.add(message.ruleId);
        reported.add(message.ruleId);
        const suggestions = message.suggestions ?? [];
        entry.suggestions += suggestions.length;
        const checked = suggestionsChecked.get(message.ruleId) ?? 0;
        if (suggestions.length === 0 || checked >= SUGGESTION_REPORTS_PER_FILE) continue;
        suggestionsChecked.set(message.ruleId, checked + 1);
        for (const suggestion of suggestions) {
          entry.suggestionsParsed++;
          const error = timed('suggestions', () => syntaxError(file, applyFix(file.text, suggestion.fix), sourceType));
          if (error) problem('suggestion', file, pass, message.ruleId, `line ${message.line}: "${suggestion.desc}" gives code that does not parse: ${error}`);
        }
      }
      for (const id of seenRules) tally.rules[id].filesWithReports++;
      if (!fixed || fixed.output === file.text) continue;
      tally.filesFixed++;
      for (const id of new Set(messages.filter((message) => message.fix).map((message) => message.ruleId))) tally.rules[id].filesFixed++;
      const fatal = fatalOf(fixed.messages);
      if (fatal) {
        problem('fix', file, pass, undefined, `the fixed file does not parse: line ${fatal.line}: ${fatal.message}`);
        continue;
      }
      if (!fixed.settled) {
        const rules = [...new Set(fixed.messages.filter((message) => message.fix).map((message) => message.ruleId))];
        problem('idempotence', file, pass, rules.join(', '), `fixing the fixed file changes it again (after ${fixed.passes} passes)`);
      }
    }
  }
  return { passes: counts, problems, unparsable: [...unparsable], ms: performance.now() - started, phases };
}

/** The report as text lines: counts per pass and rule, then the problems. */
export function formatReport(result, files) {
  const { total } = summarize(files);
  const phases = Object.entries(result.phases)
    .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)} s`)
    .join(', ');
  const lines = [`Checked ${total.files} files, ${total.lines.toLocaleString('en-US')} lines in ${(result.ms / 1000).toFixed(1)} s (${phases}).`];
  if (result.unparsable.length > 0) lines.push(`Skipped ${result.unparsable.length} files that do not parse as they are: ${result.unparsable.join(', ')}`);
  for (const pass of result.passes) {
    lines.push('', `Pass: ${pass.name} (${pass.filesFixed} files fixed)`);
    const width = Math.max(...Object.keys(pass.rules).map((id) => id.length), 4);
    const columns = [
      ['reports', 'reports'],
      ['fixable', 'fixable'],
      ['suggestions', 'suggestions'],
      ['suggestions parsed', 'suggestionsParsed'],
      ['files reported', 'filesWithReports'],
      ['files fixed', 'filesFixed'],
    ];
    lines.push(`  ${'rule'.padEnd(width)}  ${columns.map(([title]) => title).join('  ')}`);
    for (const [id, count] of Object.entries(pass.rules)) {
      lines.push(`  ${id.padEnd(width)}  ${columns.map(([title, key]) => String(count[key]).padStart(title.length)).join('  ')}`);
    }
  }
  lines.push('', result.problems.length === 0 ? 'No exceptions, no broken fixes or suggestions, every fix idempotent.' : `${result.problems.length} problems:`);
  for (const found of result.problems.slice(0, 50)) lines.push(`  [${found.kind}] ${found.file} (${found.pass}${found.ruleId ? `, ${found.ruleId}` : ''}): ${found.message.split('\n').slice(0, 6).join('\n    ')}`);
  return lines;
}

async function main(argv) {
  const option = (name) => {
    const index = argv.indexOf(name);
    return index === -1 ? undefined : argv[index + 1];
  };
  const { default: plugin } = await import('../dist/src/index.js');
  const groups = option('--groups')?.split(',');
  const { files, missing } = loadCorpus({ groups, sampleOnly: argv.includes('--sample') });
  if (missing.length > 0) console.log(`Not installed, left out: ${missing.join(', ')}`);
  const result = checkCorpus({
    plugin,
    files,
    onFile: (index) => {
      if (process.stderr.isTTY && index % 50 === 0) process.stderr.write(`\r${index}/${files.length}`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\r');
  if (argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else console.log(formatReport(result, files).join('\n'));
  process.exitCode = result.problems.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
