import { isAsciiLetter, isPhraseWordAt } from '../text';

/**
 * The first offset in [i, end) where a run of word characters (letters, digits, "_") begins, or `end`: the only
 * places a phrase can start, so a phrase search visits words, not characters. Found one at a time, so a
 * search that skips past a match skips its words too and nothing is allocated.
 */
export function nextWordStart(text: string, i: number, end: number): number {
  let prev = i > 0 && isPhraseWordAt(text, i - 1);
  for (; i < end; i++) {
    const w = isPhraseWordAt(text, i);
    if (w && !prev) return i;
    prev = w;
  }
  return end;
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
