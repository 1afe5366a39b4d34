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
    const allowed = allowedSpans(account, config.allow);
    lex.each(prose, account.preamble.start, prose.length, (m, entry) => {
      // A customer's own words ("great service, thank you") are evidence, not the learner's vagueness.
      if (quotes.inside(m.index)) return;
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
