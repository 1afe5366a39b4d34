import { stripCritic } from './critic';
import { normalise } from './text';
import type { Framework, FrameworkSection, Section } from './types';

export interface SectionMatch {
  def: FrameworkSection;
  /** 3 exact, 2 starts with the alias, 1 contains it. */
  score: number;
}

const NUMBERING = /^(?:(?:part|step|section|stage)\s+)?(?:\d+(?:\.\d+)*|[ivx]+)\s*[.):–—-]?\s+/;

/**
 * Reduce a heading or label to the words that name it: "1. Task:", "S – Situation",
 * "Step 3) The action I took (AC 2.1)" become "task", "situation", "the action i took".
 */
export function headingKey(raw: string): string {
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

const cache = new WeakMap<Framework, { alias: string; def: FrameworkSection }[]>();

/** Every name of every section, normalised, longer first (so "action plan" wins over "action"). */
function aliasesOf(framework: Framework): { alias: string; def: FrameworkSection }[] {
  let list = cache.get(framework);
  if (!list) {
    list = [];
    for (const def of framework.sections) {
      for (const a of new Set([def.name, def.id.replace(/-/g, ' '), ...def.aliases])) list.push({ alias: normalise(a), def });
    }
    // Stable: of equal lengths, the framework's order.
    list.sort((x, y) => y.alias.length - x.alias.length);
    cache.set(framework, list);
  }
  return list;
}

// What may follow an alias at the start of a key for it to count as the label ("action: …").
const AFTER_ALIAS = /^[\s:–—-]/;

/**
 * Which framework section a heading (or a label) names, if any: the best score over every alias (3 the whole
 * key, 2 a prefix of it ending at a separator, 1 — in headings only — a run of its words), and of equal scores
 * the best-ranked alias.
 */
export function matchSection(framework: Framework, raw: string, mode: 'heading' | 'label'): SectionMatch | undefined {
  const key = headingKey(raw);
  if (!key || key.length > 80) return undefined;
  let best: SectionMatch | undefined;
  const keyWords = key.split(' ').length;
  const padded = ` ${key} `;
  for (const { alias, def } of aliasesOf(framework)) {
    let score = 0;
    if (key === alias) score = 3;
    else if (key.startsWith(alias) && AFTER_ALIAS.test(key[alias.length] ?? '')) score = 2;
    else if (mode === 'heading' && keyWords <= 6 && alias.length >= 5 && padded.includes(` ${alias} `)) score = 1;
    if (score > (best?.score ?? 0)) best = { def, score };
    if (score === 3) break;
  }
  return best;
}

/** "your Result", or for an inferred section "what reads as your Result (no heading)": how messages name a section. */
export function placeOf(s: Section): string {
  return s.inferred ? `what reads as your ${s.def.name} (no heading)` : `your ${s.def.name}`;
}

/** placeOf, to start a sentence. */
export function PlaceOf(s: Section): string {
  const p = placeOf(s);
  return p[0].toUpperCase() + p.slice(1);
}
