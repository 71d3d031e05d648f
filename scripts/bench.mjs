/**
 * `npm run bench`: what the plugin costs on real code (scripts/corpus.mjs).
 *
 * - One lint of the corpus per run with every rule of the plugin (read from its `rules` export) and core
 *   `no-magic-numbers` together, ESLint's `stats` on: per-rule times, parse time and the whole lint's time
 *   come from the same run. One warm-up run, then `--runs` measured runs; medians.
 * - Peak memory (max RSS) of a lint with and without our rules, each in a fresh process.
 * - Scaling: the corpus linted as 1, 2 and 4 copies (the same texts under other file names), each in a fresh process.
 *
 * - Each rule alone (with `no-magic-numbers` in the same run, for the ratio): `--alone-runs` runs per rule.
 *
 *   node scripts/bench.mjs [--runs 5] [--alone-runs 3] [--scales 1,2,4] [--groups express,hono] [--no-children]
 *                          [--write] [--profile [--profile-rule http-status/x]]
 *
 * `--write` puts the tables into docs/performance.md. `--profile` adds a CPU profile of our rules alone (or of one)
 * and prints the functions of ours that the time goes to.
 */
import { Linter } from 'eslint';
import { performance } from 'node:perf_hooks';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROOT, assertLinted, configFor, fileOptions, loadCorpus, pluginRuleIds, summarize } from './corpus.mjs';

const SCRIPT = fileURLToPath(import.meta.url);
const BASELINE = 'no-magic-numbers';
/** Targets of issue 7: each rule at most the cost of `no-magic-numbers`, all of ours at most 3% of the whole lint. */
const RULE_RATIO_TARGET = 1.0;
const SHARE_TARGET = 0.03;
const RULE_WRAPPER = /\/@typescript-eslint\/utils\/dist\/eslint-utils\/(?:RuleCreator|applyDefault|deepMerge)\.js$/;

function option(argv, name, fallback) {
  const index = argv.indexOf(name);
  return index === -1 ? fallback : argv[index + 1];
}

async function loadPlugin() {
  return (await import('../dist/src/index.js')).default;
}

/**
 * A rule that only reads its context, listed first in every setup. ESLint gives each rule a context made from one
 * per-file object, and the first property read through that object costs a few microseconds per file (V8 sets it up
 * as a prototype then): without this rule, that cost would land on whichever measured rule comes first.
 */
const SETUP_RULE = 'bench/context';
const benchPlugin = {
  rules: {
    context: {
      meta: { type: 'problem', schema: [] },
      create(context) {
        void context.options;
        void context.sourceCode;
        return {};
      },
    },
  },
};

/** `rules` after the setup rule, with the plugins it needs. */
function setup(plugins, rules) {
  return { plugins: { ...plugins, bench: benchPlugin }, rules: { [SETUP_RULE]: 'error', ...rules } };
}

/** The plugin under its namespace, as a config's `plugins` takes it. */
function pluginsOf(plugin) {
  return { [plugin.meta?.namespace ?? 'http-status']: plugin };
}

/** The setups: `ours` is every rule of the plugin plus the baseline; `baseline` is `no-magic-numbers` alone. */
function setups(plugin) {
  const ours = Object.fromEntries(pluginRuleIds(plugin).map((id) => [id, 'error']));
  const plugins = pluginsOf(plugin);
  return {
    ours: setup(plugins, { ...ours, [BASELINE]: 'error' }),
    baseline: setup({}, { [BASELINE]: 'error' }),
    oursOnly: setup(plugins, ours),
  };
}

/**
 * Lints every file (`copies` times, under other names) with stats, and sums the times.
 * A file that does not parse with its source type is retried with the other one once; one that parses
 * neither way is dropped (and listed).
 */
function lintCorpus(linter, files, setup, { copies = 1, sourceTypes = new Map(), stats = true } = {}) {
  // `quiet`: per rule, its time and the baseline's on the files where the rule reported nothing; `reports`: its report count.
  const times = { parse: 0, total: 0, rules: {}, quiet: {}, reports: {} };
  const dropped = [];
  const started = performance.now();
  for (let copy = 0; copy < copies; copy++) {
    for (const file of files) {
      let sourceType = sourceTypes.get(file.name) ?? file.sourceType;
      const options = fileOptions(file, copy);
      let result = linter.verifyAndFix(file.text, configFor(file, setup, sourceType), { ...options, fix: false, stats });
      if (!sourceTypes.has(file.name)) {
        assertLinted(result.messages, file);
        if (result.messages.some((message) => message.fatal)) {
          sourceType = sourceType === 'module' ? 'commonjs' : 'module';
          result = linter.verifyAndFix(file.text, configFor(file, setup, sourceType), { ...options, fix: false, stats });
        }
        sourceTypes.set(file.name, result.messages.some((message) => message.fatal) ? null : sourceType);
        if (sourceTypes.get(file.name) === null) dropped.push(file.name);
      }
      if (!stats || sourceTypes.get(file.name) === null) continue;
      const reported = new Map();
      for (const message of result.messages) if (message.ruleId) reported.set(message.ruleId, (reported.get(message.ruleId) ?? 0) + 1);
      const fileTimes = {};
      for (const pass of linter.getTimes().passes) {
        times.parse += pass.parse?.total ?? 0;
        times.total += pass.total ?? 0;
        for (const [id, { total }] of Object.entries(pass.rules ?? {})) fileTimes[id] = (fileTimes[id] ?? 0) + total;
      }
      for (const [id, value] of Object.entries(fileTimes)) {
        times.rules[id] = (times.rules[id] ?? 0) + value;
        times.reports[id] = (times.reports[id] ?? 0) + (reported.get(id) ?? 0);
        if (reported.has(id)) continue;
        const quiet = (times.quiet[id] ??= { ms: 0, baseline: 0, files: 0 });
        quiet.ms += value;
        quiet.baseline += fileTimes[BASELINE] ?? 0;
        quiet.files++;
      }
    }
  }
  return { times, wall: performance.now() - started, dropped };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const ms = (value) => `${value.toFixed(0)}`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const percent = (value) => `${(value * 100).toFixed(2)}%`;

/** The one child process mode: lint once and print JSON (memory, or a scaling point). */
async function child(argv) {
  const plugin = await loadPlugin();
  const groups = option(argv, '--groups')?.split(',');
  const { files } = loadCorpus({ groups });
  const linter = new Linter({ configType: 'flat' });
  const mode = option(argv, '--child');
  const all = setups(plugin);
  const sourceTypes = new Map();
  if (mode === 'memory') {
    const setup = all[option(argv, '--setup')];
    const result = lintCorpus(linter, files, setup, { sourceTypes, stats: false });
    globalThis.gc?.();
    const { maxRSS } = process.resourceUsage();
    console.log(JSON.stringify({ maxRSS: maxRSS * 1024, heapAfter: process.memoryUsage().heapUsed, wall: result.wall }));
    return;
  }
  const copies = Number(option(argv, '--copies', '1'));
  // A warm-up of one copy, so that every scale point is measured hot.
  lintCorpus(linter, files, all.ours, { sourceTypes });
  const result = lintCorpus(linter, files, all.ours, { copies, sourceTypes });
  const ours = Object.entries(result.times.rules)
    .filter(([id]) => id !== BASELINE && id !== SETUP_RULE)
    .reduce((sum, [, value]) => sum + value, 0);
  globalThis.gc?.();
  console.log(
    JSON.stringify({
      copies,
      total: result.times.total,
      parse: result.times.parse,
      ours,
      baseline: result.times.rules[BASELINE] ?? 0,
      wall: result.wall,
      maxRSS: process.resourceUsage().maxRSS * 1024,
      heapAfter: process.memoryUsage().heapUsed,
    }),
  );
}

function runChild(args) {
  const output = execFileSync(process.execPath, ['--expose-gc', SCRIPT, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(output.trim().split('\n').at(-1));
}

/**
 * A CPU profile of a lint with our rules alone (or one rule). Each sample is charged to the innermost frame
 * of ours on its stack (`dist/src`, `dist/rules`), so a call into ESLint or the parser made by our code
 * counts for the function of ours that made it; samples with no frame of ours are ESLint's own work.
 */
async function profile(linter, files, setup, sourceTypes) {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  lintCorpus(linter, files, setup, { sourceTypes, stats: false });
  const { profile: result } = await session.post('Profiler.stop');
  session.disconnect();
  const distRoot = pathToFileURL(`${ROOT}dist/`).href;
  const parent = new Map();
  for (const node of result.nodes) for (const childId of node.children ?? []) parent.set(childId, node.id);
  const byId = new Map(result.nodes.map((node) => [node.id, node]));
  // Ours: the plugin's code, and the typescript-eslint \`RuleCreator\` wrapper each rule runs in (\`applyDefault\`).
  const isOurs = (node) => node.callFrame.url.startsWith(distRoot) || RULE_WRAPPER.test(node.callFrame.url);
  const label = (node) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.startsWith(distRoot) ? `dist/${url.slice(distRoot.length)}` : url.replace(/^.*\/node_modules\//, '');
    return `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  };
  const charged = new Map();
  const self = new Map();
  let ours = 0;
  for (const sample of result.samples) {
    const leaf = byId.get(sample);
    self.set(label(leaf), (self.get(label(leaf)) ?? 0) + 1);
    for (let node = leaf; node; node = byId.get(parent.get(node.id))) {
      if (isOurs(node)) {
        charged.set(label(node), (charged.get(label(node)) ?? 0) + 1);
        ours++;
        break;
      }
    }
  }
  const total = result.samples.length;
  const top = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([key, count]) => `${percent(count / total).padStart(7)}  ${key}`);
  return { oursShare: ours / total, top: top(self), topOurs: top(charged) };
}

function table(header, rows) {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells) => `| ${cells.map((cell, column) => String(cell)[column === 0 ? 'padEnd' : 'padStart'](widths[column])).join(' | ')} |`;
  return [line(header), `| ${widths.map((width, column) => (column === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`, ...rows.map(line)];
}

async function main(argv) {
  if (argv.includes('--child')) return child(argv);
  const runs = Number(option(argv, '--runs', '5'));
  const skipChildren = argv.includes('--no-children');
  const aloneRuns = Number(option(argv, '--alone-runs', '3'));
  const scales = option(argv, '--scales', '1,2,4')
    .split(',')
    .filter(Boolean)
    .map(Number);
  const groupsArgument = option(argv, '--groups');
  const groups = groupsArgument?.split(',');
  const command = `npm run bench -- ${argv.join(' ')}`.trim().replace(/ --$/, '');
  const plugin = await loadPlugin();
  const { files, missing } = loadCorpus({ groups });
  const { groups: perGroup, total } = summarize(files);
  const load = loadavg()[0];
  const out = [];
  const say = (text = '') => {
    out.push(text);
    console.log(text);
  };

  say(`Corpus: ${total.files} files, ${total.lines.toLocaleString('en-US')} lines${missing.length > 0 ? ` (not installed: ${missing.join(', ')})` : ''}`);
  say('');
  for (const line of table(
    ['group', 'files', 'lines'],
    [...perGroup].map(([name, entry]) => [name, entry.files, entry.lines.toLocaleString('en-US')]),
  ))
    say(line);

  const linter = new Linter({ configType: 'flat' });
  const all = setups(plugin);
  const ids = pluginRuleIds(plugin);
  const sourceTypes = new Map();
  const warmUp = lintCorpus(linter, files, all.ours, { sourceTypes });
  if (warmUp.dropped.length > 0) say(`\nLeft out, they do not parse: ${warmUp.dropped.join(', ')}`);
  const measured = [];
  for (let run = 0; run < runs; run++) {
    measured.push(lintCorpus(linter, files, all.ours, { sourceTypes }));
    process.stderr.write(`run ${run + 1}/${runs}\n`);
  }
  const ruleMedian = (id) => median(measured.map((run) => run.times.rules[id] ?? 0));
  const oursMedian = median(measured.map((run) => ids.reduce((sum, id) => sum + (run.times.rules[id] ?? 0), 0)));
  const baseline = ruleMedian(BASELINE);
  const totalMedian = median(measured.map((run) => run.times.total));
  const parseMedian = median(measured.map((run) => run.times.parse));
  const share = oursMedian / totalMedian;

  say('');
  say(`All together: one lint of the corpus per run with all ${ids.length} rules of ours and ${BASELINE} (Linter, stats on), 1 warm-up + ${runs} runs, median ms.`);
  say(`Rules share what the engine finds per file (sites, values), so in this run the first rule to reach a node pays for finding its sites; "each rule alone" below gives what each one costs by itself.`);
  say('');
  const timeTable = table(
    ['', 'median ms', `x ${BASELINE}`],
    [
      ...ids.map((id) => [id, ms(ruleMedian(id)), (ruleMedian(id) / baseline).toFixed(2)]),
      [`all ${ids.length} rules of ours`, ms(oursMedian), (oursMedian / baseline).toFixed(2)],
      [BASELINE, ms(baseline), '1.00'],
      [`${SETUP_RULE} (listed first: ESLint's per-file rule context setup)`, ms(ruleMedian(SETUP_RULE)), ''],
      ['parse (parser + scope analysis)', ms(parseMedian), ''],
      ['whole lint', ms(totalMedian), ''],
    ],
  );
  for (const line of timeTable) say(line);
  say('');
  say(`Share of ours in the whole lint: ${percent(share)} (target <= ${percent(SHARE_TARGET)}): ${share <= SHARE_TARGET ? 'ok' : 'MISS'}.`);
  say(`The whole lint here is parse + scope analysis + traversal + our rules + ${BASELINE}: a real config has more rules, so a real share is smaller.`);

  if (aloneRuns > 0) {
    say('');
    say(`Each rule alone: one lint per run with the rule and ${BASELINE} (stats on), ${aloneRuns} runs per rule, median ms; the ratio is taken within each run.`);
    say('');
    const aloneRows = [];
    for (const id of ids) {
      const alone = setup(pluginsOf(plugin), { [id]: 'error', [BASELINE]: 'error' });
      const results = [];
      for (let run = 0; run < aloneRuns; run++) results.push(lintCorpus(linter, files, alone, { sourceTypes }).times);
      const value = median(results.map((times) => times.rules[id] ?? 0));
      const ratio = median(results.map((times) => (times.rules[id] ?? 0) / (times.rules[BASELINE] ?? Number.NaN)));
      const quietRatio = median(results.map((times) => (times.quiet[id]?.ms ?? 0) / (times.quiet[id]?.baseline ?? Number.NaN)));
      const last = results.at(-1);
      aloneRows.push([
        id,
        ms(value),
        ms(median(results.map((times) => times.rules[BASELINE] ?? 0))),
        ratio.toFixed(2),
        ratio <= RULE_RATIO_TARGET ? 'ok' : 'MISS',
        (last.reports[id] ?? 0).toLocaleString('en-US'),
        `${(last.quiet[id]?.files ?? 0).toLocaleString('en-US')}: ${quietRatio.toFixed(2)}`,
      ]);
      process.stderr.write(`alone: ${id}\n`);
    }
    for (const line of table(
      ['rule', 'median ms', `${BASELINE} ms`, `x ${BASELINE}`, `target <= ${RULE_RATIO_TARGET.toFixed(1)}x`, 'its reports', `files it is silent in: x ${BASELINE} there`],
      aloneRows,
    ))
      say(line);
    say('');
    say(
      `The last two columns split the cost: how many problems the rule reports (each with its fix or suggestions, built by the rule and then by ESLint), and its ratio on the files where it reports nothing (against ${BASELINE} on the same files).`,
    );
  }

  let profileResult;
  if (argv.includes('--profile')) {
    const only = option(argv, '--profile-rule');
    profileResult = await profile(linter, files, only ? setup(pluginsOf(plugin), { [only]: 'error' }) : all.oursOnly, sourceTypes);
    say('');
    say(
      `CPU profile of a lint with ${only ?? 'our rules'} alone: ${percent(profileResult.oursShare)} of samples have a frame of ours (the rules' \`RuleCreator\` wrapper included; garbage collection is not charged to anyone). Charged to the innermost function of ours (its calls into ESLint included):`,
    );
    say('');
    say('```text');
    for (const line of profileResult.topOurs) say(line);
    say('```');
    say('');
    say('Most self time, all code:');
    say('');
    say('```text');
    for (const line of profileResult.top) say(line);
    say('```');
  }

  if (!skipChildren) {
    const childArgs = groupsArgument ? ['--groups', groupsArgument] : [];
    say('');
    say('Peak memory: one lint of the corpus in a fresh process (max RSS; heap after a final GC).');
    say('');
    const memoryRows = [];
    for (const [label, setup] of [
      [`${BASELINE} alone`, 'baseline'],
      [`${BASELINE} + our ${ids.length} rules`, 'ours'],
    ]) {
      const result = runChild(['--child', 'memory', '--setup', setup, ...childArgs]);
      memoryRows.push([label, mb(result.maxRSS), mb(result.heapAfter), ms(result.wall)]);
    }
    for (const line of table(['setup', 'peak RSS', 'heap after', 'lint ms (wall, cold)'], memoryRows)) say(line);

    say('');
    say(`Scaling: the corpus as 1, 2, 4 copies (fresh process each, one warm-up copy first); all rules as above.`);
    say('');
    const points = scales.map((copies) => runChild(['--child', 'scale', '--copies', String(copies), ...childArgs]));
    const unit = points[0];
    const scaleRows = points.map((point) => [
      `${point.copies}x (${(total.lines * point.copies).toLocaleString('en-US')} lines)`,
      ms(point.total),
      (point.total / unit.total / (point.copies / unit.copies)).toFixed(2),
      ms(point.ours),
      (point.ours / unit.ours / (point.copies / unit.copies)).toFixed(2),
      percent(point.ours / point.total),
      mb(point.maxRSS),
      mb(point.heapAfter),
    ]);
    for (const line of table(['corpus', 'whole lint ms', 'per copy vs 1x', 'our rules ms', 'per copy vs 1x', 'our share', 'peak RSS', 'heap after'], scaleRows)) say(line);
  }

  const environment = `Node ${process.version}, ESLint ${Linter.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average ${load.toFixed(1)} at the start`;
  say('');
  say(environment);

  if (argv.includes('--write')) writeDoc({ command, out, environment });
}

function writeDoc({ command, out }) {
  const path = new URL('../docs/performance.md', import.meta.url);
  let intro = '';
  try {
    const current = readFileSync(path, 'utf8');
    const marker = current.indexOf('<!-- bench:start -->');
    if (marker !== -1) intro = current.slice(0, marker);
  } catch {
    // first write
  }
  if (!intro) intro = '# Performance\n\n';
  const body = ['<!-- bench:start -->', '', `Produced by \`${command}\` (\`--write\` rewrites this section).`, '', ...out, '', '<!-- bench:end -->', ''].join('\n');
  let rest = '';
  try {
    const current = readFileSync(path, 'utf8');
    const end = current.indexOf('<!-- bench:end -->');
    if (end !== -1) rest = current.slice(end + '<!-- bench:end -->'.length).replace(/^\n+/, '\n');
  } catch {
    // first write
  }
  writeFileSync(path, intro + body + rest);
  console.log(`\nWrote ${fileURLToPath(path)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
