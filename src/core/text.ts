import type { Span } from './types';

// Letters or digits, joined by apostrophes or hyphens ("didn't", "follow-up", "3.5" counts once).
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string, start = 0, end = text.length): number {
  WORD.lastIndex = start;
  let n = 0;
  for (let m = WORD.exec(text); m && m.index < end; m = WORD.exec(text)) n++;
  return n;
}

/** Word spans in [start, end). */
export function wordSpans(text: string, start = 0, end = text.length): Span[] {
  const out: Span[] = [];
  WORD.lastIndex = start;
  for (let m = WORD.exec(text); m && m.index < end; m = WORD.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

let segmenter: Intl.Segmenter | undefined;

/** Sentence spans of prose in [start, end), trimmed; blank runs between paragraphs also end a sentence. */
export function sentenceSpans(prose: string, start: number, end: number): Span[] {
  segmenter ??= new Intl.Segmenter('en-GB', { granularity: 'sentence' });
  const out: Span[] = [];
  // Paragraph breaks survive in the prose mask as line breaks; split on blank lines first so a heading-less
  // list item or a paragraph without a full stop does not run into the next one.
  const chunk = /[^\r\n]+(?:\r?\n(?![ \t]*\r?\n)[^\r\n]*)*/g;
  chunk.lastIndex = start;
  for (let m = chunk.exec(prose); m && m.index < end; m = chunk.exec(prose)) {
    const base = m.index;
    const piece = prose.slice(base, Math.min(end, base + m[0].length));
    for (const s of segmenter.segment(piece)) {
      const t = trimSpan(piece, s.index, s.index + s.segment.length);
      if (t) out.push({ start: base + t.start, end: base + t.end });
    }
  }
  return out;
}

export function trimSpan(text: string, start: number, end: number): Span | undefined {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : undefined;
}

/** Normalise for matching: lower case, curly quotes straightened, runs of space folded. */
export function normalise(s: string): string {
  return s.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A phrase as a regular-expression source that tolerates any run of space or markup-blanked
 * characters between words and either kind of apostrophe.
 */
export function phrasePattern(phrase: string): string {
  return normalise(phrase)
    .split(' ')
    .map((w) => escapeRegExp(w).replace(/'/g, "['’]"))
    .join('\\s+');
}
