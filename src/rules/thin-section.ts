import { defineRule } from '../core/rule';
import { PlaceOf } from './util/scope';
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
    // A fresh template, nothing written yet: the empty sections are guidance, not problems, until there is text.
    const blank = account.sections.every((s) => s.words === 0);
    const configured = config.rules['thin-section']?.severity;
    for (const s of account.sections) {
      if (s.duplicate) continue;
      const min = config.sections[s.id]?.minWords ?? s.def.minWords;
      const have = words.get(s.id) ?? 0;
      if (!min || have >= min) continue;
      const message =
        have === 0
          ? `The ${s.def.name} section is empty. ${s.def.guidance} Aim for at least ${min} words.`
          : `${s.inferred ? PlaceOf(s) : `The ${s.def.name} section`} has ${have} ${have === 1 ? 'word' : 'words'}; aim for at least ${min}. ${s.def.guidance}`;
      if (blank) {
        report({ message: `Write your ${s.def.name} here. ${s.def.guidance} Aim for at least ${min} words.`, span: s.heading.span, severity: configured === 'hint' ? 'hint' : 'info', data: { section: s.id, words: have, min } });
        continue;
      }
      report({ message, span: s.heading.span, data: { section: s.id, words: have, min } });
    }
  },
);
