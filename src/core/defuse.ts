// Markdown shapes that make the CommonMark parser slow (its delimiter and container handling is quadratic in
// the worst case), found by a linear pre-scan and neutralised before parsing. No account written by a person
// has them; they come from corrupted pastes and generated files. Each neutralised character becomes a
// zero-width space, so every offset in the parse still points at the same place in the text.
//
// The same pass estimates how long the parser will take: it goes more by lines, blocks, container markers
// and character references than by characters, and lazy lines in a quote cost the square of the paragraph's
// length. Where a file's estimate runs past PARSE_BUDGET, the rest of it from that line is
// read as one plain paragraph: the model still takes every word from the text itself, so every check runs
// on it, but its headings, lists and quotes are not recognised.

export interface DefusedRegion {
  start: number;
  end: number;
  reason: 'long-run' | 'deep-nesting' | 'many-markers' | 'many-brackets' | 'slow-to-read';
  /** For 'slow-to-read': what made the parse slow. */
  cause?: SlowCause;
}

/** What costs the parser most in a file read partly as plain text. */
export type SlowCause = 'lines' | 'lists' | 'lazy-quotes' | 'references';

export interface Defused {
  /** The text to parse: `text` itself when nothing needed defusing. */
  text: string;
  regions: DefusedRegion[];
}

/** Longest run of `*` or `_` parsed as Markdown (a thematic break is 3+; nobody writes dozens). */
export const MAX_RUN = 64;
/** Most block containers (`>`, list markers) opening on one line. */
export const MAX_NESTING = 32;
/** Most `*`/`_` runs in one block (blank-line separated) before its emphasis is read as plain text. */
export const MAX_MARKERS_PER_BLOCK = 1000;
/** Most `[` in one block before its links are read as plain text (unclosed links cost the square of their count). */
export const MAX_BRACKETS_PER_BLOCK = 1000;

/**
 * The parser time a file may take before the rest is read as plain text, in units of about a microsecond
 * of a cold parse on a busy 2-core machine (at most 1.8 µs for any shape measured). A real account is
 * estimated at under 100,000; a megabyte of prose made of such accounts at about 1,750,000.
 */
export const PARSE_BUDGET = 800_000;
// What each thing costs the parser, in those units (fitted to cold parses of 60 KB of 23 shapes, each
// estimate at or above what the parse took).
const COST_CHAR = 1;
const COST_LINE = 60;
const COST_BLANK_LINE = 8;
const COST_BLOCK = 110;
const COST_QUOTE = 35;
const COST_ITEM = 80;
const COST_REFERENCE = 60;
// A lazy line in a quote makes the parser look back over the paragraph so far, line by line.
const COST_LAZY_PER_LINE = 0.03;
/** A line longer than this may be cut in the middle. */
const LONG_LINE = 10_000;

const NEUTRAL = 0x200b;
const isMarker = (c: number) => c === 42 /* * */ || c === 95 /* _ */;
const isSpace = (c: number) => c === 32 || c === 9;

export function defuse(text: string): Defused {
  const regions: DefusedRegion[] = [];
  let codes: Uint16Array | undefined;
  const neutralise = (from: number, to: number, keep?: (c: number) => boolean) => {
    codes ??= toCodes(text);
    for (let i = from; i < to; i++) if (!keep || !keep(codes[i])) codes[i] = NEUTRAL;
  };

  let blockStart = 0;
  let blockRuns = 0;
  let blockBrackets = 0;
  let lineStart = true;
  let lineBlank = true;
  // The parse-time estimate, by what causes it (see SlowCause), and what it needs to know of the blocks.
  let lineCost = 0;
  let containerCost = 0;
  let lazyCost = 0;
  let referenceCost = 0;
  let lineBegin = 0;
  let paraLines = 0;
  let quotes = 0;
  let fenceStart = -1;
  let fenceCode = 0;
  let fenceLength = 0;
  let htmlStart = -1;
  let cut = -1;
  const n = text.length;
  const over = (i: number) => COST_CHAR * i + lineCost + containerCost + lazyCost + referenceCost > PARSE_BUDGET;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (lineBlank) {
        endBlock(i);
        blockStart = i + 1;
      }
      lineCost += lineBlank ? COST_BLANK_LINE : COST_LINE;
      if (lineStart) {
        // An empty line ends the paragraph (a line of spaces is read in readBlock).
        paraLines = 0;
        quotes = 0;
        htmlStart = -1;
      }
      lineStart = true;
      lineBlank = true;
      continue;
    }
    if (lineStart) {
      lineStart = false;
      lineBegin = i;
      if (over(i)) {
        cut = i;
        break;
      }
      const end = containerPrefixEnd(text, i);
      if (end.depth > MAX_NESTING) {
        neutralise(i, end.at, isSpace);
        regions.push({ start: i, end: end.at, reason: 'deep-nesting' });
        i = end.at - 1;
        lineBlank = false;
        continue;
      }
      containerCost += end.quotes * COST_QUOTE + end.items * COST_ITEM;
      readBlock(end);
    }
    if (!isSpace(c)) lineBlank = false;
    if (c === 91 /* [ */) blockBrackets++;
    else if (isMarker(c)) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) === c) j++;
      if (j - i > MAX_RUN && !wholeLine(text, i, j)) {
        neutralise(i, j);
        regions.push({ start: i, end: j, reason: 'long-run' });
      } else blockRuns++;
      i = j - 1;
    } else if (c === 38 /* & */) {
      referenceCost += COST_REFERENCE;
      if (over(i)) {
        cut = i - lineBegin > LONG_LINE ? i : lineBegin;
        break;
      }
    }
  }
  if (cut < 0) endBlock(n);
  else readRestAsPlainText();
  regions.sort((a, b) => a.start - b.start);
  return { text: codes ? fromCodes(codes) : text, regions };

  function endBlock(end: number) {
    if (blockRuns > MAX_MARKERS_PER_BLOCK) {
      neutralise(blockStart, end, (c) => !isMarker(c));
      regions.push({ start: blockStart, end, reason: 'many-markers' });
    }
    if (blockBrackets > MAX_BRACKETS_PER_BLOCK) {
      neutralise(blockStart, end, (c) => c !== 91 && c !== 93);
      regions.push({ start: blockStart, end, reason: 'many-brackets' });
    }
    blockRuns = 0;
    blockBrackets = 0;
  }

  /** Follow paragraphs, quotes, fences and HTML blocks well enough to price lazy lines and to cut between blocks. */
  function readBlock(end: { at: number; depth: number; quotes: number; items: number }) {
    const d = text.charCodeAt(end.at);
    if (end.at >= n || d === 10 || d === 13) {
      paraLines = 0;
      quotes = end.quotes;
      htmlStart = -1;
      return;
    }
    if ((d === 96 || d === 126) /* ` ~ */ && text.charCodeAt(end.at + 1) === d && text.charCodeAt(end.at + 2) === d) {
      let j = end.at + 3;
      while (text.charCodeAt(j) === d) j++;
      if (fenceStart < 0) {
        fenceStart = lineBegin;
        fenceCode = d;
        fenceLength = j - end.at;
      } else if (d === fenceCode && j - end.at >= fenceLength) fenceStart = -1;
    }
    if (paraLines === 0 || end.items > 0 || end.quotes > quotes) {
      if (end.depth) containerCost += COST_BLOCK;
      else lineCost += COST_BLOCK;
      paraLines = 0;
      quotes = end.quotes;
      if (d === 60 /* < */) htmlStart = lineBegin;
    } else if (end.quotes < quotes) lazyCost += COST_LAZY_PER_LINE * paraLines;
    paraLines++;
  }

  /** From `cut` on, one paragraph of plain text: no line breaks, no Markdown punctuation, no indent. */
  function readRestAsPlainText() {
    // Never start the plain part inside a code fence or an HTML block, which would swallow it.
    if (fenceStart >= 0) cut = fenceStart;
    else if (htmlStart >= 0) cut = htmlStart;
    codes ??= toCodes(text);
    let i = cut;
    while (i < n && isSpace(codes[i])) codes[i++] = NEUTRAL;
    for (; i < n; i++) {
      const c = codes[i];
      if (c === 10 || c === 13) codes[i] = 32;
      else if (c < 128 && c !== 32 && c !== 9 && !isAlphanumeric(c)) codes[i] = NEUTRAL;
    }
    for (let k = regions.length - 1; k >= 0; k--) {
      if (regions[k].start >= cut) regions.splice(k, 1);
      else if (regions[k].end > cut) regions[k].end = cut;
    }
    // The rarer causes are named when they are a good part of the cost: they are what makes the file unusual.
    const all = lineCost + containerCost + lazyCost + referenceCost;
    const cause: SlowCause = lazyCost > all / 5 ? 'lazy-quotes' : referenceCost > all / 5 ? 'references' : containerCost > all / 3 ? 'lists' : 'lines';
    regions.push({ start: cut, end: n, reason: 'slow-to-read', cause });
  }
}

const isAlphanumeric = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** A run that is all of its line (a long divider, read as a thematic break) parses quickly: leave it. */
function wholeLine(text: string, from: number, to: number): boolean {
  for (let i = from - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    if (!isSpace(c)) return false;
  }
  for (let i = to; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    if (!isSpace(c)) return false;
  }
  return true;
}

/** Where the block-container markers at the start of a line end, and how many there are. */
function containerPrefixEnd(text: string, from: number): { at: number; depth: number; quotes: number; items: number } {
  let i = from;
  let depth = 0;
  let quotes = 0;
  const n = text.length;
  for (;;) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    if (c === 62 /* > */) {
      depth++;
      quotes++;
      i++;
      continue;
    }
    if ((c === 42 || c === 45 || c === 43) /* * - + */ && isSpace(text.charCodeAt(i + 1))) {
      depth++;
      i += 2;
      continue;
    }
    let j = i;
    while (j < n && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    const d = text.charCodeAt(j);
    if (j > i && (d === 46 || d === 41) /* . ) */ && isSpace(text.charCodeAt(j + 1))) {
      depth++;
      i = j + 2;
      continue;
    }
    return { at: i, depth, quotes, items: depth - quotes };
  }
}

function toCodes(text: string): Uint16Array {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

function fromCodes(codes: Uint16Array): string {
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.subarray(i, i + 8192));
  return out;
}
