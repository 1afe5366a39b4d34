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
  // Most labels and headings are plain words ("The action I took", "Outcome", "Account 3"): only the
  // numbering rule can change those, so skip the other passes.
  if (PLAIN.test(raw)) {
    const s = raw.toLowerCase();
    return NUMBERING.test(s) ? s.replace(NUMBERING, '') : s;
  }
  return headingKeyFull(raw);
}

// Letters and digits in words with single spaces ("Reflective account 3"): none of the other passes can apply.
const PLAIN = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;
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

interface Alias {
  alias: string;
  def: FrameworkSection;
  /** Place in `list` (longer aliases first): of two aliases that score alike, the earlier wins. */
  rank: number;
}

interface Aliases {
  list: Alias[];
  /** Each alias text, to its first (best-ranked) entry. */
  byText: Map<string, Alias>;
}

const cache = new WeakMap<Framework, Aliases>();

function aliasesOf(framework: Framework): Aliases {
  let aliases = cache.get(framework);
  if (!aliases) {
    const list: Alias[] = [];
    for (const def of framework.sections) {
      for (const a of new Set([def.name, def.id.replace(/-/g, ' '), ...def.aliases])) {
        const alias = normalise(a);
        list.push({ alias, def, rank: 0 });
      }
    }
    // Longer aliases first, so "action plan" wins over "action".
    list.sort((x, y) => y.alias.length - x.alias.length);
    const byText = new Map<string, Alias>();
    list.forEach((a, rank) => {
      a.rank = rank;
      if (!byText.has(a.alias)) byText.set(a.alias, a);
    });
    aliases = { list, byText };
    cache.set(framework, aliases);
  }
  return aliases;
}

// The same few headings recur in every account of a portfolio: remember the answers, per framework. Two
// generations (a cheap LRU): a full young map becomes the old one, so one-off headings ("Account 37") age
// out while the recurring ones are carried forward on use.
interface Memo {
  young: Map<string, SectionMatch | null>;
  old: Map<string, SectionMatch | null>;
}
// Per framework, one memo for headings and one for labels (keyed by the raw text, so no key is built per lookup).
const memos = new WeakMap<Framework, { heading: Memo; label: Memo }>();
const MEMO_SIZE = 500;

/** Which framework section a heading (or a label) names, if any. */
export function matchSection(framework: Framework, raw: string, mode: 'heading' | 'label'): SectionMatch | undefined {
  let both = memos.get(framework);
  if (!both) memos.set(framework, (both = { heading: { young: new Map(), old: new Map() }, label: { young: new Map(), old: new Map() } }));
  const memo = mode === 'heading' ? both.heading : both.label;
  let hit = memo.young.get(raw);
  if (hit === undefined) {
    hit = memo.old.get(raw);
    if (hit === undefined) {
      const found = computeMatch(framework, raw, mode);
      // Frozen: every caller shares the object.
      hit = found ? Object.freeze(found) : null;
    }
    if (memo.young.size >= MEMO_SIZE) {
      memo.old = memo.young;
      memo.young = new Map();
    }
    memo.young.set(raw, hit);
  }
  return hit ?? undefined;
}

// What may follow an alias at the start of a key for it to count as the label ("action: …").
const AFTER_ALIAS = /^[\s:–—-]/;

/**
 * The best-scoring alias for a heading or label (matchSection without its memo): the highest score, and of equal scores the best-ranked alias,
 * exactly as trying every alias in rank order would give (computeMatchByScan, which a test holds this to). An
 * alias can only score as the whole key (3), a prefix of it ending at a separator (2) or a run of its words (1),
 * so those few slices are looked up instead: most headings name no section and fail in a handful of lookups.
 */
export function computeMatch(framework: Framework, raw: string, mode: 'heading' | 'label'): SectionMatch | undefined {
  const key = headingKey(raw);
  if (!key || key.length > 80) return undefined;
  const { byText } = aliasesOf(framework);
  const exact = byText.get(key);
  if (exact) return { def: exact.def, score: 3 };
  let best: Alias | undefined;
  let bestScore = 0;
  const consider = (a: Alias | undefined, score: number) => {
    if (a && (score > bestScore || (score === bestScore && a.rank < best!.rank))) {
      best = a;
      bestScore = score;
    }
  };
  // Prefixes ending where AFTER_ALIAS matches.
  for (let p = 1; p < key.length; p++) {
    if (AFTER_ALIAS.test(key[p])) consider(byText.get(key.slice(0, p)), 2);
  }
  // Runs of whole words score 1, in headings only; a run at the start that names an alias already scored 2.
  if (mode === 'heading' && bestScore < 2) {
    // Keys have single spaces; at most six words.
    const bounds: number[] = [-1];
    for (let p = key.indexOf(' '); p >= 0; p = key.indexOf(' ', p + 1)) bounds.push(p);
    bounds.push(key.length);
    if (bounds.length - 1 <= 6) {
      for (let i = 0; i < bounds.length - 1; i++) {
        for (let j = i + 1; j < bounds.length; j++) {
          const a = byText.get(key.slice(bounds[i] + 1, bounds[j]));
          if (a && a.alias.length >= 5) consider(a, 1);
        }
      }
    }
  }
  return best ? { def: best.def, score: bestScore } : undefined;
}

/** computeMatch by trying every alias in rank order: the reference the fast path is tested against. */
export function computeMatchByScan(framework: Framework, raw: string, mode: 'heading' | 'label'): SectionMatch | undefined {
  const key = headingKey(raw);
  if (!key || key.length > 80) return undefined;
  let best: SectionMatch | undefined;
  const keyWords = key.split(' ').length;
  const padded = ` ${key} `;
  for (const { alias, def } of aliasesOf(framework).list) {
    let score = 0;
    if (key === alias) score = 3;
    else if (key.startsWith(alias) && AFTER_ALIAS.test(key[alias.length] ?? '')) score = 2;
    else if (mode === 'heading' && keyWords <= 6 && alias.length >= 5 && padded.includes(` ${alias} `)) score = 1;
    if (score > (best?.score ?? 0)) best = { def, score };
    if (score === 3) break;
  }
  return best;
}
