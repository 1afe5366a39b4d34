import { stripCritic } from './critic';
import { normalise } from './text';
import type { Framework, FrameworkSection } from './types';

export interface SectionMatch {
  def: FrameworkSection;
  /** 3 exact, 2 starts with the alias, 1 contains it. */
  score: number;
}

/**
 * Reduce a heading or label to the words that name it: "1. Task:", "S – Situation",
 * "Step 3) The action I took (AC 2.1)" become "task", "situation", "the action i took".
 */
export function headingKey(raw: string): string {
  // Most labels and headings are plain words ("The action I took", "Outcome"): only the numbering rule can
  // change those, so skip the other passes.
  if (PLAIN.test(raw)) {
    const s = raw.toLowerCase();
    return NUMBERING.test(s) ? s.replace(NUMBERING, '') : s;
  }
  return headingKeyFull(raw);
}

const PLAIN = /^[A-Za-z]+(?: [A-Za-z]+)*$/;
const NUMBERING = /^(?:(?:part|step|section|stage)\s+)?(?:\d+(?:\.\d+)*|[ivx]+)\s*[.):–—-]?\s+/;

/** headingKey by every rule, for any text (exported for the test that holds the fast path to it). */
export function headingKeyFull(raw: string): string {
  let s = normalise(stripCritic(raw));
  s = s.replace(/\(.*?\)|\[.*?\]/g, ' ');
  s = s.replace(/\bacs?\s*\d+(?:\.\d+)+(?:\s*[,&/]\s*\d+(?:\.\d+)+)*/g, ' ');
  s = s.replace(/[*_`#>]+/g, ' ');
  s = s.replace(NUMBERING, '');
  // A single framework letter in front: "S – Situation", "R: Reflection".
  s = s.replace(/^[a-z]\s*[.):–—-]\s*(?=[a-z]{2})/, '');
  s = s.replace(/^(?:\d+|[a-z])\s*[.)]\s*/, '');
  s = s.replace(/[\s:.;,!?–—-]+$/g, '');
  return s.replace(/\s+/g, ' ').trim();
}

const cache = new WeakMap<Framework, { alias: string; def: FrameworkSection; words: number }[]>();

function aliasesOf(framework: Framework) {
  let list = cache.get(framework);
  if (!list) {
    list = [];
    for (const def of framework.sections) {
      for (const a of new Set([def.name, def.id.replace(/-/g, ' '), ...def.aliases])) {
        const alias = normalise(a);
        list.push({ alias, def, words: alias.split(' ').length });
      }
    }
    // Longer aliases first, so "action plan" wins over "action".
    list.sort((x, y) => y.alias.length - x.alias.length);
    cache.set(framework, list);
  }
  return list;
}

// The same few headings recur in every account of a portfolio: remember the answers (per framework, bounded).
const memo = new WeakMap<Framework, Map<string, SectionMatch | null>>();
const MEMO_SIZE = 500;

/** Which framework section a heading (or a label) names, if any. */
export function matchSection(framework: Framework, raw: string, mode: 'heading' | 'label'): SectionMatch | undefined {
  let m = memo.get(framework);
  if (!m) memo.set(framework, (m = new Map()));
  const k = `${mode === 'heading' ? 'h' : 'l'}${raw}`;
  const hit = m.get(k);
  if (hit !== undefined) return hit ?? undefined;
  const found = computeMatch(framework, raw, mode);
  if (m.size >= MEMO_SIZE) m.clear();
  // Frozen: every caller shares the object.
  m.set(k, found ? Object.freeze(found) : null);
  return found;
}

function computeMatch(framework: Framework, raw: string, mode: 'heading' | 'label'): SectionMatch | undefined {
  const key = headingKey(raw);
  if (!key || key.length > 80) return undefined;
  let best: SectionMatch | undefined;
  const keyWords = key.split(' ').length;
  const padded = ` ${key} `;
  for (const { alias, def } of aliasesOf(framework)) {
    let score = 0;
    if (key === alias) score = 3;
    else if (key.startsWith(alias) && /^[\s:–—-]/.test(key.slice(alias.length))) score = 2;
    else if (mode === 'heading' && keyWords <= 6 && alias.length >= 5 && padded.includes(` ${alias} `)) score = 1;
    if (score > (best?.score ?? 0)) best = { def, score };
    if (score === 3) break;
  }
  return best;
}
