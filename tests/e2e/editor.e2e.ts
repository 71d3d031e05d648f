/**
 * Matrix step 6: the editor. The ESLint language server of `vscode-langservers-extracted` (the
 * server of VS Code's ESLint extension) runs over stdio against a fixture with the README's
 * `eslint.config.js`, driven as an editor drives it: diagnostics are pulled
 * (`textDocument/diagnostic`), `workspace/configuration` is answered, code actions come back as
 * commands, and running one makes the server send the edit in `workspace/applyEdit`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTO, SOURCES } from './fixtures.js';
import { MAGIC, e2e, fixture, installPrefix, installedVersion, timed } from './harness.js';
import { LspClient, applyEdits, type Range, type TextEdit } from './lsp-client.js';
import { prefix } from './prefixes.js';
import { readmeFile, readmeSnippets } from './readme.js';

const LANGUAGE_SERVERS = 'vscode-langservers-extracted@4.10.0';

interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
}

interface Command {
  title: string;
  command: string;
  arguments?: unknown[];
}

interface CodeAction {
  title: string;
  kind?: string;
  command?: Command;
  edit?: WorkspaceEdit;
}

interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[];
}

/** The edits a workspace edit makes to `uri`, in either of its two shapes. */
function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  return [...(edit.changes?.[uri] ?? []), ...(edit.documentChanges ?? []).filter((change) => change.textDocument.uri === uri).flatMap((change) => change.edits)];
}

/** The docs URL: the repository's `docs/rules/<rule>.md` on the main branch (a file the package ships). */
function docsUrl(rule: string): string {
  const pkg = JSON.parse(readFileSync(join(e2e().repo, 'package.json'), 'utf8')) as { repository: { url: string } };
  const repository = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
  return `${repository}/blob/main/docs/rules/${rule}.md`;
}

const configure = readmeSnippets().find((snippet) => snippet.section === 'Configure' && snippet.code.includes("extends: ['http-status/recommended']"));

describe('ESLint language server (vscode-langservers-extracted)', () => {
  let client: LspClient;
  let project: string;
  const applied: WorkspaceEdit[] = [];
  const opened: string[] = [];
  const uriOf = (file: string): string => pathToFileURL(join(project, file)).href;

  beforeAll(async () => {
    const [eslintPrefix, servers] = await Promise.all([prefix('eslint-10'), installPrefix('language-server', [LANGUAGE_SERVERS], { plugin: false })]);
    console.log(`ESLint language server from vscode-langservers-extracted ${installedVersion(servers, 'vscode-langservers-extracted')}`);
    if (!configure) throw new Error('README "Configure" has no `extends: [\'http-status/recommended\']` snippet');
    project = fixture(eslintPrefix, 'editor', { 'eslint.config.js': configure.code, '.vscode/settings.json': readmeFile('Editor', '.vscode/settings.json'), ...SOURCES });
    const server = join(servers, 'node_modules', 'vscode-langservers-extracted', 'bin', 'vscode-eslint-language-server');
    client = new LspClient(process.execPath, [server, '--stdio'], project);
    const workspaceFolder = { name: 'editor', uri: pathToFileURL(project).href };
    // What VS Code's ESLint extension sends by default (nvim-lspconfig sends the same).
    const settings = {
      validate: 'on',
      packageManager: 'npm',
      useESLintClass: false,
      experimental: {},
      codeActionOnSave: { enable: false, mode: 'all' },
      format: false,
      quiet: false,
      onIgnoredFiles: 'off',
      options: {},
      rulesCustomizations: [],
      run: 'onType',
      problems: { shortenToSingleLine: false },
      nodePath: null,
      workspaceFolder,
      codeAction: { disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' }, showDocumentation: { enable: true } },
    };
    client.onRequest('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => settings));
    client.onRequest('workspace/applyEdit', (params) => {
      applied.push((params as { edit: WorkspaceEdit }).edit);
      return { applied: true };
    });
    await timed('editor', 'initialize', () =>
      client.request('initialize', {
        processId: process.pid,
        rootUri: workspaceFolder.uri,
        workspaceFolders: [workspaceFolder],
        capabilities: {
          workspace: { configuration: true, applyEdit: true, workspaceFolders: true, workspaceEdit: { documentChanges: true } },
          textDocument: {
            synchronization: { didSave: true },
            diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
            codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll', 'source.fixAll.eslint'] } } },
          },
        },
      }),
    );
    client.notify('initialized', {});
  });

  afterAll(async () => {
    await client?.stop();
  });

  const open = (file: string): string => {
    const uri = uriOf(file);
    if (!opened.includes(uri)) {
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text: SOURCES[file] } });
      opened.push(uri);
    }
    return uri;
  };

  const diagnosticsOf = async (file: string): Promise<Diagnostic[]> => {
    const uri = open(file);
    const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(report.kind).toBe('full');
    return report.items.filter((diagnostic) => diagnostic.code === MAGIC);
  };

  const codeActionsFor = (file: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> =>
    client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf(file) },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
    });

  /** Runs a code action's command, and returns the edit the server sent back for `file`. */
  const execute = async (file: string, action: CodeAction): Promise<TextEdit[]> => {
    if (!action.command) throw new Error(`code action "${action.title}" has no command`);
    const before = applied.length;
    await client.request('workspace/executeCommand', { command: action.command.command, arguments: action.command.arguments });
    expect(applied.length).toBe(before + 1);
    return editsFor(applied[before] as WorkspaceEdit, uriOf(file));
  };

  it('pulls diagnostics with our rule id, the range of the literal and the docs URL', async () => {
    const diagnostics = await timed('editor', 'first diagnostics (loads ESLint and the config)', () => diagnosticsOf('src/plain.js'));
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: MAGIC,
        codeDescription: { href: docsUrl('no-magic-status') },
        source: 'eslint',
        severity: 1,
        message: 'Use a named constant instead of the magic number 404 (Not Found).',
        // ESLint's 2:14-2:17, zero-based: exactly the `404`.
        range: { start: { line: 1, character: 13 }, end: { line: 1, character: 16 } },
      }),
    ]);
    const users = await diagnosticsOf('src/users.js');
    const places = AUTO.problems.filter((problem) => problem.file === 'src/users.js').map(({ line, column }) => ({ line: line - 1, character: column - 1 }));
    expect(users.map((diagnostic) => diagnostic.range.start)).toEqual(places);
  });

  it('the docs URL is a docs page the package ships', () => {
    const shipped = JSON.parse(readFileSync(join(project, '..', '..', 'node_modules', 'eslint-plugin-http-status', 'package.json'), 'utf8')) as { files?: string[] };
    expect(shipped.files).toContain('docs/rules');
    expect(readFileSync(join(project, '..', '..', 'node_modules', 'eslint-plugin-http-status', 'docs', 'rules', 'no-magic-status.md'), 'utf8')).toMatch(/^# http-status\/no-magic-status/);
  });

  it('the quick fix comes back as a command, and its workspace/applyEdit writes the constant', async () => {
    const [first] = await diagnosticsOf('src/users.js');
    if (!first) throw new Error('no diagnostic on src/users.js');
    const actions = await codeActionsFor('src/users.js', first);
    const fix = actions.find((action) => action.command?.command === 'eslint.applySingleFix');
    expect(fix?.title).toBe(`Fix this ${MAGIC} problem`);
    const edits = await execute('src/users.js', fix as CodeAction);
    expect(applyEdits(SOURCES['src/users.js'] as string, edits)).toBe((SOURCES['src/users.js'] as string).replace('status(404)', 'status(StatusCodes.NOT_FOUND)'));
  });

  it('each suggestion comes back as a command whose edit writes its constant and import', async () => {
    const [diagnostic] = await diagnosticsOf('src/plain.js');
    if (!diagnostic) throw new Error('no diagnostic on src/plain.js');
    const actions = await codeActionsFor('src/plain.js', diagnostic);
    const suggestions = actions.filter((action) => action.command?.command === 'eslint.applySuggestion');
    expect(suggestions.length).toBeGreaterThan(1);
    const source = SOURCES['src/plain.js'] as string;
    for (const suggestion of suggestions) {
      const named = /^Replace with `([\w.]+)` from `([\w:@/-]+)`\. \(http-status\/no-magic-status\)$/.exec(suggestion.title);
      expect(named, suggestion.title).not.toBeNull();
      const [, constant, module] = named as unknown as [string, string, string];
      const result = applyEdits(source, await execute('src/plain.js', suggestion));
      expect(result).toContain(`res.status(${constant}).end();`);
      expect(result).toContain(`'${module}'`);
      expect(result).not.toContain('404');
    }
    // The first one, in full: the import goes on top.
    expect(suggestions[0]?.title).toBe('Replace with `StatusCodes.NOT_FOUND` from `http-status-codes`. (http-status/no-magic-status)');
    const first = applyEdits(source, await execute('src/plain.js', suggestions[0] as CodeAction));
    expect(first).toBe(`import { StatusCodes } from 'http-status-codes';\n${source.replace('404', 'StatusCodes.NOT_FOUND')}`);
  });

  it('offers "Show documentation", which opens the docs URL', async () => {
    const [diagnostic] = await diagnosticsOf('src/plain.js');
    if (!diagnostic) throw new Error('no diagnostic on src/plain.js');
    const actions = await codeActionsFor('src/plain.js', diagnostic);
    const docs = actions.find((action) => action.command?.command === 'eslint.openRuleDoc');
    expect(docs?.title).toBe(`Show documentation for ${MAGIC}`);
    const before = client.received.length;
    await client.request('workspace/executeCommand', { command: docs?.command?.command, arguments: docs?.command?.arguments });
    const opens = client.received.slice(before).filter(([method]) => method === 'eslint/openDoc');
    expect(opens.map(([, params]) => params)).toEqual([{ url: docsUrl('no-magic-status') }]);
  });

  it('the README\'s fix-on-save code action kind fixes every fixable report in one edit', async () => {
    const settings = JSON.parse(readmeFile('Editor', '.vscode/settings.json')) as { 'editor.codeActionsOnSave': Record<string, string> };
    const kinds = Object.keys(settings['editor.codeActionsOnSave']);
    expect(kinds).toEqual(['source.fixAll.eslint']);
    const [diagnostic] = await diagnosticsOf('src/users.js');
    if (!diagnostic) throw new Error('no diagnostic on src/users.js');
    const actions = await codeActionsFor('src/users.js', diagnostic, kinds);
    expect(actions.map((action) => action.kind)).toEqual(kinds);
    const edit = (actions[0] as CodeAction).edit;
    expect(edit).toBeDefined();
    expect(applyEdits(SOURCES['src/users.js'] as string, editsFor(edit as WorkspaceEdit, uriOf('src/users.js')))).toBe(AUTO.fixed['src/users.js']);
  });

  it('logs no error', () => {
    const errors = client.received.filter(([method, params]) => method === 'window/logMessage' && (params as { type: number }).type === 1);
    expect(errors).toEqual([]);
    expect(client.received.filter(([method]) => method === 'eslint/noLibrary' || method === 'eslint/noConfig' || method === 'eslint/probeFailed')).toEqual([]);
  });
});
