/** What the global setup hands the e2e test files, and the environment their child processes get. */

export interface E2EContext {
  /** A fresh temp dir for this run: the tarball, the install prefixes and their fixtures. */
  readonly root: string;
  /** The `npm pack` output: every fixture installs this, never the source tree. */
  readonly tarball: string;
  /** The npm cache every install shares. */
  readonly npmCache: string;
  /** This repository (for README.md). */
  readonly repo: string;
  /** A JSON-lines file the steps append their timings to. */
  readonly timings: string;
}

export interface TimingEntry {
  readonly step: string;
  readonly label: string;
  readonly ms: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2EContext;
  }
}

/** Variables of the calling npm, vitest, git hook or shell that must not leak into a fixture's tools. */
const LEAKING = /^(npm_|VITEST|VITE_|NODE_OPTIONS$|NODE_ENV$|NODE_PATH$|GIT_|HUSKY|ESLINT_|DEBUG$|TSC_|FORCE_COLOR$|NO_COLOR$|PRE_COMMIT)/;

/** The parent's environment without the leaking variables, plain output, and `extra` on top. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!LEAKING.test(key)) env[key] = value;
  }
  return { ...env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}
