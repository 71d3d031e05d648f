/**
 * Matrix step 5: oxlint loads the packed plugin through `jsPlugins` in `.oxlintrc.json` (the
 * README's snippet verbatim), reports under the prefix `http-status` (taken from `meta.name`),
 * and `--fix` / `--fix-suggestions` write the same files ESLint does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { AUTO, CODES, SOURCES, SOURCE_NAMES, type Expectation } from './fixtures.js';
import { bin, fixture, installedVersion, readFiles, runOk, timed } from './harness.js';
import { prefix } from './prefixes.js';
import { readmeFile } from './readme.js';

interface OxlintDiagnostic {
  code: string;
  filename: string;
  labels: { span: { line: number; column: number; length: number } }[];
}

interface Place {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** The `http-status(no-magic-status)` diagnostics of `oxlint -f json`, as places. */
function placesOf(json: string): Place[] {
  const { diagnostics } = JSON.parse(json) as { diagnostics: OxlintDiagnostic[] };
  return diagnostics
    .filter((diagnostic) => diagnostic.code === 'http-status(no-magic-status)')
    .map((diagnostic) => {
      const span = diagnostic.labels[0]?.span;
      return { file: diagnostic.filename, line: span?.line ?? 0, column: span?.column ?? 0 };
    })
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

const placesOfExpectation = (expectation: Expectation): Place[] => expectation.problems.map(({ file, line, column }) => ({ file, line, column }));

const README_CONFIG = readmeFile('oxlint', '.oxlintrc.json');
const DEFAULTS_CONFIG = `${JSON.stringify({ jsPlugins: ['eslint-plugin-http-status'], rules: { 'http-status/no-magic-status': 'error' } }, null, 2)}\n`;

/** What the README's config asks of no-magic-status. */
function expectationOfOxlintConfig(text: string): Expectation {
  const config = JSON.parse(text) as { rules?: Record<string, unknown> };
  const entry = config.rules?.['http-status/no-magic-status'];
  const options = Array.isArray(entry) ? (entry[1] as { constants?: string } | undefined) : undefined;
  return options?.constants === 'http-status-codes' ? CODES : AUTO;
}

describe('oxlint with jsPlugins', () => {
  let dir: string;
  let oxlint: string;
  /** Why the step is skipped, if the installed oxlint has no JS plugins. */
  let unsupported: string | undefined;

  beforeAll(async () => {
    dir = await prefix('oxlint');
    oxlint = bin(dir, 'oxlint');
    const schema = join(dir, 'node_modules', 'oxlint', 'configuration_schema.json');
    const properties = existsSync(schema) ? (JSON.parse(readFileSync(schema, 'utf8')) as { properties?: object }).properties : undefined;
    if (!properties || !('jsPlugins' in properties)) {
      unsupported = `oxlint ${installedVersion(dir, 'oxlint')} has no \`jsPlugins\` in its configuration schema`;
    }
  });

  const skipUnlessSupported = (context: TestContext): void => {
    if (unsupported) {
      console.log(`SKIPPED oxlint step: ${unsupported}`);
      context.skip(unsupported);
    }
  };

  it('the README config loads the rules, which report under the prefix http-status', async (context) => {
    skipUnlessSupported(context);
    const project = fixture(dir, 'oxlint-readme', { '.oxlintrc.json': README_CONFIG, ...SOURCES });
    const result = await timed('oxlint', 'lint README config', () => runOk(oxlint, ['--format', 'json', '.'], { cwd: project }, [1]));
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: OxlintDiagnostic[] };
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain('http-status(no-magic-status)');
    expect(placesOf(result.stdout)).toEqual(placesOfExpectation(expectationOfOxlintConfig(README_CONFIG)));
    expect(result.stderr).toBe('');
  });

  it('--fix writes the files ESLint writes (one pass of fixes per run, so it runs until nothing changes)', async (context) => {
    skipUnlessSupported(context);
    const expectation = expectationOfOxlintConfig(README_CONFIG);
    const project = fixture(dir, 'oxlint-fix', { '.oxlintrc.json': README_CONFIG, ...SOURCES });
    let before = readFiles(project, SOURCE_NAMES);
    let runs = 0;
    await timed('oxlint', '--fix until stable', async () => {
      for (; runs < 5; runs++) {
        // `-A all`: only the plugin's rule, not oxlint's own, may change the files.
        await runOk(oxlint, ['-A', 'all', '--fix', '.'], { cwd: project }, [0, 1]);
        const after = readFiles(project, SOURCE_NAMES);
        if (JSON.stringify(after) === JSON.stringify(before)) break;
        before = after;
      }
    });
    console.log(`oxlint --fix: ${runs} run(s) changed files before one changed nothing`);
    // src/teapot.js has two fixes that both add the import: oxlint applies one per run (as the README says).
    expect(runs).toBe(2);
    expect(readFiles(project, SOURCE_NAMES)).toEqual(expectation.fixed);
    const last = await runOk(oxlint, ['--format', 'json', '.'], { cwd: project }, [0, 1]);
    expect(placesOf(last.stdout)).toEqual(placesOfExpectation({ ...expectation, problems: expectation.problems.filter((problem) => !problem.fix) }));
  });

  it('with the default options, --fix-suggestions applies the first suggestion (the http-status-codes constant)', async (context) => {
    skipUnlessSupported(context);
    const project = fixture(dir, 'oxlint-suggestions', { '.oxlintrc.json': DEFAULTS_CONFIG, ...SOURCES });
    const lint = await runOk(oxlint, ['--format', 'json', '.'], { cwd: project }, [1]);
    expect(placesOf(lint.stdout)).toEqual(placesOfExpectation(AUTO));
    await timed('oxlint', '--fix-suggestions until stable', async () => {
      for (let runs = 0; runs < 5; runs++) {
        const before = readFiles(project, SOURCE_NAMES);
        await runOk(oxlint, ['-A', 'all', '--fix-suggestions', '.'], { cwd: project }, [0, 1]);
        if (JSON.stringify(readFiles(project, SOURCE_NAMES)) === JSON.stringify(before)) break;
      }
    });
    // The first suggestion names http-status-codes, so the files end as with `constants: 'http-status-codes'`.
    expect(readFiles(project, SOURCE_NAMES)).toEqual(CODES.fixed);
  });

  it('honours eslint-disable comments', async (context) => {
    skipUnlessSupported(context);
    const source = 'export function h(req, res) {\n  // eslint-disable-next-line http-status/no-magic-status\n  res.status(500).end();\n}\n';
    const project = fixture(dir, 'oxlint-disable', { '.oxlintrc.json': DEFAULTS_CONFIG, 'src/disabled.js': source });
    const result = await runOk(oxlint, ['--format', 'json', '.'], { cwd: project });
    expect(placesOf(result.stdout)).toEqual([]);
  });
});
