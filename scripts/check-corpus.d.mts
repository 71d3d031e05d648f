// Types of scripts/check-corpus.mjs, for the TypeScript tests that import it.
import type { CorpusFile } from './corpus.mjs';

export interface RuleCounts {
  reports: number;
  fixable: number;
  suggestions: number;
  suggestionsParsed: number;
  filesWithReports: number;
  filesFixed: number;
}

export interface PassCounts {
  readonly name: string;
  readonly rules: Record<string, RuleCounts>;
  filesFixed: number;
}

export interface Problem {
  readonly kind: 'exception' | 'parse' | 'fix' | 'suggestion' | 'idempotence';
  readonly file: string;
  readonly pass: string;
  readonly ruleId: string | undefined;
  readonly message: string;
}

export interface CheckResult {
  readonly passes: PassCounts[];
  readonly problems: Problem[];
  readonly unparsable: string[];
  readonly ms: number;
  readonly phases: Record<string, number>;
}

export declare const SUGGESTION_REPORTS_PER_FILE: number;
export declare function constantsChoices(rule: unknown): string[];
export declare function passesFor(plugin: unknown): { name: string; setupFor(index: number): unknown; onlyWhereReported?: Set<string> }[];
export declare function checkCorpus(options: { plugin: unknown; files: readonly CorpusFile[]; onFile?: (index: number) => void }): CheckResult;
export declare function formatReport(result: CheckResult, files: readonly CorpusFile[]): string[];
