/**
 * The README's "Configure" snippets in the projects they are for, verbatim: the TypeScript one on a Next.js route
 * handler (`.ts`) and a React Router route module (`.tsx`, TS syntax and JSX), the JavaScript one on a `.jsx` route
 * module. Every file is linted (none skipped by the `files` pattern, none a parse error), and each rule reports where
 * it must. ESLint 10 with typescript-eslint, from the `eslint-10` prefix.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, fixture, onlyMagicStatusArgs, problemsOf, readFiles, runOk, timed, type Problem } from './harness.js';
import { prefix } from './prefixes.js';
import { readmeSnippets } from './readme.js';

const configure = readmeSnippets().filter((snippet) => snippet.section === 'Configure' && snippet.lang === 'js' && snippet.file === 'eslint.config.js');
const typescriptSnippets = configure.filter((snippet) => snippet.code.includes("from 'typescript-eslint'"));
const javascriptSnippets = configure.filter((snippet) => snippet.code.includes('defineConfig') && !snippet.code.includes("from 'typescript-eslint'"));

/** An app that declares its constants library, so that `'auto'` fixes with it. */
const PACKAGE_JSON = `${JSON.stringify(
  { name: 'e2e-readme-app', private: true, type: 'module', dependencies: { 'http-status-codes': '^2.3.0', next: '^15.0.0', 'react-router': '^7.0.0' } },
  null,
  2,
)}\n`;

/** A Next.js route handler: an interface, type annotations, `as`. */
const ROUTE_TS = `import { NextResponse } from 'next/server';

interface Order {
  readonly id: string;
  readonly items: readonly string[];
}

export async function POST(request: Request): Promise<Response> {
  const order = (await request.json()) as Order;
  await db.orders.insert(order);
  return NextResponse.json(order, { status: 202 });
}

export async function GET(): Promise<Response> {
  return new Response('slow down', { status: 429 });
}
`;

const ROUTE_TS_FIXED = `import { NextResponse } from 'next/server';
import { StatusCodes } from 'http-status-codes';

interface Order {
  readonly id: string;
  readonly items: readonly string[];
}

export async function POST(request: Request): Promise<Response> {
  const order = (await request.json()) as Order;
  await db.orders.insert(order);
  return NextResponse.json(order, { status: StatusCodes.ACCEPTED });
}

export async function GET(): Promise<Response> {
  return new Response('slow down', { status: StatusCodes.TOO_MANY_REQUESTS });
}
`;

/** A React Router route module: a type import, a type alias, a non-null assertion, JSX. */
const ROUTE_TSX = `import { data, type LoaderFunctionArgs } from 'react-router';

type Props = { readonly title: string };

export async function loader({ params }: LoaderFunctionArgs) {
  const order = await findOrder(params.id!);
  if (!order) throw data({ message: 'No such order' }, { status: 404 });
  return order;
}

export default function OrderPage({ title }: Props) {
  return <h1 className="order">{title}</h1>;
}
`;

const ROUTE_TSX_FIXED = `import { data, type LoaderFunctionArgs } from 'react-router';
import { StatusCodes } from 'http-status-codes';

type Props = { readonly title: string };

export async function loader({ params }: LoaderFunctionArgs) {
  const order = await findOrder(params.id!);
  if (!order) throw data({ message: 'No such order' }, { status: StatusCodes.NOT_FOUND });
  return order;
}

export default function OrderPage({ title }: Props) {
  return <h1 className="order">{title}</h1>;
}
`;

/** The same route module in JavaScript. */
const ROUTE_JSX = `import { data } from 'react-router';

export async function loader({ params }) {
  const order = await findOrder(params.id);
  if (!order) throw data({ message: 'No such order' }, { status: 404 });
  return order;
}

export default function OrderPage({ title }) {
  return <h1 className="order">{title}</h1>;
}
`;

const TS_FILES = { 'package.json': PACKAGE_JSON, 'app/api/orders/route.ts': ROUTE_TS, 'app/routes/orders.$id.tsx': ROUTE_TSX };
const TS_SOURCES = ['app/api/orders/route.ts', 'app/routes/orders.$id.tsx'];

const RULES = ['no-accepted-without-queue', 'no-content-body', 'no-magic-status', 'require-retry-after', 'require-status-headers', 'valid-status'];

/** The problems of every plugin rule, by rule. */
function problemsByRule(json: string, cwd: string): Record<string, Problem[]> {
  return Object.fromEntries(RULES.map((rule) => [rule, problemsOf(json, cwd, `http-status/${rule}`)]));
}

/** The files ESLint linted, relative to the project. */
function lintedFiles(json: string, cwd: string): string[] {
  return (JSON.parse(json) as { filePath: string }[]).map((result) => result.filePath.slice(cwd.length + 1)).sort();
}

describe('README "Configure" snippets in their projects', () => {
  let dir: string;
  let eslint: string;

  beforeAll(async () => {
    dir = await prefix('eslint-10');
    eslint = bin(dir, 'eslint');
  });

  it('has one TypeScript snippet, with typescript-eslint\'s parser and every extension in `files`', () => {
    expect(typescriptSnippets).toHaveLength(1);
    expect(typescriptSnippets[0]?.code).toContain("files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}']");
  });

  describe('the TypeScript snippet on a .ts and a .tsx route file', () => {
    const config = typescriptSnippets[0]?.code ?? '';

    it('lints both files and reports each rule where it must', async () => {
      const project = fixture(dir, 'readme-typescript', { 'eslint.config.js': config, ...TS_FILES });
      const result = await timed('readme-configure', 'lint typescript', () => runOk(eslint, ['--format', 'json', '.'], { cwd: project }, [1]));
      expect(result.stderr).toBe('');
      expect(lintedFiles(result.stdout, project)).toEqual(['app/api/orders/route.ts', 'app/routes/orders.$id.tsx', 'eslint.config.js']);
      expect(problemsByRule(result.stdout, project)).toEqual({
        'no-accepted-without-queue': [
          {
            file: 'app/api/orders/route.ts',
            line: 11,
            column: 45,
            endLine: 11,
            endColumn: 48,
            messageId: 'acceptedWithoutQueue',
            fix: false,
            suggestion: 'Answer `200` (OK) instead: the work is done when the handler answers.',
          },
        ],
        'no-content-body': [],
        'no-magic-status': [
          { file: 'app/api/orders/route.ts', line: 11, column: 45, endLine: 11, endColumn: 48, messageId: 'useConstant', fix: true, suggestion: undefined },
          { file: 'app/api/orders/route.ts', line: 15, column: 46, endLine: 15, endColumn: 49, messageId: 'useConstant', fix: true, suggestion: undefined },
          { file: 'app/routes/orders.$id.tsx', line: 7, column: 66, endLine: 7, endColumn: 69, messageId: 'useConstant', fix: true, suggestion: undefined },
        ],
        'require-retry-after': [
          {
            file: 'app/api/orders/route.ts',
            line: 15,
            column: 46,
            endLine: 15,
            endColumn: 49,
            messageId: 'missingRetryAfter',
            fix: false,
            suggestion: "Add `headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) }` and replace `RETRY_AFTER_SECONDS` with the number of seconds to wait.",
          },
        ],
        'require-status-headers': [],
        'valid-status': [],
      });
    });

    it('eslint --fix writes the constants into both files, and a second --fix changes nothing', async () => {
      const project = fixture(dir, 'readme-typescript-fix', { 'eslint.config.js': config, ...TS_FILES });
      const onlyMagicStatus = await onlyMagicStatusArgs(dir);
      await timed('readme-configure', 'fix typescript', () => runOk(eslint, ['--fix', ...onlyMagicStatus, '.'], { cwd: project }, [0]));
      const fixed = { 'app/api/orders/route.ts': ROUTE_TS_FIXED, 'app/routes/orders.$id.tsx': ROUTE_TSX_FIXED };
      expect(readFiles(project, TS_SOURCES)).toEqual(fixed);
      const again = await runOk(eslint, ['--fix', '--format', 'json', ...onlyMagicStatus, '.'], { cwd: project }, [0]);
      expect(readFiles(project, TS_SOURCES)).toEqual(fixed);
      expect(problemsOf(again.stdout, project)).toEqual([]);
    });
  });

  it('the JavaScript defineConfig snippet lints a .jsx route file', async () => {
    expect(javascriptSnippets).toHaveLength(1);
    const project = fixture(dir, 'readme-javascript-jsx', { 'eslint.config.js': javascriptSnippets[0]?.code ?? '', 'package.json': PACKAGE_JSON, 'app/routes/orders.$id.jsx': ROUTE_JSX });
    const result = await timed('readme-configure', 'lint jsx', () => runOk(eslint, ['--format', 'json', '.'], { cwd: project }, [1]));
    expect(result.stderr).toBe('');
    expect(lintedFiles(result.stdout, project)).toEqual(['app/routes/orders.$id.jsx', 'eslint.config.js']);
    expect(problemsByRule(result.stdout, project)).toEqual({
      'no-accepted-without-queue': [],
      'no-content-body': [],
      'no-magic-status': [
        { file: 'app/routes/orders.$id.jsx', line: 5, column: 66, endLine: 5, endColumn: 69, messageId: 'useConstant', fix: true, suggestion: undefined },
      ],
      'require-retry-after': [],
      'require-status-headers': [],
      'valid-status': [],
    });
  });
});
