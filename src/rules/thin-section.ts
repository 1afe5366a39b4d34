import { defineRule } from '../core/rule';
import { wordsById } from './util/text';

export default defineRule(
  {
    id: 'thin-section',
    defaultSeverity: 'warning',
    title: 'Each section has enough words to carry its evidence.',
    rationale:
      'A section of a line or two rarely holds enough detail for an assessor to judge it: who, what, when, how and why. Each section has a minimum that fits its job; the Action needs the most, because it is the evidence of what you did.',
  },
  ({ account, config, report }) => {
    const words = wordsById(account);
    for (const s of account.sections) {
      if (s.duplicate) continue;
      const min = config.sections[s.id]?.minWords ?? s.def.minWords;
      const have = words.get(s.id) ?? 0;
      if (!min || have >= min) continue;
      const message =
        have === 0
          ? `The ${s.def.name} section is empty. ${s.def.guidance} Aim for at least ${min} words.`
          : `The ${s.def.name} section has ${have} ${have === 1 ? 'word' : 'words'}; aim for at least ${min}. ${s.def.guidance}`;
      report({ message, span: s.heading.span, data: { section: s.id, words: have, min } });
    }
  },
);
