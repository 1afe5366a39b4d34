import lexiconData from '../../data/lexicons/hypothetical-language.yaml?data';
import { lexicon } from '../core/data';
import { defineRule } from '../core/rule';
import type { SectionKind } from '../core/types';
import { compileLexicon, type CompiledLexicon } from './util/lexicon';
import { allowedSpans } from './util/allow';
import { proseQuotes } from './util/text';

let compiled: CompiledLexicon | undefined;

// "Next time I would…" is exactly right in a reflection; everywhere else the account tells what happened.
const LEAD: Record<string, string> = {
  conditional: 'describes what would happen, not what you did',
  future: 'describes what will happen, not what you did',
  habitual: 'describes what usually happens, not what you did this time',
  advice: 'is general advice, not what you did',
};

const NARRATIVE: ReadonlySet<SectionKind> = new Set(['context', 'task', 'action', 'outcome']);

export default defineRule(
  {
    id: 'hypothetical-language',
    defaultSeverity: 'warning',
    title: 'Hypothetical, habitual or general wording where the account should tell what you did.',
    rationale:
      'A reflective account is evidence that you did something, once, for real. "I would", "I usually" and "you should" describe what might happen or what people in general do, so they cannot count as evidence of your competence. Keep them for the Reflection ("next time I would…").',
  },
  ({ account, config, report }) => {
    compiled ??= compileLexicon(lexicon(lexiconData).entries);
    const quotes = proseQuotes(account);
    const allowed = allowedSpans(account, config.allow);
    const starts = account.wordStarts;
    for (const s of account.sections) {
      if (!NARRATIVE.has(s.def.kind)) continue;
      compiled.each(account.prose, s.body.start, s.body.end, (m, entry) => {
        // Quoted words are someone else's (a customer's "I will not order again"), not the learner's narrative.
        if (quotes.inside(m.index)) return;
        const span = { start: m.index, end: m.index + m[0].length };
        if (allowed(span)) return;
        const phrase = m[0].replace(/\s+/g, ' ');
        report({
          message: `"${phrase}" in your ${s.def.name} ${LEAD[entry.category ?? ''] ?? 'is not what you did'}. ${entry.suggestion ?? ''}`.trim(),
          span,
          data: { phrase, section: s.id, category: entry.category },
        });
      }, starts, account.wordKeys);
    }
  },
);
