import { defineRule } from '../core/rule';
import type { Section } from '../core/types';
import { criterionRefs, eachUnmeasuredClaim, hasMeasure } from './util/outcome-claims';
import { anchorOf, PlaceOf } from './util/scope';
import { eolOf } from './util/sections';
import { trimEnd } from './util/text';

const PLACEHOLDER = '<!-- Add a measure: e.g. CSAT rose from X% to Y% by DATE -->';

export default defineRule(
  {
    id: 'missing-outcome-measure',
    defaultSeverity: 'warning',
    title: 'A Result with no measure, or outcome claims with nothing to show for them.',
    rationale:
      'Assessors credit outcomes measured against an agreed standard — a figure, a date, a KPI such as CSAT, first-contact resolution or an SLA, or the customer\'s own words. "The customer was happy" or "complaints went down" is a claim, not evidence, until you show the number or quote behind it.',
    fixable: true,
  },
  ({ account, report }) => {
    const { text } = account;
    for (const s of account.sections) {
      if (s.def.kind !== 'outcome') continue;
      const refs = criterionRefs(account, s);
      if (!hasMeasure(account, s.body.start, s.body.end, refs)) {
        if (s.words === 0) continue; // an empty section is thin-section's to report
        const Place = PlaceOf(s);
        report({
          message: `${Place} has no measure. Show what changed against an agreed standard: a figure ("complaints fell from 14 to 3 a week"), a date, a KPI such as CSAT, first-contact resolution or an SLA, or the customer's own words in quotes.`,
          span: anchorOf(account, s),
          fixes: [placeholderFix(text, s)],
          data: { section: s.id },
        });
      }
      eachUnmeasuredClaim(account, s, refs, (m) => {
        const claim = m[0].replace(/\s+/g, ' ');
        report({
          message: `"${claim}" is a claim without evidence. Add the measure behind it — a before-and-after figure, a KPI, or the customer's words in quotes.`,
          span: { start: m.index, end: m.index + m[0].length },
          data: { section: s.id, claim },
        });
      });
    }
  },
);

/** Insert the placeholder as its own paragraph at the end of the section's text. */
function placeholderFix(text: string, s: Section) {
  const eol = eolOf(text);
  const at = trimEnd(text, s.body.start, s.body.end);
  const empty = at === s.body.start;
  return {
    title: 'Add a placeholder for a measure',
    edits: [{ span: { start: at, end: at }, newText: `${eol}${eol}${PLACEHOLDER}${empty ? eol : ''}` }],
  };
}
