import { upTo } from './text';
import type { LexiconEntry } from '../../core/data';
import { escapeRegExp, normalise } from '../../core/text';

/** A lexicon entry as the YAML may write it; `notAfter` skips a match that follows certain words. */
export type Entry = LexiconEntry & { notAfter?: string };

export interface CompiledLexicon {
  entries: Entry[];
  /** Every whole-word match in [start, end) of `text`, with its entry, in order. */
  each(text: string, start: number, end: number, cb: (m: RegExpExecArray, entry: Entry) => void): void;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const isWordChar = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);
/** isWordChar of the code unit at i, without making a one-character string for ASCII. */
function wordCodeAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== c) return false; // out of range
  if (c < 128) return (c >= 48 && c <= 57) || c === 95 || ((c | 32) >= 97 && (c | 32) <= 122);
  return WORD_CHAR.test(text[i]);
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
export function compileLexicon(entries: Entry[]): CompiledLexicon {
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
  const starts = phraseStarts(patterns.length ? undefined : [...byPhrase.keys()]);
  if (starts) {
    // Fast path: only phrases, each starting with an ASCII word character. The global regex would find
    // a candidate at every position and throw away those inside a word; instead, try the same regex
    // (sticky) only at word starts whose first two characters can begin a phrase. Same matches, same order.
    const sticky = new RegExp(re.source, 'iy');
    return {
      entries,
      each(text, start, end, cb) {
        const bounded = upTo(text, end);
        let q = start;
        while (q < end) {
          const c1 = lowerAscii(bounded.charCodeAt(q));
          if (c1 >= 128 || !starts.first[c1] || wordCodeAt(bounded, q - 1)) {
            q++;
            continue;
          }
          if (!starts.anySecond[c1]) {
            const c2 = lowerAscii(bounded.charCodeAt(q + 1));
            if (c2 >= 128 || !starts.pairs[(c1 << 7) | c2]) {
              q++;
              continue;
            }
          }
          sticky.lastIndex = q;
          const m = sticky.exec(bounded);
          if (!m) {
            q++;
            continue;
          }
          const e = q + m[0].length;
          if (isWordChar(m[0][m[0].length - 1]) && wordCodeAt(text, e)) {
            // Part of a longer word: look again one character on.
            q++;
            continue;
          }
          q = e;
          const index = byPhrase.get(m[0]) ?? byPhrase.get(normalise(m[0])) ?? -1;
          if (index < 0) continue;
          const guard = notAfter[index];
          if (guard && guard.test(text.slice(Math.max(start, m.index - 60), m.index))) continue;
          cb(m, entries[index]);
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
        if ((isWordChar(m[0][0]) && isWordChar(text[s - 1])) || (isWordChar(m[0][m[0].length - 1]) && isWordChar(text[e]))) {
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
        cb(m, entries[index]);
      }
    },
  };
}

const lowerAscii = (c: number) => (c >= 65 && c <= 90 ? c | 32 : c);

interface Starts {
  /** ASCII codes (lower case) a phrase can start with. */
  first: Uint8Array;
  /** First characters followed by a space in some phrase (any second character may follow). */
  anySecond: Uint8Array;
  /** (first << 7 | second) pairs, lower case. */
  pairs: Uint8Array;
}

/** What the first two characters of a match can be, or undefined when that is not simple to say. */
function phraseStarts(keys: string[] | undefined): Starts | undefined {
  if (!keys || !keys.length) return undefined;
  const out: Starts = { first: new Uint8Array(128), anySecond: new Uint8Array(128), pairs: new Uint8Array(128 * 128) };
  for (const k of keys) {
    const c1 = k.charCodeAt(0);
    // Non-ASCII letters fold case in ways this table does not follow; the first must be a word character.
    if (!(c1 < 128 && wordCodeAt(k, 0)) || k.length < 2) return undefined;
    const c2 = k.charCodeAt(1);
    out.first[c1] = 1;
    if (c2 === 32) out.anySecond[c1] = 1;
    else if (c2 === 39) {
      // An apostrophe matches either kind; ’ is not ASCII, so let any second character through.
      out.anySecond[c1] = 1;
    } else if (c2 < 128) out.pairs[(c1 << 7) | c2] = 1;
    else return undefined;
  }
  return out;
}
