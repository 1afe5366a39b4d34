// Whose story the account tells, and whether it tells one event: counts over the narrative (not the
// reflection) that collective-voice, third-person-account and no-real-event share, made once per model.
import { isAsciiLetter, wordCharAt } from '../../core/text';
import type { AccountModel, Span } from '../../core/types';
import { narrative, narrativeWords } from './scope';
import { eachMatch, upTo } from './text';

// "I" is case-sensitive (a lone lower-case "i" is a typo or a list marker); the collective subjects are not.
// The whole definition (the tests hold the split search below to it):
export const SUBJECTS = /\b(?:(I)(?![\p{L}\p{N}])|([Ww][Ee])\b|(?:[Tt]he|[Oo]ur|[Mm]y)\s+(?:team|company|organi[sz]ation|business|department|branch|store|office|staff)\b(?!\s+members?\b))/gu;
// Its collective half; "I" is counted by a native search, as the regex stopping at each of dozens of them
// per Action cost more than the rest of the rule. The two halves' matches never overlap.
const COLLECTIVE = /\b(?:([Ww][Ee])\b|(?:[Tt]he|[Oo]ur|[Mm]y)\s+(?:team|company|organi[sz]ation|business|department|branch|store|office|staff)\b(?!\s+members?\b))/gu;
// \b here is ASCII (/u without /i): a word character is [A-Za-z0-9_].
const isAsciiWord = (c: number) => (c >= 48 && c <= 57) || isAsciiLetter(c) || c === 95;

/** Lone "I"s and collective subjects in [start, end) of text, as SUBJECTS finds them; the first `keep` collective spans. */
export function subjects(text: string, start: number, end: number, keep: number): { i: number; we: number; collective: Span[] } {
  const bounded = upTo(text, end);
  let i = 0;
  for (let p = bounded.indexOf('I', start); p >= 0; p = bounded.indexOf('I', p + 1)) {
    if (p > 0 && isAsciiWord(bounded.charCodeAt(p - 1))) continue;
    // (?![\p{L}\p{N}]): no letter or digit (a whole code point, within the range) right after.
    if (wordCharAt(bounded, p + 1, bounded.length)) continue;
    i++;
  }
  let we = 0;
  const collective: Span[] = [];
  eachMatch(COLLECTIVE, text, start, end, (m) => {
    we++;
    if (collective.length < keep) collective.push({ start: m.index, end: m.index + m[0].length });
  });
  return { i, we, collective };
}


/** A role word as the subject of a verb: "the nurse apologised", "the team member needed", "the adviser was". */
const ROLE = new RegExp(
  '\\b([Tt]he\\s+(?:[A-Za-z-]+\\s+)?' +
    '(?:advis[oe]rs?|agents?|nurses?|apprentices?|team\\s+members?|staff\\s+members?|colleagues?|carers?|care\\s+workers?|support\\s+workers?|' +
    'receptionists?|stylists?|assistants?|employees?|learners?|trainees?|technicians?|engineers?|officers?|operators?|representatives?|' +
    'call\\s+handlers?|cashiers?|waiters?|waitress(?:es)?|baristas?|practitioners?|hairdressers?|administrators?|clerks?|workers?|volunteers?))' +
    '(?:\\s+(?:then|also|first|quickly|immediately|\\w+ly))?' +
    '\\s+(?:[a-z]+ed|was|were|had|did|went|gave|told|said|made|took|put|rang|spoke|sent|kept|got|found|saw|wrote|brought|paid|left|began|' +
    'will|would|could|should|must|is|has|needs?|asks?|calls?|checks?|explains?|apologises?|offers?)\\b',
  'g',
);

// What someone usually does, would do, or is like — not what they did once.
const HABITUAL = new RegExp(
  [
    "\\bI(?:\\s+would|['’]d)(?!\\s+(?:like|love|recommend|say|prefer|rather|have\\s+liked))\\b",
    '\\bI\\s+(?:always|usually|normally|generally|typically|often|tend\\s+to|never|will\\s+always|try\\s+to\\s+always|make\\s+sure\\s+(?:I|that|every|all|customers?|patients?|clients?))\\b',
    '\\bI\\s+am\\s+(?:a|an|very|really|quite|extremely|always|good|great|patient|calm|reliable|organised|organized|confident|friendly|polite|professional|approachable|hard-working|hardworking)\\b',
    "\\bI\\s+(?:have|['’]ve\\s+got)\\s+(?:excellent|good|great|strong|brilliant)\\b",
    '\\b(?:whenever|every\\s+(?:day|time|morning|afternoon|evening|shift|week)|each\\s+(?:day|time|morning|afternoon|evening|shift|week))\\b',
    '\\b(?:if|when)\\s+(?:(?:a|an)\\s+(?:customer|patient|client|caller|resident|guest|visitor|person|member\\s+of\\s+the\\s+public)|someone|somebody|anyone)\\b',
  ].join('|'),
  'gi',
);

// A past-tense event with a subject: "I called", "she said", "the customer rang", "Priya then checked".
const PAST = new RegExp(
  '\\b(?:I|[Ss]he|[Hh]e|[Tt]hey|[Ww]e|[Tt]he\\s+[a-z]+|[A-Z][a-z]+)' +
    '\\s+(?:(?:then|also|immediately|quickly|first|just|finally|later|straight\\s+away|[a-z]+ly)\\s+)?' +
    '(?:[a-z]+ed|was|were|had|did|said|told|rang|came|went|took|gave|made|got|found|saw|spoke|sent|knew|left|brought|bought|paid|put|kept|' +
    'wrote|began|ran|sat|stood|heard|met|lost|became|chose|rang|set|read|led|drove|hung|sold|won|understood)\\b',
  'g',
);

// When one event happened: "on Tuesday", "last week", "one morning", "in June 2026", "on 24 June", "14/03".
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)';
const DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const WHEN = new RegExp(
  [
    `\\b(?:on|last|one|that|this|next)\\s+${DAY}\\b`,
    `\\b(?:last|one|that|this|yesterday)\\s+(?:week|month|year|morning|afternoon|evening|night|day|shift|weekend|summer|winter|spring|autumn|Christmas)\\b`,
    '\\byesterday\\b',
    '\\b(?:a|two|three|a\\s+few|several)\\s+(?:days|weeks|months)\\s+ago\\b',
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\b`,
    `\\b${MONTH}\\s+(?:\\d{1,2}(?:st|nd|rd|th)?|\\d{4})\\b`,
    `\\bin\\s+${MONTH}\\b`,
    '\\b\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?\\b',
  ].join('|'),
  'i',
);
// A verb in the past anywhere in a sentence: with a time anchor, the sentence tells one event.
const ANY_PAST = /\b(?:[a-z]{2,}ed|was|were|had|did|said|told|rang|came|went|took|gave|made|got|found|saw|spoke|sent|left|brought|paid|kept|wrote|began|met)\b/;

// Sentences that reflect or plan rather than tell: not counted as events.
const REFLECTING = /\b(?:learn(?:ed|t)|realis(?:ed|e)|realiz(?:ed|e)|next\s+time|in\s+(?:the\s+)?future|going\s+forward|from\s+now\s+on|I\s+(?:felt|think|thought|believe))\b/i;

const ME = /\b(?:me|my|myself)\b/gi;
const OURSELVES = /\b(?:[Ww][Ee]|[Oo]ur\s+team|[Mm]y\s+team)\b/g;

// Cheap sentence pieces: up to a full stop, question or exclamation mark, or a line break.
const SENTENCE = /[^.!?\r\n]+[.!?]*/g;

export interface Voice {
  /** The narrative: the preamble and every section that is not reflective (with none, the whole text). */
  spans: Span[];
  /** Words in the narrative. */
  words: number;
  /** Lone "I"s and collective subjects ("we", "the team", …) in the narrative. */
  i: number;
  we: number;
  /** "me", "my", "myself": the writer there, if not as the subject. */
  me: number;
  /** Habitual, conditional or self-describing phrases ("I always", "I would", "I am very patient"). */
  habitual: Span[];
}

export interface ThirdPerson {
  /** "We", "our team", "my team": collective subjects that include the writer. */
  ourselves: number;
  /** A role word as a subject: the spans of "the advisor" in "the advisor called". */
  roles: Span[];
}

/** Counted only as far as noRealEvent needs: exact when it finds no real event. */
export interface Events {
  /** Sentences that tell a past event and are not habitual or reflective. */
  events: number;
  /** Of the sentences that are not habitual or reflective, the past-tense ones that say when it happened. */
  anchored: number;
}

// Counted once per model; the costlier counts only for the few accounts the cheap ones single out.
const voices = new WeakMap<AccountModel, Voice>();
const thirds = new WeakMap<AccountModel, ThirdPerson>();
const events = new WeakMap<AccountModel, Events>();

export function voiceOf(account: AccountModel): Voice {
  let v = voices.get(account);
  if (v) return v;
  const prose = account.prose;
  const spans = narrative(account);
  v = { spans, words: narrativeWords(account), i: 0, we: 0, me: 0, habitual: [] };
  for (const span of spans) {
    const s = subjects(prose, span.start, span.end, 0);
    v.i += s.i;
    v.we += s.we;
    const voice = v;
    eachMatch(ME, prose, span.start, span.end, () => voice.me++);
    const habitual = v.habitual;
    eachMatch(HABITUAL, prose, span.start, span.end, (m) => habitual.push({ start: m.index, end: m.index + m[0].length }));
  }
  voices.set(account, v);
  return v;
}

/** Few "I"s (or "me", "my"): at most one, or one per 150 words. */
const fewI = (v: Voice) => v.i + v.me <= Math.max(1, Math.floor(v.words / 150));

function thirdPersonOf(account: AccountModel): ThirdPerson {
  let t = thirds.get(account);
  if (t) return t;
  const prose = account.prose;
  t = { ourselves: 0, roles: [] };
  const found = t;
  for (const span of voiceOf(account).spans) {
    eachMatch(OURSELVES, prose, span.start, span.end, () => found.ourselves++);
    eachMatch(ROLE, prose, span.start, span.end, (m) => found.roles.push({ start: m.index, end: m.index + m[1].length }));
  }
  thirds.set(account, t);
  return t;
}

/**
 * "I" is rare and someone else ("the advisor"), no one (the passive) or hardly "we" carries the story: the
 * role words found, or undefined when it is not so.
 */
export function thirdPerson(account: AccountModel): (Voice & ThirdPerson) | undefined {
  const v = voiceOf(account);
  if (v.words < 60 || !fewI(v)) return undefined;
  const t = thirdPersonOf(account);
  // "The branch" or "the company" is as much third person as "the adviser"; "we" includes the writer.
  // With no role words it is the passive: only a story of some length can be judged so.
  const carried = t.roles.length >= 2 || (t.ourselves <= 1 && v.words >= 100);
  return t.roles.length >= t.ourselves && carried ? { ...v, ...t } : undefined;
}

function eventsOf(account: AccountModel): Events {
  const known = events.get(account);
  if (known) return known;
  const prose = account.prose;
  const v = voiceOf(account);
  const e: Events = { events: 0, anchored: 0 };
  let h = 0;
  // Counting stops once the account is plainly told as events (noRealEvent's answer can no longer change).
  const settled = () => e.anchored > 0 || e.events * 2 >= v.habitual.length;
  for (const span of v.spans) {
    if (settled()) break;
    const bounded = upTo(prose, span.end);
    SENTENCE.lastIndex = span.start;
    for (let m = SENTENCE.exec(bounded); m; m = SENTENCE.exec(bounded)) {
      const end = m.index + m[0].length;
      // Habitual phrases are in order: skip those before this sentence, and leave out a sentence holding one.
      while (h < v.habitual.length && v.habitual[h].end <= m.index) h++;
      if (h < v.habitual.length && v.habitual[h].start < end) continue;
      const sentence = m[0];
      if (REFLECTING.test(sentence)) continue;
      PAST.lastIndex = 0;
      if (PAST.test(sentence)) e.events++;
      if (WHEN.test(sentence) && ANY_PAST.test(sentence)) e.anchored++;
      if (settled()) break;
    }
  }
  events.set(account, e);
  return e;
}

/**
 * Habitual or self-describing writing throughout, hardly a past event told, and none said to happen at a
 * time: the counts, or undefined when it is not so.
 */
export function noRealEvent(account: AccountModel): (Voice & Events) | undefined {
  const v = voiceOf(account);
  if (v.habitual.length < 4) return undefined;
  const e = eventsOf(account);
  return e.events * 2 < v.habitual.length && e.anchored === 0 ? { ...v, ...e } : undefined;
}
