import { defineRule } from '../core/rule';
import type { Span } from '../core/types';
import { eachMatch, numberOption } from './util/text';

// "I" is case-sensitive (a lone lower-case "i" is a typo or a list marker); the collective subjects are not.
const SUBJECTS = /\b(?:(I)(?![\p{L}\p{N}])|([Ww][Ee])\b|(?:[Tt]he|[Oo]ur|[Mm]y)\s+(?:team|company|organi[sz]ation|business|department|branch|store|office|staff)\b)/gu;

export default defineRule(
  {
    id: 'collective-voice',
    defaultSeverity: 'warning',
    title: '"We" or "the team" carrying the Action instead of "I".',
    rationale:
      'An NVQ assesses your competence, not your team\'s. When the Action says "we" or "the team" did everything, the assessor cannot tell what you did yourself, so it cannot count as your evidence. Tell your own part with "I".',
  },
  ({ account, options, report }) => {
    const minWords = numberOption(options, 'minWords', 25);
    const actions = account.sections.filter((s) => s.def.kind === 'action');
    if (!actions.length) return;
    let i = 0;
    let we = 0;
    let words = 0;
    const collective: Span[] = [];
    for (const s of actions) {
      words += s.words;
      eachMatch(SUBJECTS, account.prose, s.body.start, s.body.end, (m) => {
        if (m[1]) i++;
        else {
          we++;
          if (collective.length < 3) collective.push({ start: m.index, end: m.index + m[0].length });
        }
      });
    }
    if (words < minWords) return;
    if (i > 0 && we <= i) return;
    const at = actions[0];
    const ratio = we === 0 ? null : Math.round((i / we) * 100) / 100;
    const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
    const message =
      we === 0
        ? `Your ${at.def.name} never says "I". Tell what YOU did, step by step — "I called the depot", "I agreed a new slot" — so the assessor can credit your own actions.`
        : i === 0
          ? `Your ${at.def.name} says "we" or "the team" ${times(we)} and "I" not at all. Tell what YOU did — "I called the depot", "I agreed a new slot" — and keep "we" for what the team did together.`
          : `Your ${at.def.name} says "we" or "the team" ${times(we)} but "I" only ${times(i)}. Tell what YOU did — "I called the depot", "I agreed a new slot" — and keep "we" for what the team did together.`;
    report({
      message,
      span: at.heading.span,
      related: collective.map((span) => ({ message: `"${account.text.slice(span.start, span.end)}" — was this you? If so, write "I".`, span })),
      data: { section: at.id, i, we, ratio },
    });
  },
);
