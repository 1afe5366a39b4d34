import type { LexiconEntry } from '../../core/data';
import { phrasePattern } from '../../core/text';

export interface CompiledLexicon {
  /** One global, case-insensitive regex with a capture group per entry. */
  re: RegExp;
  /** The entry for each match: call `entryOf(match)`. */
  entryOf(m: RegExpExecArray): LexiconEntry;
  entries: LexiconEntry[];
}

/**
 * Compile a lexicon into ONE regex (alternation, longest phrases first), so a rule makes a single linear
 * pass over the prose however many phrases there are. Phrases match whole words only, across any run of
 * space or blanked markup (so `**good** customer service` still matches).
 */
export function compileLexicon(entries: LexiconEntry[]): CompiledLexicon {
  const items = entries
    .map((e) => ({ e, src: e.pattern ?? phrasePattern(e.phrase ?? '') }))
    .filter((x) => x.src.length > 0)
    .sort((a, b) => (b.e.phrase ?? b.src).length - (a.e.phrase ?? a.src).length);
  const groupOf: number[] = [];
  const parts: string[] = [];
  let group = 1;
  for (const { src } of items) {
    groupOf.push(group);
    parts.push(`(${src})`);
    // A pattern may hold capture groups of its own; count them so group numbers stay right.
    group += new RegExp(`${src}|`).exec('')!.length;
  }
  const source = parts.length ? `(?<![\\p{L}\\p{N}_])(?:${parts.join('|')})(?![\\p{L}\\p{N}_])` : '(?!)';
  const re = new RegExp(source, 'giu');
  const sorted = items.map((x) => x.e);
  return {
    re,
    entries: sorted,
    entryOf(m) {
      for (let i = 0; i < groupOf.length; i++) if (m[groupOf[i]] !== undefined) return sorted[i];
      return sorted[0];
    },
  };
}
