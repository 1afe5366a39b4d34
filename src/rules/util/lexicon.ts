import { upTo } from './text';
import type { Lexicon, LexiconEntry } from '../../core/data';
import { escapeRegExp, isPhraseWordAt, normalise } from '../../core/text';
import { firstKeysOf, hasKey, nextWordStart, wordKeyAt } from '../../core/fast-paths';

/**
 * A lexicon entry as the YAML may write it; `notAfter` skips a match that follows certain words, `notBefore`
 * one that certain words follow (the specifics after "I reassured her by explaining…").
 */
export type Entry = LexiconEntry & { notAfter?: string; notBefore?: string };

/** Alternatives joined into one regex, each in a group; `indices[k]` is the entry of the one in `groups[k]`. */
interface Joined {
  re: RegExp;
  groups: number[];
  indices: number[];
}

// V8 runs a joined regex much slower than its parts once it passes about this much source (measured on the bench
// corpus), and one with a lookbehind slower too: longer runs are split, and such alternatives stay alone.
const JOIN_LIMIT = 1000;

const CLASS_REF = /\{([a-z][a-z-]*)\}/g;

/**
 * The lexicon's entries with each {name} in a pattern, notAfter or notBefore replaced by its word class, as a
 * group. Classes may name other classes. A family is then written once as a grammar ("{someone} {was}
 * {feeling}") and grows by adding a word to a class, not a phrase per wording. An unknown name throws, so a typo
 * fails the tests rather than matching the letters "{name}".
 */
export function expandClasses(lex: { classes?: Lexicon['classes']; entries: readonly Entry[] }): Entry[] {
  const classes = lex.classes ?? {};
  if (!Object.keys(classes).length) return [...lex.entries];
  const done = new Map<string, string>();
  const resolve = (name: string, seen: string[]): string => {
    const hit = done.get(name);
    if (hit !== undefined) return hit;
    const source = classes[name];
    if (source === undefined) throw new Error(`Lexicon: unknown word class {${name}}`);
    if (seen.includes(name)) throw new Error(`Lexicon: word class {${name}} names itself`);
    const out = `(?:${source.replace(CLASS_REF, (_, n: string) => resolve(n, [...seen, name]))})`;
    done.set(name, out);
    return out;
  };
  const expand = (s: string | undefined) => s?.replace(CLASS_REF, (_, n: string) => resolve(n, []));
  return lex.entries.map((e) =>
    e.pattern || e.notAfter || e.notBefore
      ? { ...e, ...(e.pattern && { pattern: expand(e.pattern) }), ...(e.notAfter && { notAfter: expand(e.notAfter) }), ...(e.notBefore && { notBefore: expand(e.notBefore) }) }
      : e,
  );
}

export interface CompiledLexicon {
  entries: Entry[];
  /** Every whole-word match in [start, end) of `text`, with its entry, in order; the callback returns true to stop. */
  each(text: string, start: number, end: number, cb: (m: RegExpExecArray, entry: Entry) => boolean | void): void;
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
 * Compile a lexicon for a single pass over the prose however many phrases there are. Phrases become a word
 * trie (greedy, so the longest phrase wins) and are told apart afterwards by their normalised text; patterns
 * come first, in the lexicon's order, and the first that matches at a place wins. Matches are whole words only,
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

  /** The entry of a phrase match (by its text), or -1. Keys are normalised, so one equal to the match (or to it in lower case) is its normal form. */
  const phraseOf = (m: string): number => byPhrase.get(m) ?? byPhrase.get(m.toLowerCase()) ?? byPhrase.get(normalise(m)) ?? -1;

  /** `index` unless its notAfter or notBefore words rule the whole-word match at s out (then -1). */
  const allowedAt = (index: number, m: RegExpExecArray, text: string, start: number, s: number): number => {
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

  // Tried only at word starts whose first letters can begin a match (see core/fast-paths): at each, the
  // alternatives (each pattern, then all phrases) whose first letters fit, in order, joined as one sticky
  // regex — the alternation's own answer there, at a fraction of trying all of them. After a match the search
  // goes on at its end, as a global search would. A lexicon whose first letters cannot all be worked out is
  // searched plainly.
  const flags = unicode ? 'iuy' : 'iy';
  const alternatives = [...patterns.map((p, i) => ({ source: patternParts[i], index: p.index })), ...(root.next.size ? [{ source: trieSource(root), index: -1 }] : [])].map(
    (a, i) => ({ source: a.source, keys: firstKeysOf(a.source, flags), index: a.index, id: i, captures: new RegExp(`${a.source}|`, flags).exec('')!.length }),
  );
  const anyKey = firstKeysOf(re.source, re.flags);
  if (anyKey && alternatives.every((a) => a.keys)) {
    // Per first-letter key, the alternatives that can start there joined into one sticky regex, in order, each
    // in a group that names it: one exec per word instead of one per alternative (the alternation's first
    // alternative that matches is the one the loop over them would have found).
    const byKey = new Map<number, Joined[]>();
    // Many keys join the same alternatives: each such regex is made (and compiled by V8) once, not once per key.
    const made = new Map<string, Joined>();
    const joined = (key: number): Joined[] => {
      const out: Joined[] = [];
      let part: typeof alternatives = [];
      let size = 0;
      const flush = () => {
        if (!part.length) return;
        const id = part.map((a) => a.id).join(' ');
        let j = made.get(id);
        if (!j) {
          const groups: number[] = [];
          let group = 1;
          for (const a of part) {
            groups.push(group);
            group += a.captures;
          }
          made.set(id, (j = { re: new RegExp(part.map((a) => `(${a.source})`).join('|'), flags), groups, indices: part.map((a) => a.index) }));
        }
        out.push(j);
        part = [];
        size = 0;
      };
      for (const a of alternatives) {
        if (!hasKey(a.keys!, key)) continue;
        const alone = a.source.length > JOIN_LIMIT || a.source.includes('(?<');
        if (alone || (size && size + a.source.length > JOIN_LIMIT)) flush();
        part.push(a);
        size += a.source.length;
        if (alone) flush();
      }
      flush();
      return out;
    };
    return {
      entries,
      each(text, start, end, cb) {
        const bounded = upTo(text, end);
        end = Math.min(end, text.length);
        // After a match the search goes on at its end.
        let next = start;
        for (let q = nextWordStart(text, start, end); q < end; q = nextWordStart(text, Math.max(q + 1, next), end)) {
          const key = wordKeyAt(text, q);
          // Most words begin no match at all: one bit read passes over them.
          if (!hasKey(anyKey, key)) continue;
          let parts = byKey.get(key);
          if (!parts) byKey.set(key, (parts = joined(key)));
          let m: RegExpExecArray | null = null;
          let at: Joined | undefined;
          for (at of parts) {
            at.re.lastIndex = q;
            if ((m = at.re.exec(bounded))) break;
          }
          if (!m || !at) continue;
          const e = q + m[0].length;
          // Part of a longer word: the next word start is the next place to look.
          if (isPhraseWordAt(m[0], m[0].length - 1) && isPhraseWordAt(text, e)) continue;
          next = e;
          let k = 0;
          while (m[at.groups[k]] === undefined) k++;
          const index = allowedAt(at.indices[k] >= 0 ? at.indices[k] : phraseOf(m[0]), m, text, start, q);
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
        const pattern = patterns.find((p) => m[p.group] !== undefined);
        const index = allowedAt(pattern ? pattern.index : phraseOf(m[0]), m, text, start, s);
        if (index >= 0 && cb(m, entries[index]) === true) return;
      }
    },
  };
}

/** Whether `before` ends with words that match `notAfter`, then space. */
function notAfterGuard(notAfter: string): (before: string) => boolean {
  const re = new RegExp(`(?:${notAfter})\\s+$`, 'iu');
  return (before) => re.test(before);
}
