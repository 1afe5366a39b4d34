import type { TextEdit } from './types';

/** Apply non-overlapping edits to text (used by the CLI's --fix and by tests of fixes). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.span.end > limit) throw new Error('Overlapping edits cannot be applied together.');
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
    limit = e.span.start;
  }
  return out;
}
