/** Case templates shared by the rule tests: `§` marks where a status (or other text) goes. */
export const MARK = '§';

/** `template` with its single mark replaced by `text`. */
export function place(template: string, text: string): string {
  const index = template.indexOf(MARK);
  if (index === -1 || template.indexOf(MARK, index + 1) !== -1) throw new Error(`a template needs exactly one ${MARK}: ${template}`);
  return template.slice(0, index) + text + template.slice(index + MARK.length);
}

/** The 1-based line and column of `marker` in `text`. */
export function positionOf(text: string, marker: string): { line: number; column: number } {
  const index = text.indexOf(marker);
  if (index === -1) throw new Error(`no ${marker} in ${text}`);
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - (before.lastIndexOf('\n') + 1) + 1 };
}
