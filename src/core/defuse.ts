// Markdown shapes that make the CommonMark parser slow (its delimiter and container handling is quadratic in
// the worst case), found by a linear pre-scan and neutralised before parsing. No account written by a person
// has them; they come from corrupted pastes and generated files. Each neutralised character becomes a
// zero-width space, so every offset in the parse still points at the same place in the text.

export interface DefusedRegion {
  start: number;
  end: number;
  reason: 'long-run' | 'deep-nesting' | 'many-markers' | 'many-brackets';
}

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
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (lineBlank) {
        endBlock(i);
        blockStart = i + 1;
      }
      lineStart = true;
      lineBlank = true;
      continue;
    }
    if (lineStart) {
      lineStart = false;
      const end = containerPrefixEnd(text, i);
      if (end.depth > MAX_NESTING) {
        neutralise(i, end.at, isSpace);
        regions.push({ start: i, end: end.at, reason: 'deep-nesting' });
        i = end.at - 1;
        lineBlank = false;
        continue;
      }
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
    }
  }
  endBlock(n);
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
}

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
function containerPrefixEnd(text: string, from: number): { at: number; depth: number } {
  let i = from;
  let depth = 0;
  const n = text.length;
  for (;;) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    if (c === 62 /* > */) {
      depth++;
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
    return { at: i, depth };
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
