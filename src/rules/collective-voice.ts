import { defineRule } from '../core/rule';
import { isAsciiLetter, wordCharAt } from '../core/text';
import type { Span } from '../core/types';
import { eachMatch, numberOption, upTo } from './util/text';

// "I" is case-sensitive (a lone lower-case "i" is a typo or a list marker); the collective subjects are not.
// The whole definition (the tests hold the split search below to it):
export const SUBJECTS = /\b(?:(I)(?![\p{L}\p{N}])|([Ww][Ee])\b|(?:[Tt]he|[Oo]ur|[Mm]y)\s+(?:team|company|organi[sz]ation|business|department|branch|store|office|staff)\b)/gu;
// Its collective half; "I" is counted by a native search, as the regex stopping at each of dozens of them
// per Action cost more than the rest of the rule. The two halves' matches never overlap.
const COLLECTIVE = /\b(?:([Ww][Ee])\b|(?:[Tt]he|[Oo]ur|[Mm]y)\s+(?:team|company|organi[sz]ation|business|department|branch|store|office|staff)\b)/gu;
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
      const found = subjects(account.prose, s.body.start, s.body.end, 3 - collective.length);
      i += found.i;
      we += found.we;
      collective.push(...found.collective);
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
