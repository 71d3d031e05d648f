/**
 * The README's configuration snippets, so the fixtures use them verbatim and the docs cannot rot.
 * A snippet belongs to the `## ` section it sits in; its label is the text line just above
 * its fence (`` `.eslintrc.json`: ``), and its file is the first backticked name in that label.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2e } from './harness.js';

export interface Snippet {
  readonly section: string;
  readonly label: string;
  /** The file name the label gives, if any: `.eslintrc.json`. */
  readonly file: string | undefined;
  readonly lang: string;
  readonly code: string;
}

export function parseSnippets(markdown: string): Snippet[] {
  const snippets: Snippet[] = [];
  const lines = markdown.split('\n');
  let section = '';
  let label = '';
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    const heading = /^## (.+?)\s*$/.exec(line);
    if (heading) {
      section = heading[1] as string;
      label = '';
      continue;
    }
    const fence = /^```(\w*)\s*$/.exec(line);
    if (!fence) {
      if (line.trim() !== '') label = line.trim();
      continue;
    }
    const body: string[] = [];
    for (index++; index < lines.length && !(lines[index] as string).startsWith('```'); index++) body.push(lines[index] as string);
    const file = /`([^`\s]+\.[\w]+|\.husky\/[\w-]+)`/.exec(label)?.[1];
    snippets.push({ section, label, file, lang: fence[1] ?? '', code: `${body.join('\n')}\n` });
    label = '';
  }
  return snippets;
}

export function readmeSnippets(): Snippet[] {
  return parseSnippets(readFileSync(join(e2e().repo, 'README.md'), 'utf8'));
}

/** The one snippet of `section` whose label names `file`; fails when there is none or more than one. */
export function readmeFile(section: string, file: string): string {
  const found = readmeSnippets().filter((snippet) => snippet.section === section && snippet.file === file);
  if (found.length !== 1) throw new Error(`README.md: expected one \`${file}\` snippet under "## ${section}", found ${found.length}`);
  return (found[0] as Snippet).code;
}
