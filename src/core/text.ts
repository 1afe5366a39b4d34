import type { Span } from './types';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether code unit c is an ASCII letter (A–Z, a–z). */
export const isAsciiLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;

// Letters and digits by a table for ASCII; any other character by the regex (rare in English prose).
// Classes: 1 letter/digit, 2 not, 3 high surrogate (the pair decides).
const ascii = new Uint8Array(128);
for (let c = 0; c < 128; c++) ascii[c] = (c >= 48 && c <= 57) || isAsciiLetter(c) ? 1 : 2;

function classOf(c: number): number {
  if (c < 128) return ascii[c];
  if ((c & 0xfc00) === 0xd800) return 3;
  if ((c & 0xfc00) === 0xdc00) return 2;
  return LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
}

/** Width (1 or 2 code units) of the letter or digit at i, or 0 when there is none. */
export function wordCharAt(text: string, i: number, limit: number): number {
  if (i >= limit) return 0;
  const c = text.charCodeAt(i);
  const k = classOf(c);
  if (k !== 3) return k === 1 ? 1 : 0;
  if (i + 1 < limit) {
    const d = text.charCodeAt(i + 1);
    if ((d & 0xfc00) === 0xdc00) return LETTER_OR_DIGIT.test(String.fromCodePoint(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000)) ? 2 : 0;
  }
  return 0;
}

let segmenter: Intl.Segmenter | undefined;

/** Sentence spans of prose in [start, end), trimmed; blank runs between paragraphs also end a sentence. */
export function sentenceSpans(prose: string, start: number, end: number): Span[] {
  return [...eachSentence(prose, start, end)];
}

/** The same sentences one at a time, each found when it is asked for (the first of a megabyte costs no more than of a page). */
export function* eachSentence(prose: string, start: number, end: number): Generator<Span, void, undefined> {
  const icu = (segmenter ??= new Intl.Segmenter('en-GB', { granularity: 'sentence' }));
  // ICU's segmenter takes microseconds per sentence, and a line break always ends one (UAX #29, SB4), so a
  // line with no . ! ? and nothing outside ASCII is a sentence of its own without asking it: a file of 100,000
  // short lines took seconds. Runs of other lines, and very long lines, go to it as before.
  function* segmentRun(from: number, to: number): Generator<Span, void, undefined> {
    // ICU's sentence segmenter slows down with the square of the text past about 64K characters (200 KB of
    // short sentences: 12 s). No paragraph a person writes is that long; a longer one is segmented a window
    // at a time, each cut after a sentence's end.
    for (let base = from; base < to; ) {
      const cut = to - base <= SEGMENT_WINDOW ? to : windowEnd(prose, base, base + SEGMENT_WINDOW);
      const piece = prose.slice(base, cut);
      for (const s of icu.segment(piece)) {
        const t = trimSpan(piece, s.index, s.index + s.segment.length);
        if (t) yield { start: base + t.start, end: base + t.end };
      }
      base = cut;
    }
  }
  // Paragraph breaks survive in the prose mask as line breaks; split on blank lines first so a heading-less
  // list item or a paragraph without a full stop does not run into the next one.
  const chunk = /[^\r\n]+(?:\r?\n(?![ \t]*\r?\n)[^\r\n]*)*/g;
  chunk.lastIndex = start;
  for (let m = chunk.exec(prose); m && m.index < end; m = chunk.exec(prose)) {
    const pieceEnd = Math.min(end, m.index + m[0].length);
    let run = -1;
    for (let line = m.index; line < pieceEnd; ) {
      const next = lineAfter(prose, line, pieceEnd);
      if (next - line < SEGMENT_WINDOW && plainLine(prose, line, next)) {
        if (run >= 0) yield* segmentRun(run, line);
        run = -1;
        const t = trimSpan(prose, line, next);
        if (t) yield t;
      } else if (run < 0) run = line;
      line = next;
    }
    if (run >= 0) yield* segmentRun(run, pieceEnd);
  }
}

/** Where the line holding `from` ends, after its line feed (or at `limit`). */
function lineAfter(text: string, from: number, limit: number): number {
  const i = text.indexOf('\n', from);
  return i < 0 || i >= limit ? limit : i + 1;
}

/** A line ICU would not break inside: ASCII, with no sentence end (. ! ?) and no carriage return of its own. */
function plainLine(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c > 127 || c === 46 || c === 33 || c === 63) return false;
    if (c === 13 && text.charCodeAt(i + 1) !== 10) return false;
  }
  return true;
}

/** The longest text handed to the sentence segmenter at once. */
export const SEGMENT_WINDOW = 32_768;

/** Where a window of a very long paragraph ends: after the last sentence end (or space) in its second half. */
function windowEnd(text: string, from: number, limit: number): number {
  const half = from + ((limit - from) >> 1);
  let space = -1;
  for (let i = limit - 1; i > half; i--) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) continue;
    const p = text.charCodeAt(i - 1);
    if (p === 46 || p === 33 || p === 63 || p === 0x2026) return i + 1;
    if (space < 0) space = i + 1;
  }
  return space > 0 ? space : limit;
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

/** Whether `at` falls in one of `spans` (sorted by start, not overlapping): a binary search. */
export function spanContains(spans: readonly Span[], at: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= at) lo = mid + 1;
    else if (spans[mid].start > at) hi = mid - 1;
    else return true;
  }
  return false;
}

// Word characters as the phrase matchers see them: letters, digits and "_", judged per UTF-16 code unit
// (a surrogate is not one), the same as /[\p{L}\p{N}_]/u on one character. Read from the same table as words.
function phraseWordCode(c: number): boolean {
  return classOf(c) === 1 || c === 95;
}

/** Whether the code unit at i is a letter or digit (false out of range): /[\p{L}\p{N}]/u on that one character. */
export function isLetterOrDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === c && classOf(c) === 1;
}

/** Whether the code unit at i is a word character for phrase matching (false out of range). */
export function isPhraseWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === c && phraseWordCode(c);
}

/** Index of the first element of sorted `xs` that is >= x. */
export function lowerBound(xs: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
