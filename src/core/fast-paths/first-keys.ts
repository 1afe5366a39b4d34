import { addKey, keySet, wordKeyAt, type KeySet } from './word-keys';

// The word keys (see wordKeyAt) a regex's matches can start with, worked out from its source, so a search
// that tries the regex only at word starts can pass over every other word with one table read. Handles the
// plain subset the lexicons and rules use — literals, escapes (\w too), classes, groups, alternation, quantifiers;
// look-arounds and \b are read as matching nothing, which only lets more through. Anything else (".",
// negated classes, \p{…}, back-references) gives undefined: no filter.

// A key prefix: up to three symbols, each a lower-case ASCII letter or "#" (any other character). Complete
// once it has three letters or ends in "#"; shorter prefixes are matches that may end there.
type Prefixes = Set<string>;

const MAX_PREFIXES = 4000;

class Unsupported extends Error {}

const complete = (p: string) => p.length >= 3 || p.endsWith('#');

function concat(a: Prefixes, b: Prefixes): Prefixes {
  const out: Prefixes = new Set();
  for (const x of a) {
    if (complete(x)) {
      out.add(x);
      continue;
    }
    for (const y of b) {
      let s = x + y;
      const hash = s.indexOf('#');
      if (hash >= 0) s = s.slice(0, hash + 1);
      out.add(s.slice(0, 3));
    }
  }
  if (out.size > MAX_PREFIXES) throw new Unsupported('too many prefixes');
  return out;
}

const union = (a: Prefixes, b: Prefixes): Prefixes => {
  const out = new Set(a);
  for (const x of b) out.add(x);
  return out;
};

const EMPTY: Prefixes = new Set(['']);
const WORD: Prefixes = new Set(['#', ...'abcdefghijklmnopqrstuvwxyz']);

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly foldUnicode: boolean,
  ) {}

  parse(): Prefixes {
    const r = this.alternation();
    if (this.i < this.src.length) throw new Unsupported(`unexpected ${this.src[this.i]}`);
    return r;
  }

  private alternation(): Prefixes {
    let r = this.sequence();
    while (this.src[this.i] === '|') {
      this.i++;
      r = union(r, this.sequence());
    }
    return r;
  }

  // Above zero while reading what follows complete prefixes: it cannot change them, so it is read only to move
  // past it (a "[\\w-]+" after the first word would otherwise count 27³ prefixes).
  private skipping = 0;

  private sequence(): Prefixes {
    let r: Prefixes = EMPTY;
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      if (this.skipping || [...r].every(complete)) {
        this.skipping++;
        this.quantified(this.atom());
        this.skipping--;
        continue;
      }
      r = concat(r, this.quantified(this.atom()));
    }
    return r;
  }

  private quantified(atom: Prefixes): Prefixes {
    const c = this.src[this.i];
    let min: number;
    let max: number;
    if (c === '?' || c === '*' || c === '+') {
      this.i++;
      [min, max] = c === '?' ? [0, 1] : c === '*' ? [0, Infinity] : [1, Infinity];
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return atom;
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
    } else return atom;
    if (this.src[this.i] === '?') this.i++; // lazy: same strings
    if (this.skipping) return atom;
    // Prefixes are at most three symbols long, so three repeats past the minimum give every one.
    let power: Prefixes = EMPTY;
    for (let k = 0; k < min; k++) power = concat(power, atom);
    let out = power;
    for (let k = min; k < Math.min(max, min + 3); k++) {
      power = concat(power, atom);
      out = union(out, power);
    }
    return out;
  }

  private atom(): Prefixes {
    const c = this.src[this.i++];
    if (c === '(') {
      let lookaround = false;
      if (this.src[this.i] === '?') {
        const rest = this.src.slice(this.i, this.i + 3);
        if (rest.startsWith('?:')) this.i += 2;
        else if (rest.startsWith('?=') || rest.startsWith('?!')) {
          this.i += 2;
          lookaround = true;
        } else if (rest === '?<=' || rest === '?<!') {
          this.i += 3;
          lookaround = true;
        } else if (rest.startsWith('?<')) {
          const close = this.src.indexOf('>', this.i);
          if (close < 0) throw new Unsupported('bad group name');
          this.i = close + 1;
        } else throw new Unsupported('group kind');
      }
      const inner = this.alternation();
      if (this.src[this.i++] !== ')') throw new Unsupported('unclosed group');
      return lookaround ? EMPTY : inner;
    }
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape(false);
    if (c === '^' || c === '$') return EMPTY;
    if (c === '.' || c === ')' || c === '|' || c === '*' || c === '+' || c === '?' || c === '{') throw new Unsupported(c);
    return this.symbols(c.charCodeAt(0));
  }

  /** The prefixes of one character with code c: its symbol, or symbols when case folding gives more than one. */
  private symbols(c: number): Prefixes {
    const l = c | 32;
    if (c < 128 && l >= 97 && l <= 122) {
      const s = new Set([String.fromCharCode(l)]);
      // /iu folds K to the Kelvin sign and s to long s, which are not ASCII.
      if (this.foldUnicode && (l === 107 || l === 115)) s.add('#');
      return s;
    }
    return new Set(['#']);
  }

  private escape(inClass: boolean): Prefixes {
    const c = this.src[this.i++];
    if (c === undefined) throw new Unsupported('trailing \\');
    if (c === 'b' && !inClass) return EMPTY;
    if (c === 'B') return EMPTY;
    if ('sdtnrfv0'.includes(c)) return new Set(['#']);
    if (c === 'x' || c === 'u') {
      const m = (c === 'x' ? /^[0-9a-fA-F]{2}/ : /^[0-9a-fA-F]{4}/).exec(this.src.slice(this.i));
      if (!m) throw new Unsupported('escape');
      this.i += m[0].length;
      return this.symbols(parseInt(m[0], 16));
    }
    // \w is the ASCII letters, digits and "_" (and, folded by /iu, the Kelvin sign and long s, which are "#").
    if (c === 'w') return WORD;
    // \S, \D, \W, \p, \P, back-references and the like could be anything.
    if (/[A-Za-z0-9]/.test(c)) throw new Unsupported(`\\${c}`);
    return this.symbols(c.charCodeAt(0));
  }

  private charClass(): Prefixes {
    if (this.src[this.i] === '^') throw new Unsupported('negated class');
    const out = new Set<string>();
    let first = true;
    while (this.i < this.src.length && (this.src[this.i] !== ']' || first)) {
      first = false;
      let lo: number;
      if (this.src[this.i] === '\\') {
        this.i++;
        const c = this.src[this.i];
        if (c === 's' || c === 'd' || c === 't' || c === 'n' || c === 'r') {
          this.i++;
          out.add('#');
          continue;
        }
        if (c === 'w') {
          this.i++;
          for (const w of WORD) out.add(w);
          continue;
        }
        if (/[A-Za-z0-9]/.test(c ?? '')) throw new Unsupported(`[\\${c}]`);
        lo = this.src.charCodeAt(this.i++);
      } else lo = this.src.charCodeAt(this.i++);
      let hi = lo;
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        this.i++;
        if (this.src[this.i] === '\\') throw new Unsupported('escaped range end');
        hi = this.src.charCodeAt(this.i++);
      }
      for (let c = lo; c <= hi; c++) {
        for (const s of this.symbols(c)) out.add(s);
        // Past the ASCII letters every code is "#".
        if (c > 127) break;
      }
    }
    if (this.src[this.i++] !== ']') throw new Unsupported('unclosed class');
    return out;
  }
}

/**
 * The word keys a match may start at, for a regex whose matches begin with
 * an ASCII letter and are never followed by one; undefined when the source is outside the subset read here,
 * or a match may begin with anything else.
 */
export function firstKeysOf(source: string, flags: string): KeySet | undefined {
  let prefixes: Prefixes;
  try {
    prefixes = new Parser(source, flags.includes('i') && (flags.includes('u') || flags.includes('v'))).parse();
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
  const table = keySet();
  for (let p of prefixes) {
    if (!p || p[0] === '#') return undefined;
    // A match that ends within three letters is followed by a non-letter (the callers reject the rest).
    if (!complete(p)) p += '#';
    addKey(table, wordKeyAt(p.replace('#', ' '), 0));
  }
  return table;
}
