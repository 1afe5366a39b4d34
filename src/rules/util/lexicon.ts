import { upTo } from './text';
import type { LexiconEntry } from '../../core/data';
import { escapeRegExp, isPhraseWordAt, lowerBound, normalise, wordStarts } from '../../core/text';

/** A lexicon entry as the YAML may write it; `notAfter` skips a match that follows certain words. */
export type Entry = LexiconEntry & { notAfter?: string };

export interface CompiledLexicon {
  entries: Entry[];
  /**
   * Every whole-word match in [start, end) of `text`, with its entry, in order; the callback returns true to
   * stop. `starts` may give wordStarts(text) for the whole text, shared between searches of one account.
   */
  each(text: string, start: number, end: number, cb: (m: RegExpExecArray, entry: Entry) => boolean | void, starts?: Int32Array): void;
}

interface Trie {
  end: boolean;
  next: Map<string, Trie>;
}

const wordSource = (w: string) => escapeRegExp(w).replace(/'/g, "['’]");

/** Phrases as a word trie, so phrases sharing first words are tried once ("good (customer service|communication)"). */
function trieSource(node: Trie): string {
  const words = [...node.next.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
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
  const notAfter = entries.map((e) => (e.notAfter ? new RegExp(`(?:${e.notAfter})\\s+$`, 'iu') : undefined));
  const phrases = !options.reference && !patterns.length ? phraseTrie([...byPhrase.keys()]) : undefined;
  if (phrases) {
    // Fast path: only phrases, each starting with an ASCII word character. The global regex would try every
    // position; instead, visit only word starts (shared per account when given), skip those where no whole
    // phrase starts (a walk of a small character trie), and try the same regex, sticky, at the rest.
    // Same matches, same order: a match must start at a word start, and after one the search goes on at its end.
    const sticky = new RegExp(re.source, 'iy');
    return {
      entries,
      each(text, start, end, cb, starts) {
        const bounded = upTo(text, end);
        const at = starts ?? wordStarts(text, start, end);
        let next = start;
        for (let k = starts ? lowerBound(starts, start) : 0; k < at.length; k++) {
          const q = at[k];
          if (q >= end) break;
          if (q < next || !phrases.begins(text, q, end)) continue;
          sticky.lastIndex = q;
          const m = sticky.exec(bounded);
          if (!m) continue;
          const e = q + m[0].length;
          // Part of a longer word: the next word start is the next place to look.
          if (isPhraseWordAt(m[0], m[0].length - 1) && isPhraseWordAt(text, e)) continue;
          next = e;
          const index = byPhrase.get(m[0]) ?? byPhrase.get(normalise(m[0])) ?? -1;
          if (index < 0) continue;
          const guard = notAfter[index];
          if (guard && guard.test(text.slice(Math.max(start, m.index - 60), m.index))) continue;
          if (cb(m, entries[index]) === true) return;
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
        let index = -1;
        for (const p of patterns) {
          if (m[p.group] !== undefined) {
            index = p.index;
            break;
          }
        }
        // Keys are normalised, so a key equal to the match is its normal form.
        if (index < 0) index = byPhrase.get(m[0]) ?? byPhrase.get(normalise(m[0])) ?? -1;
        if (index < 0) continue;
        const guard = notAfter[index];
        if (guard && guard.test(text.slice(Math.max(start, s - 60), s))) continue;
        if (cb(m, entries[index]) === true) return;
      }
    },
  };
}

/** The characters /\s/ matches. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

// Table columns: 128 ASCII codes (lower case), then one for "a run of space between words".
const WIDTH = 129;
const GAP = 128;

/**
 * The phrases as a character trie over lower-case ASCII (’ read as ', a run of space as one step), answering
 * "does a whole phrase start here?" in a few steps, so the regex runs only where it will nearly always match.
 * A phrase is cut at its first non-ASCII character, so the answer errs towards yes; the regex decides.
 * Undefined when a phrase does not start with an ASCII word character.
 */
function phraseTrie(keys: string[]): { begins(text: string, at: number, limit: number): boolean } | undefined {
  if (!keys.length) return undefined;
  // Node n's child for column c is next[n * WIDTH + c] (0: none; the root is never a child).
  let next = new Int32Array(WIDTH * 64);
  const accept: number[] = [0];
  let nodes = 1;
  for (const key of keys) {
    if (!(key.charCodeAt(0) < 128 && isPhraseWordAt(key, 0))) return undefined;
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      let c = key.charCodeAt(i);
      if (c === 0x2019) c = 39;
      if (c >= 128) break;
      c = c === 32 ? GAP : lowerAscii(c);
      let child = next[node * WIDTH + c];
      if (!child) {
        if ((nodes + 1) * WIDTH > next.length) {
          const grown = new Int32Array(next.length * 2);
          grown.set(next);
          next = grown;
        }
        child = nodes++;
        accept.push(0);
        next[node * WIDTH + c] = child;
      }
      node = child;
    }
    accept[node] = 1;
  }
  const table = next;
  const ends = Uint8Array.from(accept);
  return {
    begins(text, at, limit) {
      let node = 0;
      for (let i = at; i < limit; i++) {
        let c = text.charCodeAt(i);
        if (c >= 65 && c <= 90) c |= 32;
        else if (c >= 128) c = c === 0x2019 ? 39 : isSpace(c) ? 32 : -1;
        else if (c >= 9 && c <= 13) c = 32;
        if (c < 0) return false;
        if (c === 32) {
          // Keys are normalised: one space stands for any run of it, as \s+ in the regex.
          while (i + 1 < limit && isSpace(text.charCodeAt(i + 1))) i++;
          c = GAP;
        }
        node = table[node * WIDTH + c];
        if (node === 0) return false;
        if (ends[node] === 1) return true;
      }
      return false;
    },
  };
}

const lowerAscii = (c: number) => (c >= 65 && c <= 90 ? c | 32 : c);
