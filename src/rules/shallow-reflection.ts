import lexiconData from '../../data/lexicons/reflection-cues.yaml?data';
import { lexicon } from '../core/data';
import { defineRule } from '../core/rule';
import { compileLexicon, type CompiledLexicon } from './util/lexicon';
import { anchorOf } from './util/scope';
import { listing } from './util/text';

type Category = 'evaluation' | 'learning' | 'next-time';
const CATEGORIES: Category[] = ['evaluation', 'learning', 'next-time'];

const WHAT: Record<Category, { missing: string; add: string }> = {
  evaluation: { missing: 'how well it went and why', add: 'judge how it went ("The call-back worked because…", "I could have…")' },
  learning: { missing: 'what you learned', add: 'say what you learned ("I learned that…", "I now understand…")' },
  'next-time': { missing: 'what you will do differently next time', add: 'name one concrete change ("Next time I will…")' },
};

let compiled: CompiledLexicon | undefined;

export default defineRule(
  {
    id: 'shallow-reflection',
    defaultSeverity: 'warning',
    title: 'A reflection that does not evaluate, say what was learned, or say what changes next time.',
    rationale:
      'The Reflection is where you show you can evaluate your own practice. Assessors look for three things: a judgement of what went well and what did not (and why), what you learned, and what you will do differently. A reflection that retells the story or just says "it went well" misses the criteria that ask you to evaluate.',
  },
  ({ account, report }) => {
    // All reflective sections count together: Gibbs spreads evaluation, learning and the action plan over several.
    const reflective = account.sections.filter((s) => s.def.kind === 'reflective' && s.words > 0);
    if (!reflective.length) return;
    compiled ??= compileLexicon(lexicon(lexiconData).entries);
    const found = new Set<string>();
    for (const s of reflective) {
      compiled.each(account.prose, s.body.start, s.body.end, (_m, entry) => {
        const c = entry.category;
        if (c) found.add(c);
        return found.size === CATEGORIES.length;
      }, account.wordStarts, account.wordKeys);
      if (found.size === CATEGORIES.length) return;
    }
    const missing = CATEGORIES.filter((c) => !found.has(c));
    const at = reflective[reflective.length - 1];
    const place = reflective.length > 1 ? 'Your reflection' : at.inferred ? `What reads as your ${at.def.name} (no heading)` : `Your ${at.def.name}`;
    report({
      message: `${place} does not yet say ${listing(missing.map((c) => WHAT[c].missing), 'or')}. To make it reflective, ${listing(missing.map((c) => WHAT[c].add))}.`,
      span: anchorOf(account, at),
      data: { section: at.id, missing },
    });
  },
);
