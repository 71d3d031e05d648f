/**
 * Builds the expected text of a fix from a template, by a model of its own:
 * put the constant where `§` is, then add the import the way a person would
 * (merged into an import of the same module, else after the last import, else
 * on top; `require` in CommonJS). Nothing here runs the rule.
 */
import type { Library } from './libraries.js';
import { positionOf } from '../../templates.js';
import { MARK } from './sites.js';

export { place } from '../../templates.js';

/** The 1-based line and column of the mark. */
export function markPosition(template: string): { line: number; column: number } {
  return positionOf(template, MARK);
}

const IMPORT_LINE = /^import\s.*\sfrom\s+(['"])([^'"]+)\1;?$/;
const REQUIRE_LINE = /^(?:const|let|var)\s.*=\s*require\((['"])([^'"]+)\1\);?$/;

/** CommonJS as the rule sees it: `.cjs`/`.cts`, or a top-level `require` and no `import`/`export`. */
export function isCommonJSFile(code: string, filename?: string): boolean {
  if (filename && /\.c[jt]s$/.test(filename)) return true;
  if (filename && /\.m[jt]s$/.test(filename)) return false;
  if (/^(?:import|export)\s/m.test(code)) return false;
  return code.split('\n').some((line) => REQUIRE_LINE.test(line));
}

export interface ImportStyle {
  /** The local name (when the usual one is taken). */
  readonly local?: string;
}

/** The import (or require) statement a fix adds for `lib`, under `local`, in the file's quote and semicolon style. */
export function importStatement(lib: Library, cjs: boolean, local = lib.local, quote = "'", semi = ';'): string {
  const module = `${quote}${lib.module}${quote}`;
  if (cjs) {
    if (lib.id === 'http-status') return `const { status: ${local} } = require(${module})${semi}`;
    const exported = lib.named as string;
    return `const { ${exported === local ? local : `${exported}: ${local}`} } = require(${module})${semi}`;
  }
  if (!lib.named) return `import ${local} from ${module}${semi}`;
  return `import { ${lib.named === local ? local : `${lib.named} as ${local}`} } from ${module}${semi}`;
}

/**
 * `code` with `lib` imported under `local`: merged into an existing ESM import of the same module,
 * else a new statement after the last import (require), else on the first line.
 */
export function withImport(code: string, lib: Library, cjs: boolean, local = lib.local): string {
  const lines = code.split('\n');
  const pattern = cjs ? REQUIRE_LINE : IMPORT_LINE;
  const found = lines.flatMap((line, index) => (pattern.test(line) ? [index] : []));
  if (!cjs && lib.named) {
    const specifier = lib.named === local ? local : `${lib.named} as ${local}`;
    for (const index of found) {
      const line = lines[index] as string;
      if (line.startsWith('import type ') || (line.match(IMPORT_LINE) as RegExpMatchArray)[2] !== lib.module) continue;
      if (line.includes('{')) {
        lines[index] = line.replace(/\s*\}/, `, ${specifier} }`);
        return lines.join('\n');
      }
      if (/^import [\w$]+ from/.test(line)) {
        lines[index] = line.replace(/^import ([\w$]+) from/, `import $1, { ${specifier} } from`);
        return lines.join('\n');
      }
    }
  }
  const first = found[0] === undefined ? undefined : (lines[found[0]] as string);
  const quote = first?.includes('"') ? '"' : "'";
  const semi = first && !first.endsWith(';') ? '' : ';';
  const statement = importStatement(lib, cjs, local, quote, semi);
  const last = found.at(-1);
  if (last === undefined) return `${statement}\n${code}`;
  lines.splice(last + 1, 0, statement);
  return lines.join('\n');
}
