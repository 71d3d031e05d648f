/**
 * What a file's package declares: the nearest `package.json` above the file on
 * disk, its declared dependencies and its name. Read once per directory and
 * kept for a few seconds, so an editor that lints on every keystroke reads it
 * rarely and still sees an `npm install`.
 */
import { readFileSync, statSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';

export interface PackageFacts {
  /** The `package.json` read. */
  readonly path: string;
  readonly name: string | undefined;
  /** Every name under `dependencies`, `devDependencies`, `peerDependencies` and `optionalDependencies`. */
  readonly declared: ReadonlySet<string>;
}

/** How long a directory's answer is kept, in milliseconds: an editor's long-lived ESLint sees a changed `package.json` soon after. */
const KEPT_MS = 5000;

interface Entry {
  readonly at: number;
  /** `null`: no `package.json` here or above, or one that cannot be read as JSON. */
  readonly facts: PackageFacts | null;
}

const byDirectory = new Map<string, Entry>();

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/**
 * What each `package.json` said, by path, with the size and modification time it had: when a folder's answer has
 * expired, the walk asks the disk again, but an unchanged file is not read and parsed again.
 */
const byFile = new Map<string, { readonly size: number; readonly mtimeMs: number; readonly facts: PackageFacts | null }>();

function read(path: string): PackageFacts | null | undefined {
  // Most folders have none: a stat that returns nothing is cheaper than the error a failed read throws.
  let stats;
  try {
    stats = statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (!stats?.isFile()) return undefined;
  const known = byFile.get(path);
  if (known && known.size === stats.size && known.mtimeMs === stats.mtimeMs) return known.facts;
  const facts = parse(path);
  if (facts !== undefined) byFile.set(path, { size: stats.size, mtimeMs: stats.mtimeMs, facts });
  return facts;
}

function parse(path: string): PackageFacts | null | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
    const record = json as Record<string, unknown>;
    const declared = new Set<string>();
    for (const field of DEPENDENCY_FIELDS) {
      const value = record[field];
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) for (const name of Object.keys(value)) declared.add(name);
    }
    return { path, name: typeof record.name === 'string' ? record.name : undefined, declared };
  } catch {
    return null;
  }
}

/**
 * The package of the file at `filename` (ESLint's `physicalFilename`): `undefined` for a file that is not on disk
 * (`<input>`, `<text>`, a relative name given to the `Linter` API), with no `package.json` above it, or whose
 * nearest `package.json` is not a JSON object.
 */
export function packageOf(filename: string | undefined, now = Date.now()): PackageFacts | undefined {
  if (typeof filename !== 'string' || !isAbsolute(filename)) return undefined;
  const visited: string[] = [];
  let directory = dirname(filename);
  let facts: PackageFacts | null = null;
  // When the answer was read: the folders passed on the way keep it no longer than the folder it came from.
  let at = now;
  for (;;) {
    const cached = byDirectory.get(directory);
    if (cached && now - cached.at < KEPT_MS) {
      facts = cached.facts;
      at = cached.at;
      break;
    }
    visited.push(directory);
    const found = read(join(directory, 'package.json'));
    if (found !== undefined) {
      facts = found;
      break;
    }
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  for (const seen of visited) byDirectory.set(seen, { at, facts });
  return facts ?? undefined;
}

/**
 * Server frameworks that run on Node.js only: a package that is one of them, or declares one, runs where
 * `node:http2` can be imported. (Hono, h3, Next.js and SvelteKit also run on edge runtimes, so they say nothing.)
 */
const NODE_SERVERS = new Set([
  'express',
  'fastify',
  'koa',
  '@nestjs/core',
  '@nestjs/platform-express',
  '@nestjs/platform-fastify',
  '@hapi/hapi',
  'restify',
  'polka',
  '@hono/node-server',
  '@sveltejs/adapter-node',
]);

const BUILTINS = new Set(builtinModules);

/** True when a module specifier names a Node.js built-in (`node:fs`, `http`). */
export function isNodeBuiltin(module: string): boolean {
  return module.startsWith('node:') || BUILTINS.has(module);
}

/** True when the package is, or declares, a server framework that runs on Node.js only. */
export function isNodeServerPackage(facts: PackageFacts): boolean {
  if (facts.name !== undefined && NODE_SERVERS.has(facts.name)) return true;
  for (const name of NODE_SERVERS) if (facts.declared.has(name)) return true;
  return false;
}

/** Whether a module resolves from a folder, by folder and module, with when it was asked (kept `KEPT_MS`, as above). */
const resolvedIn = new Map<string, { readonly at: number; readonly found: boolean }>();

/**
 * True when the file at `filename` can import `module`: its package declares it, or Node.js resolves it from the
 * file's folder (an `npm install` not yet saved, a hoisted workspace dependency). `undefined` for a file that is not
 * on disk (`<input>`, `<text>`), where nothing is known. The answer is kept per folder, like the package's.
 */
export function canImport(filename: string | undefined, module: string, now = Date.now()): boolean | undefined {
  if (typeof filename !== 'string' || !isAbsolute(filename)) return undefined;
  if (isNodeBuiltin(module) || packageOf(filename, now)?.declared.has(module)) return true;
  const directory = dirname(filename);
  const key = `${directory}\0${module}`;
  const cached = resolvedIn.get(key);
  if (cached && now - cached.at < KEPT_MS) return cached.found;
  const found = resolvesFrom(directory, module);
  resolvedIn.set(key, { at: now, found });
  return found;
}

function resolvesFrom(directory: string, module: string): boolean {
  try {
    createRequire(join(directory, 'index.js')).resolve(module);
    return true;
  } catch (error) {
    // Any other failure (`ERR_PACKAGE_PATH_NOT_EXPORTED` from an ESM-only package's `exports`) found the package.
    return (error as { code?: unknown } | null)?.code !== 'MODULE_NOT_FOUND';
  }
}
