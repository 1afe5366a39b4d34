// How deep an account's reflection goes, judged from the moves its sentences make (eval/LABELLING.md's grades).
import cuesData from '../../data/lexicons/reflection-cues.yaml?data';
import { lexicon } from './data';
import { phrasePattern } from './text';
import type { AccountModel, Section, Span } from './types';

export type DepthGrade = 'none' | 'descriptive' | 'shallow' | 'deep';
export const DEPTH_GRADES: readonly DepthGrade[] = ['none', 'descriptive', 'shallow', 'deep'];

/** What a reflection may do; `change` is concrete (made already, or planned with a when or how), `intention` is not. */
export type ReflectiveMove = 'evaluation' | 'counterfactual' | 'perspective' | 'learning' | 'change' | 'intention';
export const REFLECTIVE_MOVES: readonly ReflectiveMove[] = ['evaluation', 'counterfactual', 'perspective', 'learning', 'change', 'intention'];

export interface ReflectionDepth {
  depth: DepthGrade;
  /** The moves found, in REFLECTIVE_MOVES order. */
  moves: ReflectiveMove[];
  /** What a deep reflection has that this one lacks: evaluation with reasons and a concrete change (empty when deep). */
  missing: ReflectiveMove[];
}

/** Plain words for each grade, shared by every place the depth is shown. */
export const DEPTH_TEXT: Record<DepthGrade, { label: string; explain: string }> = {
  none: { label: 'No reflection', explain: 'There is no reflection yet.' },
  descriptive: { label: 'Descriptive', explain: 'It retells what happened or how it felt, without judging why, a lesson or a change.' },
  shallow: { label: 'Shallow', explain: 'It states a lesson or an intention, but without reasons or a concrete change.' },
  deep: { label: 'Deep', explain: 'It judges why things went as they did and names a concrete change in practice.' },
};

/** Each move in plain words: in short ("needs …"), as found ("it …"), as missing ("does not yet …"), and how to add it. */
export const MOVE_TEXT: Record<ReflectiveMove, { short: string; found: string; missing: string; add: string }> = {
  evaluation: {
    short: 'reasons',
    found: 'judges why things went as they did',
    missing: 'judge why things went as they did',
    add: 'judge what worked or did not and why ("The call-back worked because I had the figures ready")',
  },
  counterfactual: { short: 'a counterfactual', found: 'weighs what would have happened otherwise', missing: 'weigh what would have happened otherwise', add: 'say what you could have done instead ("If I had…")' },
  perspective: { short: "another person's view", found: "sees it from another person's point of view", missing: "see it from another person's point of view", add: 'say how it looked to the other person' },
  learning: { short: 'a lesson', found: 'says what was learned', missing: 'say what you learned', add: 'say what you learned ("It showed me that…")' },
  change: {
    short: 'a concrete change',
    found: 'names a concrete change in practice',
    missing: 'name a concrete change in your practice',
    add: 'name one concrete change, made or planned, with when or how ("I now check the log every Monday instead of…", "Next time I will ring before 10am")',
  },
  intention: { short: 'an intention', found: 'states an intention', missing: 'say what you will do differently', add: 'say what you will do differently' },
};

const REQUIRED: ReflectiveMove[] = ['evaluation', 'change'];

type Cue = 'evaluative' | 'reason' | 'reasoned' | 'counterfactual' | 'consequence' | 'perspective' | 'learning' | 'change-made' | 'cognitive' | 'plan' | 'specific' | 'generic' | 'same-again';
const CUES: Cue[] = ['evaluative', 'reason', 'reasoned', 'counterfactual', 'consequence', 'perspective', 'learning', 'change-made', 'cognitive', 'plan', 'specific', 'generic', 'same-again'];

let compiled: [Cue, RegExp][] | undefined;

function cueRegexes(): [Cue, RegExp][] {
  if (compiled) return compiled;
  const parts = new Map<Cue, string[]>(CUES.map((c) => [c, []]));
  for (const e of lexicon(cuesData).entries) {
    const source = e.pattern ?? phrasePattern(e.phrase ?? '');
    // Whole words: \b before a cue that starts with a word; one that starts with a quote mark or a lookbehind
    // sets its own start. Plain \b, no unicode flag: the cues are English, and this keeps the scan cheap.
    parts.get(e.category as Cue)?.push(/^(?:\[|\(\?<[=!])/.test(source) ? source : `\\b${source}`);
  }
  compiled = [...parts].filter(([, p]) => p.length).map(([c, p]) => [c, new RegExp(`(?:${p.join('|')})(?![A-Za-z0-9_])`, 'i')]);
  return compiled;
}

/** The moves one sentence makes. */
export function sentenceMoves(sentence: string): Set<ReflectiveMove> {
  const at = new Map<Cue, number>();
  for (const [c, re] of cueRegexes()) {
    const m = re.exec(sentence);
    if (m) at.set(c, m.index);
  }
  const has = (c: Cue) => at.has(c);
  const out = new Set<ReflectiveMove>();
  // A judgement then its reason ("it worked because…", or "Because…, it worked"), not a feeling explained
  // ("I was nervous because… but she helped"); or what would have followed otherwise ("if I had…, we would have…").
  const reason = at.get('reason');
  const judged = reason !== undefined && has('evaluative') && (at.get('evaluative')! < reason || reason === 0);
  // "I could not have done anything differently" denies another course: no counterfactual, no evaluation.
  const otherwise = has('counterfactual') && !has('same-again');
  if (has('reasoned') || judged || (otherwise && has('consequence'))) out.add('evaluation');
  if (otherwise) out.add('counterfactual');
  if (has('perspective')) out.add('perspective');
  if (has('learning') || has('cognitive')) out.add('learning');
  if (has('change-made') && !has('cognitive')) out.add('change');
  else if (has('plan') && !has('same-again')) out.add(has('specific') && !has('generic') ? 'change' : 'intention');
  return out;
}

/** The reflective sections that hold words: all of Gibbs's reflective stages count together. */
export function reflectiveSections(account: AccountModel): Section[] {
  return account.sections.filter((s) => s.def.kind === 'reflective' && s.words > 0);
}

/** The grade for a set of moves found together. */
export function gradeMoves(moves: ReadonlySet<ReflectiveMove>): DepthGrade {
  if (moves.has('evaluation') && moves.has('change')) return 'deep';
  if (moves.has('learning') || moves.has('change') || moves.has('intention') || moves.has('counterfactual') || moves.has('evaluation')) return 'shallow';
  return 'descriptive';
}

/** Judge the moves made by the sentences in `spans` of `prose`. */
export function judgeReflection(prose: string, sentences: readonly Span[]): ReflectionDepth {
  const found = new Set<ReflectiveMove>();
  for (const s of sentences) {
    const sentence = prose.slice(s.start, s.end);
    // A question is a form's prompt ("What would you do differently?"), not a move of the writer's.
    if (sentence.endsWith('?')) continue;
    for (const m of sentenceMoves(sentence)) found.add(m);
  }
  const depth = gradeMoves(found);
  const moves = REFLECTIVE_MOVES.filter((m) => found.has(m));
  return { depth, moves, missing: depth === 'deep' ? [] : REQUIRED.filter((m) => !found.has(m)) };
}

// Where a sentence ends: a full stop, question or exclamation mark before a space (a quote or bracket may come
// between), a blank line, or a new list item.
const SENTENCE_END = /[.!?]+["”’')\]]*(?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+•]|\d+[.)])\s)/g;

/**
 * The sentences of [start, end) of the prose, found by their end marks. Cheaper than the section's own
 * sentences (a locale-aware segmenter), and exact enough for cues read one sentence at a time.
 */
export function roughSentences(prose: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(prose[a])) a++;
    while (b > a && /\s/.test(prose[b - 1])) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  let from = start;
  SENTENCE_END.lastIndex = start;
  for (let m = SENTENCE_END.exec(prose); m && m.index < end; m = SENTENCE_END.exec(prose)) {
    const e = Math.min(end, m.index + m[0].length);
    push(from, e);
    from = e;
  }
  push(from, end);
  return out;
}

const cache = new WeakMap<AccountModel, ReflectionDepth>();

/** How deep the account's reflection goes, from the moves its reflective sections make (computed once per account). */
export function reflectionDepth(account: AccountModel): ReflectionDepth {
  let r = cache.get(account);
  if (r) return r;
  const sections = reflectiveSections(account);
  r = sections.length ? judgeReflection(account.prose, sections.flatMap((s) => roughSentences(account.prose, s.body.start, s.body.end))) : { depth: 'none', moves: [], missing: [...REQUIRED] };
  cache.set(account, r);
  return r;
}
