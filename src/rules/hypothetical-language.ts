import lexiconData from '../../data/lexicons/hypothetical-language.yaml?data';
import { lexicon } from '../core/data';
import { defineRule } from '../core/rule';
import type { SectionKind } from '../core/types';
import { compileLexicon, type CompiledLexicon } from './util/lexicon';
import { allowedSpans } from './util/allow';
import { placeOf, wholeText } from './util/scope';
import { proseQuotes, sentenceAround } from './util/text';

let compiled: CompiledLexicon | undefined;

// "Next time I would…" is exactly right in a reflection; everywhere else the account tells what happened.
const LEAD: Record<string, string> = {
  conditional: 'describes what would happen, not what you did',
  future: 'describes what will happen, not what you did',
  habitual: 'describes what usually happens, not what you did this time',
  advice: 'is general advice, not what you did',
};

// In an account with no sections: a sentence that reflects or plans, where "I would" and "I will" belong.
const PLANNING = /\b(?:next\s+time|in\s+(?:the\s+)?future|going\s+forward|from\s+now\s+on|if\s+(?:this|it|that|the\s+same)\s+(?:happened|happens|arose|arises|came\s+up)|if\s+I\s+(?:had|could|were)|(?:I|I\s+have)\s+(?:learned|learnt|realised|realized)|on\s+reflection|looking\s+back|in\s+hindsight|differently|would\s+(?:change|improve)|would\s+have|would\s+like\s+to|I\s+would\s+(?:now|also)?\s*(?:like|love)|again)\b/i;

// A reporting verb earlier in the sentence: what follows is what someone said would happen.
const REPORTED = /\b(?:explained|told|said|promised|assured|confirmed|agreed|let\s+(?:her|him|them)\s+know|reassured)\b/i;

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
    const prose = account.prose;
    // With sections (headed or inferred), the story's sections; with none, the whole text, leaving out the
    // sentences that reflect or plan ("next time I would…"), as a Reflection would be left out.
    const scopes = account.sections.length
      ? account.sections.filter((s) => NARRATIVE.has(s.def.kind)).map((s) => ({ span: s.body, place: placeOf(s), section: s.id as string | null }))
      : [{ span: wholeText(account), place: 'your account', section: null }];
    for (const { span, place, section } of scopes) {
      compiled.each(prose, span.start, span.end, (m, entry) => {
        // Quoted words are someone else's (a customer's "I will not order again"), not the learner's narrative.
        if (quotes.inside(m.index)) return;
        const found = { start: m.index, end: m.index + m[0].length };
        if (allowed(found)) return;
        const sentence = sentenceAround(prose, m.index, m.index + m[0].length, span.start, span.end);
        // Reported speech further back than the lexicon's guard looks: "I explained what would happen: …, and I would call her at 8".
        if (REPORTED.test(prose.slice(sentence.start, m.index))) return;
        if (section === null && PLANNING.test(prose.slice(sentence.start, sentence.end))) return;
        const phrase = m[0].replace(/\s+/g, ' ');
        const lead = LEAD[entry.category ?? ''] ?? 'is not what you did';
        report({
          message: `"${phrase}" in ${place} ${lead}. ${entry.suggestion ?? ''}`.trim(),
          span: found,
          data: { phrase, section, category: entry.category, advice: `Each one ${lead}. ${entry.suggestion ?? ''}`.trim() },
        });
      });
    }
  },
);
