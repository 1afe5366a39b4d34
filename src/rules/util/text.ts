import { isLetterOrDigitAt, lowerBound } from '../../core/text';
import type { AccountModel, Span } from '../../core/types';

/** Total words per section id, duplicates folded into the first occurrence. */
export function wordsById(account: AccountModel): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of account.sections) out.set(s.id, (out.get(s.id) ?? 0) + s.words);
  return out;
}

/**
 * Run a global regex over [start, end) of `text`, calling back with each match that lies wholly inside.
 * The regex must have the `g` or `y` flag; its lastIndex is reset, so one compiled regex serves every call.
 */
export function eachMatch(re: RegExp, text: string, start: number, end: number, cb: (m: RegExpExecArray) => void): void {
  // Search a prefix cut at `end`: a failed search must not run on to the end of the document, or many
  // sections would make the rule quadratic. Offsets and left context stay as in the full text.
  const bounded = upTo(text, end);
  re.lastIndex = start;
  for (let m = re.exec(bounded); m && m.index < end; m = re.exec(bounded)) {
    if (m.index + m[0].length <= end) cb(m);
    if (m[0].length === 0) re.lastIndex++;
  }
}

/**
 * Matches of a sticky (`y`) regex over [start, end) of the account's prose that start where a word starts and
 * end where one ends (no letter or digit just before or just after), left to right, not overlapping.
 */
export function eachWordMatch(account: AccountModel, sticky: RegExp, start: number, end: number, cb: (m: RegExpExecArray) => void): void {
  const prose = account.prose;
  const bounded = upTo(prose, end);
  for (let q = start; q < end; q++) {
    if (!isLetterOrDigitAt(prose, q) || isLetterOrDigitAt(prose, q - 1)) continue;
    sticky.lastIndex = q;
    const m = sticky.exec(bounded);
    if (!m) continue;
    const e = q + m[0].length;
    if (isLetterOrDigitAt(prose, e)) continue;
    cb(m);
    q = e - 1;
  }
}

/** `text` cut at `end` (a cheap slice), for searches that must stop there. */
export function upTo(text: string, end: number): string {
  return end >= text.length ? text : text.slice(0, end);
}

/** The first non-blank line of [start, end), as a span; falls back to an empty span at start. */
export function firstLine(text: string, start: number, end = text.length): Span {
  let i = start;
  while (i < end && /\s/.test(text[i])) i++;
  if (i >= end) return { start, end: start };
  let j = i;
  while (j < end && text[j] !== '\n' && text[j] !== '\r') j++;
  while (j > i && /\s/.test(text[j - 1])) j--;
  return { start: i, end: j };
}

/** The end of the last non-blank character in [start, end). */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** The sentence around [start, end) of prose, found by scanning to the nearest sentence stops (cheap, no segmenter). */
export function sentenceAround(prose: string, start: number, end: number, lo: number, hi: number): Span {
  // Bounded either side, so a huge run without full stops stays linear.
  lo = Math.max(lo, start - 1000);
  hi = Math.min(hi, end + 1000);
  let a = start;
  while (a > lo) {
    const c = prose[a - 1];
    if (c === '.' || c === '!' || c === '?') break;
    if (c === '\n' && (prose[a - 2] === '\n' || (prose[a - 2] === '\r' && prose[a - 3] === '\n'))) break;
    a--;
  }
  let b = end;
  while (b < hi) {
    const c = prose[b];
    b++;
    if (c === '.' || c === '!' || c === '?') break;
    if (c === '\n' && (prose[b] === '\n' || (prose[b] === '\r' && prose[b + 1] === '\n'))) break;
  }
  return { start: a, end: b };
}

/** "1,240" — numbers in messages. */
let numberFormat: Intl.NumberFormat | undefined;
export function num(n: number): string {
  // Whole numbers (word counts, mostly) are grouped by hand, as en-GB groups them: the formatter costs a
  // microsecond a call.
  if (Number.isInteger(n) && n >= 0 && n <= Number.MAX_SAFE_INTEGER && !Object.is(n, -0)) {
    const digits = String(n);
    let head = digits.length % 3 || 3;
    let out = digits.slice(0, head);
    for (; head < digits.length; head += 3) out += `,${digits.slice(head, head + 3)}`;
    return out;
  }
  // toLocaleString builds a formatter on every call.
  return (numberFormat ??= new Intl.NumberFormat('en-GB')).format(n);
}

/** "Situation, Task and Action". */
export function listing(items: string[], joiner = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1]}`;
}

// Quote marks, and blank lines (a quotation does not run over a paragraph break).
const QUOTE_OR_BREAK = /["\u201c\u201d]|\n(?=\r?\n)/g;

/**
 * Answers "is this offset inside a quotation ("…" or “…”) in its paragraph?" for many offsets of one text,
 * exactly as insideQuote does, in O(log n) each. The quote marks and paragraph breaks are found once, by one
 * native search, on first use: the nearest curly mark or break before an offset settles it, and otherwise
 * the parity of the straight quotes since (at most 600 characters back).
 */
export class QuoteFinder {
  /** Curly marks and paragraph breaks, by position, and what each is. */
  private stops?: number[];
  private kinds?: ('open' | 'close' | 'break')[];
  /** Straight quote positions. */
  private straight?: number[];
  constructor(private readonly prose: string, private readonly start: number, private readonly end: number) {}

  private scan(): void {
    const stops: number[] = [];
    const kinds: ('open' | 'close' | 'break')[] = [];
    const straight: number[] = [];
    QUOTE_OR_BREAK.lastIndex = this.start;
    for (let m = QUOTE_OR_BREAK.exec(this.prose); m && m.index < this.end; m = QUOTE_OR_BREAK.exec(this.prose)) {
      const c = m[0].charCodeAt(0);
      if (c === 34) straight.push(m.index);
      else if (c === 10) {
        // insideQuote stops at the second line break of the pair.
        stops.push(m.index + (this.prose.charCodeAt(m.index + 1) === 13 ? 2 : 1));
        kinds.push('break');
      } else {
        stops.push(m.index);
        kinds.push(c === 0x201c ? 'open' : 'close');
      }
    }
    this.stops = stops;
    this.kinds = kinds;
    this.straight = straight;
  }

  inside(index: number): boolean {
    if (!this.stops) this.scan();
    const stops = this.stops!;
    const floor = Math.max(this.start, index - 600);
    let from = floor;
    const k = lowerBound(stops, index) - 1;
    if (k >= 0 && stops[k] >= floor) {
      const kind = this.kinds![k];
      if (kind !== 'break') return kind === 'open';
      from = stops[k] + 1;
    }
    const straight = this.straight!;
    return (lowerBound(straight, index) - lowerBound(straight, from)) % 2 === 1;
  }
}

/**
 * Whether `index` sits inside a quotation ("…" or “…”) in its paragraph, scanning back at most 600
 * characters (quotations are rarely longer). The plain definition QuoteFinder is tested against; rules use QuoteFinder.
 */
export function insideQuote(prose: string, index: number, lo: number): boolean {
  let straight = 0;
  const stop = Math.max(lo, index - 600);
  for (let i = index - 1; i >= stop; i--) {
    const c = prose.charCodeAt(i);
    if (c === 0x201d) return false; // ”
    if (c === 0x201c) return true; // “
    if (c === 34) straight++;
    else if (c === 10 && (prose.charCodeAt(i - 1) === 10 || (prose.charCodeAt(i - 1) === 13 && prose.charCodeAt(i - 2) === 10))) break;
  }
  return straight % 2 === 1;
}

// Per-account work that several rules need, done once: the rules see the same model object.
const quotesCache = new WeakMap<AccountModel, QuoteFinder>();

/** One QuoteFinder over the account's body prose, shared by the rules that skip quoted words. */
export function proseQuotes(account: AccountModel): QuoteFinder {
  let q = quotesCache.get(account);
  if (!q) quotesCache.set(account, (q = new QuoteFinder(account.prose, account.preamble.start, account.prose.length)));
  return q;
}
