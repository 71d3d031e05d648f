// Types of scripts/corpus.mjs, for the TypeScript tests that import it.
import type { Linter } from 'eslint';

export declare const ROOT: string;

export interface CorpusGroup {
  readonly name: string;
  readonly packages?: readonly string[];
  readonly directories?: readonly string[];
  readonly include?: RegExp;
  readonly sample: boolean;
}

export declare const CORPUS_GROUPS: readonly CorpusGroup[];

export interface CorpusFile {
  readonly group: string;
  readonly path: string;
  readonly name: string;
  readonly typescript: boolean;
  readonly sourceType: 'module' | 'commonjs';
  readonly text: string;
  readonly lines: number;
}

export interface Setup {
  readonly plugins?: Record<string, unknown>;
  readonly rules?: Linter.RulesRecord;
}

export declare function loadCorpus(options?: { groups?: readonly string[]; sampleOnly?: boolean }): { files: CorpusFile[]; missing: string[] };
export declare function countLines(text: string): number;
export declare function summarize(files: readonly CorpusFile[]): { groups: Map<string, { files: number; lines: number }>; total: { files: number; lines: number } };
export declare function virtualName(file: CorpusFile, copy?: number): string;
export declare function fileOptions(file: CorpusFile, copy?: number): { filename: string; physicalFilename: string };
export declare function languageOptionsFor(file: CorpusFile, sourceType?: 'module' | 'commonjs'): Linter.LanguageOptions;
export declare function configFor(file: CorpusFile, setup: Setup, sourceType?: 'module' | 'commonjs'): Linter.Config[];
export declare function syntaxError(file: Pick<CorpusFile, 'path' | 'typescript' | 'sourceType'>, text: string, sourceType?: 'module' | 'commonjs'): string | undefined;
export declare function pluginRuleIds(plugin: { meta?: { namespace?: string }; rules: Record<string, unknown> }): string[];
export declare function testSample(files: readonly CorpusFile[], stride?: number): CorpusFile[];
export declare const LINTED_FILES: string;
export declare function assertLinted(messages: readonly Linter.LintMessage[], file: Pick<CorpusFile, 'name'>): void;
