import { defineRule } from '../core/rule';
import type { Section } from '../core/types';
import { PlaceOf, placeOf } from './util/scope';
import { wordsById } from './util/text';

export default defineRule(
  {
    id: 'section-balance',
    defaultSeverity: 'info',
    title: 'The Action carries the most weight; the scene-setting does not dominate.',
    rationale:
      'Assessors credit what you did. When the Situation or another section is longer than the Action, the account spends its words on background rather than on evidence of your competence. Keep the scene short and make the Action the longest part.',
    options: {
      minWords: { type: 'integer', default: 150, min: 0, description: 'accounts with fewer words are not checked' },
      maxContextShare: { type: 'number', default: 0.35, min: 0, max: 1, description: 'the largest share of the words the scene-setting may take' },
    },
  },
  ({ account, options, report }) => {
    const { minWords: minTotal, maxContextShare } = options;
    const words = wordsById(account);
    const present = account.sections.filter((s) => !s.duplicate);
    if (present.length < 2) return;
    let total = 0;
    for (const s of present) total += words.get(s.id)!;
    if (total < minTotal) return;
    const pct = (n: number) => Math.round((n / total) * 100);
    const reported = new Set<Section>();

    const action = present.find((s) => s.def.kind === 'action');
    const aw = action ? words.get(action.id)! : 0;
    for (const s of present) {
      if (s.def.kind !== 'context') continue;
      const n = words.get(s.id)!;
      if (n / total <= maxContextShare) continue;
      reported.add(s);
      // One finding says both when the scene-setting is also longer than the Action.
      const longer = action && n > aw ? `, more than your ${action.def.name} (${aw})` : '';
      report({
        message: `${s.inferred ? PlaceOf(s) : `The ${s.def.name}`} takes ${pct(n)}% of your words (${n} of ${total}${longer}). Keep the scene-setting to about a quarter — cut background that does not explain your actions — and spend the words on what you did.`,
        span: s.heading.span,
        data: { section: s.id, words: n, total, share: Math.round((n / total) * 100) / 100 },
      });
    }

    if (!action) return;
    let biggest: Section | undefined;
    for (const s of present) {
      if (s === action || reported.has(s)) continue;
      if (words.get(s.id)! > aw && (!biggest || words.get(s.id)! > words.get(biggest.id)!)) biggest = s;
    }
    if (!biggest) return;
    const bw = words.get(biggest.id)!;
    // Sections read from the writing are named as such, so the learner knows where the words were counted.
    const compared = biggest.inferred || action.inferred ? `${PlaceOf(biggest)}, ${bw} words, is longer than ${placeOf(action)}, ${aw} words.` : `Your ${biggest.def.name} (${bw} words) is longer than your ${action.def.name} (${aw} words).`;
    report({
      message: `${compared} The ${action.def.name} should carry the most weight: add the steps you took and why, and trim the ${biggest.def.name}.`,
      span: action.heading.span,
      related: [{ message: `${biggest.def.name}: ${bw} words`, span: biggest.heading.span }],
      data: { section: action.id, words: aw, longer: biggest.id, longerWords: bw },
    });
  },
);
