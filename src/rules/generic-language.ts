import lexiconData from '../../data/lexicons/generic-language.yaml?data';
import type { ResolvedConfig } from '../core/config';
import { lexicon } from '../core/data';
import { defineRule } from '../core/rule';
import { escapeRegExp, normalise } from '../core/text';
import { compileLexicon, expandClasses, type CompiledLexicon, type Entry } from './util/lexicon';
import { allowedSpans } from './util/allow';
import { proseQuotes } from './util/text';
import { criterionRefs, unmeasuredClaimOverlaps } from './util/outcome-claims';

/** How each category of the lexicon is named in a message. */
export const CATEGORY_LABELS: Record<string, string> = {
  service: 'service named, not shown',
  'catch-all': 'a catch-all verb',
  communication: 'empathy or communication named, not shown',
  claim: 'a claim with no evidence',
  self: 'self-assessment',
  team: 'a generic team claim',
  learning: 'learning named, not shown',
  filler: 'a hedge or filler',
  buzzword: 'a buzzword',
};

const DEFAULT_SUGGESTION = 'Replace it with what you actually did, saw or measured.';

// Compiled once per distinct phrase setting: by object identity first, then by content, so a config
// rebuilt per call with the same phrases still hits the cache.
const byObject = new WeakMap<object, CompiledLexicon>();
const byKey = new Map<string, CompiledLexicon>();

export function genericLexicon(phrases: ResolvedConfig['phrases']): CompiledLexicon {
  let c = byObject.get(phrases);
  if (c) return c;
  const key = phrases.add.length || phrases.remove.length ? JSON.stringify(phrases) : '';
  c = byKey.get(key);
  if (!c) {
    const removed = phrases.remove.map(normalise);
    // A removed phrase drops the entry that would report it, pattern or phrase ("dealt with" drops the
    // deal-with entry, so "deal with" goes too; the allow list keeps the rest).
    const reports = (e: Entry, p: string) => (e.phrase ? normalise(e.phrase) === p : new RegExp(`^(?:${e.pattern})$`, 'iu').test(p));
    const base: Entry[] = expandClasses(lexicon(lexiconData)).filter((e) => !removed.some((p) => reports(e, p)));
    // Added phrases go first, as patterns: at one place the first alternative that matches wins, so a
    // centre's own phrase (and its suggestion) is never shadowed by a bundled pattern.
    const added: Entry[] = [];
    for (const p of phrases.add) {
      const key = normalise(p.phrase);
      if (!key || removed.includes(key) || added.some((e) => e.phrase === key)) continue;
      const same = base.find((e) => reports(e, key));
      added.push({
        phrase: key,
        pattern: key.split(' ').map((w) => escapeRegExp(w).replace(/'/g, "['’]")).join('\\s+'),
        category: same?.category,
        suggestion: p.suggestion ?? same?.suggestion ?? DEFAULT_SUGGESTION,
      });
    }
    const entries = [...added, ...base.filter((e) => !(e.phrase && added.some((a) => a.phrase === normalise(e.phrase!))))];
    c = compileLexicon(entries);
    if (byKey.size > 50) byKey.clear();
    byKey.set(key, c);
  }
  byObject.set(phrases, c);
  return c;
}

// "My task was to…", "I needed to…": the sentence sets out what the writer meant to do.
const AIM = /\b(?:(?:task|job|role|aim|goal|objective|priority)\s+(?:is|was)|needed|had)\s+to\b[^.!?\n]*$/i;

/** Whether the sentence before `at` states an aim (up to 160 characters back). */
function inAim(prose: string, at: number): boolean {
  return AIM.test(prose.slice(Math.max(0, at - 160), at));
}

// Someone else's words reported ("the manager said we did a great job"): theirs to back up, not the writer's claim.
const REPORTED = /\b(?!I\b)[A-Za-z]+\s+(?:said|says|told\s+(?:me|us)|thought|thinks|wrote|commented|mentioned)(?:\s+that)?\s+$/;

/** Whether the words just before `at` report what someone other than the writer said. */
function reportedSpeech(prose: string, at: number): boolean {
  return REPORTED.test(prose.slice(Math.max(0, at - 40), at));
}

// Acts named where the rest of the sentence then shows them: "I explained everything clearly: the refund, the
// repair…", "I calmed him down, mainly by letting him finish", "…and said “…”".
const SHOWN = new Set(['communication', 'catch-all', 'service']);
// Only within the clause: a quote after "because…" or ", and I…" belongs to something else.
const SPECIFICS = /^(?:(?![,;]|\b(?:and|but|because|so|as|which|who|then)\b)[^.!?\n]){0,60}?(?::\s*\S+\s+\S+|["“]\s*\w|\bby\s+\w+ing\b)/;

/** Whether the rest of the sentence from `at` carries the specifics of what was named. */
function specificsFollow(prose: string, at: number): boolean {
  return SPECIFICS.test(prose.slice(at, at + 200));
}

const PROMPT = /^\s*(?:[>*-]\s*)?(?:\*\*)?(?:Q(?:uestion)?\s*\d*[:.)]|Prompt:)/i;
const TITLE_WORDS = 14;

/**
 * Whether [start, end) lies in words that are not the writer's account of what happened: the account's title
 * ("Unit 201 – Dealing with a difficult customer"), a question put to the writer ("Q: Give an example of when
 * you dealt with…", "How did you deal with it?"). They name the topic; the answer below is what is judged.
 */
function notAStatement(text: string, bodyStart: number): (start: number, end: number) => boolean {
  let title: { start: number; end: number } | null | undefined;
  const titleLine = () => {
    if (title !== undefined) return title;
    // The first non-blank line, standing alone, short, with no full stop, colon or comma at its end.
    let i = bodyStart;
    while (i < text.length && /\s/.test(text[i])) i++;
    let j = text.indexOf('\n', i);
    if (j < 0) j = text.length;
    const line = text.slice(i, j).trim();
    const alone = /^\r?(?:\n|$)/.test(text.slice(j + 1, j + 3)) || j >= text.length;
    title = alone && line && !/[.,:;!]$/.test(line) && line.split(/\s+/).length <= TITLE_WORDS ? { start: i, end: j } : null;
    return title;
  };
  return (start, end) => {
    const t = titleLine();
    if (t && start >= t.start && end <= t.end) return true;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    let lineEnd = text.indexOf('\n', end);
    if (lineEnd < 0) lineEnd = text.length;
    if (PROMPT.test(text.slice(lineStart, lineEnd))) return true;
    // A question: the sentence goes on to a question mark.
    const stop = /[.!?]/.exec(text.slice(end, lineEnd));
    return stop?.[0] === '?';
  };
}

export default defineRule(
  {
    id: 'generic-language',
    defaultSeverity: 'warning',
    title: 'Vague, generic phrases that could describe any event.',
    rationale:
      'Assessors look for one real, specific event. Phrases such as "good customer service" or "dealt with" could be written by anyone about anything, so they earn no credit; the concrete detail behind them does.',
  },
  ({ account, config, report }) => {
    const lex = genericLexicon(config.phrases);
    const prose = account.prose;
    // A claim in a Result that missing-outcome-measure reports (it asks for the figure) is left to it, unless it
    // is off; the many it does not know ("she was much happier", "my manager was pleased") are reported here.
    const claimsElsewhere = config.rules['missing-outcome-measure']?.severity !== 'off';
    const outcomes = claimsElsewhere ? account.sections.filter((s) => s.def.kind === 'outcome') : [];
    const reportedThere = (start: number, end: number) => {
      const s = outcomes.find((o) => start >= o.body.start && start < o.body.end);
      return !!s && unmeasuredClaimOverlaps(account, s, criterionRefs(account, s), start, end);
    };
    const quotes = proseQuotes(account);
    const notStatement = notAStatement(account.text, account.preamble.start);
    const allowed = allowedSpans(account, config.allow);
    lex.each(prose, account.preamble.start, prose.length, (m, entry) => {
      // A customer's own words ("great service, thank you") are evidence, not the learner's vagueness.
      if (quotes.inside(m.index)) return;
      if (notStatement(m.index, m.index + m[0].length)) return;
      if (reportedSpeech(prose, m.index)) return;
      if (SHOWN.has(entry.category ?? '') && specificsFollow(prose, m.index + m[0].length)) return;
      // A way with people set out as the aim ("My task was to calm him down") is what the account then shows or
      // not; it is not yet a claim. A feeling promised there ("…and make sure she left happy") still is.
      if (entry.category === 'communication' && inAim(prose, m.index)) return;
      if (entry.category === 'claim' && reportedThere(m.index, m.index + m[0].length)) return;
      const span = { start: m.index, end: m.index + m[0].length };
      if (allowed(span)) return;
      const phrase = m[0].replace(/\s+/g, ' ');
      const suggestion = entry.suggestion ?? DEFAULT_SUGGESTION;
      const label = entry.category ? CATEGORY_LABELS[entry.category] : undefined;
      report({
        message: `"${phrase}" is vague${label ? ` (${label})` : ''}. ${suggestion}`,
        span,
        // `text`: the words as written, what the allow list takes; `phrase`: the lexicon entry they matched.
        data: { phrase: entry.phrase ?? phrase, text: phrase, category: entry.category, suggestion },
      });
    });
  },
);
