// Reads the examples in docs/rules/<id>.md. A bad example marks each finding it must give with a caret line
// under the line the finding starts on, as a compiler points at an error:
//
//   I dealt with the complaint.
//     ^^^^^^^^^^ vague: say what you did
//
// The first caret is the column where the finding starts. Two or more carets are exactly the characters it
// underlines; a single caret pins only where it starts (for a finding that is empty or runs past the line).
// Text after the carets is a note for the reader. Several caret lines in a row all point at the line above
// them. The test removes the caret lines before the example is analysed.
import type { Finding } from '../../src/core';

export interface Marker {
  /** Zero-based, in the example as analysed (caret lines removed). */
  line: number;
  column: number;
  /** Undefined for a single caret: only the start is pinned. */
  length?: number;
  note: string;
}

export interface DocExample {
  kind: 'good' | 'bad';
  /** A good example marked ```markdown good hover: written for learners, it is the one the editor's hover shows. */
  hover?: boolean;
  /** The example as analysed. */
  text: string;
  markers: Marker[];
  /** One-based line of the opening fence in the docs page. */
  line: number;
  /** One-based line in the docs page of each line of `text`. */
  docLines: number[];
}

const CARETS = /^( *)(\^+)(?: +(.*))?$/;

export function docExamples(md: string): DocExample[] {
  const out: DocExample[] = [];
  const fence = /^```markdown(?: (.*))?\n([\s\S]*?)^```$/gm;
  for (let m = fence.exec(md); m; m = fence.exec(md)) {
    const line = md.slice(0, m.index).split('\n').length;
    const info = m[1]?.trim();
    const hover = info === 'good hover';
    const kind = hover ? 'good' : info;
    if (kind !== 'good' && kind !== 'bad') throw new Error(`line ${line}: a rule example is \`\`\`markdown good, \`\`\`markdown good hover or \`\`\`markdown bad, not "${m[1] ?? ''}"`);
    const kept: string[] = [];
    const docLines: number[] = [];
    const markers: Marker[] = [];
    let lastText = -1;
    for (const [i, l] of m[2].split('\n').entries()) {
      const c = CARETS.exec(l);
      if (!c) {
        kept.push(l);
        docLines.push(line + 1 + i);
        lastText = kept.length - 1;
        continue;
      }
      if (lastText < 0) throw new Error(`line ${line + 1 + i}: a caret line must come under the line it points at`);
      markers.push({ line: lastText, column: c[1].length, length: c[2].length > 1 ? c[2].length : undefined, note: c[3] ?? '' });
    }
    out.push({ kind, ...(hover ? { hover } : {}), text: kept.join('\n'), markers, line, docLines });
  }
  return out;
}

/** Whether a finding is the one a marker points at. */
export function marks(m: Marker, f: Finding): boolean {
  if (f.start.line !== m.line || f.start.column !== m.column) return false;
  return m.length === undefined || (f.end.line === m.line && f.end.column === m.column + m.length);
}

/**
 * Pair markers with findings one to one. Returns what does not pair: markers with no finding there, and
 * findings no marker points at.
 */
export function unmatched(markers: Marker[], findings: Finding[]): { missing: Marker[]; extra: Finding[] } {
  const left = [...findings];
  const missing: Marker[] = [];
  // Exact markers first, so a single caret cannot take the finding a longer marker needs.
  for (const m of [...markers].sort((a, b) => (b.length ?? 0) - (a.length ?? 0))) {
    const i = left.findIndex((f) => marks(m, f));
    if (i < 0) missing.push(m);
    else left.splice(i, 1);
  }
  return { missing, extra: left };
}

/** The example with caret lines drawn for these findings: what the docs page should say. */
export function drawMarkers(text: string, findings: Finding[]): string {
  const lines = text.split('\n');
  const under = new Map<number, string[]>();
  for (const f of findings) {
    const width = f.end.line === f.start.line && f.end.column - f.start.column > 1 ? f.end.column - f.start.column : 1;
    const carets = `${' '.repeat(f.start.column)}${'^'.repeat(width)} ${f.message.split(/[.;:]/)[0]}`;
    under.set(f.start.line, [...(under.get(f.start.line) ?? []), carets]);
  }
  return lines.flatMap((l, i) => [l, ...(under.get(i) ?? [])]).join('\n');
}
