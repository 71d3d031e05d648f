/**
 * Type-checked TypeScript, the usual setup: typescript-eslint's `recommendedTypeChecked` with `projectService`, this
 * plugin's `recommended`, an Express 5 app with `@types/express` and `http-status-codes` (whose `StatusCodes` is a
 * TypeScript enum). `eslint --fix` must leave a project that the whole run finds clean but for the reports that are
 * suggestions (a comparison of a `number` with a status: the enum member there is what
 * `@typescript-eslint/no-unsafe-enum-comparison` reports), that a second `--fix` leaves as it is, and that `tsc` accepts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, fixture, installPrefix, readFiles, runOk, timed } from './harness.js';

/** Pinned like tests/e2e/prefixes.ts: the `eslint-10` set, and the app's own packages. */
const PACKAGES = ['eslint@10.15.0', 'typescript-eslint@8.74.0', 'typescript@6.0.3', 'express@5.3.0', '@types/express@5.0.6', 'http-status-codes@2.3.0'];

const PACKAGE_JSON = `${JSON.stringify(
  { name: 'typed-app', private: true, type: 'module', dependencies: { express: '^5.3.0', 'http-status-codes': '^2.3.0' }, devDependencies: { '@types/express': '^5.0.6' } },
  null,
  2,
)}\n`;

const TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true, skipLibCheck: true },
    include: ['src'],
  },
  null,
  2,
)}\n`;

const CONFIG = `import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import httpStatus from 'eslint-plugin-http-status';

export default defineConfig({
  files: ['**/*.ts'],
  extends: [tseslint.configs.recommendedTypeChecked, httpStatus.configs.recommended],
  languageOptions: {
    parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
  },
});
`;

/** Call sites, comparisons of a \`number\` and \`case\`s under a \`number\` discriminant; no constants imported yet. */
const SERVER = `import express, { type Request, type Response } from 'express';

interface Upstream {
  readonly status: number;
}

async function fetchUpstream(url: string): Promise<Upstream> {
  const response = await fetch(url);
  return { status: response.status };
}

export const app = express();

app.get('/users/:id', async (req: Request, res: Response) => {
  const upstream = await fetchUpstream(\`https://users.example\${req.path}\`);
  if (upstream.status === 404) {
    res.status(404).json({ error: 'not found' });
    return;
  }
  switch (upstream.status) {
    case 200:
      res.status(200).json({ ok: true });
      break;
    default:
      res.sendStatus(502);
  }
});
`;

const SERVER_FIXED = `import express, { type Request, type Response } from 'express';
import { StatusCodes } from 'http-status-codes';

interface Upstream {
  readonly status: number;
}

async function fetchUpstream(url: string): Promise<Upstream> {
  const response = await fetch(url);
  return { status: response.status };
}

export const app = express();

app.get('/users/:id', async (req: Request, res: Response) => {
  const upstream = await fetchUpstream(\`https://users.example\${req.path}\`);
  if (upstream.status === 404) {
    res.status(StatusCodes.NOT_FOUND).json({ error: 'not found' });
    return;
  }
  switch (upstream.status) {
    case 200:
      res.status(StatusCodes.OK).json({ ok: true });
      break;
    default:
      res.sendStatus(StatusCodes.BAD_GATEWAY);
  }
});
`;

/**
 * A status typed as the enum: the comparison with a bare number is what no-unsafe-enum-comparison reports before the
 * fix, and the fix (the enum member) makes it pass.
 */
const LABELS = `import { StatusCodes } from 'http-status-codes';

export function label(status: StatusCodes): string {
  if (status === 404) return 'missing';
  switch (status) {
    case 429:
      return 'slow down';
    default:
      return 'other';
  }
}
`;

const LABELS_FIXED = `import { StatusCodes } from 'http-status-codes';

export function label(status: StatusCodes): string {
  if (status === StatusCodes.NOT_FOUND) return 'missing';
  switch (status) {
    case StatusCodes.TOO_MANY_REQUESTS:
      return 'slow down';
    default:
      return 'other';
  }
}
`;

const FILES = { 'package.json': PACKAGE_JSON, 'tsconfig.json': TSCONFIG, 'eslint.config.js': CONFIG, 'src/server.ts': SERVER, 'src/labels.ts': LABELS };

interface Message {
  readonly file: string;
  readonly ruleId: string | null;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly fix: boolean;
  readonly suggestions: readonly string[];
}

/** Every message of `eslint --format json`, of every rule, sorted. */
function messagesOf(json: string, cwd: string): Message[] {
  const results = JSON.parse(json) as {
    filePath: string;
    messages: { ruleId: string | null; line: number; column: number; message: string; fix?: unknown; suggestions?: { desc: string }[] }[];
  }[];
  return results
    .flatMap((result) =>
      result.messages.map((message) => ({
        file: result.filePath.slice(cwd.length + 1),
        ruleId: message.ruleId,
        line: message.line,
        column: message.column,
        message: message.message,
        fix: message.fix !== undefined,
        suggestions: (message.suggestions ?? []).map((suggestion) => suggestion.desc),
      })),
    )
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

const SUGGESTION_ONLY = (line: number, column: number, constant: string, code: string): Message => ({
  file: 'src/server.ts',
  ruleId: 'http-status/no-magic-status',
  line,
  column,
  message: `Use \`StatusCodes.${constant}\` instead of the magic number ${code}.`,
  fix: false,
  suggestions: [`Replace with \`StatusCodes.${constant}\` from \`http-status-codes\`.`],
});

describe('type-checked TypeScript: recommendedTypeChecked, Express and http-status-codes', () => {
  let dir: string;
  let eslint: string;
  let tsc: string;

  beforeAll(async () => {
    dir = await installPrefix('type-checked', PACKAGES);
    eslint = bin(dir, 'eslint');
    tsc = bin(dir, 'tsc');
  });

  it('the project type-checks before the fix', async () => {
    const project = fixture(dir, 'type-checked-before', FILES);
    await runOk(tsc, ['--noEmit', '-p', '.'], { cwd: project });
  });

  it('--fix twice: fixes at call sites and enum-typed comparisons, suggestions at number comparisons; then only those are left, and tsc passes', async () => {
    const project = fixture(dir, 'type-checked', FILES);
    await timed('type-checked', 'eslint --fix, recommendedTypeChecked', () => runOk(eslint, ['--fix', 'src'], { cwd: project }, [1]));
    expect(readFiles(project, ['src/server.ts', 'src/labels.ts'])).toEqual({ 'src/server.ts': SERVER_FIXED, 'src/labels.ts': LABELS_FIXED });
    const again = await runOk(eslint, ['--fix', '--format', 'json', 'src'], { cwd: project }, [1]);
    expect(readFiles(project, ['src/server.ts', 'src/labels.ts'])).toEqual({ 'src/server.ts': SERVER_FIXED, 'src/labels.ts': LABELS_FIXED });
    expect(messagesOf(again.stdout, project)).toEqual([
      SUGGESTION_ONLY(17, 27, 'NOT_FOUND', '404 (Not Found)'),
      SUGGESTION_ONLY(22, 10, 'OK', '200 (OK)'),
    ]);
    const lint = await runOk(eslint, ['--format', 'json', 'src'], { cwd: project }, [1]);
    expect(messagesOf(lint.stdout, project)).toEqual(messagesOf(again.stdout, project));
    expect(lint.stderr).toBe('');
    await runOk(tsc, ['--noEmit', '-p', '.'], { cwd: project });
  });
});
