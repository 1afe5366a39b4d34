import { defineRule } from '../core/rule';
import type { Span } from '../core/types';
import { anchorOf, narrative, narrativeWords, placeOf, withWords } from './util/scope';
import { eachMatch } from './util/text';
import { subjects, thirdPerson } from './util/voice';

export { SUBJECTS, subjects } from './util/voice';

// "I always…", "I would…": the writer's habits, not their part in this event.
const HABITUAL_I = /\bI\s+(?:would|always|usually|normally|often|tend\s+to|never)\b/g;

export default defineRule(
  {
    id: 'collective-voice',
    defaultSeverity: 'warning',
    title: '"We" or "the team" carrying the Action instead of "I".',
    rationale:
      'An NVQ assesses your competence, not your team\'s. When the Action says "we" or "the team" did everything, the assessor cannot tell what you did yourself, so it cannot count as your evidence. Tell your own part with "I".',
    options: {
      minWords: { type: 'integer', default: 25, min: 0, description: 'Actions with fewer words are not checked' },
    },
  },
  ({ account, options, report }) => {
    const { minWords } = options;
    // The Action, headed or inferred; with none, everything that tells what happened.
    const actions = withWords(account, 'action');
    const spans = actions.length ? actions.map((s) => s.body) : narrative(account);
    // An account told of "the advisor", or in the passive, is third-person-account's to report.
    if (thirdPerson(account)) return;
    let i = 0;
    let we = 0;
    const collective: Span[] = [];
    for (const span of spans) {
      const found = subjects(account.prose, span.start, span.end, 3 - collective.length);
      i += found.i;
      we += found.we;
      collective.push(...found.collective);
      eachMatch(HABITUAL_I, account.prose, span.start, span.end, () => i--);
    }
    const words = actions.length ? actions.reduce((n, s) => n + s.words, 0) : narrativeWords(account);
    if (words < minWords || we === 0) return;
    // "We" carries the work when it leads by half as much again: a fair share of "we" beside the writer's own steps is teamwork told honestly.
    if (i > 0 && we * 2 < i * 3) return;
    const place = actions.length ? placeOf(actions[0]) : 'your account';
    const Place = place[0].toUpperCase() + place.slice(1);
    const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
    const message =
      i === 0
        ? `${Place} says "we" or "the team" ${times(we)} and "I" not at all. Tell what YOU did — "I called the depot", "I agreed a new slot" — and keep "we" for what the team did together.`
        : `${Place} says "we" or "the team" ${times(we)} but "I" only ${times(i)}. Tell what YOU did — "I called the depot", "I agreed a new slot" — and keep "we" for what the team did together.`;
    report({
      message,
      span: actions.length ? anchorOf(account, actions[0]) : collective[0],
      related: collective.map((span) => ({ message: `"${account.text.slice(span.start, span.end)}" — was this you? If so, write "I".`, span })),
      data: { section: actions[0]?.id ?? null, i, we, ratio: Math.round((i / we) * 100) / 100 },
    });
  },
);
