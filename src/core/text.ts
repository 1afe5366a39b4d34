import type { Span } from './types';

// Letters or digits, joined by apostrophes or hyphens ("didn't", "follow-up", "3.5" counts once):
// the regex /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/u, scanned by hand because word counting runs over
// every section of every account and a regex exec per word costs several times more.
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether code unit c may join two runs of letters or digits into one word: ' ’ . - ("didn't", "3.5"). */
const isJoiner = (c: number): boolean => c === 39 || c === 0x2019 || c === 46 || c === 45;

/** Whether code unit c is an ASCII letter (A–Z, a–z). */
export const isAsciiLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;

// Per UTF-16 code unit: 0 not yet known, 1 letter/digit, 2 not, 3 high surrogate (the pair decides).
const bmp = new Uint8Array(65536);
for (let c = 0; c < 128; c++) bmp[c] = (c >= 48 && c <= 57) || isAsciiLetter(c) ? 1 : 2;
bmp.fill(3, 0xd800, 0xdc00);
bmp.fill(2, 0xdc00, 0xe000);

/** Forget what was learned about non-ASCII characters (tests: the lazy path must give the same answers). */
export function resetCharClasses(): void {
  bmp.fill(0, 128, 0xd800);
  bmp.fill(0, 0xe000);
}

function classify(c: number): number {
  const k = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
  bmp[c] = k;
  return k;
}

/** The table's class of code unit c, classifying it on first sight. */
function classOf(c: number): number {
  const k = bmp[c];
  return k === 0 ? classify(c) : k;
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

/** Words that start in [start, end); a word may run on past `end`. */
export function countWords(text: string, start = 0, end = text.length): number {
  const len = text.length;
  let i = Math.max(0, start);
  // Like a /u regex, a start inside a surrogate pair begins at the pair.
  if (i > 0 && i < len && (text.charCodeAt(i) & 0xfc00) === 0xdc00 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800) i--;
  // One flat loop over characters already classified (nearly all of them); anything else — a character not
  // seen before, a surrogate — hands the rest to the general scanner.
  let n = 0;
  let inWord = false;
  for (; i < len; i++) {
    const c = text.charCodeAt(i);
    const k = bmp[c];
    if (k === 1) {
      if (!inWord) {
        if (i >= end) return n;
        n++;
        inWord = true;
      }
      continue;
    }
    if (k !== 2) return inWord ? n + countFrom(text, wordEnd(text, i, len), end) : n + countFrom(text, i, end);
    if (inWord) {
      if (isJoiner(c) && i + 1 < len) {
        const k2 = bmp[text.charCodeAt(i + 1)];
        if (k2 === 1) continue;
        if (k2 !== 2) return n + countFrom(text, wordEnd(text, i, len), end);
      }
      inWord = false;
    }
    if (i >= end) return n;
  }
  return n;
}

/** The general scanner: words that start in [i, end), i not inside a word. */
function countFrom(text: string, i: number, end: number): number {
  const len = text.length;
  let n = 0;
  while (i < end) {
    const c = text.charCodeAt(i);
    const k = classOf(c);
    if (k === 2) {
      i++;
      continue;
    }
    if (k !== 1 && !wordCharAt(text, i, len)) {
      i += (c & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      continue;
    }
    n++;
    i = wordEnd(text, i, len);
  }
  return n;
}

export interface WordIndex {
  /** Where each word countWords counts begins, in order: countWords(text) is its length. */
  counted: Int32Array;
  /** Where each run of letters, digits or "_" begins (code unit by code unit): where a phrase can start. */
  phrase: Int32Array;
  /** wordKeyAt(text, phrase[k]) for each k. */
  keys: Uint16Array;
}

/**
 * Both kinds of word start of a whole text in one pass, so the model counts every section's words and the
 * phrase rules find their starting points without scanning the text again.
 */
export function indexWords(text: string): WordIndex {
  const len = text.length;
  // At most one start of each kind per two code units. Written into scratch space and copied out at the
  // exact size: allocating typed arrays the size of the text cost a quarter of this function's time.
  const { counted, phrase, keys } = scratchFor((len + 1) >> 1);
  let nc = 0;
  let np = 0;
  let inWord = false;
  let inRun = false;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    // Inline rather than classOf(c): this loop runs over every character of every account.
    const k = bmp[c];
    if (k === 1) {
      if (!inRun) {
        keys[np] = wordKeyAt(text, i);
        phrase[np++] = i;
      }
      if (!inWord) counted[nc++] = i;
      inRun = true;
      inWord = true;
      // The rest of a run of known letters and digits records nothing: skip it in a tight loop.
      i++;
      while (i < len && bmp[text.charCodeAt(i)] === 1) i++;
      continue;
    }
    // Space and punctuation between words (the commonest case after letters): nothing can start here.
    if (k === 2 && !inWord && c !== 95) {
      inRun = false;
      i++;
      continue;
    }
    if (k === 0) {
      // First sight of this character: classify it, then read it again.
      classify(c);
      continue;
    }
    // "_" joins a phrase word but is not part of a counted one; a surrogate is never part of a phrase word.
    if (c === 95) {
      if (!inRun) {
        keys[np] = NO_LETTERS;
        phrase[np++] = i;
      }
      inRun = true;
    } else inRun = false;
    if (k === 3 && wordCharAt(text, i, len) === 2) {
      if (!inWord) counted[nc++] = i;
      inWord = true;
      i += 2;
      continue;
    }
    i++;
    if (inWord && isJoiner(c) && wordCharAt(text, i, len)) continue;
    inWord = false;
  }
  return { counted: counted.slice(0, nc), phrase: phrase.slice(0, np), keys: keys.slice(0, np) };
}

interface Scratch {
  counted: Int32Array;
  phrase: Int32Array;
  keys: Uint16Array;
}
let scratch: Scratch | undefined;
/** Kept between calls up to this many entries each (texts up to 128 KB, 640 KB held); bigger ones get their own. */
const SCRATCH_MAX = 1 << 16;

function scratchFor(n: number): Scratch {
  if (scratch && scratch.counted.length >= n) return scratch;
  // Doubling, so a run of growing texts does not allocate at every one.
  const size = Math.min(Math.max(n, 4096, 2 * (scratch?.counted.length ?? 0)), Math.max(n, SCRATCH_MAX));
  const s = { counted: new Int32Array(size), phrase: new Int32Array(size), keys: new Uint16Array(size) };
  if (size <= SCRATCH_MAX) scratch = s;
  return s;
}

/**
 * countWords(text, start, end) from an index of the whole text: the words whose start is in [start, end),
 * or a fresh count when `start` may fall inside a word (the index does not know where that word's tail starts).
 */
export function countIndexed(text: string, index: WordIndex, start: number, end: number): number {
  if (start > 0 && start < text.length) {
    const c = text.charCodeAt(start - 1);
    // Not clean after a letter, digit, joiner or surrogate (the end of an astral letter).
    if (bmp[c] !== 2 || (c & 0xf800) === 0xd800 || isJoiner(c)) return countWords(text, start, end);
  }
  const { counted } = index;
  return lowerBound(counted, end) - lowerBound(counted, start);
}

/** End of the word starting at i: letters and digits, joined by single apostrophes, dots or hyphens. */
function wordEnd(text: string, i: number, len: number): number {
  while (i < len) {
    const c = text.charCodeAt(i);
    const k = classOf(c);
    if (k === 1) {
      i++;
      continue;
    }
    if (k === 2) {
      if (!isJoiner(c) || i + 1 >= len) break;
      const k2 = bmp[text.charCodeAt(i + 1)];
      if (k2 === 1) i += 2;
      else if (k2 !== 2 && wordCharAt(text, i + 1, len)) i++;
      else break;
      continue;
    }
    const w = wordCharAt(text, i, len);
    if (!w) break;
    i += w;
  }
  return i;
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

/**
 * Offsets in [start, end) where a run of word characters (letters, digits, "_") begins: the only places a
 * phrase can start. One linear pass; rules share it per account so each phrase search visits words, not characters.
 */
export function wordStarts(text: string, start = 0, end = text.length): Int32Array {
  end = Math.min(end, text.length);
  // At most one start per two characters: sized up front, as a growth check in the loop costs more than the memory.
  const out = new Int32Array(Math.max(0, end - start + 1) >> 1);
  let n = 0;
  let prev = start > 0 && isPhraseWordAt(text, start - 1);
  for (let i = start; i < end; i++) {
    const w = phraseWordCode(text.charCodeAt(i));
    if (w && !prev) out[n++] = i;
    prev = w;
  }
  return out.subarray(0, n);
}

// A word's key: its first three characters as ASCII letters, case folded (1–26); the first other character
// (a digit, "_", an apostrophe, a space, anything non-ASCII, the end of the text) and all after it are 27. A
// phrase matches only where the key is its own, so a lexicon rules out most words with one table read.
/** How many keys there are: keys are below this. */
export const WORD_KEYS = 28 * 28 * 28;
const NO_LETTERS = 27 * 784 + 27 * 28 + 27;

function keyCode(c: number): number {
  return isAsciiLetter(c) ? (c | 32) - 96 : 27;
}

/**
 * A set of word keys (or other small numbers below `size`) as bits: 2.7 KB for all keys where a byte per
 * key takes 22 KB. The sets are read at every word of every account, straight after a parse has pushed them
 * out of the CPU's caches, so their size is most of what such a read costs.
 */
export type KeySet = Int32Array;
export const keySet = (size = WORD_KEYS): KeySet => new Int32Array((size + 31) >>> 5);
export const addKey = (set: KeySet, key: number): void => {
  set[key >>> 5] |= 1 << (key & 31);
};
export const hasKey = (set: KeySet, key: number): boolean => (set[key >>> 5] & (1 << (key & 31))) !== 0;

/** The key of the word (or normalised phrase) at i. */
export function wordKeyAt(text: string, i: number): number {
  const a = keyCode(text.charCodeAt(i));
  if (a === 27) return NO_LETTERS;
  const b = keyCode(text.charCodeAt(i + 1));
  if (b === 27) return a * 784 + 27 * 28 + 27;
  return a * 784 + b * 28 + keyCode(text.charCodeAt(i + 2));
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
