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

const cache = new WeakMap<Framework, { alias: string; padded: string; def: FrameworkSection; words: number }[]>();

function aliasesOf(framework: Framework) {
  let list = cache.get(framework);
  if (!list) {
    list = [];
    for (const def of framework.sections) {
      for (const a of new Set([def.name, def.id.replace(/-/g, ' '), ...def.aliases])) {
        const alias = normalise(a);
        list.push({ alias, padded: ` ${alias} `, def, words: alias.split(' ').length });
      }
    }
    // Longer aliases first, so "action plan" wins over "action".
    list.sort((x, y) => y.alias.length - x.alias.length);
    cache.set(framework, list);
  }
  return list;
}

// The same few headings recur in every account of a portfolio: remember the answers, per framework. Two
// generations (a cheap LRU): a full young map becomes the old one, so one-off headings ("Account 37") age
// out while the recurring ones are carried forward on use.
interface Memo {
  young: Map<string, SectionMatch | null>;
  old: Map<string, SectionMatch | null>;
}
const memos = new WeakMap<Framework, Memo>();
const MEMO_SIZE = 500;

/** Which framework section a heading (or a label) names, if any. */
export function matchSection(framework: Framework, raw: string, mode: 'heading' | 'label'): SectionMatch | undefined {
  let memo = memos.get(framework);
  if (!memo) memos.set(framework, (memo = { young: new Map(), old: new Map() }));
  const k = `${mode === 'heading' ? 'h' : 'l'}${raw}`;
  let hit = memo.young.get(k);
  if (hit === undefined) {
    hit = memo.old.get(k);
    if (hit === undefined) {
      const found = computeMatch(framework, raw, mode);
      // Frozen: every caller shares the object.
      hit = found ? Object.freeze(found) : null;
    }
    if (memo.young.size >= MEMO_SIZE) {
      memo.old = memo.young;
      memo.young = new Map();
    }
    memo.young.set(k, hit);
  }
  return hit ?? undefined;
}

// What may follow an alias at the start of a key for it to count as the label ("action: …").
const AFTER_ALIAS = /^[\s:–—-]/;

function computeMatch(framework: Framework, raw: string, mode: 'heading' | 'label'): SectionMatch | undefined {
  const key = headingKey(raw);
  if (!key || key.length > 80) return undefined;
  let best: SectionMatch | undefined;
  const keyWords = key.split(' ').length;
  const padded = ` ${key} `;
  for (const { alias, padded: word, def } of aliasesOf(framework)) {
    let score = 0;
    if (key === alias) score = 3;
    else if (key.startsWith(alias) && AFTER_ALIAS.test(key[alias.length] ?? '')) score = 2;
    else if (mode === 'heading' && keyWords <= 6 && alias.length >= 5 && padded.includes(word)) score = 1;
    if (score > (best?.score ?? 0)) best = { def, score };
    if (score === 3) break;
  }
  return best;
}
