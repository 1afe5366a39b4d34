import structureData from '../../../data/structure.yaml?data';
import { normalise } from '../text';
import type { Framework, FrameworkSection, SectionKind } from '../types';

interface StructureData {
  classes: Record<string, { cue: string; weight: number }[]>;
  sections: { byKind: Record<SectionKind, string[]>; overrides?: Record<string, string[]> };
  names: Record<string, string[]>;
}

export interface Cues {
  /** Class ids, in the order of the data file. */
  classes: string[];
  /** All cues as one regex, one capture group per cue, so a unit of text is read in a single pass. */
  scan: RegExp;
  /** For each capture group (1-based), the class index and weight. */
  groups: { cls: number; weight: number }[];
  /** Naming words: whole words (`exact`) and word starts (`prefix`), each with its class index and length in words. */
  names: { words: string[]; prefix: boolean; cls: number }[];
  sectionClasses: (framework: Framework, def: FrameworkSection) => number[];
}

let compiled: Cues | undefined;

/** The bundled cues, compiled once. A cue with capture groups of its own is refused: group numbers must stay right. */
export function cues(): Cues {
  if (compiled) return compiled;
  const data = structureData as StructureData;
  const classes = Object.keys(data.classes);
  const parts: string[] = [];
  const groups: Cues['groups'] = [];
  classes.forEach((c, cls) => {
    for (const { cue, weight } of data.classes[c]) {
      if (new RegExp(`${cue}|`, 'iu').exec('')!.length !== 1) throw new Error(`data/structure.yaml: the cue ${cue} has a capture group; write (?:…)`);
      parts.push(`(${cue})`);
      groups.push({ cls, weight });
    }
  });
  const names: Cues['names'] = [];
  for (const [c, list] of Object.entries(data.names)) {
    const cls = classes.indexOf(c);
    if (cls < 0) throw new Error(`data/structure.yaml: names for unknown class ${c}`);
    for (const n of list) {
      const prefix = n.endsWith('*');
      names.push({ words: (prefix ? n.slice(0, -1) : n).split(' '), prefix, cls });
    }
  }
  const byKey = new Map<string, number[]>();
  const indexes = (list: string[]) =>
    list.map((c) => {
      const i = classes.indexOf(c);
      if (i < 0) throw new Error(`data/structure.yaml: unknown class ${c}`);
      return i;
    });
  const byKind = Object.fromEntries(Object.entries(data.sections.byKind).map(([k, v]) => [k, indexes(v)])) as Record<SectionKind, number[]>;
  for (const [k, v] of Object.entries(data.sections.overrides ?? {})) byKey.set(k, indexes(v));
  compiled = {
    classes,
    // No unicode flag unless a cue needs it: /iu makes V8 fold case by Unicode tables, about 30 times slower here.
    scan: new RegExp(parts.join('|'), parts.some((p) => /\\[pPu]\{/.test(p)) ? 'giu' : 'gi'),
    groups,
    names,
    sectionClasses: (framework, def) => byKey.get(`${framework.id}/${def.id}`) ?? byKind[def.kind] ?? [],
  };
  return compiled;
}

/** Each class's score for prose[start, end): the sum of the weights of the cues that match there. */
export function scoreText(prose: string, start: number, end: number): Float64Array {
  const c = cues();
  const out = new Float64Array(c.classes.length);
  const piece = prose.slice(start, end);
  const re = c.scan;
  re.lastIndex = 0;
  for (let m = re.exec(piece); m; m = re.exec(piece)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    for (let g = 1; g < m.length; g++) {
      if (m[g] !== undefined) {
        const { cls, weight } = c.groups[g - 1];
        out[cls] += weight;
        break;
      }
    }
  }
  return out;
}

/**
 * The class a heading, label or form question names ("What did you learn?", "How I felt"): the naming word or
 * phrase with the most words; of equal lengths, the one that comes first in the text.
 */
export function nameClass(raw: string): number | undefined {
  const words = normalise(raw)
    .replace(/[^a-z' ]+/g, ' ')
    .split(' ')
    .filter(Boolean);
  if (!words.length || words.length > 16) return undefined;
  let best: number | undefined;
  let bestLen = 0;
  let bestAt = Infinity;
  for (const n of cues().names) {
    const len = n.words.length;
    if (len < bestLen) continue;
    for (let i = 0; i + len <= words.length; i++) {
      let ok = true;
      for (let j = 0; j < len && ok; j++) {
        const w = words[i + j];
        const want = n.words[j];
        ok = j === len - 1 && n.prefix ? w.startsWith(want) : w === want;
      }
      if (!ok) continue;
      if (len > bestLen || i < bestAt) {
        best = n.cls;
        bestLen = len;
        bestAt = i;
      }
      break;
    }
  }
  return best;
}
