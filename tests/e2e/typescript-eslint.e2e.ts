/**
 * Matrix step 3: typescript-eslint's parser with `projectService` on. The rules need no type
 * information, and must report and fix exactly as they do without it (a probe rule proves the
 * TypeScript program really is there in the typed run).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, fixture, onlyMagicStatusArgs, problemsOf, readFiles, runOk, timed, type Problem } from './harness.js';
import { prefix } from './prefixes.js';

const HANDLERS = `import type { Request, Response } from 'express';
import { StatusCodes } from 'http-status-codes';

interface Problem {
  readonly title: string;
}

export function notFound(req: Request, res: Response): void {
  const problem: Problem = { title: 'Not Found' };
  res.status(404 as const).json(problem);
}

export const created = (res: Response): Response => res.status(<number>201);

export function teapot(res: Response): void {
  res.sendStatus(418 satisfies number);
}

export enum Health {
  Ok = StatusCodes.OK,
}
`;

const HANDLERS_FIXED = HANDLERS.replace('404 as const', 'StatusCodes.NOT_FOUND')
  .replace('<number>201', '<number>StatusCodes.CREATED')
  .replace('418 satisfies', 'StatusCodes.IM_A_TEAPOT satisfies');

const EXPECTED: Problem[] = [
  { file: 'src/handlers.ts', line: 10, column: 14, endLine: 10, endColumn: 17, messageId: 'useConstant', fix: true, suggestion: undefined },
  { file: 'src/handlers.ts', line: 13, column: 72, endLine: 13, endColumn: 75, messageId: 'useConstant', fix: true, suggestion: undefined },
  { file: 'src/handlers.ts', line: 16, column: 18, endLine: 16, endColumn: 21, messageId: 'useConstant', fix: true, suggestion: undefined },
];

const TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true, skipLibCheck: true, types: [] },
    include: ['src'],
  },
  null,
  2,
)}\n`;

/** projectService on, unless E2E_PROJECT_SERVICE=off; `probe/type-info` says whether the rules got a program. */
const CONFIG = `import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import httpStatus from 'eslint-plugin-http-status';

const typed = process.env.E2E_PROJECT_SERVICE !== 'off';

const probe = {
  rules: {
    'type-info': {
      meta: { type: 'problem', schema: [], messages: { program: 'program: {{program}}' } },
      create(context) {
        return {
          Program(node) {
            context.report({ node, messageId: 'program', data: { program: String(Boolean(context.sourceCode.parserServices?.program)) } });
          },
        };
      },
    },
  },
};

export default defineConfig({
  files: ['**/*.ts'],
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: typed ? { projectService: true, tsconfigRootDir: import.meta.dirname } : { projectService: false },
  },
  plugins: { 'http-status': httpStatus, probe },
  extends: ['http-status/recommended'],
  rules: { 'probe/type-info': 'warn' },
});
`;

const FILES = { 'eslint.config.js': CONFIG, 'tsconfig.json': TSCONFIG, 'src/handlers.ts': HANDLERS };

function programSeen(json: string): boolean[] {
  const results = JSON.parse(json) as { messages: { ruleId: string | null; message: string }[] }[];
  return results.flatMap((result) => result.messages.filter((message) => message.ruleId === 'probe/type-info').map((message) => message.message === 'program: true'));
}

describe('typescript-eslint parser with projectService', () => {
  let dir: string;
  let eslint: string;
  let onlyMagicStatus: string[];

  beforeAll(async () => {
    dir = await prefix('eslint-10');
    eslint = bin(dir, 'eslint');
    onlyMagicStatus = await onlyMagicStatusArgs(dir);
  });

  it('reports the same with and without type information', async () => {
    const project = fixture(dir, 'typescript', FILES);
    const typed = await timed('typescript-eslint', 'lint, projectService on', () => runOk(eslint, ['--format', 'json', '.'], { cwd: project }, [1]));
    const untyped = await timed('typescript-eslint', 'lint, projectService off', () =>
      runOk(eslint, ['--format', 'json', '.'], { cwd: project, env: { E2E_PROJECT_SERVICE: 'off' } }, [1]),
    );
    expect(programSeen(typed.stdout)).toEqual([true]);
    expect(programSeen(untyped.stdout)).toEqual([false]);
    expect(problemsOf(typed.stdout, project)).toEqual(EXPECTED);
    expect(problemsOf(untyped.stdout, project)).toEqual(EXPECTED);
    expect(typed.stderr).toBe('');
  });

  it.each([
    ['on', {}],
    ['off', { E2E_PROJECT_SERVICE: 'off' }],
  ])('--fix writes the same files with projectService %s, and a second --fix changes nothing', async (mode, env) => {
    const project = fixture(dir, `typescript-fix-${mode}`, FILES);
    await timed('typescript-eslint', `fix, projectService ${mode}`, () => runOk(eslint, ['--fix', ...onlyMagicStatus, '.'], { cwd: project, env }, [0]));
    expect(readFiles(project, ['src/handlers.ts'])).toEqual({ 'src/handlers.ts': HANDLERS_FIXED });
    const again = await runOk(eslint, ['--fix', '--format', 'json', ...onlyMagicStatus, '.'], { cwd: project, env }, [0]);
    expect(readFiles(project, ['src/handlers.ts'])).toEqual({ 'src/handlers.ts': HANDLERS_FIXED });
    expect(problemsOf(again.stdout, project)).toEqual([]);
  });
});
