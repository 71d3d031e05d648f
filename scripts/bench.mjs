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
 * Every time is also summed per part of the corpus (framework code, application code, test code, TypeScript's lib:
 * `PARTS` in scripts/corpus.mjs), and every ratio is given per part: the worst of framework, application and test code
 * is the headline figure; TypeScript's lib (a compiler bundle and declarations full of numbers, where
 * `no-magic-numbers` is expensive) is shown apart and never the headline.
 *
 *   node scripts/bench.mjs [--runs 5] [--alone-runs 3] [--scales 1,2,4] [--groups express,hono]
 *                          [--parts framework,application,test,typescript] [--no-children]
 *                          [--write] [--profile [--profile-rule http-status/x] [--profile-parts application,test]]
 *
 * `--parts` picks the parts linted (default: all four; leave `typescript` out for a run of a few minutes).
 * `--write` puts the tables into docs/performance.md. `--profile` adds a CPU profile of our rules alone (or of one,
 * on some parts) and prints the functions of ours that the time goes to.
 */
import { Linter } from 'eslint';
import { performance } from 'node:perf_hooks';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PARTS, ROOT, assertLinted, configFor, fileOptions, loadCorpus, pluginRuleIds, summarize } from './corpus.mjs';

const SCRIPT = fileURLToPath(import.meta.url);
const BASELINE = 'no-magic-numbers';
/**
 * Targets (issues 7 and 18), on the worst part of the corpus: each rule at most the cost of `no-magic-numbers`, all of
 * ours at most 2% of the whole lint.
 */
const RULE_RATIO_TARGET = 1.0;
const SHARE_TARGET = 0.02;
/** The part shown apart, never the headline. */
const APART = 'typescript';
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
  // `parts`: the same sums (but `quiet`) per part of the corpus.
  const times = { parse: 0, total: 0, rules: {}, quiet: {}, reports: {}, parts: {} };
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
      const part = (times.parts[file.part] ??= { parse: 0, total: 0, rules: {}, reports: {} });
      for (const pass of linter.getTimes().passes) {
        times.parse += pass.parse?.total ?? 0;
        times.total += pass.total ?? 0;
        part.parse += pass.parse?.total ?? 0;
        part.total += pass.total ?? 0;
        for (const [id, { total }] of Object.entries(pass.rules ?? {})) fileTimes[id] = (fileTimes[id] ?? 0) + total;
      }
      for (const [id, value] of Object.entries(fileTimes)) {
        times.rules[id] = (times.rules[id] ?? 0) + value;
        times.reports[id] = (times.reports[id] ?? 0) + (reported.get(id) ?? 0);
        part.rules[id] = (part.rules[id] ?? 0) + value;
        part.reports[id] = (part.reports[id] ?? 0) + (reported.get(id) ?? 0);
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
  const parts = option(argv, '--parts')?.split(',');
  const { files } = loadCorpus({ groups, parts });
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
  return { oursShare: ours / total, top: top(self), topOurs: top(charged), ms: (result.endTime - result.startTime) / 1000 };
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
  const partsArgument = option(argv, '--parts');
  const command = `npm run bench -- ${argv.join(' ')}`.trim().replace(/ --$/, '');
  const plugin = await loadPlugin();
  const { files, missing } = loadCorpus({ groups, parts: partsArgument?.split(',') });
  const { groups: perGroup, parts: perPart, total } = summarize(files);
  // The parts present, in `PARTS` order; the headline is the worst of them but the one shown apart.
  const parts = PARTS.filter((part) => perPart.has(part));
  const headlineParts = parts.filter((part) => part !== APART);
  const partLabel = (part) => (part === APART ? "TypeScript's lib (apart)" : part);
  const load = loadavg()[0];
  const out = [];
  const say = (text = '') => {
    out.push(text);
    console.log(text);
  };

  say(`Corpus: ${total.files} files, ${total.lines.toLocaleString('en-US')} lines${missing.length > 0 ? ` (not installed: ${missing.join(', ')})` : ''}`);
  say('');
  for (const line of table(
    ['group', 'files', 'lines', ...parts.map((part) => `${part} lines`)],
    [...perGroup].map(([name, entry]) => [
      name,
      entry.files,
      entry.lines.toLocaleString('en-US'),
      ...parts.map((part) => (entry.parts.get(part)?.lines ?? 0).toLocaleString('en-US')),
    ]),
  ))
    say(line);
  say('');
  for (const line of table(
    ['part', 'files', 'lines'],
    parts.map((part) => [partLabel(part), perPart.get(part).files, perPart.get(part).lines.toLocaleString('en-US')]),
  ))
    say(line);
  say('');
  say('A file under a `test`, `tests`, `__tests__` or `spec` folder, or named `*.test.*` or `*.spec.*`, is test code whatever its package.');

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
  const oursOf = (times) => ids.reduce((sum, id) => sum + (times?.rules[id] ?? 0), 0);
  const oursMedian = median(measured.map((run) => oursOf(run.times)));
  const baseline = ruleMedian(BASELINE);
  const totalMedian = median(measured.map((run) => run.times.total));
  const parseMedian = median(measured.map((run) => run.times.parse));

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

  // Per part: the share of ours in that part's whole lint, taken within each run, median over runs.
  const partMedian = (part, of) => median(measured.map((run) => of(run.times.parts[part])));
  const shares = new Map(parts.map((part) => [part, partMedian(part, (times) => oursOf(times) / times.total)]));
  say('');
  say('Per part, same runs (median ms; the share and the ratio are taken within each run):');
  say('');
  for (const line of table(
    ['part', 'our rules ms', `${BASELINE} ms`, `ours x ${BASELINE}`, 'parse ms', 'whole lint ms', 'our share', `target <= ${percent(SHARE_TARGET)}`],
    parts.map((part) => [
      partLabel(part),
      ms(partMedian(part, oursOf)),
      ms(partMedian(part, (times) => times.rules[BASELINE] ?? 0)),
      partMedian(part, (times) => oursOf(times) / (times.rules[BASELINE] ?? Number.NaN)).toFixed(2),
      ms(partMedian(part, (times) => times.parse)),
      ms(partMedian(part, (times) => times.total)),
      percent(shares.get(part)),
      part === APART ? '' : shares.get(part) <= SHARE_TARGET ? 'ok' : 'MISS',
    ]),
  ))
    say(line);
  say('');
  const worstShare = headlineParts.reduce((worst, part) => (shares.get(part) > shares.get(worst) ? part : worst), headlineParts[0]);
  if (worstShare) {
    const value = shares.get(worstShare);
    say(
      `Share of ours in the whole lint, worst part (${worstShare}): ${percent(value)} (target <= ${percent(SHARE_TARGET)}): ${value <= SHARE_TARGET ? 'ok' : 'MISS'}. Whole corpus: ${percent(oursMedian / totalMedian)}.`,
    );
  }
  say(`The whole lint here is parse + scope analysis + traversal + our rules + ${BASELINE}: a real config has more rules, so a real share is smaller.`);

  if (aloneRuns > 0) {
    say('');
    say(
      `Each rule alone: one lint per run with the rule and ${BASELINE} (stats on), ${aloneRuns} runs per rule; each ratio is the rule's time over ${BASELINE}'s on the same files in the same run, median over runs. The headline is the worst of ${headlineParts.join(', ')}; ${parts.includes(APART) ? "TypeScript's lib is shown apart" : "TypeScript's lib was not linted"}.`,
    );
    say('');
    const aloneRows = [];
    const ratioOf = (times, id) => (times?.rules[id] ?? 0) / (times?.rules[BASELINE] ?? Number.NaN);
    for (const id of ids) {
      const alone = setup(pluginsOf(plugin), { [id]: 'error', [BASELINE]: 'error' });
      const results = [];
      for (let run = 0; run < aloneRuns; run++) results.push(lintCorpus(linter, files, alone, { sourceTypes }).times);
      const byPart = new Map(parts.map((part) => [part, median(results.map((times) => ratioOf(times.parts[part], id)))]));
      const worst = headlineParts.reduce((found, part) => (byPart.get(part) > byPart.get(found) ? part : found), headlineParts[0]);
      const quietRatio = median(results.map((times) => (times.quiet[id]?.ms ?? 0) / (times.quiet[id]?.baseline ?? Number.NaN)));
      const last = results.at(-1);
      aloneRows.push([
        id,
        ...parts.map((part) => byPart.get(part).toFixed(2)),
        worst ? `${byPart.get(worst).toFixed(2)} (${worst})` : '',
        worst ? (byPart.get(worst) <= RULE_RATIO_TARGET ? 'ok' : 'MISS') : '',
        ms(median(results.map((times) => times.rules[id] ?? 0))),
        parts.map((part) => (last.parts[part]?.reports[id] ?? 0).toLocaleString('en-US')).join(' / '),
        `${(last.quiet[id]?.files ?? 0).toLocaleString('en-US')}: ${quietRatio.toFixed(2)}`,
      ]);
      process.stderr.write(`alone: ${id}\n`);
    }
    for (const line of table(
      [
        'rule',
        ...parts.map((part) => `x ${BASELINE}: ${part === APART ? 'TS lib (apart)' : part}`),
        'worst (headline)',
        `target <= ${RULE_RATIO_TARGET.toFixed(1)}x`,
        'ms, all parts',
        `its reports (${parts.join(' / ')})`,
        `files it is silent in: x ${BASELINE} there`,
      ],
      aloneRows,
    ))
      say(line);
    say('');
    say(
      `The last columns split the cost: how many problems the rule reports in each part (each with its fix or suggestions, built by the rule and then by ESLint), and its ratio on the files where it reports nothing (all parts, against ${BASELINE} on the same files).`,
    );
  }

  let profileResult;
  if (argv.includes('--profile')) {
    const only = option(argv, '--profile-rule');
    const profileParts = option(argv, '--profile-parts')?.split(',');
    const profiled = profileParts ? files.filter((file) => profileParts.includes(file.part)) : files;
    profileResult = await profile(linter, profiled, only ? setup(pluginsOf(plugin), { [only]: 'error' }) : all.oursOnly, sourceTypes);
    say('');
    say(
      `CPU profile of a lint with ${only ?? 'our rules'} alone${profileParts ? ` on the ${profileParts.join(' and ')} parts (${profiled.length} files)` : ''}, ${ms(profileResult.ms)} ms profiled (1% is ${(profileResult.ms / 100).toFixed(1)} ms): ${percent(profileResult.oursShare)} of samples have a frame of ours (the rules' \`RuleCreator\` wrapper included; garbage collection is not charged to anyone). Charged to the innermost function of ours (its calls into ESLint included):`,
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
    const childArgs = [...(groupsArgument ? ['--groups', groupsArgument] : []), ...(partsArgument ? ['--parts', partsArgument] : [])];
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
