import { upTo } from './text';
import type { LexiconEntry } from '../../core/data';
import { addKey, escapeRegExp, hasKey, isPhraseWordAt, keySet, lowerBound, normalise, wordKeyAt, wordStarts, type KeySet } from '../../core/text';
import { firstKeysOf } from './first-keys';

/**
 * A lexicon entry as the YAML may write it; `notAfter` skips a match that follows certain words, `notBefore`
 * one that certain words follow (the specifics after "I reassured her by explaining…").
 */
export type Entry = LexiconEntry & { notAfter?: string; notBefore?: string };

export interface CompiledLexicon {
  entries: Entry[];
  /**
   * Every whole-word match in [start, end) of `text`, with its entry, in order; the callback returns true to
   * stop. `starts` may give wordStarts(text) for the whole text, shared between searches of one account, and
   * `keys` the wordKeyAt of each.
   */
  each(text: string, start: number, end: number, cb: (m: RegExpExecArray, entry: Entry) => boolean | void, starts?: Int32Array, keys?: Uint16Array): void;
}

interface Trie {
  end: boolean;
  next: Map<string, Trie>;
}

const wordSource = (w: string) => escapeRegExp(w).replace(/'/g, "['’]");

/** Phrases as a word trie, so phrases sharing first words are tried once ("good (customer service|communication)"). */
function trieSource(node: Trie): string {
  // Longest first; ties in code-unit order (localeCompare would load ICU's collation, 5 ms at start-up, and
  // words of one length cannot both match in one place, so their order does not change what matches).
  const words = [...node.next.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  return words
    .map((w) => {
      const child = node.next.get(w)!;
      if (!child.next.size) return wordSource(w);
      const rest = `\\s+(?:${trieSource(child)})`;
      return `${wordSource(w)}${child.end ? `(?:${rest})?` : rest}`;
    })
    .join('|');
}

/**
 * Compile a lexicon into ONE regex, so a rule makes a single linear pass over the prose however many
 * phrases there are. Phrases become a word trie (greedy, so the longest phrase wins) and are told apart
 * afterwards by their normalised text; patterns follow as capture groups. Matches are whole words only,
 * across any run of space or blanked markup (so `**good** customer service` still matches). Word boundaries
 * and `notAfter` are checked in code on each candidate: a leading lookbehind, or one alternative per phrase,
 * costs V8 several times more on every character.
 */
export function compileLexicon(entries: Entry[], options: { reference?: boolean } = {}): CompiledLexicon {
  const root: Trie = { end: false, next: new Map() };
  const byPhrase = new Map<string, number>();
  const patterns: { index: number; group: number }[] = [];
  const patternParts: string[] = [];
  let group = 1;
  entries.forEach((e, index) => {
    if (e.pattern) {
      patterns.push({ index, group });
      patternParts.push(`(${e.pattern})`);
      // A pattern may hold capture groups of its own; count them so group numbers stay right.
      group += new RegExp(`${e.pattern}|`, 'u').exec('')!.length;
      return;
    }
    const key = normalise(e.phrase ?? '');
    if (!key || byPhrase.has(key)) return;
    byPhrase.set(key, index);
    let node = root;
    for (const w of key.split(' ')) {
      let child = node.next.get(w);
      if (!child) node.next.set(w, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  });
  const parts = [...patternParts];
  if (root.next.size) parts.push(trieSource(root));
  const unicode = patternParts.some((p) => /\\p\{/.test(p));
  const re = new RegExp(parts.length ? parts.join('|') : '(?!)', unicode ? 'giu' : 'gi');
  // One guard per distinct notAfter (entries share them: one compiled regex each, not one per entry).
  const guards = new Map<string, (before: string) => boolean>();
  const notAfter = entries.map((e) => {
    if (!e.notAfter) return undefined;
    let g = guards.get(e.notAfter);
    if (!g) guards.set(e.notAfter, (g = notAfterGuard(e.notAfter)));
    return g;
  });
  const lookahead = new Map<string, RegExp>();
  const notBefore = entries.map((e) => {
    if (!e.notBefore) return undefined;
    let r = lookahead.get(e.notBefore);
    if (!r) lookahead.set(e.notBefore, (r = new RegExp(`\\s*(?:${e.notBefore})`, 'iuy')));
    return r;
  });

  /** The entry a whole-word match at s belongs to, or -1 (none, or one its notAfter words rule out). */
  const entryOf = (m: RegExpExecArray, text: string, start: number, s: number): number => {
    let index = -1;
    for (const p of patterns) {
      if (m[p.group] !== undefined) {
        index = p.index;
        break;
      }
    }
    // Keys are normalised, so a key equal to the match (or to it in lower case) is its normal form.
    if (index < 0) index = byPhrase.get(m[0]) ?? byPhrase.get(m[0].toLowerCase()) ?? byPhrase.get(normalise(m[0])) ?? -1;
    if (index < 0) return -1;
    const guard = notAfter[index];
    if (guard && guard(text.slice(Math.max(start, s - 60), s))) return -1;
    const after = notBefore[index];
    if (after) {
      after.lastIndex = s + m[0].length;
      if (after.test(text)) return -1;
    }
    return index;
  };

  // Fast path: when every match starts with an ASCII letter, visit only word starts (shared per account when
  // given), pass over those whose key (first letters) no match starts with, then — phrases only — those where
  // no whole phrase starts (a walk of a small character trie), and try the same regex, sticky, at the rest.
  // Same matches, same order: a match must start at a word start, and after one the search goes on at its end.
  const firstKeys = options.reference ? undefined : firstKeysOf(re.source, re.flags);
  const phrases = firstKeys && !patterns.length ? phraseTrie([...byPhrase.keys()]) : undefined;
  const pairs = phrases ? secondWords([...byPhrase.keys()]) : undefined;
  if (firstKeys && (phrases || patterns.length)) {
    const sticky = new RegExp(re.source, re.flags.replace('g', 'y'));
    return {
      entries,
      each(text, start, end, cb, starts, keys) {
        const bounded = upTo(text, end);
        const at = starts ?? wordStarts(text, start, end);
        const keyed = starts !== undefined && keys !== undefined;
        let next = start;
        for (let k = starts ? lowerBound(starts, start) : 0; k < at.length; k++) {
          const q = at[k];
          if (q >= end) break;
          const key = keyed ? keys[k] : wordKeyAt(text, q);
          if (!hasKey(firstKeys, key)) continue;
          if (pairs && !hasKey(pairs.single, key)) {
            // Every phrase starting so has a second word: the next word start must fit it.
            if (k + 1 >= at.length || !hasKey(pairs.pair, pairHash(key, keyed ? keys[k + 1] : wordKeyAt(text, at[k + 1])))) continue;
          }
          if (q < next || (phrases && !phrases.begins(text, q, end))) continue;
          sticky.lastIndex = q;
          const m = sticky.exec(bounded);
          if (!m) continue;
          const e = q + m[0].length;
          // Part of a longer word: the next word start is the next place to look.
          if (isPhraseWordAt(m[0], m[0].length - 1) && isPhraseWordAt(text, e)) continue;
          next = e;
          const index = entryOf(m, text, start, q);
          if (index >= 0 && cb(m, entries[index]) === true) return;
        }
      },
    };
  }
  return {
    entries,
    each(text, start, end, cb) {
      // Bounded search: see eachMatch.
      const bounded = upTo(text, end);
      re.lastIndex = start;
      for (let m = re.exec(bounded); m && m.index < end; m = re.exec(bounded)) {
        const s = m.index;
        const e = s + m[0].length;
        if (e > end) break;
        if ((isPhraseWordAt(m[0], 0) && isPhraseWordAt(text, s - 1)) || (isPhraseWordAt(m[0], m[0].length - 1) && isPhraseWordAt(text, e))) {
          // Part of a longer word: look again one character on.
          re.lastIndex = s + 1;
          continue;
        }
        const index = entryOf(m, text, start, s);
        if (index >= 0 && cb(m, entries[index]) === true) return;
      }
    },
  };
}

/**
 * Whether `before` ends with words that match `notAfter`, then space: `(?:notAfter)\s+$` found anywhere in it.
 * Read backwards from the end by a lookbehind, tried at the end only, where a search for the `$`-anchored
 * form starts at every character of the window.
 */
export function notAfterGuard(notAfter: string): (before: string) => boolean {
  const re = new RegExp(`(?<=(?:${notAfter})\\s+)`, 'iuy');
  return (before) => {
    re.lastIndex = before.length;
    return re.test(before);
  };
}

/** notAfterGuard as a search (the reference the tests hold it to). */
export function notAfterBySearch(notAfter: string): (before: string) => boolean {
  const re = new RegExp(`(?:${notAfter})\\s+$`, 'iu');
  return (before) => re.test(before);
}

const PAIR_BITS = 14;
const pairHash = (a: number, b: number) => Math.imul(a * 40503 + b, 0x9e3779b1) >>> (32 - PAIR_BITS);

/**
 * For phrases (normalised): the first-word keys of one-word phrases, and a hashed set of (first, second)
 * word-key pairs of the rest, where a word is a run of word characters as the word index counts them. In
 * a match the text's next word start is the phrase's second run, with the same key, so a word whose next
 * word fits no phrase is passed over before the trie is walked: "the" is common, "the customer was" rarer.
 */
function secondWords(keys: string[]): { single: KeySet; pair: KeySet } {
  const single = keySet();
  const pair = keySet(1 << PAIR_BITS);
  for (const key of keys) {
    const first = wordKeyAt(key, 0);
    let second = -1;
    for (let i = 1; i < key.length; i++) {
      if (isPhraseWordAt(key, i) && !isPhraseWordAt(key, i - 1)) {
        second = i;
        break;
      }
    }
    if (second < 0) addKey(single, first);
    else addKey(pair, pairHash(first, wordKeyAt(key, second)));
  }
  return { single, pair };
}

/** The characters /\s/ matches. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The phrases as a character trie over lower-case ASCII (’ read as ', a run of space as one step), answering
 * "does a whole phrase start here?" in a few steps, so the regex runs only where it will nearly always match.
 * A phrase is cut at its first non-ASCII character, so the answer errs towards yes; the regex decides.
 * Undefined when a phrase does not start with an ASCII word character.
 */
function phraseTrie(keys: string[]): { begins(text: string, at: number, limit: number): boolean } | undefined {
  if (!keys.length) return undefined;
  // Columns only for the characters the phrases use (column 0: a run of space), so the table stays small
  // enough to stay in cache: it is read at hundreds of words per account.
  const colOf = new Int16Array(128).fill(-1);
  let width = 1;
  const paths: number[][] = [];
  for (const key of keys) {
    if (!(key.charCodeAt(0) < 128 && isPhraseWordAt(key, 0))) return undefined;
    const path: number[] = [];
    for (let i = 0; i < key.length; i++) {
      let c = key.charCodeAt(i);
      if (c === 0x2019) c = 39;
      if (c >= 128) break;
      if (c === 32) {
        path.push(0);
        continue;
      }
      c = lowerAscii(c);
      if (colOf[c] < 0) colOf[c] = width++;
      path.push(colOf[c]);
    }
    paths.push(path);
  }
  // Node n's child in column c is table[n * width + c] (0: none; the root is never a child).
  const most = 1 + paths.reduce((n, p) => n + p.length, 0);
  const table = most < 65536 ? new Uint16Array(most * width) : new Int32Array(most * width);
  const ends = new Uint8Array(most);
  let nodes = 1;
  for (const path of paths) {
    let node = 0;
    for (const col of path) {
      let child = table[node * width + col];
      if (!child) table[node * width + col] = child = nodes++;
      node = child;
    }
    ends[node] = 1;
  }
  const apostrophe = colOf[39];
  // One read per character in the walk: upper case and ASCII space map to their columns too.
  for (let c = 65; c <= 90; c++) colOf[c] = colOf[c | 32];
  for (let c = 9; c <= 13; c++) colOf[c] = 0;
  colOf[32] = 0;
  return {
    begins(text, at, limit) {
      let node = 0;
      for (let i = at; i < limit; i++) {
        const c = text.charCodeAt(i);
        let col: number;
        if (c < 128) col = colOf[c];
        else col = c === 0x2019 ? apostrophe : isSpace(c) ? 0 : -1;
        if (col < 0) return false;
        // Keys are normalised: one space stands for any run of it, as \s+ in the regex.
        if (col === 0) while (i + 1 < limit && isSpace(text.charCodeAt(i + 1))) i++;
        node = table[node * width + col];
        if (node === 0) return false;
        if (ends[node] === 1) return true;
      }
      return false;
    },
  };
}

const lowerAscii = (c: number) => (c >= 65 && c <= 90 ? c | 32 : c);
